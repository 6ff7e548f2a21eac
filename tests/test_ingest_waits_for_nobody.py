"""While a page is read and extracted, the database is free: reviewers' writes go
through at once, on both databases (the extraction used to run inside the ingest's
write transaction, and a 19 MB page held every reviewer for 47 s)."""

from __future__ import annotations

import threading

from click.testing import CliRunner
from sqlmodel import select

from claims_app.cli import main
from claims_app.db import session_scope
from claims_app.models import Comment, Document
from claims_app.services import extraction, review
from tests.conftest import FIXTURE_PAGES
from tests.helpers import ingest_fixture, make_user


def test_a_reviewer_writes_while_a_page_is_being_extracted(engine, database_url, monkeypatch):
    ingest_fixture(engine)
    amina = make_user(engine, "amina", "reviewer")[1]
    extracting, release = threading.Event(), threading.Event()
    real = extraction.extract_claims

    def slow_extract(body, published_on, **options):  # a long page: the extractor thinks a while
        extracting.set()
        assert release.wait(30)
        return real(body, published_on, **options)

    monkeypatch.setattr(extraction, "extract_claims", slow_extract)
    page = FIXTURE_PAGES / "press-releases-2020.txt"
    outcome = {}
    ingest = threading.Thread(target=lambda: outcome.setdefault("result", CliRunner().invoke(
        main, ["ingest", str(page)], env={"DATABASE_URL": database_url})))  # fmt: skip
    ingest.start()

    def reviewer_writes() -> None:
        with session_scope(engine, write=True) as s:
            review.add_comment(s, 1, body="Checking the district figures.", actor=amina)
        outcome["wrote"] = True

    try:
        assert extracting.wait(30), "the ingest never reached the extractor"
        writer = threading.Thread(target=reviewer_writes, daemon=True)
        writer.start()
        writer.join(5)  # a reviewer's write, while the page is still being extracted
        wrote_while_extracting = outcome.get("wrote", False)
    finally:
        release.set()
        ingest.join(60)
        writer.join(60)
    assert wrote_while_extracting, "the reviewer's write waited for the ingest"
    assert outcome["result"].exit_code == 0, outcome["result"].output
    with session_scope(engine) as s:
        assert [c.body for c in s.exec(select(Comment))] == ["Checking the district figures."]
        assert len(s.exec(select(Document)).all()) == 2  # and the page was stored


def test_a_reviewer_writes_while_claims_are_reextracted(engine, database_url, monkeypatch):
    ingest_fixture(engine)
    amina = make_user(engine, "amina", "reviewer")[1]
    extracting, release = threading.Event(), threading.Event()
    real = extraction.extract_claims

    def slow_extract(body, published_on, **options):  # a newer extractor, thinking a while
        extracting.set()
        assert release.wait(30)
        return real(body, published_on, **options)

    monkeypatch.setattr(extraction, "extract_claims", slow_extract)
    outcome = {}
    rerun = threading.Thread(target=lambda: outcome.setdefault("result", CliRunner().invoke(
        main, ["reextract"], env={"DATABASE_URL": database_url})))  # fmt: skip
    rerun.start()

    def reviewer_writes() -> None:
        with session_scope(engine, write=True) as s:
            review.add_comment(s, 1, body="Checking the district figures.", actor=amina)
        outcome["wrote"] = True

    try:
        assert extracting.wait(30), "reextract never reached the extractor"
        writer = threading.Thread(target=reviewer_writes, daemon=True)
        writer.start()
        writer.join(5)
        wrote_while_extracting = outcome.get("wrote", False)
    finally:
        release.set()
        rerun.join(60)
        writer.join(60)
    assert wrote_while_extracting, "the reviewer's write waited for the re-extraction"
    assert outcome["result"].exit_code == 0, outcome["result"].output
    assert "0 added, 0 removed" in outcome["result"].output  # the same extractor: no change
