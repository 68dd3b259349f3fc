"""Zawgyi-encoded Burmese is converted to Unicode on ingest; the original is kept and the conversion
recorded. Texts written for these tests; their Zawgyi form is made with ICU's my-Zawgyi transform."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from mawgun.ingest import ingest_paths, zawgyi
from mawgun.store.db import session_scope
from mawgun.store.repository import get_document

from .conftest import stored_documents

UNICODE = (
    "ကချင်ပြည်နယ်၊ ဝိုင်းမော်မြို့နယ်ရှိ စစ်ဘေးရှောင်စခန်းတစ်ခုကို ၂၀၂၃ ခုနှစ် အောက်တိုဘာလ ၉ ရက်နေ့ ညပိုင်းတွင် "
    "စစ်ကောင်စီက လက်နက်ကြီးဖြင့် ပစ်ခတ်ခဲ့ရာ အရပ်သား ၂၉ ဦး သေဆုံးခဲ့သည်။"
)


@pytest.fixture(scope="module")
def as_zawgyi() -> str:
    icu = pytest.importorskip("icu")
    pytest.importorskip("myanmartools")
    return str(icu.Transliterator.createInstance("my-Zawgyi").transliterate(UNICODE))


def test_unicode_burmese_is_kept_as_it_is() -> None:
    pytest.importorskip("myanmartools")
    conversion = zawgyi.normalise_burmese(UNICODE)
    assert (conversion.encoding, conversion.text, conversion.converted) == ("unicode", UNICODE, False)


def test_zawgyi_is_detected_and_converted(as_zawgyi: str) -> None:
    assert as_zawgyi != UNICODE
    conversion = zawgyi.normalise_burmese(as_zawgyi)
    assert conversion.converted and conversion.probability > 0.95
    assert conversion.text == UNICODE


def test_text_without_burmese_needs_no_library() -> None:
    assert zawgyi.normalise_burmese("No Burmese here.").encoding == "unicode"


def test_ingest_stores_unicode_and_keeps_the_original(tmp_path: Path, sqlite_url: str, as_zawgyi: str) -> None:
    source = tmp_path / "statement.txt"
    source.write_text(as_zawgyi, encoding="utf-8")
    report = ingest_paths([source], url=sqlite_url, progress=False)
    assert report.read == 1
    (doc,) = stored_documents(sqlite_url)
    with session_scope(sqlite_url) as session:
        stored = get_document(session, doc.doc_id)
    assert stored is not None
    assert (stored.text, stored.source_encoding, stored.original_text) == (UNICODE, "zawgyi", as_zawgyi)
    assert stored.language == "my"


def test_a_missing_extra_keeps_the_text_and_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def missing() -> None:
        raise zawgyi.BurmeseExtraMissing(zawgyi.EXTRA_HINT)

    monkeypatch.setattr(zawgyi, "detector", missing)
    with caplog.at_level(logging.WARNING, logger="mawgun.ingest.zawgyi"):
        conversion = zawgyi.try_normalise(UNICODE)
    assert (conversion.text, conversion.encoding) == (UNICODE, "unknown")
    assert "mawgun[burmese]" in caplog.text
