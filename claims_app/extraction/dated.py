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
  deadline");
- or it opens an entry of a timeline or an incident list, set off by a dash or a
  colon ("8 October 2023 – Hezbollah fires on ...", "3 July, Andar district: three
  boys were injured when ..."): the entry tells what happened that day, in whatever
  tense a timeline uses.
Dates of what was said or published ("said on Thursday", "was issued on 4
August"), the article's own day and anything after it are no such claims.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from claims_app.extraction import rx
from claims_app.extraction.dates import DateMention
from claims_app.extraction.sentences import BULLET_MARK
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
    r"flooded|swept|capsized|sank|set fire|set alight|was hit|were hit|was looted|was attacked|"
    r"were attacked|was damaged|were damaged|took place|occurred|happened|sentenced|executed|"
    r"released|freed|abducted|kidnapped|took effect|came into force|defected|resigned|"
    r"founded|established|invaded|annexed|intervened|was elected|was appointed|visited|"
    r"caused|burst|overflowed|encircled|surrounded|retook|retaken|buried|detected|notified|"
    # events the verbs above missed in reports by other hands
    r"set up|renewed (?:every|for|on|in|until|its|the|their)|been renewed|was renewed|"
    r"extended|expired|peaked|spread|approved|adopted|ordered|foiled|repelled|"
    r"repulsed|evacuated|relocated|surrendered|disembarked|rescued|intercepted|"
    r"postponed|cancelled|canceled|dissolved|banned|shut down|shut|transferred|handed over|"
    r"convicted|charged|indicted|opened fire|crashed|derailed|was cut|were cut|fell to)\b"
)
# The same, by RE2 over the lowered article (every dated clause is read with it)
_EVENT_VERB_IN = rx.compile(_EVENT_VERB.pattern)
# A state that holds from the date on: "has been closed since", "under siege since".
_STATE = re.compile(
    r"\b(?:has|have|had) (?:\w+ )?(?:besieged|come under (?:\w+ )?(?:attack|fire|shelling))\b|"
    r"\b(?:has|have|had) been (?:\w+ ){0,2}?(?:closed|cut|blocked|shut|suspended|out of service|"
    r"under (?:\w+ )?(?:siege|blockade|attack|fire|curfew)|besieged|occupied|inaccessible|"
    r"cut off|displaced|detained|held|missing|without)\b|\bunder (?:\w+ )?(?:siege|blockade)\b"
)
# An event the date names: "the coup of 1 February 2021", "Pakistan's 1 November deadline".
_NAMED_BEFORE = rx.compile(  # RE2, on the 30 characters before a date
    r"\b(?:coup|election|elections|ceasefire|truce|earthquake|invasion|offensive|war|"
    r"agreement|deal|accord|referendum|massacre|attack|bombing) (?:of|on) \z"
)
_THE_BEFORE = re.compile(r"\b(?:the|a|an|its|their) (?:[a-z-]+ ){0,2}?\Z")
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
    *,
    words_at: int | None = None,
) -> list[DateClaimSpan]:
    """The date claims of one sentence (low is the lowered article text; `words_at`,
    where its own words start, after any dateline).

    `figures` are the sentence's numeric claims (start, end): a clause that holds
    one is about that figure, and its date is the figure's ("reached some 31,000
    people since mid-February") - unless the date opens the sentence as its own
    news ("On Thursday, settlers set fire to two homes").
    """
    out = []
    for d in dates:
        if words_at is not None and d.start < words_at:
            continue  # "Correction, 17 May 2024: ...": the line's own day, before its words
        if _not_an_event_date(low, d, anchor, future):
            continue
        if (entry_end := _entry_end(low, sentence, d, figures)) is not None:
            out.append(DateClaimSpan(d.start, entry_end, d))  # "2000 – Israel ends its ..."
            continue
        if (subject := _dated_subject(low, sentence, d)) is not None:
            out.append(DateClaimSpan(subject, d.end, d))  # "A drone strike ... on 23 January"
            continue
        words = words_at if words_at is not None else sentence[0]
        if (subject := _struck_that_day(low, sentence, words, d)) is not None:
            out.append(DateClaimSpan(subject, d.end, d))  # "A drone strike ... on Wednesday"
            continue
        clause = _clause(low, sentence, d.start)
        own = [f for f in figures if clause[0] <= f[0] < clause[1]]
        opens = _opens(low, sentence, d)
        named = _NAMED_BEFORE.search_before(
            low, max(0, d.start - 30), d.start
        ) or _NAMED_AFTER.match(low, d.end)
        if opens and d.precision != "day" and _figure_opens_news(low, clause, d, own):
            continue  # "Over the weekend, 2,350 refugees crossed into Burundi": its date
        if not (opens or named or _acted_on(low, clause, own)) and any(
            _dates_figure(low, f, d) for f in own
        ):
            continue  # "Dozens were killed on Sunday when strikes hit": the figure's date
        span = _event_span(low, clause, d, own, opens)
        if span is not None:
            out.append(DateClaimSpan(min(span[0], d.start), max(span[1], d.end), d))
    return out


