"""A claim in a very long article opens on a window of the text around it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event, update
from sqlmodel import func, select

from claims_app.db import session_scope
from claims_app.models import Article, Claim
from claims_app.services import review
from claims_app.services.actors import Actor
from claims_app.services.intake import ingest_document
from tests.helpers import login, make_user


def long_page(sentences: int) -> bytes:
    body = "".join(
        f"At least {10 + i % 500} people were displaced from Kelvar on {1 + i % 28} "
        f"February, the district office said. "
        for i in range(sentences)
    )
    return ("Situation update, 3 March 2024\n\n" + body + "\n").encode()


def reviewer_on(client, engine, sentences: int) -> None:
    """A page of one article of `sentences` sentences, and a reviewer logged in."""
    with session_scope(engine, write=True) as s:
        ingest_document(s, data=long_page(sentences), origin="page.txt", actor=Actor.cli(),
                        max_bytes=2**24)  # fmt: skip
    make_user(engine, "amina", "reviewer")
    login(client, "amina")


def test_the_workspace_shows_a_window_of_a_long_article(client, engine):
    reviewer_on(client, engine, 4000)
    with session_scope(engine) as s:
        total = s.exec(select(func.count()).select_from(Claim)).one()
        middle = s.exec(select(Claim).order_by(Claim.start_offset).offset(total // 2)).first()
        far = s.exec(select(Claim).order_by(Claim.start_offset.desc())).first()
    assert total > 3000
    page = client.get(f"/claims/{middle.id}").get_data(as_text=True)
    assert "A long article: shown here are characters" in page
    assert 'id="this-claim"' in page and middle.quote in page
    linked = page.count('class="other-claim"')
    assert 50 < linked < total // 4  # the claims around it, not all of them
    assert f'href="/claims/{far.id}"' not in page
    assert "The whole article" in page


def test_an_ordinary_article_is_shown_whole(client, engine):
    reviewer_on(client, engine, 40)
    page = client.get("/claims/1").get_data(as_text=True)
    assert "A long article" not in page
    with session_scope(engine) as s:
        total = s.exec(select(func.count()).select_from(Claim)).one()
    assert page.count('class="other-claim"') == total - 1


@contextmanager
def statements_run(client) -> Iterator[list[str]]:
    """The SQL the app runs meanwhile."""
    statements: list[str] = []

    def seen(conn, cursor, statement, *args) -> None:
        statements.append(statement)

    app_engine = client.application.extensions["claims_engine"]
    event.listen(app_engine, "before_cursor_execute", seen)
    try:
        yield statements
    finally:
        event.remove(app_engine, "before_cursor_execute", seen)


WHOLE_TEXT = re.compile(r"(?<!substr\()(?<!length\()\b(articles\.body|documents\.text)\b")


def test_the_queue_of_a_long_article_never_reads_its_whole_text(client, engine):
    """A sort carries every column it returns: with the body, the queue of one
    0.3 MB article's 5,000 claims took 3.8 s."""
    reviewer_on(client, engine, 2000)
    with session_scope(engine, write=True) as s:  # no title: labelled by its first words
        s.exec(update(Article).values(title=None))
    with statements_run(client) as statements:
        for view in ("/claims?document=1", "/claims", "/claims?category=displaced"):
            page = client.get(view).get_data(as_text=True)
            assert "Situation update, 3 March 2024 At least…" in page or (
                "At least 10 people were displaced from Kelvar…" in page
            )
    assert any("substr(articles.body," in s for s in statements)
    assert not [s for s in statements if WHOLE_TEXT.search(s)]


def test_a_claim_its_history_and_the_documents_of_a_long_article_never_read_its_whole_text(
    client, engine
):
    """Reading and splitting a 6 MB body (and the page's 6 MB text) took most of a
    workspace's 180 ms at 100,000 claims; the report read the body on every row."""
    reviewer_on(client, engine, 2000)
    with session_scope(engine, write=True) as s:
        s.exec(update(Article).values(title=None))
        middle = s.exec(select(Claim).order_by(Claim.start_offset).offset(1000)).first()
    claim_id, label = middle.id, "At least 10 people were displaced from Kelvar…"
    act_on(engine, claim_id)
    with statements_run(client) as statements:
        page = client.get(f"/claims/{claim_id}").get_data(as_text=True)
        assert label in page
        assert label in client.get(f"/claims/{claim_id}/history").get_data(as_text=True)
        assert "At least 10 people were displaced" in client.get("/documents/1").get_data(
            as_text=True
        )
        assert "At least 10 people were displaced" in client.get("/documents").get_data(
            as_text=True
        )
        report = client.get("/report?include_unapproved=1").get_data(as_text=True)
        assert label in report and middle.quote in report
        assert middle.quote in client.get("/report.csv?include_unapproved=1").get_data(as_text=True)
    assert not [s for s in statements if WHOLE_TEXT.search(s)]


def act_on(engine, claim_id: int) -> None:
    """A reviewed claim, so that the report holds one."""
    _, amina = make_user(engine, "rev2", "reviewer")
    with session_scope(engine, write=True) as s:
        review.add_source(s, claim_id, version=1, actor=amina, source=review.SourceInput(
            url="https://example.org/r", title="R", independent=True))  # fmt: skip
        review.give_verdict(s, claim_id, version=2, actor=amina,
                            verdict=review.VerdictInput("accurate", "Matches."))  # fmt: skip
