"""Admins manage accounts: the same services as `claims users ...`."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for

from claims_app.db import request_session
from claims_app.models import Role, User
from claims_app.services import accounts
from claims_app.web.auth import current_actor, roles_required

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.get("/users")
@roles_required("admin")
def users() -> str:
    session = request_session()
    return render_template(
        "admin/users.html", users=accounts.list_users(session), roles=[r.value for r in Role]
    )


@bp.post("/users")
@roles_required("admin")
def add_user() -> Any:
    form = request.form
    return _change(lambda s: accounts.create_user(
        s, username=form.get("username", "").strip(), password=form.get("password", ""),
        role=form.get("role", ""), actor=current_actor()), "Account created.")  # fmt: skip


@bp.post("/users/<int:user_id>/role")
@roles_required("admin")
def set_role(user_id: int) -> Any:
    role = request.form.get("role", "")
    return _change(lambda s: accounts.set_role(
        s, _user(s, user_id), role=role, actor=current_actor()), "Role changed.")  # fmt: skip


@bp.post("/users/<int:user_id>/active")
@roles_required("admin")
def set_active(user_id: int) -> Any:
    active = request.form.get("active") == "yes"
    done = "Account enabled." if active else "Account disabled."
    return _change(lambda s: accounts.set_active(
        s, _user(s, user_id), active=active, actor=current_actor()), done)  # fmt: skip


def _user(session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        abort(404)
    return user


def _change(action, done: str) -> Any:
    session = request_session()
    try:
        action(session)
        session.commit()
        flash(done, "info")
    except accounts.AccountError as exc:
        session.rollback()
        flash(str(exc), "error")
    return redirect(url_for("admin.users"))
