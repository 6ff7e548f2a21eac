"""The reviewer's pages when one document holds 100,000 claims.

    python bench/large_document.py [--claims 100000] [--repeat 50] [--database-url URL]

Ingests one generated page of a single article with a dated, placed figure in
every sentence (the worst case of issue 16: about 125,000 claims in one
article) into a throwaway database (a temporary SQLite file unless
--database-url names a PostgreSQL database that may be emptied), then times,
through the WSGI app in this process (the server's time, no network): a
claim's workspace at the start, the middle and the end of that article; the
queue filtered to the document, with a category, and its 20th page; the
document's page. Prints p50 and p95 in ms. Timing is reported, never asserted.
"""

from __future__ import annotations

import argparse
import tempfile
import time

from builder import empty_database
from ingest_with_reviewers import big_page
from sqlmodel import func, select
from web_latency import _login, _time

from claims_app import create_app
from claims_app.db import make_engine, session_scope
from claims_app.migrate import upgrade
from claims_app.models import Article, Claim
from claims_app.services.accounts import create_user
from claims_app.services.actors import Actor
from claims_app.services.intake import prepare, store
from claims_app.services.queue import QueueFilter, queue_page

CLAIMS_PER_MB = 16_750  # what big_page yields: two figures in each 120-character sentence


def build(url: str, claims: int) -> int:
    """The database with one document of about `claims` claims; returns its id."""
    empty_database(url)
    upgrade(url)
    engine = make_engine(url)
    data = big_page(claims / CLAIMS_PER_MB).encode()
    start = time.perf_counter()
    result = store(engine, prepare(data, origin="one-long-article.txt", max_bytes=2**28),
                   actor=Actor.cli())  # fmt: skip
    print(f"ingested {result.claims:,} claims in one article ({len(data) / 1e6:.1f} MB) "
          f"in {time.perf_counter() - start:.1f} s ({url.split(':')[0]})")  # fmt: skip
    with session_scope(engine, write=True) as s:
        create_user(s, username="bench-rev", password="bench-password", role="reviewer",
                    actor=Actor("bench"))  # fmt: skip
    engine.dispose()
    return result.document.id


def _claims_along(engine, document_id: int) -> list[int]:
    """Claim ids at the start, the middle and the end of the document."""
    with session_scope(engine) as s:
        in_document = select(Claim.id).join(Article).where(Article.document_id == document_id)
        count = s.exec(select(func.count()).select_from(in_document.subquery())).one()
        ordered = in_document.order_by(Claim.start_offset)
        return [s.exec(ordered.offset(at).limit(1)).one() for at in (0, count // 2, count - 1)]


def _deep_cursor(engine, wanted: QueueFilter, pages: int) -> str | None:
    after = None
    with session_scope(engine) as s:
        for _ in range(pages):
            after = queue_page(s, wanted, user_id=None, after=after).next_cursor
    return after


def measure(url: str, document_id: int, repeat: int) -> list[tuple[str, float, float]]:
    app = create_app({"DATABASE_URL": url, "TESTING": True, "RATELIMIT_ENABLED": False})
    engine = app.extensions["claims_engine"]
    client, _token = _login(app, "bench-rev")
    first, middle, last = _claims_along(engine, document_id)
    deep = _deep_cursor(engine, QueueFilter(document=str(document_id)), 20)
    hx = {"HX-Request": "true"}
    rows = [
        ("workspace, first claim", _time(lambda: client.get(f"/claims/{first}"), repeat)),
        ("workspace, middle claim", _time(lambda: client.get(f"/claims/{middle}"), repeat)),
        ("workspace, last claim", _time(lambda: client.get(f"/claims/{last}"), repeat)),
        ("queue, this document", _time(
            lambda: client.get(f"/claims?document={document_id}"), repeat)),
        ("queue, document + category", _time(
            lambda: client.get(f"/claims?document={document_id}&category=injured"), repeat)),
        ("queue, document, 20th page", _time(lambda: client.get(
            "/claims", query_string={"document": document_id, "after": deep}, headers=hx),
            repeat)),
        ("document page", _time(lambda: client.get(f"/documents/{document_id}"), repeat)),
    ]  # fmt: skip
    engine.dispose()
    return [(name, p50, p95) for name, (p50, p95) in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{tmp}/bench.db"
        document_id = build(url, args.claims)
        print(f"{'request':32s} {'p50 ms':>8s} {'p95 ms':>8s}")
        for name, p50, p95 in measure(url, document_id, args.repeat):
            print(f"{name:32s} {p50:8.1f} {p95:8.1f}")


if __name__ == "__main__":
    main()
