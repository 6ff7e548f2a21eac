"""Read-only views of what has been ingested: documents and their articles."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime

from sqlalchemy import func
from sqlalchemy.orm import defer
from sqlmodel import Session, col, select

from claims_app.models import Article, Claim, Document, article_label
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


# A page may hold one article of megabytes (a bulletin of 100,000 figures): the
# lists and the workspace read its length and the characters they show, in SQL,
# never the whole text (whose reading and splitting took most of a workspace's
# 180 ms at 100,000 claims). raiseload: code that reaches for the whole text
# anyway fails in the tests instead of quietly reading megabytes.
NO_BODY = defer(Article.body, raiseload=True)
NO_TEXT = defer(Document.text, raiseload=True)
OPENING = 400  # characters: enough for the eight words that label an untitled article


@dataclass(frozen=True)
class ArticleHead:
    """An article and its document without their texts: what a page's heading needs."""

    article: Article  # body not loaded
    document: Document  # text not loaded
    length: int  # characters in the article's body
    opening: str  # its first OPENING characters

    @property
    def label(self) -> str:
        return article_label(self.article.title, self.opening)


@dataclass(frozen=True)
class ArticleWindow:
    """The part of an article shown around a claim: body[first:last]."""

    head: ArticleHead
    first: int
    last: int
    text: str


def article_head(session: Session, article_id: int) -> ArticleHead | None:
    found = session.exec(
        select(Article, func.length(Article.body), func.substr(Article.body, 1, OPENING))
        .options(NO_BODY)
        .where(Article.id == article_id)
    ).first()
    if found is None:
        return None
    article, length, opening = found
    return ArticleHead(article, _document(session, article.document_id), length, opening)


# Around a claim, the whole of an ordinary article; of a very long one, this many
# characters on either side of the claim (with that part's claims).
WINDOW = 8000


def article_around(session: Session, article_id: int, start: int, end: int) -> ArticleWindow | None:
    """The article around body[start:end]: the whole of it if it is under
    3 * WINDOW characters, else WINDOW characters on either side, read in one
    statement (SQL substr counts characters from 1, as Python does from 0)."""
    first, last = max(0, start - WINDOW), end + WINDOW
    found = session.exec(
        select(
            Article,
            func.length(Article.body),
            func.substr(Article.body, 1, 3 * WINDOW),
            func.substr(Article.body, first + 1, last - first),
        )
        .options(NO_BODY)
        .where(Article.id == article_id)
    ).first()
    if found is None:
        return None
    article, length, short, window = found
    head = ArticleHead(article, _document(session, article.document_id), length, short[:OPENING])
    if length <= 3 * WINDOW:
        return ArticleWindow(head, 0, length, short)
    return ArticleWindow(head, first, min(last, length), window)


def _document(session: Session, document_id: int) -> Document:
    return session.exec(select(Document).options(NO_TEXT).where(Document.id == document_id)).one()


def _claim_counts(session: Session, article_ids: list[int]) -> dict[int, int]:
    if not article_ids:
        return {}
    rows = session.exec(
        select(Claim.article_id, func.count())
        .where(col(Claim.article_id).in_(article_ids))
        .group_by(Claim.article_id)
    ).all()
    return dict(rows)


def _summarise(article: Article, chars: int, opening: str, claims: int) -> ArticleSummary:
    assert article.id is not None
    return ArticleSummary(
        id=article.id,
        position=article.position,
        title=article.title,
        section=article.section,
        published_on=article.published_on,
        date_source=article.date_source,
        chars=chars,
        claims=claims,
        preview=preview(opening),
        extraction_error=article.extraction_error,
    )


def list_documents(session: Session, document_id: int | None = None) -> list[DocumentSummary]:
    """Every document (or the one asked for), newest first, with its articles in page order."""
    found_docs = select(Document).options(NO_TEXT).order_by(col(Document.id).desc())
    found_articles = (
        select(Article, func.length(Article.body), func.substr(Article.body, 1, PREVIEW_CHARS * 2))
        .options(NO_BODY)
        .order_by(col(Article.document_id), col(Article.position))
    )
    if document_id is not None:
        found_docs = found_docs.where(Document.id == document_id)
        found_articles = found_articles.where(Article.document_id == document_id)
    docs = session.exec(found_docs).all()
    articles = session.exec(found_articles).all()
    counts = _claim_counts(session, [a.id for a, _, _ in articles if a.id is not None])
    by_doc: dict[int, list[ArticleSummary]] = {}
    for a, chars, opening in articles:
        summary = _summarise(a, chars, opening, counts.get(a.id or 0, 0))
        by_doc.setdefault(a.document_id, []).append(summary)
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
    return next(iter(list_documents(session, document_id)), None)


def get_article(session: Session, article_id: int) -> tuple[Article, Document] | None:
    article = session.get(Article, article_id)
    if article is None:
        return None
    return article, _document(session, article.document_id)
