"""The audit trail: one event per state change, hash-chained.

Each event stores the hash of the event before it and its own hash over a
canonical encoding of its content (sorted-key JSON, UTC times in ISO form).
Changing any stored event, or dropping one from the middle, breaks the chain
at that point; `verify_chain` finds where.

Writers must not fork the chain. On PostgreSQL a transaction-scoped advisory
lock serialises appenders; on SQLite the write transaction (BEGIN IMMEDIATE,
see db.py) already does. AuditEvent.prev_hash being UNIQUE is the backstop.
"""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, col, select

from claims_app.models import AuditEvent, Claim, utcnow
from claims_app.services.actors import Actor

GENESIS_HASH = "0" * 64
_CHAIN_LOCK_KEY = 0x636C61696D73  # "claims": any constant shared by all writers


class EventKind(enum.StrEnum):
    """Every kind of change; EVENT_MEANINGS says what each one records."""

    DOCUMENT_INGESTED = "document.ingested"
    CLAIM_EXTRACTED = "claim.extracted"
    CLAIM_REEXTRACTED = "claim.reextracted"
    CLAIM_REMOVED = "claim.removed"
    CLAIM_GROUPED = "claim.grouped"
    CLAIM_SPLIT_OUT = "claim.split_out"
    INCIDENT_CONFIRMED = "incident.confirmed"
    INCIDENT_MERGED = "incident.merged"
    ARTICLE_EXTRACTION_FAILED = "article.extraction_failed"
    USER_CREATED = "user.created"
    PASSWORD_SET = "user.password_set"
    USER_ROLE_SET = "user.role_set"
    USER_DISABLED = "user.disabled"
    USER_ENABLED = "user.enabled"
    LOGIN_SUCCEEDED = "login.succeeded"
    LOGIN_FAILED = "login.failed"
    CLAIM_TAKEN = "claim.taken"
    CLAIM_ASSIGNED = "claim.assigned"
    CLAIM_RELEASED = "claim.released"
    CLAIM_EDITED = "claim.edited"
    CLAIM_DISMISSED = "claim.dismissed"
    CLAIM_REOPENED = "claim.reopened"
    CLAIM_APPROVED = "claim.approved"
    CLAIM_SENT_BACK = "claim.sent_back"
    SOURCE_ADDED = "source.added"
    SOURCE_REMOVED = "source.removed"
    SOURCE_FETCH_REQUESTED = "source.fetch_requested"
    SOURCE_FETCHED = "source.fetched"
    SOURCE_FETCH_FAILED = "source.fetch_failed"
    SOURCE_UPLOADED = "source.uploaded"
    VERDICT_GIVEN = "verdict.given"
    COMMENT_ADDED = "comment.added"
    REPORT_EXPORTED = "report.exported"


