"""Accounts: users with a role, passwords, logging in, role changes, disabling."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import text
from sqlmodel import Session, col, func, select
from werkzeug.security import check_password_hash as check_legacy_hash

from claims_app.db import is_sqlite
from claims_app.models import AuditEvent, Role, User, utcnow
from claims_app.services.actors import Actor
from claims_app.services.audit import EventKind, record_event

_USERNAME = re.compile(r"^[A-Za-z0-9_.-]{2,64}$")
MIN_PASSWORD = 8
MAX_PASSWORD = 1024  # hashing a megabyte of password is a denial of service


class AccountError(ValueError):
    """An account change refused; the message says why, in the user's words."""


# argon2id with the library's defaults (RFC 9106's second recommended profile).
_HASHER = PasswordHasher()


def use_cheap_hashing_for_tests() -> None:
    """Tests create hundreds of accounts; at 150 ms a hash that is minutes per run.
    Never called by the app (a hash made this way is rehashed at the next login)."""
    global _HASHER, _DUMMY_HASH
    _HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    _DUMMY_HASH = _HASHER.hash("not a password of anyone's")


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def password_matches(stored: str, password: str) -> bool:
    """argon2 hashes, and the scrypt ones of accounts made before argon2 (werkzeug's
    format), which log_in replaces with argon2 on the next successful login."""
    if not stored.startswith("$argon2"):
        return check_legacy_hash(stored, password)
    try:
        return _HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    return not stored.startswith("$argon2") or _HASHER.check_needs_rehash(stored)


def find_user(session: Session, username: str) -> User | None:
    return session.exec(select(User).where(User.username == username)).first()


def create_user(session: Session, *, username: str, password: str, role: str, actor: Actor) -> User:
    if not _USERNAME.match(username):
        raise AccountError("username must be 2-64 letters, digits, dots, dashes or underscores")
    if role not in {r.value for r in Role}:
        choices = ", ".join(r.value for r in Role)
        raise AccountError(f"unknown role {role!r} (choose from {choices})")
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise AccountError(f"password must be {MIN_PASSWORD} to {MAX_PASSWORD} characters")
    if find_user(session, username):
        raise AccountError(f"user {username!r} already exists")
    user = User(
        username=username,
        display_name=username,
        role=role,
        password_hash=hash_password(password),
        created_at=utcnow(),
    )
    session.add(user)
    session.flush()
    record_event(
        session,
        EventKind.USER_CREATED,
        actor=actor,
        target_type="user",
        target_id=user.id,
        after={"username": username, "role": role},
    )
    return user


DEMO_USERNAME = "demo"


def set_password(session: Session, user: User, *, password: str, actor: Actor) -> None:
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise AccountError(f"password must be {MIN_PASSWORD} to {MAX_PASSWORD} characters")
    user.password_hash = hash_password(password)
    session.add(user)
    session.flush()
    # The hash itself never goes into the trail: only that it changed.
    record_event(
        session,
        EventKind.PASSWORD_SET,
        actor=actor,
        target_type="user",
        target_id=user.id,
        after={"username": user.username},
    )


DEMO_REVIEWER = "demo-reviewer"


def ensure_demo_user(session: Session, *, password: str, actor: Actor) -> User:
    """The logins `make demo` prints: created once, given a fresh password each run.

    Two of them, an editor and a reviewer, because approval needs a second person.
    """
    editor = _ensure_user(session, DEMO_USERNAME, Role.EDITOR, password, actor)
    _ensure_user(session, DEMO_REVIEWER, Role.REVIEWER, password, actor)
    return editor


def _ensure_user(session: Session, name: str, role: str, password: str, actor: Actor) -> User:
    user = find_user(session, name)
    if user is None:
        return create_user(session, username=name, password=password, role=role, actor=actor)
    set_password(session, user, password=password, actor=actor)
    return user


# Checked against when the username is unknown, so that a wrong name and a
# wrong password take the same time (no probing for which accounts exist).
_DUMMY_HASH = _HASHER.hash("not a password of anyone's")


def authenticate(session: Session, username: str, password: str) -> User | None:
    """The active user with this name and password, else None (never says which was wrong)."""
    user, _why = _check(session, username, password)
    return user


