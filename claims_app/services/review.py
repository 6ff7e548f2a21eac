"""Reviewing claims: take, correct, attach sources, give verdicts, approve, dismiss, reopen.

Every function here is one user action. Each checks the actor's role and the
review rules, writes, and records its audit event in the caller's transaction,
so a refused or failed action leaves nothing behind.

Concurrency: every write names the claim version the user was looking at.
The claim row is locked (PostgreSQL: FOR UPDATE; SQLite: the write lock its
transactions take up front), the version compared, and bumped; a stale
version is refused with `StaleVersion`, which says who changed the claim
since. Comments are the exception: adding one overwrites nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import update
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session, select

from claims_app.db import is_sqlite
from claims_app.figures import figure
from claims_app.models import (
    AuditEvent,
    Claim,
    ClaimStatus,
    Comment,
    Confidence,
    Rating,
    Relation,
    Role,
    Source,
    User,
    Verdict,
    utcnow,
)
from claims_app.services.actors import Actor
from claims_app.services.audit import EventKind, record_claim_event

STALE_ASSIGNMENT = timedelta(minutes=30)
REVIEWERS = frozenset({Role.REVIEWER, Role.EDITOR})
EDITORS = frozenset({Role.EDITOR})
EDITABLE_FIELDS = (
    "value", "value_max", "qualifier", "category", "unit", "subject", "location",
    "event_date", "attributed_to",
)  # fmt: skip
FIELD_LIMITS = {"unit": 64, "event_date": 32}  # their columns' lengths; the rest hold 256
TEXT_FIELDS = ("unit", "subject", "location", "event_date", "attributed_to")
_QUALIFIERS = ("exact", "at_least", "more_than", "approx", "at_most", "range", "vague")
_CATEGORIES = (
    "killed", "injured", "casualties", "displaced", "detained", "refugees", "at_risk",
    "attacks", "facilities_hit", "other",
)  # fmt: skip


class ReviewError(ValueError):
    """A rule refused the action; the message says which, in the user's words, and
    `field` names the form field at fault when there is one (the desk marks it)."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class Forbidden(ReviewError):
    """The actor's role does not allow the action."""


class NotFound(ReviewError):
    """The claim or source named does not exist (the web answers 404)."""


class StaleVersion(ReviewError):
    def __init__(self, claim: Claim, last_change: AuditEvent | None) -> None:
        self.claim = claim
        who = "Someone" if last_change is None else last_change.actor
        what = "changed this claim" if last_change is None else _what_changed(last_change)
        super().__init__(
            f"{who} {what} since you opened it, so nothing was saved. Your entries are "
            "still in the form: check them against that change, then save again."
        )


# What a change did, for the person whose save it overtook.
_DONE = {
    "claim.taken": "took this claim", "claim.assigned": "assigned this claim",
    "claim.released": "released this claim", "claim.dismissed": "dismissed this claim",
    "claim.reopened": "reopened this claim", "claim.approved": "approved the verdict",
    "source.added": "added a source", "source.removed": "removed a source",
    "verdict.given": "gave a verdict", "claim.reextracted": "re-extracted this claim",
}  # fmt: skip


def _what_changed(event: AuditEvent) -> str:
    if event.kind != "claim.edited":
        return _DONE.get(event.kind, "changed this claim")
    parts = []
    for name, new in (event.after or {}).items():
        text = "(empty)" if new is None else figure(new) if name in ("value", "value_max") else new
        parts.append(f"{name.replace('_', ' ')} to {text}")
    return "changed " + ", ".join(parts) if parts else "changed this claim"


# --- guards ------------------------------------------------------------------------


def require_role(actor: Actor, allowed: frozenset[Role], action: str) -> None:
    if actor.role not in allowed:
        roles = " or ".join(sorted(allowed))
        raise Forbidden(f"only a {roles} may {action}")


def get_claim(session: Session, claim_id: int) -> Claim:
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(f"no claim {claim_id}")
    return claim


