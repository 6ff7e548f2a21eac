"""Server-side latency of the reviewer's pages on a large database.

    python bench/web_latency.py [--claims 100000] [--repeat 50] [--database-url URL]

Builds a throwaway database (a temporary SQLite file unless --database-url is
given; that database is emptied and filled, so never point it at real data)
with N claims (10% approved), then times requests through the WSGI app in
this process (no network: the time is the server's): the default queue page,
the queue filtered by category and location, a filtered queue's 20th page,
full-text search, a claim's workspace, "take next", and saving a verdict
(and the worst cases of the filters); and, as the reference on the
same machine, a bare Flask route returning "hello". Prints p50 and p95 in ms.
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
from pathlib import Path

from builder import build, empty_database
from flask import Flask
from sqlalchemy import text

from claims_app import create_app
from claims_app.db import make_engine, session_scope
from claims_app.services.accounts import create_user
from claims_app.services.actors import Actor
from claims_app.services.queue import QueueFilter, queue_page

_TOKEN = re.compile(r'name="csrf-token" content="([^"]+)"')


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def _time(fn, repeat: int) -> tuple[float, float]:
    fn()  # warm: first use compiles templates and fills caches
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = fn()
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code < 400, (response.status_code, response.request.path)
    return _percentiles(samples)


def _login(app: Flask, name: str):
    client = app.test_client()
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    client.post("/login", data={"username": name, "password": "bench-password",
                                "csrf_token": token})  # fmt: skip
    return client, _TOKEN.search(client.get("/claims").get_data(as_text=True)).group(1)


def _deep_cursor(app: Flask, wanted: dict[str, str], pages: int) -> str | None:
    """The page link a reviewer holds after scrolling `pages` pages of a filtered queue."""
    engine = app.extensions["claims_engine"]
    after = None
    with session_scope(engine) as s:
        for _ in range(pages):
            after = queue_page(s, QueueFilter(**wanted), user_id=None, after=after).next_cursor
    return after


def measure(url: str, repeat: int) -> list[tuple[str, float, float]]:
    engine = make_engine(url)
    with engine.connect() as conn:  # an earlier run (--reuse) may have made them
        there = conn.execute(text("SELECT 1 FROM users WHERE username = 'bench-rev'")).first()
    if not there:  # the builder's users have no password: add one that does
        with session_scope(engine, write=True) as s:
            create_user(s, username="bench-rev", password="bench-password", role="reviewer",
                        actor=Actor("bench"))  # fmt: skip
    engine.dispose()
    app = create_app({"DATABASE_URL": url, "TESTING": True, "RATELIMIT_ENABLED": False})
    client, token = _login(app, "bench-rev")
    hello = Flask("hello")
    hello.add_url_rule("/", "hello", lambda: "hello")
    hello_client = hello.test_client()
    taken: list[int] = []
    deep = _deep_cursor(app, {"category": "killed"}, 20)

    def take_next():
        response = client.post("/claims/take-next", data={"csrf_token": token})
        taken.append(int(response.headers["Location"].rsplit("/", 1)[-1]))
        return response

    def save_verdict():
        claim_id = taken.pop()
        return client.post(f"/claims/{claim_id}/verdict", headers={"HX-Request": "true"}, data={
            "csrf_token": token, "version": "2", "rating": "unverifiable",
            "rationale": "No second source.", "confidence": "low"})  # fmt: skip

    rows = [
        ("bare Flask hello (reference)", _time(lambda: hello_client.get("/"), repeat)),
        ("queue, default", _time(lambda: client.get("/claims"), repeat)),
        ("queue, latest event first", _time(
            lambda: client.get("/claims?sort=event_date"), repeat)),
        ("queue, category + location", _time(
            lambda: client.get("/claims?category=killed&location=Idlib"), repeat)),
        ("queue, category, 20th page", _time(lambda: client.get(
            "/claims", query_string={"category": "killed", "after": deep},
            headers={"HX-Request": "true"}), repeat)),
        ("queue, full-text search", _time(lambda: client.get("/claims?q=children"), repeat)),
        # The worst cases for an ordered walk: nothing matches, so no early stop.
        ("search, word no claim has", _time(lambda: client.get("/claims?q=zebra"), repeat)),
        ("location no claim has", _time(lambda: client.get("/claims?location=Zzyzx"), repeat)),
        ("claim workspace", _time(lambda: client.get("/claims/1"), repeat)),
        ("take next", _time(take_next, repeat)),
        ("save verdict", _time(save_verdict, repeat)),
    ]  # fmt: skip
    app.extensions["claims_engine"].dispose()
    return [(name, p50, p95) for name, (p50, p95) in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--database-url")
    parser.add_argument(
        "--reuse", action="store_true",
        help="measure the --database-url database as an earlier run left it (no rebuild)",
    )  # fmt: skip
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'bench.db'}"
        if args.reuse and args.database_url:
            with make_engine(url).connect() as conn:
                found = conn.execute(text("SELECT count(*) FROM claims")).scalar_one()
            print(f"reusing {found:,} claims ({url.split(':')[0]})")
        else:
            empty_database(url)  # a file or schema an earlier run left: start afresh
            start = time.perf_counter()
            build(url, args.claims, approved=args.claims // 10)
            took = time.perf_counter() - start
            print(f"built {args.claims:,} claims in {took:.1f} s ({url.split(':')[0]})")
        print(f"{'request':32s} {'p50 ms':>8s} {'p95 ms':>8s}")
        for name, p50, p95 in measure(url, args.repeat):
            print(f"{name:32s} {p50:8.1f} {p95:8.1f}")


if __name__ == "__main__":
    main()
