"""axe-core (Deque's accessibility engine, bundled by axe-playwright-python) in the test's page."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

_AXE = Axe()
SERIOUS = ("serious", "critical")


def serious_violations(page) -> list[str]:
    """One line per serious or critical violation on the page as it is now."""
    results = _AXE.run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in SERIOUS
    ]


def assert_accessible(page) -> None:
    found = serious_violations(page)
    assert not found, f"{page.url}: " + "; ".join(found)
