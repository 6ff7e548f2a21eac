"""Number mentions as reports write them: where each figure is, and its value.

"1,400", "1 301" (a space or thin space between thousands), "2.3 million",
"3.8M", "US$2.6bn", "$3.5m", "forty-two", "half a million", "two and a half
million", "a dozen", "12-15", "between 30 and 45", "20+" (at least 20), "1 in 5"
(20 percent), "a fifth more", "cut by half", vague amounts ("dozens", "tens of
thousands"). Each mention says exactly which characters it read, the
currency sign included: a figure is quoted whole or not at all.

A hyphenated run of digits ("2022-03-04", "0912-345-678", "12-15-year-old")
is a date, a phone number or a compound word, never a count, and is passed
over whole.

The scan runs on RE2 (rx.py) over the article's lowered ASCII copy, where the
euro and pound signs stand as control characters (rx.EURO, rx.POUND).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from claims_app.extraction import rx
from claims_app.extraction.dates import YEAR
from claims_app.extraction.lexicon import COUNT_NOUN_AFTER, CURRENCY_CODES
from claims_app.extraction.numbers import (
    DOZEN,
    FRACTION,
    FRACTIONS,
    NUMBER_WORDS,
    VAGUE,
    dozen_value,
    numeral_value,
    qualifier_before,
    scaled,
    words_to_int,
)


class Mention(NamedTuple):
    start: int
    end: int
    value: float | None
    value_max: float | None
    qualifier: str
    percent: bool
    worded: bool  # written in words ("two"), which small counts often are
    unit: str | None = None  # what the mention itself says it counts: "other:dollars"
    one: bool = False  # "a nurse", "wounding a third": one person, no numeral


_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+\b|\d+(?:\.\d+)?"
_WORDS = "|".join(sorted(NUMBER_WORDS - {"zero"}, key=len, reverse=True))
WORDNUM = rf"(?:{_WORDS})(?:(?:[\s\-]+|\s+and\s+)(?:{_WORDS}))*"
# "million" after a space; "m", "bn", "b", "k" glued to the figure ("3.8M", "$4.2bn").
# "1.46 bn" and "4.5 mn" are as often written apart: "bn" and "mn" are never anything else.
# A scale word a PDF broke at a line's end ("2.5 mil-\nlion people") is the same word.
_BREAK = r"(?:-[ \t]*\r?\n[ \t]*)?"
_SCALE_WORDS = rf"mil{_BREAK}lion|bil{_BREAK}lion|thou{_BREAK}sand|tril{_BREAK}lion"
_SCALE = rf"(?:\s+(?P<scale>{_SCALE_WORDS}|bn|mn)\b|(?P<short>bn|mn|m|b|k)\b)?"
_MONEY_SCALE = rf"(?:\s+(?P<mscale>{_SCALE_WORDS}|bn|mn)\b|(?P<mshort>bn|mn|m|b|k)\b)?"
_CURRENCY_CODES = "|".join(CURRENCY_CODES)  # (lexicon.py; the text is lowered)
_CURRENCY = rf"(?P<cur>us\s?\$|\b(?:{_CURRENCY_CODES})\b|\$|{rx.EURO}|{rx.POUND}|{rx.NAIRA})\s?"
_PERCENT = r"(?P<pct>\s*%|\s+percent\b|\s+per\s*cent\b)?"
_MENTION = rx.compile(
    rf"(?:{_CURRENCY}(?P<money>{_NUM}){_MONEY_SCALE}"
    # Nigerian reports write naira as a capital N glued to grouped digits: "N14,500,000"
    rf"|\bn(?P<naira>\d{{1,3}}(?:,\d{{3}})+)\b"
    rf"|\b(?:between\s+(?P<b1>{_NUM}|{WORDNUM})\s+and\s+(?P<b2>{_NUM}|{WORDNUM})"
    rf"(?:\s+(?P<bs>{_SCALE_WORDS}|bn|mn)\b)?"  # "between 17 and 20 million": both ends
    # (one space at most on each side: "37      -      58" is a table's cells, one empty)
    rf"|(?P<r1>{_NUM})(?: ?(?:-|–) ?| to )(?P<r2>{_NUM})(?:\s+(?P<rs>{_SCALE_WORDS}|bn|mn)\b)?"
    rf"|(?P<in1>\d{{1,2}}|one|two|three|four|five|six|seven|eight|nine)"
    # "one child in five": a share, whichever single person it names
    rf"(?:\s+(?:child|person|woman|man|girl|boy|adult|household|family|resident|refugee|"
    rf"pupil|student))?"
    rf"\s+(?:in|out\s+of)\s+(?:every\s+)?"
    rf"(?P<in2>\d{{1,3}}|two|three|four|five|six|seven|eight|nine|ten)\b"
    rf"|(?:(?P<hw>{WORDNUM}|\d+)\s+and\s+)?(?:a\s+|one\s+)?half\s+(?:a\s+)?"
    rf"(?P<hs>mil{_BREAK}lion|bil{_BREAK}lion)\b"
    rf"|(?P<num>{_NUM}){_SCALE}(?P<plus>\+)?"
    rf"|(?P<words>{WORDNUM})){_PERCENT})"
)
_RUNS_ON = frozenset("0123456789-")
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
           "k": 1e3, "m": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9}  # fmt: skip
_MONEY_UNITS = {"$": "dollars", "us$": "dollars", "us $": "dollars", "usd": "dollars",
                rx.EURO: "euros", "eur": "euros", rx.POUND: "pounds", "gbp": "pounds",
                "chf": "francs"}  # fmt: skip


def _whole_word(word: str) -> str:
    """ "mil-\nlion" -> "million"."""
    return word if "-" not in word else "".join(word.replace("-", "").split())


def scan_mentions(text: str, start: int, end: int) -> Iterator[Mention]:
    """Numerals, number words, money and ranges in text[start:end], as mentions.

    One finditer per stretch (each RE2 call encodes the text once); a run-on
    hyphenated token starts a new one after it.
    """
    pos = start
    while pos < end:
        for m in _MENTION.finditer(text, pos, end):
            if m.took_part("r2") and text[m.end("r2") : m.end("r2") + 1] in _RUNS_ON:
                pos = _token_end(text, m.end("r2"), end)
                break
            if m.took_part("r2") and _year_then_count(m["r1"], m["r2"]):
                pos = m.start("r2")  # "declared in October 2024 to 86 314 cases"
                break
            if _inside_figure(text, m.start()):
                continue  # ",500,000" of "N14,500,000": never a figure of its own
            if (
                (mention := _mention_from(m))
                and mention.unit is not None
                and (ranged := _money_range(text, m, mention, end))
            ):
                yield ranged  # "US$ 300-500", "$2-3 billion": one figure, both its ends
                pos = ranged.end
                break
            if mention:
                yield mention
            elif m.took_part("r2") and " " in text[m.end("r1") : m.start("r2")]:
                pos = m.start("r2")  # "2024 - 126" is no range; "2022–23" is a span of years
                break
        else:
            return


_YEARLIKE = re.compile(YEAR)


def _year_then_count(low: str, high: str) -> bool:
    """ "October 2024 to 86 314 cases": a year, then a figure ten times as large; the two
    ends of a range of counts are of one size ("2,000 to 3,000 people")."""
    if not _YEARLIKE.fullmatch(low):
        return False
    top = numeral_value(high)
    return top is not None and top > 10 * int(low)


def _inside_figure(text: str, at: int) -> bool:
    """The match starts after a digit and a thousands comma or decimal point: it is
    the tail of a figure the scan could not read whole (glued to letters)."""
    return at >= 2 and text[at - 1] in ",." and text[at - 2].isdigit()


def _token_end(text: str, pos: int, end: int) -> int:
    """Where a hyphenated token of digits and letters ends."""
    while pos < end and (text[pos] in _RUNS_ON or text[pos].isalpha()):
        pos += 1
    return pos


def _value_of(token: str) -> float | None:
    token = token.strip()
    return numeral_value(token) if token[:1].isdigit() else words_to_int(token)


def _mention_from(m: rx.Match) -> Mention | None:
    """A mention from a match of _MENTION, or None when its digits make no number.
    (Which alternative matched is read from the spans: none of these groups can
    match empty, and decoding each to test it was a tenth of scanning for numbers.)"""
    took_part = m.took_part
    percent = took_part("pct")
    if took_part("money"):
        return _money(m)
    if took_part("naira"):
        value = numeral_value(m["naira"])
        return Mention(m.start(), m.end(), value, None, "exact", False, False, "other:naira")
    if took_part("b1"):
        if _years_apart(m["b1"], m["b2"]) and not COUNT_NOUN_AFTER.match(m.string, m.end()):
            return None  # "between 2023 and 2025": a period (dates.py), not a count
        scale = _SCALES[_whole_word(m["bs"])] if took_part("bs") else 1
        worded = not m["b1"][0].isdigit()
        last = m["b2"].split()[-1]
        if worded and last in _SCALES and m["b1"].split()[-1] not in _SCALES:
            # "between two and three million": the scale is the low end's too
            low = _value_of(m["b1"])
            low = low and low * _SCALES[last]
            return _range(m, m["b1"], m["b2"], percent, worded=True, low=low)
        return _range(m, m["b1"], m["b2"], percent, worded=worded, scale=scale)
    if took_part("r1"):
        if _years_apart(m["r1"], m["r2"]) and not COUNT_NOUN_AFTER.match(m.string, m.end()):
            return None  # "a pledge for 2025-2027": years, not a range of counts
        scale = _SCALES[_whole_word(m["rs"])] if took_part("rs") else 1
        return _range(m, m["r1"], m["r2"], percent, worded=False, scale=scale)
    if took_part("in1"):
        share = _value_of(m["in1"]), _value_of(m["in2"])
        if None in share or not 0 < share[0] < share[1]:  # type: ignore[operator]
            return None
        value = round(100 * share[0] / share[1], 2)  # type: ignore[operator]
        return Mention(m.start(), m.end(), value, None, "exact", True, not m["in1"].isdigit())
    if took_part("hs"):
        whole = _value_of(m["hw"]) if m["hw"] else 0
        if whole is None:
            return None
        value = scaled(whole + 0.5, _SCALES[_whole_word(m["hs"])])
        return Mention(m.start(), m.end(), value, None, "exact", False, True)
    if took_part("num"):
        return _numeral(m, percent)
    value = words_to_int(m["words"])
    if value is None:
        return None
    return Mention(m.start(), m.end(), value, None, "exact", percent, True)


def _years_apart(first: str, last: str) -> bool:
    return bool(_YEARLIKE.fullmatch(first) and _YEARLIKE.fullmatch(last)) and (
        0 < int(last) - int(first) <= 50
    )


def _range(
    m: rx.Match,
    low_text: str,
    high_text: str,
    percent: bool,
    *,
    worded: bool,
    scale: float = 1,
    low: float | None = None,
):
    low, high = low or _value_of(low_text), _value_of(high_text)
    if low is None or high is None or low >= high:
        return None
    if scale != 1:
        low, high = scaled(low, scale), scaled(high, scale)
    return Mention(m.start(), m.end(), low, high, "range", percent, worded)


_PEOPLE_AFTER = re.compile(
    r"\s+(?:more\s+|new\s+|other\s+)?(?:people|persons|civilians|residents|refugees|"
    r"children|idps|individuals|families|households|migrants|returnees|displaced|ppl|hhs)\b",
    re.IGNORECASE,
)


def _numeral(m: rx.Match, percent: bool) -> Mention | None:
    value = numeral_value(m["num"])
    if value is None:
        return None
    end = m.end()
    if m.took_part("short"):
        people = _PEOPLE_AFTER.match(m.string, end)
        if "." not in m["num"] and m["short"] not in ("bn", "mn", "k") and not people:
            # "12M" or "12b" alone could be a building, a model, metres: read 12 and stop;
            # "43K civilians" is people
            return Mention(m.start(), m.end("num"), value, None, "exact", False, False)
        value = scaled(value, _SCALES[m["short"]])
    elif m.took_part("scale"):
        value = scaled(value, _SCALES[_whole_word(m["scale"])])
    qualifier = "at_least" if m.took_part("plus") else "exact"  # "20+" in a table: at least 20
    if not percent and (odd := _ODD_AFTER.match(m.string, end)) is not None:
        qualifier, end = "approx", odd.end()  # "the 4,000-odd residents": about 4,000
    return Mention(m.start(), end, value, None, qualifier, percent, False)


_ODD_AFTER = re.compile(r"[-\s]odd\b", re.IGNORECASE)


def _money(m: rx.Match) -> Mention:
    value = numeral_value(m["money"]) or 0.0
    scale = m["mscale"] or m["mshort"]
    if scale:
        value = scaled(value, _SCALES[_whole_word(scale)])
    code = " ".join(m["cur"].split())
    unit = "other:" + _MONEY_UNITS.get(code, code if code.isalpha() else "money")
    return Mention(m.start(), m.end(), value, None, "exact", False, False, unit)


# The far end of a range of money: "US$ 300-500", "$2-3 billion", "US$ 670 million to
# US$ 810 million", "between US$ 670 million and US$ 810 million" (lowered text)
_MONEY_RANGE_TAIL = re.compile(
    r"[ \t]*(?P<sep>-|–|—|to|and)[ \t]*(?:us\s?\$\s?|\$|€|£|₦|[a-z]{3}\s)?"
    rf"(?P<n>{_NUM})(?:\s*(?P<scale>{_SCALE_WORDS}|bn|mn|m|b|k)\b)?"
)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:an estimated\s+|about\s+)?\Z")


def _money_range(text: str, m: rx.Match, first: Mention, end: int) -> Mention | None:
    tail = _MONEY_RANGE_TAIL.match(text, first.end, end)
    if tail is None or first.value is None:
        return None
    if tail["sep"] == "and" and not _BETWEEN_BEFORE.search(text, max(0, m.start() - 30), m.start()):
        return None  # "US$ 5 million and 200 tonnes of food": two figures
    high = numeral_value(tail["n"])
    if high is None:
        return None
    low = first.value
    if tail["scale"]:
        scale = _SCALES[_whole_word(tail["scale"])]
        high = scaled(high, scale)
        if not (m["mscale"] or m["mshort"]):
            low = scaled(low, scale)  # "$2-3 billion": both ends in billions
    if not low < high:
        return None
    return Mention(first.start, tail.end(), low, high, "range", False, False, first.unit)


# --- vague amounts, dozens, shares ------------------------------------------------

_VAGUE_WORDS = ("dozens", "scores", "hundreds", "thousands", "millions", "tens", "several", "few")
_SHARE_WORDS = ("half", "third", "quarter", "fifth", "tenth")


# A share whose first word is a number ("about one-third", "two thirds"): a share even
# with no "of" after it; its "one" or "two" is never a count of its own. ("half" and "a
# third" alone are not: "the first half", "wounding a third".)
_COUNTED_SHARE = ("one", "two", "three")
# "less than a quarter funded", "nearly half": a qualified share is a figure on its own
_SHARE_QUALIFIED = re.compile(
    r"\b(?:less than|more than|nearly|almost|about|over|under|barely)\s+\Z"
)


def _vague_mentions(text: str, start: int, end: int) -> list[Mention]:
    window = text[start:end]  # substring tests first: most articles need none of these scans
    out = []
    if any(map(window.__contains__, _VAGUE_WORDS)):  # C loop, no generator frames
        out += [
            Mention(m.start(), m.end(), None, None, "vague", False, True)
            for m in VAGUE.finditer(text, start, end)
        ]
    if "dozen" in window:
        out += [
            Mention(m.start(), m.end(), dozen_value(m.group()), None, "exact", False, True)
            for m in DOZEN.finditer(text, start, end)
        ]
    if any(map(window.__contains__, _SHARE_WORDS)):
        out += [
            Mention(m.start("f"), m.end("f"), FRACTIONS[m["f"]], None, "exact", True, True)
            for m in FRACTION.finditer(text, start, end)
            if text[m.start("f") - 1 : m.start("f")] != "-"
            and (
                m.end() - m.start() > len(m["f"])
                or m["f"].startswith(_COUNTED_SHARE)
                or _SHARE_QUALIFIED.search(text, max(0, m.start("f") - 12), m.start("f"))
            )
        ]
    return out


# One person, counted without a numeral: "a nurse was killed", "wounded a 71-year-old
# woman", "killing two drivers and wounding a third". The extractor keeps such a
# mention only where it counts harm to people (claims.py); the mention covers the
# article and any age, the counted noun follows it.
_PERSON = (
    "civilian|person|child|woman|man|boy|girl|baby|infant|nurse|doctor|paramedic|medic|"
    "journalist|reporter|soldier|policeman|police officer|officer|worker|aid worker|"
    "volunteer|teacher|student|resident|farmer|driver|shepherd|fisherman|herder|"
    "teenager|toddler|pupil|surgeon|midwife|patient|caretaker|deminer|guard|passenger|"
    "pilgrim|refugee|migrant|detainee|prisoner|protester|demonstrator|activist|trader|"
    "shopkeeper|vendor|imam|priest|pastor|elder|chief|civil servant|member"
)
_ONE = rx.compile(
    rf"\b(?:an?|another)\s+(?:(?:(?:\d+|[a-z]+)-(?:year|month)-old|young|elderly|local|"
    rf"female|male|pregnant|wounded|displaced|humanitarian|health|unarmed)\s+)?"
    rf"(?:(?P<who>{_PERSON})\b|(?P<ord>third|fourth|fifth|sixth)\b)"
)


# "a civilian minibus", "a child protection team": the word names a kind of thing
_MODIFIES = re.compile(
    r"\s+(?:bus|minibus|car|vehicle|truck|lorry|convoy|boat|ship|plane|aircraft|house|home|"
    r"building|area|neighbou?rhood|target|object|infrastructure|facility|population|"
    r"protection|camp|shelter|settlement|site|hospital|clinic|school|market|centre|center|"
    r"organi[sz]ation|group|union|association|committee|council|movement|rights|"
    r"casualty|death|toll|service|services|status)\b"
)


def _ones(text: str, start: int, end: int) -> list[Mention]:
    out = []
    for m in _ONE.finditer(text, start, end):
        if m["who"] and _MODIFIES.match(text, m.end()):
            continue
        end_at = m.start("who") if m["who"] else m.end()
        out.append(Mention(m.start(), end_at, 1.0, None, "exact", False, True, one=True))
    return out


def find_mentions(text: str, start: int, end: int) -> list[Mention]:
    """Number mentions in text[start:end], with qualifiers, without overlaps."""
    raw = list(scan_mentions(text, start, end))
    raw += _vague_mentions(text, start, end)
    raw += _ones(text, start, end)
    raw.sort(key=lambda x: (x.start, -(x.end - x.start)))
    out: list[Mention] = []
    for mention in raw:
        if out and mention.start < out[-1].end:
            continue
        exact = mention.qualifier == "exact" and not mention.one
        q = qualifier_before(text, mention.start) if exact else None
        if q is not None:
            mention = mention._replace(start=q.start, qualifier=q.kind)
        out.append(mention)
    return _with_bracketed_shares(text, out)


# "three quarters of violent deaths (74%)", "One in three households (33%)": the share in
# words and the per cent in brackets that states it exactly
_TO_BRACKET = re.compile(r"\s*(?:[^\W\d_][^\d().;:\n]{0,50})?\(")


def _with_bracketed_shares(text: str, mentions: list[Mention]) -> list[Mention]:
    """A share in words followed by its per cent in brackets is one figure: the written
    per cent, quoted with the words it states ("Nearly three quarters of violent deaths
    (74%)": 74, not 75 beside a second claim of 74)."""
    out: list[Mention] = []
    for mention in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.worded
            and prev.percent
            and mention.percent
            and not mention.worded
            and text[mention.end : mention.end + 1] == ")"
            and _TO_BRACKET.fullmatch(text, prev.end, mention.start)
        ):
            out[-1] = mention._replace(start=prev.start, end=mention.end + 1)
            continue
        out.append(mention)
    return out


# The digits or number words of a mention, after any qualifier words.
NUMBER_START = re.compile(r"(?:[A-Za-z]+\s+){0,3}?(?=[\d($€£]|" + WORDNUM + "|half)", re.I)
