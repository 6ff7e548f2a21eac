"""Kept copies of sources at the service level, on SQLite and on PostgreSQL."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlmodel import select

from claims_app.db import session_scope
from claims_app.models import AuditEvent, Source
from claims_app.services import evidence
from claims_app.services.actors import Actor
from claims_app.services.review import Forbidden, ReviewError
from tests.helpers import make_user
from tests.local_site import LOOPBACK_RULES, cite

REPORT = (
    b"<html><head><title>Shelling in Dovra</title><meta property='og:site_name' "
    b"content='Dovra Monitor'></head><body><article><h1>Shelling in Dovra</h1><p>Seven "
    b"civilians were killed when shells hit the market on Monday, the monitor said.</p>"
    b"<p>Relief teams reached the town on Tuesday.</p></article></body></html>"
)
WORKER = Actor.system("worker")


@pytest.fixture
def cited(engine, site):
    """A reviewer's source on claim 1, pointing at the local site, its copy asked for."""
    site.pages["/report"] = (200, "text/html; charset=utf-8", REPORT)
    source_id, amina = cite(engine, site.url("/report"), title="Monitor report")
    with session_scope(engine, write=True) as s:
        evidence.request_fetch(s, source_id, actor=amina)
    return source_id, amina


def _events(engine, kind):
    with session_scope(engine) as s:
        found = s.exec(select(AuditEvent).where(AuditEvent.kind == kind).order_by(AuditEvent.id))
        return [e.after for e in found]


def test_a_fetched_copy_is_kept_with_its_text_hash_and_event(engine, cited):
    source_id, _ = cited
    assert _source(engine, source_id).fetch_state == "queued"
    kept = evidence.fetch_and_keep(engine, source_id, rules=LOOPBACK_RULES, actor=WORKER)
    assert (kept.status, kept.content_type, kept.size_bytes) == (200, "text/html", len(REPORT))
    assert kept.title == "Shelling in Dovra" and kept.publisher == "Dovra Monitor"
    assert "Seven civilians were killed" in kept.text and "<p>" not in kept.text
    assert _source(engine, source_id).fetch_state == "fetched"
    (after,) = _events(engine, "source.fetched")
    assert after["sha256"] == kept.sha256 and after["snapshot_id"] == kept.id


def test_a_changed_page_adds_a_snapshot_and_keeps_the_old_text(engine, cited, site):
    source_id, _ = cited
    first = evidence.fetch_and_keep(engine, source_id, rules=LOOPBACK_RULES, actor=WORKER)
    site.pages["/report"] = (200, "text/html", REPORT.replace(b"Seven", b"Nine"))
    second = evidence.fetch_and_keep(engine, source_id, rules=LOOPBACK_RULES, actor=WORKER)
    assert second.changed and second.sha256 != first.sha256 and "Nine civilians" in second.text
    assert _source(engine, source_id).changed_since_cited
    with session_scope(engine) as s:
        kept = evidence.snapshots_of(s, source_id)
    assert [k.id for k in kept] == [first.id, second.id] and "Seven civilians" in kept[0].text
    same = evidence.fetch_and_keep(engine, source_id, rules=LOOPBACK_RULES, actor=WORKER)
    assert not same.changed  # the same bytes as the copy before


def test_a_refused_or_failed_fetch_is_recorded_with_its_reason(engine, cited, site):
    source_id, _ = cited
    refused = evidence.fetch_and_keep(
        engine, source_id, rules=LOOPBACK_RULES.__class__(), actor=WORKER
    )  # fmt: skip  (loopback not allowed)
    assert refused.refused and "loopback address" in refused.error and refused.sha256 is None
    assert _source(engine, source_id).fetch_state == "failed"
    site.pages["/report"] = (404, "text/html", b"gone")
    failed = evidence.fetch_and_keep(engine, source_id, rules=LOOPBACK_RULES, actor=WORKER)
    assert not failed.refused and failed.error == "the site answered HTTP 404"
    reasons = [a["reason"] for a in _events(engine, "source.fetch_failed")]
    assert reasons == [refused.error, "the site answered HTTP 404"]


