"""The `claims` command: parse arguments, call a service, print. Nothing more.

DATABASE_URL selects the database for every command (default: SQLite at
instance/claims.db).
"""

from __future__ import annotations

import json
import secrets
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import click
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from claims_app.config import Settings, write_secret
from claims_app.db import make_engine, session_scope
from claims_app.extraction.decode import SUPPORTED_SUFFIXES, PageError, read_page
from claims_app.extraction.page_claims import extract_page_guarded
from claims_app.figures import figure, figure_range
from claims_app.migrate import NotMigratedError, ensure_migrated, upgrade
from claims_app.models import utcnow
from claims_app.services import accounts, extraction, intake
from claims_app.services import backup as backups
from claims_app.services import incidents as incident_service
from claims_app.services.actors import Actor
from claims_app.services.audit import chain_head, verify_chain
from claims_app.services.catalogue import list_documents

PROGRESS_MIN_FILES = 5


@dataclass
class Context:
    settings: Settings
    _engine: Engine | None = field(default=None, repr=False)

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            _ensure_sqlite_dir(self.settings.database_url)
            self._engine = make_engine(self.settings.database_url)
        return self._engine

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def migrated_engine(self) -> Engine:
        try:
            ensure_migrated(self.engine)
        except NotMigratedError as exc:
            raise click.ClickException(str(exc)) from None
        return self.engine


def _ensure_sqlite_dir(url: str) -> None:
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)


pass_ctx = click.make_pass_decorator(Context)


@click.group()
@click.pass_context
def main(ctx: click.Context) -> None:
    """claims_app: verify the numbers in conflict and humanitarian reporting."""
    ctx.obj = Context(Settings.from_env())
    ctx.call_on_close(ctx.obj.close)


@main.group()
def db() -> None:
    """Database schema."""


@db.command("upgrade")
@pass_ctx
def db_upgrade(ctx: Context) -> None:
    """Create or migrate the database schema to the latest version."""
    _ensure_sqlite_dir(ctx.settings.database_url)
    upgrade(ctx.settings.database_url)
    click.echo("database is at the latest schema version")


# --- ingest -------------------------------------------------------------------


@dataclass
class IngestTally:
    documents: int = 0
    articles: int = 0
    claims: int = 0
    skipped: int = 0
    failed: int = 0

    def summary(self) -> str:
        return (
            f"documents: {self.documents} added, articles: {self.articles}, "
            f"claims: {self.claims}, skipped: {self.skipped}, failed: {self.failed}"
        )


def expand_paths(paths: tuple[str, ...]) -> Iterator[tuple[str, Path | None, str | None]]:
    """(label, file or None for stdin, error) for each input, folders walked in order."""
    for raw in paths:
        if raw == "-":
            yield "<stdin>", None, None
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and _supported(p))
            if not files:
                yield raw, None, "folder holds no .txt, .html or .htm files"
            for file in files:
                yield str(file), file, None
        elif path.is_file():
            yield raw, path, None
        else:
            yield raw, None, "no such file or folder"


def _supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def _read_input(label: str, path: Path | None, max_bytes: int) -> bytes:
    if path is None:
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        intake.check_size(path.stat().st_size, max_bytes)  # before reading a huge file
        data = path.read_bytes()
    intake.check_size(len(data), max_bytes)
    return data


def _ingest_one(
    ctx: Context, engine: Engine, label: str, path: Path | None, tally: IngestTally
) -> str | None:
    """Ingest one input; return a message to print."""
    try:
        data = _read_input(label, path, ctx.settings.max_file_bytes)
        # Read and extract first, then short transactions of inserts only: nobody
        # waits on the database while the page is read.
        prepared = intake.prepare(data, origin=label, max_bytes=ctx.settings.max_file_bytes)
        result = intake.store(engine, prepared, actor=Actor.cli())
    except (intake.IngestError, OSError) as exc:
        tally.failed += 1
        return f"error: {label}: {_reason(exc)}"
    except IntegrityError:
        # Someone ingested the same bytes between our check and our insert.
        tally.skipped += 1
        return f"skipped: {label}: already ingested"
    if not result.created and not result.resumed:
        tally.skipped += 1
        return f"skipped: {label}: already ingested as document {result.document.id}"
    tally.documents += 1
    tally.articles += result.articles
    tally.claims += result.claims
    if note := result.failure_note():
        tally.failed += 1  # stored, but not whole: the exit status says so
        return f"error: {label}: {note}"
    if result.resumed:
        return (f"completed: {label}: an earlier ingest of it was cut short; the rest of "
                f"document {result.document.id} is written now")  # fmt: skip
    return None


