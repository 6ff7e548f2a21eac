"""Property tests over the tokens real bulletins hold.

Arbitrary Unicode almost never produces "2022-03-04" or "0912-345-678", and one
such token once crashed every page holding it. These strategies build pages
from what reports really print: dates in every common format, times, phone and
hotline numbers, item and footnote marks, ranges with hyphens and en dashes,
money, thousands separated by commas, spaces and thin spaces, hyphenated line
breaks. Each piece says what must hold of it:

- "not a count": a date, time, phone number, year span or item mark never
  starts a numeric claim;
- a figure in a plain casualty sentence is found, with exactly its value and
  the whole of its written form in the quote ("A figure is sacred").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import inflect
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims_app.extraction.page_claims import extract_page

ENGINE = inflect.engine()
MONTHS = "January February March April May June July August September October November December"
MONTH_NAMES = MONTHS.split()


@dataclass(frozen=True)
class Piece:
    text: str
    # (offset of a token within text, its length, what must hold of it)
    tokens: tuple[tuple[int, int, str, object], ...] = ()


def _piece(before: str, token: str, after: str, rule: str, expect: object = None) -> Piece:
    return Piece(before + token + after, ((len(before), len(token), rule, expect),))


days = st.dates(min_value=date(1995, 1, 1), max_value=date(2030, 12, 31))


def _ordinal(day: int) -> str:
    return "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


@st.composite
def date_token(draw) -> str:
    d = draw(days)
    shapes = [
        d.isoformat(),
        f"{d.day:02d}/{d.month:02d}/{d.year}",
        f"{d.day}.{d.month:02d}.{d.year}",
        f"{d.day:02d}-{d.month:02d}-{d.year}",
        f"{d.month}/{d.day}/{d.year % 100:02d}",
        f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}",
        f"{MONTH_NAMES[d.month - 1]} {d.day}, {d.year}",
        f"{d.year}{d.month:02d}{d.day:02d}",
        f"{d.day}{_ordinal(d.day)} {MONTH_NAMES[d.month - 1]} {d.year}",  # "9th February 2025"
        f"the {d.day}{_ordinal(d.day)} of {MONTH_NAMES[d.month - 1]} {d.year}",
    ]
    return draw(st.sampled_from(shapes))


phone = st.one_of(
    st.from_regex(r"0[0-9]{3}-[0-9]{3}-[0-9]{3}", fullmatch=True),
    st.from_regex(r"\+[0-9]{3} [0-9]{2} [0-9]{3} [0-9]{4}", fullmatch=True),
    st.from_regex(r"\(0[0-9]{2}\) [0-9]{3}-[0-9]{4}", fullmatch=True),
    st.from_regex(r"\+[0-9]{2} [0-9]{2} [0-9]{3} [0-9]{2} [0-9]{2}", fullmatch=True),
)
clock = st.one_of(
    st.from_regex(r"(?:[01][0-9]|2[0-3]):[0-5][0-9]", fullmatch=True),
    st.from_regex(r"(?:[01][0-9]|2[0-3])[0-5][0-9] hrs", fullmatch=True),
    st.from_regex(r"(?:1[0-2]|[1-9])[.:][0-5][0-9] ?[ap]\.?m\.?", fullmatch=True),
)
year_span = st.integers(1995, 2029).map(lambda y: f"{y}–{(y + 1) % 100:02d}")


@st.composite
def not_a_count(draw) -> Piece:
    kind = draw(st.sampled_from(["date", "stamp", "phone", "clock", "span", "item", "hash"]))
    if kind == "date":
        before = draw(st.sampled_from(["On ", "Published: ", "as of ", "Date: ", "since "]))
        return _piece(before, draw(date_token()), ", ", "not a count")
    if kind == "stamp":
        return _piece("Update ", draw(date_token()), "\n\n", "not a count")
    if kind == "phone":
        before = draw(st.sampled_from(["Call ", "hotline: ", "Tel. ", "on "]))
        return _piece(before, draw(phone), " for help. ", "not a count")
    if kind == "clock":
        return _piece("at around ", draw(clock), " local time, ", "not a count")
    if kind == "span":
        return _piece("in ", draw(year_span), " ", "not a count")
    n = draw(st.integers(1, 40))
    token = f"({n})" if kind == "item" else f"#{n}"
    return _piece("\n\n", token, " ", "not a count")


@st.composite
def written_number(draw) -> tuple[str, int]:
    n = draw(st.integers(min_value=10, max_value=9_999_999))
    shape = draw(st.sampled_from(
        ["plain", "comma", "space", "thin", "nbsp", "words", "scaled", "dozen"]
    ))  # fmt: skip
    if shape == "scaled":  # "2.5 million", and as a PDF breaks it: "2.5 mil-\nlion"
        whole, tenth = draw(st.integers(1, 99)), draw(st.integers(1, 9))
        word = draw(st.sampled_from(["million", "mil-\nlion", "mil- \n lion"]))
        return f"{whole}.{tenth} {word}", (whole * 10 + tenth) * 10**5
    if shape == "dozen":  # "two dozen": 24, never 2
        k = draw(st.integers(2, 9))
        return f"{ENGINE.number_to_words(k)} dozen", 12 * k
    if shape == "plain":
        return str(n), n
    if shape == "words":
        return ENGINE.number_to_words(n, andword="", comma=""), n
    sep = {"comma": ",", "space": " ", "thin": "\u2009", "nbsp": "\u00a0"}[shape]
    return f"{n:,}".replace(",", sep), n


@st.composite
def money(draw) -> tuple[str, float]:
    whole = draw(st.integers(1, 999))
    tenth = draw(st.integers(0, 9))
    amount = f"{whole}.{tenth}" if tenth else str(whole)
    shape = draw(st.sampled_from(["bn", "m", "M", "billion", "million", "bil-\nlion", "plain"]))
    sign = draw(st.sampled_from(["US$", "$", "US$ ", "€", "£"]))
    scale = {"bn": 10**9, "billion": 10**9, "bil-\nlion": 10**9, "m": 10**6, "M": 10**6,
             "million": 10**6}.get(shape)  # fmt: skip
    if scale is None:
        return f"{sign}{whole:,}", float(whole)
    spacer = " " if shape in ("billion", "million", "bil-\nlion") else ""
    # the amount written, exactly: (whole * 10 + tenth) tenths of the scale
    return f"{sign}{amount}{spacer}{shape}", float((whole * 10 + tenth) * scale // 10)


@st.composite
def figure(draw) -> Piece:
    kind = draw(st.sampled_from(["people", "money", "range", "money range"]))
    if kind == "people":
        token, value = draw(written_number())
        qualifier = draw(st.sampled_from(["", "at least ", "more than ", "some ", "nearly "]))
        verb = draw(st.sampled_from(["were killed", "were injured", "have been displaced"]))
        return _piece(qualifier.capitalize() if qualifier else "A total of ", token,
                      f" people {verb}. ", "figure", value)  # fmt: skip
    if kind == "money":
        token, value = draw(money())
        return _piece("The appeal seeks ", token, " for the response. ", "figure", value)
    low = draw(st.integers(2, 500))
    high = low + draw(st.integers(1, 500))
    dash = draw(st.sampled_from(["-", "–", " to "]))
    if kind == "money range":  # "US$ 300-500 million": both ends, in the scale after them
        sign = draw(st.sampled_from(["US$ ", "$", "€", "AFN "]))
        scale, factor = draw(st.sampled_from([("", 1), (" million", 10**6), ("bn", 10**9)]))
        return _piece("Fighters were paid ", f"{sign}{low}{dash}{high}{scale}", " a month. ",
                      "range", (low * factor, high * factor))  # fmt: skip
    return _piece("Between ", f"{low}{dash}{high}", " people were injured. ", "range", (low, high))


filler = st.sampled_from([
    "Fighting continued in the town of Sarev. ", "Aid agencies said. ", "\n\n", "\n",
    "Residents fled the area, ", "the office said. ", "Access remains limited. ",
    "were in- jured ", "dis-\nplaced families ", "¹ ", "[3] ", "including ", "children ",
    # a line dated before its words, as corrections and updates are
    "\n\nCorrection, 17 May 2024: an earlier version said 216. ",
    "\n\nUpdate, 3 March 2025 – the toll was revised. ",
])  # fmt: skip

piece = st.one_of(not_a_count(), figure(), filler.map(Piece))


@st.composite
def page(draw) -> tuple[str, list[tuple[int, int, str, object]]]:
    head = draw(st.sampled_from(["", "12 May 2020 In News\n\n", "Situation Report No. 6\n"]))
    text, tokens = head, []
    for p in draw(st.lists(piece, min_size=1, max_size=25)):
        tokens += [(len(text) + at, length, rule, expect) for at, length, rule, expect in p.tokens]
        text += p.text
    return text, tokens


def _overlaps(claim, start: int, end: int) -> bool:
    return claim.start < end and start < claim.end


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page())
def test_real_tokens_never_break_a_page_and_never_become_counts(generated):
    text, tokens = generated
    claims = extract_page(text)  # must not raise, whatever the tokens
    numeric = [c for c in claims if c.claim.kind == "numeric"]
    for c in claims:
        assert text[c.start : c.end] == c.claim.quote
        assert c.part_of is None or 0 <= c.part_of < len(claims)
    for start, length, rule, _ in tokens:
        if rule == "not a count":
            inside = [c for c in numeric if start <= c.start < start + length]
            assert not inside, (text[start : start + length], [c.claim.quote for c in inside])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page())
def test_figures_are_read_whole_and_exactly(generated):
    text, tokens = generated
    numeric = [c for c in extract_page(text) if c.claim.kind == "numeric"]
    for start, length, rule, expect in tokens:
        if rule not in ("figure", "range"):
            continue
        end = start + length
        found = [c for c in numeric if _overlaps(c, start, end)]
        assert found, f"no claim for {text[start:end]!r} in {text!r}"
        claim = found[0]
        assert claim.start <= start and claim.end >= end, (claim.claim.quote, text[start:end])
        if rule == "figure":
            assert claim.claim.value == expect, (text[start:end], claim.claim.value)
        else:
            assert (claim.claim.value, claim.claim.value_max) == expect
