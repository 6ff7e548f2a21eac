"""The few date shapes that page furniture uses: header lines, trailers, datelines.

Kept to strict, anchored regexes on purpose: these decide where an article
starts and which day it belongs to, so a false match costs more than a miss.
Free-text dates inside sentences are the claim extractor's business.
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
# Scoped (?i:): month names match in any case wherever MONTH_RE is embedded.
MONTH_RE = r"(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"

# "31 May 2019", "May 31, 2019", "2019-05-31"
DATE_RE = (
    rf"(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{MONTH_RE})\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{MONTH_RE})\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}})"
    rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}))"
)
_DATE = re.compile(DATE_RE, re.IGNORECASE)
# "30.07.2018", "30/07/2018": day first, as in the bulletins we read.
_NUMERIC_DMY = re.compile(r"(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4})")


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def date_from_match(m: re.Match[str]) -> date | None:
    """Turn a DATE_RE match (any of its three shapes) into a date."""
    g = m.groupdict()
    if g.get("y1"):
        return _safe_date(int(g["y1"]), MONTHS[g["m1"].lower().rstrip(".")], int(g["d1"]))
    if g.get("y2"):
        return _safe_date(int(g["y2"]), MONTHS[g["m2"].lower().rstrip(".")], int(g["d2"]))
    if g.get("y3"):
        return _safe_date(int(g["y3"]), int(g["m3"]), int(g["d3"]))
    return None


def parse_date(text: str) -> date | None:
    """A date written in words or ISO, or day-first with dots or slashes."""
    m = _DATE.fullmatch(text.strip())
    if m:
        return date_from_match(m)
    m = _NUMERIC_DMY.fullmatch(text.strip())
    if m:
        return _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return None


def find_date(text: str) -> date | None:
    """The first date of either shape anywhere in text."""
    m = _DATE.search(text)
    if m and (found := date_from_match(m)):
        return found
    m = _NUMERIC_DMY.search(text)
    if m:
        return _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return None
