"""Review rules at the service level, on SQLite and on PostgreSQL."""

import threading
from datetime import timedelta

import pytest
from sqlmodel import select

from claims_app.db import session_scope
from claims_app.models import AuditEvent, Claim, Source, User, Verdict
from claims_app.services import review
from claims_app.services.audit import verify_chain
from claims_app.services.review import (
    Forbidden,
    ReviewError,
    SourceInput,
    StaleVersion,
    VerdictInput,
)
from tests.helpers import ingest_fixture, make_user, table_counts

INDEPENDENT = SourceInput(url="https://example.org/report", title="Report", independent=True)
CLAIMANT = SourceInput(url="https://example.org/claimant", title="Their own release")


@pytest.fixture
def desk(engine):
    ingest_fixture(engine)
    _, amina = make_user(engine, "amina", "reviewer")
    _, ed = make_user(engine, "ed", "editor")
    _, audrey = make_user(engine, "audrey", "auditor")
    return {"amina": amina, "ed": ed, "audrey": audrey}


def act(engine, fn, *args, **kwargs):
    with session_scope(engine, write=True) as s:
        return fn(s, *args, **kwargs)


def claim(engine, claim_id):
    with session_scope(engine) as s:
        return s.get(Claim, claim_id)


def test_take_next_gives_the_most_check_worthy_free_claim_once(engine, desk):
    first = act(engine, review.take_next, actor=desk["amina"])
    second = act(engine, review.take_next, actor=desk["ed"])
    assert first.id != second.id
    with session_scope(engine) as s:
        free = s.exec(select(Claim).where(Claim.status == "new")).all()
    assert first.check_worthiness >= max(c.check_worthiness for c in free)
    assert claim(engine, first.id).assignee_id == desk["amina"].user_id
    assert claim(engine, first.id).status == "in_review"


def test_take_next_at_the_same_moment_never_hands_out_one_claim_twice(engine, desk):
    reviewers = [make_user(engine, f"r{i}", "reviewer")[1] for i in range(6)]
    got, errors, start = [], [], threading.Barrier(len(reviewers))

    def take(actor):
        try:
            start.wait()
            taken = act(engine, review.take_next, actor=actor)
            got.append(taken.id if taken else None)
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=take, args=(r,)) for r in reviewers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert None not in got and len(set(got)) == len(reviewers)


def test_auditors_change_nothing(engine, desk):
    before = table_counts(engine)
    with pytest.raises(Forbidden):
        act(engine, review.take_next, actor=desk["audrey"])
    with pytest.raises(Forbidden):
        act(engine, review.add_comment, 1, body="hi", actor=desk["audrey"])
    assert table_counts(engine) == before


def test_stale_version_is_refused_and_says_who_changed_what(engine, desk):
    c = claim(engine, 1)
    act(engine, review.edit_fields, 1, version=c.version, changes={"value": "27"},
        actor=desk["ed"])  # fmt: skip
    with pytest.raises(StaleVersion) as refused:
        act(engine, review.edit_fields, 1, version=c.version, changes={"location": "X"},
            actor=desk["amina"])  # fmt: skip
    assert str(refused.value).startswith("ed changed value to 27 since you opened it")
    fresh = claim(engine, 1)
    assert fresh.value == 27 and fresh.location == c.location and fresh.version == c.version + 1


def test_edit_fields_checks_values_and_keeps_the_old_ones(engine, desk):
    c = claim(engine, 1)
    with pytest.raises(ReviewError, match="value must be a number"):
        act(engine, review.edit_fields, 1, version=c.version, changes={"value": "lots"},
            actor=desk["amina"])  # fmt: skip
    with pytest.raises(ReviewError, match="cannot be edited"):
        act(engine, review.edit_fields, 1, version=c.version, changes={"status": "approved"},
            actor=desk["amina"])  # fmt: skip
    act(engine, review.edit_fields, 1, version=c.version,
        changes={"qualifier": "approx", "location": "Tarev"}, actor=desk["amina"])  # fmt: skip
    with session_scope(engine) as s:
        events = s.exec(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(2)).all()
    assert {e.kind for e in events} == {"claim.edited"} and {e.actor for e in events} == {"amina"}
    changes = {next(iter(e.before)): (e.before, e.after) for e in events}
    assert changes == {
        "qualifier": ({"qualifier": c.qualifier}, {"qualifier": "approx"}),
        "location": ({"location": c.location}, {"location": "Tarev"}),
    }


