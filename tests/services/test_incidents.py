"""Figures grouped into incidents as pages arrive, with reasons, and conflicts flagged."""

from __future__ import annotations

import pytest
from sqlmodel import select

from claims_app.db import session_scope
from claims_app.models import AuditEvent, Claim, Incident
from claims_app.services import intake
from claims_app.services.actors import Actor
from claims_app.services.audit import verify_chain

PAGES = {  # three reports, by three hands, of the strike on Saraqib market and its week
    "flash.txt": "Flash update, 12 February 2020\n\nDozens of civilians were killed in an "
    "airstrike on a market in Saraqib on 11 February, local medics said.\n",
    "brief.txt": "Daily brief, 13 February 2020\n\nSeven civilians were killed in an airstrike "
    "on a market in Saraqib on 11 February, the health directorate said. Three civilians "
    "were killed in shelling in Saraqib on 12 February, it added.\n",
    "digest.txt": "Weekly digest, 14 February 2020\n\nSince 1 December, at least 300 civilians "
    "have been killed in Saraqib, the monitoring group said. In central Saraqib, 7 people "
    "were killed on 11 February.\n",
}


def ingest(engine, *names):
    for name in names:
        prepared = intake.prepare(PAGES[name].encode(), origin=name, max_bytes=2**20)
        intake.store(engine, prepared, actor=Actor.cli())


def by_quote(engine) -> dict[str, Claim]:
    with session_scope(engine) as s:
        return {c.quote: c for c in s.exec(select(Claim))}


def test_reports_of_one_strike_share_an_incident_and_their_figures_conflict(engine):
    ingest(engine, "flash.txt", "brief.txt", "digest.txt")
    c = by_quote(engine)
    strike = c["Dozens of civilians"].incident_id
    assert strike is not None
    assert c["Seven civilians"].incident_id == strike == c["7 people"].incident_id
    assert c["Seven civilians"].incident_reason == (
        "same kind (killed), place 'Saraqib' = 'Saraqib', dates 2020-02-11 = 2020-02-11"
    )
    assert c["7 people"].incident_reason.endswith(
        "place 'Saraqib' contains 'central Saraqib', dates 2020-02-11 = 2020-02-11"
    )
    # "dozens" cannot be seven: both flagged; the two sevens agree with each other
    assert c["Dozens of civilians"].figure_conflict and c["Seven civilians"].figure_conflict
    assert c["7 people"].figure_conflict
    # the next day, and a running total since December, are other incidents
    assert c["Three civilians"].incident_id not in (None, strike)
    assert c["at least 300 civilians"].incident_id not in (None, strike)
    assert not c["Three civilians"].figure_conflict
    with session_scope(engine) as s:
        assert s.get(Incident, strike).conflict
        grouped = s.exec(select(AuditEvent).where(AuditEvent.kind == "claim.grouped")).all()
        assert len(grouped) == 5 and verify_chain(s).ok
        assert {e.claim_id for e in grouped} == {x.id for x in c.values()}


def test_agreeing_reports_share_an_incident_without_a_conflict(engine):
    ingest(engine, "brief.txt", "digest.txt")
    c = by_quote(engine)
    assert c["Seven civilians"].incident_id == c["7 people"].incident_id
    assert not any(x.figure_conflict for x in c.values())


@pytest.mark.parametrize("order", [("flash.txt", "brief.txt"), ("brief.txt", "flash.txt")])
def test_the_grouping_does_not_depend_on_which_page_came_first(engine, order):
    ingest(engine, *order)
    c = by_quote(engine)
    assert c["Dozens of civilians"].incident_id == c["Seven civilians"].incident_id
    assert c["Dozens of civilians"].figure_conflict and c["Seven civilians"].figure_conflict


# --- a person's decisions ------------------------------------------------------------


@pytest.fixture
def people(engine):
    from tests.helpers import make_users

    return make_users(engine, {"amina": "reviewer", "ed": "editor", "audrey": "auditor"})


def act(engine, fn, *args, **kwargs):
    with session_scope(engine, write=True) as s:
        return fn(s, *args, **kwargs)


def test_splitting_a_claim_out_is_audited_and_survives_regrouping(engine, people):
    from claims_app.services import extraction, incident_review

    ingest(engine, "flash.txt", "brief.txt", "digest.txt")
    c = by_quote(engine)
    strike = c["Dozens of civilians"].incident_id
    alone = act(engine, incident_review.split_claim, c["Dozens of civilians"].id,
                reason="a different market", actor=people["amina"])  # fmt: skip
    c = by_quote(engine)
    assert c["Dozens of civilians"].incident_id == alone.id != strike
    assert c["Dozens of civilians"].incident_pinned
    assert c["Dozens of civilians"].incident_reason == "split out by amina: a different market"
    # the sevens agree with each other now; the split claim conflicts with nothing
    assert not any(c[q].figure_conflict for q in c)
    with session_scope(engine) as s:
        event = s.exec(select(AuditEvent).where(AuditEvent.kind == "claim.split_out")).one()
        assert event.claim_id == c["Dozens of civilians"].id and event.actor == "amina"
        assert event.before == {"incident_id": strike}
        assert not s.get(Incident, strike).conflict
    # re-extraction and a later page never put it back
    with session_scope(engine, write=True) as s:
        extraction.reextract_document(s, 1, actor=Actor.cli(), tally=extraction.ReextractTally())
    assert by_quote(engine)["Dozens of civilians"].incident_id == alone.id