def _check(session: Session, username: str, password: str) -> tuple[User | None, str]:
    if len(password) > MAX_PASSWORD:
        return None, "password too long"
    user = find_user(session, username.strip()[:64])
    if user is None:
        password_matches(_DUMMY_HASH, password)
        return None, "unknown user"
    if not password_matches(user.password_hash, password):
        return None, "wrong password"
    if not user.active:
        return None, "account disabled"
    return user, "ok"


LOCKOUT_FAILURES = 5
LOCKOUT_WINDOW = timedelta(minutes=15)


class LockedOut(AccountError):
    """Too many failed logins for one name: the same answer whether or not it exists."""


def recent_failures(session: Session, name: str) -> int:
    since = utcnow() - LOCKOUT_WINDOW
    query = (
        select(func.count())
        .select_from(AuditEvent)
        .where(
            AuditEvent.kind == EventKind.LOGIN_FAILED.value,
            AuditEvent.actor == f"login:{name}",
            col(AuditEvent.at) >= since,
        )
    )
    return session.exec(query).one()


def _one_attempt_at_a_time(session: Session, name: str) -> None:
    """Attempts on one name wait for each other until the attempt before is recorded,
    so simultaneous tries cannot all count the same few failures and all check a
    password (seen: 11-15 checks from 30 at once with a limit of 5). PostgreSQL: a
    transaction-scoped advisory lock on the name; on SQLite a writing transaction
    holds the database's write lock from BEGIN IMMEDIATE, so attempts queue already."""
    if is_sqlite(session.get_bind()):
        return
    digest = hashlib.sha256(f"claims_app login:{name.lower()}".encode()).digest()
    key = int.from_bytes(digest[:8], "big", signed=True)
    session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


def log_in(session: Session, username: str, password: str, *, actor: Actor) -> User | None:
    """Authenticate and record the attempt either way (the user is told only "no").

    After LOCKOUT_FAILURES failures for a name within LOCKOUT_WINDOW, the name is
    refused without looking at the password (raises LockedOut), whether an
    account of that name exists or not. The failures are the audit events.
    """
    name = username.strip()[:64]
    _one_attempt_at_a_time(session, name)
    if recent_failures(session, name) >= LOCKOUT_FAILURES:
        record_event(
            session, EventKind.LOGIN_FAILED, actor=replace(actor, name=f"login:{name}"),
            target_type="user", target_id=None, after={"username": name, "reason": "locked out"},
        )  # fmt: skip
        raise LockedOut("too many failed logins: wait a quarter of an hour and try again")
    user, why = _check(session, username, password)
    if user is None:
        known = find_user(session, name)
        record_event(
            session, EventKind.LOGIN_FAILED, actor=replace(actor, name=f"login:{name}"),
            target_type="user", target_id=known.id if known else None,
            after={"username": name, "reason": why},
        )  # fmt: skip
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)  # old scheme or old parameters
        session.add(user)
    record_event(
        session, EventKind.LOGIN_SUCCEEDED, actor=replace(actor, name=user.username,
        user_id=user.id, role=user.role), target_type="user", target_id=user.id,
        after={"username": user.username},
    )  # fmt: skip
    return user


def list_users(session: Session) -> list[User]:
    return list(session.exec(select(User).order_by(User.username)).all())


def require_user(session: Session, username: str) -> User:
    user = find_user(session, username)
    if user is None:
        raise AccountError(f"no user {username!r}")
    return user


def set_role(session: Session, user: User, *, role: str, actor: Actor) -> None:
    if role not in {r.value for r in Role}:
        choices = ", ".join(r.value for r in Role)
        raise AccountError(f"unknown role {role!r} (choose from {choices})")
    if role == user.role:
        return
    before = user.role
    user.role = role
    session.add(user)
    session.flush()
    record_event(
        session, EventKind.USER_ROLE_SET, actor=actor, target_type="user", target_id=user.id,
        before={"role": before}, after={"role": role, "username": user.username},
    )  # fmt: skip


def set_active(session: Session, user: User, *, active: bool, actor: Actor) -> None:
    """Disable (or enable again) an account; its history and work stay."""
    if user.active == active:
        return
    if not active and user.id == actor.user_id:
        raise AccountError("you cannot disable your own account")
    user.active = active
    session.add(user)
    session.flush()
    kind = EventKind.USER_ENABLED if active else EventKind.USER_DISABLED
    record_event(
        session, kind, actor=actor, target_type="user", target_id=user.id,
        after={"username": user.username, "active": active},
    )  # fmt: skip
