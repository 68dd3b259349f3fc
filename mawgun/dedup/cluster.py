"""Clustering event reports into canonical events.

1. Blocking: records are grouped by (event type, state/region) and swept in order of their date
   interval, so only reports whose dates can agree are ever compared (records without a state join
   every block of their type). 10,000 records cluster in seconds.
2. Scoring: each candidate pair is scored by `features.compare_profiles`.
3. Linking: pairs are taken best first (ties by ids, so the result is deterministic) and two
   clusters join only when (a) no document would report twice in the cluster, (b) no analyst
   cannot-link forbids it, (c) every cross pair is hard-compatible, and (d) the cross pairs' mean
   score stays near the threshold (this stops chains A~B~C where A and C are different events).
4. Ids: a cluster keeps the canonical id most of its members already had; otherwise its id derives
   from its smallest member record id, so re-running gives the same ids.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from mawgun.dedup.eventtypes import type_blocks, types_compatible
from mawgun.dedup.features import Profile, profile_record, score_place
from mawgun.dedup.pairs import compare_profiles, pair_probability
from mawgun.dedup.places import names_match
from mawgun.dedup.scoring import contributions, load_model, threshold
from mawgun.dedup.siblings import document_siblings, sibling_fits_better
from mawgun.dedup.tellings import retold_pairs
from mawgun.ids import make_id
from mawgun.model import Document, EventRecord

METHOD = "mawgun.dedup"
VERSION = "2"
SCALE = 10_000  # pair scores carry 4 decimals
MEAN_SCORE_FACTOR = 0.9  # cross-pair mean score must reach this share of the threshold
MIN_NEED, MAX_NEED = 0.0001, 0.9999  # pair_probability's `need` is a probability in (0, 1)


@dataclass
class Constraints:
    """Analysts' decisions: groups that must share a cluster, and pairs of groups that must not."""

    must_link: list[frozenset[str]] = field(default_factory=list)
    cannot_link: list[tuple[frozenset[str], frozenset[str]]] = field(default_factory=list)


@dataclass
class Clustering:
    """The result: record id -> canonical id, and per canonical id the links that explain it."""

    assignment: dict[str, str]
    explanations: dict[str, dict[str, Any]]
    members: dict[str, list[str]]


@dataclass(slots=True)
class _Cluster:
    """A growing cluster and the summary that decides, in constant time, whether another may join:
    its date window (the intersection of its members' intervals: non-empty exactly when every
    member's dates agree with every other's), its type keys, townships and gaining sides, its
    documents (with the type keys each reports) and a representative (its most precise report)."""

    members: list[str]
    docs: dict[str, frozenset[str]]  # the type keys of one, shared between clusters: never changed
    links: list[dict[str, Any]]
    indices: list[int] = field(default_factory=list)
    lo: int | None = None
    hi: int | None = None
    types: set[str] = field(default_factory=set)
    townships: dict[str, int] = field(default_factory=dict)
    representative: int = 0


@dataclass(slots=True)
class Group:
    """A finished cluster: its member record ids and the links that joined them."""

    members: list[str]
    links: list[dict[str, Any]]


def precision_rank(profile: Profile) -> tuple[int, int, str]:
    """Lower is more precise: a named place before a township before a state, then a day before a
    coarser date; ties by record id (deterministic)."""
    place = 0 if profile.location else (1 if profile.admin3 else 2)
    return place, 0 if profile.day is not None else 1, profile.record_id


def new_cluster(index: int, profile: Profile) -> _Cluster:
    """The one-report cluster of a profile."""
    townships = {township_key(profile): index} if profile.admin3 else {}
    return _Cluster(
        [profile.record_id],
        {profile.doc_id: one_type(profile.type_key)},
        [],
        [index],
        profile.lo,
        profile.hi,
        {profile.type_key},
        townships,
        index,
    )


@functools.cache
def one_type(type_key: str) -> frozenset[str]:
    """The set of one type key, one object for every cluster that holds it (a cluster's documents
    mostly report one type each; a set of their own would take 216 bytes each)."""
    return frozenset((type_key,))


def one_document_may_join(left: frozenset[str], right: frozenset[str]) -> bool:
    """Reports of one document in two clusters may join only as one happening coded under two event
    types (a battle and the handover it ended in): every type key from that document must then be of
    a different event type (as `features.same_document_allowed` requires of a pair)."""
    keys = left | right
    return len(keys) == len(left) + len(right) and len({k.partition(": ")[0] for k in keys}) == len(keys)


