"""The audit log page and its downloads, and a claim's history with "as of"."""

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
from claims_app.models import Claim, User
from claims_app.services import auditlog, history
from claims_app.services.audit import EVENT_MEANINGS, verify_chain
from claims_app.services.catalogue import article_head
from claims_app.services.filters import is_id
from claims_app.web.auth import roles_required
from claims_app.web.extensions import htmx

bp = Blueprint("audit", __name__)
READERS = ("auditor", "admin", "editor")


@bp.get("/audit")
@roles_required(*READERS)
def index() -> Any:
    session = request_session()
    try:
        wanted = auditlog.LogFilter.from_args(request.args)
        before = request.args.get("before", "")
        page = auditlog.log_page(
            session,
            wanted,
            before_id=int(before) if is_id(before) else None,
        )
    except auditlog.AuditLogError as exc:
        return render_template("audit/index.html", error=str(exc), page=None, chain=None,
                               wanted=auditlog.LogFilter(), **_choices(session)), 400  # fmt: skip
    if htmx and request.args.get("before"):
        return render_template("audit/_rows.html", page=page, wanted=wanted)
    chain = _chain(session)
    if htmx and request.args.get("verify"):
        return render_template("audit/_chain.html", **chain)
    return render_template("audit/index.html", error=None, page=page, wanted=wanted,
                           **chain, **_choices(session))  # fmt: skip


def _chain(session) -> dict[str, Any]:
    """The chain's check, when asked for (`verify`): it reads every event, so it runs
    on request, not on every visit to the log."""
    if not request.args.get("verify"):
        return {"chain": None, "checked_at": None}
    return {"chain": verify_chain(session), "checked_at": datetime.now(UTC)}


def _choices(session) -> dict[str, Any]:
    return {"kinds": EVENT_MEANINGS, "actors": auditlog.actors(session)}


@bp.get("/audit.<any(csv, jsonl):fmt>")
@roles_required(*READERS)
def download(fmt: str) -> Response:
    try:
        wanted = auditlog.LogFilter.from_args(request.args)
    except auditlog.AuditLogError as exc:
        abort(400, description=str(exc))
    engine = current_app.extensions["claims_engine"]
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    if fmt == "csv":
        body, mimetype = auditlog.export_csv(engine, wanted), "text/csv; charset=utf-8"
    else:
        body, mimetype = auditlog.export_jsonl(engine, wanted), "application/x-ndjson"
    return Response(
        stream_with_context(body),
        mimetype=mimetype,
        headers={"Content-Disposition": f'attachment; filename="audit-{stamp}.{fmt}"'},
    )


@bp.get("/claims/<int:claim_id>/history")
def claim_history(claim_id: int) -> Any:
    session = request_session()
    claim = session.get(Claim, claim_id)
    if claim is None:
        abort(404)
    head = article_head(session, claim.article_id)
    as_of, error, state = request.args.get("as_of", "").strip(), None, None
    if as_of:
        try:
            moment = datetime.fromisoformat(as_of)
        except ValueError:
            error = f"“{as_of}” is not a date and time"
        else:
            state = history.claim_as_of(session, claim, moment)
    return render_template(
        "claims/history.html", claim=claim, head=head, article=head.article,
        document=head.document,
        entries=history.timeline(session, claim_id), as_of=as_of, state=state, error=error,
        users={u.id: u.username for u in session.exec(select(User))},
    ), 400 if error else 200  # fmt: skip
