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

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from mawgun.dedup.config import load_settings
from mawgun.dedup.features import Profile, compare_profiles, profile_record
from mawgun.ids import make_id
from mawgun.model import Document, EventRecord

METHOD = "mawgun.dedup"
VERSION = "1"
MEAN_SCORE_FACTOR = 0.9  # cross-pair mean score must reach this share of the threshold


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


@dataclass
class _Cluster:
    members: list[str]
    docs: set[str]
    links: list[dict[str, Any]]
    indices: list[int] = field(default_factory=list)


def candidate_pairs(profiles: Sequence[Profile]) -> set[tuple[int, int]]:
    """Index pairs whose event type and state/region agree and whose date intervals overlap."""
    blocks: dict[tuple[str, str], list[int]] = {}
    unplaced: dict[str, list[int]] = {}
    for index, prof in enumerate(profiles):
        if prof.lo is None:
            continue
        if prof.admin1:
            blocks.setdefault((prof.event_type, prof.admin1), []).append(index)
        else:
            unplaced.setdefault(prof.event_type, []).append(index)
    for event_type, indices in unplaced.items():
        blocks.setdefault((event_type, ""), [])
        for key in list(blocks):
            if key[0] == event_type and key[1]:
                blocks[key] = blocks[key] + indices
        blocks[(event_type, "")] = indices
    pairs: set[tuple[int, int]] = set()
    for indices in blocks.values():
        pairs |= sweep_overlaps(profiles, indices)
    return pairs


def sweep_overlaps(profiles: Sequence[Profile], indices: Iterable[int]) -> set[tuple[int, int]]:
    """All pairs of the given records whose [lo, hi] date intervals overlap (sort-and-sweep)."""
    ordered = sorted(indices, key=lambda i: (profiles[i].lo, i))
    active: list[int] = []
    pairs: set[tuple[int, int]] = set()
    for index in ordered:
        lo = profiles[index].lo
        active = [j for j in active if (profiles[j].hi or 0) >= (lo or 0)]
        for other in active:
            if profiles[other].doc_id != profiles[index].doc_id:
                pairs.add((min(index, other), max(index, other)))
        active.append(index)
    return pairs


class _Linker:
    """Constrained best-first agglomeration over scored pairs."""

    def __init__(self, profiles: Sequence[Profile], constraints: Constraints) -> None:
        self.profiles = profiles
        self.parent = list(range(len(profiles)))
        self.clusters = {i: _Cluster([p.record_id], {p.doc_id}, [], [i]) for i, p in enumerate(profiles)}
        self.constraints = constraints
        self.scores: dict[tuple[int, int], tuple[float, dict[str, float]] | None] = {}
        self.threshold = float(load_settings()["threshold"])

    def find(self, index: int) -> int:
        while self.parent[index] != index:
            self.parent[index] = self.parent[self.parent[index]]
            index = self.parent[index]
        return index

    def pair_score(self, a: int, b: int) -> tuple[float, dict[str, float]] | None:
        key = (min(a, b), max(a, b))
        if key not in self.scores:
            self.scores[key] = compare_profiles(self.profiles[key[0]], self.profiles[key[1]])
        return self.scores[key]

    def violates_cannot_link(self, left: _Cluster, right: _Cluster) -> bool:
        joined = set(left.members) | set(right.members)
        return any(joined & first and joined & second for first, second in self.constraints.cannot_link)

    def may_join(self, ra: int, rb: int) -> bool:
        left, right = self.clusters[ra], self.clusters[rb]
        if left.docs & right.docs or self.violates_cannot_link(left, right):
            return False
        total, count = 0.0, 0
        for a in left.indices:
            for b in right.indices:
                result = self.pair_score(a, b)
                if result is None:
                    return False
                total, count = total + result[0], count + 1
        return total / count >= self.threshold * MEAN_SCORE_FACTOR

    def union(self, ra: int, rb: int, link: dict[str, Any]) -> None:
        keep, drop = (ra, rb) if ra < rb else (rb, ra)
        self.parent[drop] = keep
        kept, dropped = self.clusters[keep], self.clusters.pop(drop)
        kept.members += dropped.members
        kept.indices += dropped.indices
        kept.docs |= dropped.docs
        kept.links += dropped.links + [link]


