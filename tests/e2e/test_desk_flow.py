"""The desk as a to-do list: views with counts, readable rows, saves that say so,
controls that follow the claim's state, sending back, and a whole review by keyboard."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlmodel import select

from claims_app.db import session_scope
from claims_app.models import AuditEvent, Claim
from claims_app.services.review import SourceInput, VerdictInput
from tests.e2e.axe import assert_accessible
from tests.helpers import PASSWORD, browser_login, ingest_fixture, judge, make_users

pytestmark = pytest.mark.e2e


@pytest.fixture
def desk(live_app, engine):
    ingest_fixture(engine)
    return make_users(engine, {"amina": "reviewer", "bo": "reviewer", "ed": "editor",
                               "audrey": "auditor"})  # fmt: skip


def reviewed_by_amina(engine, users, claim_id: int = 1) -> None:
    source = SourceInput(url="https://example.org/list", title="Hospital list", independent=True)
    judge(engine, claim_id, reviewer=users["amina"], sources=[source],
          verdict=VerdictInput("accurate", "The hospital's list has 26 names."))  # fmt: skip


def open_as(browser: Browser, base_url: str, user: str) -> Page:
    page = browser.new_context(base_url=base_url).new_page()
    browser_login(page, user)
    return page


def tab(page: Page, name: str):
    return page.get_by_role("navigation", name="Queue views").get_by_role(
        "link", name=re.compile(rf"^{re.escape(name)} \d+$")
    )


def count_on(page: Page, name: str) -> int:
    return int(tab(page, name).inner_text().rsplit(" ", 1)[1].replace(",", ""))


def claims_total(engine) -> int:
    with session_scope(engine) as s:
        return len(s.exec(select(Claim.id)).all())


def test_a_reviewer_works_from_views_with_counts(page: Page, desk, engine):
    total = claims_total(engine)
    browser_login(page, "amina")
    expect(tab(page, "To do")).to_have_attribute("aria-current", "page")
    assert count_on(page, "To do") == total and count_on(page, "All") == total
    assert count_on(page, "Mine") == 0 and count_on(page, "Needs a second look") == 0
    expect(tab(page, "Awaiting my approval")).to_have_count(0)  # an editor's view
    rows = page.locator("tr.claim-row")
    first = rows.first
    expect(first.locator("mark strong")).to_have_count(1)  # the figure, bold in its quote
    worth = first.locator(".why")
    expect(worth).to_have_attribute("title", re.compile(r"^Why: .+"))
    expect(page.locator("table.queue")).not_to_contain_text("Untitled")
    page.get_by_role("button", name="Take next claim").click()
    expect(page).to_have_url(re.compile(r"/claims/\d+$"))
    expect(page.locator("#claim-status")).to_contain_text(re.compile(r"\(why: [a-z].+\)"))
    page.get_by_role("link", name="← Queue").click()
    assert count_on(page, "Mine") == 1
    tab(page, "Mine").click()
    expect(rows).to_have_count(1)
    expect(rows.first.get_by_text("in review")).to_be_visible()
    assert_accessible(page)


def test_an_editor_selects_all_on_the_page(page: Page, desk):
    browser_login(page, "ed")
    boxes = page.get_by_role("checkbox", name=re.compile(r"^Select claim "))
    assert boxes.count() > 3
    page.get_by_role("checkbox", name="Select all claims on this page").check()
    for i in range(boxes.count()):
        expect(boxes.nth(i)).to_be_checked()
    page.get_by_role("checkbox", name="Select all claims on this page").uncheck()
    expect(boxes.first).not_to_be_checked()


def test_every_save_says_so_and_save_and_take_next_moves_on(page: Page, desk, engine):
    browser_login(page, "amina")
    page.get_by_role("button", name="Take next claim").click()
    first = int(page.url.rsplit("/", 1)[1])
    notice = page.get_by_role("status").filter(has_text=re.compile(r"\w"))
    sources = page.locator("#sources-panel")
    sources.get_by_label("Source URL").fill("https://example.org/hospital-list")
    sources.get_by_label("Source title").fill("Hospital list")
    sources.get_by_label("yes").check()
    sources.get_by_role("button", name="Add source").click()
    expect(notice).to_have_text("Source added.")
    verdict = page.locator("#verdict-panel")
    save = verdict.get_by_role("button", name="Save verdict", exact=True)
    expect(save).to_have_class(re.compile(r"\bprimary\b"))  # a reviewer's main action here
    verdict.get_by_label("Verdict", exact=True).select_option("accurate")
    verdict.get_by_label("Rationale").fill("Matches the hospital's list.")
    verdict.get_by_role("button", name="Save verdict and take next").click()
    expect(page).not_to_have_url(re.compile(rf"/claims/{first}$"))
    expect(page.get_by_role("status").filter(has_text="This is the next claim")).to_be_visible()
    with session_scope(engine) as s:
        assert s.get(Claim, first).status == "reviewed"
        taken = s.get(Claim, int(page.url.rsplit("/", 1)[1]))
        assert taken.status == "in_review" and taken.assignee_id == desk["amina"].user_id


def test_after_approval_controls_that_no_longer_apply_go_away(page: Page, desk, engine):
    reviewed_by_amina(engine, desk)
    browser_login(page, "ed")
    page.goto("/claims/1")
    page.evaluate("window.stillTheSamePage = true")
    # The step's main action stands out: approving, not giving another verdict.
    expect(page.get_by_role("button", name="Approve")).to_have_class(re.compile(r"\bprimary\b"))
    expect(page.get_by_role("button", name="Save verdict", exact=True)).not_to_have_class(
        re.compile(r"\bprimary\b")
    )
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_role("status").filter(has_text="Approved.")).to_be_visible()
    expect(page.get_by_role("button", name="Save corrections")).to_have_count(0)
    expect(page.get_by_role("textbox", name="Location")).to_have_count(0)
    expect(page.locator("#fields-panel dt", has_text="Location")).to_be_visible()
    expect(page.get_by_role("button", name="Add source")).to_have_count(0)
    expect(page.get_by_role("button", name="Approve")).to_have_count(0)
    expect(page.get_by_role("button", name="Reopen")).to_be_visible()
    expect(page.locator("#claim-status")).to_contain_text("approved")
    assert page.evaluate("window.stillTheSamePage") is True  # no reload
    assert_accessible(page)


def test_an_auditor_reads_values_not_fields(page: Page, desk):
    browser_login(page, "audrey")
    page.goto("/claims/1")
    fields = page.locator("#fields-panel")
    expect(fields.get_by_role("textbox")).to_have_count(0)
    expect(fields.get_by_role("combobox")).to_have_count(0)
    expect(fields.locator("dt", has_text="Value")).to_have_count(1)


def test_an_editor_sends_a_verdict_back_and_the_reviewer_finds_it(
    page: Page, browser, base_url, desk, engine
):
    reviewed_by_amina(engine, desk)
    browser_login(page, "ed")
    assert count_on(page, "Awaiting my approval") == 1
    tab(page, "Awaiting my approval").click()
    page.locator("tr.claim-row a").first.click()
    verdict = page.locator("#verdict-panel")
    verdict.get_by_role("button", name="Send back to amina").click()
    expect(verdict.get_by_role("alert")).to_contain_text("say why the claim is sent back")
    expect(verdict.get_by_label("Reason for sending back")).to_be_focused()
    verdict.get_by_label("Reason for sending back").fill(
        "The list is from the ministry: not independent."
    )
    verdict.get_by_role("button", name="Send back to amina").click()
    expect(page.get_by_role("status").filter(has_text="Sent back to its reviewer.")).to_be_visible()
    expect(page.get_by_role("button", name="Approve")).to_have_count(0)
    expect(page.locator("#claim-status")).to_contain_text("sent back")

    amina = open_as(browser, base_url, "amina")
    assert count_on(amina, "Needs a second look") == 1
    tab(amina, "Needs a second look").click()
    amina.locator("tr.claim-row a").first.click()
    expect(amina.locator(".sent-back")).to_contain_text("Sent back by ed")
    expect(amina.locator(".sent-back")).to_contain_text("not independent")
    with session_scope(engine) as s:
        event = s.exec(select(AuditEvent).where(AuditEvent.kind == "claim.sent_back")).one()
        assert event.actor == "ed" and "not independent" in event.after["reason"]
    amina.context.close()


def tab_until(page: Page, label: str, limit: int = 60) -> None:
    """Press Tab until the focused element is named `label` (as a person does)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        name = page.evaluate(
            """() => { const el = document.activeElement;
                 const own = el.labels && el.labels.length ? el.labels[0].innerText : '';
                 return (el.getAttribute('aria-label') || own || el.innerText || '').trim(); }"""
        )
        if name == label or name.startswith(label + "\n"):
            return
    raise AssertionError(f"Tab never reached {label!r}")


