"""Kept copies of sources in the desk: the fetch state a source's line polls while
the worker fetches, the figures of the copy that agree with the claim's, a fetch
again on request, and the kept text, shown as text (never as the site's HTML on
the desk's origin)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, current_app, redirect, render_template, url_for
from sqlmodel import select

from claims_app.db import request_session
from claims_app.models import Claim, Source
from claims_app.services import evidence
from claims_app.services.review import ReviewError
from claims_app.web.auth import current_actor, roles_required
from claims_app.web.extensions import htmx
from claims_app.web.highlight import segments
from claims_app.worker import app_jobs

bp = Blueprint("evidence", __name__)


@bp.get("/claims/<int:claim_id>/sources/<int:source_id>/copy-state")
def copy_state(claim_id: int, source_id: int) -> str:
    return render_template("claims/_copy.html", **_copy_context(claim_id, source_id))


@bp.post("/claims/<int:claim_id>/sources/<int:source_id>/recheck")
@roles_required("reviewer", "editor")
def recheck(claim_id: int, source_id: int) -> Any:
    """Fetch the source again: a copy whose bytes differ is kept beside the old one."""
    session = request_session()
    _source(claim_id, source_id)
    try:
        evidence.request_fetch(session, source_id, actor=current_actor())
        session.commit()
    except ReviewError as exc:
        session.rollback()
        abort(422, description=str(exc))
    app_jobs(current_app).queue_fetch(source_id)  # after the commit: the job reads it
    if not htmx:
        return redirect(url_for("claims.workspace", claim_id=claim_id) + "#sources-panel")
    return render_template("claims/_copy.html", **_copy_context(claim_id, source_id))


@bp.get("/claims/<int:claim_id>/sources/<int:source_id>/copy")
def kept_copy(claim_id: int, source_id: int) -> str:
    session = request_session()
    copy = evidence.kept_copy(session, claim_id, source_id)
    if copy is None:
        abort(404, description="No copy of this source has been kept yet.")
    source = _source(claim_id, source_id)
    claim = session.get(Claim, claim_id)
    assert claim is not None  # the source belongs to it
    found = evidence.figures_in_copies(claim, {source_id: copy}, {source_id: source.published_on})
    spans = [(i, f.start, f.end) for i, f in enumerate((found or {}).get(source_id, []))]
    return render_template("evidence/copy.html", copy=copy, source=source, claim_id=claim_id,
                           segments=segments(copy.text or "", spans))  # fmt: skip


def _source(claim_id: int, source_id: int) -> Source:
    source = (
        request_session()
        .exec(select(Source).where(Source.id == source_id, Source.claim_id == claim_id))
        .first()
    )
    if source is None:
        abort(404)
    return source


def _copy_context(claim_id: int, source_id: int) -> dict[str, Any]:
    session = request_session()
    source = _source(claim_id, source_id)
    claim = session.get(Claim, claim_id)
    copy = evidence.newest_copies(session, [source_id]).get(source_id)
    copies = {source_id: copy} if copy is not None else {}
    found = evidence.figures_in_copies(claim, copies, {source_id: source.published_on})
    return {"s": source, "copy": copy, "claim_id": claim_id, "claim": claim, "found": found}
