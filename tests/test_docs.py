"""The README is part of the product: it must name every command and event kind."""

import click

from claims_app.cli import main
from claims_app.services.audit import EVENT_MEANINGS, EventKind
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _command_paths(group: click.Group, prefix: str = "claims") -> list[str]:
    paths = []
    for name, command in group.commands.items():
        path = f"{prefix} {name}"
        if isinstance(command, click.Group):
            paths.extend(_command_paths(command, path))
        else:
            paths.append(path)
    return paths


def test_readme_documents_every_cli_command():
    missing = [p for p in _command_paths(main) if f"`{p}" not in README]
    assert missing == []


def test_readme_lists_every_audit_event_kind_with_its_meaning():
    for kind in EventKind:
        assert f"| `{kind.value}` | {EVENT_MEANINGS[kind]} |" in README


def test_readme_shows_the_two_commands():
    assert "make demo" in README and "make test" in README