def keyboard_login(page: Page, user: str) -> None:
    page.goto("/login")
    tab_until(page, "Username")
    page.keyboard.type(user)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_a_whole_review_by_keyboard_with_no_console_errors(page: Page, browser, base_url, desk,
                                                           engine):  # fmt: skip
    errors: list[str] = []

    def watch(p: Page) -> None:
        p.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        p.on("pageerror", lambda e: errors.append(str(e)))

    watch(page)
    keyboard_login(page, "amina")
    page.wait_for_load_state()
    page.keyboard.press("n")  # take the next claim
    expect(page).to_have_url(re.compile(r"/claims/\d+$"))
    claim_id = int(page.url.rsplit("/", 1)[1])
    page.wait_for_load_state()
    page.keyboard.press("s")
    page.keyboard.type("https://example.org/hospital-list")
    tab_until(page, "Source title")
    page.keyboard.type("Hospital list")
    tab_until(page, "no")  # a radio group is one tab stop, at its checked button
    page.keyboard.press("ArrowUp")  # independent: yes
    expect(page.get_by_label("yes")).to_be_checked()
    tab_until(page, "Add source")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").filter(has_text="Source added.")).to_be_visible()
    page.keyboard.press("v")
    expect(page.get_by_label("Verdict", exact=True)).to_be_focused()
    page.keyboard.press("ArrowDown")  # "accurate"
    tab_until(page, "Rationale")
    page.keyboard.type("Matches the hospital's list of names.")
    tab_until(page, "Save verdict")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").filter(has_text="Verdict saved")).to_be_visible()

    editor = browser.new_context(base_url=base_url).new_page()
    watch(editor)
    keyboard_login(editor, "ed")
    editor.goto(f"/claims/{claim_id}")
    tab_until(editor, "Approve")
    editor.keyboard.press("Enter")
    expect(editor.get_by_role("status").filter(has_text="Approved.")).to_be_visible()
    with session_scope(engine) as s:
        assert s.get(Claim, claim_id).status == "approved"
    assert errors == [], errors
    editor.context.close()


def test_during_a_database_outage_the_form_keeps_what_was_typed(page: Page, app, desk, engine,
                                                              tmp_path):  # fmt: skip
    from sqlalchemy import create_engine

    browser_login(page, "amina")
    page.goto("/claims/2")
    comments = page.locator("#comments-panel")
    comments.get_by_label("Comment").fill("Called the district hospital; waiting for the list.")
    working = app.extensions["claims_engine"]
    app.extensions["claims_engine"] = create_engine(f"sqlite:///{tmp_path}/gone/x.db")
    with page.expect_response(re.compile(r"/claims/2/comments")) as answer:
        comments.get_by_role("button", name="Add comment").click()
    assert answer.value.status == 503
    expect(page.get_by_role("alert")).to_contain_text("The database did not answer")
    expect(comments.get_by_label("Comment")).to_have_value(
        "Called the district hospital; waiting for the list."
    )
    app.extensions["claims_engine"] = working  # the database is back
    comments.get_by_role("button", name="Add comment").click()
    expect(comments.get_by_role("listitem").filter(has_text="waiting for the list")).to_be_visible()
    expect(page.locator("#request-failed")).to_be_hidden()
