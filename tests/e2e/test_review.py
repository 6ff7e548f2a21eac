"""Reviewing in Chromium: the flows a reviewer and an editor go through."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from claims_app.db import session_scope
from claims_app.models import Claim
from tests.conftest import REPO
from tests.e2e.axe import assert_accessible
from tests.helpers import PASSWORD, browser_login, ingest_fixture, make_user

pytestmark = pytest.mark.e2e


@pytest.fixture
def desk(live_app, engine):
    ingest_fixture(engine)
    for name, role in (("amina", "reviewer"), ("bo", "reviewer"), ("ed", "editor"),
                       ("audrey", "auditor")):  # fmt: skip
        make_user(engine, name, role)
    return engine


def second_page(browser: Browser, base_url: str, user: str, password: str = PASSWORD) -> Page:
    context = browser.new_context(base_url=base_url)
    other = context.new_page()
    browser_login(other, user, password)
    return other


def claim_row(engine, claim_id):
    with session_scope(engine) as s:
        return s.get(Claim, claim_id)


def test_log_in_with_a_wrong_then_the_right_password(page: Page, desk):
    browser_login(page, "amina", "not-her-password")
    expect(page.get_by_role("alert")).to_contain_text("Wrong username or password")
    browser_login(page, "amina")
    expect(page.get_by_role("heading", name="Claims queue")).to_be_visible()
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("button", name="Log in")).to_be_visible()


def test_an_auditor_reads_but_has_no_controls(page: Page, desk):
    browser_login(page, "audrey")
    expect(page.get_by_role("button", name="Take next claim")).to_have_count(0)
    page.goto("/claims/1")
    expect(page.locator("#this-claim")).to_be_visible()
    expect(page.get_by_role("button", name="Save verdict", exact=True)).to_have_count(0)
    expect(page.get_by_role("button", name="Add source")).to_have_count(0)


def test_filter_and_page_the_queue(page: Page, desk, engine):
    for name in ("press-releases-2020.txt", "river-provinces-digest.txt",
                 "ostrava-monitor-update.html"):  # fmt: skip
        ingest_fixture(engine, name)
    browser_login(page, "ed")
    rows = page.locator("tr.claim-row")
    expect(rows).to_have_count(50)
    page.get_by_role("link", name="Load more").click()
    expect(page.get_by_role("link", name="Load more")).to_have_count(0)
    total = rows.count()
    assert total > 50
    page.get_by_label("Category").select_option("killed")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"category=killed"))
    killed = rows.count()
    assert 0 < killed < total
    for i in range(killed):
        expect(rows.nth(i).locator("td").nth(3)).to_have_text("killed")
    page.go_back()
    expect(rows).to_have_count(50)


def test_two_reviewers_taking_at_once_get_different_claims(page: Page, browser, base_url, desk):
    browser_login(page, "amina")
    other = second_page(browser, base_url, "bo")
    for p in (page, other):
        expect(p.get_by_role("button", name="Take next claim")).to_be_visible()
    # Press both without waiting for either answer (a click would wait for its page).
    page.evaluate("document.querySelector('.queue-head form').submit()")
    other.evaluate("document.querySelector('.queue-head form').submit()")
    page.wait_for_url(re.compile(r"/claims/\d+$"))
    other.wait_for_url(re.compile(r"/claims/\d+$"))
    assert page.url != other.url
    other.context.close()


def test_add_and_remove_a_source_then_verdict_rules(page: Page, desk, engine):
    browser_login(page, "amina")
    page.goto("/claims/1")
    verdict = page.locator("#verdict-panel")
    page.get_by_label("Verdict").select_option("accurate")
    page.get_by_label("Rationale").fill("Matches the ministry's count.")
    page.get_by_role("button", name="Save verdict", exact=True).click()
    expect(verdict.get_by_role("alert")).to_contain_text("attach at least one source")

    page.get_by_label("Source URL").fill("https://example.org/claimant-release")
    page.get_by_label("Source title").fill("The claimant's own release")
    page.get_by_label("Relation").select_option("supports")
    page.get_by_role("button", name="Add source").click()
    sources = page.locator("#sources-panel")
    expect(sources.get_by_role("link", name="The claimant's own release")).to_be_visible()

    page.get_by_label("Verdict").select_option("accurate")
    page.get_by_label("Rationale").fill("Matches the release.")
    page.get_by_role("button", name="Save verdict", exact=True).click()
    expect(verdict.get_by_role("alert")).to_contain_text("independent of the claimant")

    page.get_by_label("Source URL").fill("https://example.org/independent")
    page.get_by_label("Source title").fill("Hospital records")
    page.get_by_role("radio", name="yes").check()
    page.get_by_role("button", name="Add source").click()
    expect(sources.get_by_role("link", name="Hospital records")).to_be_visible()

    sources.get_by_text("Remove source").first.click()
    sources.get_by_role("button", name="Remove source 1").click()
    expect(sources.get_by_role("alert")).to_have_count(0)  # the browser asks for the reason
    sources.get_by_label("Reason for removal").first.fill("Not independent, and a duplicate.")
    sources.get_by_role("button", name="Remove source 1").click()
    expect(sources.get_by_role("link", name="The claimant's own release")).to_have_count(0)

    page.get_by_label("Verdict").select_option("accurate")
    page.get_by_label("Rationale").fill("Hospital records agree.")
    page.get_by_label("Confidence").select_option("high")
    page.get_by_role("button", name="Save verdict", exact=True).click()
    expect(verdict).to_contain_text("accurate (high confidence) by amina")
    expect(page.locator("#claim-status")).to_contain_text("reviewed")
    assert claim_row(engine, 1).status == "reviewed"


def test_approval_needs_a_second_person(page: Page, browser, base_url, desk, engine):
    browser_login(page, "ed")
    page.goto("/claims/2")
    page.get_by_label("Verdict").select_option("unverifiable")
    page.get_by_label("Rationale").fill("No one else reports it.")
    page.get_by_role("button", name="Save verdict", exact=True).click()
    page.get_by_role("button", name="Approve").click()
    expect(page.locator("#verdict-panel").get_by_role("alert")).to_contain_text("second person")

    other = second_page(browser, base_url, "amina")
    other.goto("/claims/2")
    expect(other.get_by_role("button", name="Approve")).to_have_count(0)  # reviewers cannot
    other.context.close()

    make_user(engine, "ella", "editor")
    ella = second_page(browser, base_url, "ella")
    ella.goto("/claims/2")
    ella.get_by_role("button", name="Approve").click()
    expect(ella.locator("#claim-status")).to_contain_text("approved")
    expect(ella.locator("#verdict-panel")).to_contain_text("approved by ella")
    ella.context.close()


def test_dismiss_and_reopen_with_reasons(page: Page, desk, engine):
    browser_login(page, "amina")
    page.goto("/claims/3")
    page.get_by_role("button", name="Dismiss").click()
    expect(page.locator("#verdict-panel").get_by_role("alert")).to_contain_text("say why")
    page.get_by_label("Reason for dismissal").fill("A date, not a count.")
    page.get_by_role("button", name="Dismiss").click()
    expect(page.locator("#claim-status")).to_contain_text("dismissed")
    page.get_by_label("Reason for reopening").fill("It is a count after all.")
    page.get_by_role("button", name="Reopen").click()
    expect(page.locator("#claim-status")).to_contain_text("in review")
    assert claim_row(engine, 3).status == "in_review"


def test_a_stale_edit_says_what_changed_and_keeps_what_was_typed(page, browser, base_url, desk,
                                                                 engine):  # fmt: skip
    browser_login(page, "amina")
    page.goto("/claims/1")
    other = second_page(browser, base_url, "bo")
    other.goto("/claims/1")
    other.get_by_label("Location").fill("Tarev district")
    other.get_by_role("button", name="Save corrections").click()
    expect(other.get_by_label("Location")).to_have_value("Tarev district")

    page.get_by_label("Location").fill("Somewhere else")
    with page.expect_response(re.compile(r"/claims/1/fields")) as answer:
        page.get_by_role("button", name="Save corrections").click()
    assert answer.value.status == 409
    fields = page.locator("#fields-panel")
    expect(fields.get_by_role("alert")).to_contain_text(
        "bo changed location to Tarev district since you opened it"
    )
    expect(fields.get_by_label("Location")).to_have_value("Somewhere else")  # hers, not lost
    assert claim_row(engine, 1).location == "Tarev district"
    # Having seen bo's change, she saves her own over it on purpose.
    page.get_by_role("button", name="Save corrections").click()
    expect(fields.get_by_role("alert")).to_have_count(0)
    fields.get_by_text("Corrections (2)").click()
    expect(fields).to_contain_text("location Tarev district → Somewhere else")
    assert claim_row(engine, 1).location == "Somewhere else"
    other.context.close()


def test_a_refused_verdict_keeps_the_text_and_points_at_the_field(page: Page, desk, engine):
    browser_login(page, "amina")
    page.goto("/claims/2")
    panel = page.locator("#verdict-panel")
    rationale = "The ministry's figure matches the hospital's list of names. " * 3
    panel.get_by_label("Verdict", exact=True).select_option("accurate")
    panel.get_by_label("Rationale").fill(rationale)
    expect(panel.get_by_text(f"{len(rationale)} of 10,000 characters")).to_be_visible()
    panel.get_by_label("Verified value", exact=True).fill("26")
    panel.get_by_label("Confidence").select_option("high")
    with page.expect_response(re.compile(r"/claims/2/verdict")) as answer:
        panel.get_by_role("button", name="Save verdict", exact=True).click()
    assert answer.value.status == 422
    rating = panel.get_by_label("Verdict", exact=True)
    expect(panel.get_by_role("alert")).to_contain_text("attach at least one source first")
    expect(rating).to_have_attribute("aria-invalid", "true")
    expect(rating).to_have_accessible_description(re.compile("attach at least one source first"))
    expect(rating).to_be_focused()
    expect(rating).to_have_value("accurate")
    expect(panel.get_by_label("Rationale")).to_have_value(rationale)
    expect(panel.get_by_label("Verified value", exact=True)).to_have_value("26")
    expect(panel.get_by_label("Confidence")).to_have_value("high")
    expect(panel.get_by_label("Rationale")).to_have_attribute("maxlength", "10000")
    assert_accessible(page)
    assert claim_row(engine, 2).status == "new"


def test_a_refused_source_keeps_every_field(page: Page, desk, engine):
    browser_login(page, "amina")
    page.goto("/claims/2")
    panel = page.locator("#sources-panel")
    panel.get_by_label("Source URL").fill("ftp://files.example.org/casualties.csv")
    panel.get_by_label("Source title").fill("Casualty list, week 12")
    panel.get_by_label("Publisher").fill("Health cluster")
    panel.get_by_label("Excerpt").fill("26 dead, 40 injured")
    panel.get_by_label("yes").check()
    with page.expect_response(re.compile(r"/claims/2/sources")) as answer:
        panel.get_by_role("button", name="Add source").click()
    assert answer.value.status == 422
    url = panel.get_by_label("Source URL")
    expect(url).to_have_attribute("aria-invalid", "true")
    expect(url).to_be_focused()
    expect(url).to_have_value("ftp://files.example.org/casualties.csv")
    expect(panel.get_by_label("Source title")).to_have_value("Casualty list, week 12")
    expect(panel.get_by_label("Publisher")).to_have_value("Health cluster")
    expect(panel.get_by_label("Excerpt")).to_have_value("26 dead, 40 injured")
    expect(panel.get_by_label("yes")).to_be_checked()
    url.fill("https://files.example.org/casualties.csv")
    panel.get_by_role("button", name="Add source").click()
    expect(panel.get_by_role("link", name="Casualty list, week 12")).to_be_visible()
    expect(panel.get_by_label("Source title")).to_have_value("")  # a fresh form for the next


def test_comments_and_keyboard(page: Page, desk):
    browser_login(page, "amina")
    page.keyboard.press("?")
    expect(page.get_by_role("dialog", name="Keyboard shortcuts")).to_be_visible()
    page.keyboard.press("Escape")
    page.keyboard.press("j")
    page.keyboard.press("j")
    expect(page.locator("tr.claim-row[aria-selected=true]")).to_have_count(1)
    page.keyboard.press("k")
    first_href = page.locator("tr.claim-row").first.get_attribute("data-href")
    page.locator("body").press("Enter")
    expect(page).to_have_url(re.compile(re.escape(first_href) + "$"))
    page.wait_for_load_state()  # the shortcuts are bound once the page's scripts ran
    page.keyboard.press("v")
    expect(page.get_by_label("Verdict")).to_be_focused()
    page.locator("body").click()
    page.keyboard.press("s")
    expect(page.get_by_label("Source URL")).to_be_focused()
    page.get_by_label("Comment").fill("Asked the district hospital for records.")
    page.get_by_role("button", name="Add comment").click()
    expect(page.locator("#comments-panel")).to_contain_text("Asked the district hospital")
    page.locator("body").click()
    page.keyboard.press("n")
    expect(page).to_have_url(re.compile(r"/claims/\d+$"))


def test_upload_a_page(page: Page, desk, tmp_path):
    browser_login(page, "amina")
    page.get_by_role("link", name="Documents").click()
    page.get_by_label("Pages to add (.txt or .html)").set_input_files(
        [str(REPO / "fixtures" / "pages" / "press-releases-2020.txt")]
    )
    page.get_by_role("button", name="Upload").click()
    expect(page.get_by_role("status").first).to_contain_text(
        "press-releases-2020.txt: added, 4 articles"
    )
    expect(page.get_by_role("link", name="press-releases-2020.txt")).to_be_visible()


def test_admin_manages_accounts_and_others_cannot(page: Page, browser, base_url, desk):
    other = second_page(browser, base_url, "amina")
    other.goto("/admin/users")
    expect(other.get_by_role("alert")).to_contain_text("Your role (reviewer) cannot do this")
    other.context.close()

    make_user(desk, "root", "admin")
    browser_login(page, "root")
    page.get_by_role("link", name="Users").click()
    page.get_by_label("Username").fill("zoe")
    page.get_by_label("Password").fill("a-long-password")
    page.get_by_label("Role", exact=True).select_option("reviewer")
    page.get_by_role("button", name="Add user").click()
    expect(page.get_by_role("status")).to_contain_text("Account created.")
    page.get_by_label("Role for zoe").select_option("editor")
    page.get_by_role("row", name=re.compile("zoe")).get_by_role("button", name="Set role").click()
    expect(page.get_by_role("row", name=re.compile("zoe"))).to_contain_text("editor")
    page.get_by_role("button", name="Disable zoe").click()
    expect(page.get_by_role("row", name=re.compile("zoe"))).to_contain_text("disabled")
    zoe = second_page(browser, base_url, "zoe", "a-long-password")
    expect(zoe.get_by_role("alert")).to_contain_text("Wrong username or password")
    zoe.context.close()
