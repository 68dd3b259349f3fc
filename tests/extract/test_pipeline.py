"""The pipeline: components are registered with what they need and add; pipelines are checked when built and
another extractor can sit beside the rule one."""

from __future__ import annotations

import datetime as dt

import pytest

from mawgun.extract import extract_document
from mawgun.extract.pipeline import (
    COMPONENTS,
    PIPELINES,
    Context,
    build_pipeline,
    register_component,
    register_pipeline,
)
from mawgun.model import Document, EventRecord, Provenance


def test_the_rule_pipeline_declares_its_components_in_dependency_order() -> None:
    steps = build_pipeline("rules")
    assert [s.name for s in steps][:4] == ["sentences", "dates", "places", "actors"]
    assert all(s.version for s in steps)
    assert "events" in COMPONENTS["events.rules"].adds


def test_a_component_whose_needs_come_later_is_refused() -> None:
    register_pipeline("broken-for-test", ["events.rules", "sentences"])
    with pytest.raises(ValueError, match="needs"):
        build_pipeline("broken-for-test")
    del PIPELINES["broken-for-test"]


def test_an_unknown_pipeline_is_a_clear_error() -> None:
    with pytest.raises(KeyError, match="unknown extraction pipeline"):
        build_pipeline("nope")


def test_another_event_extractor_can_be_registered_and_chosen() -> None:
    @register_component("events.always-one", "0.0.1", needs=("sentences",), adds=("events",))
    def one_event(ctx: Context) -> None:
        ctx.events = [
            EventRecord(
                "evt-x",
                ctx.doc.doc_id,
                "Protests",
                "Peaceful protest",
                ctx.published,
                Provenance("events.always-one", "0.0.1", 0.1, "test"),
            )
        ]

    register_pipeline("one-for-test", ["sentences", "events.always-one"])
    doc = Document(doc_id="d", text="Nothing happened.", published=dt.date(2024, 1, 1))
    records = extract_document(doc, component="one-for-test")
    assert [r.provenance.component for r in records] == ["events.always-one"]
    del PIPELINES["one-for-test"]
    del COMPONENTS["events.always-one"]
