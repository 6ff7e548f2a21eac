"""An auditor reconstructs a claim's life in Chromium, and finds nothing to edit."""

import json
import re

import pytest
from playwright.sync_api import Page, expect

from claims_app.db import session_scope
from claims_app.services import review
from claims_app.services.review import SourceInput, VerdictInput
from tests.helpers import browser_login, ingest_fixture, make_user

pytestmark = pytest.mark.e2e


@pytest.fixture
def reviewed(live_app, engine):
    ingest_fixture(engine)
    amina = make_user(engine, "amina", "reviewer")[1]
    ed = make_user(engine, "ed", "editor")[1]
    make_user(engine, "audrey", "auditor")
    with session_scope(engine, write=True) as s:
        review.edit_fields(s, 1, version=1, changes={"value": "16"}, actor=amina)
        review.add_source(s, 1, version=2, source=SourceInput(
            url="https://example.org/morgue", title="Morgue register", independent=True),
            actor=amina)  # fmt: skip
        review.give_verdict(s, 1, version=3, verdict=VerdictInput("inaccurate", "16, not 14."),
                            actor=amina)  # fmt: skip
        review.approve(s, 1, version=4, actor=ed)
    return engine


def test_an_auditor_reads_history_and_the_log_and_downloads_it(page: Page, reviewed, tmp_path):
    browser_login(page, "audrey")
    page.goto("/claims/1")
    for name in ("Save corrections", "Add source", "Save verdict", "Approve", "Reopen",
                 "Add comment"):  # fmt: skip
        expect(page.get_by_role("button", name=name)).to_have_count(0)
    page.get_by_role("link", name="History").click()
    timeline = page.get_by_role("list").filter(has_text="extracted")
    expect(timeline).to_contain_text("value 14 → 16")
    expect(timeline).to_contain_text("source added: Morgue register (supports, independent)")
    expect(timeline).to_contain_text("verdict: none → inaccurate")
    expect(timeline).to_contain_text("approved (verdict inaccurate)")

    page.get_by_role("link", name="Audit log").click()
    expect(page.get_by_role("heading", name="Audit log")).to_be_visible()
    page.get_by_label("Actor").select_option("amina")
    page.get_by_label("Kind").select_option("claim.edited")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"actor=amina.*kind=claim.edited"))
    expect(page.locator("tr.event-row")).to_have_count(1)
    with page.expect_download() as info:
        page.get_by_role("link", name="JSONL").click()
    path = tmp_path / "audit.jsonl"
    info.value.save_as(path)
    records = [json.loads(line) for line in path.read_text().splitlines()]
    assert [(r["kind"], r["actor"], r["after"]) for r in records] == [
        ("claim.edited", "amina", {"value": 16})
    ]
    # The server refuses what the page does not offer.
    token = page.locator('meta[name="csrf-token"]').get_attribute("content")
    response = page.request.post(
        "/claims/1/comments", form={"body": "sneaky"}, headers={"X-CSRFToken": token}
    )
    assert response.status == 403


def test_an_auditor_verifies_the_chain_from_the_log_page(page: Page, reviewed):
    browser_login(page, "audrey")
    page.get_by_role("link", name="Audit log").click()
    panel = page.get_by_role("region", name="Integrity of the log")
    expect(panel).to_be_visible()
    panel.get_by_role("button", name="Verify the chain now").click()
    expect(panel.get_by_role("status")).to_contain_text(
        re.compile(r"The chain verifies: all \d+ events")
    )
    expect(panel).to_contain_text("Head hash")
    expect(page).to_have_url(re.compile(r"/audit$"))  # checked in place, by htmx
