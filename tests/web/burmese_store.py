"""A store holding one Burmese article (written for the tests, about the Pazigyi air strike of 11 April
2023), run through the real pipeline: ingest-side conversion, Burmese extraction, deduplication."""

from __future__ import annotations

import datetime as dt

from mawgun.ids import document_id
from mawgun.model import Document
from mawgun.pipeline import process_store
from mawgun.store.db import session_scope
from mawgun.store.repository import save_document

PAZIGYI_MY = (
    "စစ်ကိုင်းတိုင်း၊ ကန့်ဘလူမြို့နယ်၊ ပဇီကြီးကျေးရွာကို ၂၀၂၃ ခုနှစ် ဧပြီလ ၁၁ ရက်နေ့ နံနက်ပိုင်းတွင် "
    "စစ်ကောင်စီ တိုက်လေယာဉ်များက ဗုံးကြဲတိုက်ခိုက်ခဲ့ရာ အရပ်သား ၁၆၀ ကျော် သေဆုံးခဲ့သည်။"
)


def fill_burmese_store(url: str) -> str:
    """Store and process the Burmese article; returns its document id."""
    doc = Document(
        doc_id=document_id(PAZIGYI_MY), text=PAZIGYI_MY, title="ပဇီကြီး လေကြောင်းတိုက်ခိုက်မှု",
        outlet="Test Post", published=dt.date(2023, 4, 12), language="my",
    )  # fmt: skip
    with session_scope(url) as session:
        save_document(session, doc)
    process_store(url, progress=False)
    return doc.doc_id
