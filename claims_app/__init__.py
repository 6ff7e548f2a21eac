"""claims_app: a desk for verifying the numbers in conflict and humanitarian reporting."""

from __future__ import annotations

from typing import Any

from flask import Flask

from claims_app.config import Settings
from claims_app.paths import STATIC_DIR, TEMPLATES_DIR

__version__ = "0.1.0"


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """The only place an app is built. `config` overrides settings (tests use it)."""
    from claims_app import db, web
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
        # An upload of several pages at once, each within the per-file limit.
        MAX_CONTENT_LENGTH=settings.max_file_bytes * 10,
        WTF_CSRF_TIME_LIMIT=None,  # the token lives as long as the login session
    )
    app.config.update(config or {})
    htmx.init_app(app)
    db.init_app(app)
    web.register(app)
    return app
