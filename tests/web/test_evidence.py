"""Adding a source in the desk asks for a kept copy: the job is queued only once the
source is stored; a refused form queues nothing."""

from sqlmodel import select

from claims_app.db import session_scope
from claims_app.models import Source
from claims_app.worker import app_jobs
from tests.helpers import csrf_token, ingest_fixture, login, make_user


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
