"""Accounts: create users with a role. Login and role changes come with review."""

from __future__ import annotations

import re

from sqlmodel import Session, select
from werkzeug.security import generate_password_hash

from claims_app.models import Role, User, utcnow
from claims_app.services.actors import Actor
from claims_app.services.audit import EventKind, record_event

_USERNAME = re.compile(r"^[A-Za-z0-9_.-]{2,64}$")
MIN_PASSWORD = 8


class AccountError(ValueError):
    pass


def find_user(session: Session, username: str) -> User | None:
    return session.exec(select(User).where(User.username == username)).first()


def create_user(session: Session, *, username: str, password: str, role: str, actor: Actor) -> User:
    if not _USERNAME.match(username):
        raise AccountError("username must be 2-64 letters, digits, dots, dashes or underscores")
    if role not in {r.value for r in Role}:
        choices = ", ".join(r.value for r in Role)
        raise AccountError(f"unknown role {role!r} (choose from {choices})")
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"password must be at least {MIN_PASSWORD} characters")
    if find_user(session, username):
        raise AccountError(f"user {username!r} already exists")
    user = User(
        username=username,
        display_name=username,
        role=role,
        password_hash=generate_password_hash(password),
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
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"password must be at least {MIN_PASSWORD} characters")
    user.password_hash = generate_password_hash(password)
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


def ensure_demo_user(session: Session, *, password: str, actor: Actor) -> User:
    """The login `make demo` prints: created once, given a fresh password each run."""
    user = find_user(session, DEMO_USERNAME)
    if user is None:
        return create_user(
            session, username=DEMO_USERNAME, password=password, role=Role.EDITOR, actor=actor
        )
    set_password(session, user, password=password, actor=actor)
    return user
