"""Date phrases in sentences -> the day or period they name.

Relative phrases are resolved against the article's date (the anchor):
"on Wednesday" in an item dated Thursday 30 May 2019 is 2019-05-29; "last
week" is the Monday-Sunday week before; "since late April" runs from 21 April
to the anchor; "between February 2 and May 20" takes the anchor's year, or
the year before when that would put it after the anchor.

The result's `iso` is a day (2019-05-29), a period (2019-05-20/2019-05-26),
a month (2019-05) or a year (2015), as the phrase was precise.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from collections.abc import Callable
from datetime import date, timedelta
from typing import NamedTuple

from claims_app.extraction import rx
from claims_app.extraction.fold import ascii_lower
from claims_app.extraction.lexicon import COUNT_NOUN_AFTER
from claims_app.extraction.numbers import words_to_int
from claims_app.extraction.pagedates import MONTH_RE, MONTHS, ORDINAL

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY_RE = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_PART = {"early": 1, "beginning of": 1, "start of": 1, "mid": 11, "mid-": 11, "middle of": 11,
         "late": 21, "end of": 21}  # fmt: skip
_FUTURE = rx.compile(  # on whole (lowered) sentences
    r"\b(?:will|could|would|is set to|are set to|is scheduled|are scheduled|plans? to|next|"
    r"upcoming|is expected to|are expected to|is due to)\b",
)


class DateMention(NamedTuple):
    start: int
    end: int
    text: str
    first: date
    last: date
    precision: str  # day | period | month | year
    relative: bool  # resolved against the article date

    def with_text(self, text: str) -> DateMention:
        # Finders read the lowered copy; the mention quotes the text as written.
        # (Positional construction: dataclasses.replace costs more than the finder.)
        return DateMention(self.start, self.end, text, self.first, self.last,
                           self.precision, self.relative)  # fmt: skip

    @property
    def iso(self) -> str:
        if self.precision == "year":
            return f"{self.first.year}"
        if self.precision == "month":
            return f"{self.first.year}-{self.first.month:02d}"
        if self.precision == "day" or self.first == self.last:
            return self.first.isoformat()
        return f"{self.first.isoformat()}/{self.last.isoformat()}"


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, anchor: date | None) -> date | None:
    """A day written without its year: the latest such day not after the anchor."""
    if anchor is None:
        return None
    found = _safe(anchor.year, month, day)
    if found is not None and found > anchor + timedelta(days=7):
        found = _safe(anchor.year - 1, month, day)
    return found


# --- the phrase patterns, tried longest first ----------------------------------


def _dm(p: str) -> str:
    """ "2 March" or "March 2", with named groups prefixed by p.

    ("March 123" is no date: callers check that no digit follows group {p}d2.)
    """
    return (  # (with an ordinal's letters: "9th February", "the 3rd of March", "May 2nd")
        rf"(?:(?P<{p}d1>\d{{1,2}}){ORDINAL}\s+(?:of\s+)?(?P<{p}m1>{MONTH_RE})"
        rf"|(?P<{p}m2>{MONTH_RE})\s+(?P<{p}d2>\d{{1,2}}){ORDINAL})"
    )


def _day_runs_on(m: rx.Match, text: str, *prefixes: str) -> bool:
    """True when a "Month D" day is really the start of a longer number."""
    for p in prefixes:
        if m[f"{p}d2"] is not None and text[m.end(f"{p}d2") : m.end(f"{p}d2") + 1].isdigit():
            return True
    return False


YEAR = r"(?:19[5-9]\d|20\d\d)"  # a year a report may name (mentions.py reads it too)
# The article-wide scans run on RE2 (rx.py): `\b` where `re` would use a lookbehind,
# lookaheads checked in Python after the match.
# "from 3 May to 9 June", "between ... and ...", and with a dash alone: "1 January – 28
# February 2025" (a word between two dates needs "from" or "between" before them: "on 2
# May and 9 June" are two days).
_RANGE = rx.compile(
    rf"\b(?:(?P<pre>between|from)\s+)?{_dm('a')}(?:,?\s+(?P<ay>{YEAR}))?"
    rf"(?:\s+(?P<word>and|to|until|till)\s+|\s*(?:-|–|—)\s*){_dm('b')}(?:,?\s+(?P<by>{YEAR}))?",
)
# "between 18 and 24 February 2025", "on 6 and 7 August", "6-7 Aug", "the night of 27 to
# 28 April", "February 2-9": two days of one month (+ not followed by a digit).
_SHARED_MONTH = rx.compile(
    rf"\b(?:(?:between|from|on)\s+)?(?:the (?:night|nights|afternoons|mornings|evenings) of\s+)?"
    rf"(?:(?P<a1>\d{{1,2}})\s*(?:-|–|to|and|until)\s*(?P<b1>\d{{1,2}})\s+(?P<m1>{MONTH_RE})"
    rf"|(?P<m2>{MONTH_RE})\s+(?P<a2>\d{{1,2}})\s*(?:-|–|to|and)\s*(?P<b2>\d{{1,2}}))"
    rf"(?:,?\s+(?P<y>{YEAR}))?"
)
# "the first half of December", "the first ten days of March", "the second week" is _MONTH_YEAR's
_PART_OF_MONTH = rx.compile(
    rf"\b(?:in\s+)?the (?P<which>first|second|last) (?:(?P<half>half)|(?P<n>\d+|ten|two|three|"
    rf"four|five|six|seven|eight|nine|fifteen) days) of (?P<m>{MONTH_RE})(?:\s+(?P<y>{YEAR}))?\b"
)
_FULL = rx.compile(rf"\b{_dm('x')}(?:,?\s+(?P<xy>{YEAR}))?")  # + not followed by a digit
_MONTH_YEAR = rx.compile(
    rf"\b(?:(?P<part>early|mid-?|late|the (?:beginning|start|end|middle) of|"
    rf"(?:the )?(?:first|second|third|fourth|last|final) week of)\s*)?"
    rf"(?P<m>{MONTH_RE})(?:\s+(?:of\s+)?(?P<y>{YEAR}))?\b",
)
_MONTH_PREP = re.compile(r"\b(?:in|since|of|until|by|from|during)\s+$")
_SINCE = re.compile(r"\b(?:since|from)\s+$")
# "since the start of the World Cup on June 10": a period from that day
_SINCE_START = re.compile(
    r"\bsince (?:the )?(?:start|beginning|outbreak|launch|opening) of [^,.;]{0,60}?\s(?:on|in)\s+$"
)
_WEEKDAY = rx.compile(
    rf"\b(?:(?P<last>last|this|on|since|late on|early on|overnight on)\s+)?"
    rf"(?P<wd>{_WEEKDAY_RE})\b"
)  # + not followed by a day number ("Monday, 3 May" is a full date)
_WEEKDAY_DAY_AFTER = re.compile(r",?\s+\d")
_NIGHT_AFTER = re.compile(r"\s+night\b")
_ON_AFTER = re.compile(r"\s+on\s+")
_YEAR_ONLY = rx.compile(
    rf"(?:\b(?P<prep>in|since|of|from|during|until|by|before|after)\s+"
    rf"(?:(?:early|mid|late)[- ])?|(?m:^)[ \t]*(?:[*\x1a-]\s*)?)(?P<y>{YEAR})\b"
)  # (or opening a line, a timeline's entry: "2011 – Protests spread ..."; \x1a: a bullet)
_ENTRY_DASH = re.compile(r"\s*[-–—]+\s")
_COUNT = r"(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|several)"
_PAST_SPAN = rx.compile(
    rf"\b(?:over |in |during |for )?the (?:past|last|previous) (?:{_COUNT}\s+)?"
    r"(?P<u>hours?|days?|weeks?|months?|years?)\b"
)  # + not followed by "of": "the last week of May" is a month's week
_OF_AFTER = re.compile(r"\s+of\b")
_FIXED = rx.compile(
    r"\b(?P<w>yesterday|today|tonight|this morning|this afternoon|this evening|earlier today|"
    r"this week|last week|earlier this week|"
    r"(?:over|at|during) the weekend|last weekend|overnight|last night|"
    r"last month|this month|earlier this month|last year|this year|earlier this year|"
    r"the start of the month|the beginning of the month|the start of the year|"
    r"the beginning of the year)\b",
)
_AGO = rx.compile(rf"\b{_COUNT}\s+(?P<u>days?|weeks?|months?|years?)\s+ago\b")


_HINT = rx.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|yesterday|today|tonight|"
    r"this|last|past|previous|earlier|ago|since|monday|tuesday|wednesday|thursday|friday|"
    r"weekend|overnight|"
    r"saturday|sunday|the (?:start|beginning)|quarter|half)"
)


def find_dates(
    text: str,
    anchor: date | None,
    *,
    future: bool | None = None,
    low: str | None = None,
    future_at: Callable[[int], bool] | None = None,
) -> list[DateMention]:
    """Every date phrase in text, in order, without overlaps (longest wins).

    For a whole article, pass its lowered copy (`low`) and `future_at(offset)`,
    which says whether the sentence at that offset speaks of the future ("is
    set to meet on Friday"); for one sentence, both are worked out here.
    """
    low = ascii_lower(text) if low is None else low
    if not _HINT.search(low):
        return []  # most sentences: nothing that could be a date
    if future_at is None:
        tense = bool(_FUTURE.search(low)) if future is None else future

        def future_at(_pos: int) -> bool:
            return tense

    found: list[DateMention] = []
    starts: list[int] = []  # spans taken so far, by start; they never overlap,
    ends: list[int] = []  # so their ends ascend too: a new one is checked against two
    present = _gate_words_in(low)
    for finder in _FINDERS:
        if present.isdisjoint(_GATES[finder]):
            continue
        for mention in finder(low, anchor, future_at, text):
            at = bisect_left(starts, mention.start)
            if (at > 0 and ends[at - 1] > mention.start) or (
                at < len(starts) and starts[at] < mention.end
            ):
                continue  # overlaps a span an earlier finder took
            found.append(mention.with_text(text[mention.start : mention.end]))
            starts.insert(at, mention.start)
            ends.insert(at, mention.end)
    found.sort(key=lambda m: m.start)
    if anchor is not None and not present.isdisjoint(_POINTING_WORDS):
        found = _anaphoric(low, text, found, anchor)
    if "same period" in low:
        found = _same_period(low, found)
    return found


# "So far this year, 14,600 fatalities, compared with about 11,200 over the same period
# of 2024": the period named before, in the other year, not the whole of that year
_SAME_PERIOD_BEFORE = re.compile(r"the same period (?:of |in )?\Z")
_SAME_PERIOD_REACH = 400  # the period compared with is named in the sentence or the one before


def _same_period(low: str, found: list[DateMention]) -> list[DateMention]:
    out = list(found)
    for i, m in enumerate(found):
        if m.precision != "year":
            continue
        if not _SAME_PERIOD_BEFORE.search(low, max(0, m.start - 20), m.start):
            continue
        named = next((p for p in reversed(found[:i]) if p.precision == "period"
                      and m.start - p.end < _SAME_PERIOD_REACH
                      and p.first.year == p.last.year), None)  # fmt: skip
        if named is None or named.first.year == m.first.year:
            continue
        try:
            first = named.first.replace(year=m.first.year)
            last = named.last.replace(year=m.first.year)
        except ValueError:  # 29 February in a year without one
            continue
        out[i] = DateMention(m.start, m.end, m.text, first, last, "period", True)
    return out


# Dates that point back at the last day the text named: "Fighting intensified on 23
# September ... Since then, ...", "killed on 6 and 7 August ... over the two days",
# "a strike on 12 December ... fled in the following days", "the next day".
_ANAPHORIC = rx.compile(
    r"\bsince (?P<since>then|that (?:day|date|time))\b"
    r"|\b(?:on |later )?(?P<same>the same day|that (?:same )?day)\b"
    r"|\b(?:on )?the (?P<next>following|next) day\b"
    r"|\b(?:on )?the (?P<prev>previous|preceding) day\b|\bthe day before\b"
    r"|\b(?:in|over|during) the (?P<after>following|next|subsequent) (?:few )?days\b"
    r"|\b(?:over|during|in) the (?P<n>two|three|four|five|six|seven|2|3|4|5|6|7) days\b"
    r"|\b(?:has|have|had) (?P<bare>since)\b"  # "4,600 households have since fled"
    r"|\b(?:during|over|throughout|in) the (?P<month>month)\b"  # the report's month
    # "Between 1 April and 10 May ... Over the same period, shelling killed 31": that period
    r"|\b(?:during|over|throughout|in|for) the (?P<period>same period)\b"
)
# Words the pattern cannot match without (" day" alone would let it run on most articles)
_POINTING_WORDS = (
    "since then", "since that", "that day", "same day", "following day", "next day", "previous day",
    "preceding day", "day before", "following days", "following few", "next days", "next few",
    "subsequent", "two days", "three days", "four days", "five days", "six days",
    "seven days", " 2 days", " 3 days", " 4 days", " 5 days", " 6 days", " 7 days",
    "has since", "have since", "had since", "the month", "same period",
)  # fmt: skip
# "the same period of 2024", "... last year": a period of another year (_same_period)
_ANOTHER_YEAR_AFTER = (" of", " in", " last", " a year", " the previous", " the year")
_SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _anaphoric(low: str, text: str, found: list[DateMention], anchor: date) -> list[DateMention]:
    out = list(found)
    for m in _ANAPHORIC.finditer(low):
        if low.startswith(" yesterday", m.end()):
            continue  # "the day before yesterday": counted from the page's day, not the last
        if any(d.start <= m.start() < d.end for d in found):
            continue
        if m["month"] and low.startswith(" of", m.end()):
            continue  # "the month of May": a month the finders read
        if m["period"] and low.startswith(_ANOTHER_YEAR_AFTER, m.end()):
            continue
        if m["bare"] and any(d.start == m.start("bare") for d in found):
            continue  # "have since 2015 been": a date of its own
        if m["month"]:
            span = _report_month(found, anchor)
        else:
            before = [d for d in found if d.end <= m.start() and m.start() - d.end <= 600
                      and d.precision in ("day", "period") and d.first <= anchor]  # fmt: skip
            span = _pointed_span(m, before, anchor)
        if span is not None:
            first, last = span
            precision = "month" if m["month"] else "day" if first == last else "period"
            out.append(DateMention(m.start(), m.end(), text[m.start() : m.end()], first, last,
                                   precision, True))  # fmt: skip
    return sorted(out, key=lambda d: d.start)


def _report_month(found: list[DateMention], anchor: date):
    """ "during the month" in a monthly report: the first month it names (its headline's
    or lede's), if that month has begun by the article's day."""
    month = next((d for d in found if d.precision == "month" and d.first <= anchor), None)
    return (month.first, month.last) if month else None


def _pointed_span(m: re.Match[str], before: list[DateMention], anchor: date):
    if m["period"]:  # the last period named before
        periods = [d for d in before if d.precision == "period"]
        return (periods[-1].first, periods[-1].last) if periods else None
    days = [d for d in before if d.precision == "day"]
    if m["n"]:  # "over the two days": the last period of that many days
        n = _SMALL.get(m["n"]) or int(m["n"])
        periods = [d for d in before if (d.last - d.first).days + 1 == n]
        return (periods[-1].first, periods[-1].last) if periods else None
    if not days:
        return None
    day = days[-1].first
    if m["since"] or m["after"] or m["bare"]:
        return (day, anchor) if day < anchor else None
    if m["same"]:
        return day, day
    step = timedelta(days=1 if m["next"] else -1)
    return (day + step, day + step) if day + step <= anchor else None


def speaks_of_future(low_sentence: str) -> bool:
    return bool(_FUTURE.search(low_sentence))


def _mention(m: re.Match[str], first: date, last: date, precision: str, rel: bool,
             start: int | None = None, end: int | None = None) -> DateMention:  # fmt: skip
    s = m.start() if start is None else start
    e = m.end() if end is None else end
    return DateMention(s, e, m.string[s:e], first, last, precision, rel)


def _day_of(m: re.Match[str], p: str, year: int | None, anchor: date | None) -> date | None:
    day = m[f"{p}d1"] or m[f"{p}d2"]
    month = _month(m[f"{p}m1"] or m[f"{p}m2"])
    if year is not None:
        return _safe(year, month, int(day))
    return _infer_year(month, int(day), anchor)


def _ranges(text: str, anchor: date | None, _f: bool, _original: str):
    for m in _RANGE.finditer(text):
        if _day_runs_on(m, text, "a", "b") or (m["word"] and not m["pre"]):
            continue
        year_b = int(m["by"]) if m["by"] else None
        year_a = int(m["ay"]) if m["ay"] else year_b
        last = _day_of(m, "b", year_b, anchor)
        first = _day_of(m, "a", year_a, anchor)
        if first and last and first > last and year_a is None:
            first = _safe(first.year - 1, first.month, first.day)
        if first and last and first <= last:
            yield _mention(m, first, last, "period", m["ay"] is None and m["by"] is None)


def _shared_months(text: str, anchor: date | None, _f: bool, _original: str):
    for m in _SHARED_MONTH.finditer(text):
        if text[m.end() : m.end() + 1].isdigit():
            continue
        month = _month(m["m1"] or m["m2"])
        first_day, last_day = int(m["a1"] or m["a2"]), int(m["b1"] or m["b2"])
        if first_day >= last_day:
            continue  # "12-5 March": not a span of days
        year = int(m["y"]) if m["y"] else None
        last = _safe(year, month, last_day) if year else _infer_year(month, last_day, anchor)
        first = _safe(last.year, month, first_day) if last else None
        if first and last:
            yield _mention(m, first, last, "period", m["y"] is None)


# "June to September 2026", "Jan-Sep 2026", "between June and September", "from January
# to March 2025": whole months, the first's first day to the last's last ("in May and June"
# are two months: "and" needs "between")
_MONTH_SPAN = rx.compile(
    rf"\b(?:(?P<pre>between|from)\s+)?(?P<ma>{MONTH_RE})(?:\s+(?P<ay>{YEAR}))?"
    rf"(?:\s*(?:-|–|—)\s*|\s+(?P<word>to|and|until|till|through)\s+)"
    rf"(?P<mb>{MONTH_RE})(?:\s+(?P<by>{YEAR}))?"
)


def _month_spans(text: str, anchor: date | None, _f: bool, _original: str):
    for m in _MONTH_SPAN.finditer(text):
        if m["word"] == "and" and m["pre"] != "between":
            continue
        if text[m.end() : m.end() + 3].lstrip()[:1].isdigit():
            continue  # "June to September 12": days, _ranges' to read
        first_month, last_month = _month(m["ma"]), _month(m["mb"])
        turn = first_month > last_month  # "October to March": into the next year
        if m["by"]:
            year_b = int(m["by"])
            year_a = int(m["ay"]) if m["ay"] else year_b - turn
        elif m["ay"]:
            year_a = int(m["ay"])
            year_b = year_a + turn
        elif anchor is not None:  # the latest such span that has begun by the article's day
            year_a = anchor.year if first_month <= anchor.month else anchor.year - 1
            year_b = year_a + turn
        else:
            continue
        first, last = date(year_a, first_month, 1), _month_end(year_b, last_month)
        if first < last:
            yield _mention(m, first, last, "period", m["ay"] is None and m["by"] is None)


# "the first nine months of 2026", "in the first six months of the year"
_FIRST_MONTHS = rx.compile(
    r"\bthe first (?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2}) months "
    rf"of (?:(?P<y>{YEAR})|the year|this year)\b"
)


def _first_months(text: str, anchor: date | None, _f: bool, _original: str):
    for m in _FIRST_MONTHS.finditer(text):
        n = _COUNT_WORDS.get(m["n"]) or int(m["n"])
        year = int(m["y"]) if m["y"] else (anchor.year if anchor else None)
        if year is not None and 1 <= n <= 11:
            yield _mention(m, date(year, 1, 1), _month_end(year, n), "period", m["y"] is None)


_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11}  # fmt: skip


_ORDINAL_WORDS = {"ten": 10, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                  "eight": 8, "nine": 9, "fifteen": 15}  # fmt: skip


def _parts_of_month(text: str, anchor: date | None, _f: bool, _original: str):
    for m in _PART_OF_MONTH.finditer(text):
        month = _month(m["m"])
        year = int(m["y"]) if m["y"] else (_infer_year(month, 1, anchor) or date.min).year
        if year == date.min.year:
            continue
        end = _month_end(year, month)
        days = 15 if m["half"] else int(_ORDINAL_WORDS.get(m["n"], m["n"]))
        if m["which"] == "first":
            first, last = date(year, month, 1), date(year, month, min(days, end.day))
        else:
            first, last = end - timedelta(days=end.day - days - 1 if m["half"] else days - 1), end
        yield _mention(m, first, last, "period", m["y"] is None)


# "the third quarter of 2024", "the first half of the year", "Q3 2024", "H1 2025"
_QUARTER = rx.compile(
    r"\b(?:the\s+)?(?P<n>first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+"
    r"(?P<u>quarter|half)(?:\s+of\s+(?:(?P<y>(?:19|20)\d\d)|the\s+year|this\s+year))?\b"
    r"|\b(?P<qh>[qh])(?P<k>[1-4])\s*(?P<y2>(?:19|20)\d\d)\b"
)
_NTH = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _quarters(text: str, anchor: date | None, _f: bool, _original: str):
    for m in _QUARTER.finditer(text):
        if m["qh"]:
            unit, k, year = ("quarter" if m["qh"] == "q" else "half"), int(m["k"]), int(m["y2"])
        else:
            unit, year = m["u"], int(m["y"]) if m["y"] else None
            k = _NTH.get(m["n"], 4 if unit == "quarter" else 2)  # "final", "last"
        months = 3 if unit == "quarter" else 6
        if k * months > 12:
            continue  # "H3 2024": no such half
        if year is None:  # the latest such part that has begun by the article's day
            if anchor is None:
                continue
            year = anchor.year if (k - 1) * months + 1 <= anchor.month else anchor.year - 1
        first = date(year, (k - 1) * months + 1, 1)
        yield _mention(m, first, _month_end(year, k * months), "period", m["y"] is None
                       and m["y2"] is None)  # fmt: skip


# "epi week 9", "epidemiological week 38 of 2024": weeks of the epidemiological (ISO)
# calendar, Monday to Sunday, as health bulletins count them
# Bulletins drop the "epi": "In week 38, 2,316 new cases", "(week 22: 1,017)" - a bare
# "week N" after a preposition, a bracket or a line's start is the calendar's week too
# (not "week 3 of the siege": a count of weeks since something)
_EPI_WEEK = rx.compile(
    r"(?:\b(?:epi|epidemiological|epidemiologic)[ -]?weeks?\s*(?:no\.?\s*)?"
    r"|(?:\b(?:in|during|for|by|since|of|to|and|vs\.?|versus|from)\s+|\(|^|\n)(?P<w>[Ww]eek)\s+)"
    r"(?P<n>\d{1,2})\b(?P<of>\s+of\s+(?:the|a|an|its|their|this)\b)?"
    r"(?:\s*(?:of\s+|,\s*)?(?P<y>(?:19|20)\d\d)\b)?"
)


_WEEK_SPELT_OUT = re.compile(r"\s*[:(]\s*\d{1,2}(?:\s*[–-]\s*\d{1,2})?\s+[A-Za-z]{3}")


def _epi_weeks(text: str, anchor: date | None, _f: bool, _original: str):
    for m in _EPI_WEEK.finditer(text):
        if m["of"]:
            continue  # "week 3 of the siege"
        if m["w"] and _WEEK_SPELT_OUT.match(text, m.end()):
            continue  # "Week 23: 31 May – 6 June 2025": the days given are the dates
        week, year = int(m["n"]), int(m["y"]) if m["y"] else None
        if year is None:
            if anchor is None:
                continue
            year = anchor.year
            this_year = _iso_week(year, week)
            if this_year is None or this_year[0] > anchor:
                year -= 1  # "epi week 50" read in January: last year's
        days = _iso_week(year, week)
        if days is not None:
            yield _mention(
                m,
                days[0],
                days[1],
                "period",
                m["y"] is None,
                start=m.start("w") if m["w"] else None,
            )


def _iso_week(year: int, week: int) -> tuple[date, date] | None:
    try:
        return date.fromisocalendar(year, week, 1), date.fromisocalendar(year, week, 7)
    except ValueError:
        return None  # week 0, or a week 53 the year has not


def _full_dates(text: str, anchor: date | None, _f: bool, _original: str):
    for m in _FULL.finditer(text):
        if _day_runs_on(m, text, "x") or text[m.end() : m.end() + 1].isdigit():
            continue
        day = _day_of(m, "x", int(m["xy"]) if m["xy"] else None, anchor)
        if day is None:
            continue
        since = _SINCE.search(text, max(0, m.start() - 8), m.start()) or _SINCE_START.search(
            text, max(0, m.start() - 90), m.start()
        )
        if since and anchor and day <= anchor:
            yield _mention(m, day, anchor, "period", False, start=since.start())
        else:
            yield _mention(m, day, day, "day", False)  # a written day; only its year is inferred


# "2025-03-14", "14/03/2025", "14.03.2025": a day written in digits (day first, as
# international bulletins write it, unless only month first can be: "03/20/2025")
_NUMERIC_DAY = rx.compile(
    rf"(?:^|[^\d./-])(?:(?P<iy>{YEAR})-(?P<im>\d\d)-(?P<id>\d\d)"
    rf"|(?P<nd>\d{{1,2}})[./](?P<nm>\d{{1,2}})[./](?P<ny>{YEAR}))(?:$|[^\d])"
)


def _numeric_days(text: str, anchor: date | None, _f: bool, _original: str):
    for m in _NUMERIC_DAY.finditer(text):
        if m.took_part("iy"):
            day = _safe(int(m["iy"]), int(m["im"]), int(m["id"]))
            start, end = m.start("iy"), m.end("id")
        else:
            first, second, year = int(m["nd"]), int(m["nm"]), int(m["ny"])
            day = _safe(year, second, first) or _safe(year, first, second)
            start, end = m.start("nd"), m.end("ny")
        if day is None or (text[end : end + 1] in "./-" and text[end + 1 : end + 2].isdigit()):
            continue  # ("1.14.2025.3", "2025-03-14-2": a version or a code, not a day)
        yield _day_or_since(m, text, anchor, day, day, start, end)


def _day_or_since(
    m: rx.Match, text: str, anchor: date | None, first: date, last: date, start: int, end: int
) -> DateMention:
    """A day written in digits (or the span of days `first` to `last`), or, after
    "since" or "from", the period from its first day to the anchor."""
    since = _SINCE.search(text, max(0, start - 8), start)
    if since and anchor and last <= anchor:
        return _mention(m, first, anchor, "period", False, start=since.start(), end=end)
    precision = "period" if first < last else "day"
    return _mention(m, first, last, precision, False, start=start, end=end)


# "04/03, 14:30 — Kalehe territory: ...", "suspended since 07/02", "07-08/03, night":
# a security log's day and month in digits, day first, with no year. Both written with
# two digits, as such logs do: "1/2" and "24/7" are a fraction and a schedule.
_SHORT_NUMERIC_DAY = rx.compile(
    r"(?:^|[^\d./:-])(?:(?P<d0>\d\d)-)?(?P<d>\d\d)/(?P<m>\d\d)(?:$|[^\d/])"
)


def _short_numeric_days(text: str, anchor: date | None, _f: bool, _original: str):
    for m in _SHORT_NUMERIC_DAY.finditer(text):
        month, last_day = int(m["m"]), int(m["d"])
        if not 1 <= month <= 12 or (day := _infer_year(month, last_day, anchor)) is None:
            continue  # "50/50": no month; with no page date, no year either
        start, first = m.start("d"), day
        if m.took_part("d0") and (earlier := _safe(day.year, month, int(m["d0"]))) is not None:
            first, start = earlier, m.start("d0")  # "07-08/03": a night across two days
        yield _day_or_since(m, text, anchor, first, day, start, m.end("m"))


_WEEK_INDEX = {"first": 0, "second": 1, "third": 2, "fourth": 3}


def _week_of(part: str, year: int, month: int) -> tuple[date, date]:
    """ "the second week of February": days 8-14; "the last week of January": the last 7."""
    word = part.replace("the ", "").split()[0]
    if word in _WEEK_INDEX:
        first = date(year, month, 1 + 7 * _WEEK_INDEX[word])
        return first, min(first + timedelta(days=6), _month_end(year, month))
    end = _month_end(year, month)
    return end - timedelta(days=6), end


# "at the end of March", "by the end of May": a stand on the month's last day, where
# "towards the end of March" and "in late March" are its last days
_AT_THE_END = re.compile(r"\b(?:at|by|as of|as at)\s+$")


def _is_the_verb_may(m: re.Match[str], low: str, original: str) -> bool:
    """ "casualties may rise": lower case, or no year, part or preposition around it."""
    if original[m.start("m")] == "m":
        return True
    if m["y"] or m["part"]:
        return False
    return not _MONTH_PREP.search(low, max(0, m.start() - 7), m.start())


def _months(text: str, anchor: date | None, future: Callable[[int], bool], original: str):
    for m in _MONTH_YEAR.finditer(text):
        if m["m"] == "may" and _is_the_verb_may(m, text, original):
            continue
        month = _month(m["m"])
        if m["y"]:
            year = int(m["y"])
        elif anchor and future(m.start()):
            year = anchor.year if month >= anchor.month else anchor.year + 1
        else:
            inferred = _infer_year(month, 1, anchor)
            year = inferred.year if inferred else None
        if year is None:
            continue
        first, last = date(year, month, 1), _month_end(year, month)
        if m["part"] and "week" in m["part"]:
            first, last = _week_of(m["part"], year, month)
            yield _mention(m, first, last, "period", not m["y"])
            continue
        if (
            m["part"]
            and _AT_THE_END.search(text, max(0, m.start() - 8), m.start())
            and (m["part"].lower().endswith("end of"))
        ):
            yield _mention(m, last, last, "day", not m["y"])  # "funded at the end of March"
            continue
        if m["part"]:
            first = date(year, month, _PART.get(m["part"].lower().replace("the ", ""), 1))
        since = _SINCE.search(text, max(0, m.start() - 8), m.start())
        if since and anchor and first <= anchor:
            yield _mention(m, first, anchor, "period", True, start=since.start())
        elif m["part"]:
            yield _mention(m, first, min(last, first + timedelta(days=10)), "period", not m["y"])
        else:
            yield _mention(m, first, last, "month", not m["y"])


def _weekdays(text: str, anchor: date | None, future: Callable[[int], bool], _original: str):
    if anchor is None:
        return
    for m in _WEEKDAY.finditer(text):
        if _WEEKDAY_DAY_AFTER.match(text, m.end()):
            continue
        target = WEEKDAYS.index(m["wd"].lower())
        back = (anchor.weekday() - target) % 7
        if (m["last"] or "").lower() == "last" and back <= 1:
            # "last Wednesday", said on a Thursday: the Wednesday of the week before; the
            # day before is "yesterday" or "on Wednesday"
            back += 7
        # "last Thursday" and "since Friday" are past whatever the sentence's tense
        # ("protested last Thursday after WFP announced that rations would fall")
        past = (m["last"] or "").lower() in ("last", "since")
        day = (
            anchor + timedelta(days=(target - anchor.weekday()) % 7)
            if future(m.start()) and not past
            else anchor - timedelta(days=back)
        )
        if (m["last"] or "").lower() == "since":
            yield _mention(m, day, anchor, "period", True)
        elif night := _NIGHT_AFTER.match(text, m.end()):  # "Sunday night": into Monday
            yield _mention(m, day, day + timedelta(days=1), "period", True, end=night.end())
        else:
            yield _mention(m, day, day, "day", True)


_SINCE_START_OF = re.compile(r"\bsince (?:the )?(?:start|beginning) of\Z")


# "between 2023 and 2025", "from 2016 to 2019": the whole of those years
_YEAR_SPAN = rx.compile(rf"\b(?:between (?P<a>{YEAR}) and|from (?P<b>{YEAR}) to) (?P<z>{YEAR})\b")


def _year_spans(text: str, _a: date | None, _f: bool, _original: str):
    for m in _YEAR_SPAN.finditer(text):
        first, last = int(m["a"] or m["b"]), int(m["z"])
        if 0 < last - first <= 50 and not COUNT_NOUN_AFTER.match(text, m.end()):
            yield _mention(m, date(first, 1, 1), date(last, 12, 31), "period", False)


def _years(text: str, anchor: date | None, _f: bool, _original: str):
    for m in _YEAR_ONLY.finditer(text):
        if m["prep"] is None and not _ENTRY_DASH.match(text, m.end()):
            continue  # a year opening a line is a date only as a timeline's entry
        if COUNT_NOUN_AFTER.match(text, m.end()):
            continue  # "a total of 1950 people": a count that looks like a year
        year = int(m["y"])
        since = m["prep"] == "since" or (
            m["prep"] == "of"
            and _SINCE_START_OF.search(text, max(0, m.start() - 30), m.end("prep")) is not None
        )  # "since the beginning of 2026": the same open period as "since 2026"
        if since and anchor and year <= anchor.year:
            yield _mention(m, date(year, 1, 1), anchor, "period", False)
        else:
            yield _mention(
                m, date(year, 1, 1), date(year, 12, 31), "year", False, start=m.start("y")
            )


def _count(word: str | None) -> int:
    if not word:
        return 1
    if word.isdigit():
        return int(word)
    if word.lower() in ("few", "several"):
        return 3
    return words_to_int(word) or 1


def _past_spans(text: str, anchor: date | None, _f: bool, _original: str):
    if anchor is None:
        return
    for m in _PAST_SPAN.finditer(text):
        if _OF_AFTER.match(text, m.end()):
            continue
        n, unit = _count(m["n"]), m["u"].lower().rstrip("s")
        days = {"hour": n / 24, "day": n, "week": 7 * n, "month": 30 * n, "year": 365 * n}[unit]
        first = anchor - timedelta(days=max(1, round(days)))
        yield _mention(m, first, anchor, "period", True)


def _fixed(text: str, anchor: date | None, _f: bool, _original: str):
    if anchor is None:
        return
    for m in _FIXED.finditer(text):
        if m["w"] in ("overnight", "last night") and _ON_AFTER.match(text, m.end()):
            continue  # "overnight on Sunday": the weekday says which night
        first, last, precision = _fixed_span(m["w"].lower(), anchor)
        yield _mention(m, first, last, precision, True)


def _fixed_span(word: str, anchor: date) -> tuple[date, date, str]:
    monday = anchor - timedelta(days=anchor.weekday())
    month_start = anchor.replace(day=1)
    if word.endswith("weekend"):  # the last Saturday and Sunday before the anchor
        sunday = anchor - timedelta(days=(anchor.weekday() + 1) % 7 or 7)
        return sunday - timedelta(days=1), sunday, "period"
    if word in ("overnight", "last night"):  # the night before the day it is told
        return anchor - timedelta(days=1), anchor, "period"
    if word == "yesterday":
        return anchor - timedelta(days=1), anchor - timedelta(days=1), "day"
    if word in ("today", "tonight", "this morning", "this afternoon", "this evening",
                "earlier today"):  # fmt: skip
        return anchor, anchor, "day"
    if word in ("this week", "earlier this week"):
        return monday, anchor, "period"
    if word == "last week":
        return monday - timedelta(days=7), monday - timedelta(days=1), "period"
    if word == "last month":
        prev = month_start - timedelta(days=1)
        return prev.replace(day=1), prev, "month"
    if word in ("this month", "earlier this month", "the start of the month",
                "the beginning of the month"):  # fmt: skip
        return month_start, anchor, "period"
    if word == "last year":
        return date(anchor.year - 1, 1, 1), date(anchor.year - 1, 12, 31), "year"
    return date(anchor.year, 1, 1), anchor, "period"  # this year, start of the year


def _agos(text: str, anchor: date | None, _f: bool, _original: str):
    if anchor is None:
        return
    for m in _AGO.finditer(text):
        n, unit = _count(m["n"]), m["u"].lower().rstrip("s")
        if unit == "year":
            year = anchor.year - n
            yield _mention(m, date(year, 1, 1), date(year, 12, 31), "year", True)
        else:
            day = anchor - timedelta(days=n * {"day": 1, "week": 7, "month": 30}[unit])
            yield _mention(m, day, day, "day" if unit == "day" else "period", True)


# "The 2023 Humanitarian Response Plan", "the 2025 HNRP", "the UN's 2025 appeal", "Mali's
# 2025 response plan": the year a plan's figures are for.
PLAN_YEAR = rx.compile(
    rf"\b(?:the |[a-z]+'s )(?:[a-z]+'s )?(?P<y>{YEAR})(?:[-/](?:{YEAR}|\d\d))? "
    r"(?:[a-z'-]+ ){0,5}?"
    r"(?:plan|appeal|hrp|hnrp|hnro|budget|requirements)\b"
)


def _plan_years(text: str, _a: date | None, _f: bool, _original: str):
    for m in PLAN_YEAR.finditer(text):
        year = int(m["y"])
        yield _mention(m, date(year, 1, 1), date(year, 12, 31), "year", False,
                       start=m.start("y"), end=m.end("y"))  # fmt: skip


_FINDERS = [_plan_years, _ranges, _shared_months, _month_spans, _first_months, _parts_of_month,
            _quarters, _epi_weeks,
            _full_dates, _numeric_days, _short_numeric_days, _past_spans, _months, _fixed,
            _agos, _weekdays, _year_spans, _years]  # fmt: skip
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# Words without which a finder cannot match: a substring test (C speed) skips it.
_GATES: dict = {
    _plan_years: ("plan", "appeal", "hrp", "hnrp", "budget", "requirements"),
    _ranges: _MONTH_STEMS,
    _shared_months: _MONTH_STEMS,
    _month_spans: _MONTH_STEMS,
    _first_months: ("months of",),
    _parts_of_month: (" days of", " half of"),
    _quarters: ("quarter", "half", "q1", "q2", "q3", "q4", "h1", "h2"),
    _epi_weeks: ("epi", "week"),
    _full_dates: _MONTH_STEMS,
    _numeric_days: ("/19", "/20", ".19", ".20", "-0", "-1"),
    _short_numeric_days: ("/0", "/1"),
    _months: _MONTH_STEMS,
    _past_spans: ("the past", "the last", "the previous"),
    _fixed: (
        "yesterday",
        "today",
        "tonight",
        "this ",
        "last ",
        "the start of",
        "the beginning of",
        "weekend",
        "overnight",
    ),
    _agos: (" ago",),
    _weekdays: ("day",),
    _year_spans: ("19", "20"),
    _years: ("19", "20"),
}
_GATES["pointing back"] = _POINTING_WORDS  # not a finder: _anaphoric's words
_ALL_GATE_WORDS = sorted({w for words in _GATES.values() for w in words})
# Every gate word in one RE2 set, one pass: a finder runs only if one of its words
# occurs (anywhere, inside another word or overlapping one: "the last" and "last ").
_GATE_WORDS = rx.PatternSet([re.escape(w) for w in _ALL_GATE_WORDS])


def _gate_words_in(low: str) -> set[str]:
    return {_ALL_GATE_WORDS[i] for i in _GATE_WORDS.found(low)}
