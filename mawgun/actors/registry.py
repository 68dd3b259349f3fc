"""The actor registry: names in text -> actor codes, with hierarchy, sides and alliances over time.

The extractor calls `find_actors` on every sentence it codes, so matching is compiled once (alias
tries, see `matcher`) and each call is a handful of regex scans. Everything the registry knows comes
from `data/actors.yaml`; this module holds no vocabulary of its own.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from mawgun.actors import matcher
from mawgun.actors.loader import Actor, Alias, Pattern, RegistryData, RegistryError, load_data
from mawgun.model import ActorRef, Provenance, Span

COMPONENT = "mawgun.actors"
WORD = re.compile(r"\S+")
QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$")  # "Civilians (Myanmar)", "Military Forces of Myanmar (2021-)"
FUZZY_CUTOFF = 90.0
FUZZY_MIN_KEY = 8


class ActorRegistry:
    """Actors, their names and relations, loaded from the registry's data file."""

    def __init__(self, data: RegistryData) -> None:
        self.version = data.version
        self._actors = data.actors
        self._memberships = data.memberships
        self._patterns = data.patterns
        self._stopwords = data.stopwords
        self._by_key = index_aliases(data.aliases)
        self._fuzzy_keys = [k for k in self._by_key if len(k) >= FUZZY_MIN_KEY and k.isascii()]
        self._blockers = index_blockers(data.not_actors, self._by_key)
        blockers = [Alias(phrase, "") for phrase in data.not_actors]
        self._expressions = compile_expressions([*data.aliases, *blockers])

    # ------------------------------------------------------------------ lookups
    def get(self, code: str) -> Actor | None:
        """The actor under `code`, or None."""
        return self._actors.get(code)

    def all(self) -> list[Actor]:
        """Every actor, in data-file order."""
        return list(self._actors.values())

    def parent(self, code: str) -> str | None:
        """The code of the organisation `code` belongs to (KIA -> KIO), or None."""
        actor = self._actors.get(code)
        return actor.parent if actor else None

    def side(self, code: str) -> str:
        """junta | resistance | neutral | civilian | foreign | unknown (unknown for unknown codes)."""
        actor = self._actors.get(code)
        return actor.side if actor else "unknown"

    def label(self, code: str) -> str:
        """What gold data and exports call the actor: its code when coded (MIL, AA), else its full name."""
        actor = self._actors.get(code)
        if actor is None:
            return code
        if actor.gold_code:
            return actor.gold_code
        return actor.id if actor.coded else actor.name

    def provenance(self, rule: str, confidence: float) -> Provenance:
        """Provenance for a value this registry resolved."""
        return Provenance(COMPONENT, self.version, confidence, rule)

    # ------------------------------------------------------------------ alliances
    def members(self, alliance_code: str, on_date: dt.date | None = None) -> list[str]:
        """Codes of the alliance's members (on `on_date`, when given)."""
        return [m.member for m in self._memberships if m.alliance == alliance_code and m.valid_on(on_date)]

    def alliances_of(self, code: str, on_date: dt.date | None = None) -> list[str]:
        """Alliances `code` belongs to, directly or through its parent (KNLA -> KNU -> K3C)."""
        lineage = self.lineage(code)
        found = [m.alliance for m in self._memberships if m.member in lineage and m.valid_on(on_date)]
        return list(dict.fromkeys(found))

    def lineage(self, code: str) -> list[str]:
        """`code` and its ancestors, nearest first (KNLA -> [KNLA, KNU])."""
        chain: list[str] = []
        current: str | None = code
        while current is not None and current not in chain:
            chain.append(current)
            current = self.parent(current)
        return chain

    # ------------------------------------------------------------------ matching
    def find_matches(self, text: str, on_date: dt.date | None = None) -> list[matcher.Match]:
        """Every actor mention in `text` with the rule and confidence behind it (longest first wins)."""
        candidates = list(self.alias_matches(text, on_date))
        candidates.extend(self.pattern_matches(text, on_date))
        return [m for m in matcher.pick_longest(candidates) if m.actor_id]  # blockers win, then vanish

    def find_actors(self, text: str, offset: int = 0, on_date: dt.date | None = None) -> list[ActorRef]:
        """Every actor mention in `text` as ActorRefs, non-overlapping, spans shifted by `offset`."""
        return [to_actor_ref(m, offset) for m in self.find_matches(text, on_date)]

    def resolve(self, name: str, on_date: dt.date | None = None) -> ActorRef | None:
        """The actor a single name refers to ("the army", "Kawlin PDF", "KIA"), or None."""
        cleaned = " ".join(name.split())
        if not cleaned:
            return None
        if cleaned in self._actors:
            return ActorRef(name=cleaned, actor_id=cleaned)
        alias = self.lookup(cleaned, on_date) or self.lookup(QUALIFIER.sub("", cleaned), on_date)
        if alias is not None:
            return ActorRef(name=cleaned, actor_id=alias.actor_id)
        code = self.fuzzy_code(cleaned, on_date)
        if code is not None:
            return ActorRef(name=cleaned, actor_id=code)
        best = self.best_match(cleaned, on_date)
        return ActorRef(name=cleaned, actor_id=best.actor_id, unit=best.unit) if best else None

    def lookup(self, name: str, on_date: dt.date | None = None) -> Alias | None:
        """The alias whose key equals `name`'s key and that was in use on `on_date`."""
        for alias in self._by_key.get(matcher.alias_key(name), []):
            if alias.valid_on(on_date):
                return alias
        return None

    def best_match(self, name: str, on_date: dt.date | None) -> matcher.Match | None:
        """The longest mention inside `name` when it covers at least half of it."""
        matches = self.find_matches(name, on_date)
        if not matches:
            return None
        longest = max(matches, key=lambda m: m.end - m.start)
        return longest if 2 * (longest.end - longest.start) >= len(name) else None

    def fuzzy_code(self, name: str, on_date: dt.date | None = None) -> str | None:
        """A close spelling of a long name ("Karenni Nationalitie Defence Force") in use on `on_date`."""
        key = matcher.alias_key(name)
        if len(key) < FUZZY_MIN_KEY:
            return None
        hits = process.extract(key, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=5)
        for hit_key, _score, _index in hits:
            valid = [a for a in self._by_key[hit_key] if a.valid_on(on_date)]
            if valid:
                return valid[0].actor_id
        return None

    def alias_matches(self, text: str, on_date: dt.date | None) -> list[matcher.Match]:
        """Mentions found by the alias tries, each checked against the alias's dates of use."""
        found: list[matcher.Match] = []
        for expression in self._expressions:
            for start, end, written in matcher.iter_alias_spans(expression, text):
                if matcher.alias_key(written) in self._blockers:
                    found.append(matcher.Match(start, end, written, "", None, "not-actor", 1.0, -1))
                    continue
                alias = self.lookup(written, on_date)
                if alias is not None:
                    found.append(matcher.Match(start, end, written, alias.actor_id, None, "alias", 1.0, 0))
        return found

    def pattern_matches(self, text: str, on_date: dt.date | None) -> list[matcher.Match]:
        """Mentions found by the data file's patterns (local units, described civilians)."""
        found: list[matcher.Match] = []
        for pattern in self._patterns:
            if not pattern.worth_trying(text):
                continue
            for hit in pattern.regex.finditer(text):
                match = self.match_from_pattern(pattern, hit, on_date)
                if match is not None:
                    found.append(match)
        return found

    def match_from_pattern(self, pattern: Pattern, hit: re.Match[str], on_date: dt.date | None) -> matcher.Match | None:
        """Turn one regex hit into a Match: trim opening stopwords, resolve the organisation, keep the unit."""
        start = self.trim_start(hit)
        written = hit.string[start : hit.end()].rstrip()
        if not written or self.lookup(written, on_date) is not None:
            return None  # nothing left, or just a plain alias: the alias tries report it
        code = self.org_code(hit, on_date) or pattern.default
        if code is None:
            return None
        unit = " ".join(written.split()) if pattern.keeps_unit else None
        return matcher.Match(start, start + len(written), written, code, unit, pattern.rule, pattern.confidence, 1)

    def trim_start(self, hit: re.Match[str]) -> int:
        """Offset after the words that open a hit without naming the unit.

        Stopwords ("The", "Local") go wherever they are; a known actor's name ("NUG's") goes only when
        it stands before the organisation group, so "KNDF Battalion 13" keeps its KNDF.
        """
        has_org = "org" in hit.re.groupindex and hit.group("org") is not None
        org_start = hit.start("org") if has_org else hit.start()
        for word in WORD.finditer(hit.group(0)):
            at = hit.start() + word.start()
            bare = word.group(0).removesuffix("'s").removesuffix("’s")
            known = at < org_start and self.lookup(bare) is not None
            if word.group(0) not in self._stopwords and not known:
                return at
        return hit.end()

    def org_code(self, hit: re.Match[str], on_date: dt.date | None) -> str | None:
        """The actor named in the hit's `org` group, trying shorter tails ("Mindat Chinland Defence Force")."""
        if "org" not in hit.re.groupindex or hit.group("org") is None:
            return None
        words = hit.group("org").split()
        for first in range(len(words)):
            alias = self.lookup(" ".join(words[first:]), on_date)
            if alias is not None:
                return alias.actor_id
        return None


