"""The report in Chromium: filters, the summary against the database, the print view."""

import re

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from claims_app.db import session_scope
from claims_app.models import Claim, Verdict
from claims_app.services.review import SourceInput, VerdictInput
from tests.helpers import browser_login, ingest_fixture, judge, make_user

pytestmark = pytest.mark.e2e


@pytest.fixture
def approved(live_app, engine):
    ingest_fixture(engine)
    ingest_fixture(engine, "press-releases-2020.txt")
    amina = make_user(engine, "amina", "reviewer")[1]
    ed = make_user(engine, "ed", "editor")[1]
    ratings = ["accurate", "mostly_accurate", "false", "accurate", "unverifiable", "inaccurate"]
    with session_scope(engine) as s:
        ids = [c.id for c in s.exec(select(Claim).order_by(Claim.id)).all()][::4][: len(ratings)]
    for claim_id, rating in zip(ids, ratings, strict=True):
        record = SourceInput(url=f"https://example.org/{claim_id}", title=f"Record {claim_id}",
                             independent=claim_id % 2 == 1)  # fmt: skip
        if rating == "accurate" and claim_id % 2 == 0:
            rating = "mostly_accurate"  # accurate needs an independent source
        judge(engine, claim_id, reviewer=amina, verdict=VerdictInput(rating, f"Why {claim_id}."),
              sources=[] if rating == "unverifiable" else [record], approver=ed)  # fmt: skip
    return engine


def test_report_filters_summary_and_print(page: Page, approved):
    browser_login(page, "amina")
    page.get_by_role("link", name="Report").click()
    expect(page.get_by_role("heading", name="Verified claims report")).to_be_visible()
    with session_scope(approved) as s:
        verdicts = s.exec(select(Verdict).where(Verdict.current)).all()
    accurate = sum(v.rating == "accurate" for v in verdicts)
    expect(page.locator("#summary-total")).to_have_text(str(len(verdicts)))
    share = round(100 * accurate / len(verdicts))
    expect(page.locator("#summary-accurate")).to_contain_text(f"{share}% ({accurate} of")
    expect(page.locator(".report-claim")).to_have_count(len(verdicts))
    expect(page.get_by_role("img", name="Claims by verdict")).to_be_visible()

    page.get_by_label("Verdict", exact=True).select_option("accurate")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"verdict=accurate"))
    expect(page.locator(".report-claim")).to_have_count(accurate)
    expect(page.locator("#summary-total")).to_have_text(str(accurate))

    page.get_by_role("link", name="Print view").click()
    expect(page).to_have_url(re.compile(r"print=yes.*verdict=accurate|verdict=accurate.*print=yes"))
    page.emulate_media(media="print")
    expect(page.get_by_role("button", name="Apply filters")).to_be_hidden()
    expect(page.locator("header.bar")).to_be_hidden()
    expect(page.locator(".report-claim").first).to_be_visible()
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF") and len(pdf) > 5000
