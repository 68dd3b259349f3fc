"""HTML fragments (feed items) to plain text: tags dropped, block elements become line breaks.

Feed summaries are short fragments that trafilatura would judge too small to be main text, so a
plain parser is used: script and style content is skipped, entities are decoded.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section"}
SKIP_TAGS = {"script", "style", "noscript"}


class TextCollector(HTMLParser):
    """Collects text outside script/style, with a line break at each block boundary."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP_TAGS:
            self.skipping += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP_TAGS and self.skipping:
            self.skipping -= 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:  # a newline in HTML source is a space, not a line break
            self.parts.append(re.sub(r"[\r\n]+", " ", data))


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment; runs of spaces collapse, paragraphs are separated by a blank line."""
    collector = TextCollector()
    collector.feed(fragment)
    collector.close()
    text = "".join(collector.parts)
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n")]
    paragraphs: list[str] = []
    for line in lines:
        if line:
            paragraphs.append(line)
    return "\n\n".join(paragraphs)
