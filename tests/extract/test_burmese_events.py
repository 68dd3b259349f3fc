"""Burmese events and statistics, coded in the shared codes; texts written for these tests about real events
(Pazigyi air strike, 11 April 2023; Mung Lai Hkyet camp shelling, 9 October 2023; the Arakan Army's capture
of Paletwa, January 2024; AAPP's count of arrests since the coup)."""

from __future__ import annotations

import datetime as dt

import pytest

from mawgun.extract.api import extract_document
from mawgun.model import Document, EventRecord, StatisticRecord

PAZIGYI = (
    "စစ်ကိုင်းတိုင်း၊ ကန့်ဘလူမြို့နယ်၊ ပဇီကြီးကျေးရွာကို ၂၀၂၃ ခုနှစ် ဧပြီလ ၁၁ ရက်နေ့ နံနက်ပိုင်းတွင် "
    "စစ်ကောင်စီ တိုက်လေယာဉ်များက ဗုံးကြဲတိုက်ခိုက်ခဲ့ရာ အရပ်သား ၁၆၀ ကျော် သေဆုံးခဲ့သည်။"
)
MUNG_LAI_HKYET = "ကချင်ပြည်နယ်၊ ဝိုင်းမော်မြို့နယ်ရှိ စစ်ဘေးရှောင်စခန်းတစ်ခုကို မနေ့ညပိုင်းက စစ်ကောင်စီက လက်နက်ကြီးဖြင့် ပစ်ခတ်ခဲ့ရာ အရပ်သား (၂၉) ဦး သေဆုံးခဲ့သည်။"
PALETWA = "ချင်းပြည်နယ်၊ ပလက်ဝမြို့ကို ဇန်နဝါရီလ ၁၅ ရက်နေ့တွင် ရက္ခိုင့်တပ်တော် (AA) က အပြည့်အဝ တိုက်ခိုက်သိမ်းပိုက်လိုက်ပြီ ဖြစ်ကြောင်း ထုတ်ပြန်သည်။"
ARRESTS = "အာဏာသိမ်းပြီးနောက် ဖမ်းဆီးခံခဲ့ရသူ စုစုပေါင်း ၂၅,၀၀၀ ကျော် ရှိကြောင်း AAPP က ထုတ်ပြန်သည်။"


def events_of(text: str, published: dt.date, doc_id: str = "my-test") -> list[EventRecord]:
    doc = Document(doc_id=doc_id, text=text, published=published)
    return [r for r in extract_document(doc) if isinstance(r, EventRecord)]


