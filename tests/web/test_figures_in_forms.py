"""A figure is sacred: the fields form renders every digit, and saving it changes only
what the person changed (the form once saved 1234570 for 1234567)."""

import lxml.html
import pytest
from sqlmodel import select

from claims_app.db import session_scope
from claims_app.models import AuditEvent, Claim
from tests.helpers import ingest_fixture, login, make_user, post

HX = {"HX-Request": "true"}


@pytest.fixture
def reviewer(client, engine):
    ingest_fixture(engine)
    make_user(engine, "amina", "reviewer")
    login(client, "amina")
    return client


def _set_figure(engine, value, value_max=None):
    with session_scope(engine) as s:
        claim = s.get(Claim, 1)
        claim.value, claim.value_max = value, value_max
        s.add(claim)


def _rendered_form(client) -> dict[str, str]:
    """The fields form as the browser would submit it untouched."""
    page = lxml.html.fromstring(client.get("/claims/1").get_data(as_text=True))
    (form,) = page.get_element_by_id("fields-panel").xpath(".//form")
    return dict(form.form_values())


def _edits(engine) -> list[AuditEvent]:
    with session_scope(engine) as s:
        return [e for e in s.exec(select(AuditEvent)).all() if e.kind == "claim.edited"]


@pytest.mark.parametrize("value", [0, 7, 0.5, 1_234_567, 2.6e9, 45.25, 4e6, 1_234_567.5])
def test_saving_the_form_unchanged_changes_nothing_and_records_nothing(reviewer, engine, value):
    _set_figure(engine, value, value * 2 if value else None)
    form = _rendered_form(reviewer)
    assert "e+" not in form["value"]  # never 1.23457e+06
    post(reviewer, "/claims/1/fields", form, headers=HX)
    with session_scope(engine) as s:
        claim = s.get(Claim, 1)
        assert (claim.value, claim.value_max) == (value, value * 2 if value else None)
    assert _edits(engine) == []


def test_correcting_only_the_place_records_only_the_place(reviewer, engine):
    _set_figure(engine, 1_234_567)
    form = _rendered_form(reviewer)
    assert form["value"] == "1234567"
    r = post(reviewer, "/claims/1/fields", {**form, "location": "Tarev"}, headers=HX)
    assert r.status_code == 200
    with session_scope(engine) as s:
        claim = s.get(Claim, 1)
        assert (claim.value, claim.location) == (1_234_567, "Tarev")
    (edit,) = _edits(engine)
    assert set(edit.after) == {"location"}
    assert "1,234,567" in reviewer.get("/claims").get_data(as_text=True)  # the queue shows it whole
