"""Tolls told outside the event's sentences: a headline's count of the dead ("Death toll from airstrike on
concert rises to 60", "Five killed in Namkham shelling") is the toll of the article's lead event when the body
gives none; a later figure in the body still wins through merging."""

from __future__ import annotations

from mawgun.extract.annotators import is_headline
from mawgun.extract.event_dates import is_lead
from mawgun.extract.fatalities import read_casualties
from mawgun.extract.pipeline import Context
from mawgun.model import EventRecord

HEADLINE_SENTENCES = 2  # a title, and a subtitle or a dateline line


def fill_headline_toll(ctx: Context, events: list[EventRecord]) -> None:
    """The first violent event told in the lead without a toll takes the count of the dead the headline gives."""
    toll = headline_toll(ctx)
    if toll is None:
        return
    starts = [s.start for s in ctx.sentences]
    for event in events:
        if event.event_type in {"Strategic developments", "Protests"} or not event.evidence:
            continue
        index = max(i for i, start in enumerate(starts) if start <= event.evidence[0].start)
        if not is_lead(ctx, index):
            return
        if event.fatalities is None or event.fatalities == 0 and event.injuries is None:
            event.fatalities, event.fatalities_qualifier = toll
        return


def headline_toll(ctx: Context) -> tuple[int, str | None] | None:
    """The count of the dead in the document's headline lines, or None."""
    for sentence in ctx.sentences[:HEADLINE_SENTENCES]:
        if not is_headline(sentence.text):
            continue
        casualties = read_casualties(sentence.text)
        if casualties.fatalities:
            return casualties.fatalities, casualties.qualifier
    return None
