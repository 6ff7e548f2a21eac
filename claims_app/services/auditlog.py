"""The audit log for auditors: filter every event, page by cursor, export the filter.

Pages run newest first and are cut at the last event's id (keyset, no OFFSET).
Exports run oldest first in batches of the same kind of query, so a download
of the whole trail streams in constant memory.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from claims_app.db import session_scope
from claims_app.models import AuditEvent
from claims_app.services.audit import EventKind, iso_utc, jsonable
from claims_app.services.filters import check_dates, is_id

PAGE_SIZE = 100
EXPORT_BATCH = 1000
EXPORT_COLUMNS = (
    "id", "at", "kind", "actor", "actor_id", "target_type", "target_id", "claim_id",
    "document_id", "before", "after", "request_id", "client_addr", "prev_hash", "hash",
)  # fmt: skip


class AuditLogError(ValueError):
    """An audit log filter that cannot be read; the message names the field."""


@dataclass(frozen=True)
class LogFilter:
    actor: str = ""
    kind: str = ""
    date_from: str = ""
    date_to: str = ""
    claim: str = ""
    document: str = ""

    @classmethod
    def from_args(cls, args: Any) -> LogFilter:
        found = cls(**{f.name: (args.get(f.name) or "").strip() for f in fields(cls)})
        found.check()
        return found

    def check(self) -> None:
        if self.kind and self.kind not in {k.value for k in EventKind}:
            raise AuditLogError(f"unknown event kind {self.kind!r}")
        for label, value in (("claim", self.claim), ("document", self.document)):
            if value and not is_id(value):
                raise AuditLogError(f"{label} must be a number")
        check_dates(AuditLogError, "date", self.date_from, self.date_to)

    def as_args(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}


def _filtered(wanted: LogFilter):
    query = select(AuditEvent)
    if wanted.actor:
        query = query.where(AuditEvent.actor == wanted.actor)
    if wanted.kind:
        query = query.where(AuditEvent.kind == wanted.kind)
    if wanted.claim:
        query = query.where(AuditEvent.claim_id == int(wanted.claim))
    if wanted.document:
        query = query.where(AuditEvent.document_id == int(wanted.document))
    if wanted.date_from:
        start = datetime.combine(date.fromisoformat(wanted.date_from), time(), tzinfo=UTC)
        query = query.where(col(AuditEvent.at) >= start)
    if wanted.date_to:  # the whole day named
        end = datetime.combine(date.fromisoformat(wanted.date_to), time(), tzinfo=UTC)
        query = query.where(col(AuditEvent.at) < end + timedelta(days=1))
    return query


@dataclass(frozen=True)
class LogPage:
    events: list[AuditEvent]
    next_cursor: int | None


def log_page(session: Session, wanted: LogFilter, *, before_id: int | None = None) -> LogPage:
    query = _filtered(wanted)
    if before_id is not None:
        query = query.where(col(AuditEvent.id) < before_id)
    rows = list(session.exec(query.order_by(col(AuditEvent.id).desc()).limit(PAGE_SIZE + 1)))
    more = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    return LogPage(rows, rows[-1].id if more else None)


def actors(session: Session) -> list[str]:
    return list(session.exec(select(AuditEvent.actor).distinct().order_by(AuditEvent.actor)))


def _export_rows(engine: Engine, wanted: LogFilter) -> Iterator[dict[str, Any]]:
    last_id = 0
    while True:
        with session_scope(engine) as session:
            query = _filtered(wanted).where(col(AuditEvent.id) > last_id)
            batch = list(session.exec(query.order_by(col(AuditEvent.id)).limit(EXPORT_BATCH)))
        if not batch:
            return
        for event in batch:
            yield _record(event)
        last_id = batch[-1].id or last_id


def _record(event: AuditEvent) -> dict[str, Any]:
    record = {name: getattr(event, name) for name in EXPORT_COLUMNS}
    record["at"] = iso_utc(event.at) if event.at else None
    record["before"], record["after"] = jsonable(event.before), jsonable(event.after)
    return record


def export_jsonl(engine: Engine, wanted: LogFilter) -> Iterator[str]:
    for record in _export_rows(engine, wanted):
        yield json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n"


def export_csv(engine: Engine, wanted: LogFilter) -> Iterator[str]:
    """CSV with before/after as JSON text; cells that a spreadsheet would run as a
    formula (=, +, -, @ first) are quoted with a leading apostrophe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(EXPORT_COLUMNS)
    for record in _export_rows(engine, wanted):
        writer.writerow([_cell(record[name]) for name in EXPORT_COLUMNS])
        if buffer.tell() > 64_000:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        value = json.dumps(value, ensure_ascii=False, sort_keys=True)
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
