"""Tolls told outside the event's sentences: a headline's count of the dead ("Death toll from airstrike on
concert rises to 60", "Five killed in Namkham shelling") is the toll of the article's lead event when the body
gives none; a later figure in the body still wins through merging."""

from __future__ import annotations

import re

from mawgun.extract.annotators import is_title
from mawgun.extract.event_dates import event_dates
from mawgun.extract.event_triggers import find_triggers
from mawgun.extract.fatalities import TOLL, read_casualties
from mawgun.extract.numbers import NUMBER, PEOPLE, QUALIFIER, as_int, parse_number, qualifier_named
from mawgun.extract.pipeline import Context
from mawgun.model import EventRecord, Span

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
        if not in_lead(ctx, index):
            return
        if event.fatalities is None or event.fatalities == 0 and event.injuries is None:
            event.fatalities, event.fatalities_qualifier = toll
        return


# a headline drops the noun: "Airstrike Kills 40 And Injures 20", "Junta Strikes Kill 41, Injure 50"
HEADLINE_KILLS = re.compile(
    rf"\bkill(?:s|ed)?\s+(?:{QUALIFIER})?(?P<num>{NUMBER})\b(?!\s*(?:%|percent|km|miles?|kilomet))", re.I
)


def in_lead(ctx: Context, index: int) -> bool:
    """True for one of the first three sentences of the body, titles of any case left out."""
    return sum(1 for i in range(index + 1) if not is_title(ctx, i)) <= 3


def headline_toll(ctx: Context) -> tuple[int, str | None] | None:
    """The count of the dead in the document's headline lines, or None."""
    for index, sentence in enumerate(ctx.sentences[:HEADLINE_SENTENCES]):
        if not is_title(ctx, index):  # "Airstrike on school kills 11 children" alone on its line is a title too
            continue
        casualties = read_casualties(sentence.text)
        if casualties.fatalities:
            return casualties.fatalities, casualties.qualifier
        bare = HEADLINE_KILLS.search(sentence.text)
        value = as_int(parse_number(bare.group("num"))) if bare else None
        if value:
            return value, qualifier_named(bare.group("qual")) if bare and bare.group("qual") else None
    return None


LEAD_REACH = 3  # sentences after an undated lead in which its event is told again with a day


def fill_lead_toll(ctx: Context, events: list[EventRecord]) -> None:
    """An undated lead that tells a violent event and its dead ("Helicopters have attacked a school, killing at
    least 13 people") codes nothing by itself; the event of the same kind told with its day in the next sentences
    ("the attack on Friday in X township") is that event, and takes the lead's toll when it has none. The lead is
    the first undated sentence that tells a violent event and its dead, before any coded event (titles skipped)."""
    first = min((span.start for event in events for span in event.evidence), default=None)
    for index, sentence in enumerate(ctx.sentences):
        if first is None or sentence.start >= first:
            return
        if ctx.dates[index] or is_title(ctx, index):
            continue  # a dated caption or a title above the lead
        kinds = {t.rule["sub_event_type"] for t in find_triggers(ctx, index) if t.rule.get("violent")}
        casualties = read_casualties(sentence.text) if kinds else None
        if casualties and casualties.fatalities:
            break
    else:
        return
    reach = {s.start for s in ctx.sentences[index + 1 : index + 1 + LEAD_REACH]}
    for event in events:
        if event.evidence and event.evidence[0].start in reach and event.sub_event_type in kinds:
            if event.fatalities is None:
                event.fatalities, event.fatalities_qualifier = casualties.fatalities, casualties.qualifier
                event.provenance.fields["fatalities"] = "event_tolls.fill_lead_toll"
                event.evidence.insert(0, Span(sentence.start, sentence.end, sentence.text))
            return


GROUP_DEAD = re.compile(  # "The civilians, including three children, were executed", "all of them were killed"
    rf"\b(?:all(?: of them)?|(?:all\s+)?(?:the|these|those)\s+(?:[\w-]+\s+)?(?P<noun>{PEOPLE}))"
    rf"(?:,[^,.;]{{1,60}},)?\s+(?:were|had been|have been)\s+(?:[a-z]+ly\s+)?(?:all\s+)?"
    rf"(?:killed|executed|shot dead|murdered|massacred)\b",
    re.I,
)


