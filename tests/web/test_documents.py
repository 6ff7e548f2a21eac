import re

from claims_app.db import session_scope
from claims_app.services.actors import Actor
from claims_app.services.intake import ingest_document
from tests.conftest import FIXTURE_PAGES


def _ingest_fixtures(engine) -> None:
    for page in sorted(FIXTURE_PAGES.iterdir()):
        with session_scope(engine, write=True) as s:
            ingest_document(
                s, data=page.read_bytes(), origin=page.name, actor=Actor("t"), max_bytes=2**24
            )


def test_empty_documents_page_says_how_to_add(signed_in):
    page = signed_in.get("/documents").get_data(as_text=True)
    assert "No documents yet" in page


def test_documents_page_lists_documents_with_article_counts(signed_in, engine):
    _ingest_fixtures(engine)
    page = signed_in.get("/documents").get_data(as_text=True)
    assert "4 documents, 17 articles." in page
    assert "press-releases-2020.txt" in page
    assert "Two Aid Workers Released After Abduction" in page


def test_article_page_shows_text_and_date(signed_in, engine):
    _ingest_fixtures(engine)
    response = signed_in.get("/articles/1")  # karun-field-updates, first item: no title line
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "<h1>Field Updates, 12 March 2021</h1>" in page
    text = re.sub(r"<[^>]+>", "", page)  # the claims are marked and linked in the text
    assert "at least 14 civilians, including six children" in text
    assert signed_in.get("/articles/999").status_code == 404


def test_htmx_request_gets_only_the_article_list(signed_in, engine):
    _ingest_fixtures(engine)
    full = signed_in.get("/documents/1").get_data(as_text=True)
    partial = signed_in.get("/documents/1", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "<html" in full and "<html" not in partial
    assert 'class="articles"' in partial


def test_root_redirects_to_the_queue(signed_in):
    assert signed_in.get("/").headers["Location"].endswith("/claims")


def test_every_page_needs_a_login(client):
    for path in ("/", "/claims", "/documents", "/claims/1", "/admin/users"):
        response = client.get(path)
        assert response.status_code == 302 and "/login" in response.headers["Location"]