def township_key(profile: Profile) -> str:
    """A township's P-code when the gazetteer resolves it, else its normalised name."""
    return profile.township or profile.admin3


def candidate_pairs(profiles: Sequence[Profile]) -> Iterator[tuple[int, int]]:
    """Index pairs (a < b) whose types may be compatible, whose states agree and whose date intervals
    overlap (`candidate_meetings`, one pair at a time)."""
    for index, others in candidate_meetings(profiles):
        for other in others:
            yield (other, index) if other < index else (index, other)


def candidate_meetings(profiles: Sequence[Profile]) -> Iterator[tuple[int, list[int]]]:
    """Each report with the reports it meets that the sweep opened before it: every candidate pair
    once (grouped, so that the caller's loop over millions of pairs is a plain list loop).

    Blocks are (type component, state); a report without a state joins every block of its component,
    a report without a sub-type every component of its type. Inside a block a sweep in date order keeps
    the reports whose interval is still open, grouped by township: a report naming a township meets
    only its township's open reports and those naming none; the latter meet all. So the pairs follow
    the number of reports that share a place and a few days, not the square of the block."""
    present = frozenset(p.type_key for p in profiles)
    blocks: dict[tuple[str, str], list[int]] = {}
    unplaced: dict[str, list[int]] = {}
    several: set[int] = set()  # reports in more than one block: their pairs may repeat
    for index, prof in enumerate(profiles):
        if prof.lo is None:
            continue
        components = type_blocks(prof.type_key, present)
        if len(components) > 1 or not prof.admin1:
            several.add(index)
        for component in components:
            if prof.admin1:
                blocks.setdefault((component, prof.admin1), []).append(index)
            else:
                unplaced.setdefault(component, []).append(index)
    for component, indices in unplaced.items():
        states = [key for key in blocks if key[0] == component]
        for key in states:
            blocks[key] = blocks[key] + indices
        if not states:
            blocks[(component, "")] = indices
    seen: set[tuple[int, int]] = set()
    townships = township_keys(profiles)
    starts, ends = [p.lo or 0 for p in profiles], [p.hi or 0 for p in profiles]
    for key in sorted(blocks):
        for index, others in sweep_block(starts, ends, blocks[key], townships):
            yield index, (drop_repeats(index, others, several, seen) if index in several else others)


def drop_repeats(index: int, others: list[int], several: set[int], seen: set[tuple[int, int]]) -> list[int]:
    """The reports `index` meets less those it met in an earlier block (both in several blocks)."""
    kept = []
    for other in others:
        if other in several:
            pair = (other, index) if other < index else (index, other)
            if pair in seen:
                continue
            seen.add(pair)
        kept.append(other)
    return kept


def township_keys(profiles: Sequence[Profile]) -> list[str]:
    """Each report's township for blocking: its P-code; a spelling the gazetteer does not resolve takes
    the P-code of a resolved township of the same state whose name it matches (Hseni ~ Hsenwi); ""
    when it names none or matches none (such a report meets every township of its block)."""
    known: dict[str, dict[str, str]] = {}
    for prof in profiles:
        code = prof.pcodes.get("admin3_pcode")
        if code and prof.admin3:
            known.setdefault(prof.admin1, {}).setdefault(prof.admin3, code)
    aliases: dict[tuple[str, str], str] = {}
    keys: list[str] = []
    for prof in profiles:
        code = prof.pcodes.get("admin3_pcode")
        if code or not prof.admin3:
            keys.append(code or "")
            continue
        alias = (prof.admin1, prof.admin3)
        if alias not in aliases:
            names = known.get(prof.admin1, {})
            match = names.get(prof.admin3) or next((names[n] for n in sorted(names) if names_match(n, prof.admin3)), "")
            aliases[alias] = match
        keys.append(aliases[alias])
    return keys


def sweep_block(
    starts: Sequence[int], ends: Sequence[int], indices: Iterable[int], townships: Sequence[str]
) -> Iterator[tuple[int, list[int]]]:
    """Each report of a block with the open reports it meets: their date intervals (each report's
    first and last day in `starts` and `ends`) overlap and their townships may agree (sort-and-sweep)."""
    ordered = sorted(sorted(indices), key=starts.__getitem__)  # by first day, then index (a stable sort)
    open_by_township: dict[str, list[int]] = {}
    for index in ordered:
        lo = starts[index]
        key = townships[index]
        groups = list(open_by_township) if not key else ([key, ""] if key in open_by_township else [""])
        for group in groups:
            active = [j for j in open_by_township.get(group, ()) if ends[j] >= lo]
            if active:
                open_by_township[group] = active
                yield index, active
            else:
                open_by_township.pop(group, None)
        open_by_township.setdefault(key, []).append(index)


