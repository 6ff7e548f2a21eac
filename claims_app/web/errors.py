"""Error pages in the desk's layout: what went wrong in words, and a way back.

Every refusal the app itself raises (400, 403, 413) already says why in its
description; the others get a sentence of their own. A 500 names the request id
that the log carries with the traceback, so a person can report it and an
operator find it. A database outage is a 503 with Retry-After, not a 500: the
person is told to try again, and an htmx form keeps what they typed (htmx does
not swap an error answer; static/desk.js shows its message).
"""

from __future__ import annotations

import time

from flask import Flask, g, render_template
from flask_login import AnonymousUserMixin
from sqlalchemy import exc as sa_exc
from werkzeug.exceptions import HTTPException, ServiceUnavailable

from claims_app.db import close_session
from claims_app.web.auth import request_id

HEADINGS = {
    400: "Cannot do that",
    403: "Not allowed",
    404: "Not found",
    413: "Too large",
    429: "Too many attempts",
    500: "Something went wrong",
    503: "Database unavailable",
}
RETRY_AFTER_SECONDS = 5
# What a database outage raises: the server gone or restarting, a connection that
# died, no connection free in time, SQLite's lock held past its timeout.
OUTAGES = (sa_exc.OperationalError, sa_exc.InterfaceError, sa_exc.TimeoutError)


def _message(app: Flask, error) -> str:
    code = error.code
    if code == 404:
        return "There is no such page: the address may be mistyped, or what it showed was removed."
    if code == 413:
        limit = _size(app.config["MAX_CONTENT_LENGTH"])
        return f"The request is larger than {limit}; nothing was saved."
    if code == 429:
        return "Too many login attempts from this address. Wait a minute, then try again."
    if code == 503:
        return (
            "The database did not answer, so nothing was saved. Try again in a moment; "
            "what you typed is still in the form."
        )
    if code == 500:
        reference = request_id()
        # Flask logged the traceback just before; this line ties it to the reference.
        app.logger.error("request %s failed: %r", reference, error.original_exception)
        return (
            "The server failed while answering; nothing of this request was saved. "
            f"If it happens again, report reference {reference}."
        )
    return error.description or HEADINGS[code]


def _size(limit: int) -> str:
    """ "20 MB", "1.5 MB", "100 KB": the limit as a person would say it."""
    if limit >= 1024 * 1024:
        return f"{limit / (1024 * 1024):.3g} MB"
    return f"{limit / 1024:.3g} KB"


def register(app: Flask) -> None:
    def render(error: HTTPException):
        code = error.code or 500
        page = render_template(
            "error.html", code=code, heading=HEADINGS[code], message=_message(app, error)
        )
        return page, code

    for code in HEADINGS:
        if code != 503:
            app.register_error_handler(code, render)

    def unavailable(error: Exception):
        # The transaction is gone with its connection: drop it, so the next request
        # starts clean (the pool replaces dead connections on its own).
        session = g.pop("claims_session", None)
        if session is not None:
            close_session(session)
        if app.extensions.get("claims_outage_since") is None:  # once per outage, not per request
            app.extensions["claims_outage_since"] = time.monotonic()
            app.logger.warning("database unavailable: %s", error)
        # The page must not ask the database who is logged in (Flask-Login's template
        # context loads the user): render it as for nobody.
        g._login_user = AnonymousUserMixin()
        page = render_template("error.html", code=503, heading=HEADINGS[503],
                               message=_message(app, ServiceUnavailable()))  # fmt: skip
        return page, 503, {"Retry-After": str(RETRY_AFTER_SECONDS)}

    for outage in OUTAGES:
        app.register_error_handler(outage, unavailable)

    @app.after_request
    def _outage_over(response):
        since = app.extensions.get("claims_outage_since")
        # Only a request that read the database says it is back (not a static file).
        if since is not None and response.status_code < 500 and "claims_session" in g:
            app.extensions["claims_outage_since"] = None
            app.logger.warning("database reachable again after %.0f s", time.monotonic() - since)
        return response
