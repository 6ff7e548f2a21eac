"""Date claims: an event tied to a date someone can check.

"On Monday, a convoy reached Tawila", "The crossing had been closed since 22
February", "Militants attacked the town of Titao on 3 December", "the military
coup of 1 February 2021". A date makes a claim of its own when, in its clause,
- a verb tells of an event that is not itself a counted harm ("reached",
  "reopened", "set fire", "came under shelling", "hit", "detonated"): when the
  clause's only event is its figure ("killed six people on 12 September"), the
  date belongs to that figure and no date claim is made;
- or a state holds since then ("has been closed since", "under siege since");
- or an event is named by it ("the coup of 30 September 2022", "the 1 November
  deadline").
Dates of what was said or published ("said on Thursday", "was issued on 4
August"), the article's own day and anything after it are no such claims.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from claims_app.extraction.dates import DateMention
from claims_app.extraction.when import figure_region

# Verbs of events other than counted harm to people (lowered text).
_EVENT_VERB = re.compile(
    r"\b(?:reached|reopened|re-opened|opened|closed|crossed|entered|left|arrived|returned|"
    r"deployed|withdrew|withdrawn|captured|recaptured|seized|took control|overran|stormed|"
    r"attacked|struck|hit|targeted|shelled|bombed|raided|ambushed|looted|burned|burnt|torched|"
    r"razed|demolished|destroyed|damaged|collapsed|exploded|detonated|dropped|fired(?: on| at)?|"
    r"launched|came under|was turned back|were turned back|turned back|blocked|cut off|"
    r"intensified|escalated|erupted|broke out|began|started|ended|resumed|stopped|suspended|"
    r"halted|declared|signed|ratified|agreed|imposed|lifted|evicted|expelled|deported|"
    r"flooded|capsized|sank|set fire|set alight|was hit|were hit|was looted|was attacked|"
    r"were attacked|was damaged|were damaged|took place|occurred|happened|sentenced|executed|"
    r"released|freed|abducted|kidnapped|took effect|came into force)\b"
)
# A state that holds from the date on: "has been closed since", "under siege since".
_STATE = re.compile(
    r"\b(?:has|have|had) (?:\w+ )?(?:besieged|come under (?:\w+ )?(?:attack|fire|shelling))\b|"
    r"\b(?:has|have|had) been (?:\w+ ){0,2}?(?:closed|cut|blocked|shut|suspended|out of service|"
    r"under (?:\w+ )?(?:siege|blockade|attack|fire|curfew)|besieged|occupied|inaccessible|"
    r"cut off|displaced|detained|held|missing|without)\b|\bunder (?:\w+ )?(?:siege|blockade)\b"
)
# An event the date names: "the coup of 1 February 2021", "Pakistan's 1 November deadline".
_NAMED_BEFORE = re.compile(
    r"\b(?:coup|election|elections|ceasefire|truce|earthquake|invasion|offensive|war|"
    r"agreement|deal|accord|referendum|massacre|attack|bombing) (?:of|on) \Z"
)
_NAMED_AFTER = re.compile(r"\s+(?:deadline|ceasefire|truce|coup|attack|earthquake|elections?)\b")
_NOT_EVENT_BEFORE = re.compile(
    r"\b(?:said|says|reported|announced|stated|told [\w ]{1,30}?|issued|published|released|"
    r"updated|dated|posted|as of|as at|until|covers|covering|period)\s+"
    r"(?:on |in |late |early |the )?\Z"
)


class DateClaimSpan(NamedTuple):
    start: int
    end: int
    date: DateMention


def date_claim_spans(
    low: str,
    sentence: tuple[int, int],
    dates: list[DateMention],
    figures: list[tuple[int, int]],
    anchor: date | None,
    future: bool,
) -> list[DateClaimSpan]:
    """The date claims of one sentence (low is the lowered article text).

    `figures` are the sentence's numeric claims (start, end): a clause that holds
    one is about that figure, and its date is the figure's ("reached some 31,000
    people since mid-February") - unless the date opens the sentence as its own
    news ("On Thursday, settlers set fire to two homes").
    """
    out = []
    for d in dates:
        if _not_an_event_date(low, d, anchor, future):
            continue
        clause = _clause(low, sentence, d.start)
        own = [f for f in figures if clause[0] <= f[0] < clause[1]]
        opens = _opens(low, sentence, d)
        named = _NAMED_BEFORE.search(low, max(0, d.start - 30), d.start) or _NAMED_AFTER.match(
            low, d.end
        )
        if not (opens or named) and any(_dates_figure(low, f, d) for f in own):
            continue  # "Dozens were killed on Sunday when strikes hit": the figure's date
        span = _event_span(low, clause, d, own, opens)
        if span is not None:
            out.append(DateClaimSpan(min(span[0], d.start), max(span[1], d.end), d))
    return out


def _opens(low: str, sentence: tuple[int, int], d: DateMention) -> bool:
    """ "On 9 January, ..." or "Yesterday, ...": a day that opens the sentence."""
    lead = low[sentence[0] : d.start].strip()
    return (
        lead in ("", "on", "late on", "early on", "in")
        and d.precision in ("day", "month")
        and (low[d.end : d.end + 1] == ",")
    )


def _not_an_event_date(low: str, d: DateMention, anchor: date | None, future: bool) -> bool:
    if anchor is not None and d.first >= anchor and not _NAMED_AFTER.match(low, d.end):
        return True  # the article's own day, or a plan; but "the 1 November deadline"
    if future and not _NAMED_AFTER.match(low, d.end):
        return True  # "the next report will be issued on 1 November"
    return bool(_NOT_EVENT_BEFORE.search(low, max(0, d.start - 40), d.start))


def _clause(low: str, sentence: tuple[int, int], at: int) -> tuple[int, int]:
    parts = figure_region(low, sentence[0], sentence[1], at)
    return parts[0][0], parts[-1][1]


def _event_span(
    low: str, clause: tuple[int, int], d: DateMention, figures, opens: bool
) -> tuple[int, int] | None:
    """Where the event words of the date's clause are, or None when it has none, or
    when its event is a figure's ("1,200 people have crossed into Burundi since 20
    April": the figure's date) - unless the date opens the sentence as its news."""
    if _NAMED_BEFORE.search(low, max(0, d.start - 30), d.start) or _NAMED_AFTER.match(low, d.end):
        return d.start, d.end  # "the coup of 1 February 2021", "the 1 November deadline"
    state = _STATE.search(low, *clause)
    if state and d.precision == "period" and not _about_a_figure(low, state, figures):
        return state.start(), state.end()  # "has been closed since 22 February"
    verbs = list(_EVENT_VERB.finditer(low, *clause))
    if not verbs and opens:  # "On 9 January, soldiers killed between 12 and 15 men"
        verbs = [v for v in _HARM_VERB.finditer(low, *clause) if _governs(v, figures)]
    if not verbs:
        return None  # no event but the figure's own ("killed six people on 12 September")
    nearest = min(verbs, key=lambda v: abs(v.start() - d.start))
    if not opens and _about_a_figure(low, nearest, figures):
        return None
    return nearest.start(), nearest.end()


