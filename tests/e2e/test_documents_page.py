import re

import pytest
from playwright.sync_api import Page, expect

from claims_app.db import session_scope
from claims_app.services.actors import Actor
from claims_app.services.intake import ingest_document
from tests.conftest import FIXTURE_PAGES
from tests.helpers import browser_login, make_user

pytestmark = pytest.mark.e2e


def test_reader_finds_a_document_and_reads_an_article(page: Page, live_app, engine):
    for path in sorted(FIXTURE_PAGES.iterdir()):
        with session_scope(engine, write=True) as s:
            ingest_document(
                s, data=path.read_bytes(), origin=path.name, actor=Actor("t"), max_bytes=2**24
            )
    make_user(engine, "audrey", "auditor")
    browser_login(page, "audrey")
    page.get_by_role("link", name="Documents").click()
    expect(page.get_by_role("heading", name="Documents")).to_be_visible()
    expect(page.get_by_role("link", name="press-releases-2020.txt")).to_be_visible()
    page.get_by_text("Articles of press-releases-2020.txt").click()
    page.get_by_role("link", name="Monitoring Group Publishes Annual Casualty Count").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Monitoring Group Publishes Annual Casualty Count"
    )
    expect(page.locator("time")).to_have_attribute("datetime", "2020-02-06")
    expect(page.get_by_text("2,481 civilian deaths", exact=False)).to_be_visible()
    # Each claim is marked in the text and opens its workspace.
    claim = page.get_by_role("link", name=re.compile(r"^claim \d+ \(new\): .*2,481"))
    expect(claim.locator("mark")).to_have_count(1)
    href = claim.get_attribute("href")
    claim.click()
    expect(page).to_have_url(re.compile(re.escape(href) + "$"))
    expect(page.locator("#this-claim")).to_contain_text("2,481")
    page.go_back()
    page.get_by_role("link", name="← press-releases-2020.txt").click()
    expect(page.get_by_role("heading", name="press-releases-2020.txt")).to_be_visible()


def test_upload_where_one_article_breaks_the_extractor(page: Page, live_app, engine, monkeypatch):
    """The uploader is told which article lost its claims; the page and the rest land."""
    import claims_app.services.extraction as extraction

    real = extraction.extract_claims

    def extract(body, article_date, **options):
        if "Riverlands" in body:
            raise KeyError("b1")
        return real(body, article_date)

    monkeypatch.setattr(extraction, "extract_claims", extract)
    make_user(engine, "amina", "reviewer")
    browser_login(page, "amina")
    page.get_by_role("link", name="Documents").click()
    page.get_by_label("Pages to add (.txt or .html)").set_input_files(
        [str(FIXTURE_PAGES / "press-releases-2020.txt")]
    )
    page.get_by_role("button", name="Upload").click()
    expect(page.get_by_role("status").first).to_contain_text(
        "press-releases-2020.txt: added, 4 articles"
    )
    expect(page.get_by_role("alert")).to_contain_text(
        "claims could not be extracted from article 1 (KeyError: 'b1')"
    )
    page.get_by_role("link", name="press-releases-2020.txt").click()
    articles = page.get_by_role("list", name="Articles of press-releases-2020.txt")
    expect(articles.get_by_role("listitem").nth(1)).to_contain_text(
        "Claims could not be extracted from this article (KeyError: 'b1')"
    )
    expect(articles.get_by_role("listitem").nth(0)).not_to_contain_text("could not be extracted")
