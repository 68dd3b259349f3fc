"""Chat exports: a Telegram channel export and a WhatsApp chat, one post a document, coded like articles.

The fixtures in tests/ingest/chat/ are written for these tests (real kinds of events, our words):
a Telegram Desktop `result.json` with a pinned-message service entry, English posts with text
entities, a post forwarded from another outlet, an edited post, a Burmese post and a photo-only
post; a WhatsApp export with a system line, a post continued on a second line and a media-only post.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from mawgun.ingest import ingest_paths
from mawgun.ingest.chat_reader import chat_date, day_first, looks_like_chat
from mawgun.pipeline import process_store
from mawgun.store.db import session_scope
from mawgun.store.schema import DocumentRow, EventRow, EvidenceRow

CHAT = Path(__file__).parent / "chat"
TELEGRAM = CHAT / "result.json"
WHATSAPP = CHAT / "WhatsApp Chat with Sagaing Monitors.txt"


def documents_by_origin(url: str) -> dict[str, DocumentRow]:
    with session_scope(url) as session:
        rows = {row.origin.rsplit("#", 1)[-1]: row for row in session.scalars(select(DocumentRow))}
        session.expunge_all()
    return rows


def test_a_telegram_export_gives_one_document_per_post_with_text(sqlite_url: str) -> None:
    report = ingest_paths([TELEGRAM], sqlite_url, progress=False)
    assert (report.read, report.failed) == (4, 0)  # the service entry and the photo-only post are left out
    docs = documents_by_origin(sqlite_url)
    assert set(docs) == {"message-2", "message-3", "message-4", "message-5"}
    paletwa = docs["message-2"]
    assert paletwa.text.startswith("Paletwa captured\nThe Arakan Army said") and paletwa.text.endswith("#Chin")
    assert paletwa.title == "Paletwa captured"
    assert (paletwa.outlet, str(paletwa.published), paletwa.language) == ("Frontline Notes", "2024-01-16", "en")
    assert docs["message-3"].outlet == "Kachin News Group"  # a forward is credited to the outlet that reported it
    assert str(docs["message-4"].published) == "2024-01-17"  # an edited post keeps its post date, with its new text
    assert "five civilians" in docs["message-4"].text
    assert docs["message-5"].language == "my"


def test_telegram_posts_are_coded_like_articles_with_evidence(sqlite_url: str) -> None:
    ingest_paths([TELEGRAM], sqlite_url, progress=False)
    process_store(sqlite_url, progress=False)
    docs = documents_by_origin(sqlite_url)
    with session_scope(sqlite_url) as session:
        events = {doc_key: session.scalars(select(EventRow).where(EventRow.document_id == doc.id)).all()
                  for doc_key, doc in docs.items()}  # fmt: skip
        coded = {key: {(e.event_type, e.admin3, e.fatalities) for e in rows} for key, rows in events.items()}
        strike = events["message-4"][0]
        spans = session.scalars(select(EvidenceRow).where(EvidenceRow.record_id == strike.id)).all()
        assert spans and all(docs["message-4"].text[s.start : s.end] == s.quote for s in spans if s.quote)
    assert ("Battles", "Paletwa", None) in coded["message-2"]
    assert ("Battles", "Hpakant", None) in coded["message-3"]
    assert ("Explosions/Remote violence", "Kanbalu", 5) in coded["message-4"]
    assert ("Explosions/Remote violence", "Kanbalu", 5) in coded["message-5"]  # the same strike, told in Burmese


def test_a_whatsapp_export_gives_one_document_per_post(sqlite_url: str) -> None:
    report = ingest_paths([WHATSAPP], sqlite_url, progress=False)
    assert (report.read, report.failed) == (2, 0)  # the system line and the media-only post are left out
    docs = sorted(documents_by_origin(sqlite_url).values(), key=lambda d: d.published)
    assert [d.outlet for d in docs] == ["Sagaing Monitors", "Sagaing Monitors"]
    assert [str(d.published) for d in docs] == ["2024-01-16", "2024-01-17"]
    assert docs[0].text.endswith("About 40 houses were destroyed.")  # the continued line stays with its post


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("16/01/2024, 09:15 - Ko Aung: text", "2024-01-16"),
        ("[16/01/2024, 09:15:40] Ko Aung: text", "2024-01-16"),
        ("1/16/24, 9:15 AM - Ko Aung: text", "2024-01-16"),
        ("[2024-01-16 09:15] Ko Aung: text", "2024-01-16"),
    ],
)
def test_whatsapp_and_signal_line_styles_are_recognised(line: str, date: str) -> None:
    assert looks_like_chat([line, line])
    value = line.lstrip("[").split(",")[0].split(" ")[0]
    assert str(chat_date(value, day_first([value]))) == date


def test_plain_text_is_not_taken_for_a_chat(tmp_path: Path, sqlite_url: str) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Fighting near Hpakant\n\n16/01/2024, 09:15 - the day it began: fighting.\nMore text.\n")
    report = ingest_paths([note], sqlite_url, progress=False)
    assert report.read == 1
    assert documents_by_origin(sqlite_url)[str(note)].title == "Fighting near Hpakant"


def test_json_that_is_not_a_telegram_export_fails_with_a_reason(tmp_path: Path, sqlite_url: str) -> None:
    other = tmp_path / "data.json"
    other.write_text('{"rows": [1, 2, 3]}')
    report = ingest_paths([other], sqlite_url, progress=False)
    assert report.failed == 1 and "not a Telegram Desktop export" in (report.failures[0].reason or "")
