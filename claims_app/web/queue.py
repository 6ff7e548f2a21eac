"""The claims queue: filter, sort, page by cursor, take the next claim, bulk actions."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user
from sqlmodel import select

from claims_app.db import request_session
from claims_app.models import ClaimKind, ClaimStatus, Document, Role, User
from claims_app.services import queue, review
from claims_app.services.filters import is_id
from claims_app.services.review import ReviewError
from claims_app.web.auth import current_actor, roles_required
from claims_app.web.extensions import htmx

bp = Blueprint("queue", __name__)


@bp.get("/claims")
def index() -> Any:
    session = request_session()
    views = queue.views_for(current_user.role)
    try:
        wanted = queue.QueueFilter.from_args(request.args, view=views[0])
        page = queue.queue_page(
            session, wanted, user_id=current_user.id, after=request.args.get("after")
        )
    except queue.QueueError as exc:
        return render_template("queue/index.html", **_choices(session), error=str(exc),
                               wanted=queue.QueueFilter(view=views[0]), page=None), 400  # fmt: skip
    if htmx and request.args.get("after"):  # "Load more": only the next rows
        return render_template("queue/_rows.html", page=page, wanted=wanted)
    return render_template(
        "queue/index.html", page=page, wanted=wanted, error=None, **_choices(session)
    )


def _choices(session) -> dict[str, Any]:
    return {
        "views": queue.views_for(current_user.role),
        "view_names": queue.VIEWS,
        "counts": queue.view_counts(session, current_user.role, current_user.id),
        "conflicts": queue.conflict_count(session),
        "statuses": [s.value for s in ClaimStatus],
        "kinds": [k.value for k in ClaimKind],
        "categories": review._CATEGORIES,
        "documents": session.exec(select(Document.id, Document.origin).order_by(Document.id)).all(),
        "sorts": queue.SORTS,
        "reviewers": session.exec(
            select(User).where(User.active, User.role.in_([Role.REVIEWER, Role.EDITOR]))  # type: ignore[attr-defined]
        ).all(),
    }


@bp.post("/claims/take-next")
@roles_required("reviewer", "editor")
def take_next() -> Any:
    session = request_session()
    stale = timedelta(minutes=current_app.config["ASSIGNMENT_MINUTES"])
    claim = review.take_next(session, actor=current_actor(), older_than=stale)
    session.commit()
    if claim is None:
        flash("No new, unassigned claims are left.", "info")
        return redirect(url_for("queue.index"))
    return redirect(url_for("claims.workspace", claim_id=claim.id))


@bp.post("/claims/bulk")
@roles_required("editor")
def bulk() -> Any:
    session = request_session()
    ids = [int(i) for i in request.form.getlist("claim_ids") if is_id(i)]
    action = request.form.get("action", "")
    back = url_for("queue.index", **_kept_args())
    if not ids:
        flash("Select at least one claim first.", "error")
        return redirect(back)
    try:
        count = _bulk(session, action, ids)
        session.commit()
    except ReviewError as exc:
        session.rollback()
        flash(f"Nothing was changed: {exc}", "error")
        return redirect(back)
    flash(f"{action.capitalize()}: {count} claims changed.", "info")
    return redirect(back)


def _bulk(session, action: str, ids: list[int]) -> int:
    actor = current_actor()
    if action == "assign":
        name = request.form.get("assignee", "")
        assignee = session.exec(select(User).where(User.username == name)).first() if name else None
        if name and assignee is None:
            raise ReviewError(f"no user {name!r}")
        return review.assign(session, ids, assignee=assignee, actor=actor)
    if action == "dismiss":
        return review.bulk_dismiss(session, ids, reason=request.form.get("reason", ""), actor=actor)
    if action == "reopen":
        return review.bulk_reopen(session, ids, reason=request.form.get("reason", ""), actor=actor)
    abort(400, description="Unknown bulk action.")


def _kept_args() -> dict[str, str]:
    try:
        return queue.QueueFilter.from_args(request.args).as_args()
    except queue.QueueError:
        return {}
