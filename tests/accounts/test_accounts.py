"""Accounts: roles, users, passwords hashed, API tokens stored as digests, revocation, the last admin."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from mawgun.accounts import ROLES, AccountError, User, has_role
from mawgun.accounts.tokens import create_token, revoke_token, user_for_token
from mawgun.accounts.users import LoginRefused, authenticate, create_user, set_disabled, set_role
from mawgun.store.db import session_scope

PASSWORD = "correct horse battery staple"


def test_roles_are_ordered_and_anonymous_holds_none() -> None:
    coder = User(1, "c", "coder")
    assert [has_role(coder, role) for role in ROLES] == [True, True, False, False]
    assert not has_role(None, "viewer")
    with pytest.raises(AccountError):
        has_role(coder, "superuser")


def test_password_is_stored_as_an_argon2_hash_and_checked(store_url: str) -> None:
    with session_scope(store_url) as session:
        create_user(session, "Amina", "admin", PASSWORD)
    with session_scope(store_url) as session:
        stored = session.execute(text("SELECT username, password_hash FROM users")).one()
        assert stored[0] == "amina" and stored[1].startswith("$argon2id$") and PASSWORD not in stored[1]
        assert authenticate(session, "AMINA", PASSWORD, "10.0.0.1").role == "admin"
        with pytest.raises(LoginRefused):
            authenticate(session, "amina", PASSWORD + "!", "10.0.0.1")


@pytest.mark.parametrize("name", ["", "two words", "<script>", "a" * 65, "x\x00y"])
def test_usernames_that_could_carry_markup_or_confuse_are_refused(sqlite_url: str, name: str) -> None:
    with session_scope(sqlite_url) as session, pytest.raises(AccountError):
        create_user(session, name, "viewer", PASSWORD)


def test_a_short_password_is_refused(sqlite_url: str) -> None:
    with session_scope(sqlite_url) as session, pytest.raises(AccountError, match="too short"):
        create_user(session, "short", "viewer", "123")


def test_tokens_are_stored_as_digests_capped_by_the_users_role_and_revocable(store_url: str) -> None:
    with session_scope(store_url) as session:
        create_user(session, "script", "coder", None)
        row, token = create_token(session, "script", "nightly", "viewer")
        with pytest.raises(AccountError):
            create_token(session, "script", "too high", "admin")
    with session_scope(store_url) as session:
        stored = session.execute(text("SELECT token_hash, prefix FROM api_tokens")).one()
        assert token not in stored[0] and len(stored[0]) == 64 and token.startswith(stored[1])
        assert user_for_token(session, token) == User(row.user_id, "script", "viewer")
        assert user_for_token(session, token + "x") is None
        revoke_token(session, row.id)
    with session_scope(store_url) as session:
        assert user_for_token(session, token) is None


def test_a_disabled_users_token_stops_working(sqlite_url: str) -> None:
    with session_scope(sqlite_url) as session:
        create_user(session, "boss", "admin", None)
        create_user(session, "temp", "coder", None)
        _, token = create_token(session, "temp", "t")
        set_disabled(session, "temp", True)
        assert user_for_token(session, token) is None


def test_the_last_admin_cannot_be_disabled_or_demoted(sqlite_url: str) -> None:
    with session_scope(sqlite_url) as session:
        create_user(session, "only", "admin", None)
        with pytest.raises(AccountError, match="last admin"):
            set_disabled(session, "only", True)
        with pytest.raises(AccountError, match="last admin"):
            set_role(session, "only", "viewer")
        create_user(session, "second", "admin", None)
        assert set_role(session, "only", "viewer").role == "viewer"
