import inflect
import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims_app.extraction.fold import ascii_lower
from claims_app.extraction.numbers import (
    as_number,
    numeral_value,
    qualifier_before,
    words_to_int,
)

ENGINE = inflect.engine()


@given(st.integers(min_value=0, max_value=999_999_999))
def test_number_words_round_trip(n):
    # inflect writes the words; we must read back the same number, with or
    # without "and", with commas between groups or without.
    british = ENGINE.number_to_words(n)
    american = ENGINE.number_to_words(n, andword="", comma="")
    assert words_to_int(british) == n
    assert words_to_int(american) == n


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("forty-two", 42),
        ("two million", 2_000_000),
        ("a hundred", 100),
        ("a million", 1_000_000),
        ("Twelve", 12),
        ("five two", None),
        ("twenty thirty", None),
        ("thousand million", None),
        ("zero thousand", None),
        ("million", None),
        ("several", None),
        ("", None),
    ],
)
def test_words_to_int(phrase, value):
    assert words_to_int(phrase) == value


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("1,400", 1400),
        ("12,500", 12500),
        ("1771", 1771),
        ("2.5", 2.5),
        ("6,187", 6187),
        ("1,40", None),
        ("3.2.1", None),
        ("12,5000", None),
        ("", None),
    ],
)
def test_numeral_value(token, value):
    got = numeral_value(token)
    assert (as_number(got) if got is not None else None) == value


@pytest.mark.parametrize(
    ("text", "kind", "phrase"),
    [
        ("killed at least 26 civilians", "at_least", "at least"),
        ("with no fewer than 72 hours", "at_least", "no fewer than"),
        ("displaced more than 500,000", "more_than", "more than"),
        ("Nearly 74 percent", "approx", "Nearly"),
        ("an estimated 750,000", "approx", "an estimated"),
        ("Some 12,500 people", "approx", "Some"),
        ("up to 400 families", "at_most", "up to"),
        ("fewer than 10", "at_most", "fewer than"),
    ],
)
def test_qualifier_before_a_number(text, kind, phrase):
    at = next(i for i, ch in enumerate(text) if ch.isdigit())
    q = qualifier_before(ascii_lower(text), at)  # the extractor matches lowered text
    assert q is not None and q.kind == kind
    assert text[q.start : at].strip() == phrase


def test_no_qualifier_when_words_do_not_touch_the_number():
    text = "at least, they said, 26 people"
    assert qualifier_before(text, text.index("26")) is None
    assert qualifier_before("killed 26 people", 7) is None
