"""A claim's life, read back from the audit trail: a timeline, and the claim as of a moment.

Nothing here writes. The timeline puts each event into words a reader can
check ("value 26 → 24", "source added: ...", "verdict: accurate → false").
"As of" replays the claim's own events up to the moment asked for, starting
from what the extractor stored, and reads sources and verdicts by their own
timestamps (they are never deleted or overwritten, only marked).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlmodel import Session, col, select

from claims_app.models import AuditEvent, Claim, Source, User, Verdict
from claims_app.services.audit import EventKind

# The claim's own fields an event may carry in `after`, replayed by "as of".
STATE_FIELDS = (
    "value", "value_max", "qualifier", "category", "unit", "subject", "location", "event_date",
    "attributed_to", "status", "assignee_id", "quote", "start_offset", "end_offset",
)  # fmt: skip


@dataclass(frozen=True)
class Entry:
    event: AuditEvent
    text: str


def claim_events(session: Session, claim_id: int) -> list[AuditEvent]:
    query = select(AuditEvent).where(AuditEvent.claim_id == claim_id).order_by(col(AuditEvent.id))
    return list(session.exec(query).all())


def timeline(session: Session, claim_id: int) -> list[Entry]:
    names = {u.id: u.username for u in session.exec(select(User))}
    entries, rating = [], None
    for event in claim_events(session, claim_id):
        text, rating = describe(event, names, rating)
        entries.append(Entry(event, text))
    return entries


def _show(value: Any) -> str:
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value).replace("_", " ")


def _changes(before: dict | None, after: dict | None) -> str:
    before, after = before or {}, after or {}
    keys = [k for k in after if k not in ("version",)]
    return "; ".join(f"{k.replace('_', ' ')} {_show(before.get(k))} → {_show(after[k])}"
                     for k in keys)  # fmt: skip


def describe(
    event: AuditEvent, names: dict[int | None, str], rating: str | None
) -> tuple[str, str | None]:
    """The event in words, and the current rating after it (verdicts read as changes)."""
    after, before, kind = event.after or {}, event.before or {}, event.kind
    who = names.get(after.get("assignee_id")) or "nobody"
    if kind == EventKind.CLAIM_EXTRACTED:
        return f"extracted ({after.get('extractor_version')}): “{after.get('quote')}”", rating
    if kind == EventKind.VERDICT_GIVEN:
        new = after.get("rating")
        was = _show(rating) if rating else "none"
        return f"verdict: {was} → {_show(new)} ({after.get('confidence')} confidence)", new
    texts = {
        EventKind.CLAIM_REEXTRACTED: f"re-extracted: {_changes(before, after)}",
        EventKind.CLAIM_EDITED: _changes(before, after),
        EventKind.CLAIM_TAKEN: f"taken by {who}",
        EventKind.CLAIM_ASSIGNED: f"assigned to {who}",
        EventKind.CLAIM_RELEASED: "returned to the pool: untouched for too long",
        EventKind.SOURCE_ADDED: (
            f"source added: {after.get('title') or after.get('url')} ({after.get('relation')}, "
            f"{'independent' if after.get('independent') else 'not independent'})"
        ),
        EventKind.SOURCE_FETCH_REQUESTED: f"copy of source asked for: {after.get('url')}",
        EventKind.SOURCE_FETCHED: (
            f"source copy kept (SHA-256 {str(after.get('sha256'))[:12]}…"
            + (", changed since the copy before)" if after.get("changed") else ")")
        ),
        EventKind.SOURCE_FETCH_FAILED: f"source not fetched: {after.get('reason')}",
        EventKind.SOURCE_UPLOADED: (
            f"source file kept: {after.get('file_name')} (SHA-256 {str(after.get('sha256'))[:12]}…)"
        ),
        EventKind.SOURCE_REMOVED: (
            f"source removed: {before.get('title') or before.get('url')}, "
            f"because: {after.get('reason')}"
        ),
        EventKind.CLAIM_APPROVED: f"approved (verdict {_show(after.get('rating'))})",
        EventKind.CLAIM_DISMISSED: f"dismissed, because: {after.get('reason')}",
        EventKind.CLAIM_REOPENED: f"reopened, because: {after.get('reason')}",
        EventKind.COMMENT_ADDED: f"comment: {after.get('body')}",
        EventKind.CLAIM_REMOVED: "removed: a newer extractor no longer finds it",
    }
    return texts.get(kind, kind), rating  # type: ignore[call-overload]


@dataclass
class ClaimAsOf:
    moment: datetime
    exists: bool
    fields: dict[str, Any] = field(default_factory=dict)
    sources: list[Source] = field(default_factory=list)
    verdict: Verdict | None = None
    approved: bool = False
    events: int = 0  # how many of the claim's events the state includes


def claim_as_of(session: Session, claim: Claim, moment: datetime) -> ClaimAsOf:
    """The claim as it stood at `moment` (UTC), rebuilt from its events."""
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    state = ClaimAsOf(moment=moment, exists=False)
    for event in claim_events(session, claim.id):
        if _aware(event.at) > moment:
            break
        if event.kind == EventKind.CLAIM_EXTRACTED:
            state.exists = True
            state.fields = {"status": "new", "assignee_id": None}
        for name in STATE_FIELDS:
            if name in (event.after or {}):
                state.fields[name] = event.after[name]
        state.events += 1
    if not state.exists:
        return state
    state.sources = [
        s for s in session.exec(select(Source).where(Source.claim_id == claim.id))
        if _aware(s.added_at) <= moment and (s.removed_at is None or _aware(s.removed_at) > moment)
    ]  # fmt: skip
    given = [v for v in session.exec(select(Verdict).where(Verdict.claim_id == claim.id))
             if _aware(v.given_at) <= moment]  # fmt: skip
    state.verdict = max(given, key=lambda v: (_aware(v.given_at), v.id or 0), default=None)
    if state.verdict and state.verdict.approved_at:
        state.approved = _aware(state.verdict.approved_at) <= moment
    return state


def _aware(moment: datetime | None) -> datetime:
    if moment is None:
        return datetime.max.replace(tzinfo=UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
