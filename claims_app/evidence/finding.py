"""Does the source give the claim's figure? Its figures that agree with the claim's.

The kept text is read once with the project's own extractor (`read_figures`, when the
copy is kept); each figure it found is then held against the claim's (`agreeing`),
given as the incident rules hold a figure (`incidents.matching.Report`).
A source figure agrees when it counts the same thing and its number allows what the
claim's allows:

- **The same count**: the same category (refugees are not the displaced; attacks and
  facilities hit are one, told apart by the unit), the same unit, the same group
  (people in general, or one particular group: children against civilians is another
  count; a part of a total of people is not the total).
- **Numbers that agree**: the same number however written ("seven" = 7, "1.2 million"
  = 1,200,000), or intervals that meet ("at least 26" is given by "28", "about 500"
  by "some 480", "dozens" by "40"), counted whole; two open floors only when the
  source's says as much; a vague source amount only for a vague claim.
- A figure whose kind the extractor could not read, only within a twentieth.

Where both say where or when, another place (unless the figure's sentence names the
claim's, or it is the wider area of a source naming the claim's place with no figure
of its own for it) or other days make it another figure. Where the source says
nothing of place or day, the figure is still shown: the reviewer reads its sentence.
This is shown to the reviewer, never decided for them.

Pure: a claim's fields and a text in, spans and reasons out.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from claims_app.extraction.page_claims import extract_page
from claims_app.extraction.sentences import split_sentences
from claims_app.incidents.intervals import INF, Interval, figure_interval
from claims_app.incidents.matching import (
    Report,
    compatible_subjects,
    index_words,
    same_place,
    span_kind,
    subject_group,
)


@dataclass(frozen=True)
class Found:
    """A source figure that agrees: where it is, its sentence, and why."""

    start: int  # the figure's span in the source text
    end: int
    sentence_start: int
    sentence_end: int
    quote: str
    reason: str


@dataclass(frozen=True)
class SourceFigure:
    """One figure the extractor read in a source's text: what matching needs of it,
    kept with the copy (source_snapshots.figures) so the text is read once."""

    start: int  # the figure's span in the text
    end: int
    sentence_start: int
    sentence_end: int
    value: float | None
    value_max: float | None
    qualifier: str | None
    category: str | None
    unit: str | None
    subject: str | None
    location: str | None
    first: date | None
    last: date | None
    part: bool  # a part of a total beside it
    quote: str  # its words ("nearly 300 people"): they tell what the qualifier only names

    def as_json(self) -> dict[str, Any]:
        record = asdict(self)
        record["first"] = self.first.isoformat() if self.first else None
        record["last"] = self.last.isoformat() if self.last else None
        return record

    @classmethod
    def from_json(cls, record: dict[str, Any]) -> SourceFigure:
        days = {k: date.fromisoformat(record[k]) if record.get(k) else None
                for k in ("first", "last")}  # fmt: skip
        return cls(**(record | days))


def read_figures(
    text: str, published: date | None = None, received: date | None = None
) -> list[SourceFigure]:
    """Every figure of the text, read as ingest reads a page (its date lines date what
    it reports; `published`, the date the reviewer gave, for what they leave undated;
    `received`, the day it was kept, for the year of a year-less dateline). The long
    part: run it before any transaction opens."""
    sentences = split_sentences(text)
    starts = [s.start for s in sentences]
    figures = []
    for at in extract_page(text, published, received):
        f = at.claim
        if f.kind != "numeric":
            continue
        sentence = sentences[max(0, bisect_right(starts, at.start) - 1)]
        figures.append(SourceFigure(
            at.start, at.end, sentence.start, sentence.end, f.value, f.value_max, f.qualifier,
            f.category, f.unit, f.subject, f.location, f.event_date_first,
            f.event_date_last or f.event_date_first, f.part_of is not None, f.quote,
        ))  # fmt: skip
    return figures


def gives_a_count(claim: Report) -> bool:
    """Is there a figure to look for? A date or an event claim gives none."""
    return _interval(claim) is not None


def find_figure(
    claim: Report, text: str, published: date | None = None, received: date | None = None
) -> list[Found]:
    """The figures of `text` that agree with the claim's, in text order (the text is
    not read at all for a claim that gives no count)."""
    if not gives_a_count(claim):
        return []
    return agreeing(claim, text, read_figures(text, published, received))


def agreeing(wanted: Report, text: str, figures: list[SourceFigure]) -> list[Found]:
    """Those of the text's figures (read_figures) that agree with the claim's."""
    if not gives_a_count(wanted):
        return []
    # A source with its own figure for the claim's very place: its wider areas' figures
    # are other counts (the region's total beside the town's share).
    own_place = bool(wanted.location) and any(
        f.category == wanted.category and f.location and same_place(wanted.location, f.location)
        for f in figures
    )
    in_source = _names_place(wanted.location, text)
    found = []
    for figure in figures:
        sentence = text[figure.sentence_start : figure.sentence_end]
        place = "sentence" if _names_place(wanted.location, sentence) else ""
        if not place and in_source and not own_place:
            place = "source"
        reason = agreement(wanted, figure, place)
        if reason is not None:
            found.append(Found(figure.start, figure.end, figure.sentence_start,
                               figure.sentence_end, figure.quote, reason))  # fmt: skip
    return found


def agreement(claim: Report, figure: SourceFigure, place_named: str = "") -> str | None:
    """Why the source figure gives the claim's, or None when it does not."""
    other = _source_report(figure)
    if not _unit_agrees(claim.unit, other.unit) or not _same_group(claim, other):
        return None
    if _elsewhere(claim, other, place_named):
        return None
    unnamed = False
    if _count_of(claim.category) != _count_of(other.category):
        # another count (killed is not injured, refugees are not the displaced), unless
        # the extractor named none and the unit and group it read are the claim's
        if other.category not in (None, "other") or other.subject is None or not other.unit:
            return None
        unnamed = True
    ia, ib = _interval(claim), _interval(other)
    if ia is None or ib is None or not _agree(ia, ib) or (_vague(other) and not _vague(claim)):
        return None  # "hundreds" does not give "about 350": only another vague amount
    if unnamed:
        # Only a figure this close: without the kind of count, an "up to 40,000" would
        # take every smaller number on the page.
        if not _close(claim, other):
            return None
        return f"{_how(claim, other, ia, ib)}; what it counts was not read: read its sentence"
    return f"the same kind of count, {_how(claim, other, ia, ib)}"


