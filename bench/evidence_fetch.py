"""Kept copies at volume: sources fetched from a local site through the real worker,
and how well the claim's figure is found in a source.

    python bench/evidence_fetch.py [--sources 1000] [--workers 4] [--rate 0]
                                   [--database-url postgresql+psycopg://.../bench]
                                   [--queue-url redis://127.0.0.1:6379/0]
                                   [--pairs fixtures/evidence/pairs_dev.jsonl ...]

Each source is added as the desk adds one (review.add_source and
evidence.request_fetch in one transaction, the job queued after the commit) to
claims of a fixture page, pointing at its own page on a local web site (127.0.0.1,
let through with CLAIMS_FETCH_ALLOW_PRIVATE as a test would). A `claims worker`
process (huey, SQLite storage in a throwaway instance folder) fetches and keeps
them. --rate adds that many sources a second (0: all at once, a burst).

Prints sources/s (sources over the time from the first "Add source" to the last
copy kept) and the p50/p95 time from each source's "Add source" (its
source.fetch_requested event) to its copy kept (its source.fetched event, as the
workspace then shows it); then the figure-matching precision and recall on the
labelled pairs (bench/evidence_matching.py). Timing is reported, never asserted.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from evidence_matching import score
from sqlmodel import col, select

from claims_app.config import Settings
from claims_app.db import make_engine, session_scope
from claims_app.migrate import upgrade
from claims_app.models import AuditEvent, Claim, Source, utcnow
from claims_app.services import evidence, review
from claims_app.services.accounts import create_user
from claims_app.services.actors import Actor
from claims_app.services.intake import ingest_document
from claims_app.worker import Worker

REPO = Path(__file__).resolve().parents[1]
CLAIMS_CMD = str(Path(sys.executable).with_name("claims"))
PAGE = REPO / "fixtures/pages/karun-field-updates-2021-03.txt"


class _Site(BaseHTTPRequestHandler):
    """Page /s/<n>: a short flash update of its own (some kilobytes, like a real one)."""

    def do_GET(self):  # the name http.server calls
        n = self.path.rsplit("/", 1)[-1]
        paragraphs = "".join(
            f"<p>Update {n}.{k}: {int(n) % 40 + k} civilians were killed and {k * 3} injured "
            f"when shelling hit the market in Ebrimsa, the civil protection service said.</p>"
            for k in range(1, 30)
        )
        head = f"<html><head><title>Flash update {n}</title></head><body><article>"
        body = f"{head}<h1>Flash update {n}</h1>{paragraphs}</article></body></html>".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        """No request log."""


def add_sources(engine, site: str, worker: Worker, count: int, rate: float) -> None:
    with session_scope(engine, write=True) as s:
        actor = create_user(s, username="bench-reviewer", password="long-enough-pw",
                            role="reviewer", actor=Actor.cli())  # fmt: skip
        actor_id = actor.id
    amina = Actor(name="bench-reviewer", user_id=actor_id, role="reviewer")
    with session_scope(engine) as s:
        claims = list(s.exec(select(Claim.id).where(Claim.kind == "numeric")).all())
    start = time.perf_counter()
    for n in range(count):
        claim_id = claims[n % len(claims)]
        with session_scope(engine, write=True) as s:
            version = s.get(Claim, claim_id).version
            cited = review.SourceInput(url=f"{site}/s/{n}", title=f"Flash update {n}")
            row = review.add_source(s, claim_id, version=version, actor=amina, source=cited)
            evidence.request_fetch(s, row.id, actor=amina)
            source_id = row.id
        worker.queue_fetch(source_id)
        if rate:
            time.sleep(max(0.0, start + (n + 1) / rate - time.perf_counter()))


def wait_for_copies(engine, count: int, limit: float) -> int:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        with session_scope(engine) as s:
            left = len(s.exec(select(Source.id).where(Source.fetch_state == "queued")).all())
        if not left:
            return count
        time.sleep(0.5)
    return count - left


def latencies(engine, began=None) -> tuple[list[float], float, int]:
    """Per source: seconds from asked to kept; the whole span (from `began`, the worker's
    start, when given); failures."""
    asked, kept, failed = {}, {}, 0
    with session_scope(engine) as s:
        events = s.exec(select(AuditEvent.kind, AuditEvent.at, AuditEvent.after).where(
            col(AuditEvent.kind).in_(["source.fetch_requested", "source.fetched",
                                      "source.fetch_failed"]))).all()  # fmt: skip
    for kind, at, after in events:
        at = _naive_utc(at)
        source_id = after["source_id"]
        if kind == "source.fetch_requested":
            asked[source_id] = at
        else:
            kept[source_id] = at
            failed += kind == "source.fetch_failed"
    waits = [(kept[i] - asked[i]).total_seconds() for i in asked if i in kept]
    first = _naive_utc(began) if began else min(asked.values(), default=None)
    span = (max(kept.values()) - first).total_seconds() if kept else 0.0
    return waits, span, failed


def _naive_utc(moment: datetime) -> datetime:
    """SQLite gives back UTC without its zone, PostgreSQL with it: compare as naive UTC."""
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=4, help="the worker's threads")
    parser.add_argument("--processes", action="store_true", help="the worker runs processes")
    parser.add_argument("--rate", type=float, default=0.0, help="sources added a second")
    parser.add_argument("--database-url", help="an empty database (default: a SQLite file)")
    parser.add_argument("--queue-url", default="", help="redis://... (default: huey's SQLite)")
    parser.add_argument("--worker-later", action="store_true",
                        help="queue every source first, then start the worker: sources/s is "
                        "then the worker's own pace")  # fmt: skip
    pairs = sorted((REPO / "fixtures/evidence").glob("pairs_*.jsonl"))
    parser.add_argument("--pairs", nargs="*", type=Path, default=pairs)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{tmp}/bench.db"
        upgrade(url)
        engine = make_engine(url)
        with session_scope(engine, write=True) as s:
            ingest_document(s, data=PAGE.read_bytes(), origin=PAGE.name, actor=Actor.cli(),
                            max_bytes=2**24)  # fmt: skip
        server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        site = f"http://127.0.0.1:{server.server_address[1]}"
        env = {"DATABASE_URL": url, "CLAIMS_INSTANCE": tmp, "CLAIMS_QUEUE_URL": args.queue_url,
               "CLAIMS_QUEUE_NAME": f"bench-{os.getpid()}",
               "CLAIMS_FETCH_ALLOW_PRIVATE": "127.0.0.0/8"}  # fmt: skip
        settings = Settings.from_env(env)
        jobs = Worker(settings)
        command = [CLAIMS_CMD, "worker", "--workers", str(args.workers)]
        command += ["--processes"] if args.processes else []
        start = partial(subprocess.Popen, command, env=os.environ | env,
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        consumer = None if args.worker_later else start()
        try:
            add_sources(engine, site, jobs, args.sources, args.rate)
            began = utcnow()
            consumer = consumer or start()
            done = wait_for_copies(engine, args.sources, limit=600)
        finally:
            if consumer is not None:
                consumer.send_signal(signal.SIGINT)
                consumer.wait(timeout=60)
            server.shutdown()
        waits, span, failed = latencies(engine, began if args.worker_later else None)
        engine.dispose()
    how = f"{args.rate:g} a second" if args.rate else "all at once"
    how += ", then the worker started" if args.worker_later else ""
    print(f"{done:,} of {args.sources:,} sources kept ({failed} failed), added {how}, "
          f"worker {'processes' if args.processes else 'threads'} {args.workers}, "
          f"database {url.split(':')[0]}, "
          f"queue {args.queue_url.split(':')[0] or 'huey SQLite'}")  # fmt: skip
    if waits:
        p95 = statistics.quantiles(waits, n=20)[-1] if len(waits) > 1 else waits[0]
        print(f"sources/s: {len(waits) / span:.1f} ({len(waits)} in {span:.1f} s)")
        print(f"Add source -> fetched: p50 {statistics.median(waits):.2f} s, p95 {p95:.2f} s")
    for path in args.pairs:
        true_finds, finds, holds = score(path, misses=False)
        print(f"figure matching, {path.name}: precision {true_finds / max(finds, 1):.2f} "
              f"({true_finds}/{finds}), recall {true_finds / max(holds, 1):.2f} "
              f"({true_finds}/{holds})")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
