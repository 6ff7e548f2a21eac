"""The report page and its downloads over HTTP."""

import csv
import io
import json
import re

import pytest
from sqlmodel import select

from claims_app.db import session_scope
from claims_app.models import AuditEvent, Claim
from claims_app.services.review import SourceInput, VerdictInput
from tests.helpers import ingest_fixture, judge, login, make_user


@pytest.fixture
def desk(client, engine):
    ingest_fixture(engine)
    amina = make_user(engine, "amina", "reviewer")[1]
    ed = make_user(engine, "ed", "editor")[1]
    listed = SourceInput(url="https://example.org/list", title="Hospital list", independent=True)
    for claim_id, rating, approve in ((1, "accurate", True), (2, "false", True),
                                      (3, "unverifiable", False)):  # fmt: skip
        judge(engine, claim_id, reviewer=amina,
              verdict=VerdictInput(rating, f"Rationale {claim_id}."),
              sources=[] if rating == "unverifiable" else [listed],
              approver=ed if approve else None)  # fmt: skip
    login(client, "amina")
    return client


def test_report_shows_approved_claims_with_evidence_and_summary(desk):
    page = desk.get("/report").get_data(as_text=True)
    assert page.count('class="report-claim"') == 2
    assert '<dd id="summary-total">2</dd>' in page
    assert '<dd id="summary-accurate">50% (1 of 2)</dd>' in page
    assert '<dd id="summary-independent">2</dd>' in page
    assert "<svg" in page and "Claims by verdict" in page
    assert "Reviewed by amina" in page and "approved by ed" in page
    assert "Rationale 1." in page and "Hospital list" in page and "independent" in page
    assert "Rationale 3." not in page


def test_unapproved_are_shown_only_when_asked_and_marked(desk):
    page = desk.get("/report?include_unapproved=yes").get_data(as_text=True)
    assert page.count('class="report-claim"') == 3 and "not yet approved" in page


def test_filters_and_grouping_live_in_the_url(desk):
    page = desk.get("/report?verdict=false&group=category").get_data(as_text=True)
    assert page.count('class="report-claim"') == 1 and "Rationale 2." in page
    assert re.search(r"/report\.csv\?[^\"]*verdict=false", page)
    places = _places_of(desk, [1, 2])  # the approved claims
    part = places[0][1:-1].upper()
    by_place = desk.get("/report", query_string={"location": part})
    held = sum(part.lower() in p.lower() for p in places)
    assert by_place.get_data(as_text=True).count('class="report-claim"') == held >= 1
    for typed in ("%", "_"):  # a reviewer's % or _ is a character, not a wildcard
        literal = desk.get("/report", query_string={"location": typed})
        assert literal.get_data(as_text=True).count('class="report-claim"') == 0
    bad = desk.get("/report?date_from=soon")
    assert bad.status_code == 400 and "date from must be a date" in bad.get_data(as_text=True)


def test_downloads_follow_the_filter_and_are_audited(desk, engine):
    rows = list(csv.DictReader(io.StringIO(desk.get("/report.csv?verdict=accurate")
                                            .get_data(as_text=True))))  # fmt: skip
    assert [r["claim_id"] for r in rows] == ["1"]
    data = json.loads(desk.get("/report.json").get_data(as_text=True))
    assert [c["id"] for c in data["claims"]] == [1, 2]
    reviews = json.loads(desk.get("/report.claimreview").get_data(as_text=True))
    assert reviews[0]["url"] == "http://localhost/claims/1"
    with session_scope(engine) as s:
        events = s.exec(select(AuditEvent).where(AuditEvent.kind == "report.exported")).all()
    assert [(e.actor, e.after["format"], e.after["rows"]) for e in events] == [
        ("amina", "csv", 1),
        ("amina", "json", 2),
        ("amina", "claimreview", 2),
    ]


def _places_of(client, claim_ids: list[int]) -> list[str]:
    engine = client.application.extensions["claims_engine"]
    with session_scope(engine) as s:
        places = [s.get(Claim, i).location or "" for i in claim_ids]
    assert len(places[0]) > 2
    return places


def test_report_links_each_kept_copy_and_flags_a_changed_page(desk, engine):
    from datetime import UTC, datetime

    from claims_app.evidence.fetching import Fetched
    from claims_app.models import Source
    from claims_app.services import evidence
    from claims_app.services.actors import Actor

    with session_scope(engine, write=True) as s:
        source = s.exec(select(Source).where(Source.claim_id == 1)).first()
        for body, day in ((b"Fourteen killed.", 1), (b"Eleven killed.", 2)):
            got = Fetched(url=source.url, final_url=source.url, status=200,
                          content_type="text/plain", body=body,
                          fetched_at=datetime(2026, 12, day, 9, 30, tzinfo=UTC))  # fmt: skip
            evidence.keep_outcome(s, source.id, got, url=source.url, actor=Actor.system("worker"),
                                  read=evidence.read_copy(got))  # fmt: skip
        source_id = source.id
    page = desk.get("/report").get_data(as_text=True)
    claim_1 = page[page.index('id="claim-1"') : page.index('id="claim-2"')]
    assert f'/claims/1/sources/{source_id}/copy">kept copy</a>' in claim_1
    assert "of 2026-12-01 09:30 UTC" in claim_1  # the copy as cited, not the newest
    assert "changed since cited" in claim_1
    assert "changed since cited" not in page[page.index('id="claim-2"') :]