def test_an_air_strike_on_a_village_named_only_in_burmese() -> None:
    (event,) = events_of(PAZIGYI, dt.date(2023, 4, 12))
    assert (event.event_type, event.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert event.date == dt.date(2023, 4, 11) and event.date_precision == "day"
    assert event.place is not None
    assert (event.place.admin1, event.place.admin3, event.place.location) == ("Sagaing", "Kanbalu", "Pa Zi Gyi")
    assert [a.actor_id for a in event.actor1] == ["MIL"] and [a.actor_id for a in event.actor2] == ["CIV"]
    assert (event.fatalities, event.fatalities_qualifier) == (160, "over")
    assert all(PAZIGYI[s.start : s.end] == s.text for s in event.evidence)


def test_shelling_yesterday_in_a_township_with_bracketed_digits() -> None:
    (event,) = events_of(MUNG_LAI_HKYET, dt.date(2023, 10, 10))
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert event.date == dt.date(2023, 10, 9)
    assert event.place is not None and (event.place.admin1, event.place.admin3) == ("Kachin", "Waingmaw")
    assert event.fatalities == 29


def test_a_town_captured_by_a_group_named_in_burmese_and_by_its_acronym() -> None:
    (event,) = events_of(PALETWA, dt.date(2024, 1, 16))
    assert (event.event_type, event.sub_event_type) == ("Battles", "Non-state actor overtakes territory")
    assert event.date == dt.date(2024, 1, 15)
    assert event.place is not None and (event.place.admin1, event.place.admin3) == ("Chin", "Paletwa")
    assert [a.actor_id for a in event.actor1] == ["AA"] and [a.actor_id for a in event.actor2] == ["MIL"]


def test_a_total_since_the_coup_is_a_statistic_not_an_event() -> None:
    doc = Document(doc_id="aapp", text=ARRESTS, published=dt.date(2024, 1, 1))
    records = extract_document(doc)
    assert not [r for r in records if isinstance(r, EventRecord)]
    (stat,) = [r for r in records if isinstance(r, StatisticRecord)]
    assert (stat.metric, stat.value, stat.qualifier) == ("arrests", 25000, "over")
    assert stat.period_start == dt.date(2021, 2, 1) and stat.source_org == "AAPP"


def test_a_negated_or_future_event_is_not_coded() -> None:
    text = "ပလက်ဝမြို့နယ်တွင် ယနေ့ တိုက်ပွဲဖြစ်ပွားခြင်းမရှိပါ။ ကန့်ဘလူမြို့နယ်ကို ထိုးစစ်ဆင်တိုက်ခိုက်မည်ဟု ဆိုသည်။"
    assert events_of(text, dt.date(2024, 1, 16)) == []


def test_a_mixed_document_is_read_in_both_languages() -> None:
    english = "Junta forces shelled a camp for displaced people in Waingmaw Township, Kachin State, on 9 October 2023."
    text = english + "\n\n" + PAZIGYI
    events = events_of(text, dt.date(2023, 10, 10))
    kinds = sorted((e.sub_event_type or "", e.place.admin3 if e.place else None) for e in events)
    assert ("Air/drone strike", "Kanbalu") in kinds
    assert any(sub.startswith("Shelling") for sub, _ in kinds)
    assert all(text[s.start : s.end] == s.text for e in events for s in e.evidence)


def test_zawgyi_is_converted_and_coded_like_its_unicode_peer() -> None:
    icu = pytest.importorskip("icu")
    pytest.importorskip("myanmartools")
    zawgyi = icu.Transliterator.createInstance("my-Zawgyi").transliterate(PAZIGYI)
    assert zawgyi != PAZIGYI
    (unicode_event,) = events_of(PAZIGYI, dt.date(2023, 4, 12))
    (zawgyi_event,) = events_of(zawgyi, dt.date(2023, 4, 12))
    fields = ("event_type", "sub_event_type", "date", "fatalities")
    assert [getattr(zawgyi_event, f) for f in fields] == [getattr(unicode_event, f) for f in fields]
    assert zawgyi_event.place == unicode_event.place or (
        zawgyi_event.place is not None and zawgyi_event.place.admin3 == "Kanbalu"
    )
    assert "ပဇီကြီး" in zawgyi_event.evidence[0].text  # evidence is the converted (Unicode) text


def test_a_burmese_document_that_yields_nothing_is_named_in_the_summary(tmp_path) -> None:
    import json

    from mawgun.extract import extract_file

    docs = tmp_path / "docs.jsonl"
    rows = [
        {"doc_id": "quiet", "text": "ဒီနေ့ ရာသီဥတု သာယာပါတယ်။ မိုးမရွာပါ။", "published": "2024-01-16"},
        {"doc_id": "paletwa", "text": PALETWA, "published": "2024-01-16"},
        {"doc_id": "english", "text": "Nothing happened today.", "published": "2024-01-16"},
    ]
    docs.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    summary = extract_file(docs, tmp_path / "out.jsonl", progress=False)
    assert summary["burmese_without_records"] == ["quiet"]


def test_a_township_named_inside_its_city_is_one_event_and_listed_townships_are_several() -> None:
    nested = "ရန်ကုန်မြို့ လှိုင်သာယာမြို့နယ်တွင် မနေ့က ဗုံးပေါက်ကွဲမှု ဖြစ်ပွားခဲ့သည်။"
    (event,) = events_of(nested, dt.date(2024, 6, 5))
    assert event.place is not None and event.place.admin3 is not None and "Hlaingtharya" in event.place.admin3
    listed = "စစ်ကိုင်းတိုင်း ဝက်လက်နဲ့ ကန့်ဘလူမြို့နယ်တွေမှာ မနေ့က ကျေးရွာများကို မီးရှို့ခဲ့သည်။"
    townships = sorted(e.place.admin3 or "" for e in events_of(listed, dt.date(2024, 6, 5)) if e.place)
    assert townships == ["Kanbalu", "Wetlet"]


def test_a_drone_strike_by_a_named_resistance_force_on_a_police_station() -> None:
    text = "ယမန်နေ့ညက မုံရွာမြို့ပေါ်ရှိ ရဲစခန်းတစ်ခုကို PDF က ဒရုန်းဖြင့် တိုက်ခိုက်ခဲ့သည်။"
    (event,) = events_of(text, dt.date(2024, 6, 5))
    assert event.sub_event_type == "Air/drone strike" and event.date == dt.date(2024, 6, 4)
    assert [a.actor_id for a in event.actor1] == ["PDF"] and [a.actor_id for a in event.actor2] == ["POL"]


def test_victims_named_one_by_one_and_the_day_of_this_month() -> None:
    text = "မွန်ပြည်နယ်၊ ကျိုက်မရောမြို့နယ်တွင် စစ်ကောင်စီတပ်က ဒီလ ၃ ရက်နေ့က ရွာသား ၃ ဦးကို ပစ်သတ်ခဲ့သည်။"
    (event,) = events_of(text, dt.date(2024, 6, 5))
    assert (event.sub_event_type, event.date, event.fatalities) == ("Attack", dt.date(2024, 6, 3), 3)


def test_lashio_captured_by_the_mndaa() -> None:
    text = "ရှမ်းပြည်နယ်မြောက်ပိုင်း လားရှိုးမြို့ကို MNDAA က ဩဂုတ်လ ၃ ရက်နေ့တွင် အပြည့်အဝ ထိန်းချုပ်လိုက်ကြောင်း ကြေညာသည်။"
    (event,) = events_of(text, dt.date(2024, 8, 4))
    assert (event.sub_event_type, event.date) == ("Non-state actor overtakes territory", dt.date(2024, 8, 3))
    assert event.place is not None and (event.place.admin1, event.place.admin3) == ("Shan", "Lashio")
    assert [a.actor_id for a in event.actor1] == ["MNDAA"]


def test_millions_written_with_a_burmese_multiplier() -> None:
    text = "မြန်မာနိုင်ငံတွင် စစ်ဘေးရှောင် ၃ သန်းကျော် ရှိနေကြောင်း ကုလသမဂ္ဂက ထုတ်ပြန်သည်။"
    doc = Document(doc_id="idps", text=text, published=dt.date(2024, 6, 5))
    (stat,) = [r for r in extract_document(doc) if isinstance(r, StatisticRecord)]
    assert (stat.metric, stat.value, stat.qualifier) == ("displaced", 3_000_000, "over")


def test_a_body_without_a_place_takes_the_township_of_its_headline() -> None:
    text = (
        "ဂန့်ဂေါမြို့နယ်တွင် လေကြောင်းတိုက်ခိုက်မှုကြောင့် အရပ်သား ၃ ဦး သေဆုံး\n"
        "မကွေး၊ ဇူလိုင် ၁၂\n"
        "စစ်ကောင်စီ တိုက်လေယာဉ်များသည် ယမန်နေ့ ညနေပိုင်းက ဗုံးကြဲတိုက်ခိုက်ခဲ့ရာ အရပ်သား ၃ ဦး သေဆုံးခဲ့သည်။"
    )
    (event,) = events_of(text, dt.date(2024, 7, 12))
    assert event.place is not None and (event.place.admin1, event.place.admin3) == ("Magway", "Gangaw")
    assert (event.date, event.fatalities) == (dt.date(2024, 7, 11), 3)


def test_violence_told_by_month_more_than_a_year_back_is_background() -> None:
    text = "ပြီးခဲ့သည့်နှစ် မတ်လအတွင်း စစ်ကောင်စီက ကလေးမြို့ကို လေကြောင်းမှ ဗုံးကြဲခဲ့သည်။"
    assert events_of(text, dt.date(2024, 12, 2)) == []


def test_groups_written_as_burmese_transliterations_of_their_acronyms() -> None:
    text = "ကရင်ပြည်နယ် မြဝတီမြို့နယ်တွင် ကေအဲန်အယ်လ်အေနှင့် စစ်ကောင်စီတပ်တို့ ဧပြီ ၁၀ ရက်နေ့က တိုက်ပွဲဖြစ်ပွားခဲ့သည်။"
    (event,) = events_of(text, dt.date(2024, 4, 11))
    assert event.sub_event_type == "Armed clash"
    assert [a.actor_id for a in event.actor1] == ["KNLA"] and [a.actor_id for a in event.actor2] == ["MIL"]


def test_a_longer_verb_before_the_figure_and_its_headcount_word() -> None:
    text = "အာဏာသိမ်းပြီးနောက် ဖမ်းဆီးထိန်းသိမ်းခံထားရသူ ၂၀,၀၀၀ ကျော် ရှိကြောင်း AAPP က ဆိုသည်။"
    doc = Document(doc_id="detained", text=text, published=dt.date(2024, 6, 1))
    (stat,) = [r for r in extract_document(doc) if isinstance(r, StatisticRecord)]
    assert (stat.metric, stat.value, stat.period_start, stat.source_org) == (
        "arrests",
        20000,
        dt.date(2021, 2, 1),
        "AAPP",
    )


def test_the_junta_taking_a_town_back_is_government_regains_territory() -> None:
    text = "ရှမ်းပြည်နယ်မြောက်ပိုင်း လားရှိုးမြို့ကို စစ်ကောင်စီတပ်က ဧပြီလ ၂၂ ရက်နေ့တွင် ပြန်လည်ထိန်းချုပ်လိုက်သည်။"
    (event,) = events_of(text, dt.date(2025, 4, 23))
    assert (event.sub_event_type, event.date) == ("Government regains territory", dt.date(2025, 4, 22))
    assert [a.actor_id for a in event.actor1] == ["MIL"]


def test_zero_width_spaces_between_words_neither_split_names_nor_move_evidence() -> None:
    spaced = PAZIGYI.replace("ကန့်ဘလူ", "ကန့်\u200bဘလူ").replace("ဗုံးကြဲ", "ဗုံး\u200bကြဲ").replace(" ", "\u200b ")
    (event,) = events_of(spaced, dt.date(2023, 4, 12))
    assert event.sub_event_type == "Air/drone strike"
    assert event.place is not None and event.place.admin3 == "Kanbalu"
    assert all(spaced[s.start : s.end] == s.text for s in event.evidence)
    assert event.evidence[0].text.startswith("စစ်ကိုင်းတိုင်း")


def test_people_killed_by_a_named_force_and_a_plan_that_is_no_event() -> None:
    killed = "စစ်ကိုင်းတိုင်း ယင်းမာပင်မြို့နယ်တွင် ဇွန် ၂ ရက်နေ့က ရွာသား ၃ ဦး စစ်ကောင်စီတပ်၏ ပစ်သတ်ခံခဲ့ရသည်။"
    (event,) = events_of(killed, dt.date(2024, 6, 5))
    assert (event.sub_event_type, event.fatalities) == ("Attack", 3)
    plan = "စစ်ကောင်စီက ကလေးမြို့ကို တိုက်ခိုက်ရန် ပြင်ဆင်နေကြောင်း ဇွန် ၂ ရက်က သိရသည်။"
    assert events_of(plan, dt.date(2024, 6, 5)) == []
    unharmed = "ကယားပြည်နယ် ဒီးမော့ဆိုမြို့နယ်ကို ဇွန် ၂ ရက်နေ့က လက်နက်ကြီးဖြင့် ပစ်ခတ်ခဲ့သော်လည်း ထိခိုက်သေဆုံးမှု မရှိခဲ့ပါ။"
    (shelling,) = events_of(unharmed, dt.date(2024, 6, 5))
    assert shelling.fatalities == 0


def test_people_displaced_by_fighting_are_a_figure_and_the_fighting_no_event() -> None:
    text = "ကရင်နီပြည်နယ်တွင် တိုက်ပွဲများကြောင့် ဒေသခံ ၅,၀၀၀ ကျော် စစ်ရှောင်နေရသည်။"
    records = extract_document(Document(doc_id="idps-kayah", text=text, published=dt.date(2024, 6, 5)))
    assert [(r.kind, getattr(r, "metric", None), getattr(r, "value", None)) for r in records] == [
        ("statistic", "displaced", 5000)
    ]


def test_an_undated_document_is_dated_by_its_dateline() -> None:
    text = "ရခိုင်၊ ဇန်နဝါရီ ၁၆၊ ၂၀၂၄\n" + PALETWA.replace("ဇန်နဝါရီလ ၁၅ ရက်နေ့တွင်", "မနေ့က")
    doc = Document(doc_id="undated", text=text, published=None)
    (event,) = [r for r in extract_document(doc) if isinstance(r, EventRecord)]
    assert event.date == dt.date(2024, 1, 15) and event.place is not None and event.place.admin3 == "Paletwa"
