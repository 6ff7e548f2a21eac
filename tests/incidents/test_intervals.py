"""Figures as the counts they allow: the README's table, held to its word."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims_app.incidents.intervals import Interval, figure_interval, reported_range

CASES = [  # value, value_max, qualifier, quote, interval as the README writes it
    (7, None, "exact", "seven", "[7, 7]"),
    (7, None, "at_least", "at least 7", "[7, ∞)"),
    (7, None, "more_than", "more than 7", "(7, ∞)"),
    (500, None, "approx", "nearly 500", "[450, 550]"),
    (5, None, "approx", "about five", "[4, 6]"),
    (30, None, "at_most", "up to 30", "[0, 30]"),
    (12, 15, "range", "12-15", "[12, 15]"),
    (None, None, "vague", "dozens of civilians", "[24, 199]"),
    (None, None, "vague", "Scores of families", "[40, 399]"),
    (None, None, "vague", "hundreds of thousands of people", "[200,000, 1,999,999]"),
    (None, None, "vague", "tens of thousands", "[20,000, 199,999]"),
    (None, None, "vague", "thousands", "[2,000, 19,999]"),
]


@pytest.mark.parametrize(("value", "value_max", "qualifier", "quote", "written"), CASES)
def test_each_figure_allows_what_the_readme_says(value, value_max, qualifier, quote, written):
    assert str(figure_interval(value, value_max, qualifier, quote)) == written


def test_a_figure_without_a_count_allows_nothing_to_compare():
    assert figure_interval(None, None, "vague", "many people") is None
    assert figure_interval(None, None, None, "") is None


@pytest.mark.parametrize(
    ("a", "b", "meet"),
    [
        (("dozens", None, "vague"), (7, None, "exact"), False),  # the example
        (("dozens", None, "vague"), (30, None, "exact"), True),
        ((7, None, "more_than"), (7, None, "exact"), False),  # "more than 7" is not 7
        ((7, None, "at_least"), (7, None, "exact"), True),
        ((30, None, "at_most"), (31, None, "exact"), False),
        ((500, None, "approx"), (540, None, "exact"), True),
        ((500, None, "approx"), (600, None, "exact"), False),
        ((12, 15, "range"), (15, None, "at_least"), True),
        ((12, 15, "range"), (15, None, "more_than"), False),
    ],
)
def test_two_figures_meet_when_some_count_satisfies_both(a, b, meet):
    def interval(v, vmax, q):
        return figure_interval(None if isinstance(v, str) else v, vmax, q,
                               v if isinstance(v, str) else "")  # fmt: skip

    ia, ib = interval(*a), interval(*b)
    assert ia.meets(ib) is meet and ib.meets(ia) is meet


ends = st.tuples(st.integers(0, 50), st.integers(0, 50), st.booleans(), st.booleans())


@given(ends, ends)
def test_meeting_is_exactly_a_shared_whole_number(a, b):
    """Against brute force over the counts themselves (whole numbers 0..50)."""

    def make(lo, hi, lo_open, hi_open):
        return Interval(min(lo, hi), max(lo, hi), lo_open, hi_open)

    ia, ib = make(*a), make(*b)
    halves = [x / 2 for x in range(0, 101)]  # open ends need points between integers

    def holds(i, x):
        above = x > i.low if i.low_open else x >= i.low
        below = x < i.high if i.high_open else x <= i.high
        return above and below

    assert ia.meets(ib) == any(holds(ia, x) and holds(ib, x) for x in halves)


def test_the_range_of_reports_is_the_figures_as_written():
    assert reported_range([(7, None, "exact", "seven"), (40, None, "at_least", "at least 40"),
                           (None, None, "vague", "dozens")]) == (7, 40)  # fmt: skip
    assert reported_range([(12, 15, "range", "12-15"), (None, None, "vague", "dozens")]) == (
        12, 24)  # fmt: skip
    assert reported_range([(None, None, "vague", "many")]) is None
    assert math.isinf(figure_interval(40, None, "at_least").high)
