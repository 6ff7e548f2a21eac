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
import contextlib
import multiprocessing
import resource
import tempfile
import time
from pathlib import Path

from builder import build

from claims_app.db import make_engine
from claims_app.services.actors import Actor
from claims_app.services.exports import Export, ExportContext
from claims_app.services.report import ReportFilter


def _peak_mb() -> float:
    """This process's peak resident memory. Linux's VmHWM starts afresh when
    the process is made; ru_maxrss (elsewhere) carries over what the parent
    had when it forked, which here is the builder's."""
    with contextlib.suppress(OSError), open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # not Linux


def _measure(url: str, fmt: str, out) -> None:
    engine = make_engine(url)
    ctx = ExportContext(base_url="https://desk.example.org", org_name="Bench")
    export = Export(engine, ReportFilter(), fmt, ctx, Actor("bench"))
    before = _peak_mb()
    start = time.perf_counter()
    for _chunk in export.chunks():
        pass  # a download sends each chunk on and forgets it
    seconds = time.perf_counter() - start
    peak = _peak_mb()
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
