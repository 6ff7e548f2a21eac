"""Known vulnerabilities in the installed dependencies (pip-audit), for `make lint`.

Fails when pip-audit reports a vulnerability. When the vulnerability service
cannot be reached, or cannot answer for a package (some machines here see only
a package mirror), it says so, names how many packages went unchecked, and
does not fail: an unchecked audit is reported as unchecked, never as clean.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PIP_AUDIT = Path(sys.executable).with_name("pip-audit")


def main() -> int:
    run = subprocess.run(
        [str(PIP_AUDIT), "--skip-editable", "--progress-spinner", "off", "-f", "json"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    try:
        report = json.loads(run.stdout)
    except json.JSONDecodeError:
        print(f"pip-audit: could not run the audit (exit {run.returncode}): "
              f"{run.stderr.strip().splitlines()[-1:] or ['no output']}")  # fmt: skip
        return 0
    deps = report.get("dependencies", [])
    vulnerable = [d for d in deps if d.get("vulns")]
    unchecked = [d for d in deps if "skip_reason" in d]
    for dep in vulnerable:
        ids = ", ".join(v["id"] for v in dep["vulns"])
        print(f"pip-audit: {dep['name']} {dep['version']} has known vulnerabilities: {ids}")
    checked = len(deps) - len(unchecked)
    print(
        f"pip-audit: {checked} packages checked, {len(vulnerable)} vulnerable, "
        f"{len(unchecked)} unchecked (the vulnerability service had no answer for them)"
    )
    return 1 if vulnerable else 0


if __name__ == "__main__":
    sys.exit(main())
