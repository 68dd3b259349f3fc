"""Conflict events told in Burmese, coded in the same ACLED types and codes as English.

A sentence is cut into clauses (at ၊ and clause-final connectives); each clause's highest-priority wording of
`lang/my/triggers.yaml` that is not negated ("မရှိ") or future ("မည်") is an event, placed at the most
specific place of its clause (else of the clauses before it, else of the sentence), dated by its sentence
(a range "X မှစ၍ ... Y အထိ" by its middle day, "since X" by X), else by an earlier sentence of its line,
else by one of the next two sentences, else by the publication date (week precision). Titles, captions and
aggregate sentences (totals, long periods) tell no event. A sentence that names no place adds to the
event told just before (same type; a killing after an arson makes the arson an attack).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from mawgun.extract.burmese.annotate import (
    cues,
    is_aggregate,
    is_caption,
    is_title,
    sentence_actors,
    sentence_dates,
    sentence_places,
)
from mawgun.extract.burmese.dates import date_role
from mawgun.extract.burmese.figures import find_figures
from mawgun.extract.burmese.places import Found
from mawgun.extract.burmese.sides import event_sides
from mawgun.extract.burmese.text import clauses, is_burmese_text
from mawgun.extract.dates import DateMention
from mawgun.extract.pipeline import Context
from mawgun.extract.vocab import compile_pattern, load_vocabulary
from mawgun.ids import make_id
from mawgun.model import ActorRef, EventRecord, Place, Provenance, Span

VERSION = "0.1.0"
COMPONENT = "events.rules.my"
LEVEL_RANK = {"village": 0, "township": 1, "district": 2, "state": 3}
VICTIMS_RE = re.compile(r"\s*\)?\s*(?:ဦး|ယောက်|လောင်း)\s?(?:အား|ကို)")
NO_CASUALTY_RE = re.compile(r"(?:အထိအခိုက်|ထိခိုက်မှု|သေဆုံးမှု|သေဆုံးသူ|ထိခိုက်သေဆုံးမှု)\s?(?:လုံးဝ\s?)?မရှိ")
PLURAL_CAUSE_RE = re.compile(r"(?:များ|တွေ)\S{0,4}ကြောင့်")
COORDINATED_RE = re.compile(r"^\s*(?:နဲ့|နှင့်|၊|,)\s*$")
ORIGIN_RE = re.compile(r"^\s?(?:ကနေ|ကတဆင့်|လေဆိပ်|မှထွက်)")


@dataclass
class Draft:
    """An event being built from one or more clauses."""

    rule: dict[str, Any]
    date: dt.date
    precision: str
    date_end: dt.date | None
    place: Place | None
    level: str
    evidence: list[Span] = field(default_factory=list)
    fatalities: int | None = None
    qualifier: str | None = None
    injuries: int | None = None
    actor1: list[ActorRef] = field(default_factory=list)
    actor2: list[ActorRef] = field(default_factory=list)
    start: int = 0
    context: tuple[Place, str] | None = None  # the place named last before the sentence
    published: dt.date | None = None


@cache
def rules() -> list[dict[str, Any]]:
    return sorted(load_vocabulary("triggers", "my")["rules"], key=lambda r: -int(r["priority"]))


def find_events(ctx: Context) -> list[EventRecord]:
    """Every event of a Burmese document (sentences mostly in Myanmar script)."""
    drafts: list[Draft] = []
    for index, sentence in enumerate(ctx.sentences):
        if not is_burmese_text(sentence.text) or is_caption(sentence.text) or is_title(ctx, index):
            continue
        if is_aggregate(ctx, index):
            continue
        for draft in sentence_events(ctx, index):
            attach(drafts, draft)
    return [to_record(ctx, draft) for draft in drafts]


def sentence_events(ctx: Context, index: int) -> list[Draft]:
    """The events of one sentence, one per clause with a trigger (and per township listed in it)."""
    sentence = ctx.sentences[index]
    text = ctx.doc.text
    places = sentence_places(ctx, index)
    parts = clauses(text, sentence.start, sentence.end)
    drafts: list[Draft] = []
    triggers = [clause_trigger(text, start, end, sentence.start, sentence.end) for start, end in parts]
    specific = any(rule is not None and not rule.get("generic") for rule in triggers)
    for number, (start, end) in enumerate(parts):
        rule = triggers[number]
        if rule is None or (rule.get("generic") and specific):
            continue  # "... ဗုံးကြဲ၊ ... တိုက်ခိုက်ခဲ့" : the generic attack word goes on telling the strike
        date = event_date(ctx, index, start)
        if date is None:
            continue
        targets = clause_places(places, parts, number, text)
        tail_end = next((e for s, e in parts[number + 1 :] if clause_trigger(text, s, e, s, e)), sentence.end)
        unplaced: list[tuple[Place | None, str]] = [(None, "none")]
        for place, level in targets or unplaced:
            draft = Draft(
                rule, date[0], date[1], date[2], place, level, [Span(sentence.start, sentence.end, sentence.text)]
            )
            draft.start, draft.published = sentence.start, ctx.published
            draft.context = context_place(ctx, index) if place is None else None
            add_casualties(draft, text, start, max(end, tail_end), rule)
            draft.actor1, draft.actor2 = event_sides(
                sentence_actors(ctx, index), rule, text[sentence.start : sentence.end]
            )
            drafts.append(draft)
    return drafts


def context_place(ctx: Context, index: int) -> tuple[Place, str] | None:
    """The most specific place named in the three sentences before `index` (the nearer on a tie): a
    headline's township beats the state of a dateline under it."""
    candidates: list[tuple[Place, str]] = []
    for j in range(index - 1, max(-1, index - 4), -1):
        candidates.extend(most_specific(sentence_places(ctx, j), ctx.doc.text)[:1])
    if not candidates:
        return None
    return min(candidates, key=lambda pair: LEVEL_RANK.get(pair[1], 9))


