"""Kept copies of cited sources: asking for a fetch, and keeping what came back.

The fetch itself (evidence/fetching.py) runs with no transaction open: a slow site
must hold nobody. Only its outcome is written, in a short transaction, with its
audit event: a snapshot row (append-only) and the source's fetch state.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import Engine, func, or_
from sqlmodel import Session, col, select

from claims_app.db import session_scope
from claims_app.evidence.fetching import Fetched, FetchError, FetchRules, fetch
from claims_app.evidence.finding import (
    Found,
    SourceFigure,
    agreeing,
    gives_a_count,
    read_figures,
)
from claims_app.evidence.reading import ReadCopy, read_kept
from claims_app.evidence.uploads import Upload
from claims_app.incidents.matching import Report
from claims_app.models import Claim, FetchState, Source, SourceSnapshot, utcnow
from claims_app.services.actors import Actor
from claims_app.services.audit import EventKind, record_claim_event
from claims_app.services.review import REVIEWERS, ReviewError, require_role


def request_fetch(session: Session, source_id: int, *, actor: Actor) -> Source:
    """Mark the source as waiting for a fetch (the caller queues the job after commit).
    A person at the desk must be a reviewer or editor; the command line's operator
    (`claims sources recheck`) may always."""
    if actor.user_id is not None:
        require_role(actor, REVIEWERS, "fetch sources")
    source = _open_source(session, source_id)
    if not source.url:
        raise ReviewError("an uploaded source has no address to fetch: upload the new file")
    source.fetch_state = FetchState.QUEUED.value
    session.add(source)
    record_claim_event(session, EventKind.SOURCE_FETCH_REQUESTED, _claim(session, source),
                       actor=actor, after={"source_id": source.id, "url": source.url})  # fmt: skip
    return source


def read_copy(got: Fetched, published: date | None = None) -> ReadCopy:
    """A fetched body read (evidence/reading.read_kept): before any transaction opens."""
    return read_kept(got.body, got.content_type, got.charset, published=published,
                     received=got.fetched_at.date())  # fmt: skip


def keep_outcome(
    session: Session,
    source_id: int,
    outcome: Fetched | FetchError,
    *,
    url: str,
    actor: Actor,
    read: ReadCopy | None = None,
) -> SourceSnapshot:
    """Write what one fetch of `url` gave: a kept copy (`read`: its body read by
    read_copy, outside this transaction), or the reason there is none."""
    source = _open_source(session, source_id)
    if isinstance(outcome, FetchError):
        snapshot = SourceSnapshot(source_id=source_id, requested_url=url, error=outcome.reason,
                                  refused=outcome.refused, fetched_at=utcnow())  # fmt: skip
        source.fetch_state = FetchState.FAILED.value
        kind, after = EventKind.SOURCE_FETCH_FAILED, {"reason": outcome.reason}
    else:
        if read is None:
            raise ValueError("a kept copy is read before its transaction opens (read_copy)")
        snapshot = _snapshot(session, source, outcome, url, read)
        source.fetch_state = FetchState.FETCHED.value
        source.changed_since_cited = source.changed_since_cited or snapshot.changed
        kind, after = EventKind.SOURCE_FETCHED, {
            "final_url": snapshot.final_url, "status": snapshot.status,
            "sha256": snapshot.sha256, "changed": snapshot.changed,
        }  # fmt: skip
    session.add(snapshot)
    session.add(source)
    session.flush()
    after = {"source_id": source_id, "snapshot_id": snapshot.id, **after}
    record_claim_event(session, kind, _claim(session, source), actor=actor, after=after)
    return snapshot


def keep_upload(
    session: Session, source_id: int, upload: Upload, *, actor: Actor
) -> SourceSnapshot:
    """Keep the file a reviewer uploaded as the source's copy (read before the
    transaction: evidence/uploads.read_upload)."""
    source = _open_source(session, source_id)
    snapshot = SourceSnapshot(
        source_id=source_id, requested_url="", file_name=upload.file_name,
        content_type=upload.content_type, sha256=upload.sha256, size_bytes=len(upload.body),
        fetched_at=utcnow(), **_read_fields(upload.read),
    )  # fmt: skip
    source.fetch_state = FetchState.FETCHED.value
    session.add(snapshot)
    session.add(source)
    session.flush()
    after = {"source_id": source_id, "snapshot_id": snapshot.id,
             "file_name": upload.file_name, "sha256": snapshot.sha256}  # fmt: skip
    record_claim_event(session, EventKind.SOURCE_UPLOADED, _claim(session, source),
                       actor=actor, after=after)  # fmt: skip
    return snapshot


def fetch_and_keep(
    engine: Engine,
    source_id: int,
    *,
    rules: FetchRules,
    actor: Actor,
    retry_later: bool = False,
) -> SourceSnapshot:
    """Fetch the source's URL (no transaction open meanwhile), then keep the outcome.
    `retry_later`: a failure that may pass (a time-out, HTTP 503) is raised, not kept,
    for the queue to try again; its last try keeps it."""  # fmt: skip
    with session_scope(engine) as session:
        source = _open_source(session, source_id)
        url, published = source.url, source.published_on
    read = None
    try:
        outcome: Fetched | FetchError = fetch(url, rules)
        read = read_copy(outcome, published)
    except FetchError as exc:
        if retry_later and exc.transient:
            raise
        outcome = exc
    with session_scope(engine, write=True) as session:
        return keep_outcome(session, source_id, outcome, url=url, actor=actor, read=read)


def due_for_recheck(session: Session, *, older_than_days: float) -> list[int]:
    """Active sources whose newest copy is older than that, or that have none."""
    newest = (
        select(SourceSnapshot.source_id, func.max(SourceSnapshot.fetched_at).label("at"))
        .group_by(SourceSnapshot.source_id).subquery()
    )  # fmt: skip
    cutoff = utcnow() - timedelta(days=older_than_days)
    rows = session.exec(
        select(Source.id)
        .outerjoin(newest, newest.c.source_id == Source.id)
        .where(col(Source.removed_at).is_(None), Source.url != "")  # uploads: no address
        .where(or_(newest.c.at.is_(None), newest.c.at < cutoff))
        .order_by(col(Source.id))
    ).all()
    return list(rows)


@dataclass(frozen=True)
class KeptCopies:
    """A source's kept copies as exports and the report name them: the first (the
    page as it was when cited) and the newest, each by SHA-256 and time."""

    cited_sha256: str
    cited_at: datetime
    newest_sha256: str
    newest_at: datetime
    file_name: str | None = None  # an uploaded file's name


def kept_copies(session: Session, source_ids: list[int]) -> dict[int, KeptCopies]:
    """Each source's first and newest kept copy (fetched or uploaded), by source id."""
    if not source_ids:
        return {}
    ends = session.exec(
        select(SourceSnapshot.source_id, func.min(SourceSnapshot.id), func.max(SourceSnapshot.id))
        .where(col(SourceSnapshot.source_id).in_(source_ids))
        .where(col(SourceSnapshot.sha256).is_not(None))
        .group_by(SourceSnapshot.source_id)
    ).all()
    wanted = {i for _, first, last in ends for i in (first, last)}
    rows = {
        r.id: r
        for r in session.exec(
            select(SourceSnapshot.id, SourceSnapshot.sha256, SourceSnapshot.fetched_at,
                   SourceSnapshot.file_name).where(col(SourceSnapshot.id).in_(wanted))
        ).all()
    }  # fmt: skip
    return {
        source_id: KeptCopies(rows[first].sha256, rows[first].fetched_at, rows[last].sha256,
                              rows[last].fetched_at, rows[first].file_name)
        for source_id, first, last in ends
    }  # fmt: skip


