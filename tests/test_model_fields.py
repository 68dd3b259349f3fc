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
