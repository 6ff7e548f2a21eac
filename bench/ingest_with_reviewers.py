"""Reviewers at work while a very large page is ingested: what they wait.

    python bench/ingest_with_reviewers.py [--mb 20] [--reviewers 8] [--database-url URL]

Builds a database (a temporary SQLite file unless --database-url names an empty
PostgreSQL database that may be emptied), ingests the sample pages and gives 8
reviewers accounts, then runs `claims ingest` on one generated page of --mb
megabytes (one article, a figure in every sentence: the worst case, as in
issue 16) in its own process while each reviewer, in a thread, takes the next
claim, attaches a source and saves a verdict, over and over, until the ingest
ends. Prints the ingest's time and, for take-next and save-verdict, how many ran,
their p50/p95/max in milliseconds and how many failed. Timing is reported, never
asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from builder import empty_database

from claims_app.db import make_engine, session_scope
from claims_app.migrate import upgrade
from claims_app.services import review
from claims_app.services.accounts import create_user
from claims_app.services.actors import Actor
from claims_app.services.intake import ingest_document
from claims_app.services.review import SourceInput, VerdictInput

REPO = Path(__file__).resolve().parents[1]
PLACES = ["Tarev", "Ebrimsa", "Halvera", "Velika", "Orvano", "Dorin", "Sefra", "Yambara"]


def big_page(mb: float) -> str:
    """One long article: a dated figure with a place and a speaker in every sentence."""
    lines, size, i = ["Situation update, 3 March 2024", ""], 0, 0
    body = []
    while size < mb * 1_000_000:
        sentence = (
            f"At least {12 + i % 900} people were displaced from {PLACES[i % len(PLACES)]} "
            f"on {1 + i % 28} February, and {3 + i % 40} civilians were injured, the "
            f"district office said. "
        )
        body.append(sentence)
        size += len(sentence)
        i += 1
    return "\n".join(lines) + "".join(body) + "\n"


def setup(url: str, reviewers: int) -> list[Actor]:
    empty_database(url)
    upgrade(url)
    engine = make_engine(url)
    with session_scope(engine, write=True) as s:
        for path in sorted((REPO / "fixtures" / "pages").iterdir()):
            ingest_document(s, data=path.read_bytes(), origin=path.name, actor=Actor.cli(),
                            max_bytes=2**26)  # fmt: skip
        for n in range(1, 20):  # enough claims for everyone to take
            from claims_app import synthetic

            for name, page in synthetic.pages(20, per_page=20, seed=n):
                ingest_document(s, data=page.encode(), origin=name, actor=Actor.cli(),
                                max_bytes=2**26)  # fmt: skip
    actors = []
    for i in range(reviewers):
        with session_scope(engine, write=True) as s:
            user = create_user(s, username=f"reviewer{i}", password="bench-password-1",
                               role="reviewer", actor=Actor.cli())  # fmt: skip
            actors.append(Actor(name=user.username, user_id=user.id, role="reviewer"))
    engine.dispose()
    return actors


def review_until(engine, actor: Actor, done: threading.Event, times: dict, failures: dict):
    while not done.is_set():
        try:
            start = time.perf_counter()
            with session_scope(engine, write=True) as s:
                claim = review.take_next(s, actor=actor)
            times["take-next"].append(time.perf_counter() - start)
            if claim is None:
                time.sleep(0.05)
                continue
            start = time.perf_counter()
            with session_scope(engine, write=True) as s:
                review.add_source(s, claim.id, version=claim.version, actor=actor,
                                  source=SourceInput(url="https://example.org/r", title="R",
                                                     independent=True))  # fmt: skip
                review.give_verdict(s, claim.id, version=claim.version + 1, actor=actor,
                                    verdict=VerdictInput("accurate", "Matches."))  # fmt: skip
            times["save-verdict"].append(time.perf_counter() - start)
        except Exception as exc:  # counted and shown: a failure is the finding
            failures[type(exc).__name__ + ": " + str(exc).splitlines()[0][:80]] = (
                failures.get(type(exc).__name__ + ": " + str(exc).splitlines()[0][:80], 0) + 1
            )
        time.sleep(0.05)  # a person does not click continuously


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else (
        values[0] if values else float("nan"))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0)
    parser.add_argument("--reviewers", type=int, default=8)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{tmp}/bench.db"
        actors = setup(url, args.reviewers)
        page = Path(tmp) / "big-page.txt"
        page.write_text(big_page(args.mb))
        engine = make_engine(url)
        done, times, failures = threading.Event(), {"take-next": [], "save-verdict": []}, {}
        threads = [threading.Thread(target=review_until, args=(engine, a, done, times, failures))
                   for a in actors]  # fmt: skip
        for t in threads:
            t.start()
        time.sleep(1)  # reviewers at work before the page arrives
        claims = os.path.join(os.path.dirname(sys.executable), "claims")
        env = os.environ | {"DATABASE_URL": url, "CLAIMS_MAX_FILE_MB": str(args.mb * 2)}
        start = time.perf_counter()
        ingest = subprocess.run([claims, "ingest", str(page)], env=env, capture_output=True,
                                text=True)  # fmt: skip
        took = time.perf_counter() - start
        done.set()
        for t in threads:
            t.join()
        engine.dispose()
    print(f"database: {'PostgreSQL' if args.database_url else 'SQLite'}; page: {args.mb:g} MB, "
          f"one article; ingest {took:.1f} s, exit {ingest.returncode} "
          f"{(ingest.stdout + ingest.stderr).strip()[-200:]}")  # fmt: skip
    for op, values in times.items():
        ms = [v * 1000 for v in values]
        print(
            f"{op:12} n={len(ms):5}  p50 {percentile(ms, 50):8.1f} ms  "
            f"p95 {percentile(ms, 95):8.1f} ms  max {max(ms, default=float('nan')):8.1f} ms"
        )
    print(f"failures: {sum(failures.values())}" + "".join(
        f"\n  {n} x {what}" for what, n in failures.items()))  # fmt: skip


if __name__ == "__main__":
    main()