def _reason(exc: Exception) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--max-mb", type=float, default=None, help="Size limit per file (default 20).")
@pass_ctx
def ingest(ctx: Context, paths: tuple[str, ...], max_mb: float | None) -> None:
    """Ingest pages (.txt, .html, .htm files or folders; - for stdin)."""
    if max_mb is not None:
        ctx.settings = Settings(**{**ctx.settings.__dict__, "max_file_bytes": int(max_mb * 2**20)})
    engine = ctx.migrated_engine()
    inputs = list(expand_paths(paths))
    tally = IngestTally()
    show_bar = len(inputs) >= PROGRESS_MIN_FILES and sys.stderr.isatty()
    with click.progressbar(inputs, label="ingesting", file=sys.stderr, hidden=not show_bar) as bar:
        for label, path, error in bar:
            if error:
                tally.failed += 1
                message = f"error: {label}: {error}"
            else:
                message = _ingest_one(ctx, engine, label, path, tally)
            if message:
                click.echo(message, err=True)
    click.echo(tally.summary())
    if tally.failed:
        sys.exit(1)


# --- extract ------------------------------------------------------------------


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl")
@pass_ctx
def extract(ctx: Context, file: str, fmt: str) -> None:
    """Split a page and print its claims, without touching the database."""
    label = "<stdin>" if file == "-" else file
    try:
        data = _read_input(label, None if file == "-" else Path(file), ctx.settings.max_file_bytes)
        page = read_page(data, label)
    except (intake.IngestError, PageError, OSError) as exc:
        raise click.ClickException(f"{label}: {_reason(exc)}") from None
    claims, failures = extract_page_guarded(page.text, page.published_on, utcnow().date())
    for claim in claims:
        record = claim.as_record()
        if fmt == "jsonl":
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            click.echo(_table_row(record))
    for failure in failures:
        click.echo(
            f"error: {label}: claims could not be extracted from article "
            f"{failure.article_index} ({failure.error}); the other articles' claims are above",
            err=True,
        )
    if failures:
        sys.exit(1)


def _table_row(r: dict) -> str:
    value = figure_range(r["value"], r["value_max"], dash="-")
    return (
        f"{r['article_index']:3d} {r['kind']:<7} {value:>10} {r['qualifier'] or '':<9} "
        f"{r['category'] or '':<14} {r['event_date'] or '':<21} {(r['location'] or '')[:22]:<22} "
        f"{r['quote'][:60]}"
    )


# --- reextract ----------------------------------------------------------------


@main.command()
@click.option("--document", "document_ids", type=int, multiple=True, help="Only this document.")
@pass_ctx
def reextract(ctx: Context, document_ids: tuple[int, ...]) -> None:
    """Run the current extractor over stored articles, keeping reviewed claims."""
    tally = extraction.ReextractTally()
    engine = ctx.migrated_engine()
    with session_scope(engine) as session:
        ids = list(document_ids) or [d.id for d in list_documents(session)]
    for document_id in ids:
        extraction.reextract_stored_document(engine, document_id, actor=Actor.cli(), tally=tally)
    for failure in tally.failed:
        click.echo(
            f"error: document {failure.document_id} article {failure.position}: claims could "
            f"not be extracted ({failure.error}); its stored claims are unchanged",
            err=True,
        )
    click.echo(f"documents: {len(ids)}, {tally.summary()}")
    if tally.failed:
        sys.exit(1)


# --- incidents ----------------------------------------------------------------


