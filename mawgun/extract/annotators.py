"""Pipeline components that annotate a document before records are built: sentences, dates, places,
actors. Places and actors are computed per sentence on first use (most sentences never need them)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from mawgun.extract import actors as actor_finder
from mawgun.extract import places as place_finder
from mawgun.extract.dates import find_dates
from mawgun.extract.pipeline import Context, register_component, register_lazy
from mawgun.extract.sentences import split_paragraphs, split_sentences
from mawgun.extract.vocab import compile_pattern, load_vocabulary
from mawgun.extract.wraps import flatten_wraps
from mawgun.model import ActorRef, Place, Span

VERSION = "0.2.0"
HEADLINE_SMALL = {"a", "an", "and", "the", "of", "in", "on", "for", "to", "with", "by", "at", "from", "as", "or"}


@register_component("sentences", VERSION, adds=("sentences", "paragraphs"))
def add_sentences(ctx: Context) -> None:
    """Split the text into paragraphs and sentences with exact offsets; the rules then read a copy of the
    text whose line breaks inside sentences are spaces (`mawgun.extract.wraps`)."""
    ctx.paragraphs = split_paragraphs(ctx.doc.text)
    ctx.sentences = split_sentences(ctx.doc.text)
    flat = flatten_wraps(ctx.doc.text, ctx.sentences)
    if flat != ctx.doc.text:
        ctx.source_text = ctx.doc.text
        ctx.doc = dataclasses.replace(ctx.doc, text=flat)
        ctx.sentences = [dataclasses.replace(s, text=flat[s.start : s.end]) for s in ctx.sentences]


@register_component("dates", VERSION, needs=("sentences",), adds=("dates",))
def add_dates(ctx: Context) -> None:
    """Find dates sentence by sentence; relative ones count from the last date told before them. A document
    without a publication date is dated by the first full date in its opening lines (a dateline)."""
    if ctx.doc.published is None:
        head = find_dates(ctx.doc.text, 0, min(len(ctx.doc.text), 400), None)
        ctx.reference = next((m.date for m in head if m.rule in {"iso", "numeric", "dmy", "mdy"}), None)
    anchor = None
    for sentence in ctx.sentences:
        mentions = find_dates(ctx.doc.text, sentence.start, sentence.end, ctx.published, anchor)
        ctx.dates.append(mentions)
        for mention in mentions:
            if mention.precision in {"day", "week"} and mention.rule != "coup":
                anchor = mention.date


@register_component("places", VERSION, needs=("sentences",), adds=("places",))
def add_places(ctx: Context) -> None:
    """Declare places (computed per sentence on demand by `sentence_places`)."""


@register_lazy("places")
def sentence_places(ctx: Context, index: int) -> list[Place]:
    sentence = ctx.sentences[index]
    found = place_finder.find_places(ctx.doc.text, sentence.start, sentence.end, ctx.paragraph_text(index))
    found = sorted([*found, *villages_named_again(ctx, index, found)], key=lambda p: p.span.start if p.span else 0)
    found = [p for p in found if not is_abroad(ctx.doc.text, p)]
    dateline = dateline_length(sentence.text)
    if dateline and is_wire_dateline(sentence.text[:dateline]):  # the bureau's town, never the event's
        return [p for p in found if p.span is None or p.span.start >= sentence.start + dateline]
    if dateline and not found:
        found = dateline_place(ctx.doc.text, sentence.start, dateline)
    return without_dateline(found, sentence.start + dateline)


LEAD_SENTENCES = 3
LOCAL_LEVELS = ("village", "village_tract", "ward")


def villages_named_again(ctx: Context, index: int, found: list[Place]) -> list[Place]:
    """A village the lead places by its township ("X village in Y Township"), named again later without it ("troops
    torched houses in X"): the lead's village, with this sentence's span (the gazetteer alone cannot place a bare
    name it spells otherwise, nor one shared by many villages)."""
    if index < LEAD_SENTENCES:
        return []
    sentence = ctx.sentences[index]
    taken = [(p.span.start, p.span.end) for p in found if p.span]
    again: list[Place] = []
    for lead in range(LEAD_SENTENCES):
        for place in ctx.places(lead):
            if place.level not in LOCAL_LEVELS or place.span is None or not place.admin3:
                continue
            name = re.sub(r"\s+(?:village|village tract|ward)$", "", place.span.text, flags=re.I)
            for match in re.finditer(rf"\b{re.escape(name)}\b", sentence.text):
                start, end = sentence.start + match.start(), sentence.start + match.end()
                if not any(s < end and start < e for s, e in taken):
                    again.append(dataclasses.replace(place, span=Span(start, end, match.group(0))))
                    taken.append((start, end))
    return again


def is_wire_dateline(dateline: str) -> bool:
    """True for a dateline crediting a wire agency ("YANGON, Oct 3 (AFP) - "): it names the bureau's town."""
    return bool(compile_pattern(load_vocabulary("places")["wire_agencies"], 0).search(dateline))


def dateline_place(text: str, start: int, length: int) -> list[Place]:
    """The town of a dateline ("DEPAYIN — ") as written, for a sentence that names no place of its own and
    that the gazetteer could not place: the reporter's town is then the best place known."""
    match = re.match(r"[A-Z][A-Z .'’-]*[A-Z]", text[start : start + length])
    if match is None:
        return []
    name = match.group(0)
    span = Span(start, start + len(name), name)
    if is_abroad(text, Place(location=name, span=span)):
        return []
    return [Place(location=name.title(), geo_precision=1, level="town", span=span)]


