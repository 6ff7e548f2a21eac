"""One article that breaks the extractor never costs the page its other articles.

The extractor's known crash is fixed (tests/extraction/test_tokens.py guards it);
these tests break it on purpose, on one article, to check the defence behind it.
"""

import pytest
from sqlmodel import select

import claims_app.services.extraction as extraction
from claims_app.db import session_scope
from claims_app.models import Article, AuditEvent, Claim
from claims_app.services.actors import Actor
from claims_app.services.audit import EventKind, verify_chain
from claims_app.services.intake import ingest_document
from tests.conftest import FIXTURE_PAGES

ACTOR = Actor(name="tester")
PAGE = "press-releases-2020.txt"  # four releases; the second one names "Riverlands"


@pytest.fixture
def broken_on_riverlands(monkeypatch):
    real = extraction.extract_claims

    def extract(body, article_date, **options):
        if "Riverlands" in body:
            raise KeyError("b1")
        return real(body, article_date)

    monkeypatch.setattr(extraction, "extract_claims", extract)
    return monkeypatch


def _ingest(engine):
    with session_scope(engine, write=True) as s:
        return ingest_document(
            s, data=(FIXTURE_PAGES / PAGE).read_bytes(), origin=PAGE, actor=ACTOR,
            max_bytes=2**24,
        )  # fmt: skip


def _articles(engine) -> list[tuple[int, str | None, int]]:
    with session_scope(engine) as s:
        return [
            (a.position, a.extraction_error,
             len(s.exec(select(Claim).where(Claim.article_id == a.id)).all()))
            for a in s.exec(select(Article).order_by(Article.position)).all()
        ]  # fmt: skip


def test_the_page_and_its_other_articles_are_stored_and_the_failure_recorded(
    engine, broken_on_riverlands
):
    result = _ingest(engine)
    assert result.created and result.articles == 4
    assert [(f.position, f.error) for f in result.failed] == [(1, "KeyError: 'b1'")]
    assert "article 1 (KeyError: 'b1')" in result.failure_note()
    articles = _articles(engine)
    assert articles[1] == (1, "KeyError: 'b1'", 0)
    assert all(error is None and claims > 0 for pos, error, claims in articles if pos != 1)
    with session_scope(engine) as s:
        (event,) = s.exec(
            select(AuditEvent).where(AuditEvent.kind == EventKind.ARTICLE_EXTRACTION_FAILED)
        ).all()
        assert event.after["error"] == "KeyError: 'b1'" and event.after["position"] == 1
        assert event.document_id == result.document.id
        assert verify_chain(s).ok


def test_reextract_fills_the_failed_article_once_the_extractor_reads_it(
    engine, broken_on_riverlands
):
    _ingest(engine)
    broken_on_riverlands.undo()
    tally = extraction.ReextractTally()
    with session_scope(engine, write=True) as s:
        extraction.reextract_document(s, 1, actor=ACTOR, tally=tally)
    assert tally.added > 0 and not tally.failed
    assert all(error is None and claims > 0 for _, error, claims in _articles(engine))
