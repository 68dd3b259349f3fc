"""Outlet names made consistent, and found in bylines when a file does not say.

Deduplication counts how many *independent outlets* report an event, so "Irrawaddy", "The
Irrawaddy" and "www.irrawaddy.com" must be one outlet. `data/outlets.yaml` (versioned vocabulary)
lists canonical names with their aliases and web domains. For plain-text files without a header,
a byline under the headline ("By Network Media Group", "Author: Progressive Voice") or a headline
that starts with a known outlet's name (a common artefact of copied pages) gives the outlet; only
outlets in the vocabulary are taken, so a journalist's name is never mistaken for an outlet.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

DATA_FILE = Path(__file__).parent / "data" / "outlets.yaml"
BYLINE = re.compile(r"^(?:by|author\s*:|source\s*:|from)\s*(.+?)\s*$", re.IGNORECASE)
SEPARATORS = re.compile(r"[•·|]")
BYLINE_LINES = 6


def key(name: str) -> str:
    """Comparison key: lower case, single spaces, a leading "the" dropped."""
    words = name.lower().replace("\u2019", "'").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=1)
def load_outlets() -> tuple[dict[str, str], dict[str, str]]:
    """({name or alias key: canonical name}, {domain: canonical name}) from the vocabulary file."""
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    names: dict[str, str] = {}
    domains: dict[str, str] = {}
    for outlet in data["outlets"]:
        for alias in [outlet["name"], *(outlet.get("aliases") or [])]:
            names[key(alias)] = outlet["name"]
        for domain in outlet.get("domains") or []:
            domains[domain.lower()] = outlet["name"]
    return names, domains


@lru_cache(maxsize=4096)  # a batch names few outlets, over and over
def known_outlet(name: str) -> str | None:
    """The canonical name of a known outlet (by name, alias or domain), else None."""
    names, domains = load_outlets()
    found = names.get(key(name))
    if found:
        return found
    host = name.strip().lower().removeprefix("https://").removeprefix("http://").split("/")[0]
    host = host.removeprefix("www.")
    return domains.get(host)


def normalise_outlet(name: str | None) -> str | None:
    """A known outlet's canonical name; other names pass through (trimmed); None stays None."""
    if name is None or not name.strip():
        return None
    return known_outlet(name) or name.strip()


def byline_outlet(body: str) -> str | None:
    """A known outlet named in a byline under the headline, or at the start of the headline itself."""
    lines = [line.strip() for line in body.split("\n") if line.strip()][: BYLINE_LINES + 1]
    for line in lines[1:]:
        for segment in SEPARATORS.split(line):
            match = BYLINE.match(segment.strip())
            candidate = match.group(1) if match else segment.strip()
            found = known_outlet(candidate) if len(candidate) <= 60 else None
            if found and (match or len(candidate.split()) >= 2):
                return found
    return headline_outlet(lines[0]) if lines else None


def headline_outlet(title: str) -> str | None:
    """A known outlet of two or more words that the headline starts with ("Karen News Operation 1027 ...")."""
    names, _domains = load_outlets()
    words = title.split()
    for length in range(min(6, len(words) - 1), 1, -1):
        found = names.get(key(" ".join(words[:length])))
        if found:
            return found
    return None