# What sets an entry's date off from its event: a dash or a colon, or a comma, a place
# and a colon ("3 July, Andar district, Ghazni: ..."); a log gives the hour first and
# may name the area after the dash ("04/03, 05:40 — Rutshuru territory: ...").
_ENTRY_SEPARATOR = re.compile(
    r"(?:,?\s*(?:\d{1,2}[:.h]\d{2}(?:\s*(?:hrs|h|[ap]\.?m\.?))?|night|morning|afternoon|"
    r"evening))?\s*(?:[-–—]+(?:\s+[^,:;.()\n–—]{1,40}:)?|:|,(?:\s*[^,:;.()\n]{1,40},?){1,2}:)"
    r"\s+(?=\S)"
)
_ENTRY_LEAD = re.compile(rf"\s*(?:{BULLET_MARK}\s*)?\Z")
_ENTRY_CLAUSE = re.compile(r"[^,;:.()\n]{12,200}")


def _entry_end(
    low: str, sentence: tuple[int, int], d: DateMention, figures: list[tuple[int, int]]
) -> int | None:
    """Where the event of a dated entry ends (its first clause, up to any figure of
    it, which is a claim of its own), or None when the date opens no entry."""
    if not _ENTRY_LEAD.match(low, sentence[0], d.start):
        return None
    sep = _ENTRY_SEPARATOR.match(low, d.end, sentence[1])
    if sep is None:
        return None
    clause = _ENTRY_CLAUSE.match(low, sep.end(), sentence[1])
    if clause is None or " " not in clause.group().strip():
        return None  # "17 May – 4 June: distributions": a line too short to tell an event
    end = min([clause.end(), *(f[0] for f in figures if sep.end() < f[0] < clause.end())])
    while end > sep.end() and low[end - 1] == " ":
        end -= 1
    return end if end > sep.end() else None


# An event named by the subject, dated inside it, before its verb: "A drone strike on a
# wedding near Djibo on 23 January killed 11 people", "The closure of eight camps between
# May 2021 and January 2024 left ...". Its figure is the event's toll; the date is the
# event's own, and a claim of its own.
_EVENT_NOUN = (
    r"(?:strike|airstrike|air strike|drone strike|attack|assault|raid|ambush|explosion|blast|"
    r"bombing|shelling|massacre|sinking|shipwreck|capsizing|collapse|fire|flood|floods|"
    r"flooding|landslide|earthquake|clashes|fighting|closure|eviction|evictions|demolition|"
    r"demolitions|abduction|kidnapping|siege|blockade|incursion|offensive|withdrawal)"
)
_DATED_SUBJECT = re.compile(
    rf"(?:an?|the|one|two|three|a series of|a wave of)\s+(?:[a-z'-]+\s+){{0,3}}?{_EVENT_NOUN}"
    rf"\b[^,;:()]*\Z"
)
_VERB_AFTER = re.compile(
    r"\s+(?:also\s+|reportedly\s+)?(?:killed|injured|wounded|left|destroyed|damaged|displaced|"
    r"forced|affected|hit|was|were|has|have|had|caused|claimed|cost|sparked|prompted|led|drove|"
    r"cut|disrupted|uprooted|trapped|buried|swept|took)\b"
)


