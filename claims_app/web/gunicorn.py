"""Several worker processes under gunicorn, started from `claims serve --workers N`."""

from __future__ import annotations

from gunicorn.app.base import BaseApplication


class _Server(BaseApplication):
    def __init__(self, options: dict) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        # Each worker builds its own app, and with it its own database engine and
        # connection pool: connections are never shared across a fork.
        from claims_app import create_app

        return create_app()


def serve_with_gunicorn(host: str, port: int, workers: int) -> None:
    _Server({
        "bind": f"{host}:{port}", "workers": workers, "worker_class": "gthread",
        "threads": 4, "timeout": 60, "accesslog": "-",
    }).run()  # fmt: skip