def _governs(verb: re.Match[str], figures: list[tuple[int, int]]) -> bool:
    return any(0 <= f0 - verb.end() <= 20 for f0, _ in figures)


_HARM_VERB = re.compile(
    r"\b(?:killed|killing|wounded|injured|displaced|detained|arrested|abducted|fled)\b"
)
_ANY_VERB = re.compile(rf"{_EVENT_VERB.pattern}|{_HARM_VERB.pattern}|\b(?:when|after|as|while)\b")
_NOT_SUBJECT_BEFORE = re.compile(r"\b(?:carrying|with|of|for|including|among)\s+\Z")


def _about_a_figure(low: str, verb: re.Match[str], figures: list[tuple[int, int]]) -> bool:
    """The figure is the verb's subject or object: "350 people reached Pulka",
    "attacked at least four times", "released $5 million", "11 aid workers have been
    detained"; not "A boat carrying 150 migrants capsized"."""
    for f0, f1 in figures:
        if 0 <= f0 - verb.end() <= 25:
            return True  # its object
        if f1 > verb.start():
            continue
        between = low[f1 : verb.start()]
        subject = len(between) <= 120 and "," not in between and not _ANY_VERB.search(between)
        if subject and not _NOT_SUBJECT_BEFORE.search(low, max(0, f0 - 15), f0):
            return True
    return False


def _dates_figure(low: str, figure: tuple[int, int], d: DateMention) -> bool:
    """The date follows a figure's own words: "183 civilians ... in January 2025",
    "were killed on Sunday"."""
    if figure[1] > d.start:
        return False
    between = low[figure[1] : d.start]
    if len(between) > 40 or "," in between or _EVENT_VERB.search(between):
        return False
    return not re.search(r"\b(?:before|until|since)\s+(?:the\s+)?\Z", between)
