"""Bringing pages in: store the document, split it into articles, extract claims, audit it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, update
from sqlmodel import Session, select

from claims_app.db import refresh_statistics, session_scope
from claims_app.extraction.decode import PageError, read_page
from claims_app.extraction.pages import split_page
from claims_app.models import Article, Claim, Document, utcnow
from claims_app.services.actors import Actor
from claims_app.services.audit import EventKind, record_event
from claims_app.services.extraction import (
    Extracted,
    FailedArticle,
    extract_part,
    link_parts,
    record_extraction_failure,
    store_rows,
)
from claims_app.services.incidents import group_claims, incidents_of, refresh_conflicts


class IngestError(ValueError):
    """A page that cannot be ingested; the message is one line for the user."""


@dataclass(frozen=True)
class IngestResult:
    document: Document
    created: bool  # False: the same bytes were ingested before
    articles: int
    claims: int
    # Articles the extractor raised on: stored without claims, each with its error.
    failed: tuple[FailedArticle, ...] = ()
    resumed: bool = False  # an ingest cut short before, completed now

    def failure_note(self) -> str | None:
        """One line on articles stored without claims, or None when there are none."""
        if not self.failed:
            return None
        which = ", ".join(f"article {f.position} ({f.error})" for f in self.failed[:3])
        more = f" and {len(self.failed) - 3} more" if len(self.failed) > 3 else ""
        return (
            f"claims could not be extracted from {which}{more}; the document and its other "
            f"articles are stored, and `claims reextract --document {self.document.id}` "
            "tries again"
        )


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def human_size(n: int) -> str:
    if n >= 2**20:
        return f"{n / 2**20:.1f} MB".replace(".0 MB", " MB")
    if n >= 2**10:
        return f"{n / 2**10:.1f} KB".replace(".0 KB", " KB")
    return f"{n} bytes"


def check_size(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise IngestError(f"is {human_size(size)}, over the {human_size(max_bytes)} limit")


def find_document(session: Session, digest: str) -> Document | None:
    return session.exec(select(Document).where(Document.sha256 == digest)).first()


@dataclass(frozen=True)
class PreparedPage:
    """A page read, split and extracted, with no database touched: the slow part of
    ingest, done before any transaction so that nobody waits on it (a 19 MB page
    took 47 s to extract, and its write transaction held every reviewer that long)."""

    data_size: int
    digest: str
    origin: str
    page: Any  # decode.Page: the text, media type and page date
    parts: list  # pages.Part: the articles, in order
    found: list[Extracted]  # per part: its claims, or the error the extractor raised


def prepare(data: bytes, *, origin: str, max_bytes: int) -> PreparedPage:
    """Read, split and extract a page; pure work, no database. Raises IngestError."""
    check_size(len(data), max_bytes)
    try:
        page = read_page(data, origin)
    except PageError as exc:
        raise IngestError(str(exc)) from None
    parts = split_page(page.text, page.published_on, received=utcnow().date())
    if not parts:
        raise IngestError("has no news items that could be told apart (no article text found)")
    found = [
        extract_part(p.body, p.data_day or p.published_on, p.date_source, len(parts)) for p in parts
    ]
    return PreparedPage(len(data), sha256_hex(data), origin, page, parts, found)


# Claims per write transaction: short enough that a reviewer's write waits at most
# a fraction of a second behind one, long enough that a page is not a transaction
# per claim.
BATCH_CLAIMS = 500


def store(engine: Engine, prepared: PreparedPage, *, actor: Actor) -> IngestResult:
    """Write a prepared page in short transactions: the document and its articles,
    then its claims and their audit events a batch at a time, the document marked
    complete with the last batch. Inserts only, extraction is done already.

    Cut short (a crash, kill -9), the document stays incomplete with the claims of
    the batches that committed; running the same ingest again finds it and writes
    the rest (the extractor is deterministic, so the first claims are the ones
    already written). A document already complete is found and left alone.
    """
    with session_scope(engine, write=True) as session:
        existing = find_document(session, prepared.digest)
        if existing is not None and existing.complete:
            return IngestResult(existing, created=False, articles=0, claims=0)
        document = existing or _new_document(session, prepared, actor)
        articles = _articles_of(session, document)
        written = _claim_ids(session, document) if existing is not None else []
    steps = _steps(articles, prepared.found)
    failed, start = [], 0
    while True:
        chunk, start, last = _next_chunk(steps, start)
        with session_scope(engine, write=True) as session:
            failed += _write_chunk(session, document, chunk, written, actor, last=last, steps=steps)
        if last:
            break
    stored = sum(1 for step in steps if step[0] == "claim")
    if stored >= ANALYZE_AFTER:
        refresh_statistics(engine)
    return IngestResult(
        document, created=existing is None, articles=len(articles), claims=stored,
        failed=tuple(failed), resumed=existing is not None,
    )  # fmt: skip


# A page of this many claims changes what PostgreSQL's planner should know of the
# tables it fills (db.refresh_statistics says why that matters).
ANALYZE_AFTER = 10_000


def _new_document(session: Session, prepared: PreparedPage, actor: Actor) -> Document:
    page, parts = prepared.page, prepared.parts
    document = Document(
        origin=prepared.origin, sha256=prepared.digest, media_type=page.media_type,
        size_bytes=prepared.data_size, text=page.text, ingested_at=utcnow(),
        ingested_by=actor.name, complete=False,
    )  # fmt: skip
    session.add(document)
    session.flush()
    session.add_all([_article_from(document, part) for part in parts])
    session.flush()
    record_event(
        session, EventKind.DOCUMENT_INGESTED, actor=actor, target_type="document",
        target_id=document.id, document_id=document.id,
        after={"origin": prepared.origin, "sha256": prepared.digest,
               "media_type": page.media_type, "articles": len(parts)},
    )  # fmt: skip
    return document


def _articles_of(session: Session, document: Document) -> list[Article]:
    query = select(Article).where(Article.document_id == document.id).order_by(Article.position)
    return list(session.exec(query).all())


def _claim_ids(session: Session, document: Document) -> list[int]:
    """The ids of the claims already written for the document, in the order written
    (ids only grow: each batch draws them after the last)."""
    query = (
        select(Claim.id)
        .join(Article, Article.id == Claim.article_id)
        .where(Article.document_id == document.id)
        .order_by(Claim.id)
    )
    return list(session.exec(query).all())


def _steps(articles: list[Article], found: list[Extracted]) -> list[tuple]:
    """The page's writes in order: ("failed", article, error) for an article the
    extractor raised on; ("claim", article, claim, row, row of its total) for each
    claim, `row` counting the page's claims from 0."""
    steps: list[tuple] = []
    row = 0
    for article, extracted in zip(articles, found, strict=True):
        if extracted.error is not None:
            steps.append(("failed", article, extracted.error))
            continue
        first = row
        for item in extracted.claims:
            whole = None if item.part_of is None else first + item.part_of
            steps.append(("claim", article, item, row, whole))
            row += 1
    return steps