class Linker:
    """Constrained best-first agglomeration; cluster against cluster through their summaries. `profiles`
    is read by index only (`blocks.py` gives one that loads them from its spill file)."""

    def __init__(self, profiles: Sequence[Profile], constraints: Constraints) -> None:
        self.profiles = profiles
        self.parent = list(range(len(profiles)))
        self.clusters: dict[int, _Cluster] = {}  # made when a report first joins another: most stay alone
        self.constraints = constraints
        self.threshold = threshold()
        self.forbidden: dict[str, list[int]] = {}
        for number, (first, second) in enumerate(constraints.cannot_link):
            for record_id in first | second:
                self.forbidden.setdefault(record_id, []).append(number)

    def cluster(self, root: int) -> _Cluster:
        """The summary of the cluster whose root is `root` (a one-report cluster is made on demand)."""
        found = self.clusters.get(root)
        if found is None:
            found = self.clusters[root] = new_cluster(root, self.profiles[root])
        return found

    def groups(self) -> list[Group]:
        """Every cluster's members and links, in order of their first report."""
        by_root: dict[int, list[str]] = {}
        for index, profile in enumerate(self.profiles):
            by_root.setdefault(self.find(index), []).append(profile.record_id)
        return [
            Group(members, self.clusters[root].links if root in self.clusters else [])
            for root, members in by_root.items()
        ]

    def find(self, index: int) -> int:
        while self.parent[index] != index:
            self.parent[index] = self.parent[self.parent[index]]
            index = self.parent[index]
        return index

    def violates_cannot_link(self, left: _Cluster, right: _Cluster) -> bool:
        if not self.forbidden:
            return False
        numbers = {n for r in left.members + right.members for n in self.forbidden.get(r, ())}
        joined = set(left.members) | set(right.members)
        return any(
            joined & self.constraints.cannot_link[n][0] and joined & self.constraints.cannot_link[n][1] for n in numbers
        )

    def summaries_agree(self, left: _Cluster, right: _Cluster) -> bool:
        """Dates, types, townships and documents of two clusters allow one event."""
        if left.lo is not None and right.lo is not None and left.hi is not None and right.hi is not None:
            lo = left.lo if left.lo > right.lo else right.lo
            if lo > (left.hi if left.hi < right.hi else right.hi):  # the two windows do not intersect
                return False
        if left.types != right.types:
            for key_a in left.types:  # loops, not all(): this runs for every join
                for key_b in right.types:
                    if not types_compatible(key_a, key_b):
                        return False
        for doc, types in left.docs.items():
            if doc in right.docs and not one_document_may_join(types, right.docs[doc]):
                return False
        for key_a, a in left.townships.items():
            for key_b, b in right.townships.items():
                if key_a != key_b and score_place(self.profiles[a], self.profiles[b]) is None:
                    return False
        return True

    def may_join(self, ra: int, rb: int, a: int, b: int, score: float) -> bool:
        """The clusters of the pair (a, b) may join: constraints, summaries, and the two clusters'
        representatives (their most precise reports) agreeing nearly as well as the pair (this stops
        chains A~B~C where A and C are different events)."""
        left, right = self.cluster(ra), self.cluster(rb)
        if self.violates_cannot_link(left, right) or not self.summaries_agree(left, right):
            return False
        rep_a, rep_b = left.representative, right.representative
        if rep_a in (a, b) and rep_b in (a, b):  # the pair itself: already scored
            return True
        needed = min(max(2 * self.threshold * MEAN_SCORE_FACTOR - score, MIN_NEED), MAX_NEED)
        result = pair_probability(self.profiles[rep_a], self.profiles[rep_b], needed)
        return result is not None and (score + result) / 2 >= self.threshold * MEAN_SCORE_FACTOR

    def link_all(self, pairs: Iterable[tuple[float, int, int]], explain: bool = False) -> None:
        """Best-first linking: for each pair (score, a, b), in the order given, join their clusters when
        they may join (with `explain`, each link keeps its score and features)."""
        parent, find, may_join, union, profiles = self.parent, self.find, self.may_join, self.union, self.profiles
        for score, a, b in pairs:
            ra = a if parent[a] == a else find(a)  # most reports are their own cluster's root
            rb = b if parent[b] == b else find(b)
            if ra != rb and may_join(ra, rb, a, b, score):
                union(ra, rb, explain_link(profiles[a], profiles[b], score) if explain else None)

    def union(self, ra: int, rb: int, link: dict[str, Any] | None) -> None:
        keep, drop = (ra, rb) if ra < rb else (rb, ra)
        self.parent[drop] = keep
        kept, dropped = self.cluster(keep), self.cluster(drop)
        del self.clusters[drop]
        kept.members += dropped.members
        kept.indices += dropped.indices
        for doc, types in dropped.docs.items():
            found = kept.docs.get(doc)
            kept.docs[doc] = types if found is None else found | types
        kept.links += dropped.links
        if link:
            kept.links.append(link)
        if dropped.lo is not None and (kept.lo is None or dropped.lo > kept.lo):
            kept.lo = dropped.lo
        if dropped.hi is not None and (kept.hi is None or dropped.hi < kept.hi):
            kept.hi = dropped.hi
        kept.types |= dropped.types
        for key, index in dropped.townships.items():
            kept.townships.setdefault(key, index)
        if precision_rank(self.profiles[dropped.representative]) < precision_rank(self.profiles[kept.representative]):
            kept.representative = dropped.representative