@main.command()
@click.option("--conflicts", is_flag=True, help="Only incidents whose figures disagree.")
@click.option("--document", "document_id", type=int, default=None, help="With a report there.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table")
@click.option("--regroup", is_flag=True, help="First place every claim not in an incident yet.")
@pass_ctx
def incidents(
    ctx: Context, conflicts: bool, document_id: int | None, fmt: str, regroup: bool
) -> None:
    """List incidents reported more than once, with their claims and conflicts."""
    engine = ctx.migrated_engine()
    if regroup:
        placed = incident_service.regroup_stored(engine, actor=Actor.cli())
        click.echo(f"placed {placed} claims", err=True)
    with session_scope(engine) as session:
        found = incident_service.list_incidents(
            session, conflicts=conflicts, document_id=document_id
        )
    for view in found:
        click.echo(_incident_json(view) if fmt == "jsonl" else _incident_table(view))


def _incident_json(view) -> str:
    low_high = view.reported_range
    return json.dumps({
        "incident": view.id, "kind": view.kind, "place": view.place,
        "date_start": view.date_start.isoformat(), "date_end": view.date_end.isoformat(),
        "conflict": view.conflict,
        "range": None if low_high is None else [_plain(low_high[0]), _plain(low_high[1])],
        "claims": [{
            "id": c.id, "quote": c.quote, "value": _plain(c.value),
            "value_max": _plain(c.value_max), "qualifier": c.qualifier,
            "interval": c.interval, "location": c.location, "event_date": c.event_date,
            "attributed_to": c.attributed_to, "status": c.status, "document": c.document_id,
            "article": c.article_id, "conflict": c.figure_conflict, "why": c.reason,
        } for c in view.claims],
    }, ensure_ascii=False)  # fmt: skip


def _plain(value: float | None) -> int | float | None:
    """A figure as JSON writes it exactly: 26, not 26.0 (floats stay floats)."""
    if value is None:
        return None
    return int(value) if value == int(value) and abs(value) < 2**53 else value


def _incident_table(view) -> str:
    low_high = view.reported_range
    shown = "" if low_high is None else f"{figure(low_high[0])}–{figure(low_high[1])}"
    days = view.date_start.isoformat() + (
        "" if view.date_end == view.date_start else f"/{view.date_end.isoformat()}"
    )
    lines = [f"incident {view.id}: {view.kind}, {view.place}, {days}, reported {shown}"
             + ("  CONFLICT" if view.conflict else "")]  # fmt: skip
    for c in view.claims:
        mark = "!" if c.figure_conflict else " "
        lines.append(
            f"  {mark} claim {c.id:<6} {c.interval:<20} doc {c.document_id} art {c.article_id} "
            f"{(c.location or '')[:20]:<20} {c.event_date or '':<21} {c.quote[:50]}"
        )
    return "\n".join(lines)


# --- documents ----------------------------------------------------------------


@main.command()
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table")
@pass_ctx
def documents(ctx: Context, fmt: str) -> None:
    """List ingested documents with their articles."""
    with session_scope(ctx.migrated_engine()) as session:
        docs = list_documents(session)
    for doc in docs:
        if fmt == "jsonl":
            click.echo(json.dumps(doc.as_dict(), ensure_ascii=False))
            continue
        click.echo(f"#{doc.id}  {doc.origin}  ({len(doc.articles)} articles, {doc.media_type})")
        for a in doc.articles:
            date = a.published_on.isoformat() if a.published_on else "no date   "
            title = (a.title or a.preview)[:70]
            click.echo(
                f"  {a.position:3d}  {date}  {a.section or '-':<18.18}  {a.chars:6d}  {title}"
            )
            if a.extraction_error:
                click.echo(f"       claims could not be extracted: {a.extraction_error}")


# --- demo data ----------------------------------------------------------------


