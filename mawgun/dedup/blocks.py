"""Clustering a batch of event reports too large to hold in memory, with the result of `cluster_records`.

`SpilledProfiles` keeps each report's profile in a temporary SQLite file (beside the output) and in
memory only what blocking needs of the whole batch: the type keys present and one resolved profile per
(state, township name). `cluster()` then sweeps the reports in order of their first possible day
(`Sweep`). A report is *open* until a report starts after its last day; each new report is compared
with the open reports that share a block with it (the rules of `cluster.candidate_pairs`: type
component, state, a township that may agree, overlapping dates), and the pairs that reach the threshold
(and that no document sibling vetoes, `cluster.scored_pairs`) go to the `SweepLinker`, as do a document's
one event told twice (`tellings.py`), which the whole batch joins before any scored pair.

The `SweepLinker` runs `cluster.link_profiles`'s best-first linking behind the sweep. Linking one pair reads
and changes only the clusters of its two reports, and the reports of a cluster all share a day; so two
pairs whose reports can never share a cluster may be linked in either order, and linking in any order
that keeps the priority (score, then record ids) of the pairs that might touch one cluster gives the
whole batch's result. A pair is linked once it is *safe*: its reports are closed (they end before every
open report of their block components starts, so no later pair can reach their clusters) and no waiting
pair of higher priority, connected to it through clusters and waiting pairs, has a report that shares a
block component and a day with its reports. A cluster whose reports are all closed and wait for no pair
is final: its canonical id is written to the file and it is forgotten. Memory then follows the reports
a few days share (a report dated only to its year holds its block components for that year; an undated
one, dated by its publication, for the two years it looks back), not the size of the batch. On a
crowded input waiting pairs chain from day to day (each waits for a pair of higher priority a day or
two later) and most reports in pairs may wait to the end: the linker holds of each a few numbers
(`Waiting`) and reads its profile back from the spill when linking needs it (`SpilledRanks`).

The ids are `cluster.assign_ids`'s: a cluster's id derives from its smallest record id. A record id given
twice (a document repeated in the input) is settled after the sweep as `cluster_profiles` settles it.
"""

from __future__ import annotations

import dataclasses
import heapq
import os
import pickle
import sqlite3
import sys
import tempfile
from array import array
from collections import OrderedDict, deque
from collections.abc import Iterator, MutableSequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mawgun.dedup import features
from mawgun.dedup.cluster import SCALE, Constraints, Group, Linker, assign_ids, township_keys
from mawgun.dedup.eventtypes import type_blocks
from mawgun.dedup.features import Profile
from mawgun.dedup.pairs import pair_probability
from mawgun.dedup.scoring import threshold
from mawgun.dedup.siblings import sibling_fits_better
from mawgun.dedup.tellings import told_twice

PRIORITY_BITS = (SCALE + 1).bit_length()  # a packed pair's priority + 1 (0 for RETOLD)
RETOLD = -1  # the priority of a document's one event told twice: joined before every scored pair
FLUSH_EVERY = 256  # reports entered between two rounds of linking, at least
WAITS_PER_ROUND = 4  # and at least the waiting reports over this: a round costs what waits, which it holds
CACHED = 256  # decoded profiles the linker keeps (about 3 kB each; 1,024 read no fewer back)
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


@dataclass(slots=True)
class Horizon:
    """Where the sweep is: a report is closed (no later pair can touch it) when it ends before the first
    day of every open report of its block components, and before the day of the sweep."""

    starts: dict[str, int]
    day: int

    def closed(self, end: int, components: tuple[str, ...]) -> bool:
        return end < self.day and all(end < self.starts.get(c, self.day) for c in components)


@dataclass(slots=True)
class Waiting:
    """What the linker holds of a report in a pair until its cluster is final: its row, days, block
    components and how many of its pairs are not linked yet (its profile, record id included, stays in
    the spill)."""

    seq: int
    lo: int
    hi: int
    components: tuple[str, ...]
    pairs: int = 0


