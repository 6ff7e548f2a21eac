"""Ingest writes a page's claims in short transactions; an ingest cut short leaves
an incomplete document that running the same ingest again completes, with every
claim once, parts linked to totals, and one unbroken audit chain."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from sqlalchemy import text
from sqlmodel import select

from claims_app.cli import main
from claims_app.db import session_scope
from claims_app.models import Article, AuditEvent, Claim, Document
from claims_app.services import intake
from claims_app.services.actors import Actor
from claims_app.services.audit import verify_chain
from tests.conftest import FIXTURE_PAGES

PAGE = FIXTURE_PAGES / "karun-field-updates-2021-03.txt"  # several articles, totals with parts


def stored(engine):
    with session_scope(engine) as s:
        rows = s.exec(select(Claim, Article.position).join(Article).order_by(Claim.id)).all()
        row_of = {c.id: i for i, (c, _) in enumerate(rows)}
        return [
            (pos, c.start_offset, c.end_offset, c.value, row_of.get(c.part_of_id))
            for c, pos in rows
        ]


def expected(prepared):
    out, row = [], 0
    for part, found in zip(prepared.parts, prepared.found, strict=True):
        first = row
        for c in found.claims:
            whole = None if c.part_of is None else first + c.part_of
            out.append((part.position, c.start, c.end, c.value, whole))
            row += 1
    return out


def test_a_cut_short_ingest_is_completed_by_running_it_again(engine, database_url, monkeypatch):
    monkeypatch.setattr(intake, "BATCH_CLAIMS", 3)
    prepared = intake.prepare(PAGE.read_bytes(), origin=PAGE.name, max_bytes=2**24)
    want = expected(prepared)
    assert len(want) > 9 and any(w[4] is not None for w in want)
    real, calls = intake.store_rows, []

    def crash_on_the_third_batch(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("kill -9")  # the process dies mid-page
        return real(*args, **kwargs)

    monkeypatch.setattr(intake, "store_rows", crash_on_the_third_batch)
    with pytest.raises(RuntimeError):
        intake.store(engine, prepared, actor=Actor.cli())
    with session_scope(engine) as s:
        document = s.exec(select(Document)).one()
        assert document.complete is False
        assert verify_chain(s).ok
    assert len(stored(engine)) == 6  # two batches committed, the third rolled back

    monkeypatch.setattr(intake, "store_rows", real)
    again = CliRunner().invoke(main, ["ingest", str(PAGE)], env={"DATABASE_URL": database_url})
    assert again.exit_code == 0, again.output
    assert "completed:" in again.output and "cut short" in again.output
    assert stored(engine) == want  # every claim once, in order, parts linked to totals
    with session_scope(engine) as s:
        assert s.exec(select(Document)).one().complete is True
        extracted = s.exec(select(AuditEvent).where(AuditEvent.kind == "claim.extracted")).all()
        assert len(extracted) == len(want)
        assert (
            len(s.exec(select(AuditEvent).where(AuditEvent.kind == "document.ingested")).all()) == 1
        )
        assert verify_chain(s).ok
    third = CliRunner().invoke(main, ["ingest", str(PAGE)], env={"DATABASE_URL": database_url})
    assert "skipped" in third.output  # complete now: left alone


def test_batches_write_the_same_claims_as_one_transaction(engine, database_url, monkeypatch):
    monkeypatch.setattr(intake, "BATCH_CLAIMS", 2)
    prepared = intake.prepare(PAGE.read_bytes(), origin=PAGE.name, max_bytes=2**24)
    result = intake.store(engine, prepared, actor=Actor.cli())
    assert result.created and result.claims == len(expected(prepared))
    assert stored(engine) == expected(prepared)


def test_the_documents_page_says_a_document_is_incomplete(engine, client, monkeypatch):
    from tests.helpers import login, make_user

    monkeypatch.setattr(intake, "BATCH_CLAIMS", 3)
    prepared = intake.prepare(PAGE.read_bytes(), origin=PAGE.name, max_bytes=2**24)
    monkeypatch.setattr(intake, "store_rows", lambda *a, **k: (_ for _ in ()).throw(OSError()))
    with pytest.raises(OSError):
        intake.store(engine, prepared, actor=Actor.cli())
    make_user(engine, "amina", "reviewer")
    login(client, "amina")
    page = client.get("/documents").get_data(as_text=True)
    assert "incomplete" in page and "ingest or upload it again to finish" in page


def test_a_large_page_leaves_postgresql_with_statistics_of_its_claims(engine, monkeypatch):
    """Planned with the statistics of the table before it (an empty one), the queue
    of a new 100,000-claim page read every claim and sorted: 330 ms, not 20."""
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite's plans here assume no statistics (services/queue.py)")

    def estimated_rows() -> float:
        with engine.connect() as conn:
            found = conn.execute(text("SELECT reltuples FROM pg_class WHERE relname = 'claims'"))
            return found.scalar_one()

    prepared = intake.prepare(PAGE.read_bytes(), origin=PAGE.name, max_bytes=2**24)
    monkeypatch.setattr(intake, "ANALYZE_AFTER", len(expected(prepared)) + 1)
    intake.store(engine, prepared, actor=Actor.cli())
    assert estimated_rows() < 1  # a smaller page leaves it to autovacuum
    other = intake.prepare(PAGE.read_bytes() + b"\nOne more line.\n", origin="b.txt",
                           max_bytes=2**24)  # fmt: skip
    monkeypatch.setattr(intake, "ANALYZE_AFTER", 1)
    intake.store(engine, other, actor=Actor.cli())
    assert estimated_rows() == 2 * len(expected(prepared))
