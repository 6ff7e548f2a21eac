"""Backups a person can restore, checked when they are made and when they are read back.

SQLite: the online backup API (`sqlite3.Connection.backup`) copies a consistent
snapshot of the live database, WAL included, while others keep writing; a plain
`cp` of a live file without its `-wal` file silently loses the latest
transactions (seen: 41 audit events). PostgreSQL: `pg_dump --format=custom`, a
consistent snapshot too, restored with `pg_restore`. Every backup and every
restore is then verified the way an auditor would: the database opens, its
schema is at this code's migration head, and the audit hash chain verifies.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from claims_app.db import is_sqlite, make_engine, session_scope
from claims_app.migrate import current_revisions, head_revisions
from claims_app.services.audit import ChainReport, verify_chain


class BackupError(RuntimeError):
    """A backup or restore could not be made or does not check out; the message says why."""


@dataclass(frozen=True)
class Checked:
    path: Path
    chain: ChainReport
    revision: str


def backup(database_url: str, path: Path) -> Checked:
    """Write a backup of the database to `path` (which must not exist) and check it."""
    if path.exists():
        raise BackupError(f"{path} exists already: choose a new file, a backup never overwrites")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        if is_sqlite(database_url):
            _sqlite_copy(_sqlite_file(database_url), path)
            return check(f"sqlite:///{path}", path)
        _run([_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(path),
              _libpq_url(database_url)])  # fmt: skip
        _run([_tool("pg_restore"), "--list", str(path)])  # the archive reads back
    except BaseException:
        path.unlink(missing_ok=True)  # never leave half a backup that looks whole
        raise
    # A PostgreSQL archive is checked whole only by restoring it (`claims restore`
    # into a scratch database); here: readable, and the chain it was taken from.
    return check(database_url, path)


def restore(path: Path, database_url: str) -> Checked:
    """Replace the database's contents with the backup at `path`, then check them.
    Stop the desk first: nobody may write while the database is replaced."""
    if not path.is_file():
        raise BackupError(f"no backup at {path}")
    if is_sqlite(database_url):
        check(f"sqlite:///{path}", path)  # refuse a damaged backup before touching anything
        _sqlite_copy(path, _sqlite_file(database_url))
    else:
        _run([_tool("pg_restore"), "--clean", "--if-exists", "--no-owner",
              "--single-transaction", "--dbname", _libpq_url(database_url), str(path)])  # fmt: skip
    return check(database_url, path)


def check(database_url: str, path: Path) -> Checked:
    if is_sqlite(database_url):
        _sqlite_intact(_sqlite_file(database_url))
    engine = make_engine(database_url)
    try:
        revisions = current_revisions(engine)
        if revisions != head_revisions(database_url):
            raise BackupError(f"the schema is at {sorted(revisions)}, not this version's head")
        with session_scope(engine) as session:
            chain = verify_chain(session)
    finally:
        engine.dispose()
    if not chain.ok:
        raise BackupError(f"the audit chain is broken at event {chain.broken_at}: {chain.problem}")
    return Checked(path, chain, ",".join(sorted(revisions)))


def _sqlite_intact(path: Path) -> None:
    """SQLite's own check of every page; a torn or damaged file fails it."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            answer = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} is not a readable SQLite database: {exc}") from None
    if answer != ["ok"]:
        raise BackupError(f"{path} is damaged: {'; '.join(answer[:3])}")


def _sqlite_copy(source: Path, target: Path) -> None:
    if not source.is_file():
        raise BackupError(f"no SQLite database at {source}")
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)  # page by page, a consistent snapshot, while others write
    finally:
        src.close()
        dst.close()


def _sqlite_file(database_url: str) -> Path:
    database = make_url(database_url).database
    if not database or database == ":memory:":
        raise BackupError("an in-memory database cannot be backed up")
    return Path(database)


def _libpq_url(database_url: str) -> str:
    """The URL for PostgreSQL's own tools: SQLAlchemy's driver suffix removed."""
    url = make_url(database_url)
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(f"{name} is not installed (Debian: apt-get install postgresql-client)")
    return found


def _run(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed: {done.stderr.strip()[-500:]}")
