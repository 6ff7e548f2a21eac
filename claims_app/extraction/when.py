"""When a figure happened: the date phrase of its own clause, chosen with care.

A sentence often holds dates that are not its figure's:
- another clause's ("reopened on Saturday, and 11 trucks crossed on Sunday");
- a relative clause's, or the main clause's for a figure inside a relative
  clause ("The plant, which served about 60,000 people, has been out of service
  since 11 March": the 60,000 has no date);
- a reference point ("before late January"), a compared figure's ("up from
  142 in December"), a plan's future ("will be cut by half from June");
- the statement's own date ("WHO said on Thursday"), which dates a figure only
  when nothing else does, and which ends an open period: "1,486 cases since 1
  January, WHO said on Thursday" runs to that Thursday. A paragraph closed by
  one dated source in brackets ("(OCHA 14/12/2023)") gives the same.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from itertools import pairwise

from claims_app.extraction.dates import DateMention, find_dates
from claims_app.extraction.lexicon import LABEL_MAX
from claims_app.extraction.pagedates import find_date

# Where one clause ends and the next begins (lowered text).
# (", and wounding 19 others" goes on with the clause before it: no break)
_BREAK = re.compile(
    r";|:(?=\s)|,\s+(?:and(?!\s+[a-z]+ing\b)|but|while|whereas|as|adding|saying|noting|"
    r"pointing out|stressing)\b"
    # ", the ministry said": a speaker's clause; not ", 803 new cases were reported", a
    # figure reported under the date that opens the sentence
    r"|,\s+(?:[a-z][\w'’-]*\s+){0,4}?(?<!were )(?<!was )(?<!been )"
    r"(?:said|says|added|noted|told|reported)\b"
)
_RELATIVE = re.compile(r",\s+(?:which|who|whom|whose|where)\b[^,;:]*(?:,|$)")
_REFERENCE_BEFORE = re.compile(r"\b(?:before|prior to|until|till|ahead of)\s+(?:the\s+)?\Z")
# "up from 142 in December 2024": the date of the number compared with, not of the figure
_COMPARED_BEFORE = re.compile(
    r"\b(?:up|down|rising|falling|compared|against)\s+(?:from|with|to)\s+(?P<n>[\w,.]+)\s+"
    r"(?:(?:in|on|during|for|over)\s+)?(?:the\s+(?:whole|rest|end|start)\s+of\s+)?\Z"
)
# "28 per cent higher than in May", "a 27 per cent increase on February", "up 18 per cent
# from June": the period compared with, not the figure's own
_BASELINE_BEFORE = re.compile(
    r"(?:\b(?:than|compared (?:with|to)|relative to|versus|vs\.?)\s+"
    r"(?:(?:in|on|during|for|over|at)\s+)?(?:the\s+)?(?:same\s+[a-z]+\s+(?:of\s+|in\s+)?)?"
    r"|\b(?:increase|rise|decrease|drop|fall|jump|up|down)\s+(?:on|from|over)\s+(?:the\s+)?"
    r"(?:same\s+[a-z]+\s+(?:of\s+|in\s+)?)?)\Z"
)
_COMPARISON_MARK = re.compile(
    r"\b(?:compared (?:with|to)|(?<!more )(?<!less )(?<!fewer )(?<!no )(?<!rather )than|"
    r"up from|down from|versus|vs\.?)\b"  # ("more than 40": a qualifier, no comparison)
)
# What the two patterns above cannot match without (substring tests first: C speed)
_BASELINE_WORDS = ("than", "compared", "relative", "versus", "vs", " on ", " from ", " over ")
_COMPARISON_WORDS = ("compared", "than", " from ", "versus", "vs")
SAID_BEFORE = re.compile(
    r"\b(?:said|says|reported|announced|stated|warned|added|confirmed|published|released|"
    r"issued|told (?:[\w.'’]+ ){0,3}?)"  # ("the IPC analysis, published on 12/11/2025")
    r"\s*(?:on\s+)?(?:late |early )?\Z"
)
# "cases have been reported since January", "were reported on Monday": the passive
# reports the events themselves; the date is theirs, not a statement's
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are)\s+\Z")


def said_on(low: str, d: DateMention) -> bool:
    """The date is the day something was said ("WHO said on Thursday"), not the day of
    what was counted. A period opened by "since" never is ("reported since January")."""
    said = SAID_BEFORE.search(low, max(0, d.start - 40), d.start)
    if said is None or low.startswith("since", d.start):
        return False
    return _PASSIVE_BEFORE.search(low, max(0, said.start() - 12), said.start()) is None


_SOURCES = re.compile(r"\(([^()]*?\d{1,2}/\d{1,2}/\d{4}[^()]*)\)\s*\Z")
_DMY = re.compile(r"\d{1,2}/\d{1,2}/\d{4}")


@lru_cache(maxsize=256)  # every figure and date of a sentence asks for its clauses
def clause_spans(low: str, start: int, end: int) -> tuple[list[tuple[int, int]], list]:
    """The sentence low[start:end] cut into clauses, and its relative clauses."""
    relatives = [(m.start(), m.end()) for m in _RELATIVE.finditer(low, start, end)]
    cuts = [start]
    for b in _BREAK.finditer(low, start, end):
        if not any(r0 < b.start() < r1 for r0, r1 in relatives):
            cuts.append(b.start())
    cuts.append(end)
    return [(a, b) for a, b in pairwise(cuts) if b > a], relatives


@lru_cache(maxsize=256)  # the place, the date and the date claims of a figure ask in turn
def figure_region(low: str, start: int, end: int, at: int) -> tuple[tuple[int, int], ...]:
    """Where the dates of the figure at `at` may be: its clause, without the relative
    clauses it is not in; inside a relative clause, that clause and what leads to it."""
    clauses, relatives = clause_spans(low, start, end)
    clause = next(((a, b) for a, b in clauses if a <= at < b), (start, end))
    inside = next(((r0, r1) for r0, r1 in relatives if r0 <= at < r1), None)
    if inside is not None:
        return ((clause[0], inside[0]), inside)  # the subject's date ("The 2023 plan, which")
    parts, cursor = [], clause[0]
    for r0, r1 in relatives:
        if clause[0] <= r0 < clause[1]:
            parts.append((cursor, r0))
            cursor = r1
    parts.append((cursor, clause[1]))
    return tuple(parts)


def statement_day(low: str, dates: list[DateMention]) -> date | None:
    """The day a sentence's statement was made: "..., WHO said on Thursday"."""
    for d in dates:
        if d.precision == "day" and said_on(low, d):
            return d.first
    return None


