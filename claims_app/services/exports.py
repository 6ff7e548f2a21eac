"""Exports of the report: CSV for spreadsheets, JSON for analysts, ClaimReview JSON-LD.

Each format is a generator of text chunks over `report.iter_items`, so a web
response or a file receives the export as it is made, in constant memory.
`Export` counts the rows and records one `report.exported` event when the
stream ends (or is abandoned), in its own short transaction.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine

from claims_app.db import session_scope
from claims_app.figures import figure_range
from claims_app.models import document_name
from claims_app.services.actors import Actor
from claims_app.services.audit import EventKind, iso_utc, record_event
from claims_app.services.evidence import KeptCopies
from claims_app.services.report import VERDICT_LABELS, ReportFilter, ReportItem, iter_items

FORMATS = ("html", "csv", "json", "claimreview")
# schema.org ClaimReview: 5 = best. "Unverifiable" is not a judgement of truth;
# it sits in the middle with its own label (alternateName), never at either end.
RATING_VALUES = {
    "accurate": 5, "mostly_accurate": 4, "needs_context": 3, "unverifiable": 3,
    "inaccurate": 2, "false": 1,
}  # fmt: skip
CSV_COLUMNS = (
    "claim_id", "status", "approved", "document", "article_title", "article_date", "quote",
    "sentence", "value", "value_max", "qualifier", "unit", "category", "subject", "location",
    "event_date", "attributed_to", "verdict", "verified_value", "verified_value_max",
    "confidence", "rationale", "reviewer", "reviewed_at", "approver", "approved_at",
    "sources_count", "independent_sources", "sources", "history_url", "incident_id",
    "incident_low", "incident_high", "figure_conflict",
)  # fmt: skip


@dataclass
class ExportContext:
    base_url: str  # the desk: base_url + /claims/<id> (people with a login)
    org_name: str
    org_url: str = ""
    generated_at: datetime = field(default_factory=lambda: datetime.now().astimezone())
    public_url: str = ""  # the published report, where readers follow a claim's link

    def permalink(self, claim_id: int | None) -> str:
        """The claim where readers can follow it: its anchor in the published report
        (CLAIMS_PUBLIC_URL), else its page on the desk."""
        return public_link(self.public_url, claim_id) or f"{self.base_url}/claims/{claim_id}"


def public_link(public_url: str, claim_id: int | None) -> str | None:
    """ "https://example.org/reports/march#claim-12": the claim in the published report."""
    return f"{public_url.split('#', 1)[0]}#claim-{claim_id}" if public_url else None


def _iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    return iso_utc(value) if isinstance(value, datetime) else value.isoformat()


def _num(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


# --- CSV --------------------------------------------------------------------------


def flatten_sources(item: ReportItem) -> str:
    """Sources in one cell: "relation, independent|not independent, title <url>", then
    its kept copy ("kept sha256:… 2026-12-03T10:00:00Z", and the newest if the page
    changed since), joined by " | " (a character no URL holds unescaped)."""
    return " | ".join(
        f"{s.relation}, {'independent' if s.independent else 'not independent'}, "
        f"{s.title or s.publisher or 'untitled'} <{s.url or 'uploaded file'}>"
        + _kept(item.copies.get(s.id))
        for s in item.sources
    )


def _kept(copy: KeptCopies | None) -> str:
    if copy is None:
        return ", no kept copy"
    text = f", kept sha256:{copy.cited_sha256} {_iso(copy.cited_at)}"
    if copy.newest_sha256 != copy.cited_sha256:
        text += f", changed since cited: sha256:{copy.newest_sha256} {_iso(copy.newest_at)}"
    return text


def _kept_record(copy: KeptCopies | None, link: str) -> dict[str, Any] | None:
    """The kept copy as JSON: as cited, the newest, and where the desk shows it."""
    if copy is None:
        return None
    return {
        "sha256": copy.cited_sha256, "kept_at": _iso(copy.cited_at),
        "file_name": copy.file_name, "url": link,
        "changed_since_cited": copy.newest_sha256 != copy.cited_sha256,
        "newest_sha256": copy.newest_sha256, "newest_kept_at": _iso(copy.newest_at),
    }  # fmt: skip


def csv_row(item: ReportItem, ctx: ExportContext) -> list[Any]:
    """One row, in CSV_COLUMNS order (a test holds the two together)."""
    c, v = item.claim, item.verdict
    values = (
        c.id, c.status, "yes" if item.approved else "no", item.document.origin,
        item.article.title or "", _iso(item.article.published_on), c.quote, c.sentence,
        _num(c.value), _num(c.value_max), c.qualifier, c.unit, c.category, c.subject,
        c.location, c.event_date, c.attributed_to, v.rating, _num(v.verified_value),
        _num(v.verified_value_max), v.confidence, v.rationale, item.reviewer,
        _iso(v.given_at), item.approver or "", _iso(v.approved_at), len(item.sources),
        sum(1 for s in item.sources if s.independent), flatten_sources(item),
        ctx.permalink(c.id) + "/history", c.incident_id, *_range(item),
        "yes" if c.figure_conflict else "no",
    )  # fmt: skip
    # Text a spreadsheet would run as a formula gets a leading apostrophe. Inline,
    # not a function per cell: thirty cells a row, a call each was a tenth of an export.
    return [
        ("'" + x if x[:1] in _FORMULA_STARTS else x) if isinstance(x, str)
        else ("" if x is None else x)
        for x in values
    ]  # fmt: skip


def _range(item: ReportItem) -> tuple[Any, Any]:
    low_high = item.incident_range
    return (None, None) if low_high is None else (_num(low_high[0]), _num(low_high[1]))


_FORMULA_STARTS = frozenset(("=", "+", "-", "@", "\t", "\r"))


def export_csv(
    items: Iterator[ReportItem], ctx: ExportContext, *, bom: bool = False
) -> Iterator[str]:
    buffer = io.StringIO()
    if bom:
        buffer.write("\ufeff")  # for spreadsheets that guess the encoding otherwise
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for item in items:
        writer.writerow(csv_row(item, ctx))
        if buffer.tell() > 64_000:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


# --- JSON -------------------------------------------------------------------------


def json_record(item: ReportItem, ctx: ExportContext) -> dict[str, Any]:
    c, v = item.claim, item.verdict
    return {
        "id": c.id, "url": ctx.permalink(c.id), "status": c.status, "approved": item.approved,
        "kind": c.kind, "quote": c.quote, "sentence": c.sentence,
        "figure": {"value": _num(c.value), "value_max": _num(c.value_max),
                   "qualifier": c.qualifier, "unit": c.unit},
        "category": c.category, "subject": c.subject, "location": c.location,
        "event_date": c.event_date, "attributed_to": c.attributed_to,
        "article": {"id": item.article.id, "title": item.article.title,
                    "date": _iso(item.article.published_on)},
        "document": {"id": item.document.id, "origin": item.document.origin},
        "verdict": {"rating": v.rating, "label": VERDICT_LABELS[v.rating],
                    "rationale": v.rationale, "confidence": v.confidence,
                    "verified_value": _num(v.verified_value),
                    "verified_value_max": _num(v.verified_value_max),
                    "given_by": item.reviewer, "given_at": _iso(v.given_at),
                    "approved_by": item.approver, "approved_at": _iso(v.approved_at)},
        "sources": [{"url": s.url or None, "title": s.title, "publisher": s.publisher,
                     "published_on": _iso(s.published_on), "excerpt": s.excerpt,
                     "archive_url": s.archive_url, "relation": s.relation,
                     "independent": s.independent,
                     "kept_copy": _kept_record(item.copies.get(s.id),
                                               f"{ctx.base_url}/claims/{c.id}/sources/{s.id}/copy")}
                    for s in item.sources],
        "incident": None if c.incident_id is None else {
            "id": c.incident_id, "reported_low": _range(item)[0],
            "reported_high": _range(item)[1], "figure_conflict": c.figure_conflict},
        "history": {"events": item.history.get("events", 0),
                    "first": _iso(item.history.get("first")),
                    "last": _iso(item.history.get("last")),
                    "url": ctx.permalink(c.id) + "/history"},
    }  # fmt: skip


def export_json(items: Iterator[ReportItem], ctx: ExportContext, wanted: ReportFilter
                ) -> Iterator[str]:  # fmt: skip
    head = {"generated_at": _iso(ctx.generated_at), "filter": wanted.as_args(),
            "reviewed_by": ctx.org_name}  # fmt: skip
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "claims": ['
    for n, item in enumerate(items):
        yield ("," if n else "") + "\n" + json.dumps(json_record(item, ctx), ensure_ascii=False)
    yield "\n]}\n"


# --- ClaimReview ------------------------------------------------------------------

_CATEGORY_WORDS = {
    "killed": "killed", "injured": "injured", "casualties": "killed or injured",
    "displaced": "displaced", "detained": "detained", "refugees": "refugees",
    "at_risk": "at risk", "attacks": "attacks", "facilities_hit": "facilities hit",
}  # fmt: skip
_QUALIFIER_WORDS = {
    "at_least": "At least", "more_than": "More than", "approx": "About", "at_most": "Up to",
}  # fmt: skip


# Words in a subject that already say the category's harm ("others wounded").
_SAYS_HARM = {
    "killed": frozenset("killed dead died deaths fatalities lives bodies".split()),
    "injured": frozenset("injured wounded hurt injuries".split()),
    "casualties": frozenset("casualties killed injured wounded dead".split()),
    "displaced": frozenset("displaced uprooted fled".split()),
    "detained": frozenset("detained arrested held detainees".split()),
    "refugees": frozenset("refugees".split()),
    "at_risk": frozenset("risk".split()),
    "attacks": frozenset("attacks attack strikes raids".split()),
}  # fmt: skip


def _when(event_date: str | None) -> str:
    """ "on 2021-03-11", "between 2021-03-01 and 2021-03-12", "in 2021-03"."""
    if not event_date:
        return ""
    first, _, last = event_date.partition("/")
    if last:
        return f"between {first} and {last}"
    return f"on {first}" if len(first) == 10 else f"in {first}"


def claim_statement(item: ReportItem, limit: int = 74) -> str:
    """A short statement of what is claimed (no verdict in it), under 75 characters:
    "At least 14 civilians killed in Ebrimsa on 2021-03-11"."""
    c = item.claim
    if c.value is None:
        core = c.quote
    else:
        figure = figure_range(c.value, c.value_max)
        lead = _QUALIFIER_WORDS.get(c.qualifier or "", "")
        what = c.subject or (c.unit if c.unit and not c.unit.startswith("other") else "")
        harm = _CATEGORY_WORDS.get(c.category or "", "")
        if _SAYS_HARM.get(c.category or "", frozenset()) & set(what.lower().split()):
            harm = ""  # "22 others wounded": the subject says it already
        core = " ".join(p for p in (lead, figure, what, harm) if p)
    core = core[0].upper() + core[1:] if core else "Claim"
    when = _when(c.event_date)
    place = f" in {c.location}" if c.location else ""
    # The most it can say within the limit: place and time, then either, then neither.
    for extra in dict.fromkeys(
        (place + (f" {when}" if when else ""), place, f" {when}" if when else "", "")
    ):
        if len(core + extra) <= limit:
            return core + extra
    return core[: limit - 1].rstrip() + "…"


def _day(moment: datetime | None) -> date | None:
    return moment.date() if moment else None


def claim_review(item: ReportItem, ctx: ExportContext) -> dict[str, Any]:
    c, v, doc = item.claim, item.verdict, item.document
    name = item.article.title or document_name(doc.origin)
    appearance: dict[str, Any] = {"@type": "CreativeWork", "name": name}
    if doc.origin.startswith(("http://", "https://")):
        appearance["url"] = doc.origin
    claimant = c.attributed_to or document_name(doc.origin)
    organisation: dict[str, Any] = {"@type": "Organization", "name": ctx.org_name}
    if ctx.org_url:
        organisation["url"] = ctx.org_url
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": ctx.permalink(c.id),
        "claimReviewed": claim_statement(item),
        "reviewRating": {
            "@type": "Rating", "ratingValue": RATING_VALUES[v.rating], "bestRating": 5,
            "worstRating": 1, "alternateName": VERDICT_LABELS[v.rating],
        },
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Organization", "name": claimant},
            "appearance": appearance,
        },
        "author": organisation,
        "datePublished": _iso(_day(v.approved_at or v.given_at)),
    }  # fmt: skip
    if item.article.published_on:
        review["itemReviewed"]["datePublished"] = item.article.published_on.isoformat()
    if c.incident_id is not None:  # the event the claim reports, as others report it too
        low, high = _range(item)
        review["itemReviewed"]["about"] = {
            "@type": "Event", "identifier": f"incident-{c.incident_id}",
            "description": f"reported as {low}" + ("" if low == high else f" to {high}"),
        }  # fmt: skip
    return review


def export_claimreview(items: Iterator[ReportItem], ctx: ExportContext) -> Iterator[str]:
    yield "["
    for n, item in enumerate(items):
        yield ("," if n else "") + "\n" + json.dumps(claim_review(item, ctx), ensure_ascii=False)
    yield "\n]\n"


# --- one export, counted and audited -------------------------------------------------


class Export:
    """Stream one export and record it: who, format, filter, rows, complete or not."""

    def __init__(self, engine: Engine, wanted: ReportFilter, fmt: str, ctx: ExportContext,
                 actor: Actor, *, bom: bool = False) -> None:  # fmt: skip
        if fmt not in ("csv", "json", "claimreview"):
            raise ValueError(f"unknown export format {fmt!r}")
        self.engine, self.wanted, self.fmt, self.ctx, self.actor, self.bom = (
            engine,
            wanted,
            fmt,
            ctx,
            actor,
            bom,
        )
        self.rows = 0

    def _counted(self) -> Iterator[ReportItem]:
        for item in iter_items(self.engine, self.wanted):
            self.rows += 1
            yield item

    def chunks(self) -> Iterator[str]:
        complete = False
        try:
            items = self._counted()
            if self.fmt == "csv":
                yield from export_csv(items, self.ctx, bom=self.bom)
            elif self.fmt == "json":
                yield from export_json(items, self.ctx, self.wanted)
            else:
                yield from export_claimreview(items, self.ctx)
            complete = True
        finally:
            self._record(complete)

    def _record(self, complete: bool) -> None:
        record_export(self.engine, self.actor, self.fmt, self.wanted, self.rows, complete)


def record_export(engine: Engine, actor: Actor, fmt: str, wanted: ReportFilter, rows: int,
                  complete: bool) -> None:  # fmt: skip
    """The export's own event, in its own transaction, once the rows are out."""
    with session_scope(engine, write=True) as session:
        record_event(
            session, EventKind.REPORT_EXPORTED, actor=actor, target_type="report",
            target_id=None, after={"format": fmt, "filter": wanted.as_args(), "rows": rows,
                                   "complete": complete},
        )  # fmt: skip
