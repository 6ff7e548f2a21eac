"""The documents screen: what has been ingested, and each article's text."""

from __future__ import annotations

from flask import Blueprint, abort, render_template

from claims_app.db import request_session
from claims_app.services.catalogue import get_article, get_document, list_documents
from claims_app.web.extensions import htmx

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
    return render_template("documents/article.html", article=art, doc=doc)