def _dated_subject(low: str, sentence: tuple[int, int], d: DateMention) -> int | None:
    """Where an event subject dated within itself starts, or None."""
    start = sentence[0]
    if d.start - start > 160 or not _VERB_AFTER.match(low, d.end):
        return None
    m = _DATED_SUBJECT.match(low, start, d.start)
    return start if m is not None else None


_RECENT = ("last week", "over the weekend", "last weekend", "earlier this week", "this week")


def _opens(low: str, sentence: tuple[int, int], d: DateMention) -> bool:
    """ "On 9 January, ..." or "Yesterday, ...": a day that opens the sentence."""
    lead = low[sentence[0] : d.start].strip()
    text = d.text.lower()
    return (
        lead in ("", "on", "late on", "early on", "in")
        and (d.precision in ("day", "month") or text.startswith(_RECENT + _SPANS))
        and _COMMA_AFTER.match(low, d.end) is not None
    )


_SPANS = ("between ", "from ")  # "Between 1 and 15 May, troops burned ...": a bounded span
_COMMA_AFTER = re.compile(r"(?:\s*\([^()]{1,20}\))?,")  # "On Friday (6 June), ..."


def _not_an_event_date(low: str, d: DateMention, anchor: date | None, future: bool) -> bool:
    # A plan, or the article's own day; but "the 1 November deadline", and a live page's
    # "A drone struck the hospital on Tuesday" (its own day, in the past tense).
    later = anchor is not None and d.first >= anchor and not _NAMED_AFTER.match(low, d.end)
    happened = d.first == anchor and d.precision == "day"
    if later and not (happened and _EVENT_VERB.search(low, max(0, d.start - 90), d.start)):
        return True
    past = anchor is not None and d.last < anchor
    if future and not past and not _NAMED_AFTER.match(low, d.end):
        return True  # "the next report will be issued on 1 November"
    # (a day before the article's own is past whatever else the sentence plans: "broke
    # out on April 15, 2023, over plans to merge their forces")
    if _NOT_EVENT_BEFORE.search(low, max(0, d.start - 40), d.start):
        return True
    # "Last Monday, the coordinators' team said that ...": the day it was said
    opens = d.text[:1].isupper()  # (the date's own text keeps its capitals)
    return opens and low[d.end : d.end + 1] == "," and bool(_SAID_AFTER.match(low, d.end + 1))


_SAID_AFTER = re.compile(
    r"\s*(?:[^,.;:]{1,80}?\s)?(?:said|says|reported|announced|stated|told|warned|noted|added|"
    r"confirmed)\b"
)


def _clause(low: str, sentence: tuple[int, int], at: int) -> tuple[int, int]:
    parts = figure_region(low, sentence[0], sentence[1], at)
    return parts[0][0], parts[-1][1]


def _event_span(
    low: str, clause: tuple[int, int], d: DateMention, figures, opens: bool
) -> tuple[int, int] | None:
    """Where the event words of the date's clause are, or None when it has none, or
    when its event is a figure's ("1,200 people have crossed into Burundi since 20
    April": the figure's date) - unless the date opens the sentence as its news."""
    before = _NAMED_BEFORE.search_before(low, max(0, d.start - 30), d.start)
    after = _NAMED_AFTER.match(low, d.end)
    if before or after:  # "the military coup of 1 February 2021", "the 1 November deadline"
        start = before.start() if before else d.start
        the = _THE_BEFORE.search(low, max(clause[0], start - 30), start)
        return (the.start() if the else start), (after.end() if after else d.end)
    state = _STATE.search(low, *clause) or _perfect_since(low, clause, d)
    if state and d.precision == "period" and not _about_a_figure(low, state, figures):
        return state.start(), state.end()  # "has been closed since 22 February"
    verbs = list(_EVENT_VERB_IN.finditer(low, *clause))
    # A span opening the sentence ("Between 1 and 15 May, troops burned ...") needs a
    # verb of an event that is not its figure's own ("..., HRMMU verified 1,208 killed")
    day_opens = opens and not d.text.lower().startswith(_SPANS)
    if not verbs and day_opens:  # "On 9 January, soldiers killed between 12 and 15 men"
        verbs = [v for v in _HARM_VERB.finditer(low, *clause) if _governs(v, figures)]
    if not verbs and day_opens:  # "On 15 May, WFP made its first distribution in the camp"
        return _opened_clause(low, clause, d)
    if not verbs:
        # "clashes in Sanniquellie between 19 and 21 August", "the airstrikes on the port
        # last Wednesday": an event named by a noun, with no verb and no figure of its own
        return _named_event(low, clause, d, figures)
    nearest = min(verbs, key=lambda v: abs(v.start() - d.start))
    if not opens and d.precision != "day" and _about_a_figure(low, nearest, figures):
        return None
    if _tally_since(low, nearest, d):
        return None
    return nearest.start(), _object_end(low, nearest.end(), clause[1])


