"""Figures as text: the one place a stored number becomes what a person reads or edits.

A figure is sacred: no page, form or export may change a number that nobody
changed. `{:g}` did: it keeps six significant digits, so 1,234,567 showed as
1.23457e+06, and a form rendered that way saved 1234570 when the reviewer only
corrected the place. Python's float `repr` is the shortest text that reads back
as the same float, so the digits here come from it: they are exact, and saving
a form unchanged gives back the very number it was rendered from.
"""

from __future__ import annotations

from decimal import Context, Decimal

_WIDE = Context(prec=400)  # a float's integer part has at most 309 digits


def _exact(value: float) -> Decimal:
    number = Decimal(repr(float(value)))
    if number == number.to_integral_value(context=_WIDE):
        return number.quantize(Decimal(1), context=_WIDE)  # 2.6e9 -> 2600000000, no ".0"
    return number.normalize(context=_WIDE)  # 45.25, 0.5: the decimals as written


def figure(value: float | None) -> str:
    """For reading: thousands separators, every digit ("1,234,567", "2,600,000,000",
    "45.25"); empty for no figure."""
    return "" if value is None else f"{_exact(value):,f}"


def figure_input(value: float | None) -> str:
    """For a form field: the exact digits without separators ("1234567", "0.5")."""
    return "" if value is None else f"{_exact(value):f}"


def figure_range(value: float | None, value_max: float | None, *, dash: str = "–") -> str:
    """ "1,200–1,500" for a range, "1,200" for one figure, "" for none."""
    if value is None:
        return ""
    return figure(value) + (f"{dash}{figure(value_max)}" if value_max is not None else "")
