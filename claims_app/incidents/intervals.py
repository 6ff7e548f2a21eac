"""A reported figure as the interval of counts it allows, and whether two meet.

"seven" allows 7 and nothing else; "at least 7" allows 7 and every count above;
"dozens" allows 24 and up. Two reports of one incident disagree when no count
satisfies both: their intervals do not meet. The bands for approximate and
vague figures are deliberately wide: a flag that cries wolf is soon ignored,
so a figure is called a conflict only when no honest reading could make both
true.

Pure: numbers and words in, intervals out.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

INF = math.inf

# "about 500", "nearly 500", "some 500", "an estimated 500": within a tenth
# either way (and at least one either way, so "about 5" allows 4 to 6).
APPROX_SHARE = 0.10

# Vague amounts, as [low, high]: the least each word can honestly mean, and a
# high end well above what it usually means ("dozens" is rarely 150, never 12).
# Longest phrases first: "hundreds of thousands" before "hundreds".
VAGUE_BANDS: tuple[tuple[str, float, float], ...] = (
    ("hundreds of thousands", 200_000, 1_999_999),
    ("tens of thousands", 20_000, 199_999),
    ("millions", 2_000_000, INF),
    ("several thousand", 2_000, 9_999),
    ("a few thousand", 2_000, 9_999),
    ("thousands", 2_000, 19_999),
    ("several hundred", 200, 999),
    ("a few hundred", 200, 999),
    ("hundreds", 200, 1_999),
    ("scores", 40, 399),
    ("dozens", 24, 199),
)


@dataclass(frozen=True)
class Interval:
    """The counts a figure allows: low..high, each end closed unless said open."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def meets(self, other: Interval) -> bool:
        """Some count lies in both."""
        low, low_open = _tighter((self.low, self.low_open), (other.low, other.low_open), max)
        high, high_open = _tighter((self.high, self.high_open), (other.high, other.high_open), min)
        return low < high or (low == high and not low_open and not high_open)

    def __str__(self) -> str:
        left = "(" if self.low_open else "["
        right = ")" if self.high_open or self.high == INF else "]"
        high = "∞" if self.high == INF else _num(self.high)
        return f"{left}{_num(self.low)}, {high}{right}"


def _tighter(a: tuple[float, bool], b: tuple[float, bool], pick) -> tuple[float, bool]:
    """The tighter of two ends (`pick` is max for low ends, min for high ones); at
    a tie, open if either is."""
    if a[0] == b[0]:
        return a[0], a[1] or b[1]
    return a if pick(a[0], b[0]) == a[0] else b


def _num(x: float) -> str:
    return f"{int(x):,}" if x == int(x) else f"{x:,}"


def figure_interval(
    value: float | None,
    value_max: float | None,
    qualifier: str | None,
    quote: str = "",
    *,
    approx_share: float = APPROX_SHARE,
) -> Interval | None:
    """The interval a stored figure allows, or None when it gives no count.
    `approx_share`: how far "about N" reaches either way."""
    if qualifier == "vague" or value is None:
        return vague_interval(quote)
    if value_max is not None:  # "12-15", "between 30 and 45", as written
        return Interval(min(value, value_max), max(value, value_max))
    if qualifier == "at_least":
        return Interval(value, INF)
    if qualifier == "more_than":
        return Interval(value, INF, low_open=True)
    if qualifier == "at_most":
        return Interval(0, value)
    if qualifier == "approx":
        spread = max(value * approx_share, 1.0)
        return Interval(max(0.0, value - spread), value + spread)
    return Interval(value, value)  # exact, or a qualifier nobody wrote


_VAGUE = re.compile(
    r"\b(" + "|".join(re.escape(w) for w, _, _ in VAGUE_BANDS) + r")\b", re.IGNORECASE
)


def vague_interval(quote: str) -> Interval | None:
    found = _VAGUE.search(quote)
    if found is None:
        return None
    word = found.group(1).lower()
    low, high = next((lo, hi) for w, lo, hi in VAGUE_BANDS if w == word)
    return Interval(low, high)


def reported_range(
    figures: list[tuple[float | None, float | None, str | None, str]],
) -> tuple[float, float] | None:
    """The range of figures reported, (value, value_max, qualifier, quote) each, as
    monitors publish it: the numbers as written ("at least 40" is 40, a range
    both its ends) and a vague word as the least it means ("dozens": 24)."""
    points: list[float] = []
    for value, value_max, qualifier, quote in figures:
        if value is not None and qualifier != "vague":
            points += [value] if value_max is None else [value, value_max]
        elif (band := vague_interval(quote)) is not None:
            points.append(band.low)
    return (min(points), max(points)) if points else None
