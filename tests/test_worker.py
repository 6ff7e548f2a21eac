"""The background worker: jobs queued while no worker runs are done when one starts,
on huey's SQLite storage and on Redis; a fetch that may pass is tried again, and its
last try is kept with its reason."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from claims_app.cli import main
from claims_app.config import Settings
from claims_app.db import session_scope
from claims_app.evidence.fetching import FetchError
from claims_app.models import Source
from claims_app.services import evidence
from claims_app.worker import Worker
from tests.local_site import cite

CLAIMS = str(Path(sys.executable).with_name("claims"))
REDIS_URL = "redis://127.0.0.1:6379/14"


@pytest.fixture
def cited(engine, site):
    site.pages["/report"] = (200, "text/html", b"<html><body><p>Seven killed.</p></body></html>")
    return cite(engine, site.url("/report"))[0]


def _env(database_url, tmp_path, queue_url=""):
    return os.environ | {
        "DATABASE_URL": database_url, "CLAIMS_INSTANCE": str(tmp_path / "instance"),
        "CLAIMS_QUEUE_URL": queue_url, "CLAIMS_FETCH_ALLOW_PRIVATE": "127.0.0.0/8",
        "CLAIMS_QUEUE_NAME": f"test-{tmp_path.name}",  # its own jobs in a shared Redis
    }  # fmt: skip


def _state(engine, source_id):
    with session_scope(engine) as s:
        return s.get(Source, source_id).fetch_state


@pytest.mark.parametrize(
    ("queue", "how"), [("sqlite", []), ("redis", []), ("sqlite", ["--processes", "--workers", "2"])]
)
def test_jobs_queued_before_the_worker_starts_are_done_when_it_runs(
    engine, database_url, tmp_path, cited, queue, how
):
    queue_url = REDIS_URL if queue == "redis" else ""
    env = _env(database_url, tmp_path, queue_url)
    queued = CliRunner().invoke(main, ["sources", "recheck", "--older-than", "0"], env=env)
    assert queued.exit_code == 0, queued.output
    assert "queued 1 source fetches" in queued.output
    assert _state(engine, cited) == "queued"  # no worker yet: the job waits in the queue
    worker = subprocess.Popen([CLAIMS, "worker", *how], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while _state(engine, cited) != "fetched" and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        worker.send_signal(signal.SIGINT)
        output = worker.communicate(timeout=30)[0]
    assert _state(engine, cited) == "fetched", output
    with session_scope(engine) as s:
        (kept,) = evidence.snapshots_of(s, cited)
    assert "Seven killed." in kept.text


def test_a_fetch_that_may_pass_is_retried_and_its_last_try_kept(
    engine, database_url, tmp_path, cited, site
):
    settings = Settings.from_env(_env(database_url, tmp_path))
    jobs = Worker(settings)
    site.pages["/report"] = (503, "text/html", b"busy")

    class Try:  # what huey passes a job with context=True: the retries left
        def __init__(self, retries):
            self.retries = retries

    with pytest.raises(FetchError, match="HTTP 503"):
        jobs._fetch_source(cited, settings.database_url, task=Try(retries=2))  # huey will try again
    with session_scope(engine) as s:
        assert evidence.snapshots_of(s, cited) == []  # nothing kept yet
    jobs._fetch_source(
        cited, settings.database_url, task=Try(retries=0)
    )  # the last try: kept with its reason
    site.pages["/report"] = (404, "text/html", b"gone")
    jobs._fetch_source(
        cited, settings.database_url, task=Try(retries=2)
    )  # not worth retrying: kept at once
    with session_scope(engine) as s:
        kept = evidence.snapshots_of(s, cited)
    assert [k.error for k in kept] == ["the site answered HTTP 503", "the site answered HTTP 404"]
    assert _state(engine, cited) == "failed"
    assert jobs._fetch_source(cited, "sqlite:///another.db") is None  # not this desk's
    with session_scope(engine) as s:
        assert len(evidence.snapshots_of(s, cited)) == 2
    jobs.close()
