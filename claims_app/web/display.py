"""Stored values as a person reads them: times with their zone, changes as words.

The desk stores every time in UTC and shows it so, with the zone said each
time ("2026-12-02 16:22 UTC"): reviewers in several countries read one log, and
a time without its zone is a time nobody can compare. Audit changes are stored
as JSON objects; on screen each becomes "field: before → after", never raw JSON.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from flask import Flask

from claims_app.extraction.claims import worthiness
from claims_app.figures import figure, figure_range
from claims_app.models import article_label, document_name
from claims_app.services import queue
from claims_app.services.exports import public_link

_FIGURE_FIELDS = frozenset(("value", "value_max", "verified_value", "verified_value_max"))


def view_count(counted: int) -> str:
    """A queue view's count as counted (up to queue.COUNT_CAP, then "1,000+")."""
    if counted > queue.COUNT_CAP:
        return f"{queue.COUNT_CAP:,}+"
    return f"{counted:,}"


_SAID_BEFORE = {"at_least": "at least", "more_than": "more than", "approx": "about",
               "at_most": "up to"}  # fmt: skip


def figure_text(report) -> str:
    """A report's figure as a reader says it: "at least 7", "12–15", "dozens"
    (a vague word has no number: its quote says it)."""
    if report.value is None:
        return report.quote
    said = _SAID_BEFORE.get(report.qualifier or "")
    number = figure_range(report.value, report.value_max)
    return f"{said} {number}" if said else number


def range_text(low_high: tuple[float, float]) -> str:
    """An incident's reported range, "7–24", or "7" when every report says 7."""
    low, high = low_high
    return figure(low) if low == high else f"{figure(low)}–{figure(high)}"


def incident_days(incident) -> str:
    start, end = incident.date_start, incident.date_end
    return start.isoformat() if start == end else f"{start.isoformat()} to {end.isoformat()}"


def moment(at: datetime | None, seconds: bool = False) -> str:
    """ "2026-12-02 16:22 UTC"; stored naive times are UTC already (SQLite drops the zone)."""
    if at is None:
        return ""
    at = at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)
    return at.strftime("%Y-%m-%d %H:%M:%S UTC" if seconds else "%Y-%m-%d %H:%M UTC")


# Stored names whose words are not just the name with spaces.
_SAID = {"approx": "about", "at_most": "up to", "vague": "vague (a word, not a number)"}


def words(name: str) -> str:
    """A stored name as words: "in_review" → "in review", "approx" → "about"."""
    return _SAID.get(name, name.replace("_", " "))


def period(event_date: str | None) -> str:
    """ "2021-02-21/2021-03-10" → "2021-02-21 – 2021-03-10"; one date as it is."""
    return " – ".join(period_parts(event_date))


def shown(name: str, value: object) -> str:
    """One stored value as text: figures exact with separators, lists and objects as
    phrases, nothing as "—"."""
    if value is None or value == "" or value == [] or value == {}:
        return "—"
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
    if name == "event_date":
        return period(value)
    return (
        words(value)
        if name in ("status", "qualifier", "rating", "role", "category")
        else str(value)
    )


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


# The figure inside a quote, to set it in bold: digits with their separators and
# scale ("1,234,567", "2.6 million", "US$1.2bn"), or a count in words ("dozens",
# "two hundred", "a dozen"). Display only: the stored value is never read from here.
_FIGURE_IN_QUOTE = re.compile(
    r"(?:US)?[$€£]?\d(?:[\d,.\u202f\u00a0 ]*\d)?(?:\s*(?:million|billion|thousand|m|bn|k)\b)?%?"
    r"|\b(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundred|a few)\s+)?(?:dozens?|scores|hundreds|thousands|millions|hundred|"
    r"thousand|million|billion)\b"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety)\b",
    re.IGNORECASE,
)
_CONTEXT = 70  # characters of the sentence shown on each side of the quote


def preview(sentence: str, quote: str) -> dict[str, str]:
    """The sentence around the quote for a queue row: never cut inside the quote, cut
    at a word before and after it with "…", the figure found for bold."""
    at = sentence.find(quote)
    if at < 0:
        before, after = "", ""
    else:
        before, after = sentence[:at], sentence[at + len(quote) :]
    if len(before) > _CONTEXT:
        cut = before[-_CONTEXT:]
        before = "…" + cut[cut.find(" ") + 1 :] if " " in cut else "…" + cut
    if len(after) > _CONTEXT:
        cut = after[:_CONTEXT]
        after = (cut[: cut.rfind(" ")] if " " in cut.strip() else cut) + "…"
    m = _FIGURE_IN_QUOTE.search(quote)
    lead, figure_text, rest = (quote[: m.start()], m.group(), quote[m.end() :]) if m else (
        quote, "", "")  # fmt: skip
    return {"before": before, "lead": lead, "figure": figure_text, "rest": rest, "after": after}


def period_parts(event_date: str | None) -> list[str]:
    """ "2021-03-01/2021-03-12" as its two dates, each kept on one line by the page."""
    return [part for part in (event_date or "").split("/") if part]


def why_worth(claim) -> str:
    """Why the claim scores as check-worthy, from the fields it has now."""
    _score, reasons = worthiness(
        claim.category, has_value=claim.value is not None,
        attributed=claim.attributed_to is not None, dated=claim.event_date is not None,
        located=claim.location is not None, part=claim.part_of_id is not None,
    )  # fmt: skip
    return ", ".join(reasons) or "nothing marks it out"


def register(app: Flask) -> None:
    app.add_template_global(preview, "preview")
    app.add_template_global(period_parts, "period_parts")
    app.add_template_global(article_label, "article_label")
    app.add_template_global(view_count, "view_count")
    app.add_template_global(figure_text, "figure_text")
    app.add_template_global(range_text, "range_text")
    app.add_template_global(incident_days, "incident_days")
    app.add_template_global(why_worth, "why_worth")
    app.add_template_global(public_link, "public_link")
    app.add_template_filter(moment, "moment")
    app.add_template_filter(words, "words")
    app.add_template_filter(period, "period")
    app.add_template_filter(document_name, "document_name")
    app.add_template_global(change_lines, "change_lines")
    app.add_template_global(shown, "field_text")
