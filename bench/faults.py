"""Faults injected into a running desk, and what is left afterwards.

    python bench/faults.py kill-ingest [--mb 2] [--database-url URL]
    python bench/faults.py restart-db --database-url postgresql+psycopg://... \
        [--seconds 30] [--restart-command "pg_ctlcluster 15 main restart"]

kill-ingest: `claims ingest` of one generated page (one article, a figure in
every sentence) is killed with SIGKILL once half of its claims are written;
then the audit chain must verify and the document be marked incomplete; the
same ingest run again must finish it with exactly the claims a clean ingest
stores (counted by extracting the page here, in this process), none twice.

restart-db: `claims serve --workers 2` and 6 reviewer clients (take next, open
the claim, add a source, save a verdict) run while PostgreSQL is restarted;
every answer is counted by status. A request the database could not serve must
be a 503 with Retry-After, never a 500; the desk must answer again by itself
once the database is back; every verdict a client was told was saved must be
stored, and the audit chain must verify.

The database is emptied first (a temporary SQLite file unless --database-url
names one: never point it at real data). Prints what it checked, each line "ok"
or "FAIL", and exits 1 if any failed.
"""

from __future__ import annotations

import argparse
import os
import shlex
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import requests
from builder import build, empty_database
from ingest_with_reviewers import big_page
from load_test import _TOKEN, _VERSION, PASSWORD, start_server
from sqlmodel import func, select

from claims_app.db import make_engine, session_scope
from claims_app.migrate import upgrade
from claims_app.models import Claim, Document, Verdict
from claims_app.services.accounts import create_user
from claims_app.services.actors import Actor
from claims_app.services.audit import verify_chain
from claims_app.services.intake import prepare

CLAIMS_CMD = str(Path(sys.executable).with_name("claims"))


def fresh_database(url: str) -> None:
    empty_database(url)
    upgrade(url)


def report(checks: dict[str, bool]) -> int:
    for name, ok in checks.items():
        print(f"{'ok  ' if ok else 'FAIL'} {name}")
    return 0 if all(checks.values()) else 1


# --- kill -9 during ingest ---------------------------------------------------


def _stored(engine) -> tuple[int, int, bool | None]:
    """Claims stored, distinct claim positions among them, and whether the document is complete."""
    with session_scope(engine) as s:
        claims = s.exec(select(func.count()).select_from(Claim)).one()
        places = s.exec(select(func.count()).select_from(
            select(Claim.article_id, Claim.start_offset, Claim.end_offset, Claim.kind)
            .distinct().subquery())).one()  # fmt: skip
        complete = s.exec(select(Document.complete)).first()
    return claims, places, complete


def _chain(engine) -> bool:
    with session_scope(engine) as s:
        return verify_chain(s).ok


def kill_ingest(url: str, mb: float) -> int:
    fresh_database(url)
    engine = make_engine(url)
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "long-page.txt"
        page.write_text(big_page(mb))
        prepared = prepare(page.read_bytes(), origin=page.name, max_bytes=2**28)
        expected = sum(len(f.claims) for f in prepared.found)
        env = os.environ | {"DATABASE_URL": url, "CLAIMS_MAX_FILE_MB": str(mb * 2)}
        ingest = subprocess.Popen([CLAIMS_CMD, "ingest", str(page)], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT)  # fmt: skip
        while ingest.poll() is None and _stored(engine)[0] < expected // 2:
            time.sleep(0.02)  # killed about half-way through its writes
        killed_running = ingest.poll() is None
        ingest.send_signal(signal.SIGKILL)
        ingest.wait()
        at_kill, _, complete_after_kill = _stored(engine)
        chain_after_kill = _chain(engine)
        again = subprocess.run([CLAIMS_CMD, "ingest", str(page)], env=env, capture_output=True,
                               text=True)  # fmt: skip
        claims, places, complete = _stored(engine)
    print(f"page {mb:g} MB, {expected:,} claims when extracted here; killed with "
          f"{at_kill:,} stored; the second run said: {again.stdout.strip()[-160:]}")  # fmt: skip
    return report({
        "the ingest was killed while it was writing": killed_running and 0 < at_kill < expected,
        "after the kill: the audit chain verifies": chain_after_kill,
        "after the kill: the document is marked incomplete": complete_after_kill is False,
        "the second run exits 0": again.returncode == 0,
        "the second run completes the document": complete is True,
        f"the claims a clean ingest stores ({expected:,}), none twice":
            claims == expected == places,
        "the audit chain verifies at the end": _chain(engine),
    })  # fmt: skip


# --- database restart under load -----------------------------------------------


