"""Clustering a batch of event reports too large to hold in memory, with the result of `cluster_records`.

`SpilledProfiles` keeps each report's profile in a temporary SQLite file (beside the output) and in
memory only what blocking needs of the whole batch: the type keys present and one resolved profile per
(state, township name). `cluster()` then sweeps the reports in order of their first possible day
(`Sweep`). A report is *open* until a report starts after its last day; each new report is compared
with the open reports that share a block with it (the rules of `cluster.candidate_pairs`: type
component, state, a township that may agree, overlapping dates), and the pairs that reach the threshold
(and that no document sibling vetoes, `cluster.scored_pairs`) go to the `SweepLinker`, as do a document's
one event told twice (`tellings.py`), which the whole batch joins before any scored pair.

The `SweepLinker` (`sweep_linker.py`) runs `cluster.link_profiles`'s best-first linking behind the
sweep. Linking one pair reads and changes only the clusters of its two reports, and the reports of a
cluster all share a day; so two pairs whose reports can never share a cluster may be linked in either
order, and linking in any order that keeps the priority (score, then record ids) of the pairs that might
touch one cluster gives the whole batch's result. A pair is linked once it is *safe*: its reports are
closed (they end before every open report of their block components starts, so no later pair can reach
their clusters) and no waiting pair of higher priority, connected to it through clusters and waiting
pairs, has a report that shares a block component and a day with its reports. A cluster whose reports
are all closed and wait for no pair is final: its canonical id is written to the file and it is
forgotten. Memory then follows the reports a few days share (a report dated only to its year holds its
block components for that year; an undated one, dated by its publication, for the two years it looks
back), not the size of the batch. On a crowded input waiting pairs chain from day to day (each waits for
a pair of higher priority a day or two later) and most reports in pairs may wait to the end: the linker
holds of each a few numbers (`Waiting`) and reads its profile back from the spill when linking needs it
(`SpilledRanks`).

The ids are `cluster.assign_ids`'s: a cluster's id derives from its smallest record id. A record id given
twice (a document repeated in the input) is settled after the sweep as `cluster_profiles` settles it.
"""

from __future__ import annotations

import heapq
import os
import sqlite3
import tempfile
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from mawgun.dedup import features
from mawgun.dedup.cluster import SCALE, township_keys
from mawgun.dedup.eventtypes import type_blocks
from mawgun.dedup.features import Profile
from mawgun.dedup.pairs import pair_probability
from mawgun.dedup.scoring import threshold
from mawgun.dedup.siblings import sibling_fits_better
from mawgun.dedup.sweep_linker import RETOLD, WAITS_PER_ROUND, Horizon, SweepLinker, decode, encode
from mawgun.dedup.tellings import told_twice

FLUSH_EVERY = 256  # reports entered between two rounds of linking, at least
CACHE_EVERY = 4096  # profiles between clearings of the per-text caches (they would hold 65,536 texts each)
TEXT_CACHES = ("shared_text", "proper_names")  # features' caches keyed by report text: unbounded inputs
SCHEMA = """
CREATE TABLE profiles (
    seq INTEGER PRIMARY KEY, rid TEXT NOT NULL, lo INTEGER, hi INTEGER, doc TEXT NOT NULL, tkey TEXT NOT NULL,
    body BLOB NOT NULL, sib INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE canon (seq INTEGER PRIMARY KEY, canon TEXT NOT NULL);
"""


@dataclass(slots=True)
class Report:
    """A report in the sweep: its row, its rank in record-id order (the whole-batch clustering's index),
    its profile; blocking keys and document siblings (same document and type) once it is open."""

    seq: int
    rank: int
    profile: Profile
    components: tuple[str, ...] = ()
    township: str = ""
    siblings: list[Report] = field(default_factory=list)


