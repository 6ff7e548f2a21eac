"""Bringing pages in: store the document, split it into articles, extract claims, audit it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from claims_app.extraction.decode import PageError, read_page
from claims_app.extraction.pages import split_page
from claims_app.models import Article, Document, utcnow
from claims_app.services.actors import Actor
from claims_app.services.audit import EventKind, record_event
from claims_app.services.extraction import Extracted, FailedArticle, extract_part, store_claims


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
    parts = split_page(page.text, page.published_on)
    if not parts:
        raise IngestError("has no news items that could be told apart (no article text found)")
    found = [extract_part(part.body, part.published_on) for part in parts]
    return PreparedPage(len(data), sha256_hex(data), origin, page, parts, found)


def store(session: Session, prepared: PreparedPage, *, actor: Actor) -> IngestResult:
    """Write a prepared page: the document, its articles, their claims and the audit
    events, in the caller's transaction, all or nothing. Inserts only: the
    transaction is as short as the rows it writes."""
    if existing := find_document(session, prepared.digest):
        return IngestResult(existing, created=False, articles=0, claims=0)
    page, parts = prepared.page, prepared.parts
    document = Document(
        origin=prepared.origin,
        sha256=prepared.digest,
        media_type=page.media_type,
        size_bytes=prepared.data_size,
        text=page.text,
        ingested_at=utcnow(),
        ingested_by=actor.name,
    )
    session.add(document)
    session.flush()
    articles = [_article_from(document, part) for part in parts]
    session.add_all(articles)
    session.flush()
    record_event(
        session,
        EventKind.DOCUMENT_INGESTED,
        actor=actor,
        target_type="document",
        target_id=document.id,
        document_id=document.id,
        after={
            "origin": prepared.origin,
            "sha256": prepared.digest,
            "media_type": page.media_type,
            "articles": len(parts),
        },
    )
    stored = store_claims(session, articles, actor=actor, found=prepared.found)
    return IngestResult(
        document, created=True, articles=len(parts), claims=stored.claims,
        failed=tuple(stored.failed),
    )  # fmt: skip


def ingest_document(
    session: Session, *, data: bytes, origin: str, actor: Actor, max_bytes: int
) -> IngestResult:
    """Prepare and store in one call, for callers with nothing to keep waiting (tests,
    one-off scripts). The desk's own paths prepare first, then open the transaction."""
    return store(session, prepare(data, origin=origin, max_bytes=max_bytes), actor=actor)


def _article_from(document: Document, part) -> Article:
    return Article(
        document_id=document.id,
        position=part.position,
        title=part.title,
        section=part.section,
        published_on=part.published_on,
        date_source=part.date_source,
        start_offset=part.start,
        body=part.body,
        body_sha256=sha256_hex(part.body.encode("utf-8")),
    )
