"""A whole page -> its articles' claims, with offsets into the page text.

This is what `claims extract` prints: one record per claim, in page order,
`part_of` pointing at another record of the same output.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from claims_app.extraction.claims import EXTRACTOR_VERSION, ExtractedClaim, extract_claims
from claims_app.extraction.pages import PageArticle, dates_its_reports, split_page
from claims_app.extraction.sentences import without_bullet


@dataclass(frozen=True)
class PageClaim:
    article_index: int
    article_date: date | None
    claim: ExtractedClaim  # offsets into the article body
    start: int  # offsets into the page text
    end: int
    part_of: int | None  # index in the page's list

    def as_record(self) -> dict[str, Any]:
        c = self.claim
        record = {
            "kind": c.kind,
            "article_index": self.article_index,
            "article_date": self.article_date.isoformat() if self.article_date else None,
            "sentence": without_bullet(c.sentence),
            "quote": c.quote,
            "start": self.start,
            "end": self.end,
        }
        fields = asdict(c)
        for key in ("value", "value_max", "unit", "qualifier", "category", "subject",
                    "location", "event_date", "attributed_to"):  # fmt: skip
            record[key] = fields[key]
        for key in ("value", "value_max"):
            if record[key] is not None and float(record[key]).is_integer():
                record[key] = int(record[key])
        record["part_of"] = self.part_of
        record["check_worthiness"] = c.check_worthiness
        record["why"] = list(c.reasons)
        record["extractor_version"] = EXTRACTOR_VERSION
        return record


def claims_of_article(article: PageArticle, offset: int, listed: int = 1) -> list[PageClaim]:
    """`listed`: how many articles the page holds."""
    out = []
    dated = dates_its_reports(article.date_source, listed)
    # Relative dates ("since 2022", "in the last 21 days") end when the figures stand.
    reference = article.data_day or article.published_on
    for c in extract_claims(article.body, reference, item_dated=dated):
        part_of = None if c.part_of is None else c.part_of + offset
        out.append(
            PageClaim(
                article.position,
                article.published_on,
                c,
                article.start + c.start,
                article.start + c.end,
                part_of,
            )
        )
    return out


def extract_page(
    text: str, fallback_date: date | None = None, received: date | None = None
) -> list[PageClaim]:
    """Every claim of the page; an article on which the extractor raises raises here.
    (`fallback_date`: the page's metadata date, for items its text leaves undated;
    `received`: the day it was read, the year of a year-less dateline on a page that
    names no year: see split_page.)"""
    claims: list[PageClaim] = []
    articles = split_page(text, fallback_date, received)
    for article in articles:
        claims.extend(claims_of_article(article, len(claims), len(articles)))
    return claims


@dataclass(frozen=True)
class ArticleFailure:
    article_index: int
    error: str  # "KeyError: 'b1'": what a person reads and the audit event keeps


def describe_error(exc: BaseException) -> str:
    """One line naming an extractor error, short enough for a message or an event."""
    text = f"{type(exc).__name__}: {exc}".splitlines()[0] if str(exc) else type(exc).__name__
    return text if len(text) <= 300 else text[:299] + "…"


def extract_page_guarded(
    text: str, fallback_date: date | None = None, received: date | None = None
) -> tuple[list[PageClaim], list[ArticleFailure]]:
    """Like extract_page, but an article that makes the extractor raise is reported
    and skipped: one unforeseen token must not cost the page's other articles."""
    claims: list[PageClaim] = []
    failures: list[ArticleFailure] = []
    articles = split_page(text, fallback_date, received)
    for article in articles:
        try:
            claims.extend(claims_of_article(article, len(claims), len(articles)))
        except Exception as exc:  # any extractor bug: reported, never hidden
            failures.append(ArticleFailure(article.position, describe_error(exc)))
    return claims, failures
