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
    page.get_by_role("link", name="← press-releases-2020.txt").click()
    expect(page.get_by_role("heading", name="press-releases-2020.txt")).to_be_visible()
