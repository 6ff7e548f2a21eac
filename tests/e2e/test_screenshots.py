"""The README's screenshots are made by a script from the demo pages: it must keep working."""

import os
import struct
import subprocess
import sys

import pytest

from tests.conftest import REPO
from tests.e2e.conftest import CHROMIUM

pytestmark = pytest.mark.e2e

SHOTS = ["queue.png", "workspace-before-verdict.png", "workspace-awaiting-approval.png",
         "workspace-after-approval.png", "history.png", "audit-log.png", "report.png"]  # fmt: skip


def test_the_screenshot_script_photographs_every_page_at_1400_px(tmp_path):
    env = os.environ | ({"CHROMIUM_PATH": CHROMIUM} if CHROMIUM else {})
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "screenshots.py"), "--out", str(tmp_path)],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    for name in SHOTS:
        png = (tmp_path / name).read_bytes()
        width, height = struct.unpack(">II", png[16:24])  # the PNG header's size
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and (width, height) == (1400, 900), name
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(SHOTS)
    for name in SHOTS:  # the README shows each of them
        assert f"docs/screenshots/{name}" in (REPO / "README.md").read_text()
