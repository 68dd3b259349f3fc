"""`mawgun users` and `mawgun tokens`: passwords from a hidden prompt or stdin (never echoed), clear
errors, tokens printed once and never listed."""

from __future__ import annotations

from typer.testing import CliRunner

from mawgun.cli.main import app

PASSWORD = "a passphrase for the cli"


def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args), input=input)


def test_users_add_list_role_disable_and_reset(store_url: str) -> None:
    db = ("--db", store_url)
    added = run("users", "add", "Amina", "--role", "admin", *db, input=f"{PASSWORD}\n{PASSWORD}\n")
    assert added.exit_code == 0, added.output
    assert "added amina (admin)" in added.output and PASSWORD not in added.output  # hidden prompt
    assert run("users", "add", "kyaw", "--role", "coder", "--password-stdin", *db, input=PASSWORD + "\n").exit_code == 0
    listing = run("users", "list", *db)
    assert "amina" in listing.output and "kyaw" in listing.output and "coder" in listing.output
    assert run("users", "role", "kyaw", "reviewer", *db).output.strip() == "kyaw is now reviewer"
    refused = run("users", "disable", "amina", *db)
    assert refused.exit_code == 1 and "last admin" in refused.output
    assert run("users", "disable", "kyaw", *db).exit_code == 0
    assert "disabled" in run("users", "list", *db).output
    reset = run("users", "reset", "kyaw", "--password-stdin", *db, input="another passphrase\n")
    assert reset.exit_code == 0 and "another passphrase" not in reset.output


def test_users_add_refuses_bad_input_clearly(sqlite_url: str) -> None:
    db = ("--db", sqlite_url)
    assert run("users", "add", "x", "--role", "superuser", *db).exit_code == 2
    mismatch = run("users", "add", "x", *db, input=f"{PASSWORD}\nsomething else\n{PASSWORD}\n{PASSWORD}\n")
    assert mismatch.exit_code == 0 and "do not match" in mismatch.output.lower()
    short = run("users", "add", "y", "--password-stdin", *db, input="short\n")
    assert short.exit_code == 1 and "too short" in short.output
    taken = run("users", "add", "X", "--password-stdin", *db, input=PASSWORD + "\n")
    assert taken.exit_code == 1 and "taken" in taken.output
    assert run("users", "disable", "nobody", *db).exit_code == 1


def test_tokens_create_list_and_revoke(store_url: str) -> None:
    db = ("--db", store_url)
    run("users", "add", "etl", "--role", "coder", "--password-stdin", *db, input=PASSWORD + "\n")
    created = run("tokens", "create", "nightly", "--user", "etl", "--role", "viewer", *db)
    assert created.exit_code == 0, created.output
    token = created.output.strip().splitlines()[-1]
    assert token.startswith("mawgun_") and len(token) == 50
    listing = run("tokens", "list", "--format", "csv", *db).output
    assert "nightly" in listing and "viewer" in listing and token not in listing and token[:12] in listing
    assert run("tokens", "create", "x", "--user", "etl", "--role", "admin", *db).exit_code == 1
    assert run("tokens", "revoke", "1", *db).output.strip() == "token 1 revoked"
    assert run("tokens", "revoke", "99", *db).exit_code == 1


def test_account_changes_are_in_the_audit_log_without_passwords(sqlite_url: str) -> None:
    from mawgun.review.audit import list_changes, verify_chain
    from mawgun.store.db import session_scope

    db = ("--db", sqlite_url)
    run("users", "add", "amina", "--role", "admin", "--password-stdin", "--who", "setup", *db, input=PASSWORD + "\n")
    run("users", "role", "amina", "admin", *db)
    run("users", "add", "kyaw", "--password-stdin", "--who", "amina", *db, input=PASSWORD + "\n")
    run("users", "disable", "kyaw", "--who", "amina", *db)
    run("users", "reset", "kyaw", "--password-stdin", "--who", "amina", *db, input="another passphrase\n")
    run("tokens", "create", "etl", "--user", "amina", "--who", "amina", *db)
    with session_scope(sqlite_url) as session:
        changes = list_changes(session)
        assert verify_chain(session).ok
    assert [(c["who"], c["action"], c["object_id"]) for c in changes] == [
        ("setup", "user.add", "amina"),
        (changes[1]["who"], "user.role", "amina"),
        ("amina", "user.add", "kyaw"),
        ("amina", "user.disable", "kyaw"),
        ("amina", "user.reset_password", "kyaw"),
        ("amina", "token.create", "amina"),
    ]
    assert changes[1]["who"].startswith("cli")
    assert changes[3]["before"] == {"disabled": False} and changes[3]["after"] == {"disabled": True}
    assert PASSWORD not in str(changes) and "another passphrase" not in str(changes)
