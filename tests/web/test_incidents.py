"""Incidents on the desk: the workspace panel, the incident page and list."""

from __future__ import annotations

import re
from html import unescape

import pytest
from sqlmodel import select

from claims_app.db import session_scope
from claims_app.models import Claim
from tests.helpers import login, make_user
from tests.services.test_incidents import ingest


@pytest.fixture
def desk(client, engine):
    ingest(engine, "flash.txt", "brief.txt", "digest.txt")
    make_user(engine, "amina", "reviewer")
    login(client, "amina")
    with session_scope(engine) as s:
        return client, {c.quote: c for c in s.exec(select(Claim))}


def text_of(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_both_workspaces_show_the_conflict_and_the_other_report(desk):
    client, c = desk
    for mine, other in (("Dozens of civilians", "Seven civilians"),
                        ("Seven civilians", "Dozens of civilians")):  # fmt: skip
        page = client.get(f"/claims/{c[mine].id}").get_data(as_text=True)
        panel = text_of(page.split('id="incident-panel"', 1)[1].split("</section>", 1)[0])
        assert "Other reports of this incident" in page
        assert "Figures disagree:" in panel and "reported 7–24" in panel
        assert f"“{other}”" in panel or other in panel
        assert f'href="/claims/{c[other].id}"' in page
        assert "this claim" in panel


def test_the_incident_page_lists_reports_range_and_why(desk):
    client, c = desk
    incident = c["Seven civilians"].incident_id
    page = text_of(client.get(f"/incidents/{incident}").get_data(as_text=True))
    assert f"Incident {incident}: killed, Saraqib, 2020-02-11" in page
    assert "Reported 7–24 (3 reports)" in page and "disagree" in page
    assert "Pages 3" in page
    assert "place 'Saraqib' contains 'central Saraqib'" in page
    listed = text_of(client.get("/incidents?conflicts=1").get_data(as_text=True))
    assert f"Incident {incident}" in listed and "7–24" in listed
    assert client.get("/incidents/99999").status_code == 404


def test_a_claim_reported_once_says_so(desk):
    client, c = desk
    page = client.get(f"/claims/{c['Three civilians'].id}").get_data(as_text=True)
    assert "No other report of it yet." in page and "Figures disagree" not in page


def test_the_queue_filters_conflicting_figures_and_counts_them(desk):
    client, c = desk
    page = client.get("/claims?conflict=1").get_data(as_text=True)
    shown = {int(i) for i in re.findall(r'data-href="/claims/(\d+)"', page)}
    assert shown == {c[q].id for q in ("Dozens of civilians", "Seven civilians", "7 people")}
    assert re.search(r'Conflicting figures <span class="count">3</span>', page)
    assert 'id="queue-conflict" name="conflict" value="1" checked' in page
    refused = client.get("/claims?conflict=yes")
    assert refused.status_code == 400 and "conflicting figures" in refused.get_data(as_text=True)


@pytest.fixture
def judged(desk, engine):
    """Both reports of the strike judged and approved; the next day's count too."""
    from claims_app.services.review import SourceInput, VerdictInput
    from tests.helpers import judge, make_users

    client, c = desk
    people = make_users(engine, {"rev": "reviewer", "edi": "editor"})
    record = SourceInput(url="https://example.org/register", title="Register", independent=True)
    for quote in ("Dozens of civilians", "Seven civilians", "Three civilians"):
        judge(engine, c[quote].id, reviewer=people["rev"], sources=[record],
              verdict=VerdictInput("needs_context", "Reports differ."),
              approver=people["edi"])  # fmt: skip
    return client, c


def test_every_export_carries_the_incident_and_its_range(judged):
    import csv
    import io
    import json

    client, c = judged
    rows = {int(r["claim_id"]): r for r in csv.DictReader(io.StringIO(
        client.get("/report.csv").get_data(as_text=True)))}  # fmt: skip
    seven, three = rows[c["Seven civilians"].id], rows[c["Three civilians"].id]
    assert seven["incident_id"] == str(c["Seven civilians"].incident_id)
    assert (seven["incident_low"], seven["incident_high"], seven["figure_conflict"]) == (
        "7", "24", "yes")  # fmt: skip
    assert three["incident_id"] and three["incident_low"] == three["incident_high"] == "3"
    records = {r["id"]: r for r in json.loads(client.get("/report.json").get_data())["claims"]}
    assert records[c["Dozens of civilians"].id]["incident"] == {
        "id": c["Dozens of civilians"].incident_id, "reported_low": 7, "reported_high": 24,
        "figure_conflict": True}  # fmt: skip
    reviews = json.loads(client.get("/report.claimreview").get_data())
    seven = f"/claims/{c['Seven civilians'].id}"
    about = [r["itemReviewed"]["about"] for r in reviews if r["url"].endswith(seven)]
    assert about == [{"@type": "Event", "identifier":
                      f"incident-{c['Seven civilians'].incident_id}",
                      "description": "reported as 7 to 24"}]  # fmt: skip


def test_the_report_names_the_incident_and_groups_by_it_on_request(judged):
    client, c = judged
    strike = c["Seven civilians"].incident_id
    page = text_of(client.get("/report?group=incident").get_data(as_text=True))
    assert f"Incident {strike}: reported 7–24 · this figure disagrees with another report" in page
    heads = re.findall(r'<h2>(Incident \d+)</h2>', client.get("/report?group=incident")
                       .get_data(as_text=True))  # fmt: skip
    assert heads[0] == f"Incident {strike}" and len(heads) == 2


def test_split_and_merge_from_the_incident_page_with_the_history(desk, engine):
    from tests.helpers import post

    client, c = desk
    strike = c["Seven civilians"].incident_id
    dozens = str(c["Dozens of civilians"].id)
    answer = post(client, f"/incidents/{strike}/split", {"claim": dozens, "reason": "elsewhere"})
    assert answer.status_code == 302
    with session_scope(engine) as s:
        alone = s.get(Claim, c["Dozens of civilians"].id).incident_id
    assert alone != strike
    answer = post(client, f"/incidents/{strike}/merge", {"other": str(alone), "reason": ""})
    assert answer.status_code == 422
    page = answer.get_data(as_text=True)
    assert "say why" in page and f'value="{alone}"' in page  # what was typed comes back
    answer = post(client, f"/incidents/{strike}/merge",
                  {"other": str(alone), "reason": "the same market after all"})  # fmt: skip
    assert answer.status_code == 302
    page = text_of(client.get(f"/incidents/{strike}").get_data(as_text=True))
    assert f"split out of incident {strike} into {alone}: elsewhere" in page
    assert f"incident {alone} merged in (claims {c['Dozens of civilians'].id}): the same" in page
    assert "the marked figures cannot all be true" in page  # dozens is back beside seven
    gone = text_of(client.get(f"/incidents/{alone}").get_data(as_text=True))
    assert f"Merged into incident {strike}" in gone
