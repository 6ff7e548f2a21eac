"""The verified-claims report: which claims, with their evidence, and the summary.

One query shape serves the page and every export: claims with a current
verdict (approved only, unless asked), filtered, read in batches by claim id
(keyset), each batch completed with its sources and people in two more
queries. So a report of 100,000 claims streams in constant memory.
"""

from __future__ import annotations

from collections import Counter, namedtuple
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

from claims_app.db import session_scope
from claims_app.models import (
    Article,
    AuditEvent,
    Claim,
    ClaimStatus,
    Document,
    Rating,
    Source,
    User,
    Verdict,
    article_label,
    document_name,
)
from claims_app.services.catalogue import OPENING
from claims_app.services.evidence import KeptCopies, kept_copies
from claims_app.services.filters import check_dates, contains, is_id
from claims_app.services.incidents import incident_ranges

BATCH = 500
GROUPINGS = {"document": "document and article", "category": "category", "incident": "incident"}
VERDICT_LABELS = {
    "accurate": "Accurate", "mostly_accurate": "Mostly accurate",
    "needs_context": "Needs context", "inaccurate": "Inaccurate", "false": "False",
    "unverifiable": "Unverifiable",
}  # fmt: skip


class ReportError(ValueError):
    """A report filter that cannot be read; the message names the field."""


@dataclass(frozen=True)
class ReportFilter:
    date_from: str = ""
    date_to: str = ""
    date_field: str = "article"  # article | event
    category: str = ""
    verdict: str = ""
    document: str = ""
    location: str = ""
    include_unapproved: bool = False
    group: str = "document"

    @classmethod
    def from_args(cls, args: Any) -> ReportFilter:
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = args.get(f.name)
            if f.name == "include_unapproved":
                values[f.name] = str(raw).lower() in ("1", "yes", "true", "on")
            elif raw:
                values[f.name] = str(raw).strip()
        found = cls(**values)
        found.check()
        return found

    def check(self) -> None:
        check_dates(ReportError, "date", self.date_from, self.date_to)
        if self.date_field not in ("article", "event"):
            raise ReportError("date field must be article or event")
        if self.verdict and self.verdict not in VERDICT_LABELS:
            raise ReportError(f"unknown verdict {self.verdict!r}")
        if self.document and not is_id(self.document):
            raise ReportError("document must be a document number")
        if self.group not in GROUPINGS:
            raise ReportError("group by document or category")

    def as_args(self) -> dict[str, str]:
        default = ReportFilter()
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value != getattr(default, f.name):
                out[f.name] = "yes" if value is True else str(value)
        return out


@dataclass(frozen=True)
class ReportItem:
    # Read-only records with the columns of Claim, Article, Document (without
    # its text), Verdict and Source as attributes (see _records).
    claim: Any
    article: Any
    document: Any
    verdict: Any
    sources: list[Any]
    reviewer: str
    approver: str | None
    history: dict[str, Any]  # events: how many, first and last (UTC)
    incident_range: tuple[float, float] | None = None  # its incident's reported figures
    # Each source's kept copies, by source id: the one kept when cited and the newest.
    copies: dict[int, KeptCopies] = field(default_factory=dict)

    @property
    def incident_id(self) -> int | None:
        return self.claim.incident_id

    @property
    def approved(self) -> bool:
        return self.verdict.approved_at is not None

    @property
    def verified_differs(self) -> bool:
        v = self.verdict
        return v.verified_value is not None and (
            v.verified_value != self.claim.value or v.verified_value_max != self.claim.value_max
        )