@main.command("demo-data")
@click.option("--articles", type=int, default=1000, show_default=True)
@click.option("--per-page", type=int, default=20, show_default=True)
@click.option(
    "--seed",
    type=int,
    default=1,
    show_default=True,
    help="Another seed gives other pages (the same seed's pages are already in).",
)
@pass_ctx
def demo_data(ctx: Context, articles: int, per_page: int, seed: int) -> None:
    """Generate synthetic bulletin pages and ingest them (to build large databases)."""
    import time

    from claims_app import synthetic

    engine = ctx.migrated_engine()
    start, added, found_articles, found_claims = time.perf_counter(), 0, 0, 0
    for name, text in synthetic.pages(articles, per_page=per_page, seed=seed):
        prepared = intake.prepare(text.encode("utf-8"), origin=name, max_bytes=2**26)
        result = intake.store(engine, prepared, actor=Actor.cli())
        added += result.created
        found_articles += result.articles
        found_claims += result.claims
    seconds = max(time.perf_counter() - start, 1e-9)
    click.echo(
        f"pages added: {added}, articles: {found_articles}, claims: {found_claims} in "
        f"{seconds:.1f} s ({found_articles / seconds:.0f} articles/s, "
        f"{found_claims / seconds:.0f} claims/s)"
    )


# --- export -------------------------------------------------------------------


@main.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "csv", "json", "claimreview"]),
    default="csv",
    show_default=True,
)
@click.option("--from", "date_from", default="", help="First date (YYYY-MM-DD).")
@click.option("--to", "date_to", default="", help="Last date (YYYY-MM-DD).")
@click.option(
    "--date-field",
    type=click.Choice(["article", "event"]),
    default="article",
    show_default=True,
    help="Which date --from/--to apply to.",
)
@click.option("--category", default="")
@click.option("--verdict", default="")
@click.option("--document", default="")
@click.option("--location", default="")
@click.option("--include-unapproved", is_flag=True, help="Also reviewed, not yet approved.")
@click.option("--bom", is_flag=True, help="CSV: start with a byte-order mark (for Excel).")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write here instead of standard output.",
)
@pass_ctx
def export(ctx: Context, fmt: str, output: Path | None, bom: bool, **filters) -> None:
    """Export the verified claims (approved verdicts unless told otherwise)."""
    from claims_app.services import exports, report

    filters["include_unapproved"] = "yes" if filters["include_unapproved"] else ""
    try:
        wanted = report.ReportFilter.from_args(filters)
    except report.ReportError as exc:
        raise click.ClickException(str(exc)) from None
    engine = ctx.migrated_engine()
    settings = Settings.from_env()
    context = exports.ExportContext(
        settings.base_url, settings.org_name, settings.org_url, public_url=settings.public_url
    )
    if fmt == "html":
        chunks = _html_report(engine, wanted, settings)
    else:
        chunks = exports.Export(engine, wanted, fmt, context, Actor.cli(), bom=bom).chunks()
    out = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        for chunk in chunks:
            out.write(chunk)
    finally:
        if output:
            out.close()


def _html_report(engine: Engine, wanted, settings: Settings) -> Iterator[str]:
    """The report page's print view, rendered as the web app renders it."""
    from flask import render_template

    from claims_app import create_app
    from claims_app.services import exports, report

    # Rendering only: no session is ever signed, so a throwaway key will do.
    app = create_app({"DATABASE_URL": settings.database_url, "SECRET_KEY": secrets.token_hex()})
    with app.test_request_context("/report", base_url=settings.base_url):
        items = list(report.iter_items(engine, wanted))
        summary = report.Summary()
        for item in items:
            summary.add(item)
        html = render_template(
            "report/standalone.html", wanted=wanted, summary=summary,
            chart=report.verdict_chart(summary), groups=report.group_items(items, wanted.group),
            labels=report.VERDICT_LABELS, verdicts=list(report.VERDICT_LABELS),
        )  # fmt: skip
    app.extensions["claims_engine"].dispose()
    exports.record_export(engine, Actor.cli(), "html", wanted, len(items), True)
    yield html


# --- audit --------------------------------------------------------------------


@main.group()
def audit() -> None:
    """The audit trail: verify the hash chain, print its head."""


