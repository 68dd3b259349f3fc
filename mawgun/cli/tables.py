"""Rich tables that read well in an 80-column terminal, declared once for every command that prints one.

Mawgun sets the column widths itself rather than leave them to Rich, whose shrinking cuts words in the
middle (or crops the table) when space is short:

- every column starts at its narrowest honest width: an identifier (id, code, P-code) its full length, it
  never wraps; a number column its widest number and the longest word of its heading; a date column and
  a text column their longest word (text up to MAX_WORD);
- the space left is shared out to the columns that have longer lines, widest wanted first, so text wraps
  only between words;
- when even the narrowest widths do not fit, number headings and then the widest text columns give way,
  and a word that no longer fits ends in an ellipsis: words are never cut across lines. Ids and dates
  keep their width; an identifier that cannot fit folds, since a cut id must stay complete to be copied.

Headings wrap between the words of a field name ("toll_unknown" is headed "toll unknown").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

MAX_WORD = 16  # a text column's narrowest width: its longest word, up to this
NARROW = 4  # no column is squeezed below this
ID_COLUMNS = frozenset({"id", "doc_id", "code", "P-code", "pcode", "record", "a", "b"})
DATE = re.compile(r"\b\d{4}(-W?\d{2}){0,2}\b")  # 2023-11-14, 2023-11, 2023-W45, "Nov 2023", "week of 2023-11-13"


def header(name: str) -> str:
    """A column's heading, free to wrap between the words of a field name ("toll_unknown" -> "toll unknown")."""
    return name.replace("_", " ")


def longest_word(values: Iterable[str]) -> int:
    """The length of the longest whitespace-separated word among the values."""
    return max((len(word) for value in values for word in value.split()), default=0)


def longest_line(values: Iterable[str]) -> int:
    """The length of the longest line among the values."""
    return max((len(line) for value in values for line in value.splitlines()), default=0)


def is_number(text: str) -> bool:
    """Whether a cell is a number ("12", "-3", "0.5", "1,024")."""
    return text.replace(",", "").replace(".", "", 1).lstrip("-").isdigit()


def column_kind(name: str, values: Sequence[str], ids: frozenset[str]) -> str:
    """id, number, date, link (urls: they fold, a cut url must stay complete) or text."""
    if name in ids:
        return "id"
    if any(values) and all(is_number(v) or not v for v in values):
        return "number"
    if any(values) and all(DATE.search(v) or not v for v in values):
        return "date"
    if any(v.startswith(("http://", "https://")) for v in values):
        return "link"
    return "text"


def narrowest(kind: str, name: str, values: Sequence[str]) -> int:
    """The width below which a column would have to cut a word (or an id)."""
    if kind == "id":
        return max(longest_line(values), len(header(name)))
    if kind == "number":
        return max(longest_word(values), longest_word([header(name)]))
    return min(max(longest_word(values), longest_word([header(name)])), MAX_WORD)


def squeeze(widths: list[int], floors: list[int], kinds: list[str], room: int) -> list[int]:
    """Narrow the columns until they fit `room`: the widest number heading first (down to its numbers), then
    the widest text, link or number column, one step at a time; ids and dates are left whole."""
    widths = list(widths)
    while sum(widths) > room:
        headings = [i for i, kind in enumerate(kinds) if kind == "number" and widths[i] > max(floors[i], NARROW)]
        others = [i for i, kind in enumerate(kinds) if kind in ("text", "number", "link") and widths[i] > NARROW]
        candidates = headings or others
        if not candidates:
            break
        widths[max(candidates, key=lambda i: widths[i])] -= 1
    return widths


def share_out(widths: list[int], wanted: list[int], room: int) -> list[int]:
    """Give the space left to the columns whose lines are longer than their width, most wanted first."""
    widths = list(widths)
    spare = room - sum(widths)
    while spare > 0:
        short = [i for i in range(len(widths)) if wanted[i] > widths[i]]
        if not short:
            break
        neediest = max(short, key=lambda i: wanted[i] - widths[i])
        widths[neediest] += 1
        spare -= 1
    return widths


def column_widths(columns: Sequence[str], rows: Sequence[Sequence[str]], kinds: list[str], room: int) -> list[int]:
    """Each column's width so that the table fits `room` characters of cells (see the module docstring)."""
    values = [[row[i] for row in rows if i < len(row)] for i in range(len(columns))]
    floors = [narrowest(kind, name, vals) for kind, name, vals in zip(kinds, columns, values, strict=True)]
    wanted = [max(longest_line(vals), longest_line([header(name)])) for name, vals in zip(columns, values, strict=True)]
    if sum(floors) > room:
        numbers = [
            longest_word(vals) if kind == "number" else floor
            for kind, vals, floor in zip(kinds, values, floors, strict=True)
        ]
        return squeeze(floors, numbers, kinds, room)
    return share_out(floors, wanted, room)


def make_table(
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    ids: Iterable[str] = (),
    width: int | None = None,
    **options: Any,
) -> Any:
    """A Rich table of text cells fitted to `width` (default: the terminal's). `options` go to
    `rich.table.Table` (title, box, ...); by default a rule under the heading and no outer padding."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    defaults: dict[str, Any] = {"box": box.SIMPLE_HEAD, "pad_edge": False}
    table = Table(**(defaults | options))
    kinds = [
        column_kind(name, [row[i] for row in rows if i < len(row)], ID_COLUMNS | frozenset(ids))
        for i, name in enumerate(columns)
    ]
    for name, kind in zip(columns, kinds, strict=True):
        if kind == "id":
            table.add_column(header(name), no_wrap=True, overflow="fold")
        elif kind == "link":
            table.add_column(header(name), overflow="fold")
        else:
            table.add_column(header(name), overflow="ellipsis", justify="right" if kind == "number" else "left")
    padding = sum(table._get_padding_width(i) for i in range(len(columns)))
    room = (width or Console().width) - table._extra_width - padding
    for column, size in zip(table.columns, column_widths(columns, rows, kinds, room), strict=True):
        column.width = size
    for row in rows:
        table.add_row(*row)
    return table