def _next_chunk(steps: list[tuple], start: int) -> tuple[list[tuple], int, bool]:
    end, claims = start, 0
    while end < len(steps) and claims < BATCH_CLAIMS:
        claims += steps[end][0] == "claim"
        end += 1
    return steps[start:end], end, end >= len(steps)


def _write_chunk(
    session: Session, document: Document, chunk: list[tuple], written: list[int],
    actor: Actor, *, last: bool, steps: list[tuple],
) -> list[FailedArticle]:  # fmt: skip
    """One batch: its failed articles recorded (once), its claims not written yet
    inserted (their ids appended to `written`); with the last batch, every part
    linked to its total and the document marked complete."""
    failed, new = [], []
    for step in chunk:
        if step[0] == "failed":
            article = session.get(Article, step[1].id)
            failed.append(FailedArticle(document.id, article.position, step[2]))
            if article.extraction_error is None:  # not recorded by an earlier run
                record_extraction_failure(session, article, step[2], actor=actor)
        elif step[3] >= len(written):  # earlier batches, or an earlier run, wrote the rest
            new.append((step[1], step[2]))
    if new:
        ids = store_rows(session, new, actor=actor)
        written += ids
        group_claims(session, ids, actor=actor)
    if last:  # all ids known now: a total may come after its parts
        links = [
            (written[s[3]], written[s[4]]) for s in steps if s[0] == "claim" and s[4] is not None
        ]
        link_parts(session, links)
        if links:  # a part is never held against its total: conflicts again
            refresh_conflicts(session, incidents_of(session, [part for part, _ in links]))
        session.execute(
            update(Document).where(Document.id == document.id).values(complete=True)  # type: ignore[arg-type]
        )
    return failed


def ingest_document(
    session: Session, *, data: bytes, origin: str, actor: Actor, max_bytes: int
) -> IngestResult:
    """Prepare and store a page in the caller's transaction, whole: for tests and
    one-off scripts that build a database. The desk's own paths (the CLI, the
    upload, demo-data) prepare first and then `store` in short transactions."""
    prepared = prepare(data, origin=origin, max_bytes=max_bytes)
    if existing := find_document(session, prepared.digest):
        return IngestResult(existing, created=False, articles=0, claims=0)
    document = _new_document(session, prepared, actor)
    articles = _articles_of(session, document)
    steps, written = _steps(articles, prepared.found), []
    failed = _write_chunk(session, document, steps, written, actor, last=True, steps=steps)
    return IngestResult(
        document, created=True, articles=len(articles), claims=len(written),
        failed=tuple(failed),
    )  # fmt: skip


def _article_from(document: Document, part) -> Article:
    return Article(
        document_id=document.id,
        position=part.position,
        title=part.title,
        section=part.section,
        published_on=part.published_on,
        date_source=part.date_source,
        data_day=part.data_day,
        start_offset=part.start,
        body=part.body,
        body_sha256=sha256_hex(part.body.encode("utf-8")),
    )
