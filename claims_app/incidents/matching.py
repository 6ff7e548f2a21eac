"""Whether two reported figures are reports of the same thing, and why.

Two figures belong to one incident when they count the same kind of harm, in
the same or a contained place, on the same days, of compatible subjects:

- **Kind**: the category, with displaced and refugees as one kind; "other" and
  uncategorised figures never group. The unit must be the same (people are not
  households).
- **Place**: the same name once generic words are set aside ("Idlib city" =
  "Idlib"), or one name's words inside the other's ("Idlib" contains "central
  Idlib", "Ebrimsa" contains "Ebrimsa field hospital"). No place, no incident.
- **Days**: a day matches the same day, or a short period (up to a week: "over
  the weekend", "between 2 and 5 May") that holds it; short periods match when
  they overlap. A longer period is a running total ("since April"): it matches
  only another total over the same days, never one day's count. A figure that
  names no day of its own goes on telling of the day the sentence before it in
  its paragraph named ("An airstrike hit the market on 5 March, killing 12. More
  than 40 people were injured."): extraction keeps that day apart from the event
  date (claims.context_start/end), and the reason says where it came from. No date,
  no incident: a figure whose day nobody knows is not grouped by guess.
- **Subjects**: the same group: people in general (people, civilians,
  residents, deaths...) with each other; a particular group (children, health
  workers) only with itself: "four children" killed in a strike that killed
  nine civilians is another count, not another report of the same one.

Their figures are compared (a **conflict** when their intervals do not meet)
only when the subjects are the same group counted the same way: a part of a
total of people in general ("including 20 civilians" of 71 people) only with
another such part; a particular group ("including nine children") with any
count of that group, part or not.

Pure: plain values in, a reason or None out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from claims_app.incidents.intervals import Interval, figure_interval

KINDS = {
    "killed": "killed", "injured": "injured", "casualties": "killed and injured",
    "displaced": "displaced and refugees", "refugees": "displaced and refugees",
    "detained": "detained", "at_risk": "at risk", "attacks": "attacks",
    "facilities_hit": "facilities hit",
}  # fmt: skip
SHORT_PERIOD_DAYS = 7

# Words that say what sort of place it is, not which: "Idlib city" = "Idlib".
_GENERIC_PLACE = frozenset(
    "the city town village district province governorate region state county "
    "municipality area areas camp neighbourhood neighborhood suburb suburbs "
    "countryside urban of in near around greater".split()
)
# What was hit there, not where: "Kafr Nabil National Hospital", "Kafr Nabil's central
# market" and "Kafr Nabil" are one place to group by (same kind, same day).
_FACILITY = frozenset(
    "market marketplace hospital clinic school mosque church bakery square road street "
    "junction checkpoint crossing bridge shelter centre center post station national "
    "general teaching main public primary secondary health medical surgical".split()
)
# Words that say which part of a place: "central Idlib" is inside "Idlib", but
# "North Darfur" is not "South Darfur".
_PART_OF_PLACE = frozenset(
    "central northern southern eastern western north south east west northeast "
    "northwest southeast southwest north-east north-west south-east south-west "
    "outskirts rural".split()
)
# Subjects that are people in general: compatible with any particular group.
_PEOPLE = frozenset(
    "people person persons civilian civilians individual individuals resident residents "
    "death deaths casualty casualties victim victims injured wounded dead killed displaced "
    "inhabitant inhabitants other others more martyr martyrs citizen citizens".split()
)


@dataclass(frozen=True)
class Report:
    """What grouping needs of one claim."""

    category: str | None
    unit: str | None
    location: str | None
    start: date | None
    end: date | None
    subject: str | None = None
    value: float | None = None
    value_max: float | None = None
    qualifier: str | None = None
    quote: str = ""
    breakdown: bool = False  # part of a total reported beside it
    dated_by_context: bool = False  # start/end are the day its paragraph tells of

    @property
    def kind(self) -> str | None:
        return KINDS.get(self.category or "")

    @property
    def interval(self) -> Interval | None:
        return figure_interval(self.value, self.value_max, self.qualifier, self.quote)


def groupable(r: Report) -> bool:
    """Has what grouping needs: a kind, a place, a day or period, a count."""
    return bool(
        r.kind and r.location and r.start and r.end and r.unit != "percent"
        and r.interval is not None
    )  # fmt: skip


def same_incident(a: Report, b: Report) -> str | None:
    """Why a and b report the same incident, or None if they do not."""
    if not (groupable(a) and groupable(b)) or a.kind != b.kind or a.unit != b.unit:
        return None
    place = same_place(a.location or "", b.location or "")
    days = same_days(a, b)
    if place is None or days is None or not compatible_subjects(a.subject, b.subject):
        return None
    return f"same kind ({a.kind}), place {place}, dates {days}"


def comparable(a: Report, b: Report) -> bool:
    """May their figures be held against each other? The same group of people, counted
    the same way: a total and its parts, or children and civilians, may not be; the
    children among one strike's dead may ("including nine children" against "among them
    14 children"), as may two totals or two parts of people in general."""
    return _compared_as(a) == _compared_as(b)


def _compared_as(r: Report) -> tuple[str, bool]:
    """(group, part of people in general): figures with one key are compared."""
    group = subject_group(r.subject)
    return group, r.breakdown and group == "people"