def test_merging_moves_the_claims_and_the_emptied_incident_says_where(engine, people):
    from claims_app.services import incident_review
    from claims_app.services.incidents import get_incident

    ingest(engine, "brief.txt")
    c = by_quote(engine)
    seven, three = c["Seven civilians"].incident_id, c["Three civilians"].incident_id
    act(engine, incident_review.merge_incidents, seven, three, reason="one raid over two days",
        actor=people["ed"])  # fmt: skip
    c = by_quote(engine)
    assert c["Three civilians"].incident_id == seven and c["Three civilians"].incident_pinned
    assert c["Seven civilians"].incident_pinned
    with session_scope(engine) as s:
        assert s.get(Incident, three).merged_into_id == seven
        view = get_incident(s, seven)
        assert [x.quote for x in view.claims] == ["Seven civilians", "Three civilians"]
        assert view.conflict  # seven and three cannot both be the count of one event
        merged = s.exec(select(AuditEvent).where(AuditEvent.kind == "incident.merged")).one()
        assert merged.target_id == seven and merged.before["incident_id"] == three
        assert verify_chain(s).ok


def test_refusals_say_why_and_change_nothing(engine, people):
    from claims_app.services import incident_review
    from claims_app.services.review import Forbidden, ReviewError
    from tests.helpers import table_counts

    ingest(engine, "brief.txt")
    c = by_quote(engine)
    seven, three = c["Seven civilians"].incident_id, c["Three civilians"].incident_id
    before = table_counts(engine)
    with pytest.raises(Forbidden):
        act(engine, incident_review.confirm_incident, seven, actor=people["audrey"])
    with pytest.raises(ReviewError, match="say why"):
        act(engine, incident_review.merge_incidents, seven, three, reason=" ", actor=people["ed"])
    with pytest.raises(ReviewError, match="only report"):
        act(engine, incident_review.split_claim, c["Seven civilians"].id, reason="x",
            actor=people["ed"])  # fmt: skip
    with pytest.raises(ReviewError, match="with itself"):
        act(engine, incident_review.merge_incidents, seven, seven, reason="x", actor=people["ed"])
    assert table_counts(engine) == before


def test_confirming_pins_the_grouping(engine, people):
    from claims_app.services import incident_review

    ingest(engine, "flash.txt", "brief.txt")
    strike = by_quote(engine)["Seven civilians"].incident_id
    act(engine, incident_review.confirm_incident, strike, actor=people["ed"])
    c = by_quote(engine)
    assert c["Seven civilians"].incident_pinned and c["Dozens of civilians"].incident_pinned
    with session_scope(engine) as s:
        incident = s.get(Incident, strike)
        assert incident.confirmed_by_id == people["ed"].user_id and incident.confirmed_at


def test_a_verdict_is_offered_to_exact_repeats_and_given_only_when_asked(engine, people):
    from claims_app.models import Source, Verdict
    from claims_app.services import incident_review, review

    ingest(engine, "flash.txt", "brief.txt", "digest.txt")
    c = by_quote(engine)
    seven, repeat = c["Seven civilians"], c["7 people"]
    record = review.SourceInput(url="https://example.org/register", title="Register",
                                independent=True)  # fmt: skip
    act(engine, review.add_source, seven.id, version=1, source=record, actor=people["amina"])
    act(engine, review.give_verdict, seven.id, version=2, actor=people["amina"],
        verdict=review.VerdictInput("accurate", "The register lists seven."))  # fmt: skip
    with session_scope(engine) as s:  # "dozens" is another figure: never offered
        assert [r.id for r in incident_review.exact_repeats(s, seven.id)] == [repeat.id]
        assert s.exec(select(Verdict).where(Verdict.claim_id == repeat.id)).all() == []
    act(engine, incident_review.repeat_verdict, seven.id, [repeat.id], actor=people["amina"])
    with session_scope(engine) as s:
        given = s.exec(select(Verdict).where(Verdict.claim_id == repeat.id)).one()
        assert given.rating == "accurate" and given.approved_at is None
        assert given.rationale.startswith(f"Same figure as claim {seven.id}")
        assert s.exec(select(Source).where(Source.claim_id == repeat.id)).one().independent
        assert s.get(Claim, repeat.id).status == "reviewed"
        assert incident_review.exact_repeats(s, seven.id) == []  # judged now: no offer
    with pytest.raises(incident_review.ReviewError, match="not an unjudged repeat"):
        act(engine, incident_review.repeat_verdict, seven.id, [c["Dozens of civilians"].id],
            actor=people["amina"])  # fmt: skip
