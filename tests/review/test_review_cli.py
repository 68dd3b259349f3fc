"""The review, audit and release commands, run as a script would, over a store the pipeline built."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import text
from typer.testing import CliRunner

from mawgun.cli.main import app
from mawgun.store.db import session_scope
from review.review_store import build_store
from review.test_review_library import canonical_ids


def run(*args: str) -> object:
    return CliRunner().invoke(app, list(args))


def test_a_script_reviews_edits_publishes_and_verifies(sqlite_url: str, tmp_path: Path) -> None:
    build_store(sqlite_url)
    ids = canonical_ids(sqlite_url)
    queue = run("review", "list", "--db", sqlite_url, "--format", "json")
    assert queue.exit_code == 0, queue.output  # type: ignore[attr-defined]
    listed = json.loads(queue.output)  # type: ignore[attr-defined]
    assert {row["event_id"] for row in listed} == set(ids.values())
    assert all(row["review_state"] == "draft" for row in listed)

    edit = run("review", "edit", ids["Pazigyi"], "--set", "fatalities_best=170", "--set", "fatalities_high=170",
               "--who", "coder1", "--why", "later count", "--db", sqlite_url)  # fmt: skip
    assert edit.exit_code == 0 and "fatalities_best = 170" in edit.output  # type: ignore[attr-defined]
    bad = run("review", "edit", ids["Pazigyi"], "--set", "place=nowhere", "--who", "coder1", "--db", sqlite_url)
    assert bad.exit_code == 2 and "not a P-code" in bad.output  # type: ignore[attr-defined]
    assert run("review", "reject", ids["Laukkaing"], "--who", "rev", "--reason", "", "--db", sqlite_url).exit_code == 2  # type: ignore[attr-defined]
    assert run("review", "accept", ids["Pazigyi"], "--who", "rev", "--db", sqlite_url).exit_code == 0  # type: ignore[attr-defined]

    stats = run("stats", "--by", "event_type", "--review", "reviewed", "--format", "json", "--db", sqlite_url)
    assert stats.exit_code == 0  # type: ignore[attr-defined]
    assert [row["events"] for row in json.loads(stats.output)] == [1]  # type: ignore[attr-defined]
    table = run("stats", "--by", "event_type", "--db", sqlite_url)
    assert "reviewed and draft events" in " ".join(table.output.split())  # type: ignore[attr-defined]

    published = run("release", "publish", "--name", "2023-test", "--who", "rev", "--db", sqlite_url)
    assert published.exit_code == 0 and "1 reviewed events" in published.output  # type: ignore[attr-defined]
    run("review", "edit", ids["Pazigyi"], "--set", "fatalities_best=100", "--set", "fatalities_low=90", "--who", "rev",
        "--reviewer", "--db", sqlite_url)  # fmt: skip
    pinned = run("stats", "--by", "event_type", "--release", "2023-test", "--format", "json", "--db", sqlite_url)
    assert json.loads(pinned.output)[0]["fatalities"] == 170  # type: ignore[attr-defined]
    unknown = run("stats", "--release", "nope", "--db", sqlite_url)
    assert unknown.exit_code == 2 and "2023-test" in unknown.output  # type: ignore[attr-defined]
    out = tmp_path / "release.jsonl"
    exported = run("export", "--format", "jsonl", "--out", str(out), "--release", "2023-test", "--db", sqlite_url)
    assert exported.exit_code == 0, exported.output  # type: ignore[attr-defined]
    (line,) = out.read_text().splitlines()
    assert json.loads(line)["fatalities"] == 170
    listing = run("release", "list", "--format", "json", "--db", sqlite_url)
    assert json.loads(listing.output)[0]["name"] == "2023-test"  # type: ignore[attr-defined]

    log = run("audit", "log", "--event", ids["Pazigyi"], "--format", "json", "--db", sqlite_url)
    actions = [row["action"] for row in json.loads(log.output)]  # type: ignore[attr-defined]
    assert actions == ["edit", "accept", "edit"]
    by_user = run("audit", "log", "--user", "coder1", "--format", "json", "--db", sqlite_url)
    assert [row["who"] for row in json.loads(by_user.output)] == ["coder1"]  # type: ignore[attr-defined]
    dump = tmp_path / "audit.jsonl"
    assert run("audit", "export", "--out", str(dump), "--db", sqlite_url).exit_code == 0  # type: ignore[attr-defined]
    rows = [json.loads(line) for line in dump.read_text().splitlines()]
    assert [r["action"] for r in rows] == ["edit", "accept", "publish", "edit"]
    assert rows[1]["prev_hash"] == rows[0]["hash"]

    verified = run("audit", "verify", "--db", sqlite_url)
    assert verified.exit_code == 0 and "intact: 4 rows" in verified.output  # type: ignore[attr-defined]
    with session_scope(sqlite_url) as session:
        session.execute(text("UPDATE audit_log SET why = 'nothing happened' WHERE id = 2"))
    broken = run("audit", "verify", "--db", sqlite_url)
    assert broken.exit_code == 1 and "row 2" in broken.output  # type: ignore[attr-defined]


def test_once_the_store_has_accounts_who_must_hold_the_role(sqlite_url: str) -> None:
    from mawgun.accounts.users import create_user

    build_store(sqlite_url)
    pazigyi = canonical_ids(sqlite_url)["Pazigyi"]
    with session_scope(sqlite_url) as session:
        create_user(session, "amina", "reviewer", None)
        create_user(session, "ko-min", "coder", None)
    stranger = run("review", "accept", pazigyi, "--who", "nobody", "--db", sqlite_url)
    assert stranger.exit_code == 2 and "not an enabled account" in stranger.output  # type: ignore[attr-defined]
    coder = run("release", "publish", "--name", "r1", "--who", "ko-min", "--db", sqlite_url)
    assert coder.exit_code == 2 and "reviewer role" in coder.output  # type: ignore[attr-defined]
    edit = run("review", "edit", pazigyi, "--set", "fatalities_best=170", "--set", "fatalities_high=170", "--who",
               "ko-min", "--db", sqlite_url)  # fmt: skip
    assert edit.exit_code == 0, edit.output  # type: ignore[attr-defined]
    assert run("review", "accept", pazigyi, "--who", "amina", "--db", sqlite_url).exit_code == 0  # type: ignore[attr-defined]
