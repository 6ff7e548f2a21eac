"""One blueprint per screen. Views read input, call one service, render."""

import time

from flask import Flask, abort, g, redirect, request, url_for
from werkzeug.routing import IntegerConverter

from claims_app.models import MAX_ID

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


class _IdConverter(IntegerConverter):
    """`<int:...>` in every route: a number past any id gives 404, not a database error."""

    def __init__(self, url_map, *args, **kwargs) -> None:
        kwargs.setdefault("max", MAX_ID)
        super().__init__(url_map, *args, **kwargs)


def register(app: Flask) -> None:
    from claims_app.web import (
        admin,
        audit,
        auth,
        claims,
        display,
        documents,
        errors,
        evidence,
        incidents,
        queue,
        report,
    )
    from claims_app.web.extensions import csrf

    app.url_map.converters["int"] = _IdConverter  # before any route is added

    @app.before_request
    def _start_clock():
        g.started = time.perf_counter()  # first hook, so the time covers the others

    csrf.init_app(app)
    auth.init_app(app)
    for module in (auth, queue, claims, evidence, documents, incidents, admin, audit, report):
        app.register_blueprint(module.bp)

    @app.before_request
    def _refuse_nul():
        # A NUL character is never text a person typed, and PostgreSQL cannot store
        # it: refuse the request whole, before anything is read into a change.
        for values in (request.args, request.form):
            if any("\x00" in value for value in values.values()):
                abort(400, description="The request holds a NUL character; nothing was saved.")

    @app.after_request
    def _security_headers(response):
        # No inline script anywhere (htmx runs with allowEval off), so the policy
        # can forbid it; inline SVG charts need no script either.
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        # The server's own time to the response headers, which browsers' developer
        # tools and the load test (bench/load_test.py) read apart from the network.
        if "started" in g:
            took = (time.perf_counter() - g.started) * 1000
            response.headers["Server-Timing"] = f"app;dur={took:.1f}"
        return response

    @app.get("/")
    def index():
        return redirect(url_for("queue.index"))

    errors.register(app)
    display.register(app)
