"""Logins at the same instant: the per-account lockout cannot be raced."""

from __future__ import annotations

import threading

import pytest
from sqlmodel import select

from claims_app.db import session_scope
from claims_app.models import AuditEvent
from claims_app.services.accounts import LOCKOUT_FAILURES, LockedOut, log_in
from claims_app.services.actors import Actor
from tests.helpers import PASSWORD, make_user

ATTEMPTS = 30


def test_simultaneous_wrong_passwords_check_no_more_than_the_limit(engine):
    make_user(engine, "amina", "reviewer")
    start = threading.Barrier(ATTEMPTS)
    outcomes: list[str] = []

    def attempt(i: int) -> None:
        start.wait()
        try:
            with session_scope(engine, write=True) as s:
                user = log_in(s, "amina", f"wrong-password-{i}", actor=Actor(name="web"))
            outcomes.append("in" if user else "refused")
        except LockedOut:
            outcomes.append("locked")

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(ATTEMPTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert outcomes.count("refused") == LOCKOUT_FAILURES  # passwords checked: the limit
    assert outcomes.count("locked") == ATTEMPTS - LOCKOUT_FAILURES
    with session_scope(engine) as s:
        reasons = [e.after["reason"] for e in s.exec(
            select(AuditEvent).where(AuditEvent.kind == "login.failed"))]  # fmt: skip
    assert reasons.count("wrong password") == LOCKOUT_FAILURES
    with session_scope(engine, write=True) as s, pytest.raises(LockedOut):
        log_in(s, "amina", PASSWORD, actor=Actor(name="web"))  # even the right password