def _locked(session: Session, claim_id: int, version: int) -> Claim:
    """The claim, locked for this transaction, if the user saw its latest version."""
    query = select(Claim).where(Claim.id == claim_id)
    if not is_sqlite(session.get_bind()):
        query = query.with_for_update()
    claim = session.exec(query.execution_options(populate_existing=True)).first()
    if claim is None:
        raise NotFound(f"no claim {claim_id}")
    if claim.version != version:
        raise StaleVersion(claim, _last_change(session, claim_id))
    claim.version += 1
    claim.updated_at = utcnow()
    return claim


def _last_change(session: Session, claim_id: int) -> AuditEvent | None:
    query = (
        select(AuditEvent)
        .where(AuditEvent.claim_id == claim_id)
        .order_by(AuditEvent.id.desc())  # type: ignore[union-attr]
        .limit(1)
    )
    return session.exec(query).first()


def _save(session: Session, *rows: Any) -> None:
    for row in rows:
        session.add(row)
    session.flush()


def _status(claim: Claim, new: ClaimStatus) -> dict[str, str]:
    before = claim.status
    claim.status = new.value
    claim.sent_back_at = None  # any move on (a verdict, a dismissal) ends a second look
    return {"status": before}


# --- the queue: taking and assigning -----------------------------------------------


def release_stale(session: Session, *, older_than: timedelta = STALE_ASSIGNMENT) -> int:
    """Return to the pool every claim taken but untouched for `older_than`."""
    cutoff = utcnow() - older_than
    query = select(Claim).where(
        Claim.assignee_id.is_not(None),  # type: ignore[union-attr]
        Claim.status == ClaimStatus.IN_REVIEW.value,
        Claim.updated_at < cutoff,  # type: ignore[operator]
    )
    released = 0
    for claim in session.exec(query).all():
        before = {"assignee_id": claim.assignee_id, "status": claim.status}
        claim.assignee_id, claim.assigned_at = None, None
        untouched = not _has_work(session, claim.id)
        if untouched:
            claim.status = ClaimStatus.NEW.value
        claim.version += 1
        _save(session, claim)
        record_claim_event(
            session, EventKind.CLAIM_RELEASED, claim, actor=Actor.system("queue"),
            before=before, after={"assignee_id": None, "status": claim.status},
        )  # fmt: skip
        released += 1
    return released


def _has_work(session: Session, claim_id: int | None) -> bool:
    for table in (Source, Verdict, Comment):
        if session.exec(select(table.id).where(table.claim_id == claim_id).limit(1)).first():
            return True
    return False


def take_next(
    session: Session, *, actor: Actor, older_than: timedelta = STALE_ASSIGNMENT
) -> Claim | None:
    """Give the actor the most check-worthy new, unassigned claim; None when none is left.

    Two reviewers taking at once never get the same claim: on PostgreSQL the
    candidate row is locked with SKIP LOCKED (a row another transaction holds
    is passed over, not waited for); on SQLite writers are serialised and the
    update is conditional on the claim still being free.
    """
    require_role(actor, REVIEWERS, "take claims")
    release_stale(session, older_than=older_than)
    query = (
        select(Claim)
        .where(Claim.status == ClaimStatus.NEW.value, Claim.assignee_id.is_(None))  # type: ignore[union-attr]
        .order_by(Claim.check_worthiness.desc(), Claim.id.desc())  # type: ignore[attr-defined, union-attr]
        .limit(1)
    )
    sqlite = is_sqlite(session.get_bind())
    if not sqlite:
        query = query.with_for_update(skip_locked=True)
    query = query.execution_options(populate_existing=True)  # the row as it is now
    for _attempt in range(5):
        claim = session.exec(query).first()
        if claim is None:
            return None
        values = _taken_by(actor, utcnow(), claim.version + 1)
        taken = session.execute(
            update(Claim)
            .where(Claim.id == claim.id, Claim.assignee_id.is_(None))  # type: ignore[union-attr]
            .values(values)
        )
        if taken.rowcount == 1:
            # The row is ours (locked, or SQLite's writer): it now holds exactly
            # these values, so the object takes them without reading it back.
            for name, value in values.items():
                set_committed_value(claim, name, value)
            record_claim_event(
                session, EventKind.CLAIM_TAKEN, claim, actor=actor,
                before={"status": ClaimStatus.NEW.value, "assignee_id": None},
                after={"status": claim.status, "assignee_id": actor.user_id},
            )  # fmt: skip
            return claim
    return None


