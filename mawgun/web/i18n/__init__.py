"""The dashboard in Burmese: labels, digits and dates, chosen per request.

The language comes from `?lang=my|en`, else the `mawgun_lang` cookie that `/lang/{code}` sets, else
English. Labels are looked up in `i18n/<lang>.yaml` (English is the key, so a missing Burmese label shows in
English rather than breaking the page); numbers and dates are written with Burmese digits and month names.
Coded values (event types, actors, English place names) stay in the shared codes, as an English gloss of
the Burmese evidence they rest on.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jinja2 import pass_context

LANGUAGES = ("en", "my")
COOKIE = "mawgun_lang"
DIGITS = str.maketrans("0123456789", "၀၁၂၃၄၅၆၇၈၉")
MONTHS_MY = ("ဇန်နဝါရီ", "ဖေဖော်ဝါရီ", "မတ်", "ဧပြီ", "မေ", "ဇွန်", "ဇူလိုင်", "ဩဂုတ်", "စက်တင်ဘာ", "အောက်တိုဘာ",
             "နိုဝင်ဘာ", "ဒီဇင်ဘာ")  # fmt: skip


@cache
def labels(language: str) -> dict[str, str]:
    """English label -> label in `language` ({} for English)."""
    path = Path(__file__).parent / f"{language}.yaml"
    if language == "en" or not path.is_file():
        return {}
    return dict(yaml.safe_load(path.read_text(encoding="utf-8"))["labels"])


def request_language(request: Any) -> str:
    """The page language of a request: ?lang=, else the cookie, else English."""
    if request is None:
        return "en"
    chosen = request.query_params.get("lang") or request.cookies.get(COOKIE) or "en"
    return chosen if chosen in LANGUAGES else "en"


def context_language(context: Any) -> str:
    return request_language(context.get("request"))


@pass_context
def translate(context: Any, label: str) -> str:
    """`label` in the page language."""
    return labels(context_language(context)).get(label, label)


@pass_context
def local_digits(context: Any, value: Any) -> str:
    """A number or text with Burmese digits on a Burmese page."""
    text = "" if value is None else str(value)
    return text.translate(DIGITS) if context_language(context) == "my" else text


@pass_context
def local_date(context: Any, value: Any) -> str:
    """An ISO date as the page's language writes it ("၂၀၂၃ ခုနှစ် ဧပြီ ၁၁ ရက်")."""
    if value is None or value == "":
        return ""
    if context_language(context) != "my":
        return str(value)
    try:
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value).translate(DIGITS)
    return f"{day.year} ခုနှစ် {MONTHS_MY[day.month - 1]} {day.day} ရက်".translate(DIGITS)


# Labels the map's script writes ("{n}" is filled in by the script), sent to it in the page's language.
SCRIPT_LABELS = (
    "all months", "all weeks", "week of {day}", "undated", "date known to the week only",
    "date known to the month only", "date known to the year only", "deaths reported in {n} events: {deaths}",
    "toll unknown for {n} events", "toll unknown", "{n} deaths", "{n} events", "no events", "{n} event", "{n} death",
    "toll unknown for {n} event", "deaths reported in {n} event: {deaths}",
    "click to open the event", "place known to the state/region only",
    "{n} dated only to the week, month or year", "{n} with no known place, not drawn",
    "newest {n} of {total} events on the map; narrow the filters to see the rest",
)  # fmt: skip


@pass_context
def script_labels(context: Any) -> str:
    """The map script's labels in the page language, as JSON (English keys; month names too)."""
    language = context_language(context)
    chosen: dict[str, Any] = {key: labels(language).get(key, key) for key in SCRIPT_LABELS}
    if language == "my":
        chosen["months"] = list(MONTHS_MY)
    return json.dumps(chosen, ensure_ascii=False)


def install(env: Any) -> None:
    """Add the translation helpers to a Jinja environment."""
    env.globals["_"] = translate
    env.globals["page_language"] = pass_context(context_language)
    env.filters["digits"] = local_digits
    env.filters["local_date"] = local_date
    env.globals["script_labels"] = script_labels
