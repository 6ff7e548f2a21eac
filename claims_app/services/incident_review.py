"""A person's decisions about incidents: confirm a grouping, split a claim out,
merge two incidents. Each is audited, and pins the claims it touches, so that
automatic grouping (ingest, re-extraction) never undoes it."""

from __future__ import annotations

from sqlalchemy import update
from sqlmodel import Session, col, select

from claims_app.models import Claim, Incident, utcnow
from claims_app.services.actors import Actor
from claims_app.services.audit import EventKind, record_claim_event, record_event
from claims_app.services.incidents import as_report, refresh_conflicts, report_rows
from claims_app.services.review import (
    REVIEWERS,
    NotFound,
    ReviewError,
    SourceInput,
    VerdictInput,
    active_sources,
    add_source,
    current_verdict,
    give_verdict,
    require_role,
)

SPLIT_REASON = "split out by {name}: {why}"
MERGE_REASON = "merged by {name} from incident {source}: {why}"


def _incident(session: Session, incident_id: int) -> Incident:
    incident = session.get(Incident, incident_id, with_for_update=True)
    if incident is None:
        raise NotFound(f"there is no incident {incident_id}")
    return incident


def _why(reason: str) -> str:
    reason = " ".join(reason.split())
    if not reason:
        raise ReviewError("say why, in a few words", field="reason")
    if len(reason) > 500:
        raise ReviewError("the reason is longer than 500 characters", field="reason")
    return reason


def confirm_incident(session: Session, incident_id: int, *, actor: Actor) -> Incident:
    """Its claims report one event: keep them together, whatever grouping says later."""
    require_role(actor, REVIEWERS, "confirm incidents")
    incident = _incident(session, incident_id)
    if incident.merged_into_id is not None:
        raise ReviewError(f"incident {incident_id} was merged into {incident.merged_into_id}")
    incident.confirmed_by_id, incident.confirmed_at = actor.user_id, utcnow()
    session.add(incident)
    _pin(session, incident_id)
    record_event(session, EventKind.INCIDENT_CONFIRMED, actor=actor, target_type="incident",
                 target_id=incident_id)  # fmt: skip
    return incident


def split_claim(session: Session, claim_id: int, *, reason: str, actor: Actor) -> Incident:
    """Take a claim out of its incident into a new one of its own."""
    require_role(actor, REVIEWERS, "split incidents")
    why = _why(reason)
    claim = session.get(Claim, claim_id, with_for_update=True)
    if claim is None:
        raise NotFound(f"there is no claim {claim_id}")
    if claim.incident_id is None:
        raise ReviewError("this claim is in no incident")
    left = _incident(session, claim.incident_id)
    others = session.exec(
        select(Claim.id).where(Claim.incident_id == left.id, Claim.id != claim_id)
    ).first()
    if others is None:
        raise ReviewError("this claim is the incident's only report: nothing to split it from")
    report = as_report(claim_row(session, claim_id))
    alone = Incident(
        kind=left.kind, category=claim.category or left.category, unit=claim.unit,
        place=claim.location or left.place, subject=claim.subject,
        date_start=report.start or left.date_start, date_end=report.end or left.date_end,
        created_at=utcnow(),
    )  # fmt: skip
    session.add(alone)
    session.flush()
    claim.incident_id, claim.incident_pinned = alone.id, True
    claim.incident_reason = SPLIT_REASON.format(name=actor.name, why=why)
    session.add(claim)
    session.flush()
    refresh_conflicts(session, [left.id, alone.id])
    record_claim_event(session, EventKind.CLAIM_SPLIT_OUT, claim, actor=actor,
                       before={"incident_id": left.id},
                       after={"incident_id": alone.id, "why": why})  # fmt: skip
    return alone


