"""The verified-claims report page, its print view, and its downloads."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    render_template,
    request,
    stream_with_context,
)
from sqlmodel import select

from claims_app.db import request_session
from claims_app.models import Document, Rating
from claims_app.services import exports, report, review
from claims_app.web.auth import current_actor

bp = Blueprint("report", __name__)


def _wanted() -> report.ReportFilter:
    try:
        return report.ReportFilter.from_args(request.args)
    except report.ReportError as exc:
        abort(400, description=str(exc))


def context_for_export() -> exports.ExportContext:
    return exports.ExportContext(
        base_url=request.url_root.rstrip("/"),
        org_name=current_app.config["ORG_NAME"],
        org_url=current_app.config["ORG_URL"],
        public_url=current_app.config["PUBLIC_URL"],
    )


@bp.get("/report")
def index() -> Any:
    """The page holds every claim of the filter, grouped; exports stream, the page
    does not (a report someone reads is hundreds of claims, not a hundred thousand)."""
    wanted = _wanted()
    items = list(report.iter_items(current_app.extensions["claims_engine"], wanted))
    summary = report.Summary()
    for item in items:
        summary.add(item)
    return render_template(
        "report/index.html", wanted=wanted, summary=summary, chart=report.verdict_chart(summary),
        groups=report.group_items(items, wanted.group),
        print_view=request.args.get("print") == "yes",
        now_utc=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        documents=request_session().exec(select(Document.id, Document.origin)).all(),
        categories=review._CATEGORIES, verdicts=[r.value for r in Rating],
        labels=report.VERDICT_LABELS, groupings=report.GROUPINGS,
    )  # fmt: skip


@bp.get("/report.<any(csv, json, claimreview):fmt>")
def download(fmt: str) -> Response:
    wanted = _wanted()
    export = exports.Export(
        current_app.extensions["claims_engine"], wanted, fmt, context_for_export(),
        current_actor(), bom=request.args.get("bom") == "yes",
    )  # fmt: skip
    suffix = {"csv": "csv", "json": "json", "claimreview": "jsonld"}[fmt]
    mimetype = {"csv": "text/csv; charset=utf-8", "json": "application/json",
                "claimreview": "application/ld+json"}[fmt]  # fmt: skip
    return Response(
        stream_with_context(export.chunks()), mimetype=mimetype,
        headers={"Content-Disposition": f'attachment; filename="verified-claims.{suffix}"'},
    )  # fmt: skip
