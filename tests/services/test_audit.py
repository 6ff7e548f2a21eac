"""The trail: a hash chain the database will not let anyone edit."""

import threading
from datetime import UTC, datetime

import pytest
from alembic import command
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlmodel import select

from claims_app.cli import main
from claims_app.db import session_scope
from claims_app.migrate import alembic_config, upgrade
from claims_app.models import AuditEvent
from claims_app.services import review
from claims_app.services.actors import Actor
from claims_app.services.audit import (
    EVENT_MEANINGS,
    EventKind,
    iso_utc,
    record_event,
    verify_chain,
)
from tests.helpers import ingest_fixture, make_user


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


def _cli(database_url, *args):
    return CliRunner().invoke(main, list(args), env={"DATABASE_URL": database_url})


def test_every_event_kind_has_a_meaning():
    assert set(EVENT_MEANINGS) == set(EventKind)


def test_chain_verifies_after_a_round_trip_through_the_database(engine, database_url):
    _record(engine, 5)
    with session_scope(engine) as s:
        report = verify_chain(s)
        head = s.exec(select(AuditEvent.hash).order_by(AuditEvent.id.desc())).first()
    assert report.ok and report.count == 5
    ok = _cli(database_url, "audit", "verify")
    assert ok.exit_code == 0 and ok.output.startswith("ok: 5 events, chain unbroken")
    assert _cli(database_url, "audit", "head").output.strip() == head


@pytest.mark.parametrize("statement", [
    "UPDATE audit_events SET actor = 'mallory' WHERE id = 2",
    "DELETE FROM audit_events WHERE id = 2",
    "DELETE FROM audit_events",
])  # fmt: skip
def test_the_database_refuses_to_change_or_delete_events(engine, statement):
    _record(engine, 3)
    with pytest.raises(DBAPIError, match="append-only"), session_scope(engine, write=True) as s:
        s.execute(text(statement))
    with session_scope(engine) as s:
        report = verify_chain(s)
    assert report.ok and report.count == 3


@pytest.fixture
def without_guards(database_url):
    """The triggers dropped, as someone with the database's keys could; then put back."""
    config = alembic_config(database_url)
    command.downgrade(config, "0001")
    command.stamp(config, "head")  # the schema claims to be current, without its guards
    yield
    command.stamp(config, "0001")
    upgrade(database_url)


def test_an_event_altered_behind_the_triggers_breaks_the_chain_there(
    engine, database_url, without_guards
):
    _record(engine, 4)
    with session_scope(engine, write=True) as s:
        s.execute(text("UPDATE audit_events SET actor = 'mallory' WHERE id = 3"))
    with session_scope(engine) as s:
        report = verify_chain(s)
    assert not report.ok and report.broken_at == 3 and report.count == 2
    broken = _cli(database_url, "audit", "verify")
    assert broken.exit_code == 1 and "BROKEN at event 3" in broken.output


def test_a_deleted_event_breaks_the_chain_at_the_next(engine, without_guards):
    _record(engine, 4)
    with session_scope(engine, write=True) as s:
        s.execute(text("DELETE FROM audit_events WHERE id = 2"))
    with session_scope(engine) as s:
        report = verify_chain(s)
    assert report.broken_at == 3 and report.problem == "previous hash does not match"


def test_parallel_writers_keep_one_unbroken_chain(engine):
    ingest_fixture(engine)
    actors = [make_user(engine, f"r{i}", "reviewer")[1] for i in range(4)]
    start, errors = threading.Barrier(len(actors)), []

    def work(actor):
        try:
            start.wait()
            for _ in range(5):
                with session_scope(engine, write=True) as s:
                    claim = review.take_next(s, actor=actor)
                    review.add_comment(s, claim.id, body="checking", actor=actor)
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(a,)) for a in actors]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with session_scope(engine) as s:
        report = verify_chain(s)
        events = s.exec(select(AuditEvent)).all()
    assert report.ok and report.count == len(events)
    assert len({e.prev_hash for e in events}) == len(events)  # no two events share a parent


@given(st.datetimes(min_value=datetime(1000, 1, 1), timezones=st.sampled_from([None, UTC])))
def test_event_times_are_written_as_they_always_were(moment):
    # Stored chains hash this text: a faster way of writing it must not change it.
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    assert iso_utc(moment) == aware.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
