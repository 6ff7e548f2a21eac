"""The claim workspace: the article with the claim in place, and one panel per task.

Each action posts to its own URL and gets back only its panel (htmx), plus
out-of-band updates of the status line and of every form's version field, so
the next action carries the version it was based on. Without JavaScript the
same forms post normally and are redirected back to the workspace.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from sqlmodel import select

from claims_app.db import request_session
from claims_app.evidence.uploads import MAX_UPLOAD_BYTES, Upload, UploadRefused, read_upload
from claims_app.models import (
    Claim,
    ClaimStatus,
    Confidence,
    Rating,
    Relation,
    User,
)
from claims_app.services import evidence, incident_review, review
from claims_app.services.catalogue import article_around
from claims_app.services.filters import is_id
from claims_app.services.incidents import get_incident
from claims_app.services.review import Forbidden, NotFound, ReviewError, StaleVersion
from claims_app.web.auth import current_actor, roles_required
from claims_app.web.extensions import htmx
from claims_app.web.highlight import segments
from claims_app.worker import app_jobs

bp = Blueprint("claims", __name__)
REVIEWER_ROLES = ("reviewer", "editor")
PANELS = ("fields", "sources", "verdict", "comments")


@bp.get("/claims/<int:claim_id>")
def workspace(claim_id: int) -> str:
    return render_template("claims/workspace.html", **_context(claim_id))


# What each panel shows beyond the claim itself. After an action only the
# changed panel is drawn again, so only its data is read (the whole workspace
# cost a quarter of a verdict's time under load).
_PANEL_DATA = {
    "sources": lambda session, claim_id: _sources_data(session, claim_id),
    "verdict": lambda session, claim_id: {
        "verdict": review.current_verdict(session, claim_id),
        "sent_back": review.last_sent_back(session, claim_id),
        "repeats": incident_review.exact_repeats(session, claim_id),
    },
    "comments": lambda session, claim_id: {"comments": review.comments(session, claim_id)},
    "fields": lambda session, claim_id: {"corrections": review.corrections(session, claim_id)},
}


def _sources_data(session, claim_id: int) -> dict[str, Any]:
    sources = review.active_sources(session, claim_id)
    copies = evidence.newest_copies(session, [s.id for s in sources])
    claim = session.get(Claim, claim_id)
    found = None
    if claim is not None:
        found = evidence.figures_in_copies(claim, copies, {s.id: s.published_on for s in sources})
    return {"sources": sources, "copies": copies, "found": found}


# The longest text each field takes, shown before submitting (maxlength, counters).
_LIMITS = review.LIMITS | {n: review.FIELD_LIMITS.get(n, 256) for n in review.TEXT_FIELDS}


def _context(claim_id: int, *, panel: str | None = None, **extra: Any) -> dict[str, Any]:
    """Everything the workspace shows, or with `panel` what that one panel needs."""
    session = request_session()
    claim = session.get(Claim, claim_id)
    if claim is None:
        abort(404)
    context = {
        "claim": claim,
        "users": {u.id: u.username for u in session.exec(select(User))},
        "ratings": [r.value for r in Rating],
        "relations": [r.value for r in Relation],
        "confidences": [c.value for c in Confidence],
        "qualifiers": review._QUALIFIERS,
        "categories": review._CATEGORIES,
        "closed": claim.status in (ClaimStatus.APPROVED.value, ClaimStatus.DISMISSED.value),
        "error": None,
        "error_field": None,
        "typed": {},
        "notice": None,
        "swap_oob": False,
        "limits": _LIMITS,
    }
    for name in [panel] if panel else _PANEL_DATA:
        context |= _PANEL_DATA[name](session, claim_id)
    if not panel:
        shown = article_around(session, claim.article_id, claim.start_offset, claim.end_offset)
        assert shown is not None  # foreign key
        first, last = shown.first, shown.last
        others = session.exec(
            select(Claim.id, Claim.start_offset, Claim.end_offset).where(
                Claim.article_id == claim.article_id,
                Claim.start_offset >= first,
                Claim.start_offset < last,
            )
        ).all()
        spans = [(i, s - first, e - first) for i, s, e in others if e <= last]
        context |= {
            "incident": get_incident(session, claim.incident_id) if claim.incident_id else None,
            "head": shown.head,
            "article": shown.head.article,
            "document": shown.head.document,
            "segments": segments(shown.text, spans, claim.id),
            "window": (first, last, shown.head.length),
        }
    return context | extra


def _version() -> int:
    raw = request.form.get("version", "")
    if not is_id(raw):
        abort(400, description="The form has no claim version: reload the page.")
    return int(raw)


def _act(claim_id: int, panel: str, action, *, done: str, after=None) -> Any:
    """Run one service action and answer with the panel it changed.

    Refusals answer with the same panel and the reason: 403 for a role, 409
    for a stale version (with the claim as it is now), 422 for a broken rule;
    the transaction is rolled back, so nothing of the refused action remains.
    A refused panel holds what the person typed (`typed`), the field at fault
    marked (`error_field`): nothing typed is lost to a refusal. A success says
    `done` in the workspace's status message; when it changed the claim's status,
    the other panels come along too, so controls that no longer apply go away.
    """
    session = request_session()
    status, error, error_field = 200, None, None
    before = session.get(Claim, claim_id)
    status_before = before.status if before is not None else None
    try:
        action(session)
        session.commit()
        if after is not None:
            after()  # work that must see the commit (a queued job reads what it wrote)
    except StaleVersion as exc:
        session.rollback()
        status, error = 409, str(exc)
    except Forbidden as exc:
        session.rollback()
        status, error = 403, str(exc)
    except NotFound:
        session.rollback()
        abort(404)
    except ReviewError as exc:
        session.rollback()
        status, error, error_field = 422, str(exc), exc.field
    if error is None and request.form.get("then") == "next":
        if (following := _take_next()) is not None:
            flash(f"{done} This is the next claim.", "info")
            return _go_to(url_for("claims.workspace", claim_id=following))
        done += " No new claims are left to take."
    if not htmx:
        flash(error or done, "error" if error else "info")
        return redirect(url_for("claims.workspace", claim_id=claim_id) + f"#{panel}-panel")
    typed = _typed() if status in (409, 422) else {}
    notice = None if error else done
    context = _context(claim_id, panel=panel, error=error, error_field=error_field, typed=typed,
                       notice=notice)  # fmt: skip
    page = render_template(f"claims/_{panel}.html", oob=True, **context)
    changed = session.get(Claim, claim_id).status != status_before
    for other in PANELS if changed and error is None else ():
        if other != panel:  # swapped in beside the answer, by id (hx-swap-oob)
            page += render_template(
                f"claims/_{other}.html", **_context(claim_id, panel=other, swap_oob=True)
            )
    return page, status


def _take_next() -> int | None:
    """ "Save and take next": the reviewer's next claim, taken (its own event)."""
    session = request_session()
    stale = timedelta(minutes=current_app.config["ASSIGNMENT_MINUTES"])
    claim = review.take_next(session, actor=current_actor(), older_than=stale)
    session.commit()
    return None if claim is None else claim.id