def source_day(paragraph: str) -> date | None:
    """A paragraph closed by its sources in brackets, if they all carry one date."""
    m = _SOURCES.search(paragraph[-200:])
    if m is None:
        return None
    days = {find_date(d) for d in _DMY.findall(m.group(1))} - {None}
    return days.pop() if len(days) == 1 else None


def figure_date(
    low: str,
    sentence: tuple[int, int],
    figure: tuple[int, int],
    dates: list[DateMention],
    *,
    anchor: date | None,
    future: bool,
    stated: date | None,
) -> DateMention | None:
    """The date phrase that dates the figure at low[figure[0]:figure[1]], if any."""

    def dating(spans) -> list[DateMention]:
        return [
            d for d in dates
            if any(a <= d.start < b for a, b in spans) and _may_date(low, d, anchor, future, figure)
        ]  # fmt: skip

    candidates = dating(figure_region(low, *sentence, figure[0]))
    if not candidates and (label := _label_dates(low, sentence, dates)):
        candidates = label  # "22 July, Arghandab district: a tractor struck a mine, killing"
    if dates and all(said_on(low, d) for d in candidates):
        # ("the ministry said on Wednesday that 27 were killed, and 64 injured in
        # Monday's shelling": the day it was said dates neither)
        candidates += dating((_elliptical_partner(low, sentence, figure),))
    if (earlier := _when_clause_date(low, figure, candidates)) is not None:
        return earlier
    if (compared := _same_period_after(low, figure, candidates)) is not None:
        return compared  # "up from 4,870 in the same period last year": that year's
    # "the previous week" dates only the figure it compares with, right before it
    candidates = [d for d in candidates if not _earlier_week_of_another(low, d, figure)]
    # The day it was said ("WFP warned last week") is not the figure's; it only ends an
    # open period (`stated`)
    chosen = _nearest(
        [d for d in candidates if not said_on(low, d)],
        figure,
        low,
    )
    if chosen is None and _STILL_AFTER.match(low, figure[1]):
        said = [d for d in candidates if said_on(low, d) and d.precision == "day"]
        if said:  # "said on 26 October that 37 people remained in custody": that day's state
            return said[0]
    if chosen is not None and (as_of := _as_of_day(low, dates, chosen, anchor)) is not None:
        return chosen._replace(last=as_of)  # "As of 8 June, ... killed since 1 April"
    if chosen is not None and stated is not None and open_until(chosen, anchor, stated):
        return chosen._replace(last=stated)  # "since 1 January, WHO said on Thursday"
    if chosen is not None and (until := _brought_up_to(low, sentence, figure, chosen, dates)):
        return chosen._replace(last=until)
    return chosen