def test_verdict_rules(engine, desk):
    amina = desk["amina"]
    v = claim(engine, 1).version
    with pytest.raises(ReviewError, match="at least one source"):
        act(engine, review.give_verdict, 1, version=v,
            verdict=VerdictInput("inaccurate", "numbers differ"), actor=amina)  # fmt: skip
    with pytest.raises(ReviewError, match="rationale"):
        act(engine, review.give_verdict, 1, version=v, verdict=VerdictInput("unverifiable", " "),
            actor=amina)  # fmt: skip
    act(engine, review.add_source, 1, version=v, source=CLAIMANT, actor=amina)
    v += 1
    with pytest.raises(ReviewError, match="independent"):
        act(engine, review.give_verdict, 1, version=v,
            verdict=VerdictInput("accurate", "matches"), actor=amina)  # fmt: skip
    close = VerdictInput("mostly_accurate", "close", verified_value="25")
    act(engine, review.give_verdict, 1, version=v, verdict=close, actor=amina)
    act(engine, review.add_source, 1, version=v + 1, source=INDEPENDENT, actor=amina)
    act(engine, review.give_verdict, 1, version=v + 2,
        verdict=VerdictInput("accurate", "two sources agree", "high"), actor=amina)  # fmt: skip
    with session_scope(engine) as s:
        verdicts = s.exec(select(Verdict).order_by(Verdict.id)).all()
    assert [(x.rating, x.current) for x in verdicts] == [
        ("mostly_accurate", False),
        ("accurate", True),
    ]
    assert verdicts[0].verified_value == 25
    assert claim(engine, 1).status == "reviewed"


def test_unverifiable_needs_no_source_and_source_urls_are_checked(engine, desk):
    amina = desk["amina"]
    with pytest.raises(ReviewError, match="http:// or https://"):
        act(engine, review.add_source, 1, version=1,
            source=SourceInput(url="javascript:alert(1)"), actor=amina)  # fmt: skip
    act(engine, review.give_verdict, 1, version=1,
        verdict=VerdictInput("unverifiable", "no one else reports it"), actor=amina)  # fmt: skip
    assert claim(engine, 1).status == "reviewed"


def test_approval_needs_a_second_person_who_is_an_editor(engine, desk):
    amina, ed = desk["amina"], desk["ed"]
    _, ella = make_user(engine, "ella", "editor")
    act(engine, review.give_verdict, 1, version=1,
        verdict=VerdictInput("unverifiable", "no one else reports it"), actor=ed)  # fmt: skip
    with pytest.raises(Forbidden):
        act(engine, review.approve, 1, version=2, actor=amina)
    with pytest.raises(ReviewError, match="second person"):
        act(engine, review.approve, 1, version=2, actor=ed)
    act(engine, review.approve, 1, version=2, actor=ella)
    assert claim(engine, 1).status == "approved"
    with pytest.raises(ReviewError, match="reopen"):
        act(engine, review.add_source, 1, version=3, source=INDEPENDENT, actor=amina)


def test_dismiss_and_reopen_need_reasons(engine, desk):
    amina = desk["amina"]
    with pytest.raises(ReviewError, match="why"):
        act(engine, review.dismiss, 2, version=1, reason="", actor=amina)
    act(engine, review.dismiss, 2, version=1, reason="a year, not a count", actor=amina)
    assert claim(engine, 2).status == "dismissed"
    with pytest.raises(ReviewError, match="why"):
        act(engine, review.reopen, 2, version=2, reason=" ", actor=amina)
    act(engine, review.reopen, 2, version=2, reason="it is a count after all", actor=amina)
    assert claim(engine, 2).status == "in_review"