def fill_group_tolls(ctx: Context, events: list[EventRecord]) -> None:
    """A killing told of a group named before ("Troops detained seven villagers on Monday. The villagers,
    two boys among them, were shot dead the following morning."; "all of them were killed") takes the count the
    two sentences before gave that group."""
    starts = [s.start for s in ctx.sentences]
    for event in events:
        if event.fatalities is not None or not event.evidence:
            continue
        index = max(i for i, start in enumerate(starts) if start <= event.evidence[0].start)
        match = GROUP_DEAD.search(ctx.sentences[index].text)
        if match is None:
            continue
        nouns = [match.group("noun"), PEOPLE] if match.group("noun") else [PEOPLE]
        value = group_count(ctx, index, nouns)
        if value:
            event.fatalities = value


def group_count(ctx: Context, index: int, nouns: list[str]) -> int | None:
    """The last count of the group ("seven villagers") told in the two sentences before `index`: the same noun
    first, else any people."""
    for noun in nouns:
        pattern = re.compile(rf"\b(?P<num>{NUMBER})\s+(?:[\w-]+\s+){{0,2}}?(?:{noun})\b", re.I)
        for j in range(index - 1, max(-1, index - 3), -1):
            counts = list(pattern.finditer(ctx.sentences[j].text))
            value = as_int(parse_number(counts[-1].group("num"))) if counts else None
            if value:
                return value
    return None


RISE = re.compile(r"\b(?:rose|risen|rises|climbed|climbs|increased|jumped|reached|now stands|has reached)\b", re.I)


def fill_toll_rises(ctx: Context, events: list[EventRecord]) -> None:
    """A later sentence that only updates a toll ("By nightfall the toll had climbed to 20 as more of the
    wounded died") corrects the violent event told last before it, when it tells no other day and
    gives a higher figure."""
    told = {span.start for event in events for span in event.evidence}
    for index, sentence in enumerate(ctx.sentences):
        if sentence.start in told or not (TOLL.search(sentence.text) and RISE.search(sentence.text)):
            continue
        before = [e for e in events if e.evidence and e.evidence[0].start < sentence.start and e.fatalities is not None]
        violent = [e for e in before if e.event_type not in {"Strategic developments", "Protests"}]
        if not violent:
            continue
        target = violent[-1]
        days = {m.date for m in event_dates(ctx, index) if m.precision == "day"}
        if days and target.date not in days:
            continue
        value = read_casualties(sentence.text).fatalities
        if value and value > (target.fatalities or 0):
            target.fatalities = value
            target.evidence.append(Span(sentence.start, sentence.end, sentence.text))


CLAUSE_CUT = re.compile(r"(?:,\s*(?:and\s+|while\s+)?|;\s*|\s+and\s+|\s+while\s+)(?!.*(?:,|;|\band\b|\bwhile\b))", re.S)


def fill_first_day_tolls(ctx: Context, events: list[EventRecord]) -> None:
    """A sentence telling tolls for several days ("One fighter died on 15 May, two more were killed on 19 May")
    gives the event dated by its first day only the toll of the clauses before the second day."""
    starts = [s.start for s in ctx.sentences]
    for event in events:
        if event.fatalities is None:
            continue
        for span in event.evidence:
            index = max(i for i, start in enumerate(starts) if start <= span.start)
            own = first_day_toll(ctx, index, event)
            if own is not None:
                event.fatalities = own
                break


def first_day_toll(ctx: Context, index: int, event: EventRecord) -> int | None:
    """The toll of the clauses before the second day told in sentence `index`, when the sentence's whole toll is
    the event's and its first day is the event's; None otherwise."""
    sentence = ctx.sentences[index]
    days = [m for m in event_dates(ctx, index) if m.precision == "day"]
    if len({m.date for m in days}) < 2 or days[0].date != event.date or days[1].date == event.date:
        return None
    if read_casualties(sentence.text).fatalities != event.fatalities:
        return None  # the toll came from another report of the event
    head = ctx.doc.text[sentence.start : days[1].start]
    cut = CLAUSE_CUT.search(head)
    return read_casualties(head[: cut.start()]).fatalities if cut else None
