"""Stored values as a person reads them: times with their zone, changes as words.

The desk stores every time in UTC and shows it so, with the zone said each
time ("2026-12-02 16:22 UTC"): reviewers in several countries read one log, and
a time without its zone is a time nobody can compare. Audit changes are stored
as JSON objects; on screen each becomes "field: before → after", never raw JSON.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from flask import Flask

from claims_app.figures import figure
from claims_app.models import document_name

_FIGURE_FIELDS = frozenset(("value", "value_max", "verified_value", "verified_value_max"))


def moment(at: datetime | None, seconds: bool = False) -> str:
    """ "2026-12-02 16:22 UTC"; stored naive times are UTC already (SQLite drops the zone)."""
    if at is None:
        return ""
    at = at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)
    return at.strftime("%Y-%m-%d %H:%M:%S UTC" if seconds else "%Y-%m-%d %H:%M UTC")


def words(name: str) -> str:
    """A stored name as words: "in_review" → "in review", "more_than" → "more than"."""
    return name.replace("_", " ")


def shown(name: str, value: object) -> str:
    """One stored value as text: figures exact with separators, lists and objects as
    phrases, nothing as "(empty)"."""
    if value is None or value == "" or value == [] or value == {}:
        return "(empty)"
    if name in _FIGURE_FIELDS and isinstance(value, int | float) and not isinstance(value, bool):
        return figure(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(shown(name, v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{words(k)} {shown(k, v)}" for k, v in value.items())
    if isinstance(value, datetime | date):
        return moment(value) if isinstance(value, datetime) else value.isoformat()
    return words(value) if name in ("status", "qualifier", "rating", "role") else str(value)


def change_lines(before: dict | None, after: dict | None) -> list[tuple[str, str | None, str]]:
    """An audit event's change as (field, before or None, after) in words, fields in the
    order the event wrote them; a field only before was removed."""
    before, after = before or {}, after or {}
    lines = []
    for name in [*after, *(k for k in before if k not in after)]:
        old = shown(name, before[name]) if name in before else None
        new = shown(name, after[name]) if name in after else "(removed)"
        lines.append((words(name), old, new))
    return lines


def register(app: Flask) -> None:
    app.add_template_filter(moment, "moment")
    app.add_template_filter(words, "words")
    app.add_template_filter(document_name, "document_name")
    app.add_template_global(change_lines, "change_lines")
