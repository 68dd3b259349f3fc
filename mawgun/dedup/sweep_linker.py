"""The linking half of the spilled clustering (`mawgun.dedup.blocks`): `SweepLinker` runs
`cluster.Linker`'s best-first linking behind the sweep, holding of each waiting report a few numbers
(`Waiting`) and reading its profile back from the spill when linking needs it (`SpilledRanks`); the
profiles' stored form (`encode`, `decode`). The module docstring of `blocks` says why the result is the
whole batch's.
"""

from __future__ import annotations

import dataclasses
import heapq
import pickle
import sqlite3
import sys
from array import array
from collections import OrderedDict
from collections.abc import MutableSequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mawgun.dedup.cluster import SCALE, Constraints, Group, Linker, assign_ids
from mawgun.dedup.features import Profile

if TYPE_CHECKING:
    from mawgun.dedup.blocks import Report, SpilledProfiles

PRIORITY_BITS = (SCALE + 1).bit_length()  # a packed pair's priority + 1 (0 for RETOLD)
RETOLD = -1  # the priority of a document's one event told twice: joined before every scored pair
WAITS_PER_ROUND = 4  # and at least the waiting reports over this: a round costs what waits, which it holds
CACHED = 256  # decoded profiles the linker keeps (about 3 kB each; 1,024 read no fewer back)


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
                held = self.held[report.rank] = Waiting(report.seq, profile.lo or 0, profile.hi or 0, report.components)
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