def is_abroad(text: str, place: Place) -> bool:
    """True for a place named as outside Myanmar ("talks in the Chinese city of Kunming", "Mae Sot"): the
    gazetteer may read it as a Myanmar namesake or near spelling (data/foreign.yaml)."""
    if place.span is None:
        return False
    foreign = load_vocabulary("foreign")
    if place.span.text.strip().lower() in set(foreign["names"]):
        return True
    return bool(compile_pattern(foreign["context"], 0).search(text[max(0, place.span.start - 40) : place.span.start]))


DATELINE_RE = re.compile(
    r"[A-Z][A-Z .'’-]{2,40}(?:,\s+[A-Z][A-Za-z .'’-]{2,40})?(?:,\s+\w+\.? \d{1,2}(?:,\s+\d{4})?)?\s*"
    r"(?:\([A-Za-z /]+\)\s*)?(?:[—–-]+|(?<=\d):)\s+"  # "YANGON, Dec 25: " ends with a colon after its day
)


def dateline_length(text: str) -> int:
    """Length of the dateline opening a sentence ("LAUKKAING — ", "YANGON, March 12 (Reuters) - "), else 0."""
    match = DATELINE_RE.match(text)
    return match.end() if match and not match.group(0).strip(" —–-").isdigit() else 0


def without_dateline(places: list[Place], body_start: int) -> list[Place]:
    """The places of a sentence less those named in its dateline, when the sentence itself names another place:
    the dateline tells where the reporter filed from, the sentence where the event happened."""
    inside = [p for p in places if p.span and p.span.start < body_start]
    if not inside or not any(p.span is None or p.span.start >= body_start for p in places):
        return places
    return [p for p in places if p not in inside or not p.span]


@register_component("actors", VERSION, needs=("sentences",), adds=("actors",))
def add_actors(ctx: Context) -> None:
    """Declare actors (computed per sentence on demand by `sentence_actors`)."""


@register_lazy("actors")
def sentence_actors(ctx: Context, index: int) -> list[ActorRef]:
    sentence = ctx.sentences[index]
    return actor_finder.find_actors(ctx.doc.text, sentence.start, sentence.end, ctx.published)


def is_headline(text: str) -> bool:
    """True for a title-like line (no closing punctuation, most words capitalised): link lists, headlines."""
    if re.search(r"[.!?][\"”’)]*\s*$", text):
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", text) if w.lower() not in HEADLINE_SMALL]
    if not words:
        return True
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.6 or len(words) <= 3


def is_title(ctx: Context, index: int) -> bool:
    """A headline, or a line standing alone as a paragraph without closing punctuation (a title, a caption)."""
    sentence = ctx.sentences[index]
    if is_headline(sentence.text):
        return True
    start, end = ctx.paragraphs[sentence.paragraph]
    alone = (sentence.start, sentence.end) == (start, end)
    if alone and not re.search(r"[.!?][\"”’)]*\s*$", sentence.text) and not is_cut_off(ctx, index):
        return True
    return restates_title(ctx, index) or is_bare_heading(ctx, index)


def is_cut_off(ctx: Context, index: int) -> bool:
    """The document's last paragraph, a sentence of ten words or more cut off mid-way (stored texts are often cut
    at a length: "... residents said the road to the border had been closed since the raid and the t"): a
    sentence, not a title."""
    return index == len(ctx.sentences) - 1 and index > 0 and len(ctx.sentences[index].text.split()) >= 10


def restates_title(ctx: Context, index: int) -> bool:
    """True for a sentence that repeats the document's title (pages often print it again at the top of the body,
    sometimes run together with a photo caption): a restatement of the lead, not a report of its own."""
    title = words_of(ctx.doc.title or "")
    return len(title) >= 20 and words_of(ctx.sentences[index].text).startswith(title)


def is_bare_heading(ctx: Context, index: int) -> bool:
    """True for a short line of its own with no closing punctuation and no date inside a paragraph ("Officers
    detained for surrendering" between two paragraphs of text): a subheading or a headline, not a sentence."""
    sentence = ctx.sentences[index]
    text = sentence.text.strip()
    if re.search(r"[.!?:;,][\"”’)]*$", text) or ctx.dates[index] or BULLET.match(text):
        return False
    rest = ctx.doc.text[sentence.end : sentence.end + 2]
    before = ctx.doc.text[max(0, sentence.start - 1) : sentence.start]
    at_line = (not rest.strip() or rest.startswith("\n")) and (not before or before == "\n")
    return at_line and len(text.split()) <= 14


BULLET = re.compile(r"^(?:[-•*–]|\(?\w\)|\d+[.)])\s")


def words_of(text: str) -> str:
    """Lower-case words of a text joined by single spaces (for comparing a line with the title)."""
    return " ".join(re.findall(r"\w+", text.lower()))


def carried_admin1(ctx: Context, index: int, keep: Callable[[Place], bool] = lambda _: True) -> str | None:
    """The state/region named last before sentence `index`: earlier in its paragraph, else earlier in the
    document (headline-like lines excluded); only places `keep` accepts count (not a firing position)."""
    for j in range(index - 1, -1, -1):
        if is_headline(ctx.sentences[j].text):
            continue
        named = [p.admin1 for p in ctx.places(j) if p.admin1 and keep(p)]
        if named:
            return named[0]
    return None
