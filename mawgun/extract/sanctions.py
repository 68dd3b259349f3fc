"""Sanctions: who imposes a measure on whom, when and what it does. A sentence is about sanctions when a cue
matches (data/sanctions.yaml), or when it follows one in the same paragraph with a verb such as "target";
each authority named in it gets one record per named target ("Canada ... Shwe Byain Phyu Group and its
chairperson Thein Win Zaw" = two records)."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from mawgun.extract.annotators import is_headline
from mawgun.extract.pipeline import Context, register_component
from mawgun.extract.sanction_lists import listed_targets, opens_list
from mawgun.extract.statistics import expand_acronym
from mawgun.extract.vocab import compile_pattern, load_vocabulary
from mawgun.ids import make_id
from mawgun.model import Provenance, SanctionRecord, Span

COMPONENT = "sanctions.rules"
VERSION = "0.2.0"
NAME_RE = re.compile(r"(?:[A-Z][\w’'&.\-]*)(?:(?:\s+(?:of|for|and|de|&))?\s+[A-Z][\w’'&.\-]*)*")
STOP_STARTS = {
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "For",
    "While",
    "Although",
    "However",
    "Furthermore",
    "Moreover",
    "Added",
    "Last",
    "This",
    "These",
    "Following",
    "Going",
    "As",
    "Since",
    "But",
    "And",
}
ORG_END = re.compile(
    r"\b(?:Group|Company|Co|Ltd|Limited|Trading|Bank|Enterprise|Corporation|Corp|Logistics|Holdings|Services|"
    r"Industries|International|Petroleum|Airlines|Aviation|Mining|Gems|Jewell?ery|Jewelry|Energy|Construction|Ministry|"
    r"Enterprises|Organi[sz]ation|Agency|Factory|Foundation|Association|Companies)\.?$"
)
COUNTRY_POSSESSIVE = re.compile(r"^(?:Myanmar|Burma|Myanma)[’']s\s+(?=[A-Z])")
ALIAS = re.compile(r"\b(?:also known as|a\.k\.a\.?|aka|f\.k\.a\.?|formerly(?: known as)?)\s*[“\"(]?\s*$", re.I)
ACRONYM = re.compile(r"[A-Z][A-Z0-9\-]{1,11}")
FOLLOW_ON = re.compile(r"\b(?:also|further|as well|additionally|in addition)\b", re.I)
PRONOUN_SUBJECT = re.compile(r"\b(?:it|we|the government|the department|the ministry|the council|the bloc)\b", re.I)
MONTH_NAMES = {
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
}


@lru_cache(maxsize=1)
def authority_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """(canonical authority, pattern over its names) for every authority in the vocabulary."""
    out = []
    for name, aliases in load_vocabulary("sanctions")["authorities"].items():
        alt = "|".join(sorted(aliases, key=len, reverse=True))
        out.append((name, re.compile(rf"(?<![\w.])(?:{alt})(?![\w])")))
    return out


def authority_of(name: str) -> str | None:
    """The canonical authority a name starts with ("US Government" -> United States), or None."""
    for canonical, pattern in authority_patterns():
        match = pattern.match(name)
        if match:
            return canonical
    return None


def find_authorities(text: str, start: int) -> list[str]:
    """Authorities named in the text from `start`, in order of appearance, each once."""
    hits: list[tuple[int, str]] = []
    for canonical, pattern in authority_patterns():
        hits.extend((m.start(), canonical) for m in pattern.finditer(text, start))
    return list(dict.fromkeys(name for _, name in sorted(hits)))


def find_targets(ctx: Context, text: str, start: int) -> list[str]:
    """Named people and entities after the sanction cue, other than authorities and generic names."""
    targets: list[str] = []
    for match in NAME_RE.finditer(text, start):
        name = re.sub(r"[’']s$", "", match.group(0)).strip(" .,")
        name = COUNTRY_POSSESSIVE.sub("", name)  # "Myanmar’s Ministry of Mines" -> "Ministry of Mines"
        words = name.split()
        while words and (words[0] in STOP_STARTS or words[0] in MONTH_NAMES):
            words = words[1:]
        name = without_title(" ".join(words))
        if not name or not is_target_name(name) or is_speaker(text, match.start(), match.end()):
            continue
        if ALIAS.search(text[max(0, match.start() - 25) : match.start()]):
            continue  # "..., also known as GSH": another name of a target already named
        numbered = re.match(r"\s*(\d{1,2})\b", text[match.end() :])
        if numbered and ORG_END.search(name):
            name = f"{name} {numbered.group(1)}"  # "Mining Enterprise 2" is a name of its own
        elif re.match(r"\s*\d", text[match.end() :]):
            continue  # "Executive Order 14014", "Operation 1027"
        if len(words) == 1 and not is_single_word_name(text, match.start(), name):
            continue
        parts = split_names(name)
        if is_affiliation(text, match.start(), match.end()):
            parts = parts[1:]  # "shareholder of Sun Rise Trading and Tin Tin Myint": the second is a target
        targets.extend(full for full in (expand_acronym(ctx, part) for part in parts) if is_target_name(full))
    return list(dict.fromkeys(targets))


def is_speaker(text: str, start: int, end: int) -> bool:
    """A name that attributes a quote or statement ("...,” said Jane Doe", "Jane Doe said"); "Canada added X to its
    list" is no attribution."""
    speech = r"(?:said|says|told|added|stated|explained|noted|commented)"
    return bool(
        re.search(rf"[,”\"’]\s*{speech}\s+$", text[max(0, start - 14) : start])
        or re.match(rf"\s*,?\s+{speech}\b", text[end : end + 12])
    )


