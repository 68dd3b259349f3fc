"""Targets listed line by line after a sanctions sentence that introduces them ("OFAC designated the following
entities:", "The following individuals were also designated:"), as government and law-firm notices write them:
one name per line, often in capitals, followed by an alias ("a.k.a."), an address, a birth date or a role.

The target is the name that opens the line, up to the first parenthesis, comma, semicolon or dash; the alias and
the details after it are left out. Lines are read from the document text, not from sentences, because the
abbreviations of such lists ("a.k.a.", "Pte. Ltd.", "E.O.") break sentences apart."""

from __future__ import annotations

import re

from mawgun.extract.pipeline import Context
from mawgun.model import Span

# a line that introduces a list: it ends with a colon, or names "the following"
INTRO = re.compile(r"(?::\s*$|\bthe following\b)", re.I)
BULLET = re.compile(r"^\s*(?:[-•*–·]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s*")
# the name that opens an item: capitalised words, joined by of/and/&/de, with company suffixes kept
ITEM_NAME = re.compile(
    r"(?P<name>[A-Z][\w’'&.\-]*(?:\s+(?:(?:of|and|&|de|the|for)\s+)?[A-Z0-9][\w’'&.\-]*){0,11})"
    r"\s*(?=$|[(,;:]|\s[-–—]\s|\s+(?:a\.k\.a\.|aka|also known as|born|DOB)\b)"
)
MAX_ITEMS = 60


def opens_list(ctx: Context, index: int) -> bool:
    """Whether the line holding sentence `index` introduces a list of targets (ends with a colon or says "the
    following")."""
    line = line_around(ctx.doc.text, ctx.sentences[index].start)
    return bool(INTRO.search(line[1]))


def line_around(text: str, offset: int) -> tuple[int, str]:
    """(start, text) of the line of `text` that holds `offset`."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, text[start : end if end >= 0 else len(text)]


def listed_targets(ctx: Context, index: int) -> list[tuple[str, Span]]:
    """The targets listed on the lines after sentence `index` (blank lines skipped), each with its line as
    evidence; the list ends at the first line that does not open with a name."""
    text = ctx.doc.text
    start, line = line_around(text, ctx.sentences[index].start)
    position = start + len(line) + 1
    found: list[tuple[str, Span]] = []
    while position < len(text) and len(found) < MAX_ITEMS:
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        raw = text[position:end]
        position = end + 1
        if not raw.strip():
            continue
        name = item_name(raw)
        if name is None:
            break
        found.append((name, Span(end - len(raw), end, raw)))
    return found


def item_name(line: str) -> str | None:
    """The name that opens a list line ("SKY ONE CONSTRUCTION COMPANY LIMITED (a.k.a. ...), Yangon" -> the
    company), or None for a line of prose."""
    body = BULLET.sub("", line, count=1).strip()
    match = ITEM_NAME.match(body)
    if not match:
        return None
    name = match.group("name").strip(" .")
    rest = body[match.end() :]
    if len(name.split()) < 2 and not re.fullmatch(r"[A-Z][A-Z0-9\-]{1,11}", name):
        return None
    if not rest.strip() and len(body.split()) > 12:
        return None
    return name
