"""Adding a source in the desk asks for a kept copy: the job is queued only once the
source is stored; a refused form queues nothing."""

import hashlib
import io

from sqlmodel import select

from claims_app.db import session_scope
from claims_app.models import AuditEvent, Source, SourceSnapshot
from claims_app.worker import app_jobs
from tests.helpers import csrf_token, ingest_fixture, login, make_user
from tests.pdf_pages import pdf_with_pages


def _add(client, url):
    return client.post("/claims/1/sources", data={
        "csrf_token": csrf_token(client, "/claims/1"), "version": "1", "url": url,
        "title": "Report", "relation": "supports", "independent": "yes",
    }, headers={"HX-Request": "true"})  # fmt: skip


def test_a_source_added_in_the_desk_is_queued_for_fetching(app, client, engine):
    ingest_fixture(engine)
    make_user(engine, "amina", "reviewer")
    login(client, "amina")
    jobs = app_jobs(app)
    refused = _add(client, "ftp://example.org/report")
    assert refused.status_code == 422 and jobs.queue.pending_count() == 0
    added = _add(client, "https://example.org/report")
    assert added.status_code == 200 and "Kept copy: fetching" in added.get_data(as_text=True)
    assert jobs.queue.pending_count() == 1
    with session_scope(engine) as s:
        (source,) = s.exec(select(Source)).all()
    assert source.fetch_state == "queued"
    state = client.get(f"/claims/1/sources/{source.id}/copy-state")
    assert "every 2s" in state.get_data(as_text=True)  # polls until the worker answers
    assert client.get(f"/claims/1/sources/{source.id}/copy").status_code == 404  # none yet


def _upload(client, name, body, **fields):
    data = {"csrf_token": csrf_token(client, "/claims/1"), "version": "1", "url": "",
            "title": "Agency flash update", "relation": "supports", "independent": "yes",
            "file": (io.BytesIO(body), name), **fields}  # fmt: skip
    return client.post("/claims/1/sources", data=data, content_type="multipart/form-data",
                       headers={"HX-Request": "true"})  # fmt: skip


def test_an_uploaded_pdf_is_kept_read_and_searched_for_the_figure(app, client, engine):
    ingest_fixture(engine)  # claim 1: "at least 14 civilians" killed in Ebrimsa
    make_user(engine, "amina", "reviewer")
    login(client, "amina")
    pdf = pdf_with_pages("Flash update 4", "Fourteen civilians were killed in Ebrimsa.")
    answer = _upload(client, "flash-4.pdf", pdf)
    html = answer.get_data(as_text=True)
    assert answer.status_code == 200, html
    assert "Kept copy uploaded" in html and "uploaded file" in html
    assert "<mark>Fourteen civilians</mark>" in html
    assert "Fetch Agency flash update again" not in html  # a file has no address to fetch
    assert app_jobs(app).queue.pending_count() == 0
    with session_scope(engine) as s:
        (source,) = s.exec(select(Source)).all()
        (copy,) = s.exec(select(SourceSnapshot)).all()
        kinds = [e.kind for e in s.exec(select(AuditEvent).order_by(AuditEvent.id)).all()]
    assert (source.url, source.fetch_state) == ("", "fetched")
    assert (copy.file_name, copy.content_type, copy.sha256) == (
        "flash-4.pdf",
        "application/pdf",
        hashlib.sha256(pdf).hexdigest(),
    )
    assert kinds[-2:] == ["source.added", "source.uploaded"]
    page = client.get(f"/claims/1/sources/{source.id}/copy").get_data(as_text=True)
    assert "flash-4.pdf" in page and "<mark>Fourteen civilians</mark>" in page


def test_a_refused_upload_keeps_nothing_and_gives_back_what_was_typed(app, client, engine):
    ingest_fixture(engine)
    make_user(engine, "amina", "reviewer")
    login(client, "amina")
    answer = _upload(client, "photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF", publisher="Kiru OCHA")
    html = answer.get_data(as_text=True)
    assert answer.status_code == 422
    assert "photo.jpg is not a PDF, an HTML page or UTF-8 text; choose the file again" in html
    assert 'value="Agency flash update"' in html and 'value="Kiru OCHA"' in html
    with session_scope(engine) as s:
        assert s.exec(select(Source)).all() == [] and s.exec(select(SourceSnapshot)).all() == []
    neither = _upload(client, "", b"")  # no file and no address
    assert neither.status_code == 422
    assert "Source URL is required, or upload the source&#39;s file" in neither.get_data(
        as_text=True
    )
