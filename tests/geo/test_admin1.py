"""State/region names and their aliases have one home, geo (`mawgun/geo/data/admin1.yaml`, read by
`mawgun.geo.admin1`); the gazetteer agrees with it, and no other stage keeps its own table."""

from __future__ import annotations

from pathlib import Path

import pytest

from mawgun.geo import get_geocoder
from mawgun.geo.admin1 import admin1_spellings, fold_admin1, normalize_admin1

ROOT = Path(__file__).resolve().parents[2]
# extract/evaluate.py mirrors the scoring rules of the shared benchmark scorer (bench/score.py).
ALLOWED = {"mawgun/geo/data/admin1.yaml", "mawgun/geo/data/aliases.tsv", "mawgun/extract/evaluate.py"}


def test_the_fifteen_states_and_regions() -> None:
    names = admin1_spellings()
    assert len(names) == 15 and all(written[0] == name for name, written in names.items())


@pytest.mark.parametrize(
    ("written", "name"),
    [("Karenni State", "Kayah"), ("Shan (North)", "Shan"), ("Magwe region", "Magway"), ("Naypyidaw Union territory",
     "Nay Pyi Taw"), ("Pegu Division", "Bago"), ("Thailand", None)],
)  # fmt: skip
def test_any_spelling_folds_to_one_name(written: str, name: str | None) -> None:
    assert fold_admin1(written) == name


def test_the_gazetteer_reads_every_spelling_as_the_same_state() -> None:
    gazetteer = get_geocoder().gaz
    for name, written in admin1_spellings().items():
        for spelling in written:
            assert gazetteer.normalize_admin1(spelling) in (name, None), spelling
            assert normalize_admin1(spelling) == name


def test_no_other_file_keeps_a_table_of_state_aliases() -> None:
    holders = sorted(
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "mawgun").rglob("*")
        if path.suffix in (".py", ".yaml", ".tsv") and "tenasserim" in path.read_text(encoding="utf-8").lower()
    )
    assert set(holders) <= ALLOWED, holders