def is_target_name(name: str) -> bool:
    """Whether a capitalised name can be a target: not an authority, not a place, law or generic word."""
    vocab = load_vocabulary("sanctions")
    if authority_of(name) or compile_pattern(vocab["not_targets"]).match(name):
        return False
    return not compile_pattern(vocab["not_target_ends"], 0).search(name)


def is_single_word_name(text: str, start: int, name: str) -> bool:
    """A one-word target is an acronym ("MOGE") or a name an entity noun introduces ("the conglomerate Zayar")."""
    if re.fullmatch(r"[A-Z][A-Z0-9\-]{1,11}", name):
        return True
    return bool(compile_pattern(load_vocabulary("sanctions")["entity_nouns"]).search(text[max(0, start - 30) : start]))


def without_title(name: str) -> str:
    """A person's name without the office written before it ("Attorney General Thida Oo" -> "Thida Oo"), when
    a name of at least two words remains."""
    match = compile_pattern(load_vocabulary("sanctions")["titles"]).match(name)
    if match and len(name[match.end() :].split()) >= 2:
        return name[match.end() :].strip()
    return name


def is_affiliation(text: str, start: int, end: int) -> bool:
    """True for the body an office belongs to when the holder's name follows ("the chair of the Union Election
    Commission, Thein Soe") or precedes in an apposition ("Aung Kyaw Moe, a director of Sun Rise Trading"): the
    person is the target, not the body."""
    before = text[max(0, start - 80) : start]
    vocab = load_vocabulary("sanctions")
    if compile_pattern(vocab["apposition_office"]).search(before):
        return True
    office = compile_pattern(vocab["offices"])
    return bool(office.search(before)) and bool(re.match(r",\s+(?:[A-Z][\w’'-]+\s+){1,3}", text[end:] + " "))


def split_names(name: str) -> list[str]:
    """Names joined by "and" are several entities ("Tun Min Latt and Win Min Soe", "Asia Sun Trading and Cargo
    Link Logistics") only where what follows each "and" is a full name of its own; a name with "and" inside
    it stays whole ("Myanma Investment and Commercial Bank", "Cancri Gems and Jewellery")."""
    parts = re.split(r"\s+and\s+(?=[A-Z])", name)
    merged = [parts[0]]
    for part in parts[1:]:
        if starts_new_name(merged[-1], part):
            merged.append(part)
        else:
            merged[-1] = f"{merged[-1]} and {part}"
    return merged


def starts_new_name(before: str, part: str) -> bool:
    """True when `part` (after an "and") is a name of its own: two words or more, and not the second half of an
    organisation's name whose first half does not end like one ("Myanmar Oil" + "Gas Enterprise")."""
    if ACRONYM.fullmatch(part) and ACRONYM.fullmatch(before.split()[-1]):
        return True  # "MEB and MADB"
    if len(part.split()) < 2 or len(before.split()) < 2:
        return False
    return bool(ORG_END.search(before)) or not ORG_END.search(part)


