"""Sources as data: add, list, enable/disable, remove, and the shipped starter list (all disabled)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from mawgun.cli.main import app
from mawgun.sources.catalog import starter_specs

RUN = CliRunner()


def cli(*args: str) -> tuple[int, str]:
    result = RUN.invoke(app, list(args))
    return result.exit_code, result.output


def listed(db: str) -> dict[str, dict]:
    code, output = cli("sources", "list", "--json", "--db", db)
    assert code == 0, output
    return {row["name"]: row for row in json.loads(output)}


def test_add_list_disable_enable_remove(sqlite_url: str) -> None:
    code, output = cli("sources", "add", "wire", "--feed", "https://example.org/feed.xml", "--outlet", "Test Wire",
                       "--language", "en", "--interval", "30", "--db", sqlite_url)  # fmt: skip
    assert code == 0, output
    assert cli("sources", "add", "map", "--sitemap", "https://example.org/sitemap.xml", "--db", sqlite_url)[0] == 0
    rows = listed(sqlite_url)
    assert set(rows) == {"wire", "map"}
    wire = rows["wire"]
    assert (wire["kind"], wire["outlet"], wire["language"], wire["interval_minutes"]) == ("feed", "Test Wire", "en", 30)
    assert (wire["timezone"], wire["enabled"], wire["state"]) == ("Asia/Yangon", True, "not polled yet")
    assert cli("sources", "disable", "wire", "--db", sqlite_url)[0] == 0
    assert listed(sqlite_url)["wire"]["state"] == "disabled"
    assert cli("sources", "enable", "wire", "--db", sqlite_url)[0] == 0
    assert listed(sqlite_url)["wire"]["enabled"] is True
    assert cli("sources", "remove", "map", "--db", sqlite_url)[0] == 0
    assert set(listed(sqlite_url)) == {"wire"}


def test_bad_sources_are_refused_with_a_reason(sqlite_url: str) -> None:
    assert cli("sources", "add", "x", "--db", sqlite_url)[0] == 2
    code, output = cli("sources", "add", "x", "--feed", "ftp://example.org/f", "--db", sqlite_url)
    assert code == 2 and "not an http(s) URL" in output
    code, output = cli("sources", "add", "x", "--page", "https://example.org/", "--timezone", "Mars/Base",
                       "--db", sqlite_url)  # fmt: skip
    assert code == 2 and "unknown time zone" in output
    cli("sources", "add", "x", "--page", "https://example.org/", "--db", sqlite_url)
    code, output = cli("sources", "add", "x", "--page", "https://example.org/b", "--db", sqlite_url)
    assert code == 2 and "exists already" in output
    code, output = cli("sources", "remove", "nope", "--db", sqlite_url)
    assert code == 2 and "no source named 'nope'" in output


def test_the_starter_list_is_myanmar_outlets_feeds_all_disabled(sqlite_url: str) -> None:
    specs = starter_specs()
    assert len(specs) >= 10
    assert all(s.kind == "feed" and s.url.startswith("https://") and s.outlet and not s.enabled for s in specs)
    assert {"my", "en"} <= {s.language for s in specs}
    assert len({s.name for s in specs}) == len(specs)
    code, output = cli("sources", "starter", "--add", "--db", sqlite_url)
    assert code == 0, output
    rows = listed(sqlite_url)
    assert len(rows) == len(specs) and all(row["state"] == "disabled" for row in rows.values())
    cli("sources", "starter", "--add", "--db", sqlite_url)  # adding again adds nothing
    assert len(listed(sqlite_url)) == len(specs)


def test_the_starter_outlets_are_the_canonical_outlet_names() -> None:
    from mawgun.ingest.outlets import normalise_outlet

    assert all(normalise_outlet(s.outlet) == s.outlet for s in starter_specs())
