"""Checks and tests shared by the queue, audit log and report filters (values from a URL)."""

from __future__ import annotations

from datetime import date
from typing import Any

from claims_app.models import MAX_ID


def check_dates(error: type[ValueError], what: str, date_from: str, date_to: str) -> None:
    """Refuse a range end that is not an ISO day, naming it ("date from must be ...")."""
    for label, value in (("from", date_from), ("to", date_to)):
        if value:
            try:
                date.fromisoformat(value)
            except ValueError:
                raise error(f"{what} {label} must be a date (YYYY-MM-DD)") from None


def is_id(value: str) -> bool:
    """Digits naming a row that can exist (ids are 32-bit on both databases)."""
    # isascii: "²" is a digit to str.isdigit(), and no number to int()
    return value.isascii() and value.isdigit() and int(value) <= MAX_ID


def contains(column: Any, part: str) -> Any:
    """Case-insensitive "the column holds `part`", typed text taken literally:
    a % or _ a reviewer types is not a wildcard."""
    literal = part.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.ilike(f"%{literal}%", escape="\\")
