"""The extraction pipeline: registered components, each declaring its name, version, what it needs and
what it adds, run in order over one document (the design of spaCy's pipelines, without spaCy).

A component is a function `(ctx: Context) -> None` that fills one annotation of the context. Pipelines are
named lists of component names ("rules" is the rule-based extractor); a statistical or LLM component can be
registered beside a rule one (e.g. `events.llm` adding `events`) and a pipeline built with it, then both
scored on the same benchmark with `mawgun extract --component NAME` and `mawgun eval`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from mawgun.extract.dates import DateMention
from mawgun.extract.sentences import Sentence
from mawgun.model import ActorRef, Document, EventRecord, Place, SanctionRecord, StatisticRecord

ComponentFn = Callable[["Context"], None]


@dataclass
class Context:
    """Everything the components know about one document; each component fills its own fields."""

    doc: Document
    sentences: list[Sentence] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    dates: list[list[DateMention]] = field(default_factory=list)
    aggregate: set[int] = field(default_factory=set)
    events: list[EventRecord] = field(default_factory=list)
    statistics: list[StatisticRecord] = field(default_factory=list)
    sanctions: list[SanctionRecord] = field(default_factory=list)
    cache: dict[tuple[str, int], Any] = field(default_factory=dict)
    added: set[str] = field(default_factory=set)

    reference: dt.date | None = None
    source_text: str | None = None

    @property
    def published(self) -> dt.date | None:
        """The publication date, or (when the source gave none) the date printed at the top of the text."""
        return self.doc.published or self.reference

    def places(self, index: int) -> list[Place]:
        """Places of sentence `index` (computed on first use by the `places` annotator)."""
        return self.lazy("places", index)

    def actors(self, index: int) -> list[ActorRef]:
        """Actors of sentence `index` (computed on first use by the `actors` annotator)."""
        return self.lazy("actors", index)

    def lazy(self, kind: str, index: int) -> Any:
        key = (kind, index)
        if key not in self.cache:
            self.cache[key] = LAZY[kind](self, index)
        return self.cache[key]

    def paragraph_text(self, index: int) -> str:
        """Text of the paragraph holding sentence `index` (context for the geocoder)."""
        start, end = self.paragraphs[self.sentences[index].paragraph]
        return self.doc.text[start:end]


LAZY: dict[str, Callable[[Context, int], Any]] = {}


@dataclass(frozen=True)
class Component:
    """A registered pipeline component."""

    name: str
    version: str
    needs: tuple[str, ...]
    adds: tuple[str, ...]
    run: ComponentFn
    description: str = ""


COMPONENTS: dict[str, Component] = {}
PIPELINES: dict[str, list[str]] = {}


def register_component(
    name: str, version: str, needs: tuple[str, ...] = (), adds: tuple[str, ...] = ()
) -> Callable[[ComponentFn], ComponentFn]:
    """Decorator: register `fn` as component `name` that needs and adds the given annotations."""

    def wrap(fn: ComponentFn) -> ComponentFn:
        COMPONENTS[name] = Component(name, version, needs, adds, fn, (fn.__doc__ or "").strip().split("\n")[0])
        return fn

    return wrap


def register_lazy(kind: str) -> Callable[[Callable[[Context, int], Any]], Callable[[Context, int], Any]]:
    """Decorator: register the per-sentence function that computes annotation `kind` on demand."""

    def wrap(fn: Callable[[Context, int], Any]) -> Callable[[Context, int], Any]:
        LAZY[kind] = fn
        return fn

    return wrap


def register_pipeline(name: str, components: list[str]) -> None:
    """Name an ordered list of components (checked when the pipeline is built)."""
    PIPELINES[name] = list(components)


def build_pipeline(name: str) -> list[Component]:
    """The components of pipeline `name`, checking that each one's needs are added before it runs."""
    if name not in PIPELINES:
        known = ", ".join(sorted(PIPELINES)) or "none"
        raise KeyError(f"unknown extraction pipeline {name!r} (known: {known})")
    available: set[str] = set()
    steps = []
    for component_name in PIPELINES[name]:
        component = COMPONENTS.get(component_name)
        if component is None:
            raise KeyError(f"pipeline {name!r} names unknown component {component_name!r}")
        missing = [need for need in component.needs if need not in available]
        if missing:
            raise ValueError(f"component {component_name!r} needs {missing} before it in pipeline {name!r}")
        available.update(component.adds)
        steps.append(component)
    return steps


def run_pipeline(doc: Document, steps: list[Component]) -> Context:
    """Run the components over one document and return the filled context."""
    ctx = Context(doc)
    for step in steps:
        step.run(ctx)
        ctx.added.update(step.adds)
    return ctx
