"""Alembic, driven from code: `claims db upgrade`, and the "not migrated" check."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from claims_app.paths import MIGRATIONS_DIR


class NotMigratedError(RuntimeError):
    pass


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    # Percent signs in URLs (encoded passwords) would be read as interpolation.
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(url), revision)


def head_revisions(url: str) -> set[str]:
    return set(ScriptDirectory.from_config(alembic_config(url)).get_heads())


def current_revisions(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads())


def ensure_migrated(engine: Engine) -> None:
    """Stop early, with the fix, rather than fail on a missing table later."""
    url = engine.url.render_as_string(hide_password=False)
    current, heads = current_revisions(engine), head_revisions(url)
    if current != heads:
        where = engine.url.render_as_string(hide_password=True)
        state = "has no tables yet" if not current else "is at an older schema version"
        raise NotMigratedError(f"the database {where} {state}: run `claims db upgrade` first")
