"""Kept copies in the desk: a source served by a local site is fetched by the worker
while the reviewer watches, the claim's figure marked in it (or said to be absent),
its kept text opens as text, a page changed since it was cited is flagged after a
fetch again, and a refused address says why. A real `claims worker` runs beside the
served app, on the app's own queue.

Claim 1 of the fixture page: "at least 14 civilians" killed in Ebrimsa."""

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
from tests.pdf_pages import pdf_with_pages

pytestmark = pytest.mark.e2e
CLAIMS = str(Path(sys.executable).with_name("claims"))
FLASH = (
    b"<html><head><title>Flash update 3</title></head><body><article><h1>Flash update 3</h1>"
    b"<p>Fourteen civilians were killed when shelling hit the market in Ebrimsa on Thursday.</p>"
    b"<p>Relief teams reached the town on Friday with 300 food parcels.</p></article></body></html>"
)
WITHOUT = (
    b"<html><head><title>Flash update 2</title></head><body><article><h1>Flash update 2</h1>"
    b"<p>Nine people were injured when shelling hit the market in Ebrimsa on Thursday.</p>"
    b"<p>Relief teams reached 14 villages with food parcels.</p></article></body></html>"
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


def _cite_served_page(page: Page, site, path: str, body: bytes, title: str):
    """The local site serves `body` at `path`; a reviewer cites it on claim 1. Returns
    the source's kept-copy line."""
    site.pages[path] = (200, "text/html; charset=utf-8", body)
    browser_login(page, "amina")
    page.goto("/claims/1")
    _add_source(page, site.url(path), title)
    return page.locator("#sources-panel .copy-state").first


def test_a_cited_page_is_fetched_kept_and_read_as_text(page: Page, desk, site):
    line = _cite_served_page(page, site, "/flash-3", FLASH, "Flash update 3")
    expect(line).to_contain_text("Kept copy: fetching")  # the worker has not answered yet
    expect(line).to_contain_text("Kept copy fetched", timeout=30_000)  # polled, no reload
    found = page.get_by_role("list", name="Figures in Flash update 3 that agree with the claim")
    expect(found.locator("mark")).to_have_text(["Fourteen civilians"])
    expect(found).to_contain_text("were killed when shelling hit the market in Ebrimsa")
    assert_accessible(page)
    page.get_by_role("link", name="Read the kept copy of Flash update 3").click()
    expect(page.get_by_role("heading", name="Kept copy of Flash update 3")).to_be_visible()
    expect(page.locator("pre.kept-text")).to_contain_text("Fourteen civilians were killed")
    expect(page.locator("pre.kept-text mark")).to_have_text(["Fourteen civilians"])
    expect(page.locator("pre.kept-text")).not_to_contain_text("<p>")
    assert_accessible(page)


def test_a_source_without_the_figure_says_so(page: Page, desk, site):
    line = _cite_served_page(page, site, "/flash-2", WITHOUT, "Flash update 2")
    expect(line).to_contain_text(
        "No figure in this copy agrees with the claim's (at least 14 civilians)", timeout=30_000
    )
    expect(line.locator("mark")).to_have_count(0)  # nine injured, 14 villages: not the figure


def test_a_page_changed_since_it_was_cited_is_flagged_after_a_fetch_again(page: Page, desk, site):
    line = _cite_served_page(page, site, "/flash-3", FLASH, "Flash update 3")
    expect(line).to_contain_text("Kept copy fetched", timeout=30_000)
    expect(line).not_to_contain_text("changed since cited")
    site.pages["/flash-3"] = (200, "text/html; charset=utf-8", WITHOUT)  # edited after the fact
    line.get_by_role("button", name="Fetch Flash update 3 again").click()
    expect(line.get_by_text("changed since cited")).to_be_visible(timeout=30_000)
    expect(line).to_contain_text("No figure in this copy agrees with the claim's")
    page.reload()  # it stays flagged, and the first copy's text is kept
    expect(page.locator("#sources-panel").get_by_text("changed since cited")).to_be_visible()


def test_a_refused_private_address_shows_its_reason(page: Page, desk):
    browser_login(page, "amina")
    page.goto("/claims/1")
    _add_source(page, "http://10.20.30.40/report", "Internal page")
    line = page.locator("#sources-panel .copy-state").first
    expect(line).to_contain_text(
        "Not fetched: refused: 10.20.30.40 is a private address", timeout=30_000
    )


def _upload_in_desk(page: Page, file, title: str):
    """A reviewer adds claim 1's source as a file; returns the sources panel."""
    browser_login(page, "amina")
    page.goto("/claims/1")
    sources = page.locator("#sources-panel")
    sources.get_by_label("Or the source's file (PDF, HTML or text)").set_input_files(str(file))
    sources.get_by_label("Source title").fill(title)
    sources.get_by_role("button", name="Add source").click()
    return sources


def test_an_uploaded_pdf_is_kept_and_its_figure_marked(page: Page, desk, tmp_path):
    pdf = tmp_path / "flash-4.pdf"
    pdf.write_bytes(pdf_with_pages("Flash update 4", "Fourteen civilians were killed in Ebrimsa."))
    sources = _upload_in_desk(page, pdf, "Agency flash update 4")
    line = sources.locator(".copy-state").first
    expect(line).to_contain_text("Kept copy uploaded")
    found = page.get_by_role(
        "list", name="Figures in Agency flash update 4 that agree with the claim"
    )
    expect(found.locator("mark")).to_have_text(["Fourteen civilians"])
    expect(sources.get_by_text("uploaded file")).to_be_visible()
    assert_accessible(page)


def test_a_file_that_cannot_be_kept_is_refused_and_the_form_kept(page: Page, desk, tmp_path):
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
    sources = _upload_in_desk(page, photo, "Photo of the list")
    expect(sources).to_contain_text(
        "photo.jpg is not a PDF, an HTML page or UTF-8 text; choose the file again"
    )
    expect(sources.get_by_label("Source title")).to_have_value("Photo of the list")
    expect(sources.locator(".copy-state")).to_have_count(0)  # nothing stored