def newest_copies(session: Session, source_ids: list[int]) -> dict[int, SourceSnapshot]:
    """Each source's newest fetch (kept copy or failure), by source id."""
    if not source_ids:
        return {}
    newest = (
        select(func.max(SourceSnapshot.id))
        .where(col(SourceSnapshot.source_id).in_(source_ids))
        .group_by(SourceSnapshot.source_id)
    )
    rows = session.exec(select(SourceSnapshot).where(col(SourceSnapshot.id).in_(newest))).all()
    return {r.source_id: r for r in rows}


def kept_copy(session: Session, claim_id: int, source_id: int) -> SourceSnapshot | None:
    """The newest kept copy (with text) of the claim's source, or None."""
    return session.exec(
        select(SourceSnapshot)
        .join(Source, Source.id == SourceSnapshot.source_id)
        .where(Source.id == source_id, Source.claim_id == claim_id)
        .where(col(SourceSnapshot.sha256).is_not(None))
        .order_by(col(SourceSnapshot.id).desc())
        .limit(1)
    ).first()


def figures_in_copies(
    claim: Claim, copies: dict[int, SourceSnapshot], published: dict[int, date | None]
) -> dict[int, list[Found]] | None:
    """Each kept copy's figures that agree with the claim's, by source id; None when
    the claim gives no count to look for (a date or an event)."""
    wanted = wanted_of(claim)
    if not gives_a_count(wanted):
        return None
    return {
        source_id: agreeing(wanted, copy.text or "", _figures_of(copy, published.get(source_id)))
        for source_id, copy in copies.items()
        if copy.sha256 is not None
    }


