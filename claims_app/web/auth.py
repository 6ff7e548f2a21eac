"""Logging in and out, who is asking, and what their role lets them do.

Every view needs a logged-in, active user (checked before any view runs), and
views that change things name the roles allowed; the services check the role
again, so a route that forgot would still be refused.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Flask,
    abort,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)
from flask import (
    session as flask_session,
)
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import UserMixin, current_user, login_user, logout_user

from claims_app.db import request_session
from claims_app.models import User
from claims_app.services.accounts import LockedOut, log_in
from claims_app.services.actors import Actor
from claims_app.services.filters import is_id
from claims_app.web.extensions import login_manager

bp = Blueprint("auth", __name__)
PUBLIC_ENDPOINTS = frozenset({"auth.login", "static"})


class SessionUser(UserMixin):
    """What the login session knows of a user: read fresh from the database per request."""

    def __init__(self, user: User) -> None:
        self.id = user.id
        self.username = user.username
        self.role = user.role

    def get_id(self) -> str:
        return str(self.id)


@login_manager.user_loader
def _load(user_id: str) -> SessionUser | None:
    user = request_session().get(User, int(user_id)) if is_id(user_id) else None
    return SessionUser(user) if user is not None and user.active else None


def init_app(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Log in to continue."

    # One limiter per app: login attempts are limited per client address; logging out
    # never is (nobody is kept logged in because they tried too often). The counts
    # live in RATELIMIT_STORAGE_URI: Redis shared by every worker and machine
    # (CLAIMS_RATELIMIT_STORAGE or REDIS_URL), memory for a single process.
    limiter = Limiter(get_remote_address, app=app)
    limiter.limit(lambda: app.config["LOGIN_RATE_LIMIT"], methods=["POST"])(bp)
    limiter.request_filter(lambda: request.endpoint == "auth.logout")
    app.extensions["claims_limiter"] = limiter

    @app.before_request
    def _require_login() -> Any:
        if request.endpoint in PUBLIC_ENDPOINTS or current_user.is_authenticated:
            return None
        if request.headers.get("HX-Request"):
            return ("Your session has ended: log in again.", 401)
        return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))

    @app.context_processor
    def _who() -> dict[str, Any]:
        return {"me": current_user}


def current_actor() -> Actor:
    return Actor(
        name=current_user.username,
        user_id=current_user.id,
        request_id=request_id(),
        client_addr=request.remote_addr,
        role=current_user.role,
    )


def _anonymous() -> Actor:
    return Actor(name="anonymous", request_id=request_id(), client_addr=request.remote_addr)


def request_id() -> str:
    """One id per request, so its events can be told apart from another's."""
    if "request_id" not in g:
        g.request_id = request.headers.get("X-Request-Id", "")[:64] or uuid.uuid4().hex
    return g.request_id


def roles_required(*roles: str) -> Callable:
    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if current_user.role not in roles:
                abort(403, description=f"Your role ({current_user.role}) cannot do this.")
            return view(*args, **kwargs)

        return wrapped

    return decorate


def _safe_next(target: str | None) -> str:
    """Only a path on this site: never send a user on to another host after login."""
    if target and target.startswith("/") and not target.startswith("//"):
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc:
            return target
    return url_for("queue.index")


@bp.route("/login", methods=["GET", "POST"])
def login() -> Any:
    if request.method == "GET":
        return render_template("auth/login.html", next=request.args.get("next", ""))
    session = request_session()
    try:
        user = log_in(
            session, request.form.get("username", ""), request.form.get("password", ""),
            actor=_anonymous(),
        )  # fmt: skip
    except LockedOut as exc:
        session.commit()  # the refusal is recorded too
        flash(f"Not logged in: {exc}.", "error")
        return render_template("auth/login.html", next=request.form.get("next", "")), 429
    session.commit()  # a refused login is recorded too
    if user is None:
        flash("Wrong username or password, or the account is disabled.", "error")
        return render_template("auth/login.html", next=request.form.get("next", "")), 401
    login_user(SessionUser(user))
    return redirect(_safe_next(request.form.get("next")))


@bp.post("/logout")
def logout() -> Any:
    logout_user()
    flask_session.clear()  # the whole session ends, not only the login in it
    return redirect(url_for("auth.login"))