class SpilledProfiles:
    """Event reports' profiles in a temporary SQLite file in `folder`; use as a context manager (the file
    is removed on leaving). `add` each profile, `cluster()` once, then read `canonical_ids()` in the
    order of adding."""

    def __init__(self, folder: str | Path) -> None:
        handle, name = tempfile.mkstemp(dir=folder, prefix=".mawgun-dedup-", suffix=".sqlite")
        os.close(handle)
        self.path = Path(name)
        self.db = sqlite3.connect(self.path, isolation_level=None)
        self.db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=FILE;" + SCHEMA)
        self.db.execute("BEGIN")
        self.count = 0
        self.present: set[str] = set()
        self.resolved: dict[tuple[str, str], Profile] = {}  # (state, township name) -> first P-coded report

    def __enter__(self) -> SpilledProfiles:
        return self

    def __exit__(self, *exc: object) -> None:
        self.db.close()
        self.path.unlink(missing_ok=True)

    def add(self, profile: Profile) -> None:
        """Spill one report's profile; keep what blocking needs of the whole batch."""
        row = (profile.record_id, profile.lo, profile.hi, profile.doc_id, profile.type_key, encode(profile))
        self.db.execute("INSERT INTO profiles (rid, lo, hi, doc, tkey, body) VALUES (?, ?, ?, ?, ?, ?)", row)
        self.count += 1
        self.present.add(profile.type_key)
        if profile.admin3 and profile.pcodes.get("admin3_pcode"):
            key = (profile.admin1, profile.admin3)
            first = self.resolved.get(key)
            if first is None or profile.record_id < first.record_id:
                self.resolved[key] = profile
        if self.count % CACHE_EVERY == 0:
            clear_text_caches()

    def cluster(self) -> None:
        """Cluster every spilled report and store each one's canonical id."""
        self.db.execute("COMMIT")
        clear_text_caches()
        self.db.executescript(
            "CREATE INDEX by_doc ON profiles (doc, tkey);"
            "CREATE INDEX by_day ON profiles (lo IS NOT NULL, lo, rid, seq);"
            "CREATE TABLE ranks (seq INTEGER PRIMARY KEY, rank INTEGER NOT NULL);"
            "INSERT INTO ranks SELECT seq, ROW_NUMBER() OVER (ORDER BY rid, seq) - 1 FROM profiles;"
            "UPDATE profiles SET sib = 1 WHERE (doc, tkey) IN"
            " (SELECT doc, tkey FROM profiles GROUP BY doc, tkey HAVING COUNT(*) > 1);"
        )
        repeated = {rid for (rid,) in self.db.execute("SELECT rid FROM profiles GROUP BY rid HAVING COUNT(*) > 1")}
        (first_day,) = self.db.execute("SELECT COALESCE(MIN(lo), 0) FROM profiles").fetchone()
        sweep = Sweep(self, SweepLinker(self, repeated, first_day))
        self.db.execute("BEGIN")
        rows = self.db.execute(
            "SELECT seq, rank, body, sib FROM profiles JOIN ranks USING (seq) ORDER BY lo IS NOT NULL, lo, rid, seq"
        )
        for seq, rank, body, sib in rows:  # the undated first: dated by nothing, each stays alone
            sweep.enter(Report(seq, rank, decode(body)), bool(sib))
        sweep.close()
        self.db.execute("COMMIT")

    def siblings(self, seq: int, profile: Profile) -> list[Report]:
        """The other reports of the profile's document with its type key."""
        rows = self.db.execute(
            "SELECT seq, rank, body FROM profiles JOIN ranks USING (seq) WHERE doc = ? AND tkey = ? AND seq != ?"
            " ORDER BY seq",
            (profile.doc_id, profile.type_key, seq),
        )
        return [Report(other, rank, decode(body)) for other, rank, body in rows]

    def township_key(self, profile: Profile, cache: dict[tuple[str, str], str]) -> str:
        """`cluster.township_keys` of the whole batch for this report, from the resolved reports of its state."""
        code = profile.pcodes.get("admin3_pcode")
        if code or not profile.admin3:
            return code or ""
        key = (profile.admin1, profile.admin3)
        if key not in cache:
            known = [p for (state, _), p in self.resolved.items() if state == profile.admin1]
            cache[key] = township_keys([*known, profile])[-1]
        return cache[key]

    def canonical_ids(self) -> Iterator[tuple[str, str]]:
        """(record id, canonical id) of every report, in the order they were added."""
        return self.db.execute("SELECT rid, canon FROM profiles JOIN canon USING (seq) ORDER BY seq")


