"""Incidents at scale: grouping stored claims, ingest with grouping on, and the
reviewer's incident views, on a database of N claims.

    python bench/incidents_scale.py [--claims 100000] [--articles 2000] [--repeat 30]
                                    [--database-url postgresql+psycopg://.../bench] [--reuse]

Builds N claims with bench/builder.py (varied kinds, eight places, five years of
days; a throwaway SQLite file unless --database-url names a PostgreSQL database
that may be emptied), places every one in its incident (`claims incidents
--regroup`'s path), then ingests --articles synthetic articles on top with
`claims demo-data` (grouping on, in its own process) and times, through the
WSGI app: the workspace of a claim in the incident with the most reports, the
queue filtered to conflicting figures, and the list of incidents in conflict.
Prints the figures; timing is reported, never asserted.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from builder import build, empty_database
from sqlmodel import func, select
from web_latency import _login, _time

from claims_app import create_app
from claims_app.db import make_engine, session_scope
from claims_app.migrate import upgrade
from claims_app.models import Claim, Incident
from claims_app.services.accounts import create_user
from claims_app.services.actors import Actor
from claims_app.services.incidents import regroup_stored

CLAIMS_CMD = str(Path(sys.executable).with_name("claims"))


def prepare(url: str, claims: int) -> None:
    empty_database(url)
    build(url, claims, approved=0)
    engine = make_engine(url)
    start = time.perf_counter()
    placed = regroup_stored(engine, actor=Actor.cli())
    took = time.perf_counter() - start
    print(f"grouped {placed:,} of {claims:,} stored claims in {took:.1f} s "
          f"({placed / took:,.0f} claims/s)")  # fmt: skip
    with session_scope(engine, write=True) as s:
        create_user(s, username="bench-rev", password="bench-password", role="reviewer",
                    actor=Actor("bench"))  # fmt: skip
    engine.dispose()


def ingest(url: str, articles: int, seed: int = 1) -> str:
    env = os.environ | {"DATABASE_URL": url}
    done = subprocess.run([CLAIMS_CMD, "demo-data", "--articles", str(articles), "--seed",
                           str(seed)], env=env,
                          capture_output=True, text=True, check=True)  # fmt: skip
    return done.stdout.strip().splitlines()[-1]


def busiest_claim(engine) -> tuple[int, int]:
    with session_scope(engine) as s:
        incident, reports = s.exec(
            select(Claim.incident_id, func.count()).where(Claim.incident_id.is_not(None))
            .group_by(Claim.incident_id).order_by(func.count().desc()).limit(1)
        ).one()  # fmt: skip
        claim = s.exec(select(Claim.id).where(Claim.incident_id == incident).limit(1)).one()
        return claim, reports


def measure(url: str, repeat: int) -> None:
    app = create_app({"DATABASE_URL": url, "TESTING": True, "RATELIMIT_ENABLED": False})
    engine = app.extensions["claims_engine"]
    client, _token = _login(app, "bench-rev")
    claim, reports = busiest_claim(engine)
    with session_scope(engine) as s:
        incidents = s.exec(select(func.count()).select_from(Incident)).one()
        conflicting = s.exec(select(func.count()).where(Claim.figure_conflict)).one()
    print(f"{incidents:,} incidents; {conflicting:,} figures in conflict; the busiest "
          f"incident has {reports} reports")  # fmt: skip
    rows = [
        (f"workspace with its panel ({reports} reports)", _time(
            lambda: client.get(f"/claims/{claim}"), repeat)),
        ("queue, conflicting figures", _time(lambda: client.get("/claims?conflict=1"), repeat)),
        ("incidents in conflict (list)", _time(
            lambda: client.get("/incidents?conflicts=1"), repeat)),
    ]  # fmt: skip
    print(f"{'request':44s} {'p50 ms':>8s} {'p95 ms':>8s}")
    for name, (p50, p95) in rows:
        print(f"{name:44s} {p50:8.1f} {p95:8.1f}")
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--database-url")
    parser.add_argument(
        "--reuse", action="store_true",
        help="the database holds the grouped claims of a run cut short: bring its schema "
        "up to date and go on from the ingest",
    )  # fmt: skip
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{tmp}/bench.db"
        if args.reuse:
            upgrade(url)
        else:
            prepare(url, args.claims)
        # (a run going on from an earlier one ingests other pages: the same ones are
        # refused as already stored)
        line = ingest(url, args.articles, seed=int(time.time()) if args.reuse else 1)
        rate = re.search(r"\((\d+) articles/s", line)
        print(f"ingest with grouping on, {args.claims:,} claims stored: {line}"
              + ("" if rate else " (no rate printed)"))  # fmt: skip
        measure(url, args.repeat)


if __name__ == "__main__":
    main()