def _taken_by(actor: Actor, now: datetime, version: int) -> dict[str, Any]:
    return {
        "assignee_id": actor.user_id,
        "assigned_at": now,
        "status": ClaimStatus.IN_REVIEW.value,
        "version": version,
        "updated_at": now,
    }


def assign(
    session: Session, claim_ids: Iterable[int], *, assignee: User | None, actor: Actor
) -> int:
    """Editors: give claims to a reviewer (or to nobody). Returns how many changed."""
    require_role(actor, EDITORS, "assign claims")
    if assignee is not None and (assignee.role not in REVIEWERS or not assignee.active):
        raise ReviewError(f"{assignee.username} is not an active reviewer or editor")
    changed = 0
    for claim_id in claim_ids:
        claim = get_claim(session, claim_id)
        new_id = assignee.id if assignee else None
        if claim.assignee_id == new_id:
            continue
        before = {"assignee_id": claim.assignee_id, "status": claim.status}
        claim.assignee_id, claim.assigned_at = new_id, utcnow() if assignee else None
        if assignee and claim.status == ClaimStatus.NEW.value:
            claim.status = ClaimStatus.IN_REVIEW.value
        claim.version += 1
        claim.updated_at = utcnow()
        _save(session, claim)
        record_claim_event(
            session, EventKind.CLAIM_ASSIGNED, claim, actor=actor, before=before,
            after={"assignee_id": new_id, "status": claim.status},
        )  # fmt: skip
        changed += 1
    return changed


# --- correcting the extracted fields -----------------------------------------------


def edit_fields(
    session: Session, claim_id: int, *, version: int, changes: dict[str, Any], actor: Actor
) -> Claim:
    """Correct extracted fields; the audit event keeps what they were and who changed them."""
    require_role(actor, REVIEWERS, "correct claims")
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ReviewError(f"these fields cannot be edited: {', '.join(sorted(unknown))}")
    clean = {name: _clean_field_of_form(name, value) for name, value in changes.items()}
    claim = _locked(session, claim_id, version)
    _require_open(claim, "corrected")
    before = {k: getattr(claim, k) for k in clean if getattr(claim, k) != clean[k]}
    if not before:
        raise ReviewError("nothing changed")
    for name in before:
        setattr(claim, name, clean[name])
    if "event_date" in before:  # the range the queue filters and sorts on follows the text
        claim.event_date_start, claim.event_date_end = event_range(claim.event_date)
    if claim.value is not None and claim.value_max is not None and claim.value_max < claim.value:
        raise ReviewError("the maximum value is below the value", field="value_max")
    _save(session, claim)
    for name, old in before.items():  # one event per field: each correction reads alone
        record_claim_event(
            session, EventKind.CLAIM_EDITED, claim, actor=actor, before={name: old},
            after={name: clean[name]},
        )  # fmt: skip
    return claim


def _clean_field_of_form(name: str, value: Any) -> Any:
    try:
        return _clean_field(name, value)
    except ReviewError as exc:
        exc.field = exc.field or name  # the field whose value was refused
        raise


def _clean_field(name: str, value: Any) -> Any:
    value = value.strip() if isinstance(value, str) else value
    if value in ("", None):
        return None
    if name in ("value", "value_max"):
        return _number(value, name.replace("_", " "))
    if name == "qualifier" and value not in _QUALIFIERS:
        raise ReviewError(f"qualifier must be one of {', '.join(_QUALIFIERS)}")
    if name == "event_date":
        event_range(value)  # refuses what is not a date, a month, a year or a period
    if name == "category" and value not in _CATEGORIES:
        raise ReviewError(f"category must be one of {', '.join(_CATEGORIES)}")
    limit = FIELD_LIMITS.get(name, 256)
    if isinstance(value, str) and len(value) > limit:
        raise ReviewError(f"{name.replace('_', ' ')} is longer than {limit} characters")
    return value


