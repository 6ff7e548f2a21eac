"""Twenty reviewers at once against the served app, and the invariants afterwards.

    python bench/load_test.py --database-url postgresql+psycopg://... [--reviewers 20]
                              [--seconds 120] [--claims 20000] [--workers 4] [--think 1]

The database is emptied and filled (never point it at real data). The app is
served by `claims serve --workers N` (gunicorn) on a free loopback port; each
simulated reviewer logs in, then loops: take the next claim, open it, add an
independent source, save a verdict, pausing about --think seconds (0.5 to 1.5
times it, at random) before each step: a person takes minutes per claim, so
even 1 s makes these twenty far busier than twenty people; --think 0 is a
stress test of throughput instead. Prints p50/p95 of "take next" and "save
verdict" twice: the server's own time (its Server-Timing header) and the time
the reviewers saw (with queueing, network and the client's own CPU on the same
machine). Checks: no request failed, no claim was taken by two reviewers,
every verdict a reviewer saw saved is in the database, and the audit chain
verifies.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import requests
from builder import build, empty_database
from sqlmodel import select

from claims_app.db import make_engine, session_scope
from claims_app.models import AuditEvent, Verdict
from claims_app.services.accounts import create_user
from claims_app.services.actors import Actor
from claims_app.services.audit import verify_chain

PASSWORD = "load-test-password"
_TOKEN = re.compile(r'name="csrf-token" content="([^"]+)"')
_VERSION = re.compile(r'id="claim-status"[^>]*data-version="(\d+)"')


class Reviewer(threading.Thread):
    def __init__(self, base: str, name: str, until: float, think: float) -> None:
        super().__init__(daemon=True)
        self.base, self.name, self.until, self.think = base, name, until, think
        self.rng = random.Random(name)
        self.http = requests.Session()
        self.taken: list[int] = []
        self.saved: list[tuple[int, str]] = []
        self.timings: dict[str, list[float]] = {"take next": [], "save verdict": []}
        self.server: dict[str, list[float]] = {"take next": [], "save verdict": []}
        self.errors: list[str] = []

    def _pause(self) -> None:
        if self.think:
            time.sleep(self.think * self.rng.uniform(0.5, 1.5))

    def _post(self, path: str, data: dict, kind: str | None = None, **kw) -> requests.Response:
        start = time.perf_counter()
        response = self.http.post(self.base + path, data=data, allow_redirects=False, **kw)
        if kind:
            self.timings[kind].append((time.perf_counter() - start) * 1000)
            timing = response.headers.get("Server-Timing", "")
            if timing.startswith("app;dur="):
                self.server[kind].append(float(timing.removeprefix("app;dur=")))
        if response.status_code >= 400:
            self.errors.append(f"{self.name} POST {path}: {response.status_code}")
        return response

    def run(self) -> None:
        page = self.http.get(self.base + "/login").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        self._post("/login", {"username": self.name, "password": PASSWORD, "csrf_token": token})
        token = _TOKEN.search(self.http.get(self.base + "/claims").text).group(1)
        while time.time() < self.until:
            self._pause()
            taken = self._post("/claims/take-next", {"csrf_token": token}, "take next")
            claim_id = int(taken.headers.get("Location", "/0").rsplit("/", 1)[-1] or 0)
            if not claim_id:
                break
            self.taken.append(claim_id)
            self._pause()
            version = int(_VERSION.search(self.http.get(f"{self.base}/claims/{claim_id}").text)[1])
            hx = {"HX-Request": "true"}
            self._pause()
            self._post(
                f"/claims/{claim_id}/sources",
                {
                    "csrf_token": token,
                    "version": version,
                    "url": f"https://example.org/{claim_id}",
                    "title": "Register",
                    "relation": "supports",
                    "independent": "yes",
                },
                headers=hx,
            )
            rationale = f"{self.name} checked {claim_id}"
            self._pause()
            saved = self._post(
                f"/claims/{claim_id}/verdict",
                {
                    "csrf_token": token,
                    "version": version + 1,
                    "rating": "accurate",
                    "rationale": rationale,
                    "confidence": "high",
                },
                "save verdict",
                headers=hx,
            )
            if saved.status_code == 200:
                self.saved.append((claim_id, rationale))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(url: str, workers: int, log=subprocess.DEVNULL) -> tuple[subprocess.Popen, str]:
    """`claims serve --workers N` on a free loopback port, answering; (process, base URL).
    `log` takes its output (a file, or nothing)."""
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "bench-only",
           "CLAIMS_LOGIN_RATE_LIMIT": "1000 per minute"}  # fmt: skip
    claims_cmd = str(Path(sys.executable).with_name("claims"))
    server = subprocess.Popen([claims_cmd, "serve", "--port", str(port), "--workers",
                               str(workers)], env=env, stdout=log, stderr=log)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            requests.get(base + "/login", timeout=1)
            break
        except requests.ConnectionError:
            time.sleep(0.2)
    return server, base


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--reviewers", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--claims", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--think", type=float, default=1.0, help="seconds between steps")
    args = parser.parse_args()
    url = args.database_url
    engine = make_engine(url)
    empty_database(url)
    build(url, args.claims, approved=0)
    names = [f"reviewer{i:02d}" for i in range(args.reviewers)]
    with session_scope(engine, write=True) as s:
        for name in names:
            create_user(s, username=name, password=PASSWORD, role="reviewer", actor=Actor("load"))
    server, base = start_server(url, args.workers)
    try:
        until = time.time() + args.seconds
        reviewers = [Reviewer(base, name, until, args.think) for name in names]
        for r in reviewers:
            r.start()
        for r in reviewers:
            r.join()
    finally:
        server.terminate()
        server.wait(timeout=30)
    return report(engine, reviewers, args)


def report(engine, reviewers: list[Reviewer], args) -> int:
    def pct(samples: list[float]) -> str:
        if not samples:
            return "no samples"
        ordered = sorted(samples)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        return f"p50 {statistics.median(ordered):6.1f} ms  p95 {p95:6.1f} ms  (n={len(ordered)})"

    for kind in ("take next", "save verdict"):
        print(f"{kind:13s} server  {pct([t for r in reviewers for t in r.server[kind]])}")
        print(f"{kind:13s} client  {pct([t for r in reviewers for t in r.timings[kind]])}")
    errors = [e for r in reviewers for e in r.errors]
    taken = Counter(c for r in reviewers for c in r.taken)
    saved = {pair for r in reviewers for pair in r.saved}
    with session_scope(engine) as s:
        stored = {(v.claim_id, v.rationale) for v in s.exec(select(Verdict).where(Verdict.current))}
        taken_events = Counter(e.claim_id for e in s.exec(
            select(AuditEvent).where(AuditEvent.kind == "claim.taken")))  # fmt: skip
        chain = verify_chain(s)
    checks = {
        "no request failed": not errors,
        "no claim taken twice": max(taken.values(), default=1) == 1
        and max(taken_events.values(), default=1) == 1,
        "no saved verdict lost": saved <= stored,
        "audit chain verifies": chain.ok,
    }
    print(f"{args.reviewers} reviewers, {args.seconds:.0f} s, {args.workers} workers, "
          f"think {args.think:g} s: "
          f"{len(taken)} claims taken, {len(saved)} verdicts saved, "
          f"{chain.count} events")  # fmt: skip
    for name, ok in checks.items():
        print(f"{'ok  ' if ok else 'FAIL'} {name}")
    for line in errors[:10]:
        print("  ", line)
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
