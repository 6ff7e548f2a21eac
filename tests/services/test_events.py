"""Each state change writes exactly its events: the table below is the contract."""

import pytest
from sqlmodel import select

from claims_app.db import session_scope
from claims_app.models import AuditEvent
from claims_app.services import accounts, review
from claims_app.services.actors import Actor
from claims_app.services.review import SourceInput, VerdictInput
from tests.helpers import ingest_fixture, make_user

SRC = SourceInput(url="https://example.org/r", title="R", independent=True)


def _desk(engine):
    ingest_fixture(engine)
    return {
        "amina": make_user(engine, "amina", "reviewer")[1],
        "ed": make_user(engine, "ed", "editor")[1],
        "ella": make_user(engine, "ella", "editor")[1],
    }


def _verdict(s, who, version=1):
    review.give_verdict(s, 1, version=version, verdict=VerdictInput("unverifiable", "none"),
                        actor=who)  # fmt: skip


CASES = [
    ("take next", lambda s, d: review.take_next(s, actor=d["amina"]), [], ["claim.taken"]),
    ("correct two fields", lambda s, d: review.edit_fields(
        s, 1, version=1, changes={"value": "3", "location": "X"}, actor=d["amina"]), [],
     ["claim.edited", "claim.edited"]),
    ("assign", lambda s, d: review.assign(
        s, [1, 2], assignee=accounts.require_user(s, "amina"), actor=d["ed"]), [],
     ["claim.assigned", "claim.assigned"]),
    ("unassign", lambda s, d: review.assign(s, [1], assignee=None, actor=d["ed"]),
     [lambda s, d: review.assign(s, [1], assignee=accounts.require_user(s, "amina"),
                                 actor=d["ed"])],
     ["claim.assigned"]),
    ("add source", lambda s, d: review.add_source(s, 1, version=1, source=SRC, actor=d["amina"]),
     [], ["source.added"]),
    ("remove source", lambda s, d: review.remove_source(s, 1, version=2, reason="dead link",
                                                         actor=d["amina"]),
     [lambda s, d: review.add_source(s, 1, version=1, source=SRC, actor=d["amina"])],
     ["source.removed"]),
    ("verdict", lambda s, d: _verdict(s, d["amina"]), [], ["verdict.given"]),
    ("approve", lambda s, d: review.approve(s, 1, version=2, actor=d["ed"]),
     [lambda s, d: _verdict(s, d["amina"])], ["claim.approved"]),
    ("dismiss", lambda s, d: review.dismiss(s, 1, version=1, reason="x", actor=d["amina"]), [],
     ["claim.dismissed"]),
    ("reopen", lambda s, d: review.reopen(s, 1, version=2, reason="y", actor=d["amina"]),
     [lambda s, d: review.dismiss(s, 1, version=1, reason="x", actor=d["amina"])],
     ["claim.reopened"]),
    ("comment", lambda s, d: review.add_comment(s, 1, body="hi", actor=d["amina"]), [],
     ["comment.added"]),
    ("create user", lambda s, d: accounts.create_user(
        s, username="zoe", password="long-enough", role="reviewer", actor=Actor("admin")), [],
     ["user.created"]),
    ("set role", lambda s, d: accounts.set_role(
        s, accounts.require_user(s, "amina"), role="editor", actor=Actor("admin")), [],
     ["user.role_set"]),
    ("disable", lambda s, d: accounts.set_active(
        s, accounts.require_user(s, "amina"), active=False, actor=Actor("admin")), [],
     ["user.disabled"]),
    ("log in", lambda s, d: accounts.log_in(s, "amina", "long-enough-pw", actor=Actor("anon")),
     [], ["login.succeeded"]),
    ("failed log in", lambda s, d: accounts.log_in(s, "amina", "nope", actor=Actor("anon")), [],
     ["login.failed"]),
    ("refused verdict", lambda s, d: review.give_verdict(
        s, 1, version=1, verdict=VerdictInput("accurate", "x"), actor=d["amina"]), [], []),
]  # fmt: skip


@pytest.mark.parametrize(("name", "action", "setup", "kinds"), CASES, ids=[c[0] for c in CASES])
def test_each_change_writes_exactly_its_events(engine, name, action, setup, kinds):
    desk = _desk(engine)
    for step in setup:
        with session_scope(engine, write=True) as s:
            step(s, desk)
    with session_scope(engine) as s:
        last = s.exec(select(AuditEvent.id).order_by(AuditEvent.id.desc())).first()
    try:
        with session_scope(engine, write=True) as s:
            action(s, desk)
    except review.ReviewError:
        pass  # a refused action: it must leave no event
    with session_scope(engine) as s:
        new = s.exec(select(AuditEvent).where(AuditEvent.id > last).order_by(AuditEvent.id)).all()
    assert [e.kind for e in new] == kinds
    for event in new:
        assert event.at is not None and event.actor and event.hash
