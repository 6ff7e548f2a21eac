"""Incidents: the reports of one event side by side, their range and conflicts."""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request

from claims_app.db import request_session
from claims_app.services import incidents

bp = Blueprint("incidents", __name__)


@bp.get("/incidents")
def index() -> str:
    conflicts = request.args.get("conflicts") == "1"
    found = incidents.list_incidents(request_session(), conflicts=conflicts)
    return render_template("incidents/index.html", incidents=found, conflicts=conflicts)


@bp.get("/incidents/<int:incident_id>")
def detail(incident_id: int) -> str:
    view = incidents.get_incident(request_session(), incident_id)
    if view is None:
        abort(404)
    return render_template("incidents/detail.html", incident=view)