def sanction_start(ctx: Context, index: int, cued: set[int]) -> int | None:
    """Where in sentence `index` the sanction wording starts, or None when it is not about sanctions. A cue word in
    a law's title ("Burma Sanctions Regulations") or used as an adjective ("goods from sanctioned entities") is
    no cue."""
    vocab = load_vocabulary("sanctions")
    text = ctx.sentences[index].text
    in_title = compile_pattern(vocab["cue_in_title"], 0)
    as_adjective = compile_pattern(vocab["cue_as_adjective"])
    adjective_before = compile_pattern(vocab["cue_adjective_before"])
    matches = [
        m
        for p in vocab["cues"]
        for m in compile_pattern(p).finditer(text)
        if not (text[m.start()].isupper() and in_title.match(text, m.end()))
    ]
    adjective = [
        m.start()
        for m in matches
        if adjective_before.search(text[max(0, m.start() - 15) : m.start()]) and as_adjective.match(text, m.end())
    ]
    hits = [m.start() for m in matches if m.start() not in adjective]
    paragraph = ctx.sentences[index].paragraph
    if not hits and cued:  # "The designated individuals are ..." names targets within a sanctions paragraph
        follow = adjective + [m.start() for p in vocab["follow_cues"] for m in compile_pattern(p).finditer(text)]
        same_paragraph = any(ctx.sentences[j].paragraph == paragraph for j in cued)
        # in another paragraph of a sanctions text, a follow verb counts when an authority is its subject
        # ("New Zealand has targeted two banks ...")
        hits = [h for h in follow if same_paragraph or find_authorities(text[:h], 0)]
    if not hits:
        return None
    first = min(hits)
    if compile_pattern(vocab["modal"]).search(text[: first + 1]):
        return None
    return first


def sentence_sanctions(
    ctx: Context,
    index: int,
    cue: int,
    told: dt.date | None = None,
    named: list[str] | None = None,
    previous: tuple[list[str], dt.date | None] | None = None,
    fallback: str | None = None,
    latest: list[str] | None = None,
) -> list[SanctionRecord]:
    """Records for every (authority, target) pair in a sanctions sentence; a sentence without a date of its own
    takes `told`, the day told with an authority before it in its paragraph ("On 31 October the US, the UK and
    Canada announced ... On the same day Canada ..."); one whose subject is "it" or "the government" takes the
    single authority `named` in the sentence before it ("Canada listed ... It also designated ..."); a follow-on
    ("The department also sanctioned ...") takes the authorities and day of the `previous` sanctions sentence;
    one with no authority at all takes those of the `latest` sanctions sentence in the document, else the
    authority the document names most (`fallback`: "The Council also approved restrictive measures ..." in a
    notice that names the EU elsewhere)."""
    sentence = ctx.sentences[index]
    text = sentence.text
    authorities = find_authorities(text, 0)
    if not authorities and named and len(named) == 1 and PRONOUN_SUBJECT.search(text[: cue + 1]):
        authorities = list(named)
    follow_on = previous is not None and bool(FOLLOW_ON.search(text))
    if not authorities and follow_on and previous is not None:
        authorities = list(previous[0])
    if not authorities and latest:
        authorities = list(latest)
    if not authorities and fallback:
        authorities = [fallback]
    # targets follow the first authority or cue; in a sentence that names no authority they may open it
    # ("Two firms ... - A and B - will also be subject to the measures")
    first_authority = min((m.start() for _, p in authority_patterns() for m in p.finditer(text)), default=0)
    targets = find_targets(ctx, text, min(cue, first_authority))
    date = sentence_date(ctx, index) or told or (previous[1] if follow_on and previous else None)
    measure = sanction_measure(text)
    span = Span(sentence.start, sentence.end, text)
    return [
        make_sanction(ctx, authority, target, date, measure, "sanction.cue", span)
        for authority in authorities
        for target in targets
    ]


