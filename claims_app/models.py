"""The tables for the whole workflow: intake, claims, review, audit.

Choices that matter later:
- Enumerations are stored as short strings guarded by CHECK constraints, not
  as native PostgreSQL enum types, so adding a value is a one-line migration
  on both databases.
- Times are UTC, stored with time zone where the database has one.
- Claim offsets point into Article.body, which is stored exactly as split from
  the page; Article.start_offset maps them back into Document.text.
- Sources are never deleted, only marked removed (with who, when and why), so
  a verdict's evidence can always be shown as it was.
- AuditEvent.prev_hash is UNIQUE: two events can never claim the same
  predecessor, so concurrent writers cannot fork the hash chain.
"""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Index,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
    true,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

JSONType = JSON().with_variant(JSONB(), "postgresql")


def utcnow() -> datetime:
    return datetime.now(UTC)


# Ids are 32-bit integers on both databases: a larger number in a URL or form can
# name no row, and PostgreSQL refuses to even compare it (so it is checked first).
MAX_ID = 2**31 - 1


def _tz_column(*, nullable: bool = True, index: bool = False) -> Any:
    return Field(
        default=None,
        sa_column=Column(DateTime(timezone=True), nullable=nullable, index=index),
    )


def _check_in(column: str, choices: type[enum.Enum], name: str) -> CheckConstraint:
    values = ", ".join(f"'{c.value}'" for c in choices)
    return CheckConstraint(f"{column} IN ({values})", name=name)


class Role(enum.StrEnum):
    REVIEWER = "reviewer"
    EDITOR = "editor"
    AUDITOR = "auditor"
    ADMIN = "admin"


class ClaimKind(enum.StrEnum):
    NUMERIC = "numeric"
    DATE = "date"
    EVENT = "event"


class ClaimStatus(enum.StrEnum):
    NEW = "new"
    IN_REVIEW = "in_review"
    REVIEWED = "reviewed"
    APPROVED = "approved"
    DISMISSED = "dismissed"


class Relation(enum.StrEnum):
    SUPPORTS = "supports"
    CONTRADICTS = "contradicts"
    CONTEXT = "context"


class FetchState(enum.StrEnum):
    QUEUED = "queued"  # asked for; the worker has not answered yet
    FETCHED = "fetched"  # the latest attempt kept a snapshot
    FAILED = "failed"  # the latest attempt was refused or failed (its snapshot says why)


class Rating(enum.StrEnum):
    ACCURATE = "accurate"
    MOSTLY_ACCURATE = "mostly_accurate"
    NEEDS_CONTEXT = "needs_context"
    INACCURATE = "inaccurate"
    FALSE = "false"
    UNVERIFIABLE = "unverifiable"