def conflict(a: Report, b: Report) -> bool:
    """Comparable figures that no count satisfies together."""
    ia, ib = a.interval, b.interval
    return comparable(a, b) and ia is not None and ib is not None and not ia.meets(ib)


def in_conflict(reports: list[tuple[int, Report]]) -> set[int]:
    """The ids of the figures that conflict with at least one other of these
    (`conflict` for every pair, in n log n: a figure conflicts with some other
    exactly when it misses the other whose high end is lowest, or the one whose
    low end is highest, among its comparable group)."""
    groups: dict[tuple[str, bool], list[tuple[int, Interval]]] = {}
    for rid, r in reports:
        interval = r.interval
        if interval is not None:
            groups.setdefault(_compared_as(r), []).append((rid, interval))
    flagged: set[int] = set()
    for members in groups.values():
        lowest_high = sorted(members, key=lambda m: (m[1].high, not m[1].high_open))[:2]
        highest_low = sorted(members, key=lambda m: (-m[1].low, not m[1].low_open))[:2]
        for rid, interval in members:
            for extremes in (lowest_high, highest_low):
                other = next((m for m in extremes if m[0] != rid), None)
                if other is not None and not interval.meets(other[1]):
                    flagged.add(rid)
    return flagged


# --- places -------------------------------------------------------------------


_POSSESSIVE = re.compile(r"['’]s$")


@lru_cache(maxsize=65536)  # incidents' places recur: every candidate asks
def place_words(name: str) -> frozenset[str]:
    """The words that name the place and its part ("al-Rashidiya neighbourhood" ->
    al-rashidiya; "central Idlib" -> central, idlib)."""
    words = [_POSSESSIVE.sub("", w).strip("'’-") for w in re.findall(r"[\w'’-]+", name.casefold())]
    core = frozenset(w for w in words if w and w not in _GENERIC_PLACE and w not in _FACILITY)
    return core or frozenset(w for w in words if w and w not in _GENERIC_PLACE) or frozenset(words)


@lru_cache(maxsize=65536)
def index_words(name: str) -> frozenset[str]:
    """Words any name the same as, containing or inside this one shares with it
    (its place words without the part: "central Idlib" -> idlib)."""
    return place_words(name) - _PART_OF_PLACE


def same_place(a: str, b: str) -> str | None:
    """ "'Idlib' = 'Idlib city'", "'Idlib' contains 'central Idlib'", or None: one
    name's words inside the other's, its part too ("North Darfur" is not inside
    "South Darfur", nor "Darfur" inside it more than "South Darfur" is)."""
    wa, wb = place_words(a), place_words(b)
    if not wa - _PART_OF_PLACE or not wb - _PART_OF_PLACE:
        return None  # "the north": a part of no place named
    if wa == wb:
        return f"'{a}' = '{b}'"
    if wa < wb:
        return f"'{a}' contains '{b}'"
    if wb < wa:
        return f"'{b}' contains '{a}'"
    return None


# --- days ---------------------------------------------------------------------


def span_kind(start: date, end: date) -> str:
    days = (end - start).days
    if days == 0:
        return "day"
    return "short" if days < SHORT_PERIOD_DAYS else "total"


def same_days(a: Report, b: Report) -> str | None:
    """ "2020-02-11 = 2020-02-11", "2020-02-11 within 2020-02-08/2020-02-12", or None."""
    assert a.start and a.end and b.start and b.end
    ka, kb = span_kind(a.start, a.end), span_kind(b.start, b.end)
    if "total" in (ka, kb):  # running totals: only over the very same days
        same = (a.start, a.end) == (b.start, b.end)
        return f"{_days(a)} = {_days(b)}" if same else None
    if a.end < b.start or b.end < a.start:
        return None
    if (a.start, a.end) == (b.start, b.end):
        return f"{_days(a)} = {_days(b)}"
    if ka == "day" or kb == "day":
        day, period = (a, b) if ka == "day" else (b, a)
        return f"{_days(day)} within {_days(period)}"
    return f"{_days(a)} overlaps {_days(b)}"


def _days(r: Report) -> str:
    assert r.start and r.end
    days = r.start.isoformat() if r.start == r.end else f"{r.start}/{r.end}"
    return f"{days} (read from its context)" if r.dated_by_context else days


# --- subjects -----------------------------------------------------------------


def subject_group(subject: str | None) -> str:
    """ "people" for people in general, else the group's words, singular."""
    words = [w for w in re.findall(r"[a-z]+", (subject or "").casefold())]
    if not words or all(w in _PEOPLE for w in words):
        return "people"
    return " ".join(_singular(w) for w in words if w not in _PEOPLE) or "people"


def compatible_subjects(a: str | None, b: str | None) -> bool:
    """The same group: people in general (people, civilians, residents...) with each
    other, children with children. "Four children" killed in a strike that killed
    nine civilians is another count of it, not another report of the same count."""
    ga, gb = subject_group(a), subject_group(b)
    if ga == gb:
        return True
    # "dozens of men" of a raid that took "more than 40 men and boys": one group inside
    # the other's words (their figures are still not compared: `comparable`)
    wa, wb = set(ga.split()) - {"and", "or"}, set(gb.split()) - {"and", "or"}
    return "people" not in (ga, gb) and (wa < wb or wb < wa)


def _singular(word: str) -> str:
    if word.endswith("ren"):  # children
        return word[:-3]
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word