def merge_incidents(
    session: Session, into_id: int, other_id: int, *, reason: str, actor: Actor
) -> Incident:
    """Move every claim of `other_id` into `into_id`; the emptied incident says where."""
    require_role(actor, REVIEWERS, "merge incidents")
    why = _why(reason)
    if into_id == other_id:
        raise ReviewError("an incident cannot be merged with itself", field="other")
    first, second = sorted((into_id, other_id))  # locks in one order: no deadlock
    locked = {i: _incident(session, i) for i in (first, second)}
    into, other = locked[into_id], locked[other_id]
    for incident in (into, other):
        if incident.merged_into_id is not None:
            raise ReviewError(
                f"incident {incident.id} was merged into {incident.merged_into_id} already",
                field="other",
            )
    if into.kind != other.kind:
        raise ReviewError(f"incident {other.id} counts {other.kind}, not {into.kind}",
                          field="other")  # fmt: skip
    moved = list(session.exec(select(Claim.id).where(Claim.incident_id == other.id)).all())
    session.execute(
        update(Claim.__table__)  # type: ignore[attr-defined]
        .where(col(Claim.id).in_(moved))
        .values(incident_id=into.id, incident_pinned=True,
                incident_reason=MERGE_REASON.format(name=actor.name, source=other.id, why=why))
    )  # fmt: skip
    other.merged_into_id = into.id
    session.add(other)
    _pin(session, into.id)
    refresh_conflicts(session, [into.id, other.id])
    record_event(session, EventKind.INCIDENT_MERGED, actor=actor, target_type="incident",
                 target_id=into.id, before={"incident_id": other.id, "claims": moved},
                 after={"incident_id": into.id, "why": why})  # fmt: skip
    return into


def _pin(session: Session, incident_id: int) -> None:
    session.execute(
        update(Claim.__table__)  # type: ignore[attr-defined]
        .where(Claim.incident_id == incident_id)
        .values(incident_pinned=True)
    )


def claim_row(session: Session, claim_id: int):
    """One claim as grouping reads it (with its document)."""
    (row,) = report_rows(session, [claim_id])
    return row


# --- one verdict informing the next ------------------------------------------------

_OPEN = ("new", "in_review")


def exact_repeats(session: Session, claim_id: int) -> list[Claim]:
    """Other reports of the claim's incident giving the very same figure (value,
    range and qualifier) that nobody has judged yet: offered the same verdict."""
    claim = session.get(Claim, claim_id)
    if claim is None or claim.incident_id is None or claim.value is None:
        return []
    query = select(Claim).where(
        Claim.incident_id == claim.incident_id, Claim.id != claim_id,
        Claim.value == claim.value, Claim.value_max == claim.value_max
        if claim.value_max is not None else col(Claim.value_max).is_(None),
        Claim.qualifier == claim.qualifier, col(Claim.status).in_(_OPEN),
    ).order_by(col(Claim.id))  # fmt: skip
    return [c for c in session.exec(query).all() if current_verdict(session, c.id) is None]


def repeat_verdict(
    session: Session, claim_id: int, targets: list[int], *, actor: Actor
) -> list[int]:
    """Give each target (an exact repeat) the claim's current verdict, with the
    claim's sources: each its own audited source and verdict, each still waiting
    for approval. All or none."""
    require_role(actor, REVIEWERS, "give verdicts")
    verdict = current_verdict(session, claim_id)
    if verdict is None:
        raise ReviewError("this claim has no verdict to repeat yet")
    offered = {c.id: c for c in exact_repeats(session, claim_id)}
    if not targets:
        raise ReviewError("choose at least one report to give the same verdict")
    stray = [t for t in targets if t not in offered]
    if stray:
        raise ReviewError(f"claim {stray[0]} is not an unjudged repeat of this figure any more")
    sources = active_sources(session, claim_id)
    same = VerdictInput(
        rating=verdict.rating, confidence=verdict.confidence,
        rationale=f"Same figure as claim {claim_id}, judged by {actor.name}: {verdict.rationale}",
        verified_value=verdict.verified_value, verified_value_max=verdict.verified_value_max,
    )  # fmt: skip
    for target in targets:
        version = offered[target].version
        for s in sources:
            add_source(session, target, version=version, actor=actor, source=SourceInput(
                url=s.url, title=s.title, publisher=s.publisher, published_on=s.published_on,
                excerpt=s.excerpt, archive_url=s.archive_url, relation=s.relation,
                independent=s.independent))  # fmt: skip
            version += 1
        give_verdict(session, target, version=version, verdict=same, actor=actor)
    return targets
