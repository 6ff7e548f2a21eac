"""The documents screen: what has been ingested, and each article's text."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from claims_app.db import request_session
from claims_app.models import Claim
from claims_app.services import intake
from claims_app.services.catalogue import get_article, get_document, list_documents
from claims_app.web.auth import current_actor, roles_required
from claims_app.web.extensions import htmx
from claims_app.web.highlight import segments

bp = Blueprint("documents", __name__)


@bp.get("/documents")
def index() -> str:
    docs = list_documents(request_session())
    return render_template("documents/index.html", documents=docs)


@bp.get("/documents/<int:document_id>")
def detail(document_id: int) -> str:
    doc = get_document(request_session(), document_id)
    if doc is None:
        abort(404)
    if htmx:  # only the list is swapped in; the full page keeps working without JS
        return render_template("documents/_articles.html", doc=doc)
    return render_template("documents/detail.html", doc=doc)


@bp.get("/articles/<int:article_id>")
def article(article_id: int) -> str:
    found = get_article(request_session(), article_id)
    if found is None:
        abort(404)
    art, doc = found
    session = request_session()
    claims = session.exec(
        select(Claim.id, Claim.start_offset, Claim.end_offset, Claim.status)
        .where(Claim.article_id == art.id)
        .order_by(Claim.start_offset)
    ).all()
    cut = segments(art.body, [(c.id, c.start_offset, c.end_offset) for c in claims])
    statuses = {c.id: c.status for c in claims}
    return render_template("documents/article.html", article=art, doc=doc, segments=cut,
                           statuses=statuses, claim_count=len(claims))  # fmt: skip


@bp.post("/documents/upload")
@roles_required("reviewer", "editor")
def upload() -> Any:
    """Each file on its own: a bad one is reported and leaves nothing behind, the
    others still land; a page whose earlier upload was cut short is completed."""
    files = [f for f in request.files.getlist("files") if f.filename]
    if not files:
        flash("Choose one or more .txt or .html files first.", "error")
        return redirect(url_for("documents.index"))
    session = request_session()
    # The login check has opened this request's transaction (and, on SQLite, taken
    # the write lock): end it, read and extract every file with no transaction
    # open, then write each in short transactions of inserts.
    session.rollback()
    actor, limit = current_actor(), current_app.config["MAX_FILE_BYTES"]
    prepared: list[tuple[str, intake.PreparedPage | intake.IngestError]] = []
    for file in files:
        name = file.filename or "upload"
        try:
            prepared.append((name, intake.prepare(file.read(), origin=name, max_bytes=limit)))
        except intake.IngestError as exc:
            prepared.append((name, exc))
    engine = current_app.extensions["claims_engine"]
    for name, page in prepared:
        if isinstance(page, intake.IngestError):
            flash(f"{name}: not added: {page}", "error")
            continue
        try:  # short transactions of its own (intake.store), none held meanwhile
            result = intake.store(engine, page, actor=actor)
            doc_id = result.document.id
        except IntegrityError:  # the same bytes, stored by someone meanwhile
            flash(f"{name}: already here; nothing added.", "info")
            continue
        if result.created or result.resumed:
            done = "completed (an earlier upload was cut short)" if result.resumed else "added"
            flash(f"{name}: {done}, {result.articles} articles, {result.claims} claims.", "info")
            if note := result.failure_note():
                flash(f"{name}: {note}.", "error")
        else:
            flash(f"{name}: already here as document {doc_id}; nothing added.", "info")
    return redirect(url_for("documents.index"))
