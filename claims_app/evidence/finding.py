"""Does the source give the claim's figure? Its figures that agree with the claim's.

The kept text is read with the project's own extractor, and each figure it finds is
held against the claim's. A source figure agrees when it counts the same thing and
its number allows what the claim's allows:

- **The same number, written differently**: "seven" = 7, "1.2 million" = 1,200,000,
  whatever the qualifier; of the same kind of count, or of one the extractor could
  not name (it never changes a number, so the number alone says much).
- **The same kind of count** (the incident rules' kinds: displaced and refugees are
  one), **of the same group** (people in general, or one particular group: children
  against civilians is another count) and **the same unit**, whose intervals meet:
  "at least 26" is given by "28", "about 500" by "some 480", "dozens" by "40".

What the extractor reads of both narrows it further, where it read something: a
figure about another place (neither name inside the other) or other days (days that
do not overlap; a one-day count against a running total) is another figure. Where
the source says nothing of place or day, the figure is still shown: the reviewer
reads its sentence. This is shown to the reviewer, never decided for them.

Pure: a claim's fields and a text in, spans and reasons out.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from claims_app.extraction.claims import ExtractedClaim, extract_claims
from claims_app.extraction.sentences import split_sentences
from claims_app.incidents.intervals import Interval
from claims_app.incidents.matching import Report, comparable, same_place, span_kind


@dataclass(frozen=True)
class Wanted:
    """The claim's figure as the desk stores it."""

    value: float | None
    value_max: float | None
    qualifier: str | None
    category: str | None
    quote: str
    unit: str | None = None
    subject: str | None = None
    location: str | None = None
    first: date | None = None
    last: date | None = None
    part: bool = False  # a part of a total reported beside it


@dataclass(frozen=True)
class Found:
    """A source figure that agrees: where it is, its sentence, and why."""

    start: int  # the figure's span in the source text
    end: int
    sentence_start: int
    sentence_end: int
    quote: str
    reason: str


def find_figure(wanted: Wanted, text: str, published: date | None = None) -> list[Found]:
    """The figures of `text` that agree with the claim's, in text order."""
    if _interval(_report(wanted)) is None:
        return []  # the claim gives no count (a date or an event): nothing to look for
    found = []
    sentences = split_sentences(text)
    starts = [s.start for s in sentences]
    for figure in extract_claims(text, published):
        reason = agreement(wanted, figure) if figure.kind == "numeric" else None
        if reason is not None:
            sentence = sentences[bisect_right(starts, figure.start) - 1]
            found.append(Found(figure.start, figure.end, sentence.start, sentence.end,
                               figure.quote, reason))  # fmt: skip
    return found


def agreement(wanted: Wanted, figure: ExtractedClaim) -> str | None:
    """Why the source figure gives the claim's, or None when it does not."""
    claim, other = _report(wanted), _source_report(figure)
    if not _unit_agrees(claim.unit, other.unit) or _elsewhere(claim, other):
        return None
    if _same_number(claim, other) and (claim.kind == other.kind or not other.kind):
        return "the same number"
    ia, ib = _interval(claim), _interval(other)
    if claim.kind is None or claim.kind != other.kind or ia is None or ib is None:
        return None
    if not comparable(claim, other) or not ia.meets(ib):
        return None
    return f"the same kind of count ({claim.kind}), and the figures agree ({ia} meets {ib})"


def _report(w: Wanted) -> Report:
    return Report(w.category, w.unit, w.location, w.first, w.last or w.first, w.subject,
                  w.value, w.value_max, w.qualifier, w.quote, breakdown=w.part)  # fmt: skip


def _source_report(f: ExtractedClaim) -> Report:
    return Report(f.category, f.unit, f.location, f.event_date_first,
                  f.event_date_last or f.event_date_first, f.subject, f.value, f.value_max,
                  f.qualifier, f.quote, breakdown=f.part_of is not None)  # fmt: skip


def _interval(r: Report) -> Interval | None:
    return r.interval


def _same_number(a: Report, b: Report) -> bool:
    return a.value is not None and (a.value, a.value_max) == (b.value, b.value_max)


def _unit_agrees(a: str | None, b: str | None) -> bool:
    """People are not households; a unit nobody read is not another unit."""
    return a is None or b is None or a == b


def _elsewhere(a: Report, b: Report) -> bool:
    """Both say where or when, and it is not the same place or days."""
    if a.location and b.location and same_place(a.location, b.location) is None:
        return True
    if not (a.start and a.end and b.start and b.end):
        return False
    if a.end < b.start or b.end < a.start:
        return True
    kinds = {span_kind(a.start, a.end), span_kind(b.start, b.end)}
    return "total" in kinds and kinds != {"total"}  # one day's count is not a running total
