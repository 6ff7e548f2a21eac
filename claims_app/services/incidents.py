"""Incidents: each new figure placed with the other reports of the same event.

`group_claims` runs in the transaction that stores the claims (ingest, a batch
at a time) and looks only at candidate incidents of the same kind whose days
overlap, through an index (kind, date_start, date_end), never at every stored
claim. A figure joins the first candidate whose key (its first report) it
matches (incidents/matching.py), with the reason in words; if none, it starts
an incident of its own. Then each touched incident's comparable figures are
held against each other, and a figure no count can reconcile with another is
marked `figure_conflict`. Every placement is a `claim.grouped` audit event.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, and_, bindparam, func, insert, or_, update
from sqlmodel import Session, col, select

from claims_app.db import draw_ids, refresh_statistics, session_scope
from claims_app.incidents.intervals import figure_interval, reported_range
from claims_app.incidents.matching import (
    KINDS,
    SHORT_PERIOD_DAYS,
    Report,
    groupable,
    in_conflict,
    index_words,
    same_incident,
    span_kind,
)
from claims_app.models import (
    Article,
    AuditEvent,
    Claim,
    Document,
    Incident,
    Verdict,
    utcnow,
)
from claims_app.services.actors import Actor
from claims_app.services.audit import EventKind, record_claim_events

_REPORT_COLUMNS = (
    Claim.id, Claim.category, Claim.unit, Claim.location, Claim.event_date_start,
    Claim.event_date_end, Claim.context_start, Claim.context_end, Claim.subject, Claim.value,
    Claim.value_max, Claim.qualifier, Claim.quote, Claim.part_of_id, Claim.incident_id,
    Article.document_id,
)  # fmt: skip


def as_report(row) -> Report:
    return Report(
        category=row.category, unit=row.unit, location=row.location,
        start=row.event_date_start or row.context_start,
        end=row.event_date_end or row.context_end, subject=row.subject,
        value=row.value, value_max=row.value_max, qualifier=row.qualifier,
        quote=row.quote, breakdown=row.part_of_id is not None,
        dated_by_context=row.event_date_start is None and row.context_start is not None,
    )  # fmt: skip


def incident_report(incident) -> Report:
    """An incident's key as a report: its first figure's kind, unit, place, days, subject
    (a row of `_KEY_COLUMNS`)."""
    return Report(
        category=incident.category, unit=incident.unit, location=incident.place,
        start=incident.date_start, end=incident.date_end, subject=incident.subject,
        value=0, qualifier="exact",
    )  # fmt: skip


# What grouping reads of a candidate incident: plain rows, not ORM objects (a page's
# batch may weigh against thousands of them at a million stored claims).
_KEY_COLUMNS = (
    Incident.id, Incident.category, Incident.unit, Incident.place, Incident.date_start,
    Incident.date_end, Incident.subject,
)  # fmt: skip


IN_LIST = 500  # ids per IN (...) list: bounded, whatever the batch


def _in_chunks(ids: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(ids), IN_LIST):
        yield ids[start : start + IN_LIST]


def report_rows(session: Session, claim_ids: Sequence[int]) -> list:
    found = []
    for chunk in _in_chunks(claim_ids):
        found += session.exec(
            select(*_REPORT_COLUMNS)
            .join(Article, Article.id == Claim.article_id)
            .where(col(Claim.id).in_(chunk))
            .order_by(Claim.id)
        ).all()
    return found


def _candidates(session: Session, reports: list[Report]) -> list:
    """Incidents a report of the batch could join: of its kind, starting on a day a
    match can start (`_first_days`: at most a short period before the report's
    first day; a running total's own first day). Those days, per kind, are looked
    up in the index on (kind, date_start), 500 to a statement: a batch of one
    article's figures is a statement or two, and a batch spread over five years
    (regrouping stored claims) never reads the incidents of the years between
    (reading them made regrouping 100,000 stored claims take a quarter of an hour)."""
    days: dict[str, set[date]] = defaultdict(set)
    for r in reports:
        if r.start and r.end:
            days[r.kind or ""].update(_first_days(r))
    found: dict[int, Any] = {}
    for kind, wanted in days.items():
        for chunk in _in_chunks(sorted(wanted)):
            for row in session.exec(
                select(*_KEY_COLUMNS)
                .where(Incident.kind == kind, col(Incident.date_start).in_(chunk))
            ).all():  # fmt: skip
                found[row.id] = row
    return [found[i] for i in sorted(found)]


@dataclass
class _Key:
    """An incident as the grouping sees it: its id (None until a new one is
    inserted) and its first report."""

    id: int | None
    report: Report


@dataclass
class Placement:
    claim_id: int
    document_id: int
    key: _Key
    reason: str


class _Keys:
    """Incidents by (kind, unit, place word, first day): a figure is held only against
    those sharing a word of its place, as any name containing or inside its own
    must, and starting on a day it could match (a short period before its first
    day at most; a running total only on its own first day). Holding each figure
    against every candidate of its batch's days cost 98,000 comparisons for 600
    synthetic articles, and 850,000 for 17,000 stored claims of eight places."""

    def __init__(self) -> None:
        self._index: dict[tuple, list[tuple[int, _Key]]] = defaultdict(list)
        self._count = 0

    def add(self, key: _Key) -> None:
        r = key.report
        for word in index_words(r.location or ""):
            self._index[(r.kind, r.unit, word, r.start)].append((self._count, key))
        self._count += 1

    def match(self, report: Report) -> tuple[_Key, str] | None:
        """The first incident (oldest first) whose key the report matches, and why."""
        found: dict[int, _Key] = {}
        for word in index_words(report.location or ""):
            for day in _first_days(report):
                found.update(self._index.get((report.kind, report.unit, word, day), ()))
        for _, key in sorted(found.items(), key=lambda item: item[0]):
            if why := same_incident(report, key.report):
                return key, why
        return None


def _first_days(report: Report) -> list[date]:
    """The days an incident matching the report can start on (see _candidates)."""
    assert report.start and report.end
    if span_kind(report.start, report.end) == "total":
        return [report.start]
    first = report.start - timedelta(days=SHORT_PERIOD_DAYS - 1)
    return [first + timedelta(days=n) for n in range((report.end - first).days + 1)]


def group_claims(session: Session, claim_ids: Sequence[int], *, actor: Actor) -> int:
    """Place each of these claims (not placed yet) in its incident; returns how many
    were placed. In the caller's transaction, with the claims' own writes."""
    rows = [r for r in report_rows(session, claim_ids) if r.incident_id is None]
    reports = {r.id: as_report(r) for r in rows}
    wanted = [r for r in rows if groupable(reports[r.id])]
    if not wanted:
        return 0
    keys = _Keys()
    words = {w for r in wanted for w in index_words(reports[r.id].location or "")}
    for incident in _candidates(session, [reports[r.id] for r in wanted]):
        if words.intersection(index_words(incident.place)):  # else no report can match it
            keys.add(_Key(incident.id, incident_report(incident)))
    placements, fresh = [], []
    for row in wanted:
        report = reports[row.id]
        if found := keys.match(report):
            placements.append(Placement(row.id, row.document_id, *found))
            continue
        key = _Key(None, report)
        keys.add(key)
        fresh.append(key)
        placements.append(Placement(row.id, row.document_id, key, FIRST_REPORT))
    _insert_incidents(session, fresh)
    _write(session, placements, actor)
    refresh_conflicts(session, {p.key.id for p in placements})
    return len(placements)


FIRST_REPORT = "the first report of this incident"


def _insert_incidents(session: Session, keys: list[_Key]) -> None:
    """New incidents as one INSERT, their ids drawn first (as ingest draws claims')."""
    if not keys:
        return
    for key, incident_id in zip(keys, draw_ids(session, "incidents", len(keys)), strict=True):
        key.id = incident_id
    now = utcnow()
    session.execute(insert(Incident.__table__), [{  # type: ignore[attr-defined]
        "id": k.id, "kind": k.report.kind, "category": k.report.category, "unit": k.report.unit,
        "place": k.report.location, "subject": k.report.subject, "date_start": k.report.start,
        "date_end": k.report.end, "conflict": False, "created_at": now,
    } for k in keys])  # fmt: skip


def _write(session: Session, placements: list[Placement], actor: Actor) -> None:
    table = Claim.__table__  # type: ignore[attr-defined]
    session.execute(
        update(table)
        .where(table.c.id == bindparam("claim"))
        .values(incident_id=bindparam("incident"), incident_reason=bindparam("reason")),
        [{"claim": p.claim_id, "incident": p.key.id, "reason": p.reason} for p in placements],
    )
    record_claim_events(
        session, EventKind.CLAIM_GROUPED,
        [(p.claim_id, p.document_id, {"incident_id": p.key.id, "why": p.reason})
         for p in placements],
        actor=actor,
    )  # fmt: skip


def refresh_conflicts(session: Session, incident_ids: Iterable[int | None]) -> None:
    """Mark, in each incident, the figures no count reconciles with another of its
    comparable figures, and the incident itself if it has any."""
    ids = sorted(i for i in set(incident_ids) if i is not None)
    if not ids:
        return
    members: dict[int, list] = defaultdict(list)
    for chunk in _in_chunks(ids):
        for row in session.exec(
            select(*_REPORT_COLUMNS).join(Article, Article.id == Claim.article_id)
            .where(col(Claim.incident_id).in_(chunk))
        ).all():  # fmt: skip
            members[row.incident_id].append(row)
    flagged, clear = _conflicting(members)
    table = Claim.__table__  # type: ignore[attr-defined]
    for marked, value in ((flagged, True), (clear, False)):
        for chunk in _in_chunks(sorted(marked)):
            session.execute(
                update(table).where(table.c.id.in_(chunk)).values(figure_conflict=value)
            )
    in_conflict = {r.incident_id for rows in members.values() for r in rows if r.id in flagged}
    incidents = Incident.__table__  # type: ignore[attr-defined]
    for marked, value in ((in_conflict, True), (set(ids) - in_conflict, False)):
        if marked:
            session.execute(
                update(incidents).where(incidents.c.id.in_(sorted(marked))).values(conflict=value)
            )


def _conflicting(members: dict[int, list]) -> tuple[set[int], set[int]]:
    flagged: set[int] = set()
    everyone: set[int] = set()
    for rows in members.values():
        reports = [(r.id, as_report(r)) for r in rows]
        everyone |= {i for i, _ in reports}
        flagged |= in_conflict(reports)
    return flagged, everyone - flagged


# --- reading incidents ------------------------------------------------------------


@dataclass(frozen=True)
class IncidentClaim:
    """One report of an incident, as an analyst lists it."""

    id: int
    quote: str
    value: float | None
    value_max: float | None
    qualifier: str | None
    interval: str
    location: str | None
    event_date: str | None
    attributed_to: str | None
    status: str
    document_id: int
    article_id: int
    figure_conflict: bool
    reason: str | None
    origin: str = ""  # the page it came from
    published_on: date | None = None  # its article's date
    rating: str | None = None  # its current verdict, if any
    approved: bool = False


@dataclass(frozen=True)
class IncidentView:
    id: int
    kind: str
    place: str
    date_start: date
    date_end: date
    conflict: bool
    claims: list[IncidentClaim]
    confirmed_by_id: int | None = None
    confirmed_at: datetime | None = None
    merged_into_id: int | None = None

    @property
    def reported_range(self) -> tuple[float, float] | None:
        """Lowest and highest figure reported, as monitors publish a range."""
        return reported_range([(c.value, c.value_max, c.qualifier, c.quote) for c in self.claims])


_LISTED = (
    Claim.id, Claim.quote, Claim.value, Claim.value_max, Claim.qualifier, Claim.location,
    Claim.event_date, Claim.attributed_to, Claim.status, Claim.article_id, Claim.incident_id,
    Claim.figure_conflict, Claim.incident_reason, Article.document_id, Article.published_on,
    Document.origin, Verdict.rating, Verdict.approved_at,
)  # fmt: skip


def list_incidents(
    session: Session, *, conflicts: bool = False, document_id: int | None = None,
    min_reports: int = 2, limit: int | None = None,
) -> list[IncidentView]:  # fmt: skip
    """Incidents reported at least `min_reports` times (with a conflict; with a
    report in that document), newest first when `limit` is given (the desk's
    page), else oldest first, each with its reports in id order."""
    query = select(Incident)
    if conflicts:
        # (partial index, migration 0014: a few conflicts among a million incidents)
        query = query.where(col(Incident.conflict))
    if document_id is not None:
        in_document = select(Claim.incident_id).join(Article, Article.id == Claim.article_id)
        query = query.where(
            col(Incident.id).in_(in_document.where(Article.document_id == document_id))
        )
    if not (conflicts and min_reports <= 2):  # a conflict takes two reports already
        counted = (
            select(Claim.incident_id).where(col(Claim.incident_id).is_not(None))
            .group_by(Claim.incident_id).having(func.count() >= min_reports)
        )  # fmt: skip
        query = query.where(col(Incident.id).in_(counted))
    order = col(Incident.id).desc() if limit else col(Incident.id)
    incidents = session.exec(query.order_by(order).limit(limit)).all()
    return [_view(session, i) for i in incidents]


def get_incident(session: Session, incident_id: int) -> IncidentView | None:
    incident = session.get(Incident, incident_id)
    return None if incident is None else _view(session, incident)


def _view(session: Session, incident: Incident) -> IncidentView:
    rows = session.exec(
        select(*_LISTED).join(Article, Article.id == Claim.article_id)
        .join(Document, Document.id == Article.document_id)
        .outerjoin(Verdict, (Verdict.claim_id == Claim.id) & col(Verdict.current))
        .where(Claim.incident_id == incident.id).order_by(col(Claim.id))
    ).all()  # fmt: skip
    claims = [
        IncidentClaim(
            id=r.id, quote=r.quote, value=r.value, value_max=r.value_max, qualifier=r.qualifier,
            interval=str(figure_interval(r.value, r.value_max, r.qualifier, r.quote) or ""),
            location=r.location, event_date=r.event_date, attributed_to=r.attributed_to,
            status=r.status, document_id=r.document_id, article_id=r.article_id,
            figure_conflict=r.figure_conflict, reason=r.incident_reason, origin=r.origin,
            published_on=r.published_on, rating=r.rating, approved=r.approved_at is not None,
        )
        for r in rows
    ]  # fmt: skip
    return IncidentView(
        id=incident.id or 0, kind=incident.kind, place=incident.place,
        date_start=incident.date_start, date_end=incident.date_end,
        conflict=incident.conflict, claims=claims, confirmed_by_id=incident.confirmed_by_id,
        confirmed_at=incident.confirmed_at, merged_into_id=incident.merged_into_id,
    )  # fmt: skip


def incident_ranges(session: Session, incident_ids: Iterable[int | None]) -> dict[int, tuple]:
    """Each incident's range of reported figures (low, high), for reports and exports."""
    ids = sorted({i for i in incident_ids if i is not None})
    figures: dict[int, list] = defaultdict(list)
    for chunk in _in_chunks(ids):
        for row in session.exec(
            select(Claim.incident_id, Claim.value, Claim.value_max, Claim.qualifier, Claim.quote)
            .where(col(Claim.incident_id).in_(chunk))
        ).all():  # fmt: skip
            figures[row[0]].append(tuple(row[1:]))
    found = {i: reported_range(f) for i, f in figures.items()}
    return {i: r for i, r in found.items() if r is not None}


def incident_history(session: Session, view: IncidentView) -> list[tuple[AuditEvent, str]]:
    """What happened to the incident, oldest first: its claims placed in it or split
    out of it, and a person's confirmations and merges, each in words."""
    members = [c.id for c in view.claims]
    kinds = (EventKind.CLAIM_GROUPED.value, EventKind.CLAIM_SPLIT_OUT.value)
    found = session.exec(
        select(AuditEvent).where(or_(
            and_(AuditEvent.target_type == "incident", AuditEvent.target_id == view.id),
            and_(col(AuditEvent.claim_id).in_(members), col(AuditEvent.kind).in_(kinds)),
        )).order_by(col(AuditEvent.id))
    ).all()  # fmt: skip
    return [(e, _said(e)) for e in found]


def _said(event: AuditEvent) -> str:
    after, before = event.after or {}, event.before or {}
    if event.kind == EventKind.CLAIM_GROUPED.value:
        where = after.get("incident_id")
        return f"claim {event.claim_id} placed in incident {where}: {after.get('why')}"
    if event.kind == EventKind.CLAIM_SPLIT_OUT.value:
        return (f"claim {event.claim_id} split out of incident {before.get('incident_id')} "
                f"into {after.get('incident_id')}: {after.get('why')}")  # fmt: skip
    if event.kind == EventKind.INCIDENT_MERGED.value:
        moved = ", ".join(str(i) for i in before.get("claims", []))
        return (f"incident {before.get('incident_id')} merged in (claims {moved}): "
                f"{after.get('why')}")  # fmt: skip
    if event.kind == EventKind.INCIDENT_CONFIRMED.value:
        return "grouping confirmed"
    return event.kind


def incidents_of(session: Session, claim_ids: Sequence[int]) -> set[int]:
    """The incidents these claims are in."""
    found: set[int] = set()
    for chunk in _in_chunks(claim_ids):
        found |= set(session.exec(select(Claim.incident_id).where(col(Claim.id).in_(chunk))).all())
    return found


def regroup_stored(engine: Engine, *, actor: Actor) -> int:
    """Place every stored claim not in an incident yet (claims stored before
    migration 0011), a batch per short transaction; returns how many were placed.
    The tables' statistics are refreshed as they grow: planned as if `incidents`
    were still empty, PostgreSQL read all of it for each batch (64 claims/s after
    60,000)."""
    placed = 0
    with session_scope(engine) as session:
        order = ungrouped_by_day(session)
    for batches, start in enumerate(range(0, len(order), IN_LIST), start=1):
        with session_scope(engine, write=True) as session:
            placed += group_claims(session, order[start : start + IN_LIST], actor=actor)
        if batches in (4, 20) or batches % 200 == 0:
            refresh_statistics(engine)
    refresh_statistics(engine)
    return placed


def ungrouped_by_day(session: Session) -> array:
    """The ids of the stored claims grouping could place and has not, in the order of
    their days: what `claims incidents --regroup` walks, a batch per transaction.
    A batch's figures then share their days, and the incidents it reads are those
    few days' (in the order of their ids, a batch of 500 spread over five years read
    nearly every incident of its kinds: 480 claims/s at 100,000 stored, about 100/s
    past 400,000). `group_claims` skips any placed meanwhile."""
    day = func.coalesce(Claim.event_date_start, Claim.context_start)
    rows = session.exec(
        select(Claim.id)
        .where(
            Claim.incident_id.is_(None),  # type: ignore[union-attr]
            col(Claim.category).in_(sorted(KINDS)),
            Claim.location.is_not(None),  # type: ignore[union-attr]
            day.is_not(None),
        )
        .order_by(day, col(Claim.id))
    )
    return array("q", rows)  # 8 bytes a claim: a million stored claims are 8 MB
