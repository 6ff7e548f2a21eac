"""Figures keep every digit in every rendering: display, form field, CLI, exports."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims_app.figures import figure, figure_input, figure_range


@pytest.mark.parametrize(
    ("value", "shown", "in_form"),
    [
        (0, "0", "0"), (7, "7", "7"), (0.5, "0.5", "0.5"), (1234567, "1,234,567", "1234567"),
        (2.6e9, "2,600,000,000", "2600000000"), (45.25, "45.25", "45.25"),
        (4e6, "4,000,000", "4000000"), (1_234_567.5, "1,234,567.5", "1234567.5"),
    ],
)  # fmt: skip
def test_figures_show_every_digit_and_the_form_gets_them_without_separators(value, shown, in_form):
    assert figure(value) == shown
    assert figure_input(value) == in_form
    assert figure(None) == figure_input(None) == ""


def test_a_range_is_two_exact_figures():
    assert figure_range(1200, 1500) == "1,200–1,500"
    assert figure_range(1_234_567, None) == "1,234,567"
    assert figure_range(None, 5) == ""


# What figures in reports are: counts of any size, shares with a few decimals,
# amounts in millions and billions written with a decimal ("US$2.6bn"), and any float.
_REPORTED = st.one_of(
    st.integers(0, 10**12).map(float),
    st.decimals(0, 10**9, places=2, allow_nan=False, allow_infinity=False).map(float),
    st.builds(lambda whole, scale: whole * scale, st.integers(0, 999).map(lambda n: n / 10),
              st.sampled_from([1e3, 1e6, 1e9])),
    st.floats(0, 1e300, allow_nan=False, allow_infinity=False),
)  # fmt: skip


@given(_REPORTED)
def test_reading_a_rendered_figure_back_gives_the_same_number(value):
    assert float(figure_input(value)) == value
    assert float(figure(value).replace(",", "")) == value
    assert "e" not in figure(value).lower()  # never 1.23457e+06