def _figures_of(copy: SourceSnapshot, published: date | None) -> list[SourceFigure]:
    if copy.figures is not None:
        return [SourceFigure.from_json(f) for f in copy.figures]
    received = copy.fetched_at.date() if copy.fetched_at else None
    return list(_read_once(copy.id, copy.text or "", published, received))


def wanted_of(claim: Claim) -> Report:
    """The claim's figure as the desk holds it now (corrections included)."""
    return Report(
        category=claim.category, unit=claim.unit, location=claim.location,
        start=claim.event_date_start, end=claim.event_date_end or claim.event_date_start,
        subject=claim.subject, value=claim.value, value_max=claim.value_max,
        qualifier=claim.qualifier, quote=claim.quote, breakdown=claim.part_of_id is not None,
    )  # fmt: skip


@lru_cache(maxsize=64)
def _read_once(
    snapshot_id: int | None, text: str, published: date | None, received: date | None
) -> tuple[SourceFigure, ...]:
    """A copy kept before figures were kept with it (migration 0015): read once per
    process, not on every look at the workspace (a kept copy never changes)."""
    return tuple(read_figures(text, published, received))


def snapshots_of(session: Session, source_id: int) -> list[SourceSnapshot]:
    """Every fetch of the source, oldest first."""
    return list(
        session.exec(
            select(SourceSnapshot)
            .where(SourceSnapshot.source_id == source_id)
            .order_by(col(SourceSnapshot.id))
        ).all()
    )


def _read_fields(read: ReadCopy) -> dict[str, Any]:
    """What a kept copy holds of its reading, fetched or uploaded alike."""
    source = read.source
    return {"title": source.title, "publisher": (source.publisher or "")[:256] or None,
            "text": source.text, "figures": [f.as_json() for f in read.figures]}  # fmt: skip


def _snapshot(
    session: Session, source: Source, got: Fetched, url: str, read: ReadCopy
) -> SourceSnapshot:
    before = session.exec(
        select(SourceSnapshot.sha256)
        .where(SourceSnapshot.source_id == source.id, col(SourceSnapshot.sha256).is_not(None))
        .order_by(col(SourceSnapshot.id).desc())
        .limit(1)
    ).first()
    return SourceSnapshot(
        source_id=source.id or 0, requested_url=url, final_url=got.final_url, status=got.status,
        content_type=got.content_type, sha256=got.sha256, size_bytes=len(got.body),
        changed=before is not None and before != got.sha256, fetched_at=got.fetched_at,
        **_read_fields(read),
    )  # fmt: skip


def _open_source(session: Session, source_id: int) -> Source:
    source = session.get(Source, source_id)
    if source is None or source.removed_at is not None:
        raise ReviewError(f"source {source_id} does not exist or was removed")
    return source


def _claim(session: Session, source: Source) -> Claim:
    claim = session.get(Claim, source.claim_id)
    assert claim is not None  # a source belongs to a claim (foreign key)
    return claim
