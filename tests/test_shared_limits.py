"""Four gunicorn workers share one per-address login count when Redis holds it."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import uuid

import pytest
import requests

from claims_app.migrate import upgrade

REDIS_URL = os.environ.get("CLAIMS_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def _redis_answers() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_timeout=1).ping())
    except redis.RedisError:
        return False


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def four_workers(tmp_path):
    if not _redis_answers():
        pytest.skip(f"no Redis at {REDIS_URL} (.ci/run starts Debian's redis-server)")
    url = f"sqlite:///{tmp_path}/desk.db"
    upgrade(url)
    port = _free_port()
    env = os.environ | {
        "DATABASE_URL": url, "SECRET_KEY": uuid.uuid4().hex,
        "CLAIMS_RATELIMIT_STORAGE": REDIS_URL, "CLAIMS_LOGIN_RATE_LIMIT": "10 per minute",
        "CLAIMS_RATELIMIT_PREFIX": f"test-{uuid.uuid4().hex}",  # this run's own counts
    }  # fmt: skip
    claims = os.path.join(os.path.dirname(sys.executable), "claims")
    server = subprocess.Popen(
        [claims, "serve", "--port", str(port), "--workers", "4"], env=env,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            if requests.get(f"{base}/login", timeout=1).status_code == 200:
                break
        except requests.ConnectionError:
            time.sleep(0.2)
    else:
        server.kill()
        said = server.stdout.read().decode()[-2000:]
        server.stdout.close()
        pytest.fail("the server did not start: " + said)
    yield base
    server.terminate()
    server.wait(timeout=20)
    server.stdout.close()


def test_four_workers_share_one_count_per_address(four_workers):
    answers = []
    for i in range(14):
        with requests.Session() as client:  # a new connection each time: any worker takes it
            page = client.get(f"{four_workers}/login", headers={"Connection": "close"})
            token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
            answer = client.post(
                f"{four_workers}/login", headers={"Connection": "close"},
                data={"username": f"nobody{i}", "password": "wrong-password", "csrf_token": token},
            )  # fmt: skip
            answers.append(answer.status_code)
    assert answers == [401] * 10 + [429] * 4  # ten in a minute, whichever worker answers
