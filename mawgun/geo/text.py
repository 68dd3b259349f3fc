"""Name keys and tokens for matching Myanmar place names across spellings.

Romanised Burmese names vary between sources ("Pyin Ye Gyi" / "Pyin Yae Gyi", "Ywa Thit" / "Ywar Thit",
"Hlaingtharya" / "Hlaing Tharyar"). Two keys compare them: `name_key` (letters and digits only, lower
case: spaces and hyphens do not matter) and `loose_key` (also folds common vowel spellings), which is
used only where the candidate set is already small (inside one township) or for designated mentions.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z']*|[0-9]+|[\u1000-\u109F]+")
LOOSE_RULES = (
    ("ae", "e"),
    ("ay", "e"),
    ("ei", "e"),
    ("ee", "i"),
    ("oo", "u"),
    ("ou", "u"),
    ("aw", "o"),
    ("ar", "a"),
    ("ah", "a"),
    ("y", "i"),
)


def strip_accents(text: str) -> str:
    """Latin letters without diacritics; other scripts unchanged."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch) or ord(ch) >= 0x1000)


NON_KEY_RE = re.compile(r"[^0-9a-z\u1000-\u109f]")
SUFFIX_RE = re.compile(r"\s+(?:Ward|Quarter|Village|Ywar)$", re.IGNORECASE)
DOUBLED_RE = re.compile(r"(.)\1+")


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """Lower-case letters and digits only (Burmese script kept): 'Hpa-An' -> 'hpaan'."""
    text = name.lower() if name.isascii() else strip_accents(name).lower()
    return NON_KEY_RE.sub("", text)


@lru_cache(maxsize=200_000)
def loose_key(name: str) -> str:
    """`name_key` with common vowel spellings folded and doubled letters collapsed."""
    key = name_key(name)
    for old, new in LOOSE_RULES:
        key = key.replace(old, new)
    return DOUBLED_RE.sub(r"\1", key)


TRANSLIT_RULES = (
    ("aung", "ong"),
    ("ng", "\0"),  # keep the nasal "ng" apart from g
    ("hp", "p"),
    ("ph", "p"),
    ("hk", "k"),
    ("kh", "k"),
    ("g", "k"),
    ("v", "w"),
    ("oe", "o"),
    ("\0", "ng"),
)


@lru_cache(maxsize=200_000)
def translit_key(name: str) -> str:
    """`loose_key` with romanisation variants of one Burmese sound folded too: k/g ("Kone"/"Gone",
    "Kyi"/"Gyi"), hp/ph/p, hk/kh/k, v/w, aung/ong, oe/o. Wider than `loose_key`, so used only as a
    fallback for village names (never for townships: Kyaukme and Kyaukse, Pauk and Pauktaw stay apart)."""
    return fold_translit(loose_key(name))


def fold_translit(key: str) -> str:
    """The `translit_key` of a loose key (the gazetteer's village index keys are loose keys)."""
    for old, new in TRANSLIT_RULES:
        key = key.replace(old, new)
    return DOUBLED_RE.sub(r"\1", key)


def bare_name(name: str) -> str:
    """A name without parenthesised notes: '(Kyun Nyo Gyi) Kyun Hteik' -> 'Kyun Hteik'."""
    return re.sub(r"\s+", " ", re.sub(r"\(.*?\)", " ", name)).strip()


def name_variants(name: str) -> list[str]:
    """The name, its bare form and each parenthesised alternative, as separate strings."""
    suffixless = SUFFIX_RE.sub("", name)
    if "(" not in name:
        return [v for v in dict.fromkeys((name.strip(), suffixless.strip())) if v]
    variants = [name, bare_name(name), suffixless, *re.findall(r"\((.*?)\)", name)]
    seen: list[str] = []
    for variant in variants:
        if variant.strip() and variant.strip() not in seen:
            seen.append(variant.strip())
    return seen


@dataclass(frozen=True)
class Token:
    """One word of a text with its character offsets."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        """Lower case without a possessive "'s" ("Township's" reads as "township")."""
        text = self.text.lower()
        return text[:-2] if text.endswith("'s") and len(text) > 3 else text

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper() or not self.text[:1].isascii()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words of text[start:end] with offsets in `text`."""
    stop = len(text) if end is None else end
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text, start, stop)]


GENERIC_KEYS = frozenset(
    {"east", "west", "north", "south", "upper", "lower", "kokangsaz", "wasad", "wasaz", "subtownship", "town"}
)
ADMIN_LEVELS = ("state", "district", "township", "town", "locality")


def index_keys(name: str, alts: list[str], level: str) -> list[str]:
    """The keys a gazetteer row is found by (written by the build, read by the runtime): name keys of
    its spellings for admin units, loose keys for wards, tracts and villages; generic words left out."""
    variants = [name] if level == "state" else name_variants(name)
    admin = level in ADMIN_LEVELS
    keys = []
    for variant in (*variants, *alts):
        key = name_key(variant)
        if key and key not in GENERIC_KEYS:
            keys.append(key if admin else loose_key(variant))
    return list(dict.fromkeys(keys))