def _how(claim: Report, other: Report, ia: Interval, ib: Interval) -> str:
    if _same_number(claim, other):
        return "the same number"
    return f"and the figures agree ({ia} meets {ib})"


def _close(a: Report, b: Report) -> bool:
    if a.value is None or b.value is None:
        return False
    return abs(a.value - b.value) <= APPROX_SHARE * max(a.value, b.value)


def _agree(claim: Interval, source: Interval) -> bool:
    """Some count satisfies both; and when neither has a top ("at least 26" against
    "more than 19"), the source's floor is at least the claim's: it says as much."""
    claim, source = _whole(claim), _whole(source)
    if claim.high == INF and source.high == INF:
        return source.low >= claim.low
    return claim.meets(source)


def _whole(band: Interval) -> Interval:
    """People are counted whole: "more than 25" is "at least 26", "under 30" "at most 29"."""
    low, high, low_open, high_open = band.low, band.high, band.low_open, band.high_open
    if low_open and float(low).is_integer():
        low, low_open = low + 1, False
    if high_open and high != INF and float(high).is_integer():
        high, high_open = high - 1, False
    return Interval(low, high, low_open, high_open)


# What the extractor calls an attack and what it calls a facility hit overlap ("four
# ambulances were hit"); the unit (attacks or facilities) still tells the two apart.
_COUNTS = {"facilities_hit": "attacks"}


def _count_of(category: str | None) -> str | None:
    return _COUNTS.get(category or "", category)


def _source_report(f: SourceFigure) -> Report:
    # "8 attacks": a subject that only repeats the unit says nothing of whom or what
    repeats_unit = f.unit != "people" and (f.subject or "").casefold() == (f.unit or "").casefold()
    subject = None if repeats_unit else f.subject
    return Report(f.category, f.unit, f.location, f.first, f.last, subject, f.value,
                  f.value_max, f.qualifier, f.quote, breakdown=f.part)  # fmt: skip


# "about 500" against "some 480": a source's estimate gives the claim's when within a
# twentieth either way. The incident rules' tenth is for calling a conflict, where a
# wide band spares false alarms; here a wide band would offer figures that are not it.
APPROX_SHARE = 0.05


