"""What the desk shows is written for people: no stored names, raw JSON, version
numbers or local paths; every time says its zone."""

from __future__ import annotations

import io
import re

import pytest

from claims_app.db import session_scope
from claims_app.models import document_name
from claims_app.services import review
from claims_app.services.actors import Actor
from claims_app.services.intake import ingest_document
from claims_app.services.review import SourceInput, VerdictInput
from tests.conftest import FIXTURE_PAGES
from tests.helpers import login, make_user

PATH = "/home/amina/inbox/karun field updates.txt"


@pytest.fixture
def desk(client, engine):
    with session_scope(engine, write=True) as s:
        ingest_document(
            s, data=(FIXTURE_PAGES / "karun-field-updates-2021-03.txt").read_bytes(),
            origin=PATH, actor=Actor(name="tester"), max_bytes=2**24,
        )  # fmt: skip
    amina = make_user(engine, "amina", "reviewer")[1]
    ed = make_user(engine, "ed", "editor")[1]
    with session_scope(engine, write=True) as s:
        review.edit_fields(s, 1, version=1, changes={"value": "1234567", "location": "Tarev"},
                           actor=amina)  # fmt: skip
        review.add_source(s, 1, version=2, actor=amina, source=SourceInput(
            url="https://example.org/h", title="Hospital list", independent=True))  # fmt: skip
        review.give_verdict(s, 1, version=3, actor=amina,
                            verdict=VerdictInput("accurate", "Matches the list."))  # fmt: skip
        review.approve(s, 1, version=4, actor=ed)
    login(client, "ed")
    return client


def text_of(client, path: str) -> str:
    answer = client.get(path)
    assert answer.status_code == 200, path
    return re.sub(r"<[^>]+>", " ", answer.get_data(as_text=True))


PAGES = ["/claims", "/claims/1", "/claims/1/history", "/documents", "/documents/1",
         "/articles/1", "/report", "/audit"]  # fmt: skip


@pytest.mark.parametrize("path", PAGES)
def test_no_stored_names_json_or_versions_on_screen(desk, path):
    shown = text_of(desk, path)
    for internal in ("in_review", "more_than", "at_least", "mostly_accurate", "Version "):
        assert internal not in shown, (path, internal)
    assert not re.search(r"\{&#34;|\{\"|&#34;\w+&#34;:", shown), path  # no JSON objects


def test_the_audit_log_reads_changes_as_words(desk):
    shown = " ".join(text_of(desk, "/audit").split())
    assert "value: 26 → 1,234,567" in shown or re.search(r"value: [\d,]+ → 1,234,567", shown)
    assert "location:" in shown and "→ Tarev" in shown
    assert "status: in review → reviewed" in shown or "status: reviewed" in shown


@pytest.mark.parametrize("path", ["/claims/1", "/claims/1/history", "/documents", "/audit"])
def test_times_say_their_zone(desk, path):
    shown = text_of(desk, path)
    times = re.findall(r"\d{4}-\d\d-\d\d \d\d:\d\d(?::\d\d)?(?: UTC)?", shown)
    assert times, path
    assert all(t.endswith("UTC") for t in times), (path, times)


@pytest.mark.parametrize("path", ["/report", "/documents", "/claims/1", "/articles/1"])
def test_documents_go_by_their_file_name_not_the_local_path(desk, path):
    shown = text_of(desk, path)
    assert "karun field updates.txt" in shown
    assert "/home/amina" not in shown


def test_the_document_page_still_says_where_it_was_read_from(desk):
    assert PATH in text_of(desk, "/documents/1")


@pytest.mark.parametrize(
    ("origin", "name"),
    [("/home/a/in/x.html", "x.html"), ("C:\\Users\\a\\x.txt", "x.txt"), ("x.txt", "x.txt"),
     ("https://example.org/a/b?c=1", "https://example.org/a/b?c=1"), ("-", "-")],
)  # fmt: skip
def test_document_name(origin, name):
    assert document_name(origin) == name


def test_report_links_go_to_the_published_report_when_there_is_one(desk):
    page = desk.get("/report").get_data(as_text=True)
    assert "login needed" in page  # desk links say they need a login
    desk.application.config["PUBLIC_URL"] = "https://example.org/reports/march"
    page = desk.get("/report").get_data(as_text=True)
    assert 'href="https://example.org/reports/march#claim-1"' in page
    assert 'id="claim-1"' in page  # the anchor the link points at
    assert "login needed" not in page


def test_an_upload_too_large_gets_the_error_page_and_saves_nothing(desk, engine):
    from tests.helpers import csrf_token, table_counts

    before = table_counts(engine)
    # Small sizes: the test client spools a body of 500 KB or more into a file of its own.
    desk.application.config["MAX_CONTENT_LENGTH"] = 100 * 1024
    body = {"csrf_token": csrf_token(desk, "/documents"),
            "files": (io.BytesIO(b"x" * (200 * 1024)), "big.txt")}  # fmt: skip
    answer = desk.post("/documents/upload", data=body, content_type="multipart/form-data")
    page = answer.get_data(as_text=True)
    assert answer.status_code == 413
    assert "<h1>Too large</h1>" in page and "larger than 100 KB; nothing was saved" in page
    assert "Back to the queue" in page
    assert table_counts(engine) == before


@pytest.mark.parametrize(
    ("sentence", "quote"),
    [("Officials said " + "that the shelling went on " * 8 + "and at least 26 civilians "
      "were killed in the town " + "after the market was hit " * 8 + "on Monday.",
      "at least 26 civilians"),
     ("26 people were killed.", "26 people"),
     ("Nobody knows how many; reports say " + "dozens of people " + "x" * 300, "dozens of people"),
     ("A sentence the quote is not in.", "4,600 residents")],
)  # fmt: skip
def test_a_row_never_cuts_the_claim_and_bolds_its_figure(sentence, quote):
    from claims_app.web.display import preview

    shown = preview(sentence, quote)
    assert shown["lead"] + shown["figure"] + shown["rest"] == quote  # whole, in order
    assert shown["figure"] and shown["figure"] in quote
    assert len(shown["before"]) <= 72 and len(shown["after"]) <= 72
    if quote in sentence:
        assert (shown["before"] + quote + shown["after"]).strip("…") in sentence
