"""History, "as of", and the audit log with its downloads."""

import csv
import io
import json
import time
from datetime import UTC, datetime

import pytest
from sqlmodel import select

from claims_app.db import session_scope
from claims_app.models import AuditEvent
from claims_app.services import review
from claims_app.services.actors import Actor
from claims_app.services.review import SourceInput, VerdictInput
from tests.helpers import ingest_fixture, login, make_user, table_counts


@pytest.fixture
def lived(client, engine):
    """Claim 1 with a life: corrected, sourced, judged, approved; and the moment between."""
    ingest_fixture(engine)
    amina = make_user(engine, "amina", "reviewer")[1]
    ed = make_user(engine, "ed", "editor")[1]
    make_user(engine, "audrey", "auditor")
    with session_scope(engine, write=True) as s:
        review.edit_fields(s, 1, version=1, changes={"value": "26"}, actor=amina)
        review.add_source(
            s,
            1,
            version=2,
            source=SourceInput(
                url="https://example.org/h", title="Hospital list", independent=True
            ),
            actor=amina,
        )
    time.sleep(0.05)
    middle = datetime.now(UTC)
    time.sleep(0.05)
    with session_scope(engine, write=True) as s:
        review.edit_fields(s, 1, version=3, changes={"value": "24"}, actor=amina)
        review.give_verdict(s, 1, version=4, verdict=VerdictInput("accurate", "Matches."),
                            actor=amina)  # fmt: skip
        review.give_verdict(s, 1, version=5, verdict=VerdictInput("false", "Misread."),
                            actor=amina)  # fmt: skip
        review.approve(s, 1, version=6, actor=ed)
    login(client, "audrey")
    return middle


def test_history_reads_as_changes(client, lived):
    page = client.get("/claims/1/history").get_data(as_text=True)
    for line in ("value 14 → 26", "value 26 → 24",
                 "source added: Hospital list (supports, independent)",
                 "verdict: none → accurate", "verdict: accurate → false",
                 "approved (verdict false)"):  # fmt: skip
        assert line in page, line
    assert page.index("value 14 → 26") < page.index("approved (verdict false)")


def test_as_of_rebuilds_the_claim_at_that_moment(client, lived):
    moment = lived.strftime("%Y-%m-%dT%H:%M:%S.%f")
    page = client.get(f"/claims/1/history?as_of={moment}").get_data(as_text=True)
    state = page[page.index('id="as-of-state"') :]
    assert "<dt>value</dt><dd>26</dd>" in state  # the figure as entered, never "26.0"
    assert "Hospital list" in state and "<dt>verdict</dt><dd>none</dd>" in state
    assert "<dt>status</dt><dd>in review</dd>" in state
    before = client.get("/claims/1/history?as_of=2000-01-01T00:00").get_data(as_text=True)
    assert "did not exist yet" in before
    bad = client.get("/claims/1/history?as_of=yesterday")
    assert bad.status_code == 400 and "is not a date and time" in bad.get_data(as_text=True)


def test_audit_log_filters_and_pages(client, engine, lived):
    page = client.get("/audit?kind=claim.edited").get_data(as_text=True)
    assert page.count('class="event-row"') == 2
    page = client.get("/audit?actor=ed").get_data(as_text=True)
    assert page.count('class="event-row"') == 1  # ed only approved (accounts were set up)
    assert "claim.approved" in page


def test_audit_log_refuses_reviewers(client, engine, lived):
    login(client, "amina")
    assert client.get("/audit").status_code == 403
    assert client.get("/audit.csv").status_code == 403


def test_downloads_hold_exactly_the_filtered_events(client, engine, lived):
    before = table_counts(engine)
    jsonl = client.get("/audit.jsonl?claim=1").get_data(as_text=True)
    records = [json.loads(line) for line in jsonl.splitlines()]
    with session_scope(engine) as s:
        ids = list(s.exec(select(AuditEvent.id).where(AuditEvent.claim_id == 1)
                          .order_by(AuditEvent.id)))  # fmt: skip
    assert [r["id"] for r in records] == ids
    assert all(r["hash"] and r["at"].endswith("Z") for r in records)
    response = client.get("/audit.csv?kind=verdict.given")
    assert response.headers["Content-Disposition"].startswith('attachment; filename="audit-')
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert [json.loads(r["after"])["rating"] for r in rows] == ["accurate", "false"]
    assert table_counts(engine) == before  # reading the trail writes nothing


def test_replaying_every_event_gives_the_claim_as_it_is(engine, lived):
    from claims_app.models import Claim
    from claims_app.services.history import STATE_FIELDS, claim_as_of

    with session_scope(engine, write=True) as s:
        review.dismiss(s, 2, version=1, reason="dup", actor=Actor("x", role="editor"))
    for claim_id in (1, 2, 3):
        with session_scope(engine) as s:
            claim = s.get(Claim, claim_id)
            state = claim_as_of(s, claim, datetime.now(UTC))
            for name in STATE_FIELDS:
                assert state.fields.get(name) == getattr(claim, name), (claim_id, name)


def test_the_log_page_says_whether_the_chain_verifies(lived, client, engine):
    login(client, "audrey")
    page = client.get("/audit").get_data(as_text=True)
    assert "Verify the chain now" in page and "The chain verifies" not in page
    page = client.get("/audit?verify=yes").get_data(as_text=True)
    with session_scope(engine) as s:
        count = len(s.exec(select(AuditEvent)).all())
    assert f"all {count:,} events hold the hash of the one before" in page


@pytest.fixture
def without_guards(database_url):
    """The append-only triggers dropped, as someone with the database's keys could."""
    from alembic import command

    from claims_app.migrate import alembic_config, upgrade

    config = alembic_config(database_url)
    command.downgrade(config, "0001")
    command.stamp(config, "head")
    yield
    command.stamp(config, "0001")
    upgrade(database_url)


def test_a_broken_chain_is_named_on_the_log_page(client, engine, without_guards):
    from sqlalchemy import text

    make_user(engine, "audrey", "auditor")
    make_user(engine, "bo", "reviewer")
    with session_scope(engine, write=True) as s:
        s.execute(text("UPDATE audit_events SET actor = 'mallory' WHERE id = 2"))
    login(client, "audrey")
    page = client.get("/audit?verify=yes", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "The chain is broken at event 2" in page and 'role="alert"' in page
    assert "<html" not in page  # only the panel, for htmx
