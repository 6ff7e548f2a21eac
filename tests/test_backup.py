"""`claims backup` and `claims restore`: a consistent copy made while the desk
writes, checked (schema, audit chain) when made and when read back."""

from __future__ import annotations

import shutil
import threading

import pytest
from click.testing import CliRunner
from sqlmodel import select

from claims_app.cli import main
from claims_app.db import is_sqlite, session_scope
from claims_app.models import AuditEvent, Comment
from claims_app.services import review
from tests.helpers import ingest_fixture, make_user, table_counts


def cli(database_url, *args):
    return CliRunner().invoke(main, list(args), env={"DATABASE_URL": database_url})


@pytest.fixture
def desk(engine, database_url):
    if not is_sqlite(database_url) and not shutil.which("pg_dump"):
        pytest.skip("pg_dump (postgresql-client) is not installed")
    ingest_fixture(engine)
    return make_user(engine, "amina", "reviewer")[1]


def comment(engine, actor, body: str) -> None:
    with session_scope(engine, write=True) as s:
        review.add_comment(s, 1, body=body, actor=actor)


def events(engine) -> int:
    with session_scope(engine) as s:
        return len(s.exec(select(AuditEvent.id)).all())


def test_backup_then_restore_brings_back_exactly_that_moment(desk, engine, database_url, tmp_path):
    comment(engine, desk, "before the backup")
    at_backup = table_counts(engine)
    made = cli(database_url, "backup", str(tmp_path / "desk.backup"))
    assert made.exit_code == 0, made.output
    assert f"{events(engine)} audit events, chain verifies" in made.output
    comment(engine, desk, "after the backup")
    assert table_counts(engine) != at_backup
    engine.dispose()  # the desk is stopped for a restore
    done = cli(database_url, "restore", str(tmp_path / "desk.backup"), "--yes")
    assert done.exit_code == 0, done.output
    assert "chain verifies" in done.output
    assert table_counts(engine) == at_backup
    with session_scope(engine) as s:
        assert [c.body for c in s.exec(select(Comment))] == ["before the backup"]


def test_a_backup_never_overwrites_and_a_restore_asks_first(desk, database_url, tmp_path):
    target = tmp_path / "desk.backup"
    target.write_bytes(b"an older backup")
    refused = cli(database_url, "backup", str(target))
    assert refused.exit_code == 1 and "exists already" in refused.output
    assert target.read_bytes() == b"an older backup"
    asked = cli(database_url, "restore", str(target))
    assert asked.exit_code == 2 and "--yes" in asked.output


def test_a_damaged_backup_is_refused_and_the_database_left_alone(desk, engine, database_url,
                                                                 tmp_path):  # fmt: skip
    backup = tmp_path / "desk.backup"
    assert cli(database_url, "backup", str(backup)).exit_code == 0
    data = bytearray(backup.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 4096] = b"\0" * 4096  # a torn copy
    backup.write_bytes(bytes(data))
    before = table_counts(engine)
    engine.dispose()
    done = cli(database_url, "restore", str(backup), "--yes")
    assert done.exit_code == 1 and "restore failed" in done.output
    assert table_counts(engine) == before


def test_a_backup_made_while_reviewers_write_is_consistent(desk, engine, database_url, tmp_path):
    stop, written = threading.Event(), []

    def write() -> None:
        while not stop.is_set():
            comment(engine, desk, f"comment {len(written)}")
            written.append(1)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        for i in range(3):
            made = cli(database_url, "backup", str(tmp_path / f"b{i}.backup"))
            assert made.exit_code == 0, made.output  # each one's chain verifies whole
    finally:
        stop.set()
        writer.join()
    assert written  # the writes really overlapped the backups
