"""Storing what the extractor finds, and running a newer extractor over old articles.

Re-extraction must never destroy reviewers' work:
- a stored claim that the new run finds again (same article, same span, same
  value) keeps its id; fields the new run reads differently are updated on
  unreviewed claims only, each change an audit event;
- a claim the new run no longer finds is removed only if nobody has touched
  it (status new, no assignee, no sources, verdicts or comments);
- claims the new run finds for the first time are added.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import Engine, bindparam, exists, insert, or_, update
from sqlmodel import Session, col, func, select

from claims_app.db import draw_ids, session_scope
from claims_app.extraction.claims import EXTRACTOR_VERSION, ExtractedClaim, extract_claims
from claims_app.extraction.page_claims import describe_error
from claims_app.extraction.pages import dates_its_reports
from claims_app.extraction.sentences import without_bullet
from claims_app.models import Article, Claim, ClaimStatus, Comment, Source, Verdict, utcnow
from claims_app.services.actors import Actor
from claims_app.services.audit import (
    EventKind,
    record_claim_event,
    record_claim_events,
    record_event,
)
from claims_app.services.incidents import group_claims, refresh_conflicts

# Fields the extractor owns; reviewers' corrections live in the same columns
# but only on claims that have been reviewed, which re-extraction never edits.
EXTRACTED_FIELDS = (
    "kind", "quote", "sentence", "value", "value_max", "unit", "qualifier", "category",
    "subject", "location", "event_date", "event_date_start", "event_date_end",
    "attributed_to", "check_worthiness",
)  # fmt: skip


@dataclass
class ReextractTally:
    kept: int = 0
    updated: int = 0
    added: int = 0
    removed: int = 0
    protected: int = 0  # vanished from the new run but reviewed, so kept
    held: int = 0  # read differently by the new run but reviewed, so left as they were
    failed: list[FailedArticle] = field(default_factory=list)  # the extractor raised

    def summary(self) -> str:
        return (
            f"claims: {self.kept} unchanged, {self.updated} updated, {self.added} added, "
            f"{self.removed} removed, {self.protected + self.held} kept as reviewed "
            f"({self.held} read differently now, {self.protected} no longer found)"
            + (f", {len(self.failed)} articles failed" if self.failed else "")
        )


def _fields(found: ExtractedClaim) -> dict:
    return {
        "kind": found.kind, "quote": found.quote, "sentence": without_bullet(found.sentence),
        "value": found.value, "value_max": found.value_max, "unit": _fit(found.unit, 64),
        "qualifier": found.qualifier, "category": found.category,
        "subject": _fit(found.subject, 256), "location": _fit(found.location, 256),
        "event_date": found.event_date,
        "event_date_start": found.event_date_first, "event_date_end": found.event_date_last,
        "context_start": found.context_first, "context_end": found.context_last,
        "attributed_to": _fit(found.attributed_to, 256),
        "check_worthiness": found.check_worthiness,
    }  # fmt: skip


def _fit(text: str | None, limit: int) -> str | None:
    """Within its column (PostgreSQL enforces VARCHAR lengths; any page may hold a
    100-letter "word"): cut, marked with an ellipsis."""
    return text if text is None or len(text) <= limit else text[: limit - 1] + "…"


# What a claim.extracted / claim.removed event records about the claim.
SUMMARY_FIELDS = (
    "kind", "quote", "start_offset", "end_offset", "value", "value_max", "qualifier",
    "category", "unit", "subject", "location", "event_date", "attributed_to",
    "extractor_version",
)  # fmt: skip


def _summary(claim: Claim) -> dict:
    return {name: getattr(claim, name) for name in SUMMARY_FIELDS}


def _claim_row(article: Article, found: ExtractedClaim) -> dict:
    now = utcnow()
    return {
        "article_id": article.id, "start_offset": found.start, "end_offset": found.end,
        "extractor_version": EXTRACTOR_VERSION, "status": ClaimStatus.NEW.value,
        "version": 1, "created_at": now, "updated_at": now, **_fields(found),
    }  # fmt: skip


def _new_claim(article: Article, found: ExtractedClaim) -> Claim:
    return Claim(**_claim_row(article, found))


def _link_parts(session: Session, claims: list[Claim], found: list[ExtractedClaim]) -> None:
    for claim, item in zip(claims, found, strict=True):
        part_of = claims[item.part_of].id if item.part_of is not None else None
        if claim.part_of_id != part_of:
            claim.part_of_id = part_of
            session.add(claim)


def _add(session: Session, article: Article, found: ExtractedClaim, actor: Actor) -> Claim:
    claim = _new_claim(article, found)
    session.add(claim)
    session.flush()
    record_claim_event(
        session, EventKind.CLAIM_EXTRACTED, claim, actor=actor,
        document_id=article.document_id, after=_summary(claim),
    )  # fmt: skip
    return claim


@dataclass(frozen=True)
class FailedArticle:
    document_id: int
    position: int
    error: str


@dataclass(frozen=True)
class StoredClaims:
    claims: int
    failed: list[FailedArticle]


@dataclass(frozen=True)
class Extracted:
    """What the extractor made of one article's text: its claims, or its error."""

    claims: list[ExtractedClaim]
    error: str | None = None