# "nearly 500", "almost 500" are under it; "just over 500" above it.
_UNDER = re.compile(r"\b(?:nearly|almost|just under|close to|not quite)\b", re.IGNORECASE)
_JUST_OVER = re.compile(r"\bjust (?:over|above)\b", re.IGNORECASE)


def _interval(r: Report) -> Interval | None:
    band = figure_interval(r.value, r.value_max, r.qualifier, r.quote, approx_share=APPROX_SHARE)
    if band is None or r.qualifier != "approx" or r.value is None or r.value_max is not None:
        return band
    if _UNDER.search(r.quote):
        return Interval(band.low, r.value, high_open=True)
    if _JUST_OVER.search(r.quote):
        return Interval(r.value, band.high, low_open=True)
    return band


def _vague(r: Report) -> bool:
    return r.value is None or r.qualifier == "vague"


def _same_number(a: Report, b: Report) -> bool:
    return a.value is not None and (a.value, a.value_max) == (b.value, b.value_max)


def _unit_agrees(a: str | None, b: str | None) -> bool:
    """People are not households; a unit nobody read is not another unit."""
    return a is None or b is None or a == b


# Kinds of place, smallest first: a toll given for the district is often the village's.
_AREA_RANK = {
    **dict.fromkeys("village neighbourhood neighborhood camp site compound quarter".split(), 1),
    **dict.fromkeys("town city".split(), 2),
    **dict.fromkeys("district county municipality locality".split(), 3),
    **dict.fromkeys("province governorate state region".split(), 4),
    **dict.fromkeys("country nation".split(), 5),
}


def _names_place(place: str | None, text: str) -> bool:
    """Does the text name the claim's place (its proper words: "Kuri" of "Kuri village")?
    A claim with no place is named everywhere."""
    words = index_words(place) if place else ()
    folded = text.casefold()
    return all(re.search(rf"\b{re.escape(w)}\b", folded) for w in words)


def _rank(place: str) -> int:
    words = place.casefold().replace(",", " ").split()
    return max((_AREA_RANK.get(w, 0) for w in words), default=0)


def _other_place(claim: str | None, figure: str | None, named: str) -> bool:
    """The figure is about another place than the claim's: it names one that is not the
    claim's (nor contains it), its sentence does not name the claim's, and it is not a
    wider area ("Masari district") of a source that names the claim's place ("Kuri")."""
    if not claim or not figure or named == "sentence" or same_place(claim, figure):
        return False
    if _rank(figure) == 5 or figure.casefold().startswith("the "):
        return False  # "the country", "the region": where the source stands, not another place
    return not (named == "source" and _rank(figure) > max(_rank(claim), 1))


# Names of one group that reports use in turn ("aid workers", "humanitarian workers").
_SAME_GROUP = re.compile(r"\b(?:humanitarian|relief|aid)\s+(?:workers?|staff|personnel)\b", re.I)


def _one_name(subject: str | None) -> str | None:
    return _SAME_GROUP.sub("aid workers", subject) if subject else subject


def _same_group(claim: Report, other: Report) -> bool:
    """The same people: a group the extractor did not read ("14 were children" read as
    "14") may be any; a part of a total of people is not the total ("including 26", of
    70 killed, is not "26 killed")."""
    if other.subject is None and claim.unit == "percent":
        return False  # "40%" of what? A share is only the claim's when it is of the same
    if other.subject is not None and not compatible_subjects(
        _one_name(claim.subject), _one_name(other.subject)
    ):
        return False
    general = subject_group(claim.subject) == "people"
    return not (general and other.breakdown and not claim.breakdown)


def _elsewhere(a: Report, b: Report, place_named: str) -> bool:
    """Both say where or when, and it is not the same place or days (`_other_place`)."""
    if _other_place(a.location, b.location, place_named):
        return True
    if not (a.start and a.end and b.start and b.end):
        return False
    if a.end < b.start or b.end < a.start:
        return True
    kinds = {span_kind(a.start, a.end), span_kind(b.start, b.end)}
    if kinds == {"total"}:  # two running totals: over much the same days ("July" is not
        days = sorted(((a.end - a.start).days + 1, (b.end - b.start).days + 1))  # the year)
        return days[0] * 2 < days[1]
    return "total" in kinds  # one day's count is not a running total