class Confidence(enum.StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class User(SQLModel, table=True):
    __tablename__ = "users"
    __table_args__ = (_check_in("role", Role, "ck_users_role"),)

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(sa_column=Column(String(64), unique=True, nullable=False))
    display_name: str = Field(default="", max_length=128)
    password_hash: str = Field(max_length=256)
    role: str = Field(sa_column=Column(String(16), nullable=False))
    active: bool = Field(default=True)
    created_at: datetime | None = _tz_column(nullable=False)


class Document(SQLModel, table=True):
    __tablename__ = "documents"

    id: int | None = Field(default=None, primary_key=True)
    origin: str = Field(sa_column=Column(Text, nullable=False))
    # Hash of the bytes as received: the same file ingested twice is found by it.
    sha256: str = Field(sa_column=Column(String(64), unique=True, nullable=False))
    media_type: str = Field(max_length=64)
    size_bytes: int
    # The page text the splitter read (for HTML: the main text trafilatura
    # took out). Articles are slices of it.
    text: str = Field(sa_column=Column(Text, nullable=False))
    ingested_at: datetime | None = _tz_column(nullable=False, index=True)
    ingested_by: str = Field(max_length=128)
    # False while its claims are still being written, in short transactions; an
    # ingest cut short (a crash, kill -9) is completed by running it again.
    complete: bool = Field(
        default=True, sa_column=Column(Boolean, nullable=False, server_default=true())
    )


def article_label(title: str | None, body: str, words_shown: int = 8) -> str:
    """An article's title, or for one without, the first words of its text."""
    if title:
        return title
    first = body.split()
    return " ".join(first[:words_shown]) + ("…" if len(first) > words_shown else "") or "(empty)"


def document_name(origin: str) -> str:
    """What a person calls a document: a web address as given, a file by its name,
    never the local path it was read from ("/home/amina/in/sitrep 12.html")."""
    if origin.startswith(("http://", "https://")):
        return origin
    return origin.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or origin


class Article(SQLModel, table=True):
    __tablename__ = "articles"
    __table_args__ = (UniqueConstraint("document_id", "position", name="uq_articles_position"),)

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="documents.id", index=True)
    position: int  # 0-based order on the page
    title: str | None = Field(default=None, sa_column=Column(Text))
    section: str | None = Field(default=None, max_length=128)
    published_on: date | None = Field(default=None, index=True)
    # Where the date came from: header, trailer, dateline, inherited.
    date_source: str | None = Field(default=None, max_length=16)
    # "Data as of 16 March" under a report issued on 18 March: the day its figures
    # stand at, which ends what they count "since" a day (None: its date).
    data_day: date | None = None
    start_offset: int  # where body starts in Document.text
    body: str = Field(sa_column=Column(Text, nullable=False))
    body_sha256: str = Field(max_length=64)
    # Set when the extractor raised on this article (its claims are missing), with
    # the error; cleared by a re-extraction that succeeds.
    extraction_error: str | None = Field(default=None, sa_column=Column(Text))


class Claim(SQLModel, table=True):
    __tablename__ = "claims"
    __table_args__ = (
        _check_in("kind", ClaimKind, "ck_claims_kind"),
        _check_in("status", ClaimStatus, "ck_claims_status"),
        CheckConstraint("start_offset >= 0 AND end_offset >= start_offset", name="ck_claims_span"),
        Index("ix_claims_queue", "status", "check_worthiness", "id"),
        # One index per sort and filter the queue offers (migration 0003); search has
        # its own, outside the models: FTS5 on SQLite, a GIN tsvector on PostgreSQL.
        Index("ix_claims_worthiness", "check_worthiness", "id"),
        Index("ix_claims_status_assignee", "status", "assignee_id"),
        Index("ix_claims_status_id", "status", "id"),
        Index("ix_claims_kind", "kind"),
        Index("ix_claims_location", "location"),
        # A claim's neighbours in its article, read by offset (the workspace's window).
        Index("ix_claims_article_offset", "article_id", "start_offset"),
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="articles.id", index=True)
    kind: str = Field(sa_column=Column(String(16), nullable=False))
    quote: str = Field(sa_column=Column(Text, nullable=False))
    start_offset: int
    end_offset: int
    sentence: str = Field(sa_column=Column(Text, nullable=False))
    value: float | None = None
    value_max: float | None = None
    unit: str | None = Field(default=None, max_length=64)
    qualifier: str | None = Field(default=None, max_length=16)
    category: str | None = Field(default=None, max_length=32, index=True)
    subject: str | None = Field(default=None, max_length=256)
    location: str | None = Field(default=None, max_length=256)
    # event_date is the ISO form as extracted (day, period, month or year);
    # start/end are the days it covers, for filtering and sorting.
    event_date: str | None = Field(default=None, max_length=32)
    event_date_start: date | None = Field(default=None, index=True)
    event_date_end: date | None = None
    # The days the figure's context tells of (its paragraph, its listing item, the
    # report's period) when the figure names none: read by incident grouping only;
    # event_date stays what the figure's own words say.
    context_start: date | None = None
    context_end: date | None = None
    attributed_to: str | None = Field(default=None, max_length=256)
    part_of_id: int | None = Field(default=None, foreign_key="claims.id")
    check_worthiness: float = 0.0
    extractor_version: str = Field(max_length=32)
    status: str = Field(default=ClaimStatus.NEW.value, sa_column=Column(String(16), nullable=False))
    assignee_id: int | None = Field(default=None, foreign_key="users.id", index=True)
    assigned_at: datetime | None = _tz_column()
    # Set while a claim an editor sent back waits for its reviewer's second look
    # (status in review again); cleared by the next verdict.
    sent_back_at: datetime | None = _tz_column()
    version: int = 1  # optimistic locking: every write checks and bumps it
    created_at: datetime | None = _tz_column(nullable=False)
    updated_at: datetime | None = _tz_column(nullable=False)
    # The incident this figure reports (services/incidents.py), why it was put
    # there in words, and whether its figure disagrees with another report of it.
    incident_id: int | None = Field(default=None, foreign_key="incidents.id", index=True)
    incident_reason: str | None = Field(default=None, sa_column=Column(Text))
    # A person put it there (confirmed, split out, merged): grouping never moves it.
    incident_pinned: bool = Field(
        default=False, sa_column=Column(Boolean, nullable=False, server_default=false())
    )
    figure_conflict: bool = Field(
        default=False,
        sa_column=Column(Boolean, nullable=False, server_default=false(), index=True),
    )