def event_range(text: str | None) -> tuple[date | None, date | None]:
    """ "2021-03-12", "2021-03", "2021", "2021-03-01/2021-03-12" -> first and last day."""
    if not text:
        return None, None
    first, _, last = text.partition("/")
    try:
        start, end = _bounds(first.strip())[0], _bounds((last or first).strip())[1]
    except ValueError:
        raise ReviewError(
            f"event date must be YYYY-MM-DD, YYYY-MM, YYYY or a period FIRST/LAST, not {text!r}"
        ) from None
    if end < start:
        raise ReviewError("the event date's period ends before it starts")
    return start, end


def _bounds(part: str) -> tuple[date, date]:
    if len(part) == 4 and part.isascii() and part.isdigit():
        return date(int(part), 1, 1), date(int(part), 12, 31)
    if len(part) == 7 and part[4] == "-":
        year, month = int(part[:4]), int(part[5:])
        first = date(year, month, 1)
        following = date(year + month // 12, month % 12 + 1, 1)
        return first, following - timedelta(days=1)
    day = date.fromisoformat(part)
    return day, day


def _number(value: Any, label: str) -> float:
    try:
        number = float(str(value).replace(",", ""))
    except ValueError:
        raise ReviewError(f"{label} must be a number, not {value!r}") from None
    if number != number or number in (float("inf"), float("-inf")) or number < 0:
        raise ReviewError(f"{label} must be a number of zero or more")
    return number


def _require_open(claim: Claim, what: str) -> None:
    if claim.status in (ClaimStatus.APPROVED.value, ClaimStatus.DISMISSED.value):
        raise ReviewError(f"this claim is {claim.status}: reopen it before it can be {what}")


# --- sources -----------------------------------------------------------------------


@dataclass(frozen=True)
class SourceInput:
    url: str
    title: str = ""
    publisher: str | None = None
    published_on: date | None = None
    excerpt: str | None = None
    archive_url: str | None = None
    relation: str = Relation.SUPPORTS.value
    independent: bool = False
    uploaded: bool = False  # the source is a file kept with it: it needs no address


def _web_address(url: str | None, label: str, *, required: bool, field: str) -> str | None:
    url = (url or "").strip()
    if not url:
        if required:
            raise ReviewError(f"{label} is required", field=field)
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ReviewError(
            f"{label} must be an http:// or https:// address, not {url!r}", field=field
        )
    if len(url) > 2048:
        raise ReviewError(f"{label} is longer than 2048 characters", field=field)
    return url


# The longest text each form field takes; the desk shows them (maxlength, counters).
LIMITS = {"title": 500, "publisher": 256, "excerpt": 5000, "rationale": 10_000,
          "reason": 2000, "body": 10_000, "url": 2048, "archive_url": 2048}  # fmt: skip


def _reason(reason: str | None, what: str) -> str:
    """The reason an action requires, stripped and within its limit."""
    reason = (reason or "").strip()
    if not reason:
        raise ReviewError(f"say why {what}", field="reason")
    _within_limit(reason, "reason")
    return reason


def _within_limit(text: str | None, name: str) -> None:
    if text and len(text) > LIMITS[name]:
        raise ReviewError(f"{name} is longer than {LIMITS[name]:,} characters", field=name)


def add_source(
    session: Session, claim_id: int, *, version: int, source: SourceInput, actor: Actor
) -> Source:
    require_role(actor, REVIEWERS, "add sources")
    for name in ("title", "publisher", "excerpt"):
        _within_limit(getattr(source, name), name)
    if not source.uploaded and not (source.url or "").strip():
        raise ReviewError("Source URL is required, or upload the source's file", field="url")
    url = _web_address(source.url, "Source URL", required=False, field="url") or ""
    archive = _web_address(source.archive_url, "Archive URL", required=False, field="archive_url")
    if source.relation not in {r.value for r in Relation}:
        raise ReviewError("relation must be supports, contradicts or context", field="relation")
    claim = _locked(session, claim_id, version)
    _require_open(claim, "given sources")
    row = Source(
        claim_id=claim_id, url=url, title=source.title.strip(),
        publisher=(source.publisher or "").strip() or None, published_on=source.published_on,
        excerpt=(source.excerpt or "").strip() or None, archive_url=archive,
        relation=source.relation, independent=source.independent, added_by_id=actor.user_id,
        added_at=utcnow(),
    )  # fmt: skip
    status_before = claim.status
    _start_review(claim)
    _save(session, claim, row)
    after = {"source_id": row.id, "url": url, "title": row.title, "relation": row.relation,
             "independent": row.independent}  # fmt: skip
    if claim.status != status_before:  # the first source starts the review
        after["status"] = claim.status
    record_claim_event(session, EventKind.SOURCE_ADDED, claim, actor=actor, after=after)
    return row


def remove_source(
    session: Session, source_id: int, *, version: int, reason: str, actor: Actor
) -> Source:
    """Sources are never deleted: they are marked removed, with who, when and why."""
    require_role(actor, REVIEWERS, "remove sources")
    reason = _reason(reason, "the source is removed")
    row = session.get(Source, source_id)
    if row is None or row.removed_at is not None:
        raise NotFound(f"no source {source_id} on this claim")
    claim = _locked(session, row.claim_id, version)
    _require_open(claim, "changed")
    row.removed_at, row.removed_by_id, row.removed_reason = utcnow(), actor.user_id, reason
    _save(session, claim, row)
    record_claim_event(
        session, EventKind.SOURCE_REMOVED, claim, actor=actor,
        before={"source_id": row.id, "url": row.url, "title": row.title},
        after={"reason": reason},
    )  # fmt: skip
    return row


def active_sources(session: Session, claim_id: int) -> list[Source]:
    query = (
        select(Source)
        .where(Source.claim_id == claim_id, Source.removed_at.is_(None))  # type: ignore[union-attr]
        .order_by(Source.id)
    )
    return list(session.exec(query).all())


def _start_review(claim: Claim) -> None:
    if claim.status == ClaimStatus.NEW.value:
        claim.status = ClaimStatus.IN_REVIEW.value


# --- verdicts and approval ---------------------------------------------------------


@dataclass(frozen=True)
class VerdictInput:
    rating: str
    rationale: str
    confidence: str = Confidence.MEDIUM.value
    verified_value: Any = None
    verified_value_max: Any = None


def give_verdict(
    session: Session, claim_id: int, *, version: int, verdict: VerdictInput, actor: Actor
) -> Verdict:
    require_role(actor, REVIEWERS, "give verdicts")
    if verdict.rating not in {r.value for r in Rating}:
        raise ReviewError("choose a verdict", field="rating")
    rationale = (verdict.rationale or "").strip()
    if not rationale:
        raise ReviewError("a verdict needs a rationale", field="rationale")
    _within_limit(rationale, "rationale")
    if verdict.confidence not in {c.value for c in Confidence}:
        raise ReviewError("confidence must be high, medium or low", field="confidence")
    low = _optional_number(verdict.verified_value, "verified value", "verified_value")
    high = _optional_number(
        verdict.verified_value_max, "verified value (max)", "verified_value_max"
    )
    if high is not None and (low is None or high < low):
        raise ReviewError(
            "verified value (max) needs a verified value no larger than it",
            field="verified_value_max",
        )
    claim = _locked(session, claim_id, version)
    _require_open(claim, "given a verdict")
    # The reads need nothing pending: the claim is written once, with its new
    # status, not once before them (a round trip fewer while others wait).
    with session.no_autoflush:
        sources = active_sources(session, claim_id)
        if verdict.rating != Rating.UNVERIFIABLE.value and not sources:
            raise ReviewError(
                "attach at least one source first (or rate the claim unverifiable)", field="rating"
            )
        if verdict.rating == Rating.ACCURATE.value and not any(s.independent for s in sources):
            raise ReviewError(
                "'accurate' needs at least one source independent of the claimant", field="rating"
            )
        current = select(Verdict).where(Verdict.claim_id == claim_id, Verdict.current)
        for old in session.exec(current):
            old.current = False
            session.add(old)
    row = Verdict(
        claim_id=claim_id, rating=verdict.rating, rationale=rationale, verified_value=low,
        verified_value_max=high, confidence=verdict.confidence, given_by_id=actor.user_id,
        given_at=utcnow(), current=True,
    )  # fmt: skip
    before = _status(claim, ClaimStatus.REVIEWED)
    _save(session, claim, row)
    record_claim_event(
        session, EventKind.VERDICT_GIVEN, claim, actor=actor, before=before,
        after={"verdict_id": row.id, "rating": row.rating, "confidence": row.confidence,
               "verified_value": low, "verified_value_max": high, "status": claim.status},
    )  # fmt: skip
    return row


def _optional_number(value: Any, label: str, field: str) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return _number(value, label)
    except ReviewError as exc:
        exc.field = field
        raise


def current_verdict(session: Session, claim_id: int) -> Verdict | None:
    query = select(Verdict).where(Verdict.claim_id == claim_id, Verdict.current)
    return session.exec(query).first()


def approve(session: Session, claim_id: int, *, version: int, actor: Actor) -> Verdict:
    """Four eyes: an editor other than the verdict's author approves it."""
    require_role(actor, EDITORS, "approve verdicts")
    claim = _locked(session, claim_id, version)
    verdict = current_verdict(session, claim_id)
    if verdict is None or claim.status != ClaimStatus.REVIEWED.value:
        raise ReviewError("only a reviewed claim with a verdict can be approved")
    if verdict.given_by_id == actor.user_id:
        raise ReviewError("approval needs a second person: you gave this verdict")
    verdict.approved_by_id, verdict.approved_at = actor.user_id, utcnow()
    before = _status(claim, ClaimStatus.APPROVED)
    _save(session, claim, verdict)
    record_claim_event(
        session, EventKind.CLAIM_APPROVED, claim, actor=actor, before=before,
        after={"verdict_id": verdict.id, "rating": verdict.rating, "status": claim.status},
    )  # fmt: skip
    return verdict


def send_back(session: Session, claim_id: int, *, version: int, reason: str, actor: Actor) -> Claim:
    """An editor returns a verdict to the reviewer who gave it, saying why; it waits in
    their "Needs a second look" until they give a verdict again."""
    require_role(actor, EDITORS, "send claims back")
    reason = _reason(reason, "the claim is sent back")
    claim = _locked(session, claim_id, version)
    verdict = current_verdict(session, claim_id)
    if verdict is None or claim.status != ClaimStatus.REVIEWED.value:
        raise ReviewError("only a reviewed claim awaiting approval can be sent back")
    if verdict.given_by_id == actor.user_id:
        raise ReviewError("you gave this verdict: give a new one instead of sending it back")
    reviewer = session.get(User, verdict.given_by_id)
    before = _status(claim, ClaimStatus.IN_REVIEW) | {"assignee_id": claim.assignee_id}
    claim.assignee_id, claim.sent_back_at = verdict.given_by_id, utcnow()
    _save(session, claim)
    record_claim_event(
        session, EventKind.CLAIM_SENT_BACK, claim, actor=actor, before=before,
        after={"status": claim.status, "assignee_id": claim.assignee_id,
               "reviewer": reviewer.username if reviewer else None, "reason": reason},
    )  # fmt: skip
    return claim


def last_sent_back(session: Session, claim_id: int) -> AuditEvent | None:
    """Why and by whom the claim was last sent back (shown while it waits)."""
    query = (
        select(AuditEvent)
        .where(AuditEvent.claim_id == claim_id, AuditEvent.kind == EventKind.CLAIM_SENT_BACK)
        .order_by(AuditEvent.id.desc())  # type: ignore[union-attr]
        .limit(1)
    )
    return session.exec(query).first()


# --- dismiss, reopen, comment ------------------------------------------------------


def dismiss(session: Session, claim_id: int, *, version: int, reason: str, actor: Actor) -> Claim:
    require_role(actor, REVIEWERS, "dismiss claims")
    reason = _reason(reason, "the claim is dismissed")
    claim = _locked(session, claim_id, version)
    if claim.status == ClaimStatus.DISMISSED.value:
        raise ReviewError("this claim is already dismissed")
    if claim.status == ClaimStatus.APPROVED.value:
        raise ReviewError("this claim is approved: reopen it first")
    before = _status(claim, ClaimStatus.DISMISSED)
    _save(session, claim)
    record_claim_event(
        session, EventKind.CLAIM_DISMISSED, claim, actor=actor, before=before,
        after={"status": claim.status, "reason": reason},
    )  # fmt: skip
    return claim


def reopen(session: Session, claim_id: int, *, version: int, reason: str, actor: Actor) -> Claim:
    require_role(actor, REVIEWERS, "reopen claims")
    reason = _reason(reason, "the claim is reopened")
    claim = _locked(session, claim_id, version)
    if claim.status not in (ClaimStatus.DISMISSED.value, ClaimStatus.APPROVED.value):
        raise ReviewError("only a dismissed or approved claim can be reopened")
    if claim.status == ClaimStatus.APPROVED.value:
        require_role(actor, EDITORS, "reopen an approved claim")
    before = _status(claim, ClaimStatus.IN_REVIEW)
    _save(session, claim)
    record_claim_event(
        session, EventKind.CLAIM_REOPENED, claim, actor=actor, before=before,
        after={"status": claim.status, "reason": reason},
    )  # fmt: skip
    return claim


def add_comment(session: Session, claim_id: int, *, body: str, actor: Actor) -> Comment:
    require_role(actor, REVIEWERS, "comment")
    body = (body or "").strip()
    if not body:
        raise ReviewError("the comment is empty", field="body")
    if len(body) > LIMITS["body"]:
        raise ReviewError("the comment is longer than 10,000 characters", field="body")
    claim = get_claim(session, claim_id)
    row = Comment(claim_id=claim_id, author_id=actor.user_id, body=body, created_at=utcnow())
    _save(session, row)
    record_claim_event(
        session, EventKind.COMMENT_ADDED, claim, actor=actor,
        after={"comment_id": row.id, "body": body},
    )  # fmt: skip
    return row


def bulk_dismiss(session: Session, claim_ids: Iterable[int], *, reason: str, actor: Actor) -> int:
    """Editors: dismiss several claims at their current versions, all or none."""
    return _in_bulk(session, claim_ids, dismiss, "dismiss claims in bulk", reason, actor)


def bulk_reopen(session: Session, claim_ids: Iterable[int], *, reason: str, actor: Actor) -> int:
    """Editors: send several dismissed or approved claims back to review, all or none."""
    return _in_bulk(session, claim_ids, reopen, "reopen claims in bulk", reason, actor)


def _in_bulk(session, claim_ids, action, what: str, reason: str, actor: Actor) -> int:
    # One transaction (the caller's): the first refusal undoes the whole batch.
    require_role(actor, EDITORS, what)
    count = 0
    for claim_id in claim_ids:
        claim = get_claim(session, claim_id)
        action(session, claim_id, version=claim.version, reason=reason, actor=actor)
        count += 1
    return count


def corrections(session: Session, claim_id: int) -> list[AuditEvent]:
    """Every correction of the claim's fields: who, when, from what, to what."""
    query = (
        select(AuditEvent)
        .where(AuditEvent.claim_id == claim_id, AuditEvent.kind == EventKind.CLAIM_EDITED.value)
        .order_by(AuditEvent.id)
    )
    return list(session.exec(query).all())


def comments(session: Session, claim_id: int) -> list[Comment]:
    return list(
        session.exec(select(Comment).where(Comment.claim_id == claim_id).order_by(Comment.id))
    )