def force_links(linker: Linker, constraints: Constraints, fixed: Mapping[str, str] | None) -> None:
    """Join what analysts decided must be together, then the existing clusters that stay as they are."""
    profiles = linker.profiles
    position = {p.record_id: i for i, p in enumerate(profiles)}
    decided = [[position[r] for r in sorted(group) if r in position] for group in constraints.must_link]
    kept: dict[str, list[int]] = {}
    for record_id, canon in sorted((fixed or {}).items()):
        if record_id in position:
            kept.setdefault(canon, []).append(position[record_id])
    for reason, groups in (("decision", decided), ("kept", list(kept.values()))):
        for group in groups:
            for other in group[1:]:
                ra, rb = linker.find(group[0]), linker.find(other)
                if ra != rb:
                    link = {"a": profiles[group[0]].record_id, "b": profiles[other].record_id, "forced": reason}
                    linker.union(ra, rb, link)


def join_retold(linker: Linker, siblings: Mapping[int, list[int]]) -> None:
    """Join each document's one event told twice (`tellings.py`: same kind, same toll of several
    dead, a day apart, one place) before any pair is scored, unless an analyst's cannot-link keeps
    them apart."""
    profiles = linker.profiles
    for a, b in retold_pairs(profiles, siblings):
        ra, rb = linker.find(a), linker.find(b)
        if ra == rb or linker.violates_cannot_link(linker.cluster(ra), linker.cluster(rb)):
            continue
        first, second = profiles[a], profiles[b]
        why = f"one document tells {first.fatalities} dead at one place on two consecutive days"
        linker.union(ra, rb, {"a": first.record_id, "b": second.record_id, "forced": "told twice", "why": why})


def scored_pairs(
    linker: Linker, new_ids: set[str] | None, siblings: Mapping[int, list[int]]
) -> Iterator[tuple[float, int, int]]:
    """Candidate pairs reaching the threshold as (score, a, b), best first; ties go by index, which
    is record-id order (profiles are sorted by record id), so the result is deterministic. With
    `new_ids`, only pairs that involve a new record. Scores below the threshold are not kept, and
    those kept are packed into one integer each (score to 4 decimals, then a, then b): a million
    reports give a few million of them."""
    profiles, threshold, score_pair = linker.profiles, linker.threshold, pair_probability
    bits = max(1, len(profiles).bit_length())
    mask, shift = (1 << bits) - 1, 2 * bits
    packed: list[int] = []
    for index, others in candidate_meetings(profiles):
        for other in others:
            a, b = (other, index) if other < index else (index, other)
            first, second = profiles[a], profiles[b]
            if new_ids is not None and first.record_id not in new_ids and second.record_id not in new_ids:
                continue
            score = score_pair(first, second, threshold)
            if score is None or score < threshold:
                continue
            if siblings and sibling_fits_better(profiles, siblings, a, b):
                continue
            packed.append(((SCALE - round(score * SCALE)) << shift) | (a << bits) | b)
    packed.sort()
    for key in packed:
        yield (SCALE - (key >> shift)) / SCALE, (key >> bits) & mask, key & mask


def link_profiles(
    profiles: Sequence[Profile],
    constraints: Constraints | None = None,
    fixed: Mapping[str, str] | None = None,
    new_ids: set[str] | None = None,
    explain: bool = True,
) -> list[Group]:
    """Group profiles into clusters. `fixed` clusters (record -> id) are kept together; with
    `new_ids`, only pairs involving a new record are scored (incremental update). With `explain`
    each link keeps its score, per-feature agreement and each feature's contribution."""
    linker = Linker(profiles, constraints or Constraints())
    force_links(linker, linker.constraints, fixed)
    siblings = document_siblings(profiles)
    join_retold(linker, siblings)
    linker.link_all(scored_pairs(linker, new_ids, siblings), explain)
    return linker.groups()


