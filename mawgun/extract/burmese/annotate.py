"""Per-sentence annotations of a Burmese document: dates, places, actors, and what kind of sentence it is.

The Burmese components keep their annotations in `Context.cache` under their own keys ("my.*"), so they
never collide with the English components when both read one mixed document.
"""

from __future__ import annotations

import re
from functools import cache

from mawgun.actors import get_registry
from mawgun.extract.burmese import places as my_places
from mawgun.extract.burmese.dates import date_role, find_dates
from mawgun.extract.dates import DateMention
from mawgun.extract.pipeline import Context
from mawgun.extract.vocab import compile_pattern, load_vocabulary
from mawgun.model import ActorRef, Place

FINAL_PARTICLE_RE = re.compile(r"(?:သည်|တယ်|ပါတယ်|ပါသည်|ခဲ့ပြီ|နေပြီ)[\s\"”’)]*$")
ACRONYM_RE = re.compile(r"(?<![A-Za-z])[A-Z][A-Z0-9]{1,7}(?![a-z])")


@cache
def cues() -> dict:
    return load_vocabulary("cues", "my")


def sentence_dates(ctx: Context, index: int) -> list[DateMention]:
    """Dates of sentence `index` (cached)."""
    key = ("my.dates", index)
    if key not in ctx.cache:
        sentence = ctx.sentences[index]
        ctx.cache[key] = find_dates(ctx.doc.text, sentence.start, sentence.end, ctx.published)
    return ctx.cache[key]


def sentence_places(ctx: Context, index: int) -> list[my_places.Found]:
    """Places of sentence `index`: states, then townships/towns, then villages resolved in the townships of
    this sentence and of the sentences before it (cached)."""
    key = ("my.places", index)
    if key in ctx.cache:
        return ctx.cache[key]
    sentence = ctx.sentences[index]
    text = ctx.doc.text
    states = my_places.find_states(text, sentence.start, sentence.end)
    admin = [f for f in my_places.find_admin_units(text, sentence.start, sentence.end) if not inside(f, states)]
    townships = [f.place for f in admin if f.place.admin3_pcode] + earlier_townships(ctx, index)
    state_names = [f.place.admin1 for f in [*states, *admin] if f.place.admin1] + earlier_states(ctx, index)
    villages = my_places.find_villages(text, sentence.start, sentence.end, townships, [s for s in state_names if s])
    villages = [v for v in villages if not inside(v, admin)]
    found = sorted([*states, *admin, *villages], key=lambda f: f.start)
    ctx.cache[key] = found
    return found


def inside(found: my_places.Found, others: list[my_places.Found]) -> bool:
    return any(o.start <= found.start and found.end <= o.end and o is not found for o in others)


def earlier_townships(ctx: Context, index: int) -> list[Place]:
    """Townships named before sentence `index`, most recent first (context for village names)."""
    out: list[Place] = []
    for j in range(index - 1, max(-1, index - 12), -1):
        out.extend(f.place for f in reversed(sentence_places(ctx, j)) if f.level == "township" and f.place.admin3_pcode)
    return out


def earlier_states(ctx: Context, index: int) -> list[str]:
    """States named (or implied by a township) before sentence `index`, most recent first."""
    out: list[str] = []
    for j in range(index - 1, max(-1, index - 12), -1):
        out.extend(f.place.admin1 for f in reversed(sentence_places(ctx, j)) if f.place.admin1)
    return out


def sentence_actors(ctx: Context, index: int) -> list[ActorRef]:
    """Actors named in sentence `index`: the registry's Burmese names, and Latin acronyms (AA, KIA, PDF)
    written against Burmese letters, which word-bounded English matching misses (cached)."""
    key = ("my.actors", index)
    if key in ctx.cache:
        return ctx.cache[key]
    sentence = ctx.sentences[index]
    registry = get_registry()
    found = registry.find_actors(sentence.text, sentence.start, ctx.published)
    taken = [(a.span.start, a.span.end) for a in found if a.span]
    for match in ACRONYM_RE.finditer(sentence.text):
        start = sentence.start + match.start()
        if any(s <= start < e for s, e in taken):
            continue
        ref = registry.resolve(match.group(0), ctx.published)
        if ref is None and match.group(0).endswith("PDF"):
            ref = registry.resolve("PDF", ctx.published)
        if ref is not None and ref.actor_id:
            from mawgun.model import Span

            ref.span = Span(start, sentence.start + match.end(), match.group(0))
            found.append(ref)
    found.sort(key=lambda a: a.span.start if a.span else 0)
    ctx.cache[key] = found
    return found


def is_caption(text: str) -> bool:
    """A photo caption or scene description."""
    return bool(compile_pattern(cues()["caption"], 0).search(text))


def is_title(ctx: Context, index: int) -> bool:
    """A headline-like line: alone on its line, without a closing ။, and not the text's last line (a stored
    copy cut mid-sentence ends without one)."""
    sentence = ctx.sentences[index]
    if sentence.text.rstrip().endswith("။") or FINAL_PARTICLE_RE.search(sentence.text):
        return False  # a sentence closed by ။ or by a final particle ("...ခဲ့သည်", "...ပါတယ်") is body text
    same_line = [s for s in ctx.sentences if s.paragraph == sentence.paragraph]
    if len(same_line) > 1:
        return False
    return index < len(ctx.sentences) - 1


def is_aggregate(ctx: Context, index: int) -> bool:
    """A sentence of totals: a total or a long period, a date closing an open period ("up to 20 November"),
    or three townships or more listed."""
    key = ("my.aggregate", index)
    if key not in ctx.cache:
        ctx.cache[key] = aggregate_sentence(ctx, index) or continues_aggregate(ctx, index)
    return bool(ctx.cache[key])


def continues_aggregate(ctx: Context, index: int) -> bool:
    """A sentence without a date of its own right after an aggregate one on the same line goes on with its
    figures ("... 1,281 dead. 10,340 arrested ...")."""
    if index == 0 or sentence_dates(ctx, index):
        return False
    previous = ctx.sentences[index - 1]
    return previous.paragraph == ctx.sentences[index].paragraph and is_aggregate(ctx, index - 1)


def aggregate_sentence(ctx: Context, index: int) -> bool:
    sentence = ctx.sentences[index]
    if compile_pattern(cues()["aggregate"], 0).search(sentence.text):
        return True
    dates = sentence_dates(ctx, index)
    roles = [date_role(ctx.doc.text, m) for m in dates]
    if "end" in roles and "start" not in roles:
        return True
    if any(r == "start" and m.precision in {"month", "year"} for r, m in zip(roles, dates, strict=True)):
        return True  # "since January": a period, not a day
    townships = {f.place.admin3_pcode for f in sentence_places(ctx, index) if f.level == "township"}
    return len(townships) >= 3


def has_period(ctx: Context, index: int) -> bool:
    """The sentence tells a period (a week of a month, a range, since, until) - its figures are statistics."""
    dates = sentence_dates(ctx, index)
    roles = {date_role(ctx.doc.text, m) for m in dates}
    return bool(roles & {"start", "end"}) or any(m.precision in {"week", "month"} for m in dates)