def _go_to(url: str) -> Any:
    """A new page: for htmx by HX-Redirect (a swap cannot change the page), else a redirect."""
    if not htmx:
        return redirect(url)
    answer = make_response("", 204)
    answer.headers["HX-Redirect"] = url
    return answer


def _typed() -> dict[str, str]:
    """What the person sent, to give back in the refused form (never the version or
    token: those come fresh from the claim as it is now)."""
    typed = {k: v for k, v in request.form.items() if k not in ("version", "csrf_token")}
    return typed | {"_action": request.endpoint}  # which of a panel's forms it came from


@bp.post("/claims/<int:claim_id>/fields")
@roles_required(*REVIEWER_ROLES)
def edit_fields(claim_id: int) -> Any:
    changes = {name: request.form.get(name, "") for name in review.EDITABLE_FIELDS
               if name in request.form}  # fmt: skip
    version = _version()
    return _act(claim_id, "fields", lambda s: review.edit_fields(
        s, claim_id, version=version, changes=changes, actor=current_actor()),
        done="Corrections saved.")  # fmt: skip


@bp.post("/claims/<int:claim_id>/sources")
@roles_required(*REVIEWER_ROLES)
def add_source(claim_id: int) -> Any:
    form = request.form
    version = _version()
    upload, refused = _uploaded_file()  # read (a PDF parsed) before any write begins

    added: list[int] = []

    def run(s):
        if refused:
            raise ReviewError(refused, field="file")
        source = review.SourceInput(
            url=form.get("url", ""), title=form.get("title", ""), publisher=form.get("publisher"),
            published_on=_date(form.get("published_on", ""), "Published on"),
            excerpt=form.get("excerpt"), archive_url=form.get("archive_url"),
            relation=form.get("relation", ""), independent=form.get("independent") == "yes",
            uploaded=upload is not None,
        )  # fmt: skip
        row = review.add_source(s, claim_id, version=version, source=source, actor=current_actor())
        if upload is not None:  # the file is the kept copy; an address given is not fetched
            evidence.keep_upload(s, row.id, upload, actor=current_actor())
        else:
            evidence.request_fetch(s, row.id, actor=current_actor())  # a copy is kept of each
            added.append(row.id)

    def queue_fetch():
        jobs = app_jobs(current_app)
        for source_id in added:
            jobs.queue_fetch(source_id)

    return _act(claim_id, "sources", run, done="Source added.", after=queue_fetch)


