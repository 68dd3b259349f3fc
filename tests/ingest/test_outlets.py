"""Outlets get one consistent name, and bylines name them when a file does not."""

from __future__ import annotations

from pathlib import Path

from mawgun.ingest import ingest_paths
from mawgun.ingest.outlets import byline_outlet, normalise_outlet

from .conftest import stored_documents

STORY = "Junta troops burned houses in a village of Pale Township, residents said on Monday."


def test_names_aliases_and_domains_map_to_one_outlet() -> None:
    assert normalise_outlet("Irrawaddy") == "The Irrawaddy"
    assert normalise_outlet("the irrawaddy") == "The Irrawaddy"
    assert normalise_outlet("https://www.irrawaddy.com/news/burma") == "The Irrawaddy"
    assert normalise_outlet("DVB") == "Democratic Voice of Burma"
    assert normalise_outlet("  Local Bulletin ") == "Local Bulletin"
    assert normalise_outlet("") is None and normalise_outlet(None) is None


def test_a_byline_names_a_known_outlet_but_never_a_person() -> None:
    assert byline_outlet(f"Houses burned in Pale\n\nBy Network Media Group\n\n{STORY}") == "Network Media Group"
    assert (
        byline_outlet(f"Houses burned\n\nMay 2nd, 2023 • Author: Progressive Voice\n\n{STORY}") == "Progressive Voice"
    )
    assert byline_outlet(f"Houses burned in Pale\n\nBy Ko Aung Myo\n\n{STORY}") is None
    assert byline_outlet(f"Karen News Villagers flee shelling\n\n{STORY}") == "Karen News"


def test_header_outlets_are_normalised_and_bylines_fill_missing_ones(tmp_path: Path, sqlite_url: str) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(f"outlet: Irrawaddy\n\n{STORY}", encoding="utf-8")
    (docs / "b.txt").write_text(
        f"Houses burned in Pale\nBy Myanmar Now\n\n{STORY} Smoke rose for hours.", encoding="utf-8"
    )
    assert ingest_paths([docs], sqlite_url, progress=False).read == 2
    assert {d.outlet for d in stored_documents(sqlite_url)} == {"The Irrawaddy", "Myanmar Now"}
