"""Every label a page template marks for translation has its Burmese in `mawgun/web/i18n/my.yaml`, so a
page in Burmese never falls back to English word by word (the review, release and audit labels did)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

import mawgun.web

WEB = Path(mawgun.web.__file__).parent
MARKED = re.compile(r"""_\(\s*(?:"([^"]+)"|'([^']+)')\s*\)""")


def marked_labels() -> set[str]:
    found: set[str] = set()
    for template in (WEB / "templates").rglob("*.html"):
        found |= {a or b for a, b in MARKED.findall(template.read_text(encoding="utf-8"))}
    return found


def test_every_marked_label_has_its_burmese() -> None:
    labels = yaml.safe_load((WEB / "i18n" / "my.yaml").read_text(encoding="utf-8"))["labels"]
    marked = marked_labels()
    assert len(marked) > 80
    assert sorted(marked - set(labels)) == []


def test_the_navigation_and_review_scope_are_marked() -> None:
    for label in ("Review", "Releases", "Audit", "Users", "Log out", "Counting", "reviewed only", "Release"):
        assert label in marked_labels(), label
