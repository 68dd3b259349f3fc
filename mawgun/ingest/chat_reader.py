"""Chat exports that monitors receive as files: one post, one document; the channel is the outlet.

- Telegram Desktop's JSON export (`result.json`, "Export chat history" or the full "Export Telegram
  data" with many chats): each message with text becomes a document dated by its post date; its
  text is the concatenation of its text entities (links, bold, hashtags are plain text here); a
  forwarded post is credited to the channel it was forwarded from (that channel reported it, so
  deduplication does not count the forward as another independent outlet). Service messages
  (joins, pins) and posts without text (a photo alone) are left out.
- WhatsApp and Signal text exports (`.txt`): lines starting with a timestamp and a sender
  (`16/01/2024, 09:12 - Name: text`, `[16/01/2024, 09:12:40] Name: text`, `[2024-01-16 09:12]
  Name: text`) begin a post; other lines continue it. Day-first or month-first is decided per file
  (a first number over 12 means day-first; a second over 12 month-first; else day-first). The
  outlet is the chat's name from the file name (`WhatsApp Chat with NAME.txt`), else the file name.
  A `.txt` file is read as a chat only when its first line and most of its first lines look so.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mawgun.ingest.decode import decode_bytes
from mawgun.ingest.limits import CONTAINER_FACTOR, check_size, max_text_bytes, read_limited
from mawgun.ingest.source import ItemFailure, RawDocument, ReadError

MAX_TITLE_CHARS = 160


def entity_text(value: Any) -> str:
    """Telegram's `text` (a string, or a list of strings and {type, text} entities) as plain text."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(part if isinstance(part, str) else str(part.get("text", "")) for part in value)
    return ""


def message_text(message: dict[str, Any]) -> str:
    """A message's text: its text entities when present (newer exports), else its `text` field."""
    entities = message.get("text_entities")
    if isinstance(entities, list) and entities:
        return entity_text(entities)
    return entity_text(message.get("text"))


def post_title(text: str) -> str | None:
    """The first line of a multi-line post when it is short enough to be a headline."""
    first, _, rest = text.strip().partition("\n")
    return first.strip() if rest.strip() and len(first) <= MAX_TITLE_CHARS else None


def iso_day(value: Any) -> dt.date | None:
    """The date of Telegram's ISO timestamp (`2024-01-16T09:12:40`)."""
    try:
        return dt.datetime.fromisoformat(str(value)).date()
    except ValueError:
        return None


def telegram_chats(data: Any) -> list[dict[str, Any]]:
    """The chats of an export: one (chat history export) or many (full account export)."""
    if isinstance(data, dict) and isinstance(data.get("messages"), list):
        return [data]
    chats = data.get("chats", {}) if isinstance(data, dict) else {}
    listed = chats.get("list", []) if isinstance(chats, dict) else []
    return [chat for chat in listed if isinstance(chat, dict) and isinstance(chat.get("messages"), list)]


def read_telegram(path: Path) -> Iterator[RawDocument | ItemFailure]:
    """One document per Telegram post with text; ReadError when the JSON is not a Telegram export."""
    check_size(path, max_text_bytes() * CONTAINER_FACTOR)
    try:
        data = json.loads(decode_bytes(path.read_bytes())[0])
    except json.JSONDecodeError as exc:
        raise ReadError(f"not JSON: {exc}") from exc
    chats = telegram_chats(data)
    if not chats:
        raise ReadError("not a Telegram Desktop export (no 'messages' list; other JSON files are not read)")
    for chat in chats:
        channel = str(chat.get("name") or path.parent.name)
        for message in chat["messages"]:
            if isinstance(message, dict) and message.get("type") == "message":
                raw = telegram_post(message, channel, path)
                if raw is not None:
                    yield raw


def telegram_post(message: dict[str, Any], channel: str, path: Path) -> RawDocument | None:
    """A document from one Telegram message (None for a post without text)."""
    text = message_text(message).strip()
    if not text:
        return None
    published = iso_day(message.get("date"))
    return RawDocument(
        text=text,
        location=f"{path}#message-{message.get('id', '?')}",
        title=post_title(text),
        outlet=str(message.get("forwarded_from") or channel),
        published=published,
        published_precision="day" if published else None,
        kind="news",
    )