# The report reads rows, not ORM objects: each table's columns become a named
# tuple with the same attribute names (building ORM instances was most of an
# export's time, a dict per record a fifth of the rest; nothing here writes).
_TABLES = (Claim, Article, Document, Verdict)
# Whole texts are never read: a long page's article is megabytes, on every one
# of its claims' rows. An untitled article is labelled by its opening instead.
_SKIPPED = {Document: "text", Article: "body"}
_EXTRA = {Article: {"opening": func.substr(Article.body, 1, OPENING)}}
_NAMES = [
    tuple(c.name for c in model.__table__.columns  # type: ignore[attr-defined]
          if c.name != _SKIPPED.get(model)) + tuple(_EXTRA.get(model, {}))
    for model in _TABLES
]  # fmt: skip
_COLUMNS = [
    _EXTRA[model][name] if name in _EXTRA.get(model, {})
    else model.__table__.c[name]  # type: ignore[attr-defined]
    for model, names in zip(_TABLES, _NAMES, strict=True)
    for name in names
]  # fmt: skip
_SLICES = []  # where each table's columns sit in a row, and the record they make
for _model, _names in zip(_TABLES, _NAMES, strict=True):
    _start = _SLICES[-1][1] if _SLICES else 0
    _SLICES.append((_start, _start + len(_names), namedtuple(_model.__name__ + "Row", _names)))


def _records(row) -> tuple[Any, ...]:
    return tuple(record._make(row[a:b]) for a, b, record in _SLICES)


def _query(wanted: ReportFilter):
    query = (
        select(*_COLUMNS)
        .select_from(Claim)
        .join(Article, Article.id == Claim.article_id)
        .join(Document, Document.id == Article.document_id)
        .join(Verdict, (Verdict.claim_id == Claim.id) & col(Verdict.current))
    )
    statuses = [ClaimStatus.APPROVED.value]
    if wanted.include_unapproved:
        statuses.append(ClaimStatus.REVIEWED.value)
    query = query.where(col(Claim.status).in_(statuses))
    if wanted.category:
        query = query.where(Claim.category == wanted.category)
    if wanted.verdict:
        query = query.where(Verdict.rating == wanted.verdict)
    if wanted.document:
        query = query.where(Article.document_id == int(wanted.document))
    if wanted.location:
        query = query.where(contains(col(Claim.location), wanted.location))
    first = Article.published_on if wanted.date_field == "article" else Claim.event_date_start
    last = Article.published_on if wanted.date_field == "article" else Claim.event_date_end
    if wanted.date_from:
        query = query.where(col(last) >= date.fromisoformat(wanted.date_from))
    if wanted.date_to:
        query = query.where(col(first) <= date.fromisoformat(wanted.date_to))
    return query


def iter_items(engine: Engine, wanted: ReportFilter, *, batch: int = BATCH) -> Iterator[ReportItem]:
    """Every claim of the report, by claim id, a batch per short read transaction."""
    last_id = 0
    while True:
        with session_scope(engine) as session:
            found = (
                session.connection()
                .execute(  # Core rows: no ORM result machinery
                    _query(wanted)
                    .where(col(Claim.id) > last_id)
                    .order_by(col(Claim.id))
                    .limit(batch)
                )
                .all()
            )
            rows = [_records(row) for row in found]
            items = _complete(session, rows)
        if not items:
            return
        yield from items
        last_id = items[-1].claim.id or last_id


def _complete(session: Session, rows) -> list[ReportItem]:
    ids = [claim.id for claim, *_ in rows]
    sources: dict[int, list[Any]] = {}
    for source in (
        session.connection()
        .execute(  # rows: named, read-only records
            select(Source.__table__)  # type: ignore[attr-defined]
            .where(col(Source.claim_id).in_(ids), col(Source.removed_at).is_(None))
            .order_by(col(Source.id))
        )
        .all()
    ):
        sources.setdefault(source.claim_id, []).append(source)
    people = {v.given_by_id for *_, v in rows} | {v.approved_by_id for *_, v in rows}
    query = select(User.id, User.username).where(col(User.id).in_(people))
    names = {user_id: name for user_id, name in session.exec(query).all()}
    events = {
        claim_id: {"events": n, "first": first, "last": last}
        for claim_id, n, first, last in session.exec(
            select(
                AuditEvent.claim_id, func.count(), func.min(AuditEvent.at), func.max(AuditEvent.at)
            )
            .where(col(AuditEvent.claim_id).in_(ids))
            .group_by(AuditEvent.claim_id)
        )
    }
    ranges = incident_ranges(session, [c.incident_id for c, *_ in rows])
    copies = kept_copies(session, [s.id for group in sources.values() for s in group])
    return [
        ReportItem(
            c,
            a,
            d,
            v,
            sources.get(c.id, []),
            names.get(v.given_by_id, "?"),
            names.get(v.approved_by_id),
            events.get(c.id, {"events": 0}),
            ranges.get(c.incident_id),
            {s.id: copies[s.id] for s in sources.get(c.id, []) if s.id in copies},
        )
        for c, a, d, v in rows
    ]