def extract_part(
    body: str, published_on, date_source: str | None = None, listed: int = 1
) -> Extracted:
    """Extract one article's claims; pure work, no database (run it outside any
    transaction). `published_on`: the day its relative dates end (its data day, else
    its date). An extractor bug becomes the article's recorded error.
    (`listed`: how many articles its page holds; with `date_source`, whether the
    article's date is the day of what it reports.)"""
    try:
        dated = dates_its_reports(date_source, listed)
        return Extracted(extract_claims(body, published_on, item_dated=dated))
    except Exception as exc:  # any extractor bug: recorded, never hidden
        return Extracted([], describe_error(exc))


def _articles_of(session: Session, article: Article) -> int:
    return session.exec(
        select(func.count()).where(Article.document_id == article.document_id)
    ).one()


def extract_or_record(
    session: Session, article: Article, *, actor: Actor, found: Extracted | None = None
) -> list[ExtractedClaim] | None:
    """The article's claims (extracted now, or `found` before), or None when the
    extractor raised on it.

    Then the article keeps its text but no claims: the error is kept on the
    article (the documents screen shows it) and recorded as an audit event, in
    the caller's transaction, so the rest of the page is still stored.
    """
    found = (
        found
        if found is not None
        else extract_part(
            article.body,
            article.data_day or article.published_on,
            article.date_source,
            _articles_of(session, article),
        )
    )
    if found.error is not None:
        record_extraction_failure(session, article, found.error, actor=actor)
        return None
    if article.extraction_error is not None:
        article.extraction_error = None  # a newer extractor read it
        session.add(article)
    return found.claims


def record_extraction_failure(session: Session, article: Article, error: str, *, actor: Actor):
    """The article keeps its text but no claims; its error is kept on it (the documents
    screen shows it) and recorded as an audit event."""
    article.extraction_error = error
    session.add(article)
    record_event(
        session, EventKind.ARTICLE_EXTRACTION_FAILED, actor=actor, target_type="article",
        target_id=article.id, document_id=article.document_id,
        after={"position": article.position, "error": error,
               "extractor_version": EXTRACTOR_VERSION},
    )  # fmt: skip


def store_rows(
    session: Session, found: Sequence[tuple[Article, ExtractedClaim]], *, actor: Actor
) -> list[int]:
    """Insert claims (article, claim) in order, with their claim.extracted events, as
    rows (the bulk path); returns their ids, in the same order. Parts are linked to
    their totals by `link_parts`, once the totals' ids are known."""
    rows = [_claim_row(article, item) for article, item in found]
    ids = draw_ids(session, "claims", len(rows))
    for claim_id, row in zip(ids, rows, strict=True):
        row["id"] = claim_id
    session.execute(insert(Claim.__table__), rows)  # type: ignore[attr-defined]
    record_claim_events(
        session, EventKind.CLAIM_EXTRACTED,
        [(i, article.document_id, {n: row[n] for n in SUMMARY_FIELDS})
         for i, row, (article, _item) in zip(ids, rows, found, strict=True)],
        actor=actor,
    )  # fmt: skip
    return ids


def link_parts(session: Session, links: Sequence[tuple[int, int]]) -> None:
    """Point each part (claim id) at its total (claim id)."""
    if links:
        table = Claim.__table__  # type: ignore[attr-defined]
        session.execute(
            update(table)
            .where(table.c.id == bindparam("claim"))
            .values(part_of_id=bindparam("whole")),
            [{"claim": part, "whole": whole} for part, whole in links],
        )


def _failure(article: Article) -> FailedArticle:
    return FailedArticle(article.document_id, article.position, article.extraction_error or "")


def is_reviewed(session: Session, claim: Claim) -> bool:
    """Has a person touched this claim? Then no extractor may change or drop it."""
    if claim.status != ClaimStatus.NEW.value or claim.assignee_id is not None:
        return True
    cid = claim.id
    return bool(
        session.exec(
            select(
                or_(
                    exists().where(col(Source.claim_id) == cid),
                    exists().where(col(Verdict.claim_id) == cid),
                    exists().where(col(Comment.claim_id) == cid),
                )
            )
        ).one()
    )


def _changes(claim: Claim, found: ExtractedClaim) -> tuple[dict, dict]:
    fresh = _fields(found)
    before = {k: getattr(claim, k) for k in EXTRACTED_FIELDS if getattr(claim, k) != fresh[k]}
    return before, {k: fresh[k] for k in before}