def index_aliases(aliases: list[Alias]) -> dict[str, list[Alias]]:
    """Aliases by lookup key; a key shared by two different actors is an error in the data."""
    index: dict[str, list[Alias]] = {}
    for alias in aliases:
        key = matcher.alias_key(alias.name)
        if not key:
            raise RegistryError(f"actor {alias.actor_id}: alias {alias.name!r} has no letters")
        entries = index.setdefault(key, [])
        if any(e.actor_id != alias.actor_id for e in entries):
            owners = sorted({e.actor_id for e in entries} | {alias.actor_id})
            raise RegistryError(f"alias {alias.name!r} names several actors: {owners}")
        entries.append(alias)
    return index


def index_blockers(phrases: tuple[str, ...], aliases: dict[str, list[Alias]]) -> frozenset[str]:
    """Keys of phrases that name no actor ("China border"); one equal to an alias is an error."""
    keys = frozenset(matcher.alias_key(p) for p in phrases)
    clash = sorted(k for k in keys if k in aliases)
    if clash:
        raise RegistryError(f"not_actors phrases equal to actor aliases: {clash}")
    return keys


def compile_expressions(aliases: list[Alias]) -> list[re.Pattern[str]]:
    """The three alias expressions: acronyms with case, other names without, Burmese without word edges."""
    names = [a.name for a in aliases]
    burmese = [n for n in names if matcher.is_burmese(n)]
    latin = [v for n in names if not matcher.is_burmese(n) for v in matcher.spelling_variants(n)]
    expressions = (
        matcher.compile_aliases([n for n in latin if matcher.is_acronym(n)], fold_case=False, word_edges=True),
        matcher.compile_aliases([n for n in latin if not matcher.is_acronym(n)], fold_case=True, word_edges=True),
        matcher.compile_aliases(burmese, fold_case=False, word_edges=False),
    )
    return [e for e in expressions if e is not None]


def to_actor_ref(match: matcher.Match, offset: int = 0) -> ActorRef:
    """The public form of a match: the name as written (line breaks folded), the code, the unit and the span.

    The span keeps the exact text, so `text[span.start:span.end] == span.text` still holds.
    """
    span = Span(match.start + offset, match.end + offset, match.text)
    return ActorRef(name=" ".join(match.text.split()), actor_id=match.actor_id, unit=match.unit, span=span)


def load_registry(path: Path | None = None) -> ActorRegistry:
    """A registry from a data file (the bundled one when `path` is None); not cached."""
    return ActorRegistry(load_data(path))


@lru_cache(maxsize=1)
def get_registry() -> ActorRegistry:
    """The registry built from the bundled data file, loaded once per process."""
    return load_registry()
