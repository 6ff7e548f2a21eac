"""Each test gets a migrated, empty database and its own app.

SQLite (default): the schema is migrated once into a template file, and each
test copies it. PostgreSQL (TEST_DATABASE_URL set): the schema is rebuilt by
the migrations once per run, and each test starts from truncated tables.
Either way the migrations themselves are what build the test schema.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlmodel import Session, SQLModel

from claims_app import create_app
from claims_app.db import make_engine, session_scope
from claims_app.migrate import upgrade
from claims_app.services.accounts import use_cheap_hashing_for_tests

use_cheap_hashing_for_tests()

REPO = Path(__file__).resolve().parents[1]
FIXTURE_PAGES = REPO / "fixtures" / "pages"
CORPUS = REPO.parent / "shared" / "corpus"
PG_URL = os.environ.get("TEST_DATABASE_URL")


def pytest_report_header() -> str:
    return f"database: {PG_URL or 'SQLite (temporary files)'}"


@pytest.fixture(scope="session")
def _migrated(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A migrated database: the template file for SQLite, the live one for PG."""
    if PG_URL:
        engine = make_engine(PG_URL)
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        engine.dispose()
        upgrade(PG_URL)
        return PG_URL
    template = tmp_path_factory.mktemp("template") / "template.db"
    upgrade(f"sqlite:///{template}")
    return str(template)


def _truncate_all(url: str) -> None:
    engine = make_engine(url)
    tables = ", ".join(t.name for t in SQLModel.metadata.sorted_tables)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture
def database_url(_migrated: str, tmp_path: Path) -> str:
    if PG_URL:
        _truncate_all(PG_URL)
        return PG_URL
    path = tmp_path / "claims.db"
    shutil.copyfile(_migrated, path)
    return f"sqlite:///{path}"


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    eng = make_engine(database_url)
    yield eng
    eng.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A session for arranging and asserting; services under test get their own."""
    with session_scope(engine, write=True) as s:
        yield s


@pytest.fixture
def app(database_url: str, tmp_path: Path):
    # The per-address login limit is tested on its own; every test logs in from 127.0.0.1.
    # Each app queues its jobs in its own instance folder.
    flask_app = create_app({
        "DATABASE_URL": database_url, "TESTING": True, "RATELIMIT_ENABLED": False,
        "INSTANCE_PATH": tmp_path / "instance",
    })  # fmt: skip
    yield flask_app
    flask_app.extensions["claims_engine"].dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def signed_in(client, engine):
    """A test client logged in as the editor "ed"."""
    from tests.helpers import login, make_user

    make_user(engine, "ed", "editor")
    assert login(client, "ed").status_code == 302
    return client


@pytest.fixture
def site():
    """A local web site playing the sources reviewers cite (tests/local_site.py)."""
    from tests.local_site import LocalSite

    served = LocalSite()
    yield served
    served.close()