# Any verb in the perfect holds from a "since" date up to now: "have not been paid since
# late 2016", "has faced an insurgency since 2017", "has been operating above capacity
# since mid-January", "martial law, in force since 24 February 2022"
_PERFECT = re.compile(
    r"\b(?:has|have|had) (?:(?:not|only|also|never|continued to|been|able to) )*"
    r"(?P<verb>[a-z]{2,}(?:ed|en|wn|ne|ught|nt|ing|aid|eld))\b|\bin force\b"
)
# ... but not a count made since then ("WHO has verified 40 attacks since January") nor
# harm, whose figure the date belongs to
_COUNTING = frozenset(
    """recorded reported documented verified registered counted received confirmed
    identified committed killed injured wounded maimed displaced detained arrested
    abducted affected fled crossed arrived returned""".split()
)


def _perfect_since(low: str, clause: tuple[int, int], d: DateMention) -> re.Match | None:
    if not low.startswith("since", d.start):
        return None
    for m in _PERFECT.finditer(low, clause[0], d.start):
        if m["verb"] not in _COUNTING:
            return m
    return None


_NOUN_EVENT = re.compile(
    rf"\b(?:{_EVENT_NOUN}|airstrikes|strikes|attacks|raids|bombardment|escalation|ambushes|"
    rf"explosions|wave of attacks)\b(?:\s+(?:on|in|near|at|along|around|against|of|by)\b"
    rf"[^,;:()\n]{{0,70}}?)?\s+\Z"
)


