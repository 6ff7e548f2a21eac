"""Pages fit the screen: long addresses and words wrap, at a desk's width and a phone's."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from claims_app.services.review import SourceInput, VerdictInput
from tests.helpers import browser_login, ingest_fixture, judge, make_user

pytestmark = pytest.mark.e2e

LONG_URL = "https://reports.example.org/" + "/".join(["situation-update-annex"] * 12) + "?ref=x"
LONG_WORD = "Casualty" * 30


@pytest.fixture
def long_texts(live_app, engine):
    assert len(LONG_URL) >= 300
    ingest_fixture(engine)
    amina = make_user(engine, "amina", "reviewer")[1]
    ed = make_user(engine, "ed", "editor")[1]
    source = SourceInput(url=LONG_URL, title=LONG_URL, publisher=LONG_WORD,
                         excerpt=f"See {LONG_URL} and {LONG_WORD}", independent=True)  # fmt: skip
    verdict = VerdictInput("accurate", f"Checked against {LONG_URL} ({LONG_WORD}).")
    judge(engine, 1, reviewer=amina, sources=[source], approver=ed, verdict=verdict)
    return engine


PAGES = ["/claims", "/claims/1", "/claims/1/history", "/documents", "/documents/1",
         "/articles/1", "/report", "/audit"]  # fmt: skip


@pytest.mark.parametrize("width", [1400, 390])
def test_no_page_is_wider_than_the_screen(page: Page, long_texts, width):
    page.set_viewport_size({"width": width, "height": 900})
    browser_login(page, "ed")
    for path in PAGES:
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= width, f"{path} is {wide} px wide at {width} px"


def test_the_article_stays_beside_the_work_on_a_wide_screen(page: Page, live_app, engine):
    ingest_fixture(engine)
    make_user(engine, "amina", "reviewer")
    browser_login(page, "amina")
    page.set_viewport_size({"width": 1400, "height": 800})
    page.goto("/claims/1")
    article = page.get_by_role("region", name=re.compile(r".")).filter(
        has=page.locator("#this-claim")
    )
    panels = page.locator(".panels")
    a, p = article.bounding_box(), panels.bounding_box()
    assert a["x"] + a["width"] <= p["x"]  # side by side
    page.get_by_label("Verdict", exact=True).scroll_into_view_if_needed()
    expect(page.locator("#this-claim")).to_be_in_viewport()  # still in view while judging

    page.set_viewport_size({"width": 390, "height": 800})
    page.goto("/claims/1")
    a, p = article.bounding_box(), panels.bounding_box()
    assert a["y"] + a["height"] <= p["y"]  # one column: the article, then the panels
