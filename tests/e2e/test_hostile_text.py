"""Text that looks like HTML stays text on every page that shows it."""

import pytest
from playwright.sync_api import Page, expect

from claims_app.db import session_scope
from claims_app.services import review
from claims_app.services.actors import Actor
from claims_app.services.intake import ingest_document
from claims_app.services.review import SourceInput, VerdictInput
from tests.helpers import browser_login, make_user

pytestmark = pytest.mark.e2e

PAGE = (
    "Hostile Bulletin\n\n12 March 2021\n\n"
    'Officials said at least 14 civilians <script>alert("claim")</script> were killed in the '
    'town of Evilton <img src=x onerror=alert("img")> on Thursday.\n'
)


@pytest.fixture
def hostile(live_app, engine):
    with session_scope(engine, write=True) as s:
        ingest_document(s, data=PAGE.encode(), origin="<b>hostile</b>.txt", actor=Actor("t"),
                        max_bytes=2**20)  # fmt: skip
    amina = make_user(engine, "amina", "reviewer")[1]
    ed = make_user(engine, "ed", "editor")[1]
    payload = '<img src=x onerror=alert("source")><script>alert("s")</script>'
    with session_scope(engine, write=True) as s:
        review.add_source(
            s,
            1,
            version=1,
            actor=amina,
            source=SourceInput(
                url="https://example.org/a?q=<script>",
                title=payload,
                publisher=payload,
                excerpt=payload,
                independent=True,
            ),
        )
        review.add_comment(s, 1, body=payload, actor=amina)
        review.give_verdict(s, 1, version=2, actor=amina, verdict=VerdictInput("accurate", payload))
        review.approve(s, 1, version=3, actor=ed)
    return engine


def test_pages_with_html_in_their_text_run_no_script(page: Page, hostile):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    browser_login(page, "ed")
    for url in ("/claims", "/claims/1", "/claims/1/history", "/report", "/audit",
                "/documents", "/documents/1", "/articles/1"):  # fmt: skip
        page.goto(url)
        page.wait_for_load_state()
        assert page.locator("img[src=x]").count() == 0, url
        scripts = page.locator("script").evaluate_all("els => els.map(e => e.src)")
        assert all(src.endswith((".js",)) for src in scripts), (url, scripts)
    page.goto("/claims/1")
    expect(page.locator("#sources-panel")).to_contain_text('<img src=x onerror=alert("source")>')
    expect(page.locator("#sources-panel a[target=_blank]").first).to_have_attribute(
        "rel", "noopener noreferrer"
    )
    assert dialogs == []
