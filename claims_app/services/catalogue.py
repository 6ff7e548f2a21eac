"""Read-only views of what has been ingested: documents and their articles."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from claims_app.models import Article, Claim, Document
from claims_app.services.audit import iso_utc

PREVIEW_CHARS = 90


@dataclass(frozen=True)
class ArticleSummary:
    id: int
    position: int
    title: str | None
    section: str | None
    published_on: date | None
    date_source: str | None
    chars: int
    claims: int
    preview: str
    extraction_error: str | None = None  # the extractor raised: no claims from this one


@dataclass(frozen=True)
class DocumentSummary:
    id: int
    origin: str
    media_type: str
    sha256: str
    ingested_at: datetime
    ingested_by: str
    articles: list[ArticleSummary]
    complete: bool = True  # False: an ingest cut short; running it again completes it

    @property
    def claims(self) -> int:
        return sum(a.claims for a in self.articles)

    def as_dict(self) -> dict:
        data = asdict(self)
        data["ingested_at"] = iso_utc(self.ingested_at)
        for a in data["articles"]:
            a["published_on"] = a["published_on"].isoformat() if a["published_on"] else None
        return data


def preview(body: str) -> str:
    first = " ".join(body[: PREVIEW_CHARS * 2].split())
    return first if len(first) <= PREVIEW_CHARS else first[: PREVIEW_CHARS - 1] + "…"


def _claim_counts(session: Session, article_ids: list[int]) -> dict[int, int]:
    if not article_ids:
        return {}
    rows = session.exec(
        select(Claim.article_id, func.count())
        .where(col(Claim.article_id).in_(article_ids))
        .group_by(Claim.article_id)
    ).all()
    return dict(rows)


def _summarise(article: Article, claims: int) -> ArticleSummary:
    assert article.id is not None
    return ArticleSummary(
        id=article.id,
        position=article.position,
        title=article.title,
        section=article.section,
        published_on=article.published_on,
        date_source=article.date_source,
        chars=len(article.body),
        claims=claims,
        preview=preview(article.body),
        extraction_error=article.extraction_error,
    )


def list_documents(session: Session) -> list[DocumentSummary]:
    """Every document, newest first, with its articles in page order."""
    docs = session.exec(select(Document).order_by(col(Document.id).desc())).all()
    articles = session.exec(
        select(Article).order_by(col(Article.document_id), col(Article.position))
    ).all()
    counts = _claim_counts(session, [a.id for a in articles if a.id is not None])
    by_doc: dict[int, list[ArticleSummary]] = {}
    for a in articles:
        by_doc.setdefault(a.document_id, []).append(_summarise(a, counts.get(a.id or 0, 0)))
    return [
        DocumentSummary(
            id=d.id or 0,
            origin=d.origin,
            media_type=d.media_type,
            sha256=d.sha256,
            ingested_at=d.ingested_at or datetime.min,
            ingested_by=d.ingested_by,
            articles=by_doc.get(d.id or 0, []),
            complete=d.complete,
        )
        for d in docs
    ]


def get_document(session: Session, document_id: int) -> DocumentSummary | None:
    return next((d for d in list_documents(session) if d.id == document_id), None)


def get_article(session: Session, article_id: int) -> tuple[Article, Document] | None:
    article = session.get(Article, article_id)
    if article is None:
        return None
    document = session.get(Document, article.document_id)
    assert document is not None  # foreign key
    return article, document
