"""The review routes: roles enforced on the server, CSRF, panels, conflicts."""

import re

import pytest
from sqlmodel import select

from claims_app.db import session_scope
from claims_app.models import Claim, Source
from tests.helpers import csrf_token, ingest_fixture, login, make_user, post, table_counts

HX = {"HX-Request": "true"}


@pytest.fixture
def desk(client, engine):
    ingest_fixture(engine)
    for name, role in (("amina", "reviewer"), ("ed", "editor"), ("audrey", "auditor"),
                       ("root", "admin")):  # fmt: skip
        make_user(engine, name, role)
    return client


def version(engine, claim_id=1):
    with session_scope(engine) as s:
        return s.get(Claim, claim_id).version


def test_login_refuses_wrong_password_and_disabled_accounts(desk):
    bad = login(desk, "amina", "wrong-password")
    assert bad.status_code == 401 and "Wrong username or password" in bad.get_data(as_text=True)
    assert login(desk, "amina").status_code == 302


def test_login_never_redirects_off_site(desk):
    token = csrf_token(desk)
    r = desk.post("/login", data={"username": "amina", "password": "long-enough-pw",
                                  "csrf_token": token, "next": "//evil.example/x"})  # fmt: skip
    assert r.headers["Location"] == "/claims"


def test_posts_without_the_csrf_token_are_refused(desk, engine):
    login(desk, "amina")
    before = table_counts(engine)
    r = desk.post("/claims/1/comments", data={"body": "hi"})
    assert r.status_code == 400 and "CSRF" in r.get_data(as_text=True)
    assert table_counts(engine) == before


@pytest.mark.parametrize(
    ("who", "url", "data", "allowed"),
    [
        ("audrey", "/claims/take-next", {}, False),
        ("audrey", "/claims/1/comments", {"body": "x"}, False),
        ("amina", "/claims/1/approve", {"version": "1"}, False),
        ("amina", "/claims/bulk", {"claim_ids": "1", "action": "dismiss", "reason": "x"}, False),
        (
            "amina",
            "/admin/users",
            {"username": "zed", "password": "12345678", "role": "admin"},
            False,
        ),
        ("root", "/claims/take-next", {}, False),
        ("amina", "/claims/take-next", {}, True),
        ("ed", "/claims/bulk", {"claim_ids": "1", "action": "dismiss", "reason": "dup"}, True),
        (
            "root",
            "/admin/users",
            {"username": "zed", "password": "12345678", "role": "reviewer"},
            True,
        ),
    ],
)
def test_each_role_is_refused_what_it_may_not_do(desk, engine, who, url, data, allowed):
    login(desk, who)
    before = table_counts(engine)
    r = post(desk, url, data)
    if allowed:
        assert r.status_code in (200, 302) and table_counts(engine) != before
    else:
        assert r.status_code == 403 and table_counts(engine) == before


def test_auditor_reads_the_queue_and_a_claim(desk):
    login(desk, "audrey")
    assert desk.get("/claims").status_code == 200
    page = desk.get("/claims/1").get_data(as_text=True)
    assert 'id="this-claim"' in page and "Save verdict" not in page


def test_panel_answers_and_refusals(desk, engine):
    login(desk, "amina")
    r = post(desk, "/claims/1/sources", {"version": "1", "url": "ftp://x"}, headers=HX)
    assert r.status_code == 422 and "http:// or https://" in r.get_data(as_text=True)
    r = post(desk, "/claims/1/sources",
             {"version": "1", "url": "https://example.org/a", "title": "A report",
              "relation": "supports", "independent": "yes"}, headers=HX)  # fmt: skip
    body = r.get_data(as_text=True)
    assert r.status_code == 200 and 'id="sources-panel"' in body and "A report" in body
    assert "<html" not in body  # only the panel, and the status line out of band
    assert re.search(r'id="claim-status"[^>]*data-version="2"[^>]*hx-swap-oob', body)


def test_a_stale_write_gets_409_what_changed_and_the_persons_own_text(desk, engine):
    login(desk, "ed")
    post(desk, "/claims/1/fields", {"version": "1", "location": "Tarev"}, headers=HX)
    login(desk, "amina")
    r = post(desk, "/claims/1/fields", {"version": "1", "location": "Somewhere"}, headers=HX)
    body = r.get_data(as_text=True)
    assert r.status_code == 409
    assert "ed changed location to Tarev since you opened it" in body
    assert 'value="Somewhere"' in body  # what she typed, still hers to save
    assert re.search(r'name="version" value="2"', body)  # saving again is based on ed's change
    with session_scope(engine) as s:
        assert s.get(Claim, 1).location == "Tarev"


def test_without_htmx_forms_redirect_back_to_the_workspace(desk, engine):
    login(desk, "amina")
    r = post(desk, "/claims/1/comments", {"body": "checking the hospital figure"})
    assert r.status_code == 302 and r.headers["Location"].startswith("/claims/1")
    assert "checking the hospital figure" in desk.get("/claims/1").get_data(as_text=True)


def test_remove_source_needs_a_reason(desk, engine):
    login(desk, "amina")
    post(desk, "/claims/1/sources", {"version": "1", "url": "https://example.org/a",
                                     "relation": "supports"}, headers=HX)  # fmt: skip
    with session_scope(engine) as s:
        source_id = s.exec(select(Source.id)).first()
    r = post(desk, f"/claims/1/sources/{source_id}/remove", {"version": "2", "reason": ""},
             headers=HX)  # fmt: skip
    assert r.status_code == 422 and "say why" in r.get_data(as_text=True)


def test_save_and_take_next_without_javascript_goes_to_the_next_claim(desk, engine):
    login(desk, "amina")
    source = {"version": "1", "url": "https://example.org/a", "title": "A",
              "relation": "supports", "independent": "yes"}  # fmt: skip
    post(desk, "/claims/1/sources", source)
    r = post(desk, "/claims/1/verdict", {"version": "2", "rating": "accurate",
                                         "rationale": "Matches.", "confidence": "high",
                                         "then": "next"})  # fmt: skip
    assert r.status_code == 302
    following = int(r.headers["Location"].rsplit("/", 1)[1])
    with session_scope(engine) as s:
        assert s.get(Claim, 1).status == "reviewed"
        assert following != 1 and s.get(Claim, following).status == "in_review"
    assert "This is the next claim" in desk.get(r.headers["Location"]).get_data(as_text=True)