class SpilledRanks:
    """The profiles of the reports the linker holds, by rank, read back from the spill file when linking
    needs them; the last `CACHED` read stay decoded. The linker then holds a few numbers a report, not
    its profile (about 3 kB decoded: on a crowded input, most reports wait until the end)."""

    def __init__(self, db: sqlite3.Connection, held: dict[int, Waiting]) -> None:
        self.db, self.held = db, held
        self.cache: OrderedDict[int, Profile] = OrderedDict()

    def __getitem__(self, rank: int) -> Profile:
        found = self.cache.get(rank)
        if found is not None:
            self.cache.move_to_end(rank)
            return found
        (body,) = self.db.execute("SELECT body FROM profiles WHERE seq = ?", (self.held[rank].seq,)).fetchone()
        found = self.cache[rank] = decode(body)
        if len(self.cache) > CACHED:
            self.cache.popitem(last=False)
        return found

    def __len__(self) -> int:
        return len(self.held)

    def forget(self, rank: int) -> None:
        """A report whose cluster is final: never read again."""
        self.cache.pop(rank, None)


class SweepLinker(Linker):
    """`cluster.Linker`'s best-first linking, run behind the sweep. A pair is linked once no pair
    of higher priority that might touch the same clusters is still to come or waiting: its reports end
    before every open report starts (no later pair can touch a report that shares no day with the open
    ones: a cluster's reports all share a day), and no waiting pair of higher priority has a report
    sharing a day with them. Linking in any order that keeps the priority of such pairs gives what the
    whole batch's order gives. A cluster whose reports are all closed and wait for no pair is final: its
    ids are written and it is forgotten. Indices are ranks in record-id order, as in the whole batch.
    Waiting pairs are packed into one integer each (priority, then ranks: sorting them sorts the pairs)."""

    def __init__(self, spill: SpilledProfiles, repeated: set[str], first_day: int) -> None:
        super().__init__([], Constraints())
        self.held: dict[int, Waiting] = {}  # by rank: the reports in pairs whose cluster is not final
        self.spilled = SpilledRanks(spill.db, self.held)
        self.profiles = self.spilled  # type: ignore[assignment]
        self.parent: dict[int, int] = {}  # type: ignore[assignment]
        self.spill, self.repeated, self.first_day = spill, repeated, first_day
        self.bits = max(1, spill.count.bit_length())
        self.pending = self.packed([])  # (priority + 1, rank, rank), sorted: see `pack`
        self.fresh: list[int] = []  # packed pairs found since the last round
        self.shut: dict[int, bool] = {}  # one round of `flush`: rank -> closed
        self.later: list[tuple[list[str], list[int]]] = []  # clusters holding a repeated record id: rids, seqs
        self.rows: list[tuple[str, int]] = []

    def packed(self, pairs: list[int]) -> MutableSequence[int]:
        """Packed pairs as stored between rounds: 8 bytes each (a list of integers, 40, beyond 2**24 reports)."""
        return array("Q", pairs) if 2 * self.bits + PRIORITY_BITS <= 64 else pairs

    def pack(self, key: int, a: int, b: int) -> int:
        """A waiting pair as one integer, in the order of (key, a, b)."""
        return (((key + 1) << self.bits | a) << self.bits) | b

    def unpack(self, pair: int) -> tuple[int, int, int]:
        """The (key, a, b) of a packed pair."""
        mask = (1 << self.bits) - 1
        return (pair >> 2 * self.bits) - 1, (pair >> self.bits) & mask, pair & mask

    def add_pair(self, key: int, first: Report, second: Report) -> None:
        """A pair that reached the threshold, to link when its turn is safe."""
        for report in (first, second):
            held = self.held.get(report.rank)
            if held is None:
                profile = report.profile
                held = self.held[report.rank] = Waiting(
                    report.seq, profile.lo or 0, profile.hi or 0, report.components
                )
                self.parent[report.rank] = report.rank
            held.pairs += 1
        self.fresh.append(self.pack(key, first.rank, second.rank))

    def alone(self, report: Report) -> None:
        """A report in no pair: a cluster of its own."""
        self.emit([report.profile.record_id], [report.seq])

    def retired(self, report: Report) -> None:
        """A report out of the sweep: final at once when it is in no pair."""
        if report.rank not in self.held:
            self.alone(report)

    def flush(self, horizon: Horizon | None) -> None:
        """Link the pairs whose turn is safe (all of them when `horizon` is None: the sweep is over) in
        order of priority, then write and forget the final clusters. Which pairs are safe does not
        depend on the joins of the round, so they are chosen first, then linked."""
        self.pending = self.needed()
        reach = self.reach()
        self.shut = {}
        blocked: dict[int, dict[str, int]] = {}  # reach -> component -> days of reports of pairs left waiting
        marked: set[int] = set()  # reports whose days are in `blocked` (a report's group stays for the round)
        left, ready = self.packed([]), self.packed([])
        for pair in self.pending:
            key, a, b = self.unpack(pair)
            group = reach[self.find(a)]
            days = blocked.get(group)
            safe = self.closed(a, horizon) and self.closed(b, horizon)
            if not safe or (days and (self.meets(days, a) or self.meets(days, b))):
                left.append(pair)
                days = blocked.setdefault(group, {})
                for rank in (a, b):
                    if rank not in marked:
                        marked.add(rank)
                        self.block(days, rank)
                continue
            self.held[a].pairs -= 1
            self.held[b].pairs -= 1
            ready.append(pair)
        del reach, blocked, marked
        self.link_ready(ready)
        del ready
        self.pending = left
        self.finish(horizon)

    def link_ready(self, ready: MutableSequence[int]) -> None:
        """Link the safe pairs of a round in order: the joins of one event told twice (the lowest key)
        first, then the scored pairs by best-first linking."""
        for pair in ready:
            key, a, b = self.unpack(pair)
            if key != RETOLD:
                break
            if (ra := self.find(a)) != (rb := self.find(b)):
                self.union(ra, rb, None)
        scored = (self.unpack(pair) for pair in ready)
        self.link_all(((SCALE - key) / SCALE, a, b) for key, a, b in scored if key != RETOLD)

    def needed(self) -> MutableSequence[int]:
        """The waiting pairs (those of earlier rounds, sorted, merged with the new ones) in order of
        priority, less those whose reports are in one cluster already: the joins that put them there
        came first in any order, so such a pair changes nothing. Packed as stored: a round holds its
        pairs as integers one at a time."""
        fresh, self.fresh = sorted(self.fresh), []
        needed = self.packed([])
        for pair in heapq.merge(self.pending, fresh) if self.pending else fresh:
            _, a, b = self.unpack(pair)
            if self.find(a) == self.find(b):
                self.held[a].pairs -= 1
                self.held[b].pairs -= 1
            else:
                needed.append(pair)
        return needed

    def reach(self) -> dict[int, int]:
        """Each waiting report's cluster (by root) -> its group: the clusters and waiting pairs that
        connect it. Two pairs can touch one cluster only within a group: the reports of a cluster that
        holds a closed report share a day with it, so were joined by pairs seen already (linked, or
        waiting)."""
        parent: dict[int, int] = {}

        def find(node: int) -> int:
            while parent.setdefault(node, node) != node:
                parent[node] = parent[parent[node]]
                node = parent[node]
            return node

        for pair in self.pending:
            _, a, b = self.unpack(pair)
            ra, rb = find(self.find(a)), find(self.find(b))
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
        for root in parent:  # every node is a key already: no key is added while iterating
            parent[root] = find(root)
        return parent

    def closed(self, rank: int, horizon: Horizon | None) -> bool:
        """No later pair can touch the report (every report, once the sweep is over); kept for the round."""
        found = self.shut.get(rank)
        if found is None:
            held = self.held[rank]
            found = self.shut[rank] = horizon is None or horizon.closed(held.hi, held.components)
        return found

    def days(self, rank: int) -> int:
        """The days of a report's interval as bits (bit 0: the batch's first day)."""
        held = self.held[rank]
        return ((1 << (held.hi - held.lo + 1)) - 1) << (held.lo - self.first_day)

    def block(self, blocked: dict[str, int], rank: int) -> None:
        """Add a report's days to each of its block components' days in `blocked`."""
        days = self.days(rank)
        for component in self.held[rank].components:
            blocked[component] = blocked.get(component, 0) | days

    def meets(self, blocked: dict[str, int], rank: int) -> bool:
        """The report shares a component and a day with a report of a waiting pair of its group: two
        reports of one cluster share a day and, their types being compatible, a block component."""
        days = self.days(rank)
        return any(blocked.get(component, 0) & days for component in self.held[rank].components)

    def finish(self, horizon: Horizon | None) -> None:
        """Write and forget the clusters whose reports are all closed and wait for no pair."""
        roots = {self.find(r) for r, held in self.held.items() if not held.pairs and self.closed(r, horizon)}
        for root in roots:
            members = self.clusters[root].indices if root in self.clusters else [root]
            if any(self.held[m].pairs or not self.closed(m, horizon) for m in members):
                continue
            members = sorted(members)
            self.emit(self.record_ids(root, members), [self.held[m].seq for m in members])
            self.clusters.pop(root, None)
            for member in members:
                del self.held[member], self.parent[member]
                self.spilled.forget(member)
        self.spill.db.executemany("INSERT INTO canon (canon, seq) VALUES (?, ?)", self.rows)
        self.rows, self.shut = [], {}

    def record_ids(self, root: int, members: list[int]) -> list[str]:
        """The record ids of a final cluster's members (in rank order): from its summary, or from the
        spill for a report that stayed alone."""
        summary = self.clusters.get(root)
        if summary is not None:
            rids = dict(zip(summary.indices, summary.members, strict=True))
            return [rids[m] for m in members]
        query = "SELECT rid FROM profiles WHERE seq = ?"
        return [self.spill.db.execute(query, (self.held[m].seq,)).fetchone()[0] for m in members]

    def emit(self, rids: list[str], seqs: list[int]) -> None:
        """A final cluster's canonical id (`cluster.assign_ids`) for each of its rows; a cluster holding a
        repeated record id waits for the end."""
        if self.repeated and self.repeated.intersection(rids):
            self.later.append((rids, seqs))
            return
        canon = assign_ids([Group(rids, [])])[0]
        self.rows += [(canon, seq) for seq in seqs]

    def settle_repeated(self) -> None:
        """Clusters holding a record id given more than once: ids and assignment as `cluster_profiles`
        gives them over the whole batch (in order of first report, bigger clusters first choose the id
        of their smallest record; a record id takes the canonical id of the last cluster that holds it)."""
        later = sorted(self.later, key=lambda item: (item[0][0], item[1][0]))  # first report: record id, row
        ids = assign_ids([Group(rids, []) for rids, _ in later])
        last = {rid: ids[number] for number, (rids, _) in enumerate(later) for rid in rids}
        rows = [
            (last[rid] if rid in self.repeated else ids[number], seq)
            for number, (rids, seqs) in enumerate(later)
            for rid, seq in zip(rids, seqs, strict=True)
        ]
        self.spill.db.executemany("INSERT INTO canon (canon, seq) VALUES (?, ?)", rows)


FIELDS = tuple(f.name for f in dataclasses.fields(Profile))
SHARED = frozenset(
    FIELDS.index(name)
    for name in ("event_type", "sub_event_type", "admin1", "admin2", "admin3", "location", "type_key", "township")
)


def encode(profile: Profile) -> bytes:
    """A profile as stored: its fields' values, pickled (half the size and twice the speed of the object)."""
    return pickle.dumps(tuple(getattr(profile, name) for name in FIELDS), 5)


def decode(body: bytes) -> Profile:
    """The profile `encode` stored; its names of types and places shared with other profiles' (the
    summaries of waiting clusters keep them)."""
    values: list[Any] = list(pickle.loads(body))
    for index in SHARED:
        if values[index]:
            values[index] = sys.intern(values[index])
    return Profile(*values)


def clear_text_caches() -> None:
    """Empty `features`' caches keyed by report text: they share equal texts between profiles held
    together, but spilled profiles share nothing, and each would otherwise hold 65,536 texts."""
    for name in TEXT_CACHES:
        cache_clear = getattr(getattr(features, name, None), "cache_clear", None)
        if cache_clear is not None:
            cache_clear()