# A figure's state that day, not an event: "37 people remained in custody", "are still held"
_STILL_AFTER = re.compile(
    r"\s+(?:had\s+|have\s+)?(?:remain|remains|remained|(?:are|were|is|was)\s+still|still)\b"
)


# An incident list's entry opens on a label of its day and place, then a colon
_LABEL_END = re.compile(r":\s")


def _label_dates(
    low: str, sentence: tuple[int, int], dates: list[DateMention]
) -> list[DateMention]:
    """The day of the label an entry opens on ("22 July, Arghandab district, Kandahar: a
    tractor struck a mine, killing the driver"): it dates the whole entry."""
    colon = _LABEL_END.search(low, sentence[0], min(sentence[1], sentence[0] + LABEL_MAX))
    if colon is None:
        return []
    return [d for d in dates if d.start == sentence[0] and d.end <= colon.start()]


# ", and 64 injured", ", and 40 others wounded": a conjunct with a figure and a
# participle but no verb of its own shares the date of the clause it goes on from
_ELLIPTICAL = re.compile(
    r",\s+and\s+(?:(?:at least|more than|over|about|some|nearly|another)\s+)?[\d,.]+\s+"
    r"(?:[a-z-]+\s+){0,2}?(?:injured|wounded|killed|dead|hurt|missing|abducted|arrested|"
    r"detained|displaced)\b(?!\s+(?:by|were|was|have|had|are)\b)"
)


# "X was attacked on the night of 3 March; at least 23 people were killed": the toll
# after a semicolon is the attack's, told as its own clause with no date of its own
_CONSEQUENCE = re.compile(
    r";\s+(?:(?:at least|more than|over|about|some|nearly|another|a further)\s+)?[\d,.]+\s+"
    r"(?:[a-z-]+\s+){0,2}?(?:were|was|have been|had been)\s+(?:[a-z]+ly\s+)?"
    r"(?:injured|wounded|killed|hurt|abducted|arrested|detained|displaced|burned|burnt|"
    r"destroyed|damaged|looted|razed|seized|stolen|torched)\b"  # "; 14 trucks were burned"
)


def _elliptical_partner(
    low: str, sentence: tuple[int, int], figure: tuple[int, int]
) -> tuple[int, int]:
    """The clause an elliptical conjunct shares its date with: the one before, for a
    figure in the conjunct; the conjunct, for the figure of the clause before it.
    ("27 people were killed, 11 of them children, and 64 injured in Monday's shelling")"""
    clauses, _ = clause_spans(low, *sentence)
    at = next((i for i, (a, b) in enumerate(clauses) if a <= figure[0] < b), None)
    if at is None:
        return (0, 0)
    if at > 0 and (
        _ELLIPTICAL.match(low, clauses[at][0]) or _CONSEQUENCE.match(low, clauses[at][0])
    ):
        return clauses[at - 1]
    if at + 1 < len(clauses) and _ELLIPTICAL.match(low, clauses[at + 1][0]):
        return clauses[at + 1]
    return (0, 0)


# "up from 38 the previous week", "1,980 the week before" (claims.py finds them in the
# article and dates them as the week before the one counted; here, whose figure it is)
PREVIOUS_WEEK = (
    r"(?:(?:in|during|over) )?the (?:previous|preceding) week|the week before|a week earlier"
)
_PREVIOUS_WEEK = re.compile(PREVIOUS_WEEK)
_COMPARED_GAP = re.compile(r"[^\d.;]{0,30}")


def _earlier_week_of_another(low: str, d: DateMention, figure: tuple[int, int]) -> bool:
    if not _PREVIOUS_WEEK.fullmatch(d.text.lower()):
        return False
    if figure[0] < d.start < figure[1]:
        return False  # "1,980 the week before": the quote took in part of the phrase
    return not (d.start >= figure[1] and _COMPARED_GAP.fullmatch(low, figure[1], d.start))


_SAME_PERIOD_GAP = re.compile(r"[\s\w]{0,30}? (?:in|over|during|for) the same period (?:of |in )?")


def _same_period_after(
    low: str, figure: tuple[int, int], candidates: list[DateMention]
) -> DateMention | None:
    for d in candidates:
        if d.start >= figure[1] and _SAME_PERIOD_GAP.fullmatch(low, figure[1], d.start):
            return d
    return None


_AS_OF_BEFORE = re.compile(r"\bas (?:of|at)\s+(?:\d{1,2}[:.]\d\d\s*(?:hrs?\s*)?,?\s*)?\Z")


