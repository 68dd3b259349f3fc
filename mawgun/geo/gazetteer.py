"""The packaged gazetteer: MIMU admin units, towns, wards, village tracts and villages, with indexes.

Loads `data/gazetteer.tsv.gz` (built by `mawgun.geo.build`), the hand-curated `data/aliases.tsv` and the
GeoNames spellings in `data/geonames_aliases.tsv.gz`, using only the standard library. Lookups go through
dicts keyed by `name_key` (and `loose_key` inside a township), never through scans, so geocoding
thousands of descriptions takes seconds.
"""

from __future__ import annotations

import csv
import gzip
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process

from mawgun.geo.text import ADMIN_LEVELS, bare_name, fold_translit, loose_key, name_key, name_variants, translit_key

DATA_DIR = Path(__file__).parent / "data"
LEVELS = ("state", "district", "township", "town", "ward", "village_tract", "village", "locality")
FUZZY_MIN_LEN = 6
FUZZY_TOWNSHIP = 80
ADMIN1_SUFFIXES = ("unionterritory", "territory", "state", "region", "division", "province")


@dataclass(slots=True)
class Entry:
    """One gazetteer unit (a row of gazetteer.tsv.gz)."""

    pcode: str
    level: str
    name: str
    name_my: str
    lat: float | None
    lon: float | None
    parent: str
    state: str
    district: str
    township: str
    legacy_district: str
    alt: tuple[str, ...]


def read_vocabulary(name: str) -> list[dict[str, str]]:
    """Rows of a packaged '#'-commented TSV file."""
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def parse_row(row: list[str]) -> Entry:
    """An Entry from one TSV row (columns as written by the build)."""
    pcode, level, name, name_my, lat, lon, parent, state, district, township, legacy, alt = row
    return Entry(
        pcode=pcode,
        level=level,
        name=name,
        name_my=name_my,
        lat=float(lat) if lat else None,
        lon=float(lon) if lon else None,
        parent=parent,
        state=state,
        district=district,
        township=township,
        legacy_district=legacy,
        alt=tuple(a for a in alt.split("|") if a),
    )