def clause_trigger(text: str, start: int, end: int, s_start: int, s_end: int) -> dict[str, Any] | None:
    """The highest-priority rule whose wording occurs in the clause and survives the filters."""
    for rule in rules():
        for match in compile_pattern(rule["pattern"], 0).finditer(text, start, end):
            after = text[match.end() : s_end]
            if compile_pattern(cues()["negation"], 0).match(after):
                continue
            if compile_pattern(cues()["hypothetical"], 0).match(after):
                continue
            if rule.get("generic") and PLURAL_CAUSE_RE.match(after):
                continue  # "တိုက်ပွဲများကြောင့်" (because of the fighting): a cause told in passing
            if rule.get("near") and not compile_pattern(rule["near"], 0).search(text, s_start, s_end):
                continue
            return rule
    return None


def clause_places(places: list[Found], parts: list[tuple[int, int]], number: int, text: str) -> list[tuple[Place, str]]:
    """The places an event of clause `number` happened at: the most specific of its clause, else of the
    nearest clause before it, else of the whole sentence; every township when several are listed."""
    candidates: list[Found] = []
    for j in [number, *range(number - 1, -1, -1)]:
        start, end = parts[j]
        candidates = [f for f in places if start <= f.start < end]
        if candidates:
            break
    if not candidates:
        candidates = places
    return most_specific(candidates, text)


def most_specific(found: list[Found], text: str) -> list[tuple[Place, str]]:
    """The most specific places: one village, else the townships listed together ("X နဲ့ Y မြို့နယ်တွေ"),
    else the last township written (Burmese names the larger unit first: "ရန်ကုန်မြို့ လှိုင်သာယာမြို့နယ်")."""
    if not found:
        return []
    best = min(LEVEL_RANK.get(f.level, 9) for f in found)
    chosen = sorted((f for f in found if LEVEL_RANK.get(f.level, 9) == best), key=lambda f: f.start)
    if chosen[0].level != "township":
        return [(chosen[0].place, chosen[0].level)]
    listed = [chosen[0]]
    for item in chosen[1:]:
        listed = [*listed, item] if COORDINATED_RE.match(text[listed[-1].end : item.start]) else [item]
    unique = list({f.place.admin3_pcode: f for f in listed}.values())
    return [(f.place, f.level) for f in unique]