def test_snapshots_are_append_only(engine, cited):
    source_id, _ = cited
    kept = evidence.fetch_and_keep(engine, source_id, rules=LOOPBACK_RULES, actor=WORKER)
    for statement in (
        "UPDATE source_snapshots SET text = 'rewritten'",
        "DELETE FROM source_snapshots",
    ):
        with pytest.raises(DBAPIError, match="append-only"), session_scope(engine, write=True) as s:
            s.execute(text(statement))
    with session_scope(engine) as s:
        assert evidence.snapshots_of(s, source_id)[0].text == kept.text


def test_auditors_cannot_ask_for_fetches(engine, cited):
    source_id, _ = cited
    _, audrey = make_user(engine, "audrey", "auditor")
    with pytest.raises(Forbidden), session_scope(engine, write=True) as s:
        evidence.request_fetch(s, source_id, actor=audrey)


def _source(engine, source_id):
    with session_scope(engine) as s:
        return s.get(Source, source_id)


def test_an_uploaded_file_is_kept_and_never_fetched(engine):
    from claims_app.evidence.uploads import read_upload
    from claims_app.services import review
    from tests.helpers import ingest_fixture

    ingest_fixture(engine)
    _, amina = make_user(engine, "amina", "reviewer")
    upload = read_upload("statement.txt", b"Seven civilians were killed in Dovra.")
    with session_scope(engine, write=True) as s:
        source = review.add_source(s, 1, version=1, actor=amina, source=review.SourceInput(
            url="", title="Ministry statement", uploaded=True))  # fmt: skip
        copy = evidence.keep_upload(s, source.id, upload, actor=amina)
        source_id = source.id
    assert (copy.requested_url, copy.file_name, copy.text) == (
        "",
        "statement.txt",
        "Seven civilians were killed in Dovra.",
    )
    (after,) = _events(engine, "source.uploaded")
    assert after["sha256"] == upload.sha256 and after["file_name"] == "statement.txt"
    with (
        pytest.raises(ReviewError, match="no address to fetch"),
        session_scope(engine, write=True) as s,
    ):
        evidence.request_fetch(s, source_id, actor=amina)
    with session_scope(engine) as s:
        assert source_id not in evidence.due_for_recheck(s, older_than_days=0)


def test_the_figures_are_read_once_when_kept_and_matched_against_the_claim(engine, cited):
    from claims_app.models import Claim, SourceSnapshot

    source_id, _ = cited
    kept = evidence.fetch_and_keep(engine, source_id, rules=LOOPBACK_RULES, actor=WORKER)
    assert [f["quote"] for f in kept.figures] == ["Seven civilians"]
    seven = Claim(article_id=1, kind="numeric", quote="seven civilians", start_offset=0,
                  end_offset=15, sentence="", value=7, qualifier="exact", category="killed",
                  unit="people", subject="civilians", extractor_version="t")  # fmt: skip
    (found,) = evidence.figures_in_copies(seven, {source_id: kept}, {})[source_id]
    assert kept.text[found.start : found.end] == "Seven civilians"
    assert found.reason == "the same kind of count, the same number"
    eight = Claim(**(seven.model_dump() | {"value": 8, "quote": "eight civilians"}))
    assert evidence.figures_in_copies(eight, {source_id: kept}, {}) == {source_id: []}
    # A copy kept before figures were kept with it is read when shown, to the same end.
    older = SourceSnapshot(**(kept.model_dump() | {"id": None, "figures": None}))
    with session_scope(engine, write=True) as s:
        s.add(older)
        s.flush()
        s.expunge(older)
    assert evidence.figures_in_copies(seven, {source_id: older}, {})[source_id] == [found]
