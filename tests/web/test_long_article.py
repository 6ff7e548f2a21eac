"""A claim in a very long article opens on a window of the text around it."""

from __future__ import annotations

import re

from sqlalchemy import event, update
from sqlmodel import func, select

from claims_app.db import session_scope
from claims_app.models import Article, Claim
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


def test_the_queue_of_a_long_article_never_reads_its_whole_text(client, engine):
    """A sort carries every column it returns: with the body, the queue of one
    0.3 MB article's 5,000 claims took 3.8 s."""
    reviewer_on(client, engine, 2000)
    with session_scope(engine, write=True) as s:  # no title: labelled by its first words
        s.exec(update(Article).values(title=None))
    statements: list[str] = []

    def seen(conn, cursor, statement, *args) -> None:
        statements.append(statement)

    app_engine = client.application.extensions["claims_engine"]
    event.listen(app_engine, "before_cursor_execute", seen)
    try:
        for view in ("/claims?document=1", "/claims", "/claims?category=displaced"):
            page = client.get(view).get_data(as_text=True)
            assert "Situation update, 3 March 2024 At least…" in page or (
                "At least 10 people were displaced from Kelvar…" in page
            )
    finally:
        event.remove(app_engine, "before_cursor_execute", seen)
    reads = [s for s in statements if re.search(r"articles\.body\b", s)]
    assert reads and all("substr(articles.body," in s for s in reads), reads
