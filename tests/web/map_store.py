"""A store for the map tests: nine events written for this suite, placed and dated to show clustering,
the time slider, precision and unknown tolls.

Five events at Lashio on one spot (two in July 2024, three in August 2024) make a cluster that
spiderfies; two in Kanbalu Township, Sagaing (April 2023); one in Hlaing Township, Yangon, known
only to the month (November 2023); and one in Kachin State known only to the state and to the month
(November 2023). Four tolls are unknown (None), one is a reported 0.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mawgun.model import ActorRef, Document, EventRecord, Place
from mawgun.store import repository
from mawgun.store.db import session_scope
from mawgun.store.schema import EventRow
from web.sample_store import canonical_row, prov, span_of


@dataclass
class Spec:
    key: str
    sentence: str
    day: dt.date
    sub_type: str
    place: Place
    toll: int | None
    precision: str = "day"


LASHIO = Place(admin1="Shan (North)", admin1_pcode="MMR015", admin3="Lashio", admin3_pcode="MMR015001",
               location="Lashio", latitude=22.936, longitude=97.75, geo_precision=1)  # fmt: skip
PAZIGYI = Place(admin1="Sagaing", admin1_pcode="MMR005", admin3="Kanbalu", admin3_pcode="MMR005007",
                location="Pazigyi", latitude=23.19, longitude=95.52, geo_precision=1)  # fmt: skip
KANBALU = Place(admin1="Sagaing", admin1_pcode="MMR005", admin3="Kanbalu", admin3_pcode="MMR005007",
                location="Kanbalu", latitude=23.2, longitude=95.51, geo_precision=2)  # fmt: skip
HLAING = Place(admin1="Yangon", admin1_pcode="MMR013", admin3="Hlaing", admin3_pcode="MMR013040",
               location="Hlaing", latitude=16.85, longitude=96.12, geo_precision=2)  # fmt: skip
KACHIN = Place(admin1="Kachin", admin1_pcode="MMR001", geo_precision=3)

ARMED_CLASH = "Armed clash"
SPECS = [
    Spec("lashio-1", "Fighting broke out on the edge of Lashio on 10 July 2024.", dt.date(2024, 7, 10), ARMED_CLASH,
         LASHIO, 6),
    Spec("lashio-2", "Clashes went on near Lashio on 25 July 2024.", dt.date(2024, 7, 25), ARMED_CLASH, LASHIO, None),
    Spec("lashio-3", "Shelling hit Lashio on 1 August 2024.", dt.date(2024, 8, 1), "Shelling/artillery/missile attack",
         LASHIO, 2),
    Spec("lashio-4", "The MNDAA attacked the command in Lashio on 3 August 2024.", dt.date(2024, 8, 3),
         "Non-state actor overtakes territory", LASHIO, 0),
    Spec("lashio-5", "A drone struck Lashio on 5 August 2024.", dt.date(2024, 8, 5), "Air/drone strike", LASHIO, 1),
    Spec("pazigyi", "A jet bombed a gathering in Pazigyi on 11 April 2023.", dt.date(2023, 4, 11), "Air/drone strike",
         PAZIGYI, 160),
    Spec("kanbalu", "Troops raided villages of Kanbalu Township on 20 April 2023.", dt.date(2023, 4, 20), "Attack",
         KANBALU, None),
    Spec("hlaing", "A bomb went off in Hlaing Township in November 2023.", dt.date(2023, 11, 15),
         "Remote explosive/landmine/IED", HLAING, None, "month"),
    Spec("kachin", "Fighting was reported in Kachin State in November 2023.", dt.date(2023, 11, 15), ARMED_CLASH,
         KACHIN, None, "month"),
]  # fmt: skip
TEXT = " ".join(spec.sentence for spec in SPECS)
MONTHS = 17  # April 2023 .. August 2024: the time slider's periods
POINTS = 8  # events drawn as points (all but the Kachin one, known only to its state)


def record_of(spec: Spec) -> EventRecord:
    event_type = {"Attack": "Violence against civilians"}.get(spec.sub_type, "Battles")
    if spec.sub_type in ("Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED"):
        event_type = "Explosions/Remote violence"
    return EventRecord(
        record_id=f"ev-{spec.key}", doc_id="doc-map", event_type=event_type, sub_event_type=spec.sub_type,
        date=spec.day, date_precision=spec.precision, provenance=prov("map-fixture"), place=spec.place,
        actor1=[ActorRef("military", "MIL")], fatalities=spec.toll, evidence=[span_of(TEXT, spec.sentence)],
    )  # fmt: skip


def fill_map_store(url: str) -> list[str]:
    """The nine events as reports and canonical events; returns the canonical ids."""
    document = Document(doc_id="doc-map", text=TEXT, title="Nine events for the map", outlet="Map Wire",
                        published=dt.date(2024, 8, 6), language="en")  # fmt: skip
    records = [record_of(spec) for spec in SPECS]
    with session_scope(url) as session:
        repository.save_document(session, document)
        repository.save_records(session, document.doc_id, records, "test-1")
        for spec, record in zip(SPECS, records, strict=True):
            row = canonical_row(f"ce-{spec.key}", record)
            row.date_precision = spec.precision
            session.add(row)
        session.flush()
        for spec in SPECS:
            session.get(EventRow, f"ev-{spec.key}").canonical_id = f"ce-{spec.key}"  # type: ignore[union-attr]
    return [f"ce-{spec.key}" for spec in SPECS]
