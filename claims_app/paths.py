"""Where templates and migrations are, in a checkout and in an installed wheel.

In the repository they sit at the top level; the wheel carries them inside the
package (see [tool.hatch.build.targets.wheel.force-include] in pyproject.toml).
"""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent


def _first_existing(name: str) -> Path:
    inside = PACKAGE_DIR / name
    return inside if inside.is_dir() else REPO_DIR / name


TEMPLATES_DIR = _first_existing("templates")
MIGRATIONS_DIR = _first_existing("migrations")
STATIC_DIR = PACKAGE_DIR / "static"
