"""Export throughput and peak memory for a large report.

    python bench/export_stream.py [--claims 100000] [--database-url URL]

Builds a throwaway database (a temporary SQLite file unless --database-url is
given; that database's tables are filled, so never point it at real data)
holding N approved claims, each with a verdict and a source, then streams
each export format to nowhere, as a download would, and prints for each: rows,
seconds, rows per second, and the process's resident memory before the export
and at its peak (each export runs in a fresh process): the difference stays
flat as N grows when the export streams.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import insert

from claims_app.db import make_engine, session_scope
from claims_app.migrate import upgrade
from claims_app.models import Article, Claim, Document, Source, User, Verdict
from claims_app.services.actors import Actor
from claims_app.services.exports import Export, ExportContext
from claims_app.services.report import ReportFilter

CHUNK = 10_000


def build(url: str, n: int) -> None:
    upgrade(url)
    engine = make_engine(url)
    now = datetime.now(UTC)
    with session_scope(engine, write=True) as s:
        s.execute(insert(User.__table__), [
            {"id": i, "username": name, "display_name": name, "password_hash": "x", "role": role,
             "active": True, "created_at": now}
            for i, (name, role) in enumerate([("rev", "reviewer"), ("ed", "editor")], start=1)
        ])  # fmt: skip
        s.execute(insert(Document.__table__), [{
            "id": 1, "origin": "bench.txt", "sha256": "0" * 64, "media_type": "text/plain",
            "size_bytes": 0, "text": "", "ingested_at": now, "ingested_by": "bench"}])  # fmt: skip
        articles = max(1, n // 100)
        s.execute(insert(Article.__table__), [
            {"id": a, "document_id": 1, "position": a - 1, "title": f"Item {a}",
             "published_on": date(2023, 1, 1 + a % 28), "start_offset": 0,
             "body": "At least 26 civilians were killed.", "body_sha256": "0" * 64}
            for a in range(1, articles + 1)
        ])  # fmt: skip
    for start in range(1, n + 1, CHUNK):
        ids = range(start, min(n, start + CHUNK - 1) + 1)
        with session_scope(engine, write=True) as s:
            s.execute(insert(Claim.__table__), [_claim(i, articles, now) for i in ids])
            s.execute(insert(Verdict.__table__), [
                {"id": i, "claim_id": i, "rating": "accurate", "rationale": "Matches the list.",
                 "confidence": "high", "given_by_id": 1, "given_at": now, "approved_by_id": 2,
                 "approved_at": now, "current": True} for i in ids])  # fmt: skip
            s.execute(insert(Source.__table__), [
                {"id": i, "claim_id": i, "url": f"https://example.org/{i}", "title": "List",
                 "relation": "supports", "independent": True, "added_by_id": 1, "added_at": now}
                for i in ids])  # fmt: skip
    engine.dispose()


def _claim(i: int, articles: int, now: datetime) -> dict:
    return {
        "id": i, "article_id": 1 + i % articles, "kind": "numeric",
        "quote": "At least 26 civilians", "start_offset": 0, "end_offset": 21,
        "sentence": "At least 26 civilians were killed.", "value": 26.0, "qualifier": "at_least",
        "unit": "people", "category": "killed", "subject": "civilians", "location": "Idlib",
        "event_date": "2023-01-02", "event_date_start": date(2023, 1, 2),
        "event_date_end": date(2023, 1, 2), "attributed_to": "Civil Defense",
        "check_worthiness": 0.9, "extractor_version": "bench", "status": "approved",
        "version": 3, "created_at": now, "updated_at": now,
    }  # fmt: skip


def _measure(url: str, fmt: str, out) -> None:
    engine = make_engine(url)
    ctx = ExportContext(base_url="https://desk.example.org", org_name="Bench")
    export = Export(engine, ReportFilter(), fmt, ctx, Actor("bench"))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    for _chunk in export.chunks():
        pass  # a download sends each chunk on and forgets it
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    engine.dispose()
    out.send((export.rows, seconds, before, peak))


def measure(url: str, fmt: str) -> tuple[int, float, float, float]:
    """One export in a fresh process, so its peak memory is its own."""
    here, there = multiprocessing.Pipe()
    child = multiprocessing.get_context("spawn").Process(target=_measure, args=(url, fmt, there))
    child.start()
    result = here.recv()
    child.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'bench.db'}"
        start = time.perf_counter()
        build(url, args.claims)
        print(f"built {args.claims} approved claims in {time.perf_counter() - start:.1f} s")
        for fmt in ("csv", "json", "claimreview"):
            rows, seconds, before, peak = measure(url, fmt)
            print(f"{fmt:12s} {rows:7d} rows  {seconds:6.1f} s  {rows / seconds:7.0f} rows/s  "
                  f"memory: {before:5.0f} MB before, {peak:5.0f} MB peak")  # fmt: skip


if __name__ == "__main__":
    main()