def event_date(ctx: Context, index: int, clause_start: int) -> tuple[dt.date, str, dt.date | None] | None:
    """(date, precision, end of range) of an event told in sentence `index`."""
    own = dated(ctx, sentence_dates(ctx, index), clause_start)
    if own is not None:
        return own
    sentence = ctx.sentences[index]
    for j in range(index - 1, -1, -1):
        if ctx.sentences[j].paragraph != sentence.paragraph:
            break
        earlier = dated(ctx, sentence_dates(ctx, j), ctx.sentences[j].end)
        if earlier is not None:
            return earlier
    for j in range(index + 1, min(len(ctx.sentences), index + 3)):
        later = dated(ctx, sentence_dates(ctx, j), ctx.sentences[j].start)
        if later is not None:
            return later
    if ctx.published is None:
        return None
    return ctx.published, "week", None


def dated(ctx: Context, mentions: list[DateMention], anchor: int) -> tuple[dt.date, str, dt.date | None] | None:
    """The date a sentence's mentions give an event: a range's middle day, a "since" date, else the point
    date nearest before `anchor` (else the first after it)."""
    useful = [m for m in mentions if m.precision in {"day", "week", "month"}]
    if not useful:
        return None
    roles = {id(m): date_role(ctx.doc.text, m) for m in useful}
    starts = [m for m in useful if roles[id(m)] == "start"]
    ends = [m for m in useful if roles[id(m)] == "end"]
    if starts and ends and ends[0].date >= starts[0].date:
        first, last = starts[0].date, ends[0].date
        return first + (last - first) / 2, "week", last
    if starts:
        return starts[0].date, starts[0].precision, None
    before = [m for m in useful if m.start <= anchor]
    chosen = before[-1] if before else useful[0]
    return chosen.date, chosen.precision, chosen.date_end


def add_casualties(draft: Draft, text: str, start: int, end: int, rule: dict[str, Any]) -> None:
    """Fatalities and injuries told in the event's clauses; 0 dead when only injuries or no casualties are
    told; victims counted one by one ("တစ်ဦးအား ... သတ်ဖြတ်") for killings."""
    for figure in find_figures(text, start, end):
        if figure.metric == "killed":
            draft.fatalities = max(draft.fatalities or 0, int(figure.value))
            draft.qualifier = figure.qualifier
        elif figure.metric == "injured":
            draft.injuries = max(draft.injuries or 0, int(figure.value))
    if draft.fatalities is None and rule["id"] in {"killing", "bodies"}:
        draft.fatalities = count_victims(text, start, end) or None
    if draft.fatalities is None and (NO_CASUALTY_RE.search(text, start, end) or injured_only(text, start, end)):
        draft.fatalities = 0


def injured_only(text: str, start: int, end: int) -> bool:
    part = text[start:end]
    return bool(re.search(r"ဒဏ်ရာ|ဒါဏ်ရာ", part)) and not re.search(r"သေဆုံး|ကျဆုံး|သေသွား|သတ်", part)


def count_victims(text: str, start: int, end: int) -> int:
    """People named one by one as the object of a killing: numbers before "ဦးအား"/"ယောက်ကို"."""
    from mawgun.extract.burmese.text import find_numbers

    total = 0
    for _n_start, n_end, value in find_numbers(text, start, end):
        if VICTIMS_RE.match(text, n_end):
            total += int(value)
    return total


