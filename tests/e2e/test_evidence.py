"""Kept copies in the desk: a source served by a local site is fetched by the worker
while the reviewer watches, its kept text opens as text, and a refused address says
why. A real `claims worker` runs beside the served app, on the app's own queue."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.axe import assert_accessible
from tests.helpers import browser_login, ingest_fixture, make_users

pytestmark = pytest.mark.e2e
CLAIMS = str(Path(sys.executable).with_name("claims"))
FLASH = (
    b"<html><head><title>Flash update 3</title></head><body><article><h1>Flash update 3</h1>"
    b"<p>Seven people were killed when shelling hit the market in Dovra on Monday.</p>"
    b"<p>Relief teams reached the town on Tuesday.</p></article></body></html>"
)


@pytest.fixture
def worker(live_app, database_url):
    env = os.environ | {
        "DATABASE_URL": database_url, "CLAIMS_INSTANCE": str(live_app.config["INSTANCE_PATH"]),
        "CLAIMS_FETCH_ALLOW_PRIVATE": "127.0.0.0/8",
    }  # fmt: skip
    process = subprocess.Popen([CLAIMS, "worker"], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)  # fmt: skip
    yield process
    process.send_signal(signal.SIGINT)
    process.wait(timeout=30)


@pytest.fixture
def desk(live_app, engine, worker):
    ingest_fixture(engine)
    return make_users(engine, {"amina": "reviewer"})


def _add_source(page: Page, url: str, title: str) -> None:
    sources = page.locator("#sources-panel")
    sources.get_by_label("Source URL").fill(url)
    sources.get_by_label("Source title").fill(title)
    sources.get_by_role("button", name="Add source").click()


def test_a_cited_page_is_fetched_kept_and_read_as_text(page: Page, desk, site):
    site.pages["/flash-3"] = (200, "text/html; charset=utf-8", FLASH)
    browser_login(page, "amina")
    page.goto("/claims/1")
    _add_source(page, site.url("/flash-3"), "Flash update 3")
    line = page.locator("#sources-panel .copy-state").first
    expect(line).to_contain_text("Kept copy: fetching")  # the worker has not answered yet
    expect(line).to_contain_text("Kept copy fetched", timeout=30_000)  # polled, no reload
    assert_accessible(page)
    page.get_by_role("link", name="Read the kept copy of Flash update 3").click()
    expect(page.get_by_role("heading", name="Kept copy of Flash update 3")).to_be_visible()
    expect(page.locator("pre.kept-text")).to_contain_text("Seven people were killed")
    expect(page.locator("pre.kept-text")).not_to_contain_text("<p>")
    assert_accessible(page)


def test_a_refused_private_address_shows_its_reason(page: Page, desk):
    browser_login(page, "amina")
    page.goto("/claims/1")
    _add_source(page, "http://10.20.30.40/report", "Internal page")
    line = page.locator("#sources-panel .copy-state").first
    expect(line).to_contain_text(
        "Not fetched: refused: 10.20.30.40 is a private address", timeout=30_000
    )