def _uploaded_file() -> tuple[Upload | None, str | None]:
    """The source file the form carries, read, or why it cannot be kept."""
    sent = request.files.get("file")
    if sent is None or not sent.filename:
        return None, None
    try:
        data = sent.stream.read(MAX_UPLOAD_BYTES + 1)
        return read_upload(sent.filename, data, received=date.today()), None
    except UploadRefused as exc:
        return None, f"{exc}; choose the file again"


def _date(raw: str, label: str) -> date | None:
    raw = raw.strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise ReviewError(
            f"{label} must be a date (YYYY-MM-DD), not {raw!r}", field="published_on"
        ) from None


@bp.post("/claims/<int:claim_id>/sources/<int:source_id>/remove")
@roles_required(*REVIEWER_ROLES)
def remove_source(claim_id: int, source_id: int) -> Any:
    version, reason = _version(), request.form.get("reason", "")
    return _act(claim_id, "sources", lambda s: review.remove_source(
        s, source_id, version=version, reason=reason, actor=current_actor()),
        done="Source removed.")  # fmt: skip


@bp.post("/claims/<int:claim_id>/verdict")
@roles_required(*REVIEWER_ROLES)
def give_verdict(claim_id: int) -> Any:
    form, version = request.form, _version()
    verdict = review.VerdictInput(
        rating=form.get("rating", ""), rationale=form.get("rationale", ""),
        confidence=form.get("confidence", ""), verified_value=form.get("verified_value"),
        verified_value_max=form.get("verified_value_max"),
    )  # fmt: skip
    return _act(claim_id, "verdict", lambda s: review.give_verdict(
        s, claim_id, version=version, verdict=verdict, actor=current_actor()),
        done="Verdict saved: it now waits for an editor's approval.")  # fmt: skip


@bp.post("/claims/<int:claim_id>/verdict/repeat")
@roles_required(*REVIEWER_ROLES)
def repeat_verdict(claim_id: int) -> Any:
    """The same verdict for the exact repeats the person ticked (offered, never applied
    unasked); each gets its own audited verdict and still needs approval."""
    targets = [int(t) for t in request.form.getlist("claims") if is_id(t)]
    done = f"Same verdict given to {len(targets)} more reports: each waits for approval."
    return _act(claim_id, "verdict", lambda s: incident_review.repeat_verdict(
        s, claim_id, targets, actor=current_actor()), done=done)  # fmt: skip


@bp.post("/claims/<int:claim_id>/approve")
@roles_required("editor")
def approve(claim_id: int) -> Any:
    version = _version()
    return _act(claim_id, "verdict", lambda s: review.approve(
        s, claim_id, version=version, actor=current_actor()), done="Approved.")  # fmt: skip


@bp.post("/claims/<int:claim_id>/send-back")
@roles_required("editor")
def send_back(claim_id: int) -> Any:
    version, reason = _version(), request.form.get("reason", "")
    return _act(claim_id, "verdict", lambda s: review.send_back(
        s, claim_id, version=version, reason=reason, actor=current_actor()),
        done="Sent back to its reviewer.")  # fmt: skip


@bp.post("/claims/<int:claim_id>/dismiss")
@roles_required(*REVIEWER_ROLES)
def dismiss(claim_id: int) -> Any:
    version, reason = _version(), request.form.get("reason", "")
    return _act(claim_id, "verdict", lambda s: review.dismiss(
        s, claim_id, version=version, reason=reason, actor=current_actor()),
        done="Dismissed.")  # fmt: skip


@bp.post("/claims/<int:claim_id>/reopen")
@roles_required(*REVIEWER_ROLES)
def reopen(claim_id: int) -> Any:
    version, reason = _version(), request.form.get("reason", "")
    return _act(claim_id, "verdict", lambda s: review.reopen(
        s, claim_id, version=version, reason=reason, actor=current_actor()),
        done="Reopened: back in review.")  # fmt: skip


@bp.post("/claims/<int:claim_id>/comments")
@roles_required(*REVIEWER_ROLES)
def add_comment(claim_id: int) -> Any:
    body = request.form.get("body", "")
    return _act(claim_id, "comments", lambda s: review.add_comment(
        s, claim_id, body=body, actor=current_actor()), done="Comment added.")  # fmt: skip