def _named_event(
    low: str, clause: tuple[int, int], d: DateMention, figures: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """Where an event named by a noun right before its date starts, or None: the noun
    and its place, then the date, nothing between but where it happened."""
    start = max(clause[0], d.start - 90)
    m = _NOUN_EVENT.search(low, start, d.start)
    if m is None or any(f0 <= m.start() and f1 >= m.start() - 25 for f0, f1 in figures):
        return None  # "five attacks on bases between 10 and 13 March": the figure's date
    if _TALLIED.search(low, m.start(), d.start):
        return None  # "attacks on convoys were recorded in February": a tally, not one event
    if low.startswith("since", d.start) and _COUNTED_EVENTS.match(low, m.start()):
        return None  # "attacks on health care since January": counted, not one event
    return m.start(), d.end


_COUNTED_EVENTS = re.compile(
    r"(?:attacks?|strikes?|airstrikes?|air strikes?|drone strikes?|raids?|ambush(?:es)?|"
    r"explosions?|blasts?|bombings?|abductions?|kidnappings?|evictions?|demolitions?)\b"
)
_HAS_BEFORE = re.compile(
    r"\b(?:has|have|had|been|being|is|are|was|were|remains?|remained)\s+"
    r"(?:\w+\s+)?\Z"
)


def _tally_since(low: str, verb: re.Match[str], d: DateMention) -> bool:
    """A bare participle right before "since" counts things since then ("the 412 homes
    looted since January", "returned since 1 January"): a tally's period, where "has
    been closed since" and "after being closed since" tell of a state."""
    if not low.startswith("since", d.start) or not 0 <= d.start - verb.end() <= 30:
        return False
    between = low[verb.end() : d.start]
    if any(c in between for c in ",;:") or " by " in f" {between}":
        return False  # ("the siege imposed by the militia since 2015": a state)
    return not _HAS_BEFORE.search(low, max(0, verb.start() - 30), verb.start())


_TALLIED = re.compile(
    r"\b(?:recorded|reported|documented|verified|registered|counted|was|were|has|have|had)\b"
)


_OBJECT = re.compile(r"[^,;:.()\n]{0,60}")
_CLAUSE_AFTER_DATE = re.compile(r",\s*([^,;:.()\n]{12,120})")


def _opened_clause(low: str, clause: tuple[int, int], d: DateMention) -> tuple[int, int] | None:
    """The words after a date that opens the sentence, up to the clause's next stop: what
    happened that day, whatever its verb."""
    m = _CLAUSE_AFTER_DATE.match(low, d.end, clause[1])
    return (d.start, m.end(1)) if m and " " in m.group(1).strip() else None


def _object_end(low: str, verb_end: int, clause_end: int) -> int:
    """Where what the verb did ends: "reached Kadugli", up to the clause's next stop."""
    m = _OBJECT.match(low, verb_end, clause_end)
    end = m.end()
    if end - verb_end == 60 and end < clause_end and low[end : end + 1] != " ":
        end = max(verb_end, low.rfind(" ", verb_end, end))  # not in the middle of a word
    return len(low[verb_end:end].rstrip()) + verb_end


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


_SUBJECT_EVENT = re.compile(
    rf"(?:[a-z'-]+\s+){{0,2}}?(?:{_EVENT_NOUN}|drones?|missiles?|rockets?|shells?|bombs?)\b"
)


def _struck_that_day(low: str, sentence: tuple[int, int], words: int, d: DateMention) -> int | None:
    """ "A drone strike on a market ... killed 19 people and wounded 40 on Wednesday": a
    sentence whose subject is an event tells of that event on the day, besides its toll.
    Where the subject starts, or None."""
    if d.precision != "day" or d.start - sentence[0] > 250 or ";" in low[sentence[0] : d.start]:
        return None
    start = _BULLET_LEAD.match(low, words, d.start).end()  # type: ignore[union-attr]
    article = _ARTICLE.match(low, start, d.start)
    at = article.end() if article else start
    return start if _SUBJECT_EVENT.match(low, at, d.start) else None


_BULLET_LEAD = re.compile(rf"\s*(?:{BULLET_MARK}\s*)?")  # matches empty
_ARTICLE = re.compile(r"(?:an?|the|two|three)\s+")


_SUBJECT_LEAD = re.compile(
    r",\s*(?:(?:another|some|about|around|nearly|almost|over|more than|at least|"
    r"an estimated|a further|a total of|a record)\s+)*"
)
_SECOND_EVENT = re.compile(r"\b(?:when|after|as|while)\b")


def _figure_opens_news(
    low: str, clause: tuple[int, int], d: DateMention, figures: list[tuple[int, int]]
) -> bool:
    """The figure is the subject the opening span leads to, and the clause tells of no
    other event (a day and a count is one incident, an event of its own): "Between 1
    and 15 March, 21,437 people crossed into Chad" dates the figure; "Over the weekend,
    seven passengers died when their bus struck a mine" also tells of the blast."""
    lead = _SUBJECT_LEAD.match(low, d.end, clause[1])
    if lead is None or not any(d.end < f0 <= lead.end() for f0, _ in figures):
        return False
    return not _SECOND_EVENT.search(low, lead.end(), clause[1])


# Verbs that set a level or tell of a report, not an event done to what they govern
_LEVEL_VERBS = frozenset(("reached", "fell to", "released", "launched"))


def _acted_on(low: str, clause: tuple[int, int], figures: list[tuple[int, int]]) -> bool:
    """A figure is what an event verb just before it acted on: "set fire to dozens of
    homes on Tuesday", "ambushed a convoy of 17 aid trucks on Wednesday": the day is the
    event's as well as the figure's, a date claim of its own."""
    for verb in _EVENT_VERB_IN.finditer(low, *clause):
        if verb.group() in _LEVEL_VERBS:
            continue
        if any(0 <= f0 - verb.end() <= 25 for f0, _ in figures):
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
