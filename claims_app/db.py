"""Engine and sessions: one engine per app or command, one session per request.

SQLite is the embedded default and gets WAL (readers never wait for the
writer), foreign keys (off by default in SQLite!) and a busy timeout. pysqlite
also delays BEGIN until the first write, which breaks read-then-write
transactions; we take over BEGIN ourselves, as SQLAlchemy's docs advise, and
writers ask for BEGIN IMMEDIATE so that two writers queue instead of one
failing half-way.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress

from sqlalchemy import Engine, create_engine, event, exc, text
from sqlalchemy.engine import make_url
from sqlmodel import Session

SQLITE_BUSY_TIMEOUT_MS = 10_000
_WRITE_OPTION = "claims_write"


def is_sqlite(engine_or_url: Engine | str) -> bool:
    url = engine_or_url.url if isinstance(engine_or_url, Engine) else make_url(engine_or_url)
    return url.get_backend_name() == "sqlite"


def make_engine(url: str) -> Engine:
    if is_sqlite(url):
        return _sqlite_engine(url)
    return create_engine(url, pool_pre_ping=True)


def _sqlite_engine(url: str) -> Engine:
    in_memory = make_url(url).database in (None, "", ":memory:")
    engine = create_engine(
        url,
        # Pooled (SQLAlchemy's default for a file): a connection serves one thread
        # at a time, and stays open. Closing the last one makes SQLite fold the
        # WAL back into the database, 14 ms that each request or page paid.
        connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (see module doc)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        if not in_memory:
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            # 64 MiB of page cache (the default is 2 MiB): a large database's
            # indexes stay in memory, and a page's bulk insert does not spill.
            cur.execute("PRAGMA cache_size=-65536")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        write = conn.get_execution_options().get(_WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def writer(engine: Engine) -> Engine:
    """The same engine, flagged so its transactions take the write lock up front."""
    return engine.execution_options(**{_WRITE_OPTION: True})


@contextmanager
def session_scope(engine: Engine, *, write: bool = False) -> Iterator[Session]:
    """A unit of work: commit once at the end, roll back everything on error."""
    with Session(writer(engine) if write else engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


# --- Flask glue: one session per request, committed once by the view ---------


def init_app(app) -> None:
    from flask import g

    engine = make_engine(app.config["DATABASE_URL"])
    app.extensions["claims_engine"] = engine

    @app.teardown_appcontext
    def _close_session(_exc: BaseException | None) -> None:
        session = g.pop("claims_session", None)
        if session is not None:
            close_session(session)


def close_session(session: Session) -> None:
    """End a request's session even if its connection died since its last statement.

    Closing rolls back what is open; on a connection the server has dropped (a
    database restart between the page's reads and the end of the request) that
    rollback raises, after every error handler, and the server answered its own
    bare 500. The transaction is gone with the connection, which SQLAlchemy has
    invalidated so the pool replaces it; the answer already made stands.
    """
    with suppress(exc.OperationalError, exc.InterfaceError):
        session.close()


def request_session() -> Session:
    """The current request's session; write requests take the write lock up front."""
    from flask import current_app, g, request

    if "claims_session" not in g:
        engine = current_app.extensions["claims_engine"]
        write = request.method not in ("GET", "HEAD", "OPTIONS")
        g.claims_session = Session(writer(engine) if write else engine, expire_on_commit=False)
    return g.claims_session


# --- bulk writes and maintenance --------------------------------------------------


def draw_ids(session: Session, table: str, n: int) -> list[int]:
    """Ids for n new rows of `table`, known before they are inserted, so the rows go
    in as one executemany: asked to return ids in order, SQLite's driver inserted
    them a statement per row (a fifth of ingest time).
    PostgreSQL: drawn from the id sequence, as an INSERT would (safe alongside
    other writers). SQLite: after the highest, as an INSERT would; the caller's
    transaction holds the write lock (BEGIN IMMEDIATE, above), so no one else
    can take them meanwhile. `table` is one of the app's own names, never input."""
    if session.get_bind().dialect.name == "postgresql":
        draw = text(
            f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, :n)"
        )
        return sorted(session.execute(draw, {"n": n}).scalars())
    highest = session.execute(text(f"SELECT max(id) FROM {table}")).scalar() or 0
    return list(range(highest + 1, highest + 1 + n))


# The tables a page fills. Planned with the statistics of the table before a large
# page (an empty one: "1 row"), the queue filtered to a new 100,000-claim page read
# all of them and sorted: 330 ms p95 instead of 20; and until the new rows are
# vacuumed, no count is an index-only scan. Autovacuum does both within a minute
# or so when it is on (its default), but reviewers open a large page at once, and
# some servers run with it off (this one did).
FILLED_TABLES = "claims, articles, place_names, incidents"


def refresh_statistics(engine: Engine) -> None:
    """VACUUM (ANALYZE) the tables a page fills, on PostgreSQL (SQLite's plans here
    assume no statistics, see services/queue.py). Outside any transaction; it
    blocks no reader or writer, only another vacuum of the same tables."""
    if engine.dialect.name != "postgresql":
        return
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f"VACUUM (ANALYZE) {FILLED_TABLES}"))