EVENT_MEANINGS: dict[EventKind, str] = {
    EventKind.DOCUMENT_INGESTED: "A page was stored and split into articles.",
    EventKind.CLAIM_EXTRACTED: "The extractor found a claim in an article and stored it.",
    EventKind.CLAIM_REEXTRACTED: (
        "A newer extractor read the claim again; before/after hold the fields it changed."
    ),
    EventKind.CLAIM_REMOVED: (
        "A newer extractor no longer finds an unreviewed claim, so it was removed."
    ),
    EventKind.CLAIM_GROUPED: (
        "The claim was placed in an incident (the event it reports); after holds the "
        "incident's id and why, in words."
    ),
    EventKind.CLAIM_SPLIT_OUT: (
        "A person took the claim out of its incident into one of its own (before/after hold "
        "the incident ids and the reason); grouping no longer moves it."
    ),
    EventKind.INCIDENT_CONFIRMED: (
        "A person confirmed that the incident's claims report one event; they stay as grouped."
    ),
    EventKind.INCIDENT_MERGED: (
        "A person merged another incident into this one (its claims moved here), with the reason."
    ),
    EventKind.ARTICLE_EXTRACTION_FAILED: (
        "The extractor raised on one article; the error is recorded and the article is "
        "kept without claims until a re-extraction succeeds."
    ),
    EventKind.USER_CREATED: "An account was created, with its role.",
    EventKind.PASSWORD_SET: "An account was given a new password (the hash is not recorded).",
    EventKind.USER_ROLE_SET: "An account's role changed; before/after hold the roles.",
    EventKind.USER_DISABLED: "An account was disabled: it can no longer log in.",
    EventKind.USER_ENABLED: "A disabled account was enabled again.",
    EventKind.LOGIN_SUCCEEDED: "Someone logged in (with the request's client address).",
    EventKind.LOGIN_FAILED: (
        "A login was refused: the name tried, and why (unknown user, wrong password, disabled)."
    ),
    EventKind.CLAIM_TAKEN: "A reviewer took the claim from the queue (it is now in review).",
    EventKind.CLAIM_ASSIGNED: "An editor assigned the claim to a reviewer, or to nobody.",
    EventKind.CLAIM_RELEASED: (
        "An assignment nobody touched for the configured time returned the claim to the pool."
    ),
    EventKind.CLAIM_EDITED: (
        "A reviewer corrected one extracted field; before/after hold its old and new value."
    ),
    EventKind.CLAIM_DISMISSED: "The claim was dismissed (not a claim, not worth checking).",
    EventKind.CLAIM_REOPENED: "A dismissed or approved claim went back to review.",
    EventKind.CLAIM_APPROVED: "An editor approved the current verdict (four eyes).",
    EventKind.CLAIM_SENT_BACK: (
        "An editor sent the verdict back to its reviewer for a second look, with the reason."
    ),
    EventKind.SOURCE_ADDED: "A source was attached to the claim.",
    EventKind.SOURCE_FETCH_REQUESTED: "A kept copy of a source was asked for (queued).",
    EventKind.SOURCE_FETCHED: (
        "A copy of a source was fetched and kept; after holds its snapshot, SHA-256 and "
        "whether it differs from the copy before."
    ),
    EventKind.SOURCE_FETCH_FAILED: (
        "A fetch of a source was refused by the fetch rules or failed; after holds why."
    ),
    EventKind.SOURCE_UPLOADED: (
        "A reviewer uploaded the source's file and it was kept; after holds its snapshot, "
        "file name and SHA-256."
    ),
    EventKind.SOURCE_REMOVED: "A source was removed from the claim, with the reason.",
    EventKind.VERDICT_GIVEN: "A verdict was given; it replaces any earlier one as current.",
    EventKind.COMMENT_ADDED: "A comment was added to the claim's thread.",
    EventKind.REPORT_EXPORTED: (
        "Verified claims left the building: format, filter, how many rows, whether complete."
    ),
}


_PLAIN = (str, int, bool, type(None))  # already JSON as they are


def jsonable(value: Any) -> Any:
    """Plain JSON values, the same after a round trip through either database."""
    if isinstance(value, dict):
        return {str(k): v if type(v) in _PLAIN else jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, datetime):
        return iso_utc(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)  # 26.0 and 26 must hash alike
    if isinstance(value, enum.Enum):
        return value.value
    return value


def iso_utc(moment: datetime) -> str:
    # What strftime("%Y-%m-%dT%H:%M:%S.%fZ") gives, at a third of its cost.
    if moment.tzinfo is None:  # SQLite gives naive datetimes back; all we store is UTC
        return moment.isoformat(timespec="microseconds") + "Z"
    return moment.astimezone(UTC).isoformat(timespec="microseconds")[:-6] + "Z"


# What an event's hash covers: every column but its id and the hash itself.
HASHED_FIELDS = (
    "kind", "actor", "actor_id", "at", "target_type", "target_id", "claim_id",
    "document_id", "before", "after", "request_id", "client_addr", "prev_hash",
)  # fmt: skip


def event_hash(event: AuditEvent) -> str:
    return content_hash({name: getattr(event, name) for name in HASHED_FIELDS})


def content_hash(fields: dict[str, Any]) -> str:
    """The hash of an event given as a mapping of HASHED_FIELDS."""
    content = {name: fields[name] for name in HASHED_FIELDS}
    content["at"] = iso_utc(content["at"]) if content["at"] else None
    content["before"], content["after"] = jsonable(content["before"]), jsonable(content["after"])
    return _digest(content)


def _digest(content: dict[str, Any]) -> str:
    """HASHED_FIELDS as plain JSON values ("at" as text) -> the event's hash."""
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _lock_chain(session: Session) -> str:
    """Take the chain for this transaction and return its head."""
    transaction = _innermost(session)
    held = session.info.get("audit_head")
    if held is not None and held[0] is transaction:
        return held[1]  # our own lock, and the head we wrote last
    if session.get_bind().dialect.name != "postgresql":
        return chain_head(session)  # SQLite: BEGIN IMMEDIATE already serialises writers
    session.flush()  # this transaction's earlier events first: the head may be one
    # The lock, then the head, in one round trip (others wait while we hold it):
    # two statements of one query, and under READ COMMITTED the second reads with
    # a snapshot taken after the first got the lock, so it sees the last writer's
    # commit. (Statements with no parameters: psycopg sends them as one query.)
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(f"SELECT pg_advisory_xact_lock({_CHAIN_LOCK_KEY}); {_HEAD_SQL}")
        cursor.nextset()
        row = cursor.fetchone()
    finally:
        cursor.close()
    return row[0] if row else GENESIS_HASH


