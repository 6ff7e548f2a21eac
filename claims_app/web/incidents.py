"""Incidents: the reports of one event side by side, their range and conflicts,
and a person's decisions about them (confirm, split a claim out, merge)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for

from claims_app.db import request_session
from claims_app.services import incident_review, incidents
from claims_app.services.filters import is_id
from claims_app.services.review import NotFound, ReviewError
from claims_app.web.auth import current_actor, roles_required

bp = Blueprint("incidents", __name__)
LISTED = 100  # the newest; `claims incidents` lists them all


@bp.get("/incidents")
def index() -> str:
    conflicts = request.args.get("conflicts") == "1"
    found = incidents.list_incidents(request_session(), conflicts=conflicts, limit=LISTED)
    return render_template("incidents/index.html", incidents=found, conflicts=conflicts)


@bp.get("/incidents/<int:incident_id>")
def detail(incident_id: int, *, error: str | None = None, typed: dict | None = None,
           status: int = 200) -> Any:  # fmt: skip
    session = request_session()
    view = incidents.get_incident(session, incident_id)
    if view is None:
        abort(404)
    return render_template(
        "incidents/detail.html", incident=view, error=error, typed=typed or {},
        history=incidents.incident_history(session, view),
    ), status  # fmt: skip


def _decide(incident_id: int, action, done: str) -> Any:
    """Run one decision: back to the incident page with what it did, or the page
    again with the reason and what the person typed (422; 404 if it is gone)."""
    session = request_session()
    try:
        target = action(session)
    except NotFound as exc:
        abort(404, description=str(exc))
    except ReviewError as exc:
        session.rollback()
        return detail(incident_id, error=str(exc), typed=request.form.to_dict(), status=422)
    session.commit()
    flash(done, "info")
    return redirect(url_for("incidents.detail", incident_id=target))


@bp.post("/incidents/<int:incident_id>/confirm")
@roles_required("reviewer", "editor")
def confirm(incident_id: int) -> Any:
    def action(session):
        return incident_review.confirm_incident(session, incident_id, actor=current_actor()).id

    return _decide(incident_id, action, "Grouping confirmed: these claims stay together.")


@bp.post("/incidents/<int:incident_id>/split")
@roles_required("reviewer", "editor")
def split(incident_id: int) -> Any:
    raw = request.form.get("claim", "")
    if not is_id(raw):
        abort(400, description="The form names no claim to split out.")

    def action(session):
        reason = request.form.get("reason", "")
        return incident_review.split_claim(
            session, int(raw), reason=reason, actor=current_actor()
        ).id

    return _decide(incident_id, action, f"Claim {raw} split out into an incident of its own.")


@bp.post("/incidents/<int:incident_id>/merge")
@roles_required("reviewer", "editor")
def merge(incident_id: int) -> Any:
    raw = request.form.get("other", "").strip().removeprefix("#")

    def action(session):
        if not is_id(raw):
            raise ReviewError("give the number of the incident to merge in", field="other")
        reason, actor = request.form.get("reason", ""), current_actor()
        return incident_review.merge_incidents(session, incident_id, int(raw), reason=reason,
                                               actor=actor).id  # fmt: skip

    return _decide(incident_id, action, f"Incident {raw} merged into this one.")