def make_sanction(
    ctx: Context, authority: str, target: str, date: dt.date | None, measure: str, rule: str, span: Span
) -> SanctionRecord:
    """One sanction record, its id derived from the document, authority and target."""
    return SanctionRecord(
        record_id=make_id("sanc", ctx.doc.doc_id, authority, target),
        doc_id=ctx.doc.doc_id,
        authority=authority,
        target=target,
        date=date,
        measure=measure,
        provenance=Provenance(COMPONENT, VERSION, 0.7, rule),
        evidence=[span],
    )


def sentence_date(ctx: Context, index: int) -> dt.date | None:
    """The first day or month a sanctions sentence names (not a range opened by "since")."""
    return next((m.date for m in ctx.dates[index] if m.precision in {"day", "month"} and not m.since), None)


def sanction_measure(text: str) -> str:
    """What the measure does, from its wording; "sanctions" when unspecified."""
    for name, pattern in load_vocabulary("sanctions")["measures"].items():
        if compile_pattern(pattern).search(text):
            return name
    return "sanctions"


def list_records(ctx: Context, index: int, authorities: list[str], day: dt.date | None) -> list[SanctionRecord]:
    """Records for the targets listed line by line after sentence `index` ("OFAC designated the following
    entities:"), one per authority and listed name."""
    measure = sanction_measure(ctx.sentences[index].text)
    out: list[SanctionRecord] = []
    for name, span in listed_targets(ctx, index):
        name = COUNTRY_POSSESSIVE.sub("", name)
        if not is_target_name(name):
            continue
        out.extend(make_sanction(ctx, who, name, day, measure, "sanction.list", span) for who in authorities)
    return out


def main_authority(ctx: Context) -> str | None:
    """The authority a document names most often (the first named on a tie), or None."""
    counts: dict[str, int] = {}
    for canonical, pattern in authority_patterns():
        hits = [m.start() for m in pattern.finditer(ctx.doc.text)]
        if hits:
            counts[canonical] = len(hits) * 100_000 - hits[0]
    return max(counts, key=lambda name: counts[name]) if counts else None


@register_component(COMPONENT, VERSION, needs=("sentences", "dates"), adds=("sanctions",))
def add_sanctions(ctx: Context) -> None:
    """Find sanctions announced or reported, one record per authority and target."""
    cued: set[int] = set()
    seen: dict[str, SanctionRecord] = {}
    told: dict[int, dt.date] = {}  # paragraph -> the last day a sanctions sentence in it named
    named: list[str] = []  # the authorities of the sentence just before
    last: tuple[int, list[str], dt.date | None] | None = None  # paragraph, authorities, day of the last one
    fallback = main_authority(ctx)
    for index, sentence in enumerate(ctx.sentences):
        if is_headline(sentence.text):
            continue
        before, named = named, find_authorities(sentence.text, 0)
        own = sentence_date(ctx, index)
        if own is not None and named:
            told[sentence.paragraph] = own
        cue = sanction_start(ctx, index, cued)
        if cue is None:
            continue
        cued.add(index)
        if not named and index and ctx.sentences[index - 1].paragraph == sentence.paragraph:
            named = before  # "It also designated ...": the authority carries to the next sentence too
        near = last if last and sentence.paragraph - last[0] <= 1 else None
        previous = (near[1], near[2]) if near else None
        latest = last[1] if last else None
        records = sentence_sanctions(ctx, index, cue, told.get(sentence.paragraph), before, previous, fallback, latest)
        authorities = list(dict.fromkeys(r.authority for r in records)) or find_authorities(sentence.text, 0)
        if opens_list(ctx, index):
            imposers = authorities or latest or ([fallback] if fallback else [])
            day = records[0].date if records else own or told.get(sentence.paragraph) or (last[2] if last else None)
            records += list_records(ctx, index, imposers, day)
        for record in records:
            if record.record_id in seen:
                kept = seen[record.record_id]
                kept.evidence.extend(record.evidence)
                kept.date = kept.date or record.date
            else:
                seen[record.record_id] = record
        if authorities:  # "imposed sanctions on 22 individuals" names no target but opens the announcement
            last = (
                sentence.paragraph,
                authorities,
                records[0].date if records else own or told.get(sentence.paragraph),
            )
    ctx.sanctions = list(seen.values())