def _as_of_day(low: str, dates: list[DateMention], open_: DateMention, anchor) -> date | None:
    """The day an "as of" in the sentence closes an open period on ("As of 8 June, the
    toll since 1 April stood at 1,260": to 8 June, not to the page's day)."""
    if open_.precision != "period" or anchor is None or open_.last != anchor:
        return None
    for d in dates:
        if (
            d is not open_
            and d.precision == "day"
            and open_.first <= d.first < open_.last
            and _AS_OF_BEFORE.search(low, max(0, d.start - 24), d.start)
        ):
            return d.first
    return None


_BRINGING = re.compile(r"\b(?:bringing|brings|raising|taking|pushing)\b")


def _brought_up_to(
    low: str, sentence: tuple[int, int], figure: tuple[int, int], open_: DateMention, dates
) -> date | None:
    """ "69 were killed between 11 and 12 March, bringing the number killed since 7 October
    to 31,204": the running total stands as of the new figures' last day."""
    if open_.precision != "period" or not open_.text.lower().startswith(("since ", "from ")):
        return None
    if not _BRINGING.search(
        low, sentence[0], figure[0] if figure[0] < open_.start else open_.start
    ):
        return None
    ends = [d.last for d in dates if d is not open_ and d.end <= open_.start
            and open_.first <= d.last < open_.last]  # fmt: skip
    return max(ends) if ends else None


def _may_date(
    low: str, d: DateMention, anchor: date | None, future: bool, figure: tuple[int, int]
) -> bool:
    before = low[max(0, d.start - 50) : d.start]
    if _REFERENCE_BEFORE.search(before):
        return False  # "before late January"
    if (
        d.start >= figure[1]
        and any(map(low[figure[1] : d.start].__contains__, _COMPARISON_WORDS))
        and _COMPARISON_MARK.search(low, figure[1], d.start)
    ):
        return False  # "1,430 a day, compared with 11,902 in the previous period (16-28 Feb)"
    baseline = (
        _BASELINE_BEFORE.search(before) if any(map(before.__contains__, _BASELINE_WORDS)) else None
    )
    if baseline and not d.start - len(before) + baseline.start() < figure[0] < d.start:
        return False  # "28 per cent higher than in May": the month compared with
    compared = _COMPARED_BEFORE.search(before)
    if compared and d.start - len(before) + compared.start("n") != figure[0]:
        return False  # "up from 142 in December": 142's date, unless 142 is the figure
    return not (future and anchor is not None and d.first > anchor)  # a plan's date


# "the highest since June 2024, when the SCM recorded 214 civilian deaths": a figure in a
# "when" clause is of the day or month the clause hangs on, not of the span since then.
_WHEN_AFTER = re.compile(r",\s+when\b")


def _when_clause_date(low: str, figure: tuple[int, int], candidates) -> DateMention | None:
    for d in candidates:
        after = _WHEN_AFTER.match(low, d.end)
        if after is None or not after.end() <= figure[0]:
            continue
        if "," in low[after.end() : figure[0]] or "." in low[after.end() : figure[0]]:
            continue  # the figure is past the "when" clause
        if d.precision == "period" and d.text.lower().startswith("since "):
            point = find_dates(d.text[6:], d.first)  # its start, as written ("June 2024")
            return point[0]._replace(start=d.start, end=d.end) if point else None
        return d
    return None


def _nearest(
    dates: list[DateMention], figure: tuple[int, int], low: str = ""
) -> DateMention | None:
    """The date closest to the figure; one right after it wins a tie, and one its own
    preposition joins to it wins outright ("38 in 2023, 71 in 2024": 2024 for 71)."""

    def distance(d: DateMention) -> tuple[int, int]:
        if d.start >= figure[1] and _JOINED.fullmatch(low, figure[1], d.start):
            return (0, 0)
        gap = d.start - figure[1] if d.start >= figure[1] else figure[0] - d.end
        return (max(0, gap), 0 if d.start >= figure[1] else 1)

    return min(dates, key=distance) if dates else None


_JOINED = re.compile(r" (?:in|on|during) ")

_OPEN_STARTS = (
    "since ",
    "from ",
    "in the following",
    "over the following",
    "during the following",
    "in the next",
    "over the next",
    "in the subsequent",
    "over the subsequent",
)


def open_until(d: DateMention, anchor: date | None, stated: date) -> bool:
    """An open period ("since 1 January") that the statement's day ends sooner."""
    return (
        d.precision == "period"
        and (not d.relative or d.text.lower().startswith(_OPEN_STARTS))
        and anchor is not None
        and d.last == anchor
        and d.first <= stated < anchor
    )  # fmt: skip
    # "over the past week" counts back from the page's day, as it is read; "since August"
    # (its year inferred, so `relative`) starts on a fixed day and runs to the statement.
