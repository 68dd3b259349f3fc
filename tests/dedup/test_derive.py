"""Specification of canonical fields derived from the reports of one event."""

from __future__ import annotations

import datetime as dt

from dedup_helpers import make_doc, make_event

from mawgun.dedup.derive import SourceInfo, derive_canonical

DAY = dt.date(2023, 4, 11)


def reports_with_tolls(tolls: list[tuple[str, dt.date, int | None]]) -> tuple[list, dict[str, SourceInfo]]:
    records, sources = [], {}
    for key, published, toll in tolls:
        doc = make_doc(key, f"Report {key} of the Pazigyi air strike.", f"Outlet {key}", published)
        records.append(make_event(doc, fatalities=toll))
        sources[doc.doc_id] = SourceInfo(doc.outlet, published)
    return records, sources


def test_best_toll_is_the_figure_most_reports_agree_on() -> None:
    records, sources = reports_with_tolls(
        [("a", DAY, 100), ("b", DAY + dt.timedelta(1), 133), ("c", DAY + dt.timedelta(2), 133), ("d", DAY, 90)]
    )
    fields = derive_canonical(records, sources)
    assert (fields["fatalities_low"], fields["fatalities_best"], fields["fatalities_high"]) == (90, 133, 133)


def test_later_reports_weigh_more_when_figures_disagree() -> None:
    records, sources = reports_with_tolls([("a", DAY, 100), ("b", DAY + dt.timedelta(4), 165)])
    assert derive_canonical(records, sources)["fatalities_best"] == 165


def test_unknown_tolls_leave_fatalities_empty() -> None:
    records, sources = reports_with_tolls([("a", DAY, None), ("b", DAY, None)])
    fields = derive_canonical(records, sources)
    assert fields["fatalities_best"] is None and fields["fatalities_low"] is None


def test_a_syndicated_copy_neither_adds_a_source_nor_votes_twice() -> None:
    records, sources = reports_with_tolls([("a", DAY, 100), ("b", DAY, 100), ("c", DAY + dt.timedelta(3), 165)])
    originals = {"doc-b": "doc-a"}
    fields = derive_canonical(records, sources, originals)
    assert fields["n_reports"] == 3 and fields["n_sources"] == 2 and fields["n_outlets"] == 2
    assert fields["fatalities_best"] == 165
    assert fields["copies"] == ["doc-b"]


def test_most_precise_place_and_date_that_a_report_supports_are_kept() -> None:
    vague = make_doc("v", "An air strike hit a village in Sagaing Region in April.", "RFA", DAY + dt.timedelta(9))
    exact = make_doc("e", "Jets bombed Pazigyi village in Kanbalu township on Tuesday.", "DVB", DAY)
    township = make_doc("t", "Bombs fell in Kanbalu township on 11 April.", "Mizzima", DAY)
    records = [
        make_event(vague, date=dt.date(2023, 4, 15), precision="month", admin3=None, location=None),
        make_event(exact, location="Pazigyi"),
        make_event(township, location=None),
    ]
    fields = derive_canonical(records)
    assert fields["location"] == "Pazigyi" and fields["admin3"] == "Kanbalu" and fields["admin1"] == "Sagaing"
    assert fields["date"] == DAY and fields["date_precision"] == "day"


def test_sources_outlets_and_reporting_dates_are_counted() -> None:
    records, sources = reports_with_tolls(
        [("a", DAY, 1), ("b", DAY + dt.timedelta(2), 2), ("c", DAY + dt.timedelta(8), 3)]
    )
    fields = derive_canonical(records, sources)
    assert (fields["n_reports"], fields["n_sources"], fields["n_outlets"]) == (3, 3, 3)
    assert (fields["first_reported"], fields["last_reported"]) == (DAY, DAY + dt.timedelta(8))


def test_actors_are_the_union_of_the_reports_codes() -> None:
    first = make_doc("x", "Synthetic test report: troops fought PDF fighters near Village A.", "DVB", DAY)
    second = make_doc("y", "Synthetic test report: KIA and PDF fighters attacked troops near Village A.", "RFA", DAY)
    records = [make_event(first, actors=("MIL",), targets=("PDF",)), make_event(second, actors=("KIA", "PDF"))]
    fields = derive_canonical(records)
    assert fields["actor1"] == ["KIA", "MIL", "PDF"] and fields["actor2"] == ["CIV", "PDF"]


def test_actors_cited_by_more_reports_come_first_then_in_text_order() -> None:
    first = make_doc("p", "Synthetic test report: PDF battalions and KIA fighters took the town.", "Myanmar Now", DAY)
    second = make_doc("q", "Synthetic test report: PDF and KIA forces seized the town.", "DVB", DAY)
    third = make_doc("r", "Synthetic test report: KIA troops entered the town.", "RFA", DAY)
    records = [
        make_event(first, actors=("PDF", "KIA")),
        make_event(second, actors=("PDF", "KIA")),
        make_event(third, actors=("KIA",)),
    ]
    assert derive_canonical(records)["actor1"] == ["KIA", "PDF"]
    assert derive_canonical(records[:2])["actor1"] == ["PDF", "KIA"]


def test_an_exact_toll_outweighs_a_later_floor_and_every_claim_is_kept() -> None:
    records, sources = reports_with_tolls([("a", DAY, 36), ("b", DAY + dt.timedelta(1), 30)])
    records[1].fatalities_qualifier = "at least"
    fields = derive_canonical(records, sources)
    assert fields["fatalities_best"] == 36
    assert [(c["outlet"], c["fatalities"], c["qualifier"]) for c in fields["fatality_claims"]] == [
        ("Outlet a", 36, None),
        ("Outlet b", 30, "at least"),
    ]
