import pytest
from sqlmodel import select

from claims_app.db import session_scope
from claims_app.models import Article, AuditEvent, Document
from claims_app.services.actors import Actor
from claims_app.services.audit import EventKind, verify_chain
from claims_app.services.intake import IngestError, ingest_document
from tests.conftest import FIXTURE_PAGES
from tests.helpers import table_counts

ACTOR = Actor(name="tester")
LIMIT = 20 * 2**20


def _ingest(engine, data: bytes, origin: str = "page.txt", max_bytes: int = LIMIT):
    with session_scope(engine, write=True) as session:
        return ingest_document(session, data=data, origin=origin, actor=ACTOR, max_bytes=max_bytes)


def test_ingest_stores_document_articles_and_its_audit_event(engine):
    data = (FIXTURE_PAGES / "press-releases-2020.txt").read_bytes()
    result = _ingest(engine, data, "press-releases-2020.txt")
    assert result.created and result.articles == 4
    with session_scope(engine) as s:
        doc = s.exec(select(Document)).one()
        articles = s.exec(select(Article).order_by(Article.position)).all()
        (event,) = s.exec(
            select(AuditEvent).where(AuditEvent.kind == EventKind.DOCUMENT_INGESTED)
        ).all()
    assert [a.position for a in articles] == [0, 1, 2, 3]
    assert all(doc.text[a.start_offset : a.start_offset + len(a.body)] == a.body for a in articles)
    assert event.kind == EventKind.DOCUMENT_INGESTED
    assert event.document_id == doc.id and event.actor == "tester"
    assert event.after["articles"] == 4


def test_same_content_twice_adds_nothing(engine):
    data = (FIXTURE_PAGES / "river-provinces-digest.txt").read_bytes()
    first = _ingest(engine, data, "a.txt")
    before = table_counts(engine)
    second = _ingest(engine, data, "copy-with-another-name.txt")
    assert not second.created and second.document.id == first.document.id
    assert table_counts(engine) == before


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"\x7fELF\x02\x01\x01\x00\x00", "binary"),
        (b"Ma\xe2ret al-Numan", "not valid UTF-8"),
        (b"x" * 2048, "is 2 KB, over the 1 KB limit"),
    ],
    ids=["empty", "binary", "not-utf8", "too-big"],
)
def test_bad_input_is_refused_and_changes_nothing(engine, data, message):
    before = table_counts(engine)
    with pytest.raises(IngestError, match=message):
        _ingest(engine, data, max_bytes=1024 if len(data) > 1024 else LIMIT)
    assert table_counts(engine) == before


def test_failure_after_partial_writes_rolls_everything_back(engine, monkeypatch):
    """A crash while writing the audit event must not leave a document behind."""
    import claims_app.services.intake as intake

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(intake, "record_event", broken)
    before = table_counts(engine)
    with pytest.raises(RuntimeError):
        _ingest(engine, (FIXTURE_PAGES / "press-releases-2020.txt").read_bytes())
    assert table_counts(engine) == before


def test_events_form_a_verifiable_chain(engine):
    for page in sorted(FIXTURE_PAGES.glob("*.txt")):
        _ingest(engine, page.read_bytes(), page.name)
    with session_scope(engine) as s:
        report = verify_chain(s)
        events = s.exec(select(AuditEvent).order_by(AuditEvent.id)).all()
    assert report.ok and report.count == len(events)
    assert sum(e.kind == EventKind.DOCUMENT_INGESTED for e in events) == 3
    assert events[0].prev_hash == "0" * 64
    assert [e.prev_hash for e in events[1:]] == [e.hash for e in events[:-1]]
    assert report.head == events[-1].hash


def test_html_with_only_navigation_is_refused(engine):
    before = table_counts(engine)
    with pytest.raises(IngestError, match="no article text found"):
        _ingest(engine, b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "nav.html")
    assert table_counts(engine) == before
