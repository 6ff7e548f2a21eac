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
    html = page.get_data(as_text=True)
    assert "<script>" not in html and "js:" not in html  # no inline script, no eval