class Sweep:
    """Candidate pairs in date order: the open reports, indexed by block component, state and township,
    each new report meets; pairs that reach the threshold go to the `SweepLinker`."""

    def __init__(self, spill: SpilledProfiles, linker: SweepLinker) -> None:
        self.spill, self.linker = spill, linker
        self.present = frozenset(spill.present)
        self.threshold = threshold()
        self.index: dict[str, dict[str, dict[str, dict[int, Report]]]] = {}  # component -> state -> township
        self.open: dict[int, Report] = {}  # by seq
        self.ends: list[tuple[int, int]] = []  # heap of (last day, seq) of open reports
        self.starts: dict[str, deque[tuple[int, int]]] = {}  # component -> (first day, seq) of its open reports
        self.aliases: dict[tuple[str, str], str] = {}
        self.blocks: dict[str, tuple[str, ...]] = {}  # type key -> its block components, one tuple each
        self.entered = 0
        self.next_flush = FLUSH_EVERY

    def enter(self, report: Report, has_siblings: bool) -> None:
        """Close the reports that end before this one starts, pair it with the open ones, open it."""
        profile = report.profile
        if profile.lo is None or profile.hi is None:  # no date at all: never a candidate
            self.linker.alone(report)
            return
        while self.ends and self.ends[0][0] < profile.lo:
            self.retire(heapq.heappop(self.ends)[1])
        report.siblings = self.spill.siblings(report.seq, profile) if has_siblings else []
        report.township = self.spill.township_key(profile, self.aliases)
        report.components = self.components(profile.type_key)
        for sibling in report.siblings:  # one event told twice: joined before any pair is scored
            other = self.open.get(sibling.seq)
            if other is not None:
                first, second = (other, report) if other.rank < report.rank else (report, other)
                if told_twice(first.profile, second.profile):
                    self.linker.add_pair(RETOLD, first, second)
        for other in self.candidates(report):
            self.score(other, report)
        self.open[report.seq] = report
        for component in report.components:
            states = self.index.setdefault(component, {}).setdefault(profile.admin1, {})
            states.setdefault(report.township, {})[report.seq] = report
            self.starts.setdefault(component, deque()).append((profile.lo, report.seq))
        heapq.heappush(self.ends, (profile.hi, report.seq))
        self.entered += 1
        if self.entered >= self.next_flush:  # linking work grows with what waits: rounds spaced to match
            self.linker.flush(Horizon(self.horizons(), profile.lo))
            self.next_flush = self.entered + max(FLUSH_EVERY, len(self.linker.held) // WAITS_PER_ROUND)

    def components(self, type_key: str) -> tuple[str, ...]:
        """The block components of a type key (`eventtypes.type_blocks` over the whole batch's keys)."""
        found = self.blocks.get(type_key)
        if found is None:
            found = self.blocks[type_key] = type_blocks(type_key, self.present)
        return found

    def horizons(self) -> dict[str, int]:
        """Each block component's first day of its earliest open report: a report that ends before it
        meets no later report of the component (nor of another: reports of one cluster share one)."""
        found = {}
        for component, starts in self.starts.items():
            while starts and starts[0][1] not in self.open:
                starts.popleft()
            if starts:
                found[component] = starts[0][0]
        return found

    def candidates(self, report: Report) -> list[Report]:
        """Open reports sharing a block with `report` (type component; same state, or either without one)
        whose township may agree (the same, or either without one), each once."""
        found: dict[int, Report] = {}
        state = report.profile.admin1
        for component in report.components:
            by_state = self.index.get(component, {})
            for name in [state, ""] if state else list(by_state):
                by_township = by_state.get(name, {})
                for town in [report.township, ""] if report.township else list(by_township):
                    found.update(by_township.get(town, {}))
        return list(found.values())

    def score(self, one: Report, two: Report) -> None:
        """Score a candidate pair in record-id order, as the whole-batch clustering does; keep it when it
        reaches the threshold and no document sibling fits better (`cluster.scored_pairs`)."""
        first, second = (one, two) if one.rank < two.rank else (two, one)
        score = pair_probability(first.profile, second.profile, self.threshold)
        if score is None or score < self.threshold:
            return
        if first.siblings or second.siblings:
            profiles = [first.profile, second.profile, *(s.profile for s in first.siblings + second.siblings)]
            split = 2 + len(first.siblings)
            siblings = {0: list(range(2, split)), 1: list(range(split, len(profiles)))}
            if sibling_fits_better(profiles, siblings, 0, 1):
                return
        self.linker.add_pair(SCALE - round(score * SCALE), first, second)

    def retire(self, seq: int) -> None:
        """A report no later report can meet: out of the index."""
        report = self.open.pop(seq)
        for component in report.components:
            by_state = self.index[component]
            by_township = by_state[report.profile.admin1]
            del by_township[report.township][seq]
            if not by_township[report.township]:
                del by_township[report.township]
                if not by_township:
                    del by_state[report.profile.admin1]
        self.linker.retired(report)

    def close(self) -> None:
        """The sweep's end: every report retired, every pair linked, every id written."""
        while self.ends:
            self.retire(heapq.heappop(self.ends)[1])
        self.linker.flush(None)
        self.linker.settle_repeated()


def clear_text_caches() -> None:
    """Empty `features`' caches keyed by report text: they share equal texts between profiles held
    together, but spilled profiles share nothing, and each would otherwise hold 65,536 texts."""
    for name in TEXT_CACHES:
        cache_clear = getattr(getattr(features, name, None), "cache_clear", None)
        if cache_clear is not None:
            cache_clear()