def attach(drafts: list[Draft], draft: Draft) -> None:
    """Add a clause's event: merged into an event of the same kind, day and place, or into the one told
    just before when it names no place; else a new event."""
    if draft.place is None:
        if drafts and absorb_unplaced(drafts[-1], draft):
            return
        if draft.context is None or draft.rule.get("generic"):
            return
        draft.place, draft.level = draft.context  # a place named just before (the headline, the lead)
    if is_background(draft):
        return
    for other in drafts:
        if compatible(other, draft):
            merge(other, draft)
            return
    drafts.append(draft)


def absorb_unplaced(last: Draft, draft: Draft) -> bool:
    """A clause without a place of its own tells more of the last event: the same kind adds evidence; a
    killing after an arson makes it an attack on civilians. False when it tells something else."""
    if last.rule["id"] == draft.rule["id"]:
        merge(last, draft)
        return True
    if draft.rule["id"] == "killing" and last.rule["id"] == "arson" and abs((last.date - draft.date).days) <= 1:
        last.rule = draft.rule
        merge(last, draft)
        return True
    return False


def is_background(draft: Draft) -> bool:
    """Violence dated only by a month or year more than a year before publication is background."""
    return (
        draft.precision in {"month", "year"}
        and draft.published is not None
        and (draft.published - draft.date).days > 365
    )


def compatible(a: Draft, b: Draft) -> bool:
    """Same kind, same state, same or overlapping days, and no two different townships."""
    if a.rule["sub_event_type"] != b.rule["sub_event_type"] or a.place is None or b.place is None:
        return False
    if a.place.admin1 != b.place.admin1:
        return False
    if abs((a.date - b.date).days) > (3 if "week" in {a.precision, b.precision} else 0):
        return False
    return not (a.place.admin3_pcode and b.place.admin3_pcode and a.place.admin3_pcode != b.place.admin3_pcode)


def merge(into: Draft, other: Draft) -> None:
    """Fold `other` into `into`: evidence, the more specific place and date, the larger toll, the actors."""
    for span in other.evidence:
        if span not in into.evidence:
            into.evidence.append(span)
    if other.place is not None and (
        into.place is None or LEVEL_RANK.get(other.level, 9) < LEVEL_RANK.get(into.level, 9)
    ):
        into.place, into.level = other.place, other.level
    if into.precision != "day" and other.precision == "day":
        into.date, into.precision, into.date_end = other.date, other.precision, other.date_end
    if other.fatalities is not None and (into.fatalities is None or other.fatalities > into.fatalities):
        into.fatalities, into.qualifier = other.fatalities, other.qualifier
    elif (
        into.fatalities is not None
        and other.fatalities
        and into.rule["id"] == "killing"
        and other.rule["id"] == "killing"
    ):
        into.fatalities = max(into.fatalities, other.fatalities)
    into.injuries = max(into.injuries or 0, other.injuries or 0) or into.injuries
    into.actor1 = into.actor1 or other.actor1
    into.actor2 = into.actor2 or other.actor2


def to_record(ctx: Context, draft: Draft) -> EventRecord:
    """The EventRecord of a finished draft, with a content-derived id."""
    place = dataclasses.replace(draft.place) if draft.place else None
    rule = draft.rule
    key = (place.pcode or place.location) if place else None
    return EventRecord(
        record_id=make_id(
            "evt", ctx.doc.doc_id, rule["event_type"], rule["sub_event_type"], draft.date.isoformat(), key, draft.start
        ),
        doc_id=ctx.doc.doc_id,
        event_type=rule["event_type"],
        sub_event_type=rule["sub_event_type"],
        date=draft.date,
        date_end=draft.date_end,
        date_precision=draft.precision,
        provenance=Provenance(COMPONENT, VERSION, 0.6, f"my.{rule['id']}"),
        place=place,
        actor1=draft.actor1,
        actor2=draft.actor2,
        fatalities=draft.fatalities,
        fatalities_qualifier=draft.qualifier,
        injuries=draft.injuries,
        evidence=draft.evidence,
    )
