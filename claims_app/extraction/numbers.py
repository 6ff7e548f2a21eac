"""Numbers as bulletins write them -> values.

"1,400" -> 1400, "2.3 million" -> 2300000, "forty-two" -> 42,
"two hundred and five thousand" -> 205000, "a dozen" -> 12, and the
qualifier in front ("at least", "nearly", "more than", "up to") or the range
around them ("12-15", "between 30 and 45"). Vague amounts ("dozens", "scores
of", "hundreds of thousands") have no value.

Hand-written rather than a library: it runs in the extractor's hot loop, and
it must say exactly which characters it read, so claim spans stay exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from claims_app.extraction import rx

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
NUMBER_WORDS = frozenset(UNITS) | frozenset(TENS) | {"hundred"} | frozenset(SCALES)

_TOKEN = re.compile(r"[a-z]+", re.IGNORECASE)


@lru_cache(maxsize=4096)  # "two", "three", "a dozen" recur; the answer depends on the phrase
def words_to_int(phrase: str) -> int | None:
    """An English cardinal in words, or None if the phrase is not one.

    Accepts hyphens, "and" and commas between groups, as in
    "two hundred and thirty-four thousand, five hundred and sixty-seven".
    """
    tokens = [t.lower() for t in _TOKEN.findall(phrase.replace("-", " "))]
    tokens = [t for t in tokens if t != "and"]
    if len(tokens) > 1 and tokens[0] == "a" and tokens[1] in ("hundred", *SCALES):
        tokens[0] = "one"  # "a hundred", "a million"
    if not tokens or any(t not in NUMBER_WORDS for t in tokens):
        return None
    if "zero" in tokens and len(tokens) > 1:
        return None
    total, group, last, last_scale = 0, 0, None, None
    for token in tokens:
        kind = _kind(token)
        if (last, kind) not in _ALLOWED:
            return None  # "five two", "twenty thirty", "hundred" on its own
        if kind == "hundred":
            if not 1 <= group <= 9:
                return None
            group *= 100
        elif kind == "scale":
            scale = SCALES[token]
            if last_scale is not None and scale >= last_scale:
                return None  # "thousand million": not how anyone writes a figure
            total, group, last_scale = total + group * scale, 0, scale
        else:
            group += UNITS.get(token, 0) + TENS.get(token, 0)
        last = kind
    return total + group


def _kind(token: str) -> str:
    if token in UNITS:
        return "unit" if UNITS[token] < 10 else "teen"
    if token in TENS:
        return "tens"
    return "hundred" if token == "hundred" else "scale"


# Which kind of word may follow which (None: the start of the phrase).
_ALLOWED = {
    (None, "unit"), (None, "teen"), (None, "tens"),
    ("unit", "hundred"), ("unit", "scale"), ("teen", "scale"), ("tens", "scale"),
    ("tens", "unit"),
    ("hundred", "unit"), ("hundred", "teen"), ("hundred", "tens"), ("hundred", "scale"),
    ("scale", "unit"), ("scale", "teen"), ("scale", "tens"),
}  # fmt: skip


_NUMERAL = re.compile(
    r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+$|^\d+(?:\.\d+)?$"
)
_GROUPING = str.maketrans("", "", ", \u00a0\u2009\u202f")


def numeral_value(token: str) -> float | None:
    """ "1,400" and "1 400" -> 1400, "12.5" -> 12.5; None for "1,40" or "3.2.1"."""
    token = token.strip()
    if not _NUMERAL.match(token):
        return None
    return float(token.translate(_GROUPING))


def scaled(value: float, scale: float) -> float:
    """value x scale in decimal: "$4.07bn" is 4070000000, where floats make it
    4070000000.0000005 (a figure is never changed by the arithmetic that reads it)."""
    return float(Decimal(repr(value)) * Decimal(repr(scale)))


def as_number(value: float) -> int | float:
    """Integral values as int, so 1400.0 prints and compares as 1400."""
    return int(value) if float(value).is_integer() else value


# --- qualifiers ---------------------------------------------------------------

QUALIFIERS: dict[str, str] = {
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "a minimum of": "at_least", "not less than": "at_least",
    "more than": "more_than", "over": "more_than", "upwards of": "more_than",
    "in excess of": "more_than", "above": "more_than", "exceeding": "more_than",
    "exceeded": "more_than", "surpassed": "more_than", "topped": "more_than", "tops": "more_than",
    "passed": "more_than", "exceed": "more_than", "exceeds": "more_than",
    "surpass": "more_than", "surpasses": "more_than", "below": "at_most",
    "estimated that": "approx", "about": "approx", "around": "approx", "nearly": "approx",
    "almost": "approx",
    "some": "approx", "an estimated": "approx", "estimated": "approx", "roughly": "approx",
    "approximately": "approx", "close to": "approx", "around an estimated": "approx",
    "something like": "approx", "maybe": "approx", "perhaps": "approx",
    "in the region of": "approx", "of the order of": "approx", "approx.": "approx",
    "approx": "approx", "est.": "approx", "ca.": "approx",
    "up to": "at_most", "up to a total of": "at_most", "as many as": "at_most",
    "as much as": "at_most", "fewer than": "at_most", "less than": "at_most",
    "at most": "at_most", "no more than": "at_most", "under": "at_most",
}  # fmt: skip
# Read from one character before the window, so that RE2's \b sees the real word edge
# ("$" is the window's end: search_before reads the window as a string of its own).
# (a phrase's words may be wrapped onto the next line of a PDF's text: "at\n   least 3")
_QUALIFIER = rx.compile(
    r"\b("
    + "|".join(
        re.escape(q).replace(r"\ ", r"\s+") for q in sorted(QUALIFIERS, key=len, reverse=True)
    )
    + r")\s+$"
)


@dataclass(frozen=True)
class Qualifier:
    kind: str
    start: int  # where the qualifier phrase starts in the text given


def qualifier_before(text: str, at: int) -> Qualifier | None:
    """The qualifier phrase that ends right before text[at], if any (text lowered)."""
    if at and text[at - 1] == "~":
        return Qualifier("approx", at - 1)  # "~32k ppl": a post's "about"
    m = _QUALIFIER.search_before(text, max(0, at - 41), at)
    if m is None or m.end() != at:
        return None
    return Qualifier(QUALIFIERS[" ".join(m.group(1).split())], m.start(1))


# --- vague amounts --------------------------------------------------------------

# VAGUE and DOZEN run on lowered text (fold.py).
VAGUE = rx.compile(
    r"\b(?:(?:hundreds|thousands|tens|millions)\s+of\s+(?:thousands|millions)"
    r"|dozens|scores|hundreds|thousands|tens of thousands|millions|several hundred"
    r"|several thousand|a few hundred|a few thousand)\b"
)
_DOZENS = {"a": 12, "one": 12, "half a": 6, "two": 24, "three": 36, "four": 48, "five": 60,
           "six": 72, "seven": 84, "eight": 96, "nine": 108, "ten": 120}  # fmt: skip
DOZEN = rx.compile(rf"\b(?:{'|'.join(_DOZENS)}|\d{{1,2}})\s+dozen\b")


def dozen_value(phrase: str) -> int:
    """ "a dozen" 12, "half a dozen" 6, "two dozen" 24 ("two" is never a count of its own
    there: a figure is what the words say, whole)."""
    count = " ".join(phrase.lower().split()[:-1])
    return 12 * int(count) if count.isdigit() else _DOZENS[count]


# "two-thirds of the evacuees", "half of the households", "a fifth more than in 2023",
# "cut by half": a share, as a percentage (to one decimal, as labelled pages write a
# third: 33.3). RE2 has no lookbehind, so the match takes in "by" and the word after;
# the extractor keeps only matches that hold one of them.
FRACTIONS = {
    "half": 50.0, "a half": 50.0, "one half": 50.0, "a third": 33.3, "one third": 33.3,
    "one-third": 33.3, "two thirds": 66.7, "two-thirds": 66.7, "a quarter": 25.0,
    "one quarter": 25.0, "one-quarter": 25.0, "three quarters": 75.0,
    "three-quarters": 75.0, "a fifth": 20.0, "one fifth": 20.0, "one-fifth": 20.0,
    "two fifths": 40.0, "two-fifths": 40.0, "a tenth": 10.0, "one tenth": 10.0,
    "one-tenth": 10.0,
}  # fmt: skip
FRACTION = rx.compile(
    r"\b(?:by\s+)?(?P<f>"
    + "|".join(sorted(map(re.escape, FRACTIONS), key=len, reverse=True))
    + r")(?:\s+(?:of|more|less|fewer|higher|lower)\b)?"
)
