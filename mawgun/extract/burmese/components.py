"""The Burmese pipeline `rules-my`: its components, registered like the English ones."""

from __future__ import annotations

from mawgun.extract.burmese import events, statistics
from mawgun.extract.burmese.dates import find_dates
from mawgun.extract.burmese.text import split_paragraphs, split_sentences
from mawgun.extract.pipeline import Context, register_component, register_pipeline

VERSION = "0.1.0"


@register_component("my.sentences", VERSION, adds=("sentences", "paragraphs"))
def add_sentences(ctx: Context) -> None:
    """Burmese sentences (closed by ။ or a line end) and lines as paragraphs."""
    ctx.paragraphs = split_paragraphs(ctx.doc.text)
    ctx.sentences = split_sentences(ctx.doc.text)
    if ctx.doc.published is None:  # undated input: the first full date of the opening lines (a dateline)
        head = find_dates(ctx.doc.text, 0, min(len(ctx.doc.text), 400), None)
        ctx.reference = next((m.date for m in head if m.precision == "day"), None)


@register_component(statistics.COMPONENT, statistics.VERSION, needs=("sentences",), adds=("statistics",))
def add_statistics(ctx: Context) -> None:
    """Figures of aggregate Burmese sentences."""
    ctx.statistics.extend(statistics.find_statistics(ctx))


@register_component(events.COMPONENT, events.VERSION, needs=("sentences",), adds=("events",))
def add_events(ctx: Context) -> None:
    """Events told in Burmese."""
    ctx.events.extend(events.find_events(ctx))


register_pipeline("rules-my", ["my.sentences", statistics.COMPONENT, events.COMPONENT])