def explain_link(a: Profile, b: Profile, score: float) -> dict[str, Any]:
    """A link as explanations show it: the pair, its probability, each feature's agreement and its
    contribution to the log-odds."""
    result = compare_profiles(a, b)
    features = {name: round(value, 3) for name, value in result[1].items()} if result else {}
    return {
        "a": a.record_id,
        "b": b.record_id,
        "score": score,
        "features": features,
        "contributions": contributions(features) if features else {},
    }


def assign_ids(clusters: Sequence[Group], previous: Mapping[str, str] | None = None) -> dict[int, str]:
    """Canonical id per cluster: the previous id most members carry (bigger clusters choose first),
    else an id derived from the smallest member record id."""
    previous = previous or {}
    order = sorted(range(len(clusters)), key=lambda i: (-len(clusters[i].members), min(clusters[i].members)))
    taken: set[str] = set()
    ids: dict[int, str] = {}
    for index in order:
        votes: dict[str, int] = {}
        for record_id in clusters[index].members:
            if previous.get(record_id):
                votes[previous[record_id]] = votes.get(previous[record_id], 0) + 1
        ranked = sorted(votes, key=lambda c: (-votes[c], c))
        chosen = next((c for c in ranked if c not in taken), None)
        if chosen is None:
            chosen = make_id("cev", min(clusters[index].members))
            if chosen in taken:
                chosen = make_id("cev", *sorted(clusters[index].members))
        taken.add(chosen)
        ids[index] = chosen
    return ids


def explain_cluster(cluster: Group, profiles: Mapping[str, Profile]) -> dict[str, Any]:
    """Why these reports are one event: the links that joined them, with per-feature agreement."""
    docs = sorted({profiles[r].doc_id for r in cluster.members if r in profiles})
    return {
        "method": METHOD,
        "version": VERSION,
        "threshold": threshold(),
        "model": {"intercept": load_model()["intercept"], "coefficients": load_model()["coefficients"]},
        "members": sorted(cluster.members),
        "documents": docs,
        "links": cluster.links,
    }


def cluster_profiles(
    profiles: Sequence[Profile],
    constraints: Constraints | None = None,
    previous: Mapping[str, str] | None = None,
    new_ids: set[str] | None = None,
    explain: bool = True,
) -> Clustering:
    """Cluster prepared profiles; `previous` (record -> canonical id) keeps ids and, with
    `new_ids`, keeps existing clusters as they are while new records join them. Without `explain`
    only the assignment is filled (what `cluster_records` returns)."""
    fixed = {r: c for r, c in (previous or {}).items() if new_ids is not None and r not in new_ids}
    clusters = link_profiles(profiles, constraints, fixed if new_ids is not None else None, new_ids, explain)
    ids = assign_ids(clusters, previous)
    by_id = {p.record_id: p for p in profiles} if explain else {}
    assignment: dict[str, str] = {}
    explanations: dict[str, dict[str, Any]] = {}
    members: dict[str, list[str]] = {}
    for index, cluster in enumerate(clusters):
        canon = ids[index]
        if explain:
            members[canon] = sorted(cluster.members)
            explanations[canon] = explain_cluster(cluster, by_id)
        for record_id in cluster.members:
            assignment[record_id] = canon
    return Clustering(assignment, explanations, members)


def cluster_records(
    events: Iterable[EventRecord],
    documents: Mapping[str, Document] | None = None,
    constraints: Constraints | None = None,
) -> dict[str, str]:
    """Group event reports into canonical events: record_id -> canonical_id.

    The result depends only on the set of reports, not on their order or on how a batch was split
    among workers (profiles are sorted by record id; ties everywhere break by record id). `events`
    may be a stream: each report is turned into its compact profile as it arrives, so a million
    reports need not be held at once. `documents` (doc_id -> Document) supplies publication dates
    for undated records, titles and the text searched for place names.
    """
    documents = documents or {}
    with paused_gc():
        profiles = sorted((profile_record(e, documents.get(e.doc_id)) for e in events), key=lambda p: p.record_id)
        return cluster_profiles(profiles, constraints, explain=False).assignment


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause Python's cycle collector while clustering builds millions of small objects with no
    cycles: each collection would walk them all again (a third of the time at 100,000 reports)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
