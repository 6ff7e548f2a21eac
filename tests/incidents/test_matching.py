"""When two figures report one incident, why, and when they conflict."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims_app.incidents.matching import (
    Report,
    comparable,
    conflict,
    in_conflict,
    same_incident,
    same_place,
    subject_group,
)

D = date


def report(**kw) -> Report:
    base = {"category": "killed", "unit": "people", "location": "Idlib", "start": D(2020, 2, 11),
            "end": D(2020, 2, 11), "subject": "civilians", "value": 7, "qualifier": "exact",
            "quote": "seven civilians"}  # fmt: skip
    return Report(**(base | kw))


def test_the_readme_example_says_why():
    why = same_incident(report(), report(location="central Idlib", value=9))
    assert why == (
        "same kind (killed), place 'Idlib' contains 'central Idlib', dates 2020-02-11 = 2020-02-11"
    )


@pytest.mark.parametrize(
    ("other", "same"),
    [
        ({"location": "Idlib city"}, True),  # generic words set aside
        ({"location": "Saraqib"}, False),  # same day, different place
        ({"start": D(2020, 2, 12), "end": D(2020, 2, 12)}, False),  # same place, next day
        ({"start": D(2020, 2, 8), "end": D(2020, 2, 12)}, True),  # a day within a short period
        ({"start": D(2020, 1, 1), "end": D(2020, 2, 11)}, False),  # a running total
        ({"category": "injured"}, False),
        ({"category": "casualties"}, False),
        ({"unit": "households"}, False),
        ({"subject": "children"}, False),  # another count of the event, not the same one
        ({"subject": "people"}, True),  # people in general, as civilians are
        ({"location": None}, False),
        ({"start": None, "end": None}, False),
        ({"category": "other"}, False),
        ({"unit": "percent"}, False),
    ],
)
def test_what_makes_one_incident(other, same):
    assert (same_incident(report(), report(**other)) is not None) is same
    assert (same_incident(report(**other), report()) is not None) is same  # symmetric


def test_displaced_and_refugees_are_one_kind_and_totals_match_only_the_same_days():
    since = {"category": "displaced", "start": D(2023, 4, 15), "end": D(2023, 6, 1),
             "subject": "people", "value": 500_000, "qualifier": "more_than"}  # fmt: skip
    assert same_incident(report(**since), report(**since | {"category": "refugees"}))
    later = since | {"end": D(2023, 6, 8)}
    assert same_incident(report(**since), report(**later)) is None  # a newer total


def test_figures_conflict_only_when_comparable_and_their_counts_never_meet():
    dozens = report(value=None, qualifier="vague", quote="dozens of civilians")
    assert conflict(dozens, report())  # "dozens" and "seven"
    assert not conflict(report(value=30), dozens)
    children = report(subject="children", value=40)
    assert not comparable(report(), children) and not conflict(report(), children)
    assert not conflict(report(), report(value=40, breakdown=True))
    assert conflict(report(value=7), report(value=8))


def test_places_and_subjects_as_words():
    assert same_place("al-Rashidiya neighbourhood", "Al-Rashidiya") == (
        "'al-Rashidiya neighbourhood' = 'Al-Rashidiya'"
    )
    assert same_place("Ebrimsa", "Ebrimsa field hospital") == (
        "'Ebrimsa' contains 'Ebrimsa field hospital'"
    )
    assert same_place("North Darfur", "South Darfur") is None
    assert same_place("Darfur", "South Darfur") == "'Darfur' contains 'South Darfur'"
    assert same_place("Idlib", "Saraqib") is None and same_place("the north", "north") is None
    assert subject_group("civilian deaths") == "people"
    assert subject_group("health workers") == subject_group("health worker") == "health worker"
    assert subject_group("children") == "child"


figures = st.one_of(
    st.tuples(st.integers(1, 60), st.none(),
              st.sampled_from(["exact", "at_least", "more_than", "approx", "at_most"]),
              st.just("")),
    st.tuples(st.integers(1, 30), st.integers(31, 60), st.just("range"), st.just("")),
    st.tuples(st.none(), st.none(), st.just("vague"), st.sampled_from(["dozens", "scores"])),
)  # fmt: skip


@given(st.lists(st.tuples(figures, st.sampled_from(["civilians", "children", "people"]),
                          st.booleans()), max_size=12))  # fmt: skip
def test_the_fast_conflict_scan_flags_exactly_what_every_pair_would(drawn):
    reports = [
        (i, report(value=v, value_max=vmax, qualifier=q, quote=quote, subject=subject,
                   breakdown=part))
        for i, ((v, vmax, q, quote), subject, part) in enumerate(drawn)
    ]  # fmt: skip
    pairwise = {i for i, a in reports for j, b in reports if i != j and conflict(a, b)}
    assert in_conflict(reports) == pairwise


def test_what_was_hit_and_whose_it_is_do_not_change_the_place():
    assert same_place("Tarnak's central market", "Tarnak")
    assert same_place("Tarnak General Hospital", "Tarnak town")
    assert same_place("Tarnak market", "Tarnak General Hospital")
    assert same_place("Tarnak market", "Sulin market") is None


def test_a_group_inside_anothers_words_is_compatible_but_never_compared():
    men = report(category="detained", subject="men", value=30, qualifier="more_than")
    men_and_boys = report(category="detained", subject="men and boys", value=40)
    assert same_incident(men, men_and_boys)
    assert not comparable(men, men_and_boys)
    assert same_incident(men, report(category="detained", subject="women")) is None
    assert same_incident(report(subject="others"), report(subject="people"))


def test_the_children_among_the_dead_are_compared_across_reports():
    nine = report(subject="children", value=9, breakdown=True)
    fourteen = report(subject="children", value=14, breakdown=True)
    assert conflict(nine, fourteen) and conflict(nine, report(subject="children", value=14))
    # a part of people in general only with another such part, never with a total
    assert not conflict(report(value=40), report(value=20, breakdown=True))
    assert conflict(report(value=25, breakdown=True), report(value=20, breakdown=True))


def test_a_day_read_from_the_paragraph_says_so_in_the_reason():
    carried = report(dated_by_context=True)
    why = same_incident(report(), carried)
    assert why and "2020-02-11 (read from its context)" in why
