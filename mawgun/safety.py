"""Guards for text that came from anywhere and goes into a file someone opens: links, spreadsheets, JSON.

Documents' URLs, titles and quotes come from articles and imports anyone can write. Every writer
(HTML and Markdown reports, the web pages, CSV/ACLED/HXL exports, JSON exports) passes them
through these functions, so the rule is written once:

- `safe_link`: only http(s) URLs become links (no `javascript:`, `data:`, `vbscript:`), and the
  characters that could end a Markdown or HTML link early are percent-encoded;
- `spreadsheet_cell`: a cell starting with `=`, `+`, `-`, `@`, tab or carriage return that is not a
  number gets a leading `'`, so spreadsheets show it instead of running it as a formula;
- `finite_or_none`: NaN and infinities become None (JSON has no `Infinity`).
"""

from __future__ import annotations

import math
from typing import Any
from urllib.parse import quote, urlsplit

LINK_SCHEMES = ("http", "https")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
URL_SAFE_CHARS = ":/?#[]@!$&*+,;=%~-._"  # kept as they are; quotes, brackets, <, >, spaces are encoded


def safe_link(url: Any) -> str | None:
    """The URL, percent-encoded where a link could break, when its scheme is http(s); else None."""
    if not isinstance(url, str):
        return None
    cleaned = "".join(ch for ch in url.strip() if ch.isprintable() and ch not in "\t\n\r")  # as browsers do
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        return None
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.netloc:
        return None
    return quote(cleaned, safe=URL_SAFE_CHARS)


def spreadsheet_cell(text: str) -> str:
    """The cell text, with a leading `'` when a spreadsheet would read it as a formula."""
    if text.startswith(FORMULA_STARTS) and not is_number(text):
        return "'" + text
    return text


def is_number(text: str) -> bool:
    """True for text a spreadsheet reads as a plain number ("-3", "1.5e3")."""
    try:
        return math.isfinite(float(text))
    except ValueError:
        return False


def finite_or_none(value: Any) -> Any:
    """None for NaN and infinite floats; any other value unchanged."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value