def reextract_article(
    session: Session,
    article: Article,
    *,
    actor: Actor,
    tally: ReextractTally,
    extracted: Extracted | None = None,
) -> None:
    """Bring the article's stored claims in line with the extractor's reading
    (`extracted`, made beforehand with no transaction open, or now)."""
    found = extract_or_record(session, article, actor=actor, found=extracted)
    if found is None:
        tally.failed.append(_failure(article))
        return  # its stored claims stay as they are
    stored = session.exec(select(Claim).where(Claim.article_id == article.id)).all()
    by_key = {(c.start_offset, c.end_offset, c.value): c for c in stored}
    matched: list[Claim] = []
    to_group: list[Claim] = []  # new, or read differently: placed (again) below
    for item in found:
        claim = by_key.pop((item.start, item.end, item.value), None)
        if claim is None:
            claim = _add(session, article, item, actor)
            tally.added += 1
            to_group.append(claim)
        elif _refresh(session, claim, item, actor, tally):
            to_group.append(claim)
        matched.append(claim)
    _link_parts(session, matched, found)
    left = {c.incident_id for c in to_group} | {c.incident_id for c in by_key.values()}
    for claim in by_key.values():
        _retire(session, claim, actor, tally)
    _regroup(session, to_group, left, actor)


def _regroup(session: Session, claims: list[Claim], left: set[int | None], actor: Actor) -> None:
    """Claims new or changed by a re-extraction leave their incident and are placed
    again by what they now say; the incidents they left are checked again."""
    claims = [c for c in claims if not c.incident_pinned]  # a person placed those
    for claim in claims:
        claim.incident_id, claim.incident_reason, claim.figure_conflict = None, None, False
        session.add(claim)
    session.flush()
    group_claims(session, [c.id for c in claims if c.id is not None], actor=actor)
    refresh_conflicts(session, left)


def _refresh(
    session: Session, claim: Claim, item: ExtractedClaim, actor: Actor, tally: ReextractTally
) -> bool:
    """Apply a new reading to an unreviewed claim; True if it changed."""
    before, after = _changes(claim, item)
    if not before:
        tally.kept += 1
        return False
    if is_reviewed(session, claim):
        tally.held += 1  # a reviewer's work stands; the new reading is not applied
        return False
    for key, value in after.items():
        setattr(claim, key, value)
    claim.extractor_version, claim.updated_at = EXTRACTOR_VERSION, utcnow()
    claim.version += 1
    session.add(claim)
    record_claim_event(
        session, EventKind.CLAIM_REEXTRACTED, claim, actor=actor, before=before, after=after
    )
    tally.updated += 1
    return True


def _retire(session: Session, claim: Claim, actor: Actor, tally: ReextractTally) -> None:
    if is_reviewed(session, claim):
        tally.protected += 1
        return
    for child in session.exec(select(Claim).where(Claim.part_of_id == claim.id)).all():
        child.part_of_id = None
        session.add(child)
    session.flush()
    record_claim_event(session, EventKind.CLAIM_REMOVED, claim, actor=actor, before=_summary(claim))
    session.delete(claim)
    tally.removed += 1


def reextract_document(
    session: Session, document_id: int, *, actor: Actor, tally: ReextractTally
) -> None:
    """Re-extract a document in the caller's one transaction (small documents, tests)."""
    articles = session.exec(select(Article).where(Article.document_id == document_id)).all()
    for article in articles:
        reextract_article(session, article, actor=actor, tally=tally)


def reextract_stored_document(
    engine: Engine, document_id: int, *, actor: Actor, tally: ReextractTally
) -> None:
    """Re-extract a document without holding the database while the extractor thinks.

    Each article is read in a short read, extracted with no transaction open, then
    its changes written in a transaction of their own (reviewers' writes go between
    them, as with ingest). A run cut short leaves every article either re-read or as
    it was; running it again finishes the rest, since an article already in line
    with the extractor changes nothing.
    """
    with session_scope(engine) as session:
        ids = session.exec(
            select(Article.id).where(Article.document_id == document_id).order_by(Article.position)
        ).all()
    for article_id in ids:
        with session_scope(engine) as session:
            body, reference, date_source = session.exec(
                select(
                    Article.body,
                    func.coalesce(Article.data_day, Article.published_on),
                    Article.date_source,
                ).where(Article.id == article_id)
            ).one()
        extracted = extract_part(body, reference, date_source, len(ids))
        with session_scope(engine, write=True) as session:
            article = session.get(Article, article_id)
            reextract_article(session, article, actor=actor, tally=tally, extracted=extracted)


def outdated_documents(session: Session) -> list[int]:
    """Documents holding claims from an older extractor version (or none at all)."""
    stale = (
        select(Article.document_id)
        .join(Claim, Claim.article_id == Article.id)
        .where(Claim.extractor_version != EXTRACTOR_VERSION)
    )
    return sorted(set(session.exec(stale).all()))
