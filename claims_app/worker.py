"""Background work on a real queue: fetching cited sources (issue 18).

huey (MIT, small, kept up) gives the queue: its SQLite storage in the instance
folder by default, so jobs survive a restart of the worker with nothing to
install; Redis when CLAIMS_QUEUE_URL names one, for a team's several machines.
`claims worker` runs the consumer. A fetch that may work later (a time-out, HTTP
503) is tried again, at most FETCH_RETRIES times with growing waits; its last try,
and any other failure or refusal, is kept as a snapshot with its reason
(services/evidence.py): never dropped without a trace.
"""

from __future__ import annotations

import dataclasses
import logging
from functools import cached_property
from pathlib import Path

from huey import Huey, RedisHuey, SqliteHuey

from claims_app.config import Settings
from claims_app.db import make_engine
from claims_app.evidence.fetching import FetchRules, allowed_networks
from claims_app.services import evidence
from claims_app.services.actors import Actor

log = logging.getLogger(__name__)
FETCH_RETRIES = 3
RETRY_DELAY = 10  # seconds before the first retry; each next one waits twice as long


def make_queue(settings: Settings, *, immediate: bool = False) -> Huey:
    """The queue the settings name (module doc); `immediate` runs jobs at once, in
    the caller (tests)."""
    url = settings.queue_url
    if url.startswith(("redis://", "rediss://", "unix://")):
        return RedisHuey(settings.queue_name, url=url, immediate=immediate)
    if url:
        raise ValueError(f"CLAIMS_QUEUE_URL: expected a redis:// URL or nothing, not {url!r}")
    settings.instance_path.mkdir(parents=True, exist_ok=True)
    path = settings.instance_path / "queue.db"
    return SqliteHuey(settings.queue_name, filename=str(path), immediate=immediate)


def app_jobs(app) -> Worker:
    """The queue a Flask app puts work on, made when first used: the app's database,
    and CLAIMS_QUEUE_URL or the instance folder's queue file (QUEUE_URL and
    INSTANCE_PATH in the app's config override them: tests give each app its own)."""
    if "claims_jobs" not in app.extensions:
        settings = Settings.from_env()
        app.extensions["claims_jobs"] = Worker(dataclasses.replace(
            settings, database_url=app.config["DATABASE_URL"],
            queue_url=app.config.get("QUEUE_URL", settings.queue_url),
            instance_path=Path(app.config.get("INSTANCE_PATH", settings.instance_path)),
        ))  # fmt: skip
    return app.extensions["claims_jobs"]


class Worker:
    """The jobs, bound to one queue: the web and the CLI enqueue through the same
    object the consumer runs (huey finds a job's code by its name)."""

    def __init__(self, settings: Settings, queue: Huey | None = None) -> None:
        self.settings = settings
        self.queue = queue if queue is not None else make_queue(settings)
        self.fetch_source = self.queue.task(
            retries=FETCH_RETRIES, retry_delay=RETRY_DELAY, retry_backoff=2, context=True,
            name="fetch_source",
        )(self._fetch_source)  # fmt: skip

    @cached_property
    def engine(self):
        return make_engine(self.settings.database_url)

    @cached_property
    def rules(self) -> FetchRules:
        return FetchRules(allowed=allowed_networks(self.settings.fetch_allow_private))

    def queue_fetch(self, source_id: int) -> None:
        """Put a fetch of the source on the queue, for this desk's database."""
        self.fetch_source(source_id, self.settings.database_url)

    def _fetch_source(self, source_id: int, database_url: str, task=None) -> int | None:
        if database_url != self.settings.database_url:
            # One queue file may serve several databases over time (tests, benchmarks,
            # the demo): a job names its own, and no other desk's source is fetched.
            log.warning("skipped a fetch queued for another database (%s)", database_url)
            return None
        last_try = task is None or task.retries == 0
        kept = evidence.fetch_and_keep(
            self.engine, source_id, rules=self.rules, actor=Actor.system("worker"),
            retry_later=not last_try,
        )  # fmt: skip
        return kept.id or 0

    def run(self, workers: int = 1, kind: str = "thread") -> None:
        """Consume jobs until stopped (Ctrl-C, SIGTERM). `kind`: "thread" or "process"
        (each process opens its own database connections at its first job)."""
        try:
            # An idle consumer polls SQLite storage at most a second apart (huey's default
            # grows to 10 s): a reviewer waits for a fetch asked for a moment ago.
            consumer = self.queue.create_consumer(workers=workers, worker_type=kind,
                                                  max_delay=1.0)  # fmt: skip
            consumer.run()
        finally:
            self.close()

    def close(self) -> None:
        if "engine" in self.__dict__:  # made only once a job ran
            self.engine.dispose()
            del self.__dict__["engine"]
