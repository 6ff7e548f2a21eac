"""Kept copies of sources in the desk: the fetch state a source's line polls while
the worker fetches, and the kept text, shown as text (never as the site's HTML on
the desk's origin)."""

from __future__ import annotations

from flask import Blueprint, abort, render_template
from sqlmodel import select

from claims_app.db import request_session
from claims_app.models import Source
from claims_app.services import evidence

bp = Blueprint("evidence", __name__)


@bp.get("/claims/<int:claim_id>/sources/<int:source_id>/copy-state")
def copy_state(claim_id: int, source_id: int) -> str:
    session = request_session()
    source = session.exec(
        select(Source).where(Source.id == source_id, Source.claim_id == claim_id)
    ).first()
    if source is None:
        abort(404)
    copy = evidence.newest_copies(session, [source_id]).get(source_id)
    return render_template("claims/_copy.html", s=source, copy=copy, claim_id=claim_id)


@bp.get("/claims/<int:claim_id>/sources/<int:source_id>/copy")
def kept_copy(claim_id: int, source_id: int) -> str:
    session = request_session()
    copy = evidence.kept_copy(session, claim_id, source_id)
    if copy is None:
        abort(404, description="No copy of this source has been kept yet.")
    source = session.get(Source, source_id)
    return render_template("evidence/copy.html", copy=copy, source=source, claim_id=claim_id)