@audit.command("verify")
@pass_ctx
def audit_verify(ctx: Context) -> None:
    """Walk every event and recompute the chain; exit 1 at the first mismatch."""
    with session_scope(ctx.migrated_engine()) as session:
        report = verify_chain(session)
    if report.ok:
        click.echo(f"ok: {report.count} events, chain unbroken, head {report.head}")
        return
    click.echo(
        f"BROKEN at event {report.broken_at}: {report.problem} "
        f"({report.count} events before it verified)",
        err=True,
    )
    sys.exit(1)


@audit.command("head")
@pass_ctx
def audit_head(ctx: Context) -> None:
    """Print the latest event's hash (publish it elsewhere to fix the trail in time)."""
    with session_scope(ctx.migrated_engine()) as session:
        click.echo(chain_head(session))


# --- backup -------------------------------------------------------------------


@main.command("backup")
@click.argument("path", type=click.Path(path_type=Path, dir_okay=False))
@pass_ctx
def backup_command(ctx: Context, path: Path) -> None:
    """Write a consistent backup of the database to PATH (a new file) and check it.

    SQLite: an online copy (WAL included) while the desk runs; PostgreSQL: pg_dump's
    custom format. Exits 1, leaving no file, if the backup cannot be made or checked."""
    ctx.migrated_engine()  # the schema is current: a backup of what this code reads
    try:
        done = backups.backup(ctx.settings.database_url, path)
    except backups.BackupError as exc:
        click.echo(f"backup failed: {exc}", err=True)
        sys.exit(1)
    click.echo(f"backup: {done.path} (schema {done.revision}; {done.chain.count} audit events, "
               f"chain verifies, head {done.chain.head})")  # fmt: skip