@dataclass
class Summary:
    total: int = 0
    by_verdict: Counter = None  # type: ignore[assignment]
    by_category: Counter = None  # type: ignore[assignment]
    independent_sources: int = 0
    unapproved: int = 0

    def __post_init__(self) -> None:
        self.by_verdict, self.by_category = Counter(), Counter()

    def add(self, item: ReportItem) -> None:
        self.total += 1
        self.by_verdict[item.verdict.rating] += 1
        self.by_category[item.claim.category or "other"] += 1
        self.independent_sources += sum(1 for s in item.sources if s.independent)
        self.unapproved += 0 if item.approved else 1

    @property
    def accurate_share(self) -> float | None:
        return self.by_verdict["accurate"] / self.total if self.total else None


# Bar colours, from "holds" (green) through "needs context" (amber) to "false" (red);
# grey for "unverifiable". Each bar also carries its verdict's name, so colour is
# never the only way to read it. Set as attributes: the same in the desk, the
# downloaded report and print.
VERDICT_COLOURS = {
    "accurate": "#2e7d32", "mostly_accurate": "#689f38", "needs_context": "#b8860b",
    "inaccurate": "#e65100", "false": "#c62828", "unverifiable": "#607d8b",
}  # fmt: skip


def verdict_chart(summary: Summary) -> str:
    """Claims by verdict as an inline SVG bar chart (server-made, no script)."""
    ratings = [r.value for r in Rating]
    top = max([summary.by_verdict[r] for r in ratings] + [1])
    bar_h, gap, label_w, width = 22, 8, 130, 420
    height = len(ratings) * (bar_h + gap)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-labelledby="verdict-chart-title">',
        '<title id="verdict-chart-title">Claims by verdict</title>',
    ]
    for i, rating in enumerate(ratings):
        count = summary.by_verdict[rating]
        y = i * (bar_h + gap)
        w = round((width - label_w - 50) * count / top)
        parts.append(
            f'<text x="0" y="{y + 16}" font-size="13">{VERDICT_LABELS[rating]}</text>'
            f'<rect class="bar {rating}" x="{label_w}" y="{y}" width="{w}" height="{bar_h}" '
            f'fill="{VERDICT_COLOURS[rating]}"/>'
            f'<text x="{label_w + w + 6}" y="{y + 16}" font-size="13">{count}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def group_items(items: list[ReportItem], group: str) -> list[tuple[str, list[ReportItem]]]:
    """Headed groups in reading order: by document then article, or by category."""
    if group == "category":
        key = lambda i: (i.claim.category or "other", i.claim.id)  # noqa: E731
        ordered = sorted(items, key=key)
        heads = [(i.claim.category or "other").replace("_", " ") for i in ordered]
    elif group == "incident":  # one incident's reports together; the rest after, alone
        ordered = sorted(items, key=lambda i: (i.incident_id is None, i.incident_id or 0,
                                               i.claim.id))  # fmt: skip
        heads = [f"Incident {i.incident_id}" if i.incident_id else "Not in an incident"
                 for i in ordered]  # fmt: skip
    else:
        ordered = sorted(
            items, key=lambda i: (i.document.id, i.article.position, i.claim.start_offset)
        )
        heads = [
            f"{document_name(i.document.origin)} · "
            f"{article_label(i.article.title, i.article.opening)}"
            f" ({i.article.published_on or 'undated'})"
            for i in ordered
        ]
    groups: list[tuple[str, list[ReportItem]]] = []
    for head, item in zip(heads, ordered, strict=True):
        if not groups or groups[-1][0] != head:
            groups.append((head, []))
        groups[-1][1].append(item)
    return groups