class Incident(SQLModel, table=True):
    """One event that several figures report. Its key is its first report's: a
    figure joins when it matches that one (incidents/matching.py), so an incident
    never drifts by chains of near matches."""

    __tablename__ = "incidents"
    __table_args__ = (
        # Candidates for a new figure: same kind, days overlapping (services/incidents.py).
        Index("ix_incidents_kind_dates", "kind", "date_start", "date_end"),
        # The desk's list of incidents in conflict, newest first (migration 0014).
        Index("ix_incidents_in_conflict", "id", sqlite_where=text("conflict = 1"),
              postgresql_where=text("conflict")),
    )  # fmt: skip

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=32)
    category: str = Field(max_length=32)
    unit: str | None = Field(default=None, max_length=64)
    place: str = Field(max_length=256)
    subject: str | None = Field(default=None, max_length=256)
    date_start: date
    date_end: date
    conflict: bool = Field(
        default=False, sa_column=Column(Boolean, nullable=False, server_default=false())
    )
    created_at: datetime | None = _tz_column(nullable=False)
    confirmed_by_id: int | None = Field(default=None, foreign_key="users.id")
    confirmed_at: datetime | None = _tz_column()
    merged_into_id: int | None = Field(default=None, foreign_key="incidents.id")


class PlaceName(SQLModel, table=True):
    """Every place a claim has named, once, kept by triggers on claims (migration
    0005): the place filter searches these few rows, not every claim."""

    __tablename__ = "place_names"
    name: str = Field(sa_column=Column(Text, primary_key=True))


class Source(SQLModel, table=True):
    __tablename__ = "sources"
    __table_args__ = (_check_in("relation", Relation, "ck_sources_relation"),)

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claims.id", index=True)
    url: str = Field(sa_column=Column(Text, nullable=False))
    title: str = Field(default="", sa_column=Column(Text, nullable=False))
    publisher: str | None = Field(default=None, max_length=256)
    published_on: date | None = None
    excerpt: str | None = Field(default=None, sa_column=Column(Text))
    archive_url: str | None = Field(default=None, sa_column=Column(Text))
    relation: str = Field(sa_column=Column(String(16), nullable=False))
    independent: bool = False
    added_by_id: int = Field(foreign_key="users.id")
    added_at: datetime | None = _tz_column(nullable=False)
    removed_by_id: int | None = Field(default=None, foreign_key="users.id")
    removed_at: datetime | None = _tz_column()
    removed_reason: str | None = Field(default=None, sa_column=Column(Text))
    # The kept copy (evidence): the latest fetch's state, and whether the page has
    # changed since the first copy was kept (the reviewer cited that one).
    fetch_state: str | None = Field(default=None, max_length=16)
    changed_since_cited: bool = False