@main.command("restore")
@click.argument("path", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--yes", is_flag=True, help="Replace the database's contents (required).")
@pass_ctx
def restore_command(ctx: Context, path: Path, yes: bool) -> None:
    """Replace the database's contents with the backup at PATH, then check them.
    Stop the desk (and any worker) first."""
    if not yes:
        click.echo("restore replaces everything in the database: run again with --yes", err=True)
        sys.exit(2)
    try:
        done = backups.restore(path, ctx.settings.database_url)
    except backups.BackupError as exc:
        click.echo(f"restore failed: {exc}", err=True)
        sys.exit(1)
    click.echo(f"restored from {path} (schema {done.revision}; {done.chain.count} audit events, "
               f"chain verifies, head {done.chain.head})")  # fmt: skip


# --- users --------------------------------------------------------------------


@main.group()
def users() -> None:
    """Accounts."""


@users.command("add")
@click.argument("name")
@click.option("--role", required=True, help="reviewer, editor, auditor or admin")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@pass_ctx
def users_add(ctx: Context, name: str, role: str, password_stdin: bool) -> None:
    """Create an account."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        with session_scope(ctx.migrated_engine(), write=True) as session:
            accounts.create_user(
                session, username=name, password=password, role=role, actor=Actor.cli()
            )
    except accounts.AccountError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"created {role} {name}")


@users.command("list")
@pass_ctx
def users_list(ctx: Context) -> None:
    """Every account: name, role, whether it can log in."""
    with session_scope(ctx.migrated_engine()) as session:
        for user in accounts.list_users(session):
            state = "active" if user.active else "disabled"
            click.echo(f"{user.username:<24} {user.role:<9} {state}")


@users.command("set-role")
@click.argument("name")
@click.argument("role")
@pass_ctx
def users_set_role(ctx: Context, name: str, role: str) -> None:
    """Give an account another role."""
    _change_user(ctx, name, lambda s, u: accounts.set_role(s, u, role=role, actor=Actor.cli()))
    click.echo(f"{name} is now {role}")


@users.command("disable")
@click.argument("name")
@pass_ctx
def users_disable(ctx: Context, name: str) -> None:
    """Stop an account from logging in (its history stays)."""
    _change_user(ctx, name, lambda s, u: accounts.set_active(s, u, active=False, actor=Actor.cli()))
    click.echo(f"{name} is disabled")


@users.command("enable")
@click.argument("name")
@pass_ctx
def users_enable(ctx: Context, name: str) -> None:
    """Let a disabled account log in again."""
    _change_user(ctx, name, lambda s, u: accounts.set_active(s, u, active=True, actor=Actor.cli()))
    click.echo(f"{name} is enabled")


def _change_user(ctx: Context, name: str, change) -> None:
    try:
        with session_scope(ctx.migrated_engine(), write=True) as session:
            change(session, accounts.require_user(session, name))
    except accounts.AccountError as exc:
        raise click.ClickException(str(exc)) from None


@users.command("demo")
@pass_ctx
def users_demo(ctx: Context) -> None:
    """Create (or give a new password to) the demo login, and print it."""
    password = secrets.token_urlsafe(9)
    with session_scope(ctx.migrated_engine(), write=True) as session:
        accounts.ensure_demo_user(session, password=password, actor=Actor.cli())
    click.echo(
        f"demo logins: {accounts.DEMO_USERNAME} (editor) and {accounts.DEMO_REVIEWER} "
        f"(reviewer), password {password}"
    )


# --- sources and the worker --------------------------------------------------


@main.command()
@click.option("--workers", default=1, show_default=True, type=int, help="Jobs at once.")
@click.option(
    "--processes/--threads",
    default=False,
    show_default=True,
    help="Run jobs in processes (reading copies is CPU work: one per core) or threads.",
)
@pass_ctx
def worker(ctx: Context, workers: int, processes: bool) -> None:
    """Run the background worker: fetch and keep cited sources (CLAIMS_QUEUE_URL)."""
    from claims_app.worker import Worker

    ctx.migrated_engine().dispose()  # no connection of the parent's goes into a worker process
    where = ctx.settings.queue_url or f"{ctx.settings.instance_path / 'queue.db'} (SQLite)"
    click.echo(f"worker: taking jobs from {where}")
    Worker(ctx.settings).run(workers, kind="process" if processes else "thread")


@main.group()
def sources() -> None:
    """Cited sources and their kept copies."""


@sources.command("recheck")
@click.option(
    "--older-than",
    "days",
    type=float,
    default=30.0,
    show_default=True,
    help="Fetch again sources whose newest copy is older than this many days.",
)
@pass_ctx
def sources_recheck(ctx: Context, days: float) -> None:
    """Queue a fresh fetch of every source not fetched for DAYS (or never)."""
    from claims_app.services import evidence
    from claims_app.worker import Worker

    engine = ctx.migrated_engine()
    with session_scope(engine, write=True) as session:
        due = evidence.due_for_recheck(session, older_than_days=days)
        for source_id in due:
            evidence.request_fetch(session, source_id, actor=Actor.cli())
    jobs = Worker(ctx.settings)
    for source_id in due:  # after the commit: the worker reads the state written
        jobs.queue_fetch(source_id)
    click.echo(f"queued {len(due)} source fetches (a running `claims worker` takes them)")


# --- serve --------------------------------------------------------------------


@main.command("init-secret")
def init_secret() -> None:
    """Write a random secret key into the instance folder (kept if one is there)."""
    settings = Settings.from_env()
    path, created = write_secret(settings.instance_path)
    click.echo(f"{'wrote' if created else 'kept'} secret key in {path}")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--debug", is_flag=True, help="Reload on code changes; never on a public host.")
@click.option(
    "--workers",
    type=int,
    default=0,
    help="Serve with gunicorn and this many worker processes (0: the simple server).",
)
@pass_ctx
def serve(ctx: Context, host: str, port: int, debug: bool, workers: int) -> None:
    """Serve the web app."""
    from claims_app import create_app  # the web stack only when serving

    ctx.migrated_engine()
    try:
        app = create_app({"DEBUG": debug})
    except RuntimeError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"serving on http://{host}:{port}" + (f" with {workers} workers" if workers else ""))
    if workers > 0 and not debug:
        from claims_app.web.gunicorn import serve_with_gunicorn

        app.extensions["claims_engine"].dispose()  # each worker builds its own
        serve_with_gunicorn(host, port, workers)
        return
    app.run(host=host, port=port, debug=debug, use_reloader=debug)
