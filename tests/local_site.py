"""A local web site that plays the sources reviewers cite: pages a test can change.

It listens on 127.0.0.1, which the fetch rules refuse unless loopback is let
through (as CLAIMS_FETCH_ALLOW_PRIVATE does for tests).
"""

from __future__ import annotations

import ipaddress
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from claims_app.evidence.fetching import FetchRules

LOOPBACK_RULES = FetchRules(allowed=(ipaddress.ip_network("127.0.0.0/8"),), timeout=5)


class QuietHandler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        """No request log in the test output."""


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """The fetcher drops a refused answer mid-way (that is the point): no traceback."""


class LocalSite:
    """`pages[path] = (status, content_type, body)`; `url(path)` is its address."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[int, str, bytes]] = {}
        pages = self.pages

        class Handler(QuietHandler):
            def do_GET(self):  # the name http.server calls
                status, content_type, body = pages.get(self.path, (404, "text/plain", b"none"))
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self._server = QuietServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}{path}"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def cite(engine, url: str, *, title: str = "Report"):
    """Claim 1 of the fixture page, with a reviewer's source at `url`; returns the
    source's id and the reviewer."""
    from claims_app.db import session_scope
    from claims_app.services import review
    from tests.helpers import ingest_fixture, make_user

    ingest_fixture(engine)
    _, amina = make_user(engine, "amina", "reviewer")
    with session_scope(engine, write=True) as s:
        source = review.add_source(s, 1, version=1, actor=amina, source=review.SourceInput(
            url=url, title=title, independent=True))  # fmt: skip
        return source.id, amina
