from sqlalchemy import text

from claims_app.db import session_scope
from claims_app.services.actors import Actor
from claims_app.services.audit import EVENT_MEANINGS, EventKind, record_event, verify_chain


def _record(engine, n: int) -> None:
    with session_scope(engine, write=True) as s:
        for i in range(n):
            record_event(
                s,
                EventKind.USER_CREATED,
                actor=Actor("t"),
                target_type="user",
                target_id=i,
                after={"username": f"u{i}", "value": 26.0},
            )


def test_every_event_kind_has_a_meaning():
    assert set(EVENT_MEANINGS) == set(EventKind)


def test_chain_verifies_after_a_round_trip_through_the_database(engine):
    _record(engine, 5)
    with session_scope(engine) as s:
        report = verify_chain(s)
    assert report.ok and report.count == 5


def test_an_edited_event_breaks_the_chain_at_that_event(engine):
    _record(engine, 4)
    with session_scope(engine, write=True) as s:
        s.execute(text("UPDATE audit_events SET actor = 'mallory' WHERE id = 3"))
    with session_scope(engine) as s:
        report = verify_chain(s)
    assert not report.ok and report.broken_at == 3 and report.count == 2