def test_removing_a_source_keeps_it_with_the_reason(engine, desk):
    amina = desk["amina"]
    source = act(engine, review.add_source, 1, version=1, source=INDEPENDENT, actor=amina)
    with pytest.raises(ReviewError, match="why"):
        act(engine, review.remove_source, source.id, version=2, reason="", actor=amina)
    act(engine, review.remove_source, source.id, version=2, reason="dead link", actor=amina)
    with session_scope(engine) as s:
        row = s.get(Source, source.id)
        assert row.removed_reason == "dead link" and row.removed_by_id == amina.user_id
        assert review.active_sources(s, 1) == []


def test_a_refused_action_writes_nothing(engine, desk):
    before = table_counts(engine)
    with pytest.raises(ReviewError):
        act(engine, review.give_verdict, 1, version=1,
            verdict=VerdictInput("accurate", "x"), actor=desk["amina"])  # fmt: skip
    assert table_counts(engine) == before
    assert claim(engine, 1).version == 1


def test_untouched_assignments_return_to_the_pool(engine, desk):
    taken = act(engine, review.take_next, actor=desk["amina"])
    assert act(engine, review.release_stale, older_than=timedelta(hours=1)) == 0
    assert act(engine, review.release_stale, older_than=timedelta(0)) == 1
    back = claim(engine, taken.id)
    assert back.assignee_id is None and back.status == "new"


def test_editors_assign_and_dismiss_in_bulk(engine, desk):
    with session_scope(engine) as s:
        amina = s.get(User, desk["amina"].user_id)
    with pytest.raises(Forbidden):
        act(engine, review.assign, [1, 2], assignee=amina, actor=desk["amina"])
    assert act(engine, review.assign, [1, 2], assignee=amina, actor=desk["ed"]) == 2
    assert claim(engine, 2).assignee_id == amina.id
    assert act(engine, review.bulk_dismiss, [3, 4], reason="duplicates", actor=desk["ed"]) == 2
    assert claim(engine, 4).status == "dismissed"
    with session_scope(engine) as s:
        assert verify_chain(s).ok


def test_correcting_the_event_date_moves_its_range(engine, desk):
    act(engine, review.edit_fields, 1, version=1, changes={"event_date": "2021-02"},
        actor=desk["amina"])  # fmt: skip
    c = claim(engine, 1)
    assert (c.event_date_start.isoformat(), c.event_date_end.isoformat()) == (
        "2021-02-01",
        "2021-02-28",
    )
    with pytest.raises(ReviewError, match="event date must be"):
        act(engine, review.edit_fields, 1, version=2, changes={"event_date": "last week"},
            actor=desk["amina"])  # fmt: skip
    with pytest.raises(ReviewError, match="ends before it starts"):
        act(engine, review.edit_fields, 1, version=2,
            changes={"event_date": "2021-03-05/2021-03-01"}, actor=desk["amina"])  # fmt: skip


def test_editors_reopen_in_bulk_all_or_none(engine, desk):
    act(engine, review.bulk_dismiss, [3, 4], reason="duplicates", actor=desk["ed"])
    with pytest.raises(ReviewError):
        act(engine, review.bulk_reopen, [3, 5], reason="not duplicates", actor=desk["ed"])
    assert claim(engine, 3).status == "dismissed"  # claim 5 was never dismissed: none reopened
    assert act(engine, review.bulk_reopen, [3, 4], reason="not duplicates", actor=desk["ed"]) == 2
    assert claim(engine, 4).status == "in_review"


