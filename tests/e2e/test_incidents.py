"""Incidents in Chromium: a conflict shown in both reports' workspaces, the
incident page, and the queue's filter for figures that disagree."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from claims_app.db import session_scope
from claims_app.models import Claim
from tests.e2e.axe import assert_accessible
from tests.helpers import browser_login, make_user
from tests.services.test_incidents import ingest

pytestmark = pytest.mark.e2e


@pytest.fixture
def reports(live_app, engine):
    ingest(engine, "flash.txt", "brief.txt", "digest.txt")
    make_user(engine, "amina", "reviewer")
    with session_scope(engine) as s:
        return {c.quote: c.id for c in s.exec(select(Claim))}


def test_a_conflict_shows_in_both_workspaces_and_leads_to_the_incident(page: Page, reports):
    browser_login(page, "amina")
    page.goto(f"/claims/{reports['Dozens of civilians']}")
    panel = page.get_by_role("region", name="Other reports of this incident")
    expect(panel).to_contain_text("Figures disagree")
    expect(panel).to_contain_text("reported 7–24")
    assert_accessible(page)
    link = panel.get_by_role("link", name=re.compile("Seven civilians"))
    link.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Seven civilians")
    panel = page.get_by_role("region", name="Other reports of this incident")
    expect(panel).to_contain_text("Figures disagree")
    expect(panel.get_by_role("row").filter(has_text="Dozens of civilians")).to_contain_text(
        "Disagrees"
    )
    panel.get_by_role("link", name=re.compile(r"^Incident \d+$")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("killed, Saraqib, 2020-02-11")
    expect(page.get_by_text("Reported")).to_be_visible()
    assert_accessible(page)


def test_the_queue_shows_only_conflicting_figures_when_asked(page: Page, reports):
    browser_login(page, "amina")
    page.goto("/claims?view=all")
    page.get_by_label("Conflicting figures").check()
    page.get_by_role("button", name="Apply filters").click()
    rows = page.locator("tr.claim-row")
    expect(rows).to_have_count(3)
    expect(page.get_by_role("table")).not_to_contain_text("Three civilians")
    assert_accessible(page)


def test_the_report_shows_each_claims_incident_and_groups_by_it(page: Page, reports, engine):
    from claims_app.services.review import SourceInput, VerdictInput
    from tests.helpers import judge, make_users

    people = make_users(engine, {"rev": "reviewer", "edi": "editor"})
    record = SourceInput(url="https://example.org/register", title="Register", independent=True)
    for quote in ("Dozens of civilians", "Seven civilians"):
        judge(engine, reports[quote], reviewer=people["rev"], sources=[record],
              verdict=VerdictInput("needs_context", "Reports differ."),
              approver=people["edi"])  # fmt: skip
    browser_login(page, "amina")
    page.goto("/report")
    page.get_by_label("Group by").select_option("incident")
    page.get_by_role("button", name=re.compile("Apply|Show|Filter")).click()
    group = page.get_by_role("region", name=re.compile(r"^Incident \d+$"))
    expect(group).to_have_count(1)
    expect(group.locator(".incident-line")).to_have_count(2)
    expect(group.locator(".incident-line").first).to_contain_text("reported 7–24")
    expect(group).to_contain_text("this figure disagrees with another report")
    assert_accessible(page)


def test_split_then_merge_back_with_the_trail_on_the_incident_page(page: Page, reports):
    browser_login(page, "amina")
    page.goto(f"/claims/{reports['Seven civilians']}")
    page.get_by_role("region", name="Other reports of this incident").get_by_role(
        "link", name=re.compile(r"^Incident \d+$")).click()  # fmt: skip
    strike = page.url.rsplit("/", 1)[1]
    page.get_by_label("Claim to split out").select_option(str(reports["Dozens of civilians"]))
    page.get_by_role("button", name="Split out").click()  # no reason: refused, choice kept
    expect(page.get_by_role("alert")).to_contain_text("say why")
    expect(page.get_by_label("Claim to split out")).to_have_value(
        str(reports["Dozens of civilians"])
    )
    page.get_by_label("Why split it out").fill("another market, the medics said")
    page.get_by_role("button", name="Split out").click()
    expect(page.get_by_role("status")).to_contain_text("split out into an incident of its own")
    expect(page.get_by_role("table")).to_contain_text("Dozens of civilians")
    expect(page.get_by_role("table")).not_to_contain_text("Seven civilians")
    page.get_by_label("Incident to merge into this one").fill(strike)
    page.get_by_label("Why merge them").fill("the same market after all")
    page.get_by_role("button", name="Merge").click()
    expect(page.get_by_role("status")).to_contain_text(f"Incident {strike} merged into this one")
    expect(page.get_by_role("table")).to_contain_text("Seven civilians")
    trail = page.locator("ol.history")
    expect(trail).to_contain_text(f"split out of incident {strike}")
    expect(trail).to_contain_text("another market, the medics said")
    expect(trail).to_contain_text(f"incident {strike} merged in")
    assert_accessible(page)
    page.goto(f"/incidents/{strike}")
    expect(page.get_by_role("status")).to_contain_text("Merged into")


def test_the_same_verdict_is_offered_for_an_exact_repeat_and_given_on_request(
    page: Page, reports, engine
):
    browser_login(page, "amina")
    page.goto(f"/claims/{reports['Seven civilians']}")
    page.get_by_label("Source URL").fill("https://example.org/register")
    page.get_by_label("Source title").fill("Health register")
    page.get_by_role("radio", name="yes").check()
    page.get_by_role("button", name="Add source").click()
    expect(page.locator("#sources-panel")).to_contain_text("Health register")
    page.get_by_label("Verdict", exact=True).select_option("accurate")
    page.get_by_label("Rationale").fill("The register lists seven.")
    page.get_by_role("button", name="Save verdict", exact=True).click()
    offer = page.get_by_role("group", name="The same figure in other reports of this incident")
    expect(offer).to_contain_text("7 people")
    expect(offer).not_to_contain_text("Dozens")  # another figure: not offered
    expect(offer.get_by_role("checkbox")).to_be_checked()
    assert_accessible(page)
    page.get_by_role("button", name="Give the same verdict").click()
    expect(page.get_by_role("status")).to_contain_text("Same verdict given to 1 more reports")
    page.goto(f"/claims/{reports['7 people']}")
    verdict = page.locator("#verdict-panel")
    expect(verdict).to_contain_text("accurate")
    expect(verdict).to_contain_text(f"Same figure as claim {reports['Seven civilians']}")
    expect(page.locator("#sources-panel")).to_contain_text("Health register")