def force_links(linker: _Linker, constraints: Constraints, fixed: Mapping[str, str] | None) -> None:
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


def scored_pairs(linker: _Linker, new_ids: set[str] | None) -> list[tuple[float, str, str, int, int, dict[str, float]]]:
    """Candidate pairs reaching the threshold, best first (ties by record ids: deterministic); with
    `new_ids`, only pairs that involve a new record."""
    profiles = linker.profiles
    pairs = candidate_pairs(profiles)
    if new_ids is not None:
        pairs = {(a, b) for a, b in pairs if profiles[a].record_id in new_ids or profiles[b].record_id in new_ids}
    scored = []
    for a, b in pairs:
        result = linker.pair_score(a, b)
        if result is not None and result[0] >= linker.threshold:
            scored.append((-result[0], profiles[a].record_id, profiles[b].record_id, a, b, result[1]))
    return sorted(scored)


def link_profiles(
    profiles: Sequence[Profile],
    constraints: Constraints | None = None,
    fixed: Mapping[str, str] | None = None,
    new_ids: set[str] | None = None,
) -> list[_Cluster]:
    """Group profiles into clusters. `fixed` clusters (record -> id) are kept together; with
    `new_ids`, only pairs involving a new record are scored (incremental update)."""
    linker = _Linker(profiles, constraints or Constraints())
    force_links(linker, linker.constraints, fixed)
    for negative, id_a, id_b, a, b, features in scored_pairs(linker, new_ids):
        ra, rb = linker.find(a), linker.find(b)
        if ra != rb and linker.may_join(ra, rb):
            linker.union(ra, rb, {"a": id_a, "b": id_b, "score": -negative, "features": features})
    return list(linker.clusters.values())


def assign_ids(clusters: Sequence[_Cluster], previous: Mapping[str, str] | None = None) -> dict[int, str]:
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


def explain_cluster(cluster: _Cluster, profiles: Mapping[str, Profile]) -> dict[str, Any]:
    """Why these reports are one event: the links that joined them, with per-feature agreement."""
    docs = sorted({profiles[r].doc_id for r in cluster.members if r in profiles})
    return {
        "method": METHOD,
        "version": VERSION,
        "threshold": load_settings()["threshold"],
        "weights": load_settings()["weights"],
        "members": sorted(cluster.members),
        "documents": docs,
        "links": cluster.links,
    }


def cluster_profiles(
    profiles: Sequence[Profile],
    constraints: Constraints | None = None,
    previous: Mapping[str, str] | None = None,
    new_ids: set[str] | None = None,
) -> Clustering:
    """Cluster prepared profiles; `previous` (record -> canonical id) keeps ids and, with
    `new_ids`, keeps existing clusters as they are while new records join them."""
    fixed = {r: c for r, c in (previous or {}).items() if new_ids is not None and r not in new_ids}
    clusters = link_profiles(profiles, constraints, fixed if new_ids is not None else None, new_ids)
    ids = assign_ids(clusters, previous)
    by_id = {p.record_id: p for p in profiles}
    assignment: dict[str, str] = {}
    explanations: dict[str, dict[str, Any]] = {}
    members: dict[str, list[str]] = {}
    for index, cluster in enumerate(clusters):
        canon = ids[index]
        members[canon] = sorted(cluster.members)
        explanations[canon] = explain_cluster(cluster, by_id)
        for record_id in cluster.members:
            assignment[record_id] = canon
    return Clustering(assignment, explanations, members)


def cluster_records(
    events: Sequence[EventRecord],
    documents: Mapping[str, Document] | None = None,
    constraints: Constraints | None = None,
) -> dict[str, str]:
    """Group event reports into canonical events: record_id -> canonical_id (deterministic).

    `documents` (doc_id -> Document) supplies publication dates for undated records and lets
    syndicated copies be recognised; records from one document are never merged together.
    """
    documents = documents or {}
    ordered = sorted(events, key=lambda e: e.record_id)
    profiles = [profile_record(e, documents.get(e.doc_id)) for e in ordered]
    return cluster_profiles(profiles, constraints).assignment