_HEAD_SQL = "SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1"


def _innermost(session: Session):
    """The savepoint if one is open, else the transaction: the cached head is only
    trusted inside the one it was written in (a rolled-back savepoint takes its
    events with it, and the head must be read again)."""
    return session.get_nested_transaction() or session.get_transaction()


def chain_head(session: Session) -> str:
    last = session.exec(
        select(AuditEvent.hash).order_by(col(AuditEvent.id).desc()).limit(1)
    ).first()
    return last or GENESIS_HASH


def record_event(
    session: Session,
    kind: EventKind,
    *,
    actor: Actor,
    target_type: str,
    target_id: int | None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    claim_id: int | None = None,
    document_id: int | None = None,
) -> AuditEvent:
    """Append one event to the chain, in the caller's transaction."""
    head = _lock_chain(session)
    event = AuditEvent(
        kind=kind.value,
        actor=actor.name,
        actor_id=actor.user_id,
        at=utcnow(),
        target_type=target_type,
        target_id=target_id,
        claim_id=claim_id,
        document_id=document_id,
        before=jsonable(before),
        after=jsonable(after),
        request_id=actor.request_id,
        client_addr=actor.client_addr,
        prev_hash=head,
    )
    event.hash = event_hash(event)
    # Not flushed here: the session inserts in the order events were added (so ids
    # follow the chain), flushes before any query (autoflush) and at commit, and
    # a batch of events then goes to the database as one batched INSERT.
    session.add(event)
    # Within one transaction (which holds the chain), the next event follows this one.
    session.info["audit_head"] = (_innermost(session), event.hash)
    return event


def record_claim_event(
    session: Session,
    kind: EventKind,
    claim: Claim,
    *,
    actor: Actor,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    document_id: int | None = None,
) -> AuditEvent:
    """An event about one claim: the target most events have, so one call shape."""
    return record_event(
        session, kind, actor=actor, target_type="claim", target_id=claim.id,
        claim_id=claim.id, document_id=document_id, before=before, after=after,
    )  # fmt: skip


def record_claim_events(
    session: Session,
    kind: EventKind,
    changes: Sequence[tuple[int, int | None, dict[str, Any] | None]],
    *,
    actor: Actor,
) -> None:
    """One event per (claim id, document id, after), appended as one INSERT: the bulk path
    (ingest), the same chain as `record_claim_event` in a loop without building an
    ORM object per event, which cost a third of ingest time."""
    session.flush()  # events added before go first: ids must follow the chain
    head = _lock_chain(session)
    at = utcnow()
    at_text = iso_utc(at)  # one time for the batch, written once
    rows = []
    for claim_id, document_id, after in changes:
        row = {
            "kind": kind.value, "actor": actor.name, "actor_id": actor.user_id, "at": at_text,
            "target_type": "claim", "target_id": claim_id, "claim_id": claim_id,
            "document_id": document_id, "before": None, "after": jsonable(after),
            "request_id": actor.request_id, "client_addr": actor.client_addr,
            "prev_hash": head,
        }  # fmt: skip
        head = row["hash"] = _digest(row)  # the values are plain already: no second pass
        row["at"] = at
        rows.append(row)
    if rows:
        session.execute(insert(AuditEvent.__table__), rows)  # type: ignore[attr-defined]
        session.info["audit_head"] = (_innermost(session), head)


@dataclass(frozen=True)
class ChainReport:
    count: int
    head: str
    broken_at: int | None = None  # id of the first event that does not match
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify_chain(session: Session, *, batch: int = 1000) -> ChainReport:
    """Walk every event in order and recompute the chain."""
    expected_prev, count, last_id = GENESIS_HASH, 0, 0
    while True:
        rows = session.exec(
            select(AuditEvent)
            .where(col(AuditEvent.id) > last_id)
            .order_by(col(AuditEvent.id))
            .limit(batch)
        ).all()
        if not rows:
            return ChainReport(count=count, head=expected_prev)
        for event in rows:
            if event.prev_hash != expected_prev:
                return ChainReport(count, expected_prev, event.id, "previous hash does not match")
            if event_hash(event) != event.hash:
                problem = "content does not match its hash"
                return ChainReport(count, expected_prev, event.id, problem)
            expected_prev, count, last_id = event.hash, count + 1, event.id or last_id
