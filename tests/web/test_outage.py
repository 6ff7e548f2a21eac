"""A database outage is a 503 with Retry-After and the reason, never a generic 500;
nothing is half-written and the desk recovers by itself."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine
from sqlmodel import select

from claims_app.db import session_scope
from claims_app.models import Comment
from tests.helpers import ingest_fixture, login, make_user, post

HX = {"HX-Request": "true"}


@pytest.fixture
def desk(client, engine, tmp_path):
    ingest_fixture(engine)
    make_user(engine, "amina", "reviewer")
    login(client, "amina")
    return client


def outage(client, tmp_path):
    """The app's database gone: an engine whose every connection fails."""
    app = client.application
    working = app.extensions["claims_engine"]
    app.extensions["claims_engine"] = create_engine(f"sqlite:///{tmp_path}/no/such/dir/x.db")
    return lambda: app.extensions.__setitem__("claims_engine", working)


@pytest.mark.parametrize("path", ["/claims", "/claims/1", "/documents", "/report"])
def test_pages_answer_503_with_retry_after_while_the_database_is_down(desk, tmp_path, path):
    restore = outage(desk, tmp_path)
    answer = desk.get(path)
    page = answer.get_data(as_text=True)
    assert answer.status_code == 503 and answer.headers["Retry-After"] == "5"
    assert "<h1>Database unavailable</h1>" in page and "nothing was saved" in page
    assert "Try again" in page
    restore()
    assert desk.get(path).status_code == 200  # back by itself once the database is


def test_a_write_during_an_outage_saves_nothing_and_the_next_one_lands(desk, engine, tmp_path):
    token_page = desk.get("/claims/1")  # the token, while the database answers
    assert token_page.status_code == 200
    restore = outage(desk, tmp_path)
    answer = post(desk, "/claims/1/comments", {"body": "Asked the hospital."}, headers=HX)
    assert answer.status_code == 503
    restore()
    with session_scope(engine) as s:
        assert s.exec(select(Comment)).all() == []
    answer = post(desk, "/claims/1/comments", {"body": "Asked the hospital."}, headers=HX)
    assert answer.status_code == 200
    with session_scope(engine) as s:
        assert [c.body for c in s.exec(select(Comment))] == ["Asked the hospital."]


def test_an_outage_is_logged_once_and_its_end_once(desk, tmp_path, caplog):
    restore = outage(desk, tmp_path)
    with caplog.at_level("WARNING"):
        for _ in range(3):
            assert desk.get("/claims").status_code == 503
        restore()
        for _ in range(2):
            assert desk.get("/claims").status_code == 200
    said = [r.getMessage() for r in caplog.records]
    assert sum("database unavailable" in m for m in said) == 1
    assert sum("database reachable again" in m for m in said) == 1


def test_a_connection_lost_after_the_page_was_read_is_not_a_500(desk, engine):
    """PostgreSQL restarted between a page's reads and the end of its request: the
    session's closing rollback met the dead connection outside every error handler,
    and the server answered its own bare 500 (bench/faults.py restart-db)."""
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite has no server to lose the connection to")
    app = desk.application

    def lose_the_connection(response):
        from flask import g

        pid = g.claims_session.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar()
        with engine.connect() as other:
            other.exec_driver_sql(f"SELECT pg_terminate_backend({int(pid)})")
        return response

    app.after_request_funcs.setdefault(None, []).append(lose_the_connection)
    answer = desk.get("/claims/1")
    assert answer.status_code == 200
    app.after_request_funcs[None].remove(lose_the_connection)
    assert desk.get("/claims/1").status_code == 200  # the pool replaced it