def test_corrections_fit_their_columns(engine, desk):
    with pytest.raises(ReviewError, match="unit is longer than 64"):
        act(engine, review.edit_fields, 1, version=1, changes={"unit": "x" * 65},
            actor=desk["amina"])  # fmt: skip
    act(engine, review.edit_fields, 1, version=1, changes={"unit": "x" * 64}, actor=desk["amina"])


def test_the_database_refuses_a_second_current_verdict(engine, desk):
    from sqlalchemy.exc import IntegrityError

    from claims_app.models import Verdict, utcnow

    review_claim = claim(engine, 1)
    act(engine, review.add_source, 1, version=review_claim.version, actor=desk["amina"],
        source=SourceInput(url="https://example.org/a", title="A", independent=True))  # fmt: skip
    act(engine, review.give_verdict, 1, version=review_claim.version + 1, actor=desk["amina"],
        verdict=VerdictInput("accurate", "Matches."))  # fmt: skip
    act(engine, review.give_verdict, 1, version=review_claim.version + 2, actor=desk["amina"],
        verdict=VerdictInput("inaccurate", "On second reading, no."))  # fmt: skip
    with pytest.raises(IntegrityError), session_scope(engine, write=True) as s:
        s.add(Verdict(claim_id=1, rating="false", rationale="behind the services' back",
                      confidence="low", given_by_id=desk["amina"].user_id, given_at=utcnow(),
                      current=True))  # fmt: skip
    with session_scope(engine) as s:
        rows = s.exec(select(Verdict).where(Verdict.claim_id == 1)).all()
    assert sorted(v.current for v in rows) == [False, True]  # the services' two, one current


def _at_once(engine, calls):
    """Runs each (fn, kwargs) in its own thread, released together; returns results or errors."""
    start, outcomes = threading.Barrier(len(calls)), [None] * len(calls)

    def run(i, fn, kwargs):
        start.wait()
        try:
            outcomes[i] = act(engine, fn, **kwargs)
        except Exception as exc:  # the outcome under test: kept, not raised in the thread
            outcomes[i] = exc

    threads = [threading.Thread(target=run, args=(i, fn, kw)) for i, (fn, kw) in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return outcomes


def test_two_verdicts_at_the_same_instant_keep_one_and_tell_the_other(engine, desk):
    _, bea = make_user(engine, "bea", "reviewer")
    act(engine, review.add_source, 1, version=1, source=INDEPENDENT, actor=desk["amina"])
    calls = [(review.give_verdict, {"claim_id": 1, "version": 2, "actor": who,
                                    "verdict": VerdictInput(rating, "Read the report.")})
             for who, rating in ((desk["amina"], "accurate"), (bea, "inaccurate"))]  # fmt: skip
    outcomes = _at_once(engine, calls)
    refused = [o for o in outcomes if isinstance(o, Exception)]
    assert len(refused) == 1 and isinstance(refused[0], StaleVersion), outcomes
    with session_scope(engine) as s:
        current = s.exec(select(Verdict).where(Verdict.claim_id == 1, Verdict.current)).all()
        assert len(current) == 1 and s.get(Claim, 1).version == 3
        assert verify_chain(s).ok


def test_two_approvals_at_the_same_instant_approve_once(engine, desk):
    _, ella = make_user(engine, "ella", "editor")
    _, eric = make_user(engine, "eric", "editor")
    act(engine, review.give_verdict, 1, version=1, actor=desk["ed"],
        verdict=VerdictInput("unverifiable", "no one else reports it"))  # fmt: skip
    outcomes = _at_once(engine, [(review.approve, {"claim_id": 1, "version": 2, "actor": who})
                                 for who in (ella, eric)])  # fmt: skip
    assert sum(isinstance(o, StaleVersion) for o in outcomes) == 1, outcomes
    with session_scope(engine) as s:
        approvals = s.exec(select(AuditEvent).where(AuditEvent.kind == "claim.approved")).all()
        assert len(approvals) == 1 and s.get(Claim, 1).status == "approved"
