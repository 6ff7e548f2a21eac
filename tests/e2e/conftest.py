"""Chromium for pytest-playwright, and the app served from a thread.

The server lives for the whole run; each test points it at its own app (and so
its own database) through a small WSGI dispatcher.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator

import pytest
from werkzeug.serving import make_server

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    args = {
        **browser_type_launch_args,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--disable-background-networking",
            "--disable-component-update",
        ],
    }
    if CHROMIUM:  # else Playwright's own download (`make test` installs it)
        args["executable_path"] = CHROMIUM
    return args


class _Dispatcher:
    def __init__(self) -> None:
        self.app = None

    def __call__(self, environ, start_response):
        if self.app is None:
            start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
            return [b"no app for this test"]
        return self.app(environ, start_response)


@pytest.fixture(scope="session")
def _server() -> Iterator[tuple[str, _Dispatcher]]:
    dispatcher = _Dispatcher()
    server = make_server("127.0.0.1", 0, dispatcher, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", dispatcher
    server.shutdown()


@pytest.fixture(scope="session")
def base_url(_server: tuple[str, _Dispatcher]) -> str:
    return _server[0]


@pytest.fixture
def live_app(app, _server):
    """The test's app, served at base_url for the length of the test."""
    _server[1].app = app
    yield app
    _server[1].app = None