class Client(threading.Thread):
    """A reviewer that keeps working through an outage and counts every answer."""

    def __init__(self, base: str, name: str, until: float) -> None:
        super().__init__(daemon=True)
        self.base, self.name, self.until = base, name, until
        self.http = requests.Session()
        self.answers: list[tuple[float, int, str | None]] = []  # time, status, Retry-After
        self.saved: list[tuple[int, str]] = []
        self.refused_connections = 0

    def _call(self, method: str, path: str, **kw) -> requests.Response | None:
        try:
            r = self.http.request(method, self.base + path, allow_redirects=False, timeout=30,
                                  **kw)  # fmt: skip
        except requests.RequestException:
            self.refused_connections += 1
            time.sleep(0.2)
            return None
        self.answers.append((time.time(), r.status_code, r.headers.get("Retry-After")))
        return r

    def _login(self) -> str | None:
        page = self._call("GET", "/login")
        if page is None or page.status_code != 200:
            return None
        form_token = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
        self._call("POST", "/login", data={"username": self.name, "password": PASSWORD,
                                           "csrf_token": form_token})  # fmt: skip
        queue = self._call("GET", "/claims")
        found = _TOKEN.search(queue.text) if queue is not None else None
        return found.group(1) if found else None

    def run(self) -> None:
        token = None
        while time.time() < self.until:
            token = token or self._login()
            if token is None:
                time.sleep(0.2)
                continue
            self._review_one(token)
            time.sleep(0.1)

    def _review_one(self, token: str) -> None:
        hx = {"HX-Request": "true"}
        taken = self._call("POST", "/claims/take-next", data={"csrf_token": token})
        if taken is None or taken.status_code not in (302, 303):
            return
        claim_id = int(taken.headers["Location"].rsplit("/", 1)[-1] or 0)
        opened = self._call("GET", f"/claims/{claim_id}")
        found = _VERSION.search(opened.text) if opened is not None else None
        if not claim_id or not found:
            return
        version = int(found[1])
        added = self._call("POST", f"/claims/{claim_id}/sources", headers=hx, data={
            "csrf_token": token, "version": version, "url": f"https://example.org/{claim_id}",
            "title": "Register", "relation": "supports", "independent": "yes"})  # fmt: skip
        if added is None or added.status_code != 200:
            return
        rationale = f"{self.name} checked {claim_id}"
        saved = self._call("POST", f"/claims/{claim_id}/verdict", headers=hx, data={
            "csrf_token": token, "version": version + 1, "rating": "accurate",
            "rationale": rationale, "confidence": "high"})  # fmt: skip
        if saved is not None and saved.status_code == 200:
            self.saved.append((claim_id, rationale))


def _seed(url: str, names: list[str]) -> None:
    empty_database(url)
    build(url, 5_000, approved=0)
    engine = make_engine(url)
    with session_scope(engine, write=True) as s:
        for name in names:
            create_user(s, username=name, password=PASSWORD, role="reviewer", actor=Actor("faults"))
    engine.dispose()


def restart_db(url: str, seconds: float, restart_command: str, clients: int) -> int:
    if url.startswith("sqlite"):
        sys.exit("restart-db needs --database-url of a PostgreSQL database (SQLite has no server)")
    names = [f"reviewer{i:02d}" for i in range(clients)]
    _seed(url, names)
    log = Path(tempfile.mkdtemp()) / "server.log"
    with log.open("wb") as out:
        server, base = start_server(url, 2, out)
    try:
        until = time.time() + seconds
        workers = [Client(base, name, until) for name in names]
        for w in workers:
            w.start()
        time.sleep(seconds / 3)
        restart_from = time.time()
        restarted = subprocess.run(shlex.split(restart_command), capture_output=True, text=True)
        restart_to = time.time()
        for w in workers:
            w.join()
    finally:
        server.terminate()
        server.wait(timeout=30)
    answers = sorted(a for w in workers for a in w.answers)
    statuses = Counter(status for _, status, _ in answers)
    unavailable = [a for a in answers if a[1] == 503]
    after = [t for t, status, _ in answers if t > restart_to and status < 500]
    last_503 = max((t for t, _, _ in unavailable), default=restart_to)
    engine = make_engine(url)
    saved = {pair for w in workers for pair in w.saved}
    with session_scope(engine) as s:
        stored = {(v.claim_id, v.rationale) for v in s.exec(select(Verdict).where(Verdict.current))}
        chain = verify_chain(s)
    print(f"{clients} clients for {seconds:g} s; `{restart_command}` took "
          f"{restart_to - restart_from:.1f} s (exit {restarted.returncode}); answers by status: "
          f"{dict(sorted(statuses.items()))}; connections refused by the server: "
          f"{sum(w.refused_connections for w in workers)}; {len(saved)} verdicts saved; "
          f"last 503 {last_503 - restart_to:+.1f} s after the restart returned")  # fmt: skip
    if statuses[500]:  # what the server logged about them
        errors = [line for line in log.read_text(errors="replace").splitlines()
                  if "Error" in line or "Exception" in line]  # fmt: skip
        print("server log, errors:", *errors[-10:], sep="\n  ")
    return report({
        "the restart ran": restarted.returncode == 0,
        "no 500 answer": statuses[500] == 0,
        "every 503 carries Retry-After": all(ra for _, _, ra in unavailable),
        "the desk answers again after the restart": bool(after),
        "every verdict a client saw saved is stored": saved <= stored,
        f"the audit chain verifies ({chain.count:,} events)": chain.ok,
    })  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="fault", required=True)
    kill = sub.add_parser("kill-ingest", help="SIGKILL an ingest part-way, then run it again")
    kill.add_argument("--mb", type=float, default=2.0)
    kill.add_argument("--database-url")
    restart = sub.add_parser("restart-db", help="restart PostgreSQL under reviewers' load")
    restart.add_argument("--database-url", required=True)
    restart.add_argument("--seconds", type=float, default=30.0)
    restart.add_argument("--clients", type=int, default=6)
    restart.add_argument("--restart-command", default="pg_ctlcluster 15 main restart")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{tmp}/faults.db"
        if args.fault == "kill-ingest":
            return kill_ingest(url, args.mb)
        return restart_db(url, args.seconds, args.restart_command, args.clients)


if __name__ == "__main__":
    sys.exit(main())