# --- WhatsApp / Signal text exports ----------------------------------------------------------

CHAT_LINE = re.compile(
    r"^[\u200e\u200f\ufeff]?\[?(?P<date>\d{1,4}[./-]\d{1,2}[./-]\d{1,4}),?\s+"
    r"(?P<time>\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s?[AaPp]\.?\s?[Mm]\.?)?)\]?\s*(?:-\s+)?"
    r"(?:(?P<sender>[^:\n]{1,80}?):\s)?(?P<text>.*)$"
)
MEDIA_ONLY = re.compile(r"^<?(media omitted|attached:|image omitted|video omitted|audio omitted)", re.IGNORECASE)
WHATSAPP_NAME = re.compile(r"^WhatsApp Chat (?:with|-)\s*(?P<name>.+)$", re.IGNORECASE)


CHAT_SAMPLE_LINES = 40


def looks_like_chat(lines: list[str]) -> bool:
    """True when the first non-empty line and most of the first ten (of the first 40 lines) start like chat posts."""
    sample = [line for line in lines[:CHAT_SAMPLE_LINES] if line.strip()][:10]
    if not sample or not CHAT_LINE.match(sample[0]):
        return False
    return sum(1 for line in sample if CHAT_LINE.match(line)) * 2 > len(sample) and len(sample) >= 2


def day_first(dates: list[str]) -> bool:
    """Whether the file writes day/month (True) or month/day (False), from its dates."""
    for value in dates:
        parts = re.split(r"[./-]", value)
        if len(parts[0]) == 4:
            continue
        if int(parts[0]) > 12:
            return True
        if int(parts[1]) > 12:
            return False
    return True


def chat_date(value: str, dayfirst: bool) -> dt.date | None:
    """A chat line's date (ISO, day-first or month-first; two-digit years are 20xx)."""
    texts = re.split(r"[./-]", value)
    parts = [int(p) for p in texts]
    if len(texts[0]) == 4:
        year, month, day = parts
    else:
        day, month, year = parts if dayfirst else (parts[1], parts[0], parts[2])
    year += 2000 if year < 100 else 0
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def chat_name(path: Path) -> str:
    """The chat's name from the export's file name."""
    match = WHATSAPP_NAME.match(path.stem)
    return match.group("name").strip() if match else path.stem


def chat_posts(lines: list[str]) -> list[tuple[str, list[str]]]:
    """(date text, lines) of each post with a sender; continuation lines joined to their post."""
    posts: list[tuple[str, list[str]]] = []
    current: list[str] | None = None
    for line in lines:
        match = CHAT_LINE.match(line)
        if match:
            current = [match.group("text")] if match.group("sender") else None
            if current is not None:
                posts.append((match.group("date"), current))
        elif current is not None:
            current.append(line)
    return posts


def read_chat_text(path: Path, lines: list[str]) -> Iterator[RawDocument]:
    """One document per chat post with text (media-only posts are left out)."""
    posts = chat_posts(lines)
    dayfirst = day_first([date for date, _ in posts])
    outlet = chat_name(path)
    for number, (date_text, body) in enumerate(posts, 1):
        text = "\n".join(body).strip()
        if not text or MEDIA_ONLY.match(text):
            continue
        published = chat_date(date_text, dayfirst)
        yield RawDocument(
            text=text,
            location=f"{path}#post-{number}",
            title=post_title(text),
            outlet=outlet,
            published=published,
            published_precision="day" if published else None,
            kind="news",
        )


def read_text_or_chat(path: Path) -> Iterator[RawDocument | ItemFailure]:
    """A `.txt` file: a WhatsApp/Signal export when it looks like one, else plain text."""
    from mawgun.ingest.text_reader import raw_from_text

    data = read_limited(path)
    text = decode_bytes(data)[0]
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    if looks_like_chat(normalised.split("\n", CHAT_SAMPLE_LINES)):  # only the first lines decide
        yield from read_chat_text(path, normalised.split("\n"))
    else:
        yield raw_from_text(text, str(path))  # the text read_text would read (the file is read once)
