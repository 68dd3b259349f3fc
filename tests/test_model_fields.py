"""One declaration of each record type's fields (`mawgun.model`): the store's columns, the API's
response models, the query layer's lists and the export columns are held to it."""

from __future__ import annotations

from typing import Any

import pytest

from mawgun import model
from mawgun.report.export import MAWGUN_COLUMNS
from mawgun.store.schema import CanonicalEventRow, EventRow, SanctionRow, StatisticRow
from mawgun.web.api_events import EVENT_COLUMNS
from mawgun.web.schemas import EventOut, SanctionOut, StatisticOut

# Columns that are the store's bookkeeping, not record fields.
BOOKKEEPING = {"id", "extra", "created_at", "explanation", "updated_at"}
TABLES = [
    (model.EVENT_FIELDS, EventRow),
    (model.CANONICAL_EVENT_FIELDS, CanonicalEventRow),
    (model.STATISTIC_FIELDS, StatisticRow),
    (model.SANCTION_FIELDS, SanctionRow),
]


def python_type(column: Any) -> type:
    return list if column.type.__class__.__name__ == "JSON" else column.type.python_type


@pytest.mark.parametrize(("fields", "row"), TABLES, ids=lambda v: getattr(v, "__tablename__", ""))
def test_the_store_has_a_column_for_each_declared_field_and_no_other(fields: Any, row: Any) -> None:
    columns = {column.name: column for column in row.__table__.columns}
    assert set(columns) - BOOKKEEPING == set(model.field_names(fields))
    for spec in fields:
        assert python_type(columns[spec.name]) is spec.type, spec.name
        assert columns[spec.name].nullable is not spec.required, spec.name


def test_the_event_model_of_the_api_serves_the_declared_fields_of_both_levels() -> None:
    declared = {
        "fatalities" if name == "fatalities_best" else name
        for name in model.field_names(model.EVENT_FIELDS) + model.field_names(model.CANONICAL_EVENT_FIELDS)
    }
    assert set(EventOut.model_fields) == declared | {"event_id", "level", "actor1_refs", "actor2_refs"}
    assert set(EVENT_COLUMNS) == declared | {"event_id", "level"}  # the API's CSV columns
    assert EventOut.model_fields["event_type"].is_required()


@pytest.mark.parametrize(
    ("fields", "out"), [(model.STATISTIC_FIELDS, StatisticOut), (model.SANCTION_FIELDS, SanctionOut)]
)
def test_statistic_and_sanction_models_serve_the_declared_fields(fields: Any, out: Any) -> None:
    assert set(out.model_fields) == set(model.field_names(fields)) | {"id"}
    required = {name for name, info in out.model_fields.items() if info.is_required()}
    assert required == {"id"} | {f.name for f in fields if f.required and f.type is not list}


def test_export_columns_of_mawgun_are_declared_fields_or_links_to_sources() -> None:
    declared = set(model.field_names(model.EVENT_FIELDS) + model.field_names(model.CANONICAL_EVENT_FIELDS))
    assert set(MAWGUN_COLUMNS) - declared == {"mawgun_id", "document_ids", "urls", "outlets"}


def test_the_json_form_of_an_event_carries_the_declared_fields_it_knows() -> None:
    event = model.EventRecord("ev-1", "doc-1", "Battles", "Armed clash", None, model.Provenance("test", "1"))
    served = set(event.to_json())
    # The file contract names the document `doc_id` and the version `version`; the origin, the
    # imported id and the fatality range belong to the store and to imports, not to extraction.
    renamed = {"document_id": "doc_id", "component_version": "version"}
    store_only = {"origin", "origin_id", "fatalities_low", "fatalities_high", "admin1_pcode", "admin2_pcode"}
    for name in model.field_names(model.EVENT_FIELDS):
        if name not in store_only:
            assert renamed.get(name, name) in served, name


def full_event() -> model.EventRecord:
    """An event with a value in every field extraction fills (actor spans without their quote: the store
    keeps their offsets into the document)."""
    import datetime as dt

    place = model.Place(
        admin1="Sagaing", admin1_pcode="MMR005", admin2="Shwebo", admin2_pcode="MMR005D003", admin3="Kanbalu",
        admin3_pcode="MMR005012", location="Kanbalu", pcode="MMR005012001", latitude=23.2, longitude=95.5,
        geo_precision=1, level="village", span=model.Span(10, 17, "Kanbalu"),
    )  # fmt: skip
    return model.EventRecord(
        "ev-1", "doc-1", "Explosions/Remote violence", "Air/drone strike", dt.date(2023, 4, 11),
        model.Provenance("events.rules", "0.1.0", 0.8, "air_strike", {"date": "sentence"}),
        date_end=dt.date(2023, 4, 12), date_precision="range", place=place,
        actor1=[model.ActorRef("junta", "MIL", None, model.Span(0, 5))], actor2=[model.ActorRef("villagers", "CIV")],
        fatalities=160, fatalities_qualifier="over", injuries=30, tags=["airstrike"],
        evidence=[model.Span(0, 40, "x" * 40)], canonical_id="ce-1", notes="a note",
    )  # fmt: skip


def test_the_store_conversion_writes_every_declared_field_and_reads_it_back() -> None:
    from mawgun.store.convert import IMPORT_ONLY, actor_rows, event_row, evidence_rows, record_from_row

    record = full_event()
    row = event_row(record, "doc-1")
    unset = [name for name in model.field_names(model.EVENT_FIELDS) if getattr(row, name) is None]
    assert set(unset) == IMPORT_ONLY  # every field extraction knows is written; imports fill the rest
    actors = actor_rows(record)
    spans = evidence_rows("event", record.record_id, "doc-1", record.evidence)
    for i, span in enumerate(spans):
        span.id = i
    assert record_from_row(row, actors, spans) == record


@pytest.mark.parametrize("kind", ["statistic", "sanction"])
def test_the_store_conversion_of_figures_and_sanctions_writes_every_declared_field(kind: str) -> None:
    import datetime as dt

    from mawgun.store.convert import sanction_row, statistic_row

    provenance = model.Provenance("statistics.rules", "0.1.0", 0.9, "total")
    if kind == "statistic":
        fields, row = model.STATISTIC_FIELDS, statistic_row(
            model.StatisticRecord("st-1", "doc-1", "displaced", 3e6, provenance, "over", ["Myanmar"],
                                  dt.date(2021, 2, 1), dt.date(2024, 6, 30), "UNHCR"), "doc-1")  # fmt: skip
    else:
        fields, row = (
            model.SANCTION_FIELDS,
            sanction_row(
                model.SanctionRecord("sa-1", "doc-1", "EU", "MOGE", provenance, dt.date(2022, 2, 21), "asset freeze"),
                "doc-1",
            ),
        )
    assert [name for name in model.field_names(fields) if getattr(row, name) is None] == []
