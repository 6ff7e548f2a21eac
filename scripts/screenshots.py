"""The README's screenshots of the desk, remade from the demo data.

    python scripts/screenshots.py [--out docs/screenshots]

Builds a throwaway SQLite database from the sample pages (what `make demo`
serves), reviews a few claims through the services as a reviewer and an editor
would, serves the app on a free port and photographs each page in Chromium at
1,400 px: the queue, a workspace before and after a verdict, a claim's history,
the audit log and the report. Run it whenever the pages change (`make
screenshots`); a test runs it too, so it cannot quietly stop working.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright
from sqlmodel import select
from werkzeug.serving import make_server

from claims_app import create_app
from claims_app.db import session_scope
from claims_app.migrate import upgrade
from claims_app.models import Claim
from claims_app.services import review
from claims_app.services.accounts import create_user
from claims_app.services.actors import Actor
from claims_app.services.intake import ingest_document
from claims_app.services.review import SourceInput, VerdictInput

REPO = Path(__file__).resolve().parents[1]
PASSWORD = "screenshots-only-pw"  # the database is thrown away when the script ends
WIDTH, HEIGHT = 1400, 900


def build(database_url: str) -> dict[str, int]:
    """The demo pages, three people, and claims at each stage; returns the claim ids shown."""
    upgrade(database_url)
    app = create_app({"DATABASE_URL": database_url, "TESTING": True})
    engine = app.extensions["claims_engine"]
    with session_scope(engine, write=True) as s:
        for path in sorted((REPO / "fixtures" / "pages").iterdir()):
            ingest_document(s, data=path.read_bytes(), origin=path.name,
                            actor=Actor.cli(), max_bytes=2**24)  # fmt: skip
    people = {}
    for name, role in (("amina", "reviewer"), ("ed", "editor"), ("audrey", "auditor")):
        with session_scope(engine, write=True) as s:
            user = create_user(s, username=name, password=PASSWORD, role=role, actor=Actor.cli())
            people[name] = Actor(name=name, user_id=user.id, role=role)
    with session_scope(engine) as s:
        ranked = s.exec(select(Claim).order_by(Claim.check_worthiness.desc(), Claim.id)).all()
        ids = [c.id for c in ranked if c.kind == "numeric"][:6]
    for n, claim_id in enumerate(ids[1:5]):
        _judge(engine, claim_id, people, approve=n != 3, rating=("accurate", "mostly_accurate",
               "needs_context", "inaccurate")[n])  # fmt: skip
    engine.dispose()
    return {"fresh": ids[0], "judged": ids[1], "waiting": ids[4]}


def _judge(engine, claim_id: int, people, *, approve: bool, rating: str) -> None:
    amina, ed = people["amina"], people["ed"]
    with session_scope(engine, write=True) as s:
        version = s.get(Claim, claim_id).version
        review.add_source(s, claim_id, version=version, actor=amina, source=SourceInput(
            url=f"https://example.org/records/{claim_id}", title="District hospital register",
            publisher="District health office", independent=True))  # fmt: skip
        review.give_verdict(s, claim_id, version=version + 1, actor=amina, verdict=VerdictInput(
            rating, "The register lists the same figure for the same day.", "high"))  # fmt: skip
        if approve:
            review.approve(s, claim_id, version=version + 2, actor=ed)


def photograph(base_url: str, ids: dict[str, int], out: Path) -> list[Path]:
    # (who, page, file, what to scroll to: the article stays beside it on a wide screen)
    shots = [
        ("amina", "/claims", "queue.png", None),
        ("amina", f"/claims/{ids['fresh']}", "workspace-before-verdict.png", None),
        ("ed", f"/claims/{ids['waiting']}", "workspace-awaiting-approval.png", "#verdict-panel"),
        ("ed", f"/claims/{ids['judged']}", "workspace-after-approval.png", None),
        ("audrey", f"/claims/{ids['judged']}/history", "history.png", None),
        ("audrey", "/audit", "audit-log.png", None),
        ("ed", "/report", "report.png", None),
    ]
    out.mkdir(parents=True, exist_ok=True)
    chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    made = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium or None, args=["--no-sandbox"])
        pages = {}
        for user, path, name, scroll_to in shots:
            if user not in pages:
                page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT},
                                        base_url=base_url)  # fmt: skip
                page.goto("/login")
                page.get_by_label("Username").fill(user)
                page.get_by_label("Password").fill(PASSWORD)
                with page.expect_navigation():
                    page.get_by_role("button", name="Log in").click()
                pages[user] = page
            page = pages[user]
            page.goto(path)
            page.wait_for_load_state("networkidle")
            if scroll_to:
                page.locator(scroll_to).evaluate("el => el.scrollIntoView({block: 'start'})")
            page.screenshot(path=out / name)
            made.append(out / name)
        browser.close()
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/screens.db"
        ids = build(url)
        app = create_app({"DATABASE_URL": url, "RATELIMIT_ENABLED": False,
                          "SECRET_KEY": secrets.token_urlsafe(32)})  # fmt: skip
        server = make_server("127.0.0.1", 0, app, threaded=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            made = photograph(f"http://127.0.0.1:{server.server_port}", ids, args.out)
        finally:
            server.shutdown()
            app.extensions["claims_engine"].dispose()
    for path in made:
        print(path)


if __name__ == "__main__":
    main()
