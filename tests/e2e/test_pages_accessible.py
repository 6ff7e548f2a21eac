"""Every page of the desk, as each role sees it, passes axe-core without serious
violations; error pages are in the layout with a way back."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from claims_app import create_app
from claims_app.db import session_scope
from claims_app.models import Article, Claim, Document
from claims_app.services.review import SourceInput, VerdictInput
from tests.e2e.axe import assert_accessible, serious_violations
from tests.helpers import browser_login, ingest_fixture, judge, make_user, make_users

pytestmark = pytest.mark.e2e


@pytest.fixture
def desk(live_app, engine):
    ingest_fixture(engine)
    users = make_users(engine, {"amina": "reviewer", "ed": "editor", "audrey": "auditor",
                                "ada": "admin"})  # fmt: skip
    with session_scope(engine) as s:
        claim = s.exec(select(Claim).order_by(Claim.id)).first()
        ids = claim.id, s.exec(select(Document.id)).first(), s.exec(select(Article.id)).first()
    record = SourceInput(url="https://example.org/record", title="Record", independent=True)
    judge(engine, ids[0], reviewer=users["amina"], verdict=VerdictInput("accurate", "Matches."),
          sources=[record], approver=users["ed"])  # fmt: skip
    return ids


def pages(ids) -> list[str]:
    claim, document, article = ids
    return ["/claims", f"/claims/{claim}", f"/claims/{claim}/history", f"/claims/{claim + 1}",
            "/documents", f"/documents/{document}", f"/articles/{article}", "/report",
            "/audit", "/admin/users", "/incidents"]  # fmt: skip


@pytest.mark.parametrize("user", ["amina", "ed", "audrey", "ada"])
def test_every_page_passes_axe_for_every_role(page: Page, desk, user):
    browser_login(page, user)
    for path in pages(desk):
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(page)


def test_the_login_page_passes_axe(page: Page, desk):
    page.goto("/login")
    assert_accessible(page)
    browser_login(page, "amina", "wrong-password")
    expect(page.get_by_role("alert")).to_be_visible()
    assert_accessible(page)


def test_a_missing_page_says_so_in_the_layout_with_a_way_back(page: Page, desk):
    browser_login(page, "amina")
    answer = page.goto("/claims/999999")
    assert answer.status == 404
    expect(page.get_by_role("heading", name="Not found")).to_be_visible()
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Back to the queue").click()
    expect(page.get_by_role("heading", name="Claims queue")).to_be_visible()


def test_a_page_beyond_the_role_says_not_allowed(page: Page, desk):
    browser_login(page, "amina")
    answer = page.goto("/admin/users")
    assert answer.status == 403
    expect(page.get_by_role("heading", name="Not allowed")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("reviewer")
    assert_accessible(page)


def test_a_server_failure_shows_a_page_with_a_reference_and_saves_nothing(
    page: Page, app, live_app, engine
):
    app.config["PROPAGATE_EXCEPTIONS"] = False  # as when served, not as in tests

    def fails():
        raise RuntimeError("a bug")

    app.add_url_rule("/fails", "fails", fails)
    make_user(engine, "amina", "reviewer")
    browser_login(page, "amina")
    answer = page.goto("/fails")
    assert answer.status == 500
    expect(page.get_by_role("heading", name="Something went wrong")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("report reference")
    expect(page.get_by_role("alert")).not_to_contain_text("a bug")  # nothing internal shown
    page.get_by_role("link", name="Back to the queue").click()
    expect(page.get_by_role("heading", name="Claims queue")).to_be_visible()


@pytest.fixture
def limited_app(database_url, _server):
    """The app as served, with its per-address login limit on (the other tests turn it off)."""
    app = create_app({"DATABASE_URL": database_url, "TESTING": True,
                      "LOGIN_RATE_LIMIT": "2 per minute"})  # fmt: skip
    _server[1].app = app
    yield app
    _server[1].app = None
    app.extensions["claims_engine"].dispose()


def test_too_many_logins_from_one_address_say_so_with_a_way_back(page: Page, limited_app, engine):
    make_user(engine, "amina", "reviewer")
    for _ in range(3):
        browser_login(page, "amina", "wrong-password")
    expect(page.get_by_role("heading", name="Too many attempts")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Go to the login page").click()
    expect(page.get_by_role("button", name="Log in")).to_be_visible()


def test_the_checker_does_see_violations(page: Page):
    """The axe run above would fail a page: a nameless button and an unlabelled field."""
    page.set_content('<html lang="en"><title>t</title><main><button></button><input></main>')
    found = serious_violations(page)
    assert any(line.startswith("button-name") for line in found)
    assert any(line.startswith("label") for line in found)