class SourceSnapshot(SQLModel, table=True):
    """One attempt to fetch a source, kept as it went: append-only (migration 0013),
    a fetched copy's bytes named by their SHA-256, its main text kept to read; a
    refusal or a failure with its reason."""

    __tablename__ = "source_snapshots"

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="sources.id", index=True)
    requested_url: str = Field(sa_column=Column(Text, nullable=False))  # "" for an upload
    file_name: str | None = Field(default=None, sa_column=Column(Text))  # an upload's
    final_url: str | None = Field(default=None, sa_column=Column(Text))
    status: int | None = None  # the HTTP status of the answer kept
    content_type: str | None = Field(default=None, max_length=128)
    sha256: str | None = Field(default=None, max_length=64)
    size_bytes: int | None = None
    title: str | None = Field(default=None, sa_column=Column(Text))
    publisher: str | None = Field(default=None, max_length=256)
    text: str | None = Field(default=None, sa_column=Column(Text))
    # The figures the extractor read in the text (evidence/finding.SourceFigure), read
    # once when kept; None for copies kept before they were (read when shown).
    figures: list | None = Field(default=None, sa_column=Column(JSONType))
    error: str | None = Field(default=None, sa_column=Column(Text))
    refused: bool = False  # the fetch rules forbade it (not the site's failure)
    changed: bool = False  # its bytes differ from the copy kept before it
    fetched_at: datetime | None = _tz_column(nullable=False)


class Verdict(SQLModel, table=True):
    __tablename__ = "verdicts"
    __table_args__ = (
        _check_in("rating", Rating, "ck_verdicts_rating"),
        _check_in("confidence", Confidence, "ck_verdicts_confidence"),
        # One current verdict per claim, whatever the code does (migration 0008).
        Index("uq_verdicts_one_current", "claim_id", unique=True,
              sqlite_where=text("current = 1"), postgresql_where=text("current")),
    )  # fmt: skip

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claims.id", index=True)
    rating: str = Field(sa_column=Column(String(16), nullable=False))
    rationale: str = Field(sa_column=Column(Text, nullable=False))
    verified_value: float | None = None
    verified_value_max: float | None = None
    confidence: str = Field(sa_column=Column(String(8), nullable=False))
    given_by_id: int = Field(foreign_key="users.id")
    given_at: datetime | None = _tz_column(nullable=False)
    approved_by_id: int | None = Field(default=None, foreign_key="users.id")
    approved_at: datetime | None = _tz_column()
    # A newer verdict supersedes the old one; the old row stays for history.
    current: bool = Field(default=True, index=True)


class Comment(SQLModel, table=True):
    __tablename__ = "comments"

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claims.id", index=True)
    author_id: int = Field(foreign_key="users.id")
    body: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime | None = _tz_column(nullable=False)


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_events"

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(sa_column=Column(String(32), nullable=False, index=True))
    actor: str = Field(max_length=128, index=True)
    actor_id: int | None = Field(default=None, foreign_key="users.id")
    at: datetime | None = _tz_column(nullable=False, index=True)
    target_type: str = Field(max_length=16)
    target_id: int | None = None
    claim_id: int | None = Field(default=None, index=True)
    document_id: int | None = Field(default=None, index=True)
    before: dict | None = Field(default=None, sa_column=Column(JSONType))
    after: dict | None = Field(default=None, sa_column=Column(JSONType))
    request_id: str | None = Field(default=None, max_length=64)
    client_addr: str | None = Field(default=None, max_length=64)
    prev_hash: str = Field(sa_column=Column(String(64), unique=True, nullable=False))
    hash: str = Field(sa_column=Column(String(64), unique=True, nullable=False))