class Gazetteer:
    """All units by P-code, plus name indexes for admin units and for villages within townships.

    Admin units (states to towns, ~1,400) are parsed at load; the ~90,000 wards, tracts and villages are
    kept as raw lines indexed by their precomputed loose keys and parsed only when a lookup returns them,
    so loading stays well under a second."""

    def __init__(self, data_dir: Path = DATA_DIR) -> None:
        self.by_pcode: dict[str, Entry] = {}
        self.admin_index: dict[str, list[Entry]] = defaultdict(list)
        self.national_local: dict[str, list[int]] = defaultdict(list)
        self._township_rows: dict[str, list[int]] = defaultdict(list)
        self._township_extra: dict[str, list[tuple[str, int]]] = defaultdict(list)
        self._township_index: dict[str, dict[str, list[int]]] = {}
        self.admin1_of: dict[str, str] = {}
        self._lines: list[str] = []
        self._position: dict[str, int] = {}
        self._parsed: dict[int, Entry] = {}
        self._township_keys: dict[str, list[Entry]] | None = None
        self._translit: dict[str, list[int]] | None = None
        self.load_rows(data_dir / "gazetteer.tsv.gz")
        self.load_states()
        self.load_aliases(data_dir)

    def load_rows(self, path: Path) -> None:
        """Read the gazetteer: admin units as entries, local units as lines, all indexed by their keys."""
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            next(handle)
            for line in handle:
                cols = line.rstrip("\n").split("\t")
                keys = cols[12].split("|") if cols[12] else []
                if cols[1] in ADMIN_LEVELS:
                    entry = parse_row(cols[:12])
                    self.by_pcode[entry.pcode] = entry
                    for key in keys:
                        self.admin_index[key].append(entry)
                    continue
                position = len(self._lines)
                self._lines.append(line)
                self._position[cols[0]] = position
                self._township_rows[cols[9]].append(position)
                for key in keys:
                    self.national_local[key].append(position)

    def local_entry(self, position: int) -> Entry:
        """The ward, tract or village stored at a position (parsed once, then cached)."""
        entry = self._parsed.get(position)
        if entry is None:
            entry = parse_row(self._lines[position].rstrip("\n").split("\t")[:12])
            self._parsed[position] = entry
        return entry

    def entries_at(self, positions: list[int]) -> list[Entry]:
        """Local entries for index positions, without repeats."""
        return [self.local_entry(p) for p in dict.fromkeys(positions)]

    def get(self, pcode: str) -> Entry | None:
        """The unit with a P-code (village codes are numbers), or None."""
        entry = self.by_pcode.get(pcode)
        if entry is None and pcode in self._position:
            entry = self.local_entry(self._position[pcode])
        return entry

    def index_name(self, name: str, entry: Entry) -> None:
        """Add one more spelling of an entry (an alias) to the index of its level."""
        key = name_key(name)
        if not key:
            return
        if entry.level in ADMIN_LEVELS:
            if entry not in self.admin_index[key]:
                self.admin_index[key].append(entry)
            return
        loose = loose_key(name)
        position = self._position[entry.pcode]
        self.national_local[loose].append(position)
        self._township_extra[entry.township].append((loose, position))
        self._township_index.pop(entry.township, None)

    def load_states(self) -> None:
        """Map state P-codes (sub-units included) to the 15 admin1 names."""
        for row in read_vocabulary("states.tsv"):
            self.admin1_of[row["pcode"]] = row["admin1"]

    def load_aliases(self, data_dir: Path) -> None:
        """Hand-curated aliases (to a P-code or a MIMU name) and GeoNames alternate spellings."""
        for row in read_vocabulary("aliases.tsv"):
            for entry in self.targets_of(row["target"]):
                self.add_alias(row["alias"], entry)
                if re.fullmatch(r"\d+", row["target"]):
                    # a town MIMU lists only as a village (Mobye, Laiza): a known place name in its own right
                    self.admin_index[name_key(row["alias"])].append(entry)
        with gzip.open(data_dir / "geonames_aliases.tsv.gz", "rt", encoding="utf-8") as handle:
            next(handle)
            for line in handle:
                alias, pcode, _source = line.rstrip("\n").split("\t")
                if pcode in self.by_pcode and len(name_key(alias)) >= 4:
                    self.add_alias(alias, self.by_pcode[pcode])

    def targets_of(self, target: str) -> list[Entry]:
        """Entries an alias target names: one P-code, or every unit with that exact name."""
        if re.fullmatch(r"MMR\w+|\d+", target):
            entry = self.get(target)
            return [entry] if entry is not None else []
        key = name_key(target)
        found = list(self.admin_index.get(key, []))
        local = self.entries_at(self.national_local.get(loose_key(target), []))
        return found + [e for e in local if name_key(e.name) == key]

    def add_alias(self, alias: str, entry: Entry) -> None:
        """Index an alias spelling for an entry (admin units and villages alike)."""
        key = name_key(alias)
        if entry.level in ADMIN_LEVELS:
            if key and entry not in self.admin_index[key]:
                self.admin_index[key].append(entry)
        else:
            self.index_name(alias, entry)

    def admin1(self, entry: Entry) -> str | None:
        """One of the 15 state/region names for any entry."""
        return self.admin1_of.get(entry.state)

    def seat_of(self, township: Entry) -> Entry | None:
        """The town that shares a township's name (its seat, e.g. Dawei town for Dawei Township), if any."""
        key = name_key(bare_name(township.name))
        for entry in self.admin_index.get(key, []):
            if entry.level == "town" and entry.township == township.pcode and entry.lat is not None:
                return entry
        return None

    def township_of(self, entry: Entry) -> Entry | None:
        """The township an entry lies in (itself for a township)."""
        return self.by_pcode.get(entry.township) if entry.township else None

    def ancestors(self, entry: Entry) -> set[str]:
        """P-codes of the entry and every unit above it, following parent links and the merged states."""
        codes = {entry.pcode, entry.state, entry.district, entry.township}
        node: Entry | None = entry
        while node is not None and node.parent:
            codes.add(node.parent)
            node = self.get(node.parent)
        if entry.state in ("MMR007", "MMR008"):
            codes.add("MMR111")
        if entry.state in ("MMR014", "MMR015", "MMR016"):
            codes.add("MMR222")
        codes.discard("")
        return codes

    def contains(self, parent_pcode: str, child_pcode: str) -> bool:
        """True when the child unit lies within the parent unit by the P-code hierarchy."""
        child = self.get(child_pcode)
        return child is not None and parent_pcode in self.ancestors(child)

    def admin_matches(self, name: str) -> list[Entry]:
        """States, districts, townships, towns and localities spelled `name` (aliases included)."""
        return list(self.admin_index.get(name_key(name), []))

    def local_matches(self, name: str, township: str | None = None) -> list[Entry]:
        """Villages, village tracts and wards spelled `name` (loosely), within a township when given."""
        key = loose_key(name)
        if township is None:
            return self.entries_at(self.national_local.get(key, []))
        return self.entries_at(self.locals_in(township).get(key, []))

    def translit_matches(self, name: str, township: str | None = None) -> list[Entry]:
        """Villages, tracts and wards whose spelling differs from `name` only by romanisation variants
        (`translit_key`: Zeephyukone = Zee Phyu Gone), within a township when given. A fallback for
        village names that `local_matches` misses; the index is built on first use."""
        if self._translit is None:
            self._translit = defaultdict(list)
            for key, positions in self.national_local.items():
                self._translit[fold_translit(key)].extend(positions)
        found = self.entries_at(self._translit.get(translit_key(name), []))
        return [e for e in found if township is None or e.township == township]

    def locals_in(self, township: str) -> dict[str, list[int]]:
        """Positions of one township's villages, tracts and wards by loose key (for guarded fuzzy matching)."""
        index = self._township_index.get(township)
        if index is None:
            index = defaultdict(list)
            for position in self._township_rows.get(township, []):
                for key in self._lines[position].rstrip("\n").rsplit("\t", 1)[1].split("|"):
                    if key:
                        index[key].append(position)
            for key, position in self._township_extra.get(township, []):
                index[key].append(position)
            self._township_index[township] = index
        return index

    def fuzzy_townships(self, name: str) -> list[Entry]:
        """The township(s) a misspelt designated name means ('Tharyarwaddy' -> Thayarwady), or [].

        Guards: at least 6 letters, ratio >= 80, lengths within 3, same first letter (ignoring a leading
        'h'), and a clear margin over the next different name, so Pauk never becomes Pauktaw. Townships
        sharing the best name (Htantabin in Yangon and in Bago) are all returned for context to choose."""
        key = name_key(name)
        if len(key) < FUZZY_MIN_LEN:
            return []
        keys = self.township_keys()
        scored = process.extract(key, list(keys), scorer=fuzz.ratio, limit=6)
        good = [(k, sc) for k, sc, _i in scored if sc >= FUZZY_TOWNSHIP and abs(len(k) - len(key)) <= 3]
        if not good or good[0][0].lstrip("h")[:1] != key.lstrip("h")[:1]:
            return []
        best = keys[good[0][0]]
        best_names = {name_key(e.name) for e in best}
        rivals = [sc for k, sc, _i in scored if not {name_key(e.name) for e in keys[k]} & best_names]
        return list(best) if not rivals or good[0][1] - rivals[0] >= 4 else []

    def township_keys(self) -> dict[str, list[Entry]]:
        """Name key -> townships with coordinates (built on first use)."""
        if self._township_keys is None:
            self._township_keys = defaultdict(list)
            for entry in self.by_pcode.values():
                if entry.level == "township" and entry.lat is not None:
                    for variant in name_variants(entry.name):
                        self._township_keys[name_key(variant)].append(entry)
        return self._township_keys

    def normalize_admin1(self, name: str) -> str | None:
        """Any spelling of a state/region (old names, sub-units, suffixes) -> one of the 15 admin1 names."""
        key = name_key(name)
        for prefix in ("the", "northern", "southern", "eastern", "western", "north", "south", "east", "west"):
            if key.startswith(prefix) and self.state_from_key(key[len(prefix) :]):
                return self.state_from_key(key[len(prefix) :])
        return self.state_from_key(key)

    def state_from_key(self, key: str) -> str | None:
        """admin1 name for a name key, trying it with and without a state/region suffix."""
        candidates = [key] + [key[: -len(s)] for s in ADMIN1_SUFFIXES if key.endswith(s) and key != s]
        for candidate in candidates:
            for entry in self.admin_index.get(candidate, []):
                if entry.level == "state":
                    return self.admin1(entry)
        return None
