"""claims_app: a desk for verifying the numbers in conflict and humanitarian reporting."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import Flask

from claims_app.config import DEV_SECRET, Settings
from claims_app.paths import STATIC_DIR, TEMPLATES_DIR

__version__ = "0.1.0"


def _refuse_default_secret(app: Flask) -> None:
    """Sessions signed with a key everyone can read are forgeable: only tests and
    the debug server may run with it (`make demo` writes a real one first)."""
    if app.config["SECRET_KEY"] == DEV_SECRET and not (app.testing or app.debug):
        raise RuntimeError(
            "refusing to start with the default secret key: set SECRET_KEY, or run "
            "`claims init-secret` to write one into the instance folder"
        )


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """The only place an app is built. `config` overrides settings (tests use it)."""
    from claims_app import db, figures, web
    from claims_app.web.extensions import htmx

    app = Flask(
        __name__,
        template_folder=str(TEMPLATES_DIR),
        static_folder=str(STATIC_DIR),
    )
    settings = Settings.from_env()
    app.config.update(
        DATABASE_URL=settings.database_url,
        SECRET_KEY=settings.secret_key,
        MAX_FILE_BYTES=settings.max_file_bytes,
        ASSIGNMENT_MINUTES=settings.assignment_minutes,
        ORG_NAME=settings.org_name,
        ORG_URL=settings.org_url,
        BASE_URL=settings.base_url,
        PUBLIC_URL=settings.public_url,
        # An upload of several pages at once, each within the per-file limit.
        MAX_CONTENT_LENGTH=settings.max_file_bytes * 10,
        WTF_CSRF_TIME_LIMIT=None,  # the token lives as long as the login session
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.secure_cookies,
        REMEMBER_COOKIE_HTTPONLY=True,
        REMEMBER_COOKIE_SAMESITE="Lax",
        REMEMBER_COOKIE_SECURE=settings.secure_cookies,
        PERMANENT_SESSION_LIFETIME=timedelta(hours=12),
        LOGIN_RATE_LIMIT=settings.login_rate_limit,
        RATELIMIT_HEADERS_ENABLED=True,
        RATELIMIT_STORAGE_URI=settings.ratelimit_storage,
        RATELIMIT_KEY_PREFIX=settings.ratelimit_prefix,
        # Redis down: count in memory meanwhile rather than refuse every login.
        RATELIMIT_IN_MEMORY_FALLBACK_ENABLED=True,
        RATELIMIT_SWALLOW_ERRORS=True,
    )
    app.config.update(config or {})
    _refuse_default_secret(app)
    # Figures reach templates only through these (claims_app/figures.py says why).
    app.add_template_filter(figures.figure, "figure")
    app.add_template_filter(figures.figure_input, "figure_input")
    app.add_template_global(figures.figure_range, "figure_range")
    htmx.init_app(app)
    db.init_app(app)
    web.register(app)
    return app
