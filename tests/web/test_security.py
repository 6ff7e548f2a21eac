"""Security basics: secret key, cookies, headers."""

import os
import stat

import pytest
from click.testing import CliRunner

from claims_app import create_app
from claims_app.cli import main
from tests.helpers import login, make_user


def test_refuses_to_start_with_the_default_secret(database_url, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("CLAIMS_INSTANCE", "/nonexistent-instance")
    with pytest.raises(RuntimeError, match="default secret key"):
        create_app({"DATABASE_URL": database_url})
    app = create_app({"DATABASE_URL": database_url, "SECRET_KEY": "a-real-one"})
    app.extensions["claims_engine"].dispose()


def test_init_secret_writes_a_private_key_once(tmp_path, database_url):
    env = {"CLAIMS_INSTANCE": str(tmp_path / "inst"), "DATABASE_URL": database_url}
    first = CliRunner().invoke(main, ["init-secret"], env=env)
    key_file = tmp_path / "inst" / "secret_key"
    assert first.exit_code == 0 and "wrote" in first.output
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    key = key_file.read_text()
    again = CliRunner().invoke(main, ["init-secret"], env=env)
    assert "kept" in again.output and key_file.read_text() == key and len(key) > 40


def test_headers_and_cookies(client, engine):
    make_user(engine, "amina", "reviewer")
    r = login(client, "amina")
    cookie = r.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    page = client.get("/claims")
    csp = page.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe" not in csp and "frame-ancestors 'none'" in csp
    assert page.headers["X-Content-Type-Options"] == "nosniff"
    assert page.headers["Referrer-Policy"] == "same-origin"
    timing = page.headers["Server-Timing"]  # the server's own time, read by the load test
    assert timing.startswith("app;dur=") and float(timing.split("=")[1]) >= 0
    html = page.get_data(as_text=True)
    assert "<script>" not in html and "js:" not in html  # no inline script, no eval


def test_passwords_are_argon2_and_old_scrypt_hashes_are_upgraded(client, engine):
    from sqlmodel import select
    from werkzeug.security import generate_password_hash

    from claims_app.db import session_scope
    from claims_app.models import User

    make_user(engine, "amina", "reviewer")
    with session_scope(engine, write=True) as s:
        user = s.exec(select(User).where(User.username == "amina")).one()
        assert user.password_hash.startswith("$argon2id$")
        user.password_hash = generate_password_hash("long-enough-pw")  # as before argon2
        s.add(user)
    assert login(client, "amina").status_code == 302
    with session_scope(engine) as s:
        user = s.exec(select(User).where(User.username == "amina")).one()
        assert user.password_hash.startswith("$argon2id$")


def test_repeated_failures_lock_the_name_out_without_saying_if_it_exists(client, engine):
    from sqlmodel import select

    from claims_app.db import session_scope
    from claims_app.models import AuditEvent

    make_user(engine, "amina", "reviewer")
    for name in ("amina", "nobody-here"):
        answers = [login(client, name, "wrong-password").status_code for _ in range(6)]
        assert answers == [401] * 5 + [429]
    locked = login(client, "amina")  # the right password, but locked out
    assert locked.status_code == 429 and "too many failed logins" in locked.get_data(as_text=True)
    ghost = login(client, "nobody-here")
    assert ghost.get_data(as_text=True).count("too many failed logins") == 1
    with session_scope(engine) as s:
        reasons = [
            e.after["reason"]
            for e in s.exec(
                select(AuditEvent).where(AuditEvent.kind == "login.failed").order_by(AuditEvent.id)
            )
        ]
    assert reasons.count("wrong password") == 5 and reasons.count("unknown user") == 5
    assert reasons.count("locked out") == 4


def test_login_attempts_are_rate_limited_per_address(database_url, engine):
    app = create_app({"DATABASE_URL": database_url, "TESTING": True,
                      "LOGIN_RATE_LIMIT": "3 per minute"})  # fmt: skip
    client = app.test_client()
    codes = [login(client, f"user{i}", "whatever-pw").status_code for i in range(4)]
    assert codes == [401, 401, 401, 429]
    app.extensions["claims_engine"].dispose()


def test_the_login_limit_never_keeps_anyone_from_logging_out(database_url, engine):
    from tests.helpers import PASSWORD, csrf_token

    def logout():
        return client.post("/logout", data={"csrf_token": csrf_token(client, "/login")})

    app = create_app({"DATABASE_URL": database_url, "TESTING": True,
                      "LOGIN_RATE_LIMIT": "2 per minute"})  # fmt: skip
    make_user(engine, "amina", "reviewer")
    client = app.test_client()
    assert login(client, "amina", PASSWORD).status_code == 302
    for _ in range(4):  # more logouts (and a login) than the limit allows logins
        assert logout().status_code == 302
    assert login(client, "amina", PASSWORD).status_code == 302
    assert login(client, "amina", PASSWORD).status_code == 429
    answer = logout()
    assert answer.status_code == 302 and answer.location.endswith("/login")
    app.extensions["claims_engine"].dispose()


def test_logout_ends_the_session(client, engine):
    from tests.helpers import post

    make_user(engine, "amina", "reviewer")
    login(client, "amina")
    assert client.get("/claims").status_code == 200
    post(client, "/logout")
    assert client.get("/claims").status_code == 302


def test_a_nul_character_is_refused_before_anything_changes(client, engine):
    from tests.helpers import ingest_fixture, post, table_counts

    ingest_fixture(engine)
    make_user(engine, "amina", "reviewer")
    login(client, "amina")
    before = table_counts(engine)
    response = post(client, "/claims/1/comments", {"body": "nul \x00 here"})
    assert response.status_code == 400 and "NUL character" in response.get_data(as_text=True)
    assert client.get("/claims?q=a%00b").status_code == 400
    assert table_counts(engine) == before


def test_numbers_past_any_id_are_not_found_rather_than_a_database_error(client, engine):
    from tests.helpers import ingest_fixture, post

    ingest_fixture(engine)
    make_user(engine, "ed", "editor")
    login(client, "ed")
    huge = "9" * 12
    for url in (f"/claims/{huge}", f"/claims/{huge}/history", f"/documents/{huge}",
                f"/articles/{huge}"):  # fmt: skip
        assert client.get(url).status_code == 404, url
    for url in (f"/claims?document={huge}", f"/audit?claim={huge}", f"/report?document={huge}",
                f"/claims?after=0.9~{huge}", f"/claims?sort=newest&after={huge}"):  # fmt: skip
        assert client.get(url).status_code == 400, url
    assert client.get(f"/audit?before={huge}").status_code == 200
    r = post(client, "/claims/bulk", {"claim_ids": [huge], "action": "dismiss", "reason": "x"})
    assert r.status_code == 302  # "select at least one claim": the number names none
