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

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, bindparam, func, insert, or_, text, update
from sqlmodel import Session, col, select

from claims_app.incidents.intervals import figure_interval, reported_range
from claims_app.incidents.matching import (
    Report,
    groupable,
    in_conflict,
    index_words,
    same_incident,
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
    Claim.event_date_end, Claim.subject, Claim.value, Claim.value_max, Claim.qualifier,
    Claim.quote, Claim.part_of_id, Claim.incident_id, Article.document_id,
)  # fmt: skip


def as_report(row) -> Report:
    return Report(
        category=row.category, unit=row.unit, location=row.location,
        start=row.event_date_start, end=row.event_date_end, subject=row.subject,
        value=row.value, value_max=row.value_max, qualifier=row.qualifier,
        quote=row.quote, breakdown=row.part_of_id is not None,
    )  # fmt: skip


def incident_report(incident: Incident) -> Report:
    """An incident's key as a report: its first figure's kind, unit, place, days, subject."""
    return Report(
        category=incident.category, unit=incident.unit, location=incident.place,
        start=incident.date_start, end=incident.date_end, subject=incident.subject,
        value=0, qualifier="exact",
    )  # fmt: skip


def report_rows(session: Session, claim_ids: Sequence[int]) -> list:
    found = []
    for start in range(0, len(claim_ids), 500):  # bound the IN list
        chunk = claim_ids[start : start + 500]
        found += session.exec(
            select(*_REPORT_COLUMNS)
            .join(Article, Article.id == Claim.article_id)
            .where(col(Claim.id).in_(chunk))
            .order_by(Claim.id)
        ).all()
    return found


def _candidates(session: Session, reports: list[Report]) -> list[Incident]:
    """Incidents of the reports' kinds whose days overlap theirs: one indexed read
    per kind, over the days the batch spans."""
    by_kind: dict[str, list[Report]] = defaultdict(list)
    for r in reports:
        by_kind[r.kind or ""].append(r)
    found: list[Incident] = []
    for kind, group in by_kind.items():
        first = min(r.start for r in group if r.start)
        last = max(r.end for r in group if r.end)
        found += session.exec(
            select(Incident)
            .where(Incident.kind == kind, Incident.date_start <= last, Incident.date_end >= first)
            .order_by(col(Incident.id))
        ).all()
    return found


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
    """Incidents by (kind, unit, place word): a figure is held only against those
    sharing a word of its place, as any name containing or inside its own must
    (ingest of 2,000 synthetic articles compared each figure with every
    candidate of its days: 98,000 comparisons, a quarter of ingest time)."""

    def __init__(self) -> None:
        self._by_word: dict[tuple, list[tuple[int, _Key]]] = defaultdict(list)
        self._count = 0

    def add(self, key: _Key) -> None:
        r = key.report
        for word in index_words(r.location or ""):
            self._by_word[(r.kind, r.unit, word)].append((self._count, key))
        self._count += 1

    def match(self, report: Report) -> tuple[_Key, str] | None:
        """The first incident (oldest first) whose key the report matches, and why."""
        found: dict[int, _Key] = {}
        for word in index_words(report.location or ""):
            found.update(self._by_word.get((report.kind, report.unit, word), ()))
        for _, key in sorted(found.items(), key=lambda item: item[0]):
            if why := same_incident(report, key.report):
                return key, why
        return None


def group_claims(session: Session, claim_ids: Sequence[int], *, actor: Actor) -> int:
    """Place each of these claims (not placed yet) in its incident; returns how many
    were placed. In the caller's transaction, with the claims' own writes."""
    rows = [r for r in report_rows(session, claim_ids) if r.incident_id is None]
    reports = {r.id: as_report(r) for r in rows}
    wanted = [r for r in rows if groupable(reports[r.id])]
    if not wanted:
        return 0
    keys = _Keys()
    for incident in _candidates(session, [reports[r.id] for r in wanted]):
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
    for key, incident_id in zip(keys, _new_incident_ids(session, len(keys)), strict=True):
        key.id = incident_id
    now = utcnow()
    session.execute(insert(Incident.__table__), [{  # type: ignore[attr-defined]
        "id": k.id, "kind": k.report.kind, "category": k.report.category, "unit": k.report.unit,
        "place": k.report.location, "subject": k.report.subject, "date_start": k.report.start,
        "date_end": k.report.end, "conflict": False, "created_at": now,
    } for k in keys])  # fmt: skip


def _new_incident_ids(session: Session, n: int) -> list[int]:
    """PostgreSQL: from the id sequence. SQLite: after the highest; the caller's
    transaction holds the write lock, so no one else can take them meanwhile."""
    if session.get_bind().dialect.name == "postgresql":
        draw = text(
            "SELECT nextval(pg_get_serial_sequence('incidents', 'id')) FROM generate_series(1, :n)"
        )
        return sorted(session.execute(draw, {"n": n}).scalars())
    highest = session.execute(select(func.max(Incident.id))).scalar() or 0
    return list(range(highest + 1, highest + 1 + n))


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
    for start in range(0, len(ids), 500):
        for row in session.exec(
            select(*_REPORT_COLUMNS).join(Article, Article.id == Claim.article_id)
            .where(col(Claim.incident_id).in_(ids[start : start + 500]))
        ).all():  # fmt: skip
            members[row.incident_id].append(row)
    flagged, clear = _conflicting(members)
    table = Claim.__table__  # type: ignore[attr-defined]
    for marked, value in ((flagged, True), (clear, False)):
        for start in range(0, len(marked), 500):
            chunk = sorted(marked)[start : start + 500]
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
    min_reports: int = 2,
) -> list[IncidentView]:  # fmt: skip
    """Incidents reported at least `min_reports` times (with a conflict; with a
    report in that document), oldest first, each with its reports in id order."""
    ids = select(Claim.incident_id).join(Article, Article.id == Claim.article_id)
    ids = ids.where(col(Claim.incident_id).is_not(None))
    if document_id is not None:
        ids = ids.where(Article.document_id == document_id)
    query = select(Incident).where(col(Incident.id).in_(ids)).order_by(col(Incident.id))
    if conflicts:
        query = query.where(col(Incident.conflict))
    incidents = session.exec(query).all()
    return [v for v in (_view(session, i) for i in incidents) if len(v.claims) >= min_reports]


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
    for start in range(0, len(ids), 500):
        for row in session.exec(
            select(Claim.incident_id, Claim.value, Claim.value_max, Claim.qualifier, Claim.quote)
            .where(col(Claim.incident_id).in_(ids[start : start + 500]))
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


def ungrouped_claims(session: Session, *, after: int, limit: int) -> list[int]:
    """Claims not placed in any incident, by id: what `claims incidents --regroup`
    walks, a batch per transaction."""
    return list(
        session.exec(
            select(Claim.id).where(col(Claim.incident_id).is_(None), Claim.id > after)
            .order_by(col(Claim.id)).limit(limit)
        ).all()
    )  # fmt: skip
