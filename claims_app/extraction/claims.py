"""Article text -> claims: numeric, dated events, and specific factual assertions.

One pass finds number mentions with a master regex; each mention is then
judged in its sentence (is it a resolution number, a calibre, a time, a date
part, a count nobody would check?) and described: value and qualifier, what
is counted (unit, subject, category), where, when, and who says so. Date and
event claims come from the sentences that hold no numeric claim about the
same thing.

Everything here is pure: text and the article's date in, dataclasses out.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from functools import cached_property

from claims_app.extraction import lexicon as lx
from claims_app.extraction import rx
from claims_app.extraction.breakdowns import BreakdownItem, find_breakdowns, item_category
from claims_app.extraction.categories import (
    about_refugees,
    arrived_somewhere,
    category_for,
    describes_group,
    displacement_named,
    sentence_cues,
)
from claims_app.extraction.dated import date_claim_spans
from claims_app.extraction.dates import PLAN_YEAR, DateMention, find_dates, speaks_of_future
from claims_app.extraction.fold import ascii_lower
from claims_app.extraction.mentions import NUMBER_START, Mention, find_mentions
from claims_app.extraction.numbers import as_number, qualifier_before
from claims_app.extraction.pagedates import MONTH_RE, dateline_end, reporting_period
from claims_app.extraction.places import Place, find_places
from claims_app.extraction.sentences import (
    BULLET_LINE,
    Sentence,
    nearest_at_or_before,
    split_sentences,
)
from claims_app.extraction.speakers import ArticleSpeakers
from claims_app.extraction.tables import TableRow, find_tables
from claims_app.extraction.when import (
    PREVIOUS_WEEK,
    figure_date,
    open_until,
    said_on,
    source_day,
    statement_day,
)
from claims_app.extraction.where import (
    figure_place,
    home_of,
    located_country,
    named_country,
    report_scope,
)

EXTRACTOR_VERSION = (
    "claims-1.14"  # 1.14: month spans, prison terms, a range's scale, ruled table headers
)


@dataclass(frozen=True)
class ExtractedClaim:
    kind: str  # numeric | date | event
    start: int  # offsets into the text given to extract_claims
    end: int
    quote: str
    sentence: str
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    category: str | None = None
    subject: str | None = None
    location: str | None = None
    event_date: str | None = None
    event_date_first: date | None = None
    event_date_last: date | None = None
    attributed_to: str | None = None
    part_of: int | None = None  # index, in the same result list, of the total
    # The days the figure's context tells of when the figure itself names none
    # (`_context_days`): grouping reads them, the figure's event_date stays as written.
    context_first: date | None = None
    context_last: date | None = None
    # Derived from the fields above, so they can never disagree with them.
    check_worthiness: float = field(init=False, default=0.0)
    reasons: tuple[str, ...] = field(init=False, default=())

    def __post_init__(self) -> None:
        score, reasons = _worthiness(self)
        object.__setattr__(self, "check_worthiness", score)  # frozen: set once, here
        object.__setattr__(self, "reasons", reasons)


# --- is this number a claim? ------------------------------------------------------


_LETTER_AFTER = re.compile(r"[A-Za-z]|[:/.]\d")
_YEAR_TOKEN = re.compile(r"(?:19[5-9]\d|20\d\d)")
_PLACE_AFTER_NOUN = re.compile(r"\s+(in|from)\s+([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?)")
_PLAIN_WORD = re.compile(r"[a-z][a-z\-]+")
_KILLED_OR_INJURED = re.compile(r"\bkilled (?:or|and) (?:injured|wounded)\b")
# What may stand between sub-counts of one total: "97 were women and 41 were minors".
_JOINERS = re.compile(r"[\s,]|\band\b|\b(?:were|are|was|is)\s+[a-z]+\b")


def _number_span(text: str, m: Mention) -> tuple[int, int]:
    """The digits or number words themselves, without the qualifier."""
    if m.qualifier in ("exact", "range", "vague"):
        return m.start, m.end  # no qualifier word inside the mention
    q = NUMBER_START.match(text[m.start : m.end])
    return m.start + (q.end() if q else 0), m.end


# \Z, not $: "$" also matches before a final line break, and a figure may open a line.
_GLUED_MARKS = frozenset("#/@+$€£:.")


def _glued_before(before: str) -> bool:
    """A letter, a letter and hyphen, or a sign right before the figure: S-5, G20, +41."""
    last = before[-1:]
    if last == "-":
        last = before[-2:-1]
    elif last in _GLUED_MARKS:
        return True
    return last.isascii() and last.isalpha()


_WORD_AFTER = re.compile(r" [a-z]")


def _signed_change(before: str, after: str, m: Mention) -> bool:
    """ "+12% on the previous week", "+312 individuals": a change written with its sign;
    not "+41 22 555 0143", a country's calling code."""
    if before[-1:] != "+" or before[-2:-1].isalnum() or _TO_CALL.search(before):
        return False
    return m.percent or bool(_WORD_AFTER.match(after))


_RATE_BASES = frozenset((10, 100, 1000, 10_000, 100_000, 1_000_000))
# (read on the lowered text)
_CONFIDENCE_AFTER = re.compile(r"\s*(?:ci|c\.i\.|ui|confidence|credible|uncertainty)\b")
_COUNT_OF_INDICTMENT = re.compile(r"\bCounts?\s+$")  # capitalised: read on the original text
_TO_CALL = re.compile(r"\b(?:call|dial|contact|tel|phone|whatsapp|sms|text)\b[^.]{0,40}\Z")


def is_trap(
    text: str,
    m: Mention,
    sentence: Sentence,
    dates: list[DateMention],
    masked: list[tuple[int, int]] = (),  # type: ignore[assignment]
    original: str | None = None,
) -> bool:
    """Resolution and page numbers, calibres, times, ages, date parts, codes, phone
    numbers (`masked`), distances, item marks."""
    s, e = _number_span(text, m)
    before, after = text[max(0, s - 30) : s], text[e : e + 25]
    if any(d.start <= s < d.end for d in dates) or any(a <= s < b for a, b in masked):
        return True  # a day, month or year inside a date phrase; a phone number
    if lx.trap_before(before) or lx.TRAP_AFTER.match(after):
        return True
    if lx.DISTANCE_AFTER.match(after) or _item_mark(before, after, m):
        return True  # "35 km", "46 pages"; "(4)", "[2]", "#8"
    if (before.endswith("per ") and m.value in _RATE_BASES) or (
        m.percent and _CONFIDENCE_AFTER.match(after)
    ):  # "1.18 deaths per 10,000 people per day": a rate's base (not "1 latrine per 42
        return True  # persons"); "95% CI": a confidence level
    if m.value is not None and m.value <= 31 and _day_of_month(before, after):
        return True  # "since 31 August", "On August 31,": a day, with no page year to date it
    if before.endswith("(") and lx.MEASURE_IN_BRACKETS.match(after):
        return True  # "bags of rice (25 kg)": the size of each, not a count
    # (substring tests first: each pattern needs its word, and most figures lack them all)
    if " times" in after[:7] and lx.TIMES_AFTER.match(after) and not lx.HIT_BEFORE.search(before):
        return True  # "three times higher"; but "struck at least nine times"
    labelled = ("week" in before or "day" in before) and lx.LABEL_WORD_BEFORE.search(before)
    if labelled and lx.LABEL_ENDS.match(after):
        return True  # "in week 38 alone", "Key events, day 669"
    if ("line" in before or "toll" in before) and lx.HOTLINE_BEFORE.search(before):
        return True  # "hotline (toll-free): 9393"
    if "number" in before[-12:] and lx.CALL_NUMBER_BEFORE.search(text, max(0, s - 60), s):
        return True  # "the toll-free control room number is 112"
    charge = "count" in before[-8:] and original
    if charge and _COUNT_OF_INDICTMENT.search(original, max(0, s - 8), s):
        return True  # "torture (Counts 3 and 4)", "Count 8": a charge's label; "counts 46 dead"
    if " of " in before[-5:] and lx.COUNTER_BEFORE.search(before):
        return True  # "Showing updates 4-6 of 23"
    if (
        after.startswith(",")
        and m.value is not None
        and m.value < 120
        and original is not None
        and _AGE_AFTER_NAME.search(original, max(0, s - 40), s)
    ):
        return True  # "Hussein Dirani, 61, standing outside his shop": an age
    if lx.method_before(text, max(sentence.start, s - 80), s):
        return True  # "interviews with 85 witnesses": a count of the research itself
    if _glued_before(before) and not _signed_change(before, after, m):
        return True  # S-5, BM-21, G20, +41, 2/3
    if m.value == 1 and _MEMBERS_OF.search(before):
        return True  # "3 members of one family": whose members, not a count of families
    if (
        m.value == 2
        and m.value_max is None
        and before.endswith("between ")
        and not _RANGE_GOES_ON.match(after)
    ):
        return True  # "a clash between two clans", "a war between two generals": parties
    if (
        original is not None
        and "," in before[-3:]
        and _ADDRESS_BEFORE.search(before)
        and original[e + 1 : e + 2].isupper()
    ):
        return True  # "Rue de Lausanne 64, 1202 Geneva": a postcode
    if _not_counted_here(text, before, after, sentence, s, m):
        return True
    if _LETTER_AFTER.match(after) and not m.percent:
        return True  # 24h, 6:30, 30.07.2018
    return _looks_like_year(text, m, after)


_RANGE_GOES_ON = re.compile(r"\s*(?:and\b|to\b|-|–)")
_ADDRESS_BEFORE = re.compile(
    r"\b(?:rue|street|avenue|road|boulevard|chemin|route de|p\.?\s?o\.?\s+box)\b[^\n]{0,40},\s*\Z"
)
_MEMBERS_OF = re.compile(
    r"\b(?:members|relatives|children|siblings|brothers|sisters|sons|daughters|"
    r"generations)\s+(?:of|from)\s+\Z",
    re.IGNORECASE,
)
_MONTH_AFTER = re.compile(rf"\s+{MONTH_RE}")
_MONTH_BEFORE = re.compile(rf"\b{MONTH_RE}\s+\Z")
_MAY_THE_VERB = re.compile(
    r"\s+may\s+(?:be|have|not|also|still|well|need|require|face|take|die|lose|never|soon|"
    r"already|continue|remain|return|get|go|come|reach|rise|fall|increase)\b",
    re.IGNORECASE,
)
_CLAUSE_MARK_AFTER = re.compile(r"\s*(?:[,.;:)–—-]|$)")


def _day_of_month(before: str, after: str) -> bool:
    """A day and its month, which the date finder reads only with a year to give it."""
    if _MONTH_AFTER.match(after):
        return not _MAY_THE_VERB.match(after)  # "5 may be missing": the verb
    return bool(_MONTH_BEFORE.search(before) and _CLAUSE_MARK_AFTER.match(after))


def _not_counted_here(text: str, before: str, after: str, sentence, s: int, m: Mention) -> bool:
    """Numbers that label, set a level or say how long, never a count to check."""
    if s - sentence.start < 2 and _PARAGRAPH_NUMBER.fullmatch(sentence.text.strip()):
        return True  # "18." or "14-19." alone: a numbered paragraph's number
    if before.endswith("the ") and _AREAS_AFTER.match(after):
        return True  # "in the three provinces": the provinces the report is about
    if _DURATION_BEFORE.search(before) and _DURATION_AFTER.match(after):
        return True  # "detained for 48 hours", "in one week": how long, not how many
    if "threshold" in before and _THRESHOLD_BEFORE.search(before):
        return True  # "the WHO emergency threshold of 15 per cent"
    # "(c) 2026", "Avenida Kenneth Kaunda 1440": no count
    return _MARKED_BEFORE.search(before) is not None


_PARAGRAPH_NUMBER = re.compile(r"\d{1,3}(?:\s*[-–]\s*\d{1,3})?\.")
_AREAS_AFTER = re.compile(
    r"\s+(?:[a-z]+ern\s+|central\s+)?(?:provinces|regions|states|districts|governorates|"
    r"counties|departments|territories|countries|oblasts|municipalities|prefectures)\b"
)
_DURATION_BEFORE = re.compile(
    r"\b(?:for|in|over|within|after|lasting)\s+(?:more than |nearly |over |almost |about |"
    r"some |at least |up to |the (?:next |following |first |last )?)?(?:two consecutive )?\Z"
)
_DURATION_AFTER = re.compile(r"\s+(?:consecutive\s+)?(?:hours?|days?|nights?|weeks?|months?)\b")
_THRESHOLD_BEFORE = re.compile(r"\bthreshold (?:of|at) (?:about |around )?\Z")
_MARKED_BEFORE = re.compile(
    r"(?:\(c\)|©|copyright)\s*\Z|\b(?:avenida|avenue|av\.|rua|rue|calle|carrera|boulevard|"
    r"blvd\.?)\s+(?:[a-z'’\-]+\s+){1,3}\Z"
)


_AGE_AFTER_NAME = re.compile(r"[A-Z][a-z’'\-]+,\s*\Z")
_APOSTROPHE = frozenset("’'′″”")


def _item_mark(before: str, after: str, m: Mention) -> bool:
    """A bare number in brackets or after "#": an item, update or footnote mark."""
    if m.percent or m.qualifier != "exact" or m.unit is not None:
        return False  # (a sum of money is no mark: "EUR 1,450,000 (US$ 1,566,000)")
    bracketed = before.endswith("(") and after.startswith(")")
    named = before[-3:-1].endswith(" ") and before[-3:-2].isalpha()  # "Hajjah (" on its line
    if bracketed and named and m.value is not None and m.value >= _LARGEST_MARK:
        return False  # "followed by Hajjah (9 870)", "the most deaths (51)": a figure
    enclosed = bracketed or (before.endswith("[") and after.startswith("]"))
    return enclosed or after[:1] in _APOSTROPHE or before[-1:] in _APOSTROPHE


_LARGEST_MARK = 25  # "see update (4)" marks an item; "(51)" after a name counts


def _looks_like_year(text: str, m: Mention, after: str) -> bool:
    """ "in 2019" is a year, "2019 people" a count; "20230914" is a date."""
    token = text[m.start : m.end]
    if _COMPACT_DATE.fullmatch(token):
        return True
    if not _YEAR_TOKEN.fullmatch(token):
        return False
    if after[:1] in ("\n", "\r"):
        return True  # "... in First Two Months of 2025" ending a headline line
    return not lx.COUNT_NOUN_AFTER.match(after)


_COMPACT_DATE = re.compile(r"(?:19[5-9]\d|20\d\d)(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])")


# --- what is counted -----------------------------------------------------------

# (a designation's number is part of its word: "AK-47 rifles", "BM-21 rockets")
_NP_WORD = re.compile(r"\s*([A-Za-z’'\-]+(?<=-)\d+\b|[A-Za-z’'\-]+)")
_NP_OF = re.compile(r"\s+of\s+(?:(?:the|its|their|his|her|these|those)\b)?\s*", re.IGNORECASE)


def counted_noun(text: str, m: Mention, limit: int) -> tuple[str | None, int]:
    """The noun phrase after the number: ("Syrian refugees in Lebanon", end offset)."""
    pos, words, head_end = m.end, [], m.end
    of = _NP_OF.match(text, pos, limit)
    those = False  # "18 per cent of those killed": the participle is who is counted
    if of and (m.percent or m.worded or of.group(0).strip() != "of"):
        pos = of.end()  # "74 percent of the refugees", "1,140 of the deaths"
        those = of.group(0).rstrip().lower().endswith(("those", "the"))
    while len(words) < 5:
        w = _NP_WORD.match(text, pos, limit)
        if not w:
            break
        word = w.group(1)
        if word.lower() in lx.NP_STOP:
            break
        nxt = _NP_WORD.match(text, w.end(), limit)
        if _verb_not_modifier(word, nxt) and not (those and not words):
            break  # "nine died", "12 killed in the raid": the verb is no part of the noun
        words.append(word)
        pos = w.end()
        head_end = pos  # (nxt, read above, is the word at pos)
        if word[:-1].lower() in _DURATIONS and word.endswith(("s'", "s’")):
            words[-1] = word[:-1]  # "15 years' imprisonment", "three days' walk": the span
            break
        if (_is_head(word) or _plural(word)) and not (nxt and _is_head(nxt.group(1))):
            break
    if not words:
        return None, m.end
    phrase = " ".join(words)
    place = _PLACE_AFTER_NOUN.match(text, head_end, limit)
    if place and m.percent:
        phrase += f" {place.group(1)} {place.group(2)}"
        head_end = place.end()
    return phrase, head_end


def _verb_not_modifier(word: str, nxt: re.Match[str] | None) -> bool:
    """A harm word after the figure that no noun follows: a verb, not "31 injured people"."""
    lower = word.lower()
    if not lower.endswith("ed") or lower in lx.HEAD_NOUNS or not lx.CATEGORY_CUES.fullmatch(lower):
        return False  # nouns ("strikes", "the injured") stay
    return not (nxt and (_is_head(nxt.group(1)) or _plural(nxt.group(1))))


def _plural(word: str) -> bool:
    return len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "ous"))


def _is_head(word: str) -> bool:
    lower = word.lower()
    return lower in lx.HEAD_NOUNS or lower.rstrip("s") in lx.HEAD_NOUNS


def unit_for(noun: str | None, m: Mention) -> str | None:
    if m.percent:
        return "percent"
    if not noun:
        return None
    head = noun.split()[-1].lower()
    for unit, nouns in lx.UNITS.items():
        if head in nouns or head.rstrip("s") in nouns:
            return unit
    if _PLAIN_WORD.fullmatch(head):
        return f"other:{head}"
    return None


# --- the extractor -----------------------------------------------------------------


_UNSET = object()


@dataclass
class _Context:
    text: str
    low: str  # ascii_lower(text): same offsets, for the lower-case patterns
    anchor: date | None
    sentences: list[Sentence]
    claims: list[ExtractedClaim] = field(default_factory=list)
    _places: dict[int, list[Place]] = field(default_factory=dict)
    _nearest_placed: dict[int, int | None] = field(default_factory=dict)  # at or before i
    _future: dict[int, bool] = field(default_factory=dict)
    _cues: dict[int, list[tuple[int, int, str]]] = field(default_factory=dict)

    def places(self, index: int) -> list[Place]:
        if index not in self._places:
            s = self.sentences[index]
            found = find_places(self.text, s.start, s.end)
            # "DAKAR, 6 February 2025 -": where the release was issued, not what it reports
            self._places[index] = [p for p in found if not _inside(p.start, self.dateline)]
        return self._places[index]

    def placed_before(self, index: int) -> int | None:
        """The nearest sentence before `index` that names a place, or None; never across
        a heading that names none ("How many people have been killed?"): a new section
        tells of its own scope, not of the place the one before it ended on. (A heading
        that is a question; a sitrep's section headings go on telling of its place.)"""
        k = nearest_at_or_before(index - 1, self._placed_or_heading, self._nearest_placed)
        return k if k is not None and self.places(k) else None

    def _placed_or_heading(self, index: int) -> bool:
        return bool(self.places(index)) or self._is_heading(index)

    def _is_heading(self, index: int) -> bool:
        """A short question alone in its paragraph: an explainer's section heading."""
        s = self.sentences[index]
        alone = all(
            not (0 <= j < len(self.sentences)) or self.sentences[j].paragraph != s.paragraph
            for j in (index - 1, index + 1)
        )
        return alone and len(s.text) < 90 and s.text.rstrip().endswith("?")

    def found_places(self, index: int) -> list[Place] | None:
        """The places of sentence `index` if they were worked out already."""
        return self._places.get(index)

    def cues(self, index: int) -> list[tuple[int, int, str]]:
        if index not in self._cues:
            s = self.sentences[index]
            self._cues[index] = sentence_cues(self.low, s.start, s.end)
        return self._cues[index]

    def sentence_at(self, offset: int) -> int:
        return max(0, bisect_right(self._starts, offset) - 1)

    def future_at(self, offset: int) -> bool:
        index = self.sentence_at(offset)
        if index not in self._future:
            s = self.sentences[index]
            self._future[index] = speaks_of_future(self.low[s.start : s.end])
        return self._future[index]

    # Article-wide readings, each worked out once and only when a kept figure needs it.
    @cached_property
    def named_country(self) -> Place | None:
        return named_country(self.text)

    @cached_property
    def located_country(self) -> Place | None:
        return located_country(self.text)

    @cached_property
    def covered(self) -> tuple[date, date] | None:
        """The period the report says it covers, if it says ("covers 5 to 9 April")."""
        return reporting_period(self.text[:3000], self.anchor)

    @cached_property
    def about_refugees(self) -> bool:
        """The article is about people crossing a border: it speaks of refugees more
        than of the internally displaced."""
        return about_refugees(self.low)

    def country(self) -> Place | None:
        """Whose nationwide figures and money these are: the country the article names
        most, else the one its places lie in."""
        return self.named_country or self.located_country

    def home_country(self) -> Place | None:
        """The country the article is about, for a figure it places nowhere else."""
        return home_of(self.named_country, self.located_country)

    def scope(self) -> Place | None:
        """The area the article is about, for a figure it places nowhere else: the part of
        the country its headline names ("Cabo Delgado: renewed attacks ...", "... kill 31
        in Buwera district"), or the provinces its lead names together ("... in Cabo
        Delgado, Niassa and Nampula provinces"), else the country."""
        if self._scope is _UNSET:
            home = self.home_country()
            self._scope = report_scope(self.text, self.sentences, self.places, home) or home
        return self._scope  # type: ignore[return-value]

    def stated(self, index: int) -> date | None:
        """The day the statement of sentence `index` was made, if the text says."""
        if index not in self._stated:
            s = self.sentences[index]
            here = [d for d in self.dates.get(index, [])]
            self._stated[index] = statement_day(self.low, here) or self._source_day(s.paragraph)
        return self._stated[index]

    def _source_day(self, paragraph: int) -> date | None:
        if paragraph not in self._sources:
            last = max((s for s in self.sentences if s.paragraph == paragraph),
                       key=lambda s: s.end)  # fmt: skip
            first = min((s for s in self.sentences if s.paragraph == paragraph),
                        key=lambda s: s.start)  # fmt: skip
            self._sources[paragraph] = source_day(self.text[first.start : last.end])
        return self._sources[paragraph]

    def __post_init__(self) -> None:
        self._starts = [s.start for s in self.sentences]
        self._stated: dict[int, date | None] = {}
        self._sources: dict[int, date | None] = {}
        self.dates: dict[int, list[DateMention]] = {}
        self.dateline = _dateline(self.text)
        self.phones = lx.phone_spans(self.low)
        self.tables = find_tables(self.text)  # table rows by the offset their line starts
        self.breakdowns = find_breakdowns(self.text, self.low)  # list items, by line start
        self.item_day: date | None = None  # the day of the item's own date line
        self._scope: Place | object | None = _UNSET
        self.days_before: dict[int, date | None] = {}  # _day_told_before, per sentence


class _Lazy:
    """A sentence's speaker, worked out the first time a claim of it needs one."""

    __slots__ = ("_done", "_index", "_speakers", "_who")

    def __init__(self, speakers: ArticleSpeakers, index: int) -> None:
        self._speakers, self._index, self._done, self._who = speakers, index, False, None

    def __call__(self) -> str | None:
        if not self._done:
            self._who, self._done = self._speakers.at(self._index), True
        return self._who


def _bucket(ctx: _Context, items: list) -> dict[int, list]:
    """Group article-wide matches by the sentence they start in."""
    out: dict[int, list] = {}
    for item in items:
        start = item.start() if callable(item.start) else item.start  # re.Match or ours
        out.setdefault(ctx.sentence_at(start), []).append(item)
    return out


def extract_claims(
    text: str, article_date: date | None, *, item_dated: bool = False
) -> list[ExtractedClaim]:
    """All claims in one article's text, in text order.

    `item_dated`: the article is an item under its own date line ("7 June | ARDAN –
    ..."), which dates what it reports: a figure that names no day carries that one
    (as its context days, like a day its paragraph names).

    Each pattern runs once over the article; its matches are then handed to
    the sentence they fall in (the extractor must read megabytes a second).
    """
    ctx = _Context(text, ascii_lower(text), article_date, split_sentences(text))
    ctx.item_day = article_date if item_dated else None
    if not ctx.sentences:
        return []
    mentions = _bucket(ctx, find_mentions(ctx.low, 0, len(text)))
    found_dates = find_dates(text, article_date, low=ctx.low, future_at=ctx.future_at)
    if ctx.dateline[1]:
        # "JUBA, 28 January 2020 — ": the release's own date, not that of what it reports.
        found_dates = [d for d in found_dates if not _inside(d.start, ctx.dateline)]
    found_dates = _with_reporting_period(ctx, found_dates)
    found_dates = _with_previous_weeks(ctx, found_dates)
    dates = ctx.dates = _bucket(ctx, found_dates)
    events = _bucket(ctx, list(lx.EVENT_ASSERTION.finditer(ctx.low)))
    speakers = ArticleSpeakers(ctx.sentences)
    for i, sentence in enumerate(ctx.sentences):
        if i not in mentions and i not in dates and i not in events:
            continue  # most sentences hold no figure, date or event: nothing to claim
        speaker = _Lazy(speakers, i)
        here = dates.get(i, [])
        numeric = _numeric_claims(ctx, i, sentence, mentions.get(i, []), here, speaker)
        ctx.claims.extend(numeric)
        dated = _date_claims(ctx, i, sentence, here, speaker, numeric) if here else []
        ctx.claims.extend(dated)
        if not dated and i in events and not ctx.future_at(sentence.start):
            taken_until = sentence.start
            for match in events[i]:
                if match.start() < taken_until:
                    continue
                if found := _event_claims(ctx, i, sentence, match, here, speaker, numeric):
                    ctx.claims.extend(found)
                    taken_until = found[0].end  # one assertion per clause
    return _with_repeats_resolved(ctx.claims, ctx.sentences[0].end)


_SUMMARY_FIELDS = ("event_date", "event_date_first", "event_date_last", "attributed_to",
                   "location", "context_first", "context_last")  # fmt: skip


def _is_summary(sentence: str) -> bool:
    """A headline, a key-figure line or a highlight bullet: it repeats the body in brief."""
    return sentence[-1:] not in ".!?”\"'" or bool(BULLET_LINE.match(sentence))


def _with_repeats_resolved(claims: list[ExtractedClaim], headline_end: int) -> list[ExtractedClaim]:
    """A headline or highlight figure takes the date, source and place the body gives
    the same figure ("Strike kills at least 14" above "..., the governor said")."""
    out = list(claims)
    for i, claim in enumerate(claims):
        if claim.kind != "numeric" or claim.value is None or not _is_summary(claim.sentence):
            continue
        headline = claim.start < headline_end and not BULLET_LINE.match(claim.sentence)
        body = next((c for c in claims[i + 1 :] if _repeats(claim, c)), None)
        if body is None and headline and claim.category != "other":
            # "FIVE KILLED AS DRONE HITS HOSPITAL" over "killing a nurse and four
            # patients": the lede's first count of the same harm tells the same event
            body = next((c for c in claims[i + 1 :] if c.kind == "numeric"
                         and c.category == claim.category), None)  # fmt: skip
        if body is None and BULLET_LINE.match(claim.sentence):
            # a "Key findings" bullet may follow the lede that gave the figure first
            body = next((c for c in reversed(claims[:i]) if _repeats(claim, c)), None)
        if body is not None:
            missing = {f: getattr(body, f) for f in _SUMMARY_FIELDS if getattr(claim, f) is None}
            if headline and body.location:
                missing["location"] = body.location  # the lede's place is the precise one
            if claim.category == "other" and body.category != "other":
                missing["category"] = body.category  # "2,157  households": displaced, says the body
            out[i] = replace(claim, **missing) if missing else claim
    return out


def _repeats(summary: ExtractedClaim, other: ExtractedClaim) -> bool:
    return (
        other.kind == "numeric" and other.value == summary.value
        and summary.category in (other.category, "other") and not _is_summary(other.sentence)
        and _same_unit(summary.unit, other.unit)
    )  # fmt: skip


def _same_unit(a: str | None, b: str | None) -> bool:
    """ "3,400 mats" in a list of relief items does not repeat "3,400 households": two
    figures that each name what they count must name the same thing."""
    return a == b or not (a and b) or "people" in (a, b)


_REPORTING = re.compile(
    r"\b(?:during|in|over|throughout) the (?:reporting (?:week|period|month)|week|period under "
    r"review)\b|\bthe reporting (?:week|period)\b"
)


def _with_reporting_period(ctx: _Context, dates: list[DateMention]) -> list[DateMention]:
    """ "during the reporting week": the period the report says it covers."""
    if "reporting" not in ctx.low and " the week" not in ctx.low and "under review" not in ctx.low:
        return dates  # no phrase that needs the report's period
    period = reporting_period(ctx.text[:3000], ctx.anchor)
    week = _week_label(dates) if period is None else None
    if week is not None:
        # "In the week of 22-28 November ... during the week": that week, not the seven
        # days before the report's date
        period = week
        dates = [d for d in dates if not _THE_WEEK.fullmatch(d.text.lower())]
    if period is None:
        return dates
    found = [
        DateMention(m.start(), m.end(), ctx.text[m.start() : m.end()], *period, "period", True)
        for m in _REPORTING.finditer(ctx.low)
        if not any(d.start <= m.start() < d.end for d in dates)
    ]
    return sorted(dates + found, key=lambda d: d.start) if found else dates


_THE_WEEK = re.compile(r"(?:during|in|over|throughout) the week")
# "up from 38 the previous week", "1,980 the week before": the week before the one the
# figures beside it count, not the seven days before the report's date
_PREVIOUS_WEEK = rx.compile(rf"\b(?:{PREVIOUS_WEEK})\b")


_EARLIER_WORDS = ("previous", "preceding", "before", "earlier")


def _with_previous_weeks(ctx: _Context, dates: list[DateMention]) -> list[DateMention]:
    if "week" not in ctx.low or not any(map(ctx.low.__contains__, _EARLIER_WORDS)):
        return dates  # (substring tests first: most articles compare with no week)
    out = list(dates)
    for m in _PREVIOUS_WEEK.finditer(ctx.low):
        week = _week_counted_before(out, m.start())
        if week is None:
            continue
        first, last = week[0] - timedelta(days=7), week[1] - timedelta(days=7)
        out = [d for d in out if not (d.start < m.end() and m.start() < d.end)]
        out.append(DateMention(m.start(), m.end(), ctx.text[m.start() : m.end()], first, last,
                               "period", True))  # fmt: skip
    return sorted(out, key=lambda d: d.start)


def _week_counted_before(dates: list[DateMention], at: int) -> tuple[date, date] | None:
    """The week-long span named last before `at` (the report's week, "between 12 and 18
    February", "during the week"), or None."""
    spans = [d for d in dates if d.end <= at and d.precision == "period"
             and 5 <= (d.last - d.first).days <= 7]  # fmt: skip
    return (spans[-1].first, spans[-1].last) if spans else None


_LABEL_REACH = 600  # a week label sits in the title, the key figures or the lead


def _week_label(dates: list[DateMention]) -> tuple[date, date] | None:
    """The week a weekly report names near its top ("Regional Overview: Africa, 22-28
    November 2025", "In the week of 5-11 May"): a span of days, three to eight long."""
    for d in dates:
        if d.start > _LABEL_REACH:
            return None
        if d.precision == "period" and not d.relative and 2 <= (d.last - d.first).days <= 7:
            return d.first, d.last
    return None


def _inside(offset: int, span: tuple[int, int]) -> bool:
    return span[0] <= offset < span[1]


def _dateline(text: str) -> tuple[int, int]:
    """Where a story's dateline is, if one opens one of the article's first lines (the
    headline and a stamp may come before it); (0, 0) when there is none."""
    pos = 0
    for _ in range(12):  # a release's header lines may come first
        end = dateline_end(text[pos : pos + 200])
        if end:
            return pos, pos + end
        newline = text.find("\n", pos)
        if newline == -1:
            return 0, 0
        pos = newline + 1
        while text[pos : pos + 1] in ("\n", "\r"):
            pos += 1
    return 0, 0


def _numeric_claims(
    ctx: _Context,
    index: int,
    sentence: Sentence,
    mentions: list[Mention],
    dates: list[DateMention],
    speaker: Callable[[], str | None],
) -> list[ExtractedClaim]:
    out: list[ExtractedClaim] = []
    for m in mentions:
        if _inside(m.start, ctx.dateline) or (
            not m.one and is_trap(ctx.low, m, sentence, dates, ctx.phones, ctx.text)
        ):
            continue
        if _SPEAKERS_COUNT.match(ctx.low, m.end):
            continue  # "..., two witnesses told the monitor": who speaks, not what happened
        lone = m.worded and m.value == 1 and not (m.percent or m.one)
        if lone and _PRONOUN_ONE.match(ctx.low, m.end):
            continue  # "one of the largest", "One cannot talk about": no count
        if m.one and (
            _ONE_SPEAKS.match(ctx.low, m.end)
            or _SAID_BEFORE_ONE.search(ctx.low, max(0, m.start - 30), m.start)
        ):
            continue  # "A local doctor told reporters", "said a doctor at ...": who speaks
        claim = _describe(ctx, index, sentence, m, dates, speaker, out)
        if claim is not None:
            out.append(claim)
    return out


def _describe(ctx, index, sentence, m, dates, speaker, siblings):
    if (row := ctx.tables.get(sentence.start)) is not None:
        return _describe_cell(ctx, sentence, m, row, speaker)
    noun, noun_end = counted_noun(ctx.text, m, sentence.end)
    unit = m.unit or unit_for(noun, m)
    if unit == "other:times" and lx.HIT_BEFORE.search(ctx.low, max(0, m.start - 40), m.start):
        unit = "attacks"  # "the hospital has been struck at least nine times"
    antecedent = _antecedent(ctx, siblings) if _anaphoric(noun) else None
    # the figure its sentence gave just before this one, which a bare figure may go on from
    before = siblings[-1] if siblings and siblings[-1].sentence == sentence.text else None
    if (
        antecedent is None
        and before is not None
        and noun is None
        and not m.percent
        and _OF_GROUP_AFTER.match(ctx.low, m.end)
    ):  # "attacks on 23 health centres, 9 of them in Bandiagara region": of that total
        antecedent = before
    compared = None
    if antecedent is None and _COMPARED.search_before(
        ctx.low, max(sentence.start, m.start - 30), m.start
    ):
        antecedent = compared = _compared_with(ctx, siblings, m, sentence)  # "up from 1,080"
    partitive = None if antecedent or noun else _partitive_total(sentence, siblings)
    antecedent = antecedent or partitive
    if antecedent is not None:  # "three of them", "12 of those": count what was counted
        unit = antecedent.unit if unit in (None, "other:them") or not noun else unit
    if unit is None and m.value is None and not noun:
        unit = None
    rel, rel_end = m.start - sentence.start, noun_end - sentence.start
    low_sentence = ctx.low[sentence.start : sentence.end]
    category = category_for(
        low_sentence, rel, rel_end, noun, unit, lambda: ctx.cues(index), percent=m.percent,
        bare_default=_bare_default(ctx, m, noun, siblings, sentence),
        figure_end=m.end - sentence.start,
    )  # fmt: skip
    if antecedent is not None and category in ("other", "attacks"):
        category = antecedent.category or category
    if m.unit is not None:
        category = "other"  # money: an appeal, a fund, a price, never a harm count
    if m.percent and category in ("displaced", "refugees") and describes_group(ctx.low, m.end):
        category = "other"  # "58% of new arrivals are children": who they are
    if (
        category == "displaced"
        and ctx.about_refugees
        and not displacement_named(
            ctx.low, max(sentence.start, m.start - 60), min(sentence.end, noun_end + 40)
        )
    ):
        category = "refugees"  # "41 870 new arrivals" on a page about refugees crossing
    if (
        category == "other"
        and m.unit is None
        and ctx.about_refugees
        and arrived_somewhere(ctx.text, noun_end, min(sentence.end, noun_end + 60))
    ):
        category = "refugees"  # "9,400 people have reached Mauritania", "arrived in Adré"
    if noun and noun.split()[-1].lower() in lx.KIT and category in _HARM_TO_PEOPLE_OR_ATTACKS:
        category = "other"  # "neutralised four and recovered two AK-47 rifles": things seized
    if category in lx.PEOPLE_CATEGORIES and (unit is None or _agent_noun(unit)):
        unit = "people"  # "displaced 270,000", "dozens more were injured", "killing two drivers"
    if before is not None:
        unit, category = _going_on_from(ctx.low, m, noun, unit, category, before, sentence)
    if unit == "years":
        category = "other"  # a duration ("12-15 years imprisonment"), not a harm count
    if unit == "years" and _prison_term(ctx.low, m, noun_end, sentence.start):
        pass  # "sentenced to 10 years in prison": a term someone can check, worded or not
    elif _past_duration(ctx, m, noun):
        unit, category = f"other:{noun.split()[-1].lower()}", "other"  # "for 62 days"
        dates = []  # the span is the claim; no day of its own
    elif compared is None and not _worth_checking(
        m, unit, category, noun, _definite(ctx.low, m.start)
    ):
        return None  # (a figure compared with a kept one is as checkable: "compared with six")
    quote_end = noun_end if noun else m.end
    # Places are found only now: most numbers are dropped before this.
    location = figure_place(
        ctx.text, ctx.low, ctx.sentences, ctx.places, index, (m.start, quote_end),
        money=m.unit is not None, country=ctx.country, home=ctx.scope,
        placed_before=ctx.placed_before, harm=category,
        aggregate=_aggregate(ctx.low, m),
    )  # fmt: skip
    when = figure_date(
        ctx.low, (sentence.start, sentence.end), (m.start, quote_end), dates,
        anchor=ctx.anchor, future=ctx.future_at(m.start), stated=ctx.stated(index),
    )  # fmt: skip
    if when is None and dates and (m.unit is not None or _FUNDED_AFTER.match(ctx.low, m.end)):
        when = _plan_year(ctx.low, sentence, dates)  # "the 2025 appeal ... seeks $4.2bn"
    context = _context_days(ctx, index, dates) if when is None else None
    part_of = _part_of(ctx, m, siblings)
    if part_of is None and partitive is not None:
        part_of = len(ctx.claims) + len(siblings) - 1
    dated = (when.iso, when.first, when.last) if when else (None, None, None)
    if part_of is None and (back := _back_reference(ctx, index, sentence)) is not None:
        part_of, total_claim = back  # "Of those killed, 6,814 were men": of that total
        dated = (total_claim.event_date, total_claim.event_date_first,
                 total_claim.event_date_last) if when is None else dated  # fmt: skip
    if part_of is not None and not _OWN_HARM_AFTER.match(ctx.low, quote_end):
        total = _claim_at(ctx, siblings, part_of).category
        if unit in ("facilities", "towns") and total in lx.PEOPLE_CATEGORIES:
            pass  # "3,408 people sheltered in sites, including six sites opened": places
        elif category == "other" or total in lx.PEOPLE_CATEGORIES:
            category = total or category  # "killed 71, including 20 children": killed too
    claim = ExtractedClaim(
        kind="numeric",
        start=m.start,
        end=quote_end,
        quote=ctx.text[m.start : quote_end],
        sentence=sentence.text,
        value=_num(m.value),
        value_max=_num(m.value_max),
        unit=unit,
        qualifier=m.qualifier,
        category=category,
        subject=_subject(noun, m),
        location=location.text if location else None,
        event_date=dated[0],
        event_date_first=dated[1],
        event_date_last=dated[2],
        attributed_to=_own_source(ctx.text, quote_end)
        or _not_a_place(speaker(), location, ctx.places(index), siblings),
        part_of=part_of,
        context_first=context[0] if context else None,
        context_last=context[1] if context else None,
    )
    if ctx.breakdowns and (item := _breakdown_item(ctx, m.start)) is not None:
        return _in_breakdown(ctx, claim, item, own=m.start == item.figure)
    return claim


# "... and 203 injured, including 29 children killed": the part names its own harm
_OWN_HARM_AFTER = re.compile(r"\s+(?:killed|dead|injured|wounded|detained|abducted|arrested)\b")


def _not_a_place(
    who: str | None, location: Place | None, named: list[Place], siblings: list[ExtractedClaim]
) -> str | None:
    """No speaker when the subject of "reported" is a place: "By district, Metuge has
    reported 1,140 cases and 16 deaths, Pemba city 702 cases" tells where, not who said
    (a place the sentence names, or the place of one of its figures)."""
    if who is None or not who.istitle():
        return who  # ("Doctors at X hospital": a described speaker, never a place's name)
    if (
        (location is not None and location.text == who)
        or any(p.text == who for p in named)
        or any(c.location == who for c in siblings)
    ):
        return None
    return who


# "The 2025 Humanitarian Response Plan ..., which seeks nearly $2 billion, is only 14 per
# cent funded": money and funding shares belong to the year of the plan or appeal they
# are of, wherever in the sentence it is named
_FUNDED_AFTER = re.compile(  # "11% funded", "5 per cent of the $96 million it requested"
    r"\s*(?:per ?cent\s+)?(?:funded\b|of (?:the |its |their )?(?:us\s?\$|\$|usd|"
    r"requirements|funding|amount))"
)


def _plan_year(low: str, sentence, dates: list[DateMention]) -> DateMention | None:
    m = PLAN_YEAR.search(low, sentence.start, sentence.end)
    if m is None:
        return None
    return next((d for d in dates if d.start == m.start("y") and d.precision == "year"), None)


# "Of those killed, ...", "Among the injured were ...": the sentence breaks down a total
# the sentence before gave
_BACK_OPENER = re.compile(
    r"(?:[^\w]{0,3})(?:Of|Among) (?:those|them|these|the) ?(?P<w>[a-z]+)?(?:,| were| was)"
)


def _back_reference(ctx, index: int, sentence) -> tuple[int, ExtractedClaim] | None:
    """The total of the sentence before that this sentence's opener breaks down, as
    (its index among the article's claims, the claim): the one whose harm the opener
    names, else the last."""
    m = _BACK_OPENER.match(sentence.text)
    if m is None:
        return None
    harm = lx.cue_category(m["w"]) if m["w"] else "other"
    for back in range(1, 4):  # the sentence before; for a named harm, up to three back
        k = index - back
        if k < 0 or ctx.sentences[k].paragraph != sentence.paragraph:
            return None
        before = ctx.sentences[k].text
        totals = [
            (i, c)
            for i, c in enumerate(ctx.claims)
            if c.kind == "numeric" and c.sentence == before and c.part_of is None
        ]
        named = [t for t in totals if t[1].category == harm] if harm != "other" else []
        if named or (totals and back == 1 and harm == "other"):
            return (named or totals)[-1]
        if harm == "other":
            return None
    return None


_OF_THE_OPENER = re.compile(r"(?:[^\w]{0,3})(?:Of|Among) (?:the|its|their|these) ")


def _partitive_total(sentence, siblings: list[ExtractedClaim]) -> ExtractedClaim | None:
    """ "Of the 23 health centres, only 9 are functional": the opener's total, which a
    bare count after it breaks down; a total of people harmed is not one ("Of the 40
    wounded, nine died": the verb says what the nine count)."""
    if not siblings or not _OF_THE_OPENER.match(sentence.text):
        return None
    total = siblings[-1]
    if total.sentence != sentence.text or total.part_of is not None:
        return None
    return None if total.category in lx.PEOPLE_CATEGORIES else total


_AGGREGATE = 10_000  # a count this large is seldom about one town (where.py)
# "half of them", "64% of displaced individuals", "a 40% increase": a share of a group
# or a change the text has placed already
_CHANGE = r"increase|rise|decrease|drop|fall|jump"  # a change in a figure named before
_SHARE_OF_A_GROUP = re.compile(
    r"\s*(?:of (?:them|those|these|whom|the (?:displaced|new|newly|people|households|families)"
    rf"|displaced|new|newly)|(?:{_CHANGE})\b)"
)
_VAGUE_LARGE = re.compile(r"thousands|millions")  # "tens of thousands": as large


def _aggregate(low: str, m: Mention) -> bool:
    """Tens of thousands or more, or a share not of a group the text has placed: seldom
    the figure of one town (where.py)."""
    if m.percent:
        return not _SHARE_OF_A_GROUP.match(low, m.end)
    if m.value is None:
        return _VAGUE_LARGE.search(low, m.start, m.end) is not None
    return m.value >= _AGGREGATE


def _context_days(ctx: _Context, index: int, dates: list[DateMention]) -> tuple[date, date] | None:
    """The days a figure with no date of its own goes on telling of (for grouping; its
    event date stays empty), first and last:
    - the one day its sentence names in another clause ("16 were killed when warplanes
      struck the school on Thursday, while 19 were wounded");
    - else the last day an earlier sentence of its paragraph named ("an airstrike hit
      the market on 5 March, killing 12. Homes burned. More than 40 were injured");
    - else the day of the listing item it stands in (`extract_claims`' item_dated);
    - else the period the report says it covers ("This report covers 5 to 9 April"):
      a key figure's."""
    if dates:
        days = [d for d in dates if _a_day_of_events(ctx.low, d)]
        return (days[0].first, days[0].first) if len(days) == 1 and len(dates) == 1 else None
    if (told := _day_told_before(ctx, index)) is not None:
        return told, told
    if ctx.item_day is not None:
        return ctx.item_day, ctx.item_day
    return ctx.covered


def _day_told_before(ctx: _Context, index: int) -> date | None:
    """The last day of events an earlier sentence of the sentence's paragraph named.
    Kept per sentence (ctx.days_before): a paragraph's figures each ask, and walking
    back from each was quadratic in a long paragraph."""
    memo = ctx.days_before
    walked = []
    at = index
    while at not in memo:
        if at == 0 or ctx.sentences[at - 1].paragraph != ctx.sentences[at].paragraph:
            memo[at] = None
            break
        walked.append(at)
        named = [d for d in ctx.dates.get(at - 1, []) if _a_day_of_events(ctx.low, d)]
        if named:
            memo[at] = named[-1].first
            break
        at -= 1
    day = memo[at]
    for later in walked:
        memo[later] = day
    return memo[index]


def _a_day_of_events(low: str, d: DateMention) -> bool:
    """A day, not one on which something was said ("WHO said on Thursday")."""
    return d.precision == "day" and d.first == d.last and not said_on(low, d)


def _breakdown_item(ctx: _Context, offset: int) -> BreakdownItem | None:
    return ctx.breakdowns.get(ctx.text.rfind("\n", 0, offset) + 1)


def _in_breakdown(
    ctx: _Context, claim: ExtractedClaim, item: BreakdownItem, *, own: bool
) -> ExtractedClaim:
    """A figure of a breakdown list's item: what, when and where the list says."""
    changes: dict = {}
    if own and (category := item_category(item, ctx.low, claim.quote, claim.end, claim.category)):
        changes["category"] = category
        if category in lx.PEOPLE_CATEGORIES and claim.unit is None:
            changes["unit"] = "people"
    if item.place:
        changes["location"] = item.place
    lead_dates = ctx.dates.get(ctx.sentence_at(item.lead), [])
    if claim.event_date is None and lead_dates:
        when = lead_dates[-1]
        changes.update(event_date=when.iso, event_date_first=when.first,
                       event_date_last=when.last)  # fmt: skip
    return replace(claim, **changes) if changes else claim


def _describe_cell(ctx, sentence, m, row: TableRow, speaker) -> ExtractedClaim | None:
    """A figure in a table row: its column says what it counts, its row where and when."""
    cell = row.cell_at(m.start)
    if cell is None or cell.category is None or m.value is None:
        return None  # a number in a column that counts nothing ("Round", "Code")
    category = cell.category
    if category == "displaced" and ctx.about_refugees and not displacement_named(row.heading):
        category = "refugees"  # "Arrivals by entry point" on a page about refugees crossing
    scale = cell.scale  # "312.4" in a column of "US$ million": the dollars
    period = cell.period or row.period  # "27" under "June 2025": that month
    return ExtractedClaim(
        kind="numeric", start=m.start, end=m.end, quote=ctx.text[m.start : m.end],
        sentence=sentence.text, value=_scaled(m.value, scale),
        value_max=_scaled(m.value_max, scale),
        unit="people" if category in lx.PEOPLE_CATEGORIES else cell.unit,
        qualifier=m.qualifier, category=category, location=_row_place(ctx, row),
        event_date=row.day.isoformat() if row.day else period.iso if period else None,
        event_date_first=row.day or (period.first if period else None),
        event_date_last=row.day or (period.last if period else None),
        attributed_to=row.source or speaker(),
    )  # fmt: skip


_FOR_BEFORE = re.compile(r"\bfor\s+(?:more than\s+|nearly\s+|over\s+|almost\s+)?$")
_DURATION = frozenset("hours days weeks months years".split())


def _past_duration(ctx: _Context, m: Mention, noun: str | None) -> bool:
    """ "received no aid for 62 days" is checkable; "a pause of 72 hours" is a demand."""
    if not noun or noun.split()[-1].lower() not in _DURATION or m.worded or m.value is None:
        return False
    if ctx.future_at(m.start) or not _FOR_BEFORE.search(ctx.low, max(0, m.start - 20), m.start):
        return False
    return m.value >= 2


# A prison term: "10 years in prison", "8 to 15 years' imprisonment", "sentenced him to
# seven years", "prosecutors are seeking 15 years", "face up to 15 years"
_TERM_AFTER = re.compile(
    r"(?:'|’)?(?:s)?\s*(?:in\s+(?:prison|jail)|(?:of\s+)?(?:imprisonment|jail|prison)|"
    r"behind\s+bars)\b"
)
_TERM_BEFORE = re.compile(
    r"(?:\b(?:sentenced|jailed|jails|jail|imprisoned|condemned)\b[^.;:]{0,50}?\b(?:to|for)|"
    r"\b(?:sentences?|terms?)\s+of|"
    r"\b(?:sought|seeking|seeks|seek|requested|demanded|faces?|facing|risks?|carries|carry)"
    r")\s+\Z"
)


def _prison_term(low: str, m: Mention, noun_end: int, floor: int) -> bool:
    if _TERM_AFTER.match(low, noun_end):
        return True
    start = m.start
    if (q := qualifier_before(low, start)) is not None:
        start = q.start  # "face up to 15 years"
    return _TERM_BEFORE.search(low[max(floor, start - 80) : start]) is not None


_COMPARED = rx.compile(  # RE2, on the 30 characters before a figure
    r"\b(?:up from|down from|compared (?:with|to)|against|from a total of|rising from|"
    r"falling from|increase from|decrease from)\s+$"
)
_AGENT = re.compile(r"^other:(?:more|[a-z]+(?:ers|ors|ists|ians|ants|ents|ees|men|women|s))$")


def _agent_noun(unit: str) -> bool:
    """ "drivers", "suspects", "guards" killed or detained: people, whatever their trade."""
    return bool(_AGENT.match(unit))


_OF_THE_TOTAL = re.compile(r"\s*of (?:the|this|that) total\b")
_CHANGE_AFTER = re.compile(rf"\s*(?:{_CHANGE}|more|fewer|higher|lower)\b")


# "the number is projected to rise to", "the figure stood at": the figure named before
_THE_NUMBER_BEFORE = re.compile(
    r"\bthe (?:number|figure|total|caseload)\b[^.;:]{0,50}?\b(?:rise|rises|rose|risen|rising|"
    r"reach|reaches|reached|climb|climbs|climbed|increase|increases|increased|grow|grew|"
    r"grown|fall|falls|fell|drop|dropped|stood|stands|stand)(?: to| at)?\s+"
    r"(?:about |around |some |nearly |almost |over |more than |an estimated )?\Z"
)


def _bare_default(ctx, m, noun, siblings, sentence) -> str | None:
    """ "1,140 of the deaths to air strikes and 610 to ground fighting", "killed 97, or
    53% of the total": a figure with no noun of its own goes on counting what the figure
    before it in the sentence counts. "The number is projected to rise to 2.73 million":
    what the figure before it counts, in whichever sentence."""
    if not noun and _THE_NUMBER_BEFORE.search(ctx.low, max(sentence.start, m.start - 80), m.start):
        before = _antecedent(ctx, siblings)
        return before.category if before is not None else None
    if (
        not siblings
        or siblings[-1].sentence != sentence.text
        or _OF_THEM_AFTER.match(ctx.low, m.end)
    ):
        return None  # ("41 of them fatal": the words after decide)
    if m.percent:  # "killed 97, or 53% of the total", "1,126 events, a 12% increase"
        of_it = _OF_THE_TOTAL.match(ctx.low, m.end) or _CHANGE_AFTER.match(ctx.low, m.end)
        # "58% of the civilian deaths, JNIM for 31% and IS Sahel for 7%": the next shares
        next_share = not noun and siblings[-1].unit == "percent"
        return siblings[-1].category if of_it or next_share else None
    if noun or lx.CATEGORY_CUES.search(ctx.low, m.end, m.end + 20):
        return None  # its own words say what it counts ("nine died")
    for before in reversed(siblings):
        if before.sentence != sentence.text:
            break
        if before.unit not in ("facilities", "towns"):
            return before.category  # "318,000 people sheltering in 104 sites, up 28,000"
    return None


# "9 killed (per Ministry of Defence) 32 killed (per Islamic State)": each figure's own
_OWN_SOURCE_AFTER = re.compile(
    r"(?:\s+[a-z]+){0,2}\s*\((?:per|according to|source:)\s+(?P<who>[^()\n]{2,60}?)\)"
)


def _own_source(text: str, end: int) -> str | None:
    m = _OWN_SOURCE_AFTER.match(text, end)
    return m["who"].strip() if m else None


def _compared_with(ctx, siblings, m, sentence) -> ExtractedClaim | None:
    """The figure "compared with 290,000" is compared with: of the sentence's figures
    before it, the one nearest in size ("318,000 people sheltering in 104 sites, compared
    with about 290,000": people, not sites), else the figure just before."""
    own = [c for c in siblings if c.kind == "numeric" and c.sentence == sentence.text]
    value = _num(m.value)
    if len(own) < 2 or not value or value <= 0 or any(not c.value or c.value <= 0 for c in own):
        return _antecedent(ctx, siblings)
    return min(reversed(own), key=lambda c: abs(math.log(c.value / value)))


def _going_on_from(
    low: str, m: Mention, noun: str | None, unit: str | None, category: str,
    before: ExtractedClaim, sentence: Sentence,
) -> tuple[str | None, str]:  # fmt: skip
    """What a figure counts when it goes on from the figure before it in its sentence."""
    if (
        m.one
        and category not in lx.PEOPLE_CATEGORIES
        and before.category in lx.PEOPLE_CATEGORIES
        and _INCLUDING_BEFORE.search(low, max(sentence.start, m.start - 12), m.start)
    ):  # "the bodies of eight people, including a child": one of the dead
        return unit, before.category
    if (
        noun is None
        and unit is None
        and before.unit in ("facilities", "towns")
        and _DAMAGED_AFTER.match(low, m.end)
    ):  # "At least 40 homes were hit; 7 were destroyed": homes too
        return before.unit, "facilities_hit"
    return unit, category


_INCLUDING_BEFORE = re.compile(r"\b(?:including|among them)\s+\Z")
_DAMAGED_AFTER = re.compile(
    r"\s+(?:(?:were|was|had been|have been|are)\s+)?(?:(?:completely|partially|partly|badly|"
    r"totally|fully)\s+)?(?:destroyed|damaged|looted|burned|burnt|razed|flattened)\b"
)
_OF_GROUP_AFTER = re.compile(r"\s+of\s+(?:them|which|whom)\b")  # ("of those killed": a noun)


def _anaphoric(noun: str | None) -> bool:
    return bool(noun) and noun.split()[-1].lower() in ("them", "those", "whom", "these", "which")


def _antecedent(ctx: _Context, siblings: list[ExtractedClaim]) -> ExtractedClaim | None:
    numeric = [c for c in ctx.claims + siblings if c.kind == "numeric"]
    return numeric[-1] if numeric else None


def _row_place(ctx: _Context, row: TableRow) -> str | None:
    """A row's own place, else the country the article is about: a table with no
    place column ("Sector | Required"), or its "Total" row, covers the report's."""
    if row.place:
        return row.place
    home = ctx.scope()
    return home.text if home else None


def _scaled(value: float | None, scale: int) -> float | None:
    """A table cell's figure times its caption's scale, in decimal (312.4 million is
    312,400,000, not a float's 312,400,000.00000006)."""
    if value is None or scale == 1:
        return _num(value)
    return float(as_number(Decimal(str(value)) * scale))


def _num(value: float | None) -> float | None:
    return None if value is None else float(as_number(value))


def _subject(noun: str | None, m: Mention) -> str | None:
    if not noun:
        return None
    words = noun.split()
    if m.percent and words and words[0].lower() == "of":
        words = words[1:]
    return " ".join(w for w in words if w.lower() not in ("the",)) or None


def _worth_checking(
    m: Mention, unit: str | None, category: str, noun: str | None, definite: bool
) -> bool:
    """Drop counts nobody would check: "two separate meetings", "the two sides", "one of
    them". Any count of people harmed, of things hit or of concrete things is kept,
    small or not ("killing two patients and one caretaker", "three vehicles")."""
    if m.unit is not None:
        return True  # money, with its currency: always a figure someone can check
    if m.one:
        return category in lx.PEOPLE_CATEGORIES  # "a nurse was killed", not "a nurse said"
    head = (noun or "").split()[-1].lower() if noun else ""
    if head in lx.ROUNDS:  # "214 rounds", "mortar rounds": shots; "two rounds of talks"
        shots = lx.AMMUNITION.search(noun or "") is not None  # "rounds of 7.62mm ammunition"
        return shots or (not m.worded and (m.value or 0) >= 10)
    if head in lx.UNCHECKABLE_NOUNS and not _named_kind(noun) and unit != "attacks":
        return False
    if head in lx.HARDWARE_NOUNS:
        return True  # "one ambulance", "nine AK-47 rifles"
    small = m.worded and m.value is not None and m.value < 10
    if small and (definite or not head):
        return category != "other"  # "the two provinces", "one of them"; but "killing two"
    if head in _DURATIONS:
        return m.qualifier == "range"  # "12-15 years imprisonment"; not "more than seven years"
    if category != "other" or unit in lx.CHECKABLE_UNITS or unit == "percent":
        return True
    if m.value is None:  # "tens of thousands of mercenaries": vague, but of something real
        return bool(head) and _plural(head)
    return _plural(head) or m.value >= 100 or (m.value >= 10 and not m.worded)


_HARM_TO_PEOPLE_OR_ATTACKS = lx.PEOPLE_CATEGORIES | {"attacks"}


_DURATIONS = frozenset("hours days weeks months years".split())
# "112 oral rehydration points", "40 water points", "9 affected states": a word before the
# head names a kind of place or service, which "two points" or "the two sides" do not.
_KIND_BEFORE_HEAD = frozenset(
    """rehydration water distribution collection entry exit crossing border transit health
    service treatment affected""".split()
)


def _named_kind(noun: str | None) -> bool:
    words = (noun or "").lower().split()
    return len(words) >= 2 and words[-2] in _KIND_BEFORE_HEAD and words[-1] != "times"


_DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those|both|all)\s+\Z")


_PRONOUN_ONE = re.compile(
    r"\s+(?:of\b|cannot|can|could|must|may|might|should|would|will|is|was|has|had|does|did|"
    r"another|day|time|way|side|that|who|which)\b|\s*[,.;:)]"
)
_ONE_SPEAKS = re.compile(
    r"\s*[\w-]*(?:\s+[\w’'-]+){0,6}?\s+(?:said|says|told|tells|reported|added|explained|"
    r"recalled|described)\b"
)
# ", said a doctor"; "headed by a woman": who speaks or leads, not one person harmed
_SAID_BEFORE_ONE = re.compile(
    r"[,”\"]\s*(?:said|says|added|told \w+)\s+\Z|\b(?:headed|led|run|chaired|owned) by\s+\Z"
)
_SPEAKERS_COUNT = re.compile(
    r"\s+(?:[a-z-]+\s+)?(?:witnesses|residents|survivors|sources|officials|doctors|medics|"
    r"relatives|people)\s+(?:told|said|say|says|reported)\b"
)


def _definite(low: str, at: int) -> bool:
    """ "the two provinces": a reference to things already counted, not a count."""
    return bool(_DEFINITE_BEFORE.search(low, max(0, at - 12), at))


# Where one clause ends and a reported or relative one begins: "..., President Mustafa
# said, pointing out that the latest of these attacks ..." holds two claims' places.
_CLAUSE_BREAK = re.compile(
    r";|:(?=\s)|,\s+(?:\w+\s+){0,4}?(?:said|says|added|adding|saying|noting|noted|pointing out|"
    r"stressing|while|whereas|but|and that|which|who)\b"
)


def _clause_around(ctx: _Context, sentence: Sentence, m: Mention) -> tuple[int, int]:
    start, end = sentence.start, sentence.end
    for b in _CLAUSE_BREAK.finditer(ctx.low, sentence.start, sentence.end):
        if b.end() <= m.start:
            start = b.end()
        elif b.start() >= m.end:
            end = b.start()
            break
    return start, end


def _within(items: list, clause: tuple[int, int]) -> list:
    return [x for x in items if clause[0] <= x.start < clause[1]]


_GENERIC_SCOPE = re.compile(
    r"\b(?:in|across|throughout) (the (?:province|region|district|country|governorate|area))\b"
)


def _location_for(ctx: _Context, index: int, places: list[Place], m: Mention) -> Place | None:
    if places:
        return max(places, key=lambda p: (p.rank, -abs(p.start - m.start)))
    sentence = ctx.sentences[index]
    if scope := _GENERIC_SCOPE.search(ctx.low, sentence.start, sentence.end):
        # "in the province": the sentence names its own scope; an earlier
        # sentence's village would be wrong, and this is as specific as it gets.
        start, end = scope.span(1)
        return Place(start, end, ctx.text[start:end], 0)
    for prev in range(index - 1, -1, -1):
        found = ctx.places(prev)
        if found:
            return max(found, key=lambda p: p.rank)
    return None


def _date_for(dates: list[DateMention], m: Mention) -> DateMention | None:
    if not dates:
        return None
    return min(dates, key=lambda d: abs(d.start - m.start))


_OTHERS = re.compile(r"\s*(?:others?|more)\b")
_OF_THEM_AFTER = re.compile(r"\s*(?:of them|of whom|of those|among them)\b")


def _part_of(ctx: _Context, m: Mention, siblings: list[ExtractedClaim]) -> int | None:
    """For "including 20 children and nine women", "seven civilians, three of them
    children": the index of the total they belong to. ("and 63 others" is a new count.)"""
    totals = [i for i, c in enumerate(siblings) if c.part_of is None]
    if not totals or m.percent or _OTHERS.match(ctx.low, m.end):
        return None  # a share ("over half of them") says who, it is not a sub-count
    total = siblings[totals[-1]]
    if (
        m.value is not None
        and total.value is not None
        and m.value > (total.value_max or total.value)
    ):
        return None  # "Three were killed, among them two nurses, and nine injured": no part
    if _OF_THEM_AFTER.match(ctx.low, m.end) and _near_enough(ctx.low[total.end : m.start]):
        return len(ctx.claims) + totals[-1]  # "2,318 cholera cases since October, 41 of them"
    between = ctx.low[total.end : m.start]
    if _colon_breakdown(ctx, between, total, siblings):
        return len(ctx.claims) + totals[-1]  # "143 villages were burned: 38 in 2023, 71 in ..."
    cues = list(lx.SUBCOUNT.finditer(between))
    if not cues:
        return None
    cue = cues[-1]
    # The cue must lead straight to this number, or to sub-counts joined by "and".
    after_cue = between[cue.end() :]
    later = [c for c in siblings if c.start >= total.end + cue.end()]
    for c in later:
        after_cue = after_cue.replace(ctx.text[c.start : c.end], "")
    if len(_JOINERS.sub("", after_cue)) > 3:
        return None  # "including two children, and injured dozens more": a new count
    return len(ctx.claims) + totals[-1]


def _colon_breakdown(
    ctx: _Context, between: str, total: ExtractedClaim, siblings: list[ExtractedClaim]
) -> bool:
    """The figure is an item of a list after a colon that ends the total's clause, each
    item a figure and where or when it was counted ("38 in 2023, 71 in 2024")."""
    colon = between.rfind(":")
    if colon == -1 or any(ch in between[:colon] for ch in ";.") or len(between) > 200:
        return False
    rest = between[colon + 1 :]
    for c in siblings:
        if c.start >= total.end:
            rest = rest.replace(ctx.low[c.start : c.end], "")
    items = [i for i in _LIST_SPLIT.split(rest.strip()) if i]
    return all(_WHERE_OR_WHEN.fullmatch(i) for i in items)


_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_WHERE_OR_WHEN = re.compile(r"(?:in|on|during|at|from) [^,;:.()]{1,40}")


def _near_enough(between: str) -> bool:
    """Only a comma, or a short phrase with no clause break, between total and part."""
    return len(between) <= 40 and not any(ch in between for ch in ";:.")


def _claim_at(ctx: _Context, siblings: list[ExtractedClaim], index: int) -> ExtractedClaim:
    return (ctx.claims + siblings)[index]


def _worthiness(claim: ExtractedClaim) -> tuple[float, tuple[str, ...]]:
    """0-1, with the reasons a reviewer sees."""
    return worthiness(
        claim.category, has_value=claim.value is not None,
        attributed=claim.attributed_to is not None, dated=claim.event_date is not None,
        located=claim.location is not None, part=claim.part_of is not None,
    )  # fmt: skip


def worthiness(
    category: str | None, *, has_value: bool, attributed: bool, dated: bool, located: bool,
    part: bool,
) -> tuple[float, tuple[str, ...]]:  # fmt: skip
    """How worth checking a claim with these traits is (0-1), and why, in the reviewer's
    words; the desk shows the same reasons beside a stored claim's score."""
    score, reasons = 0.15, []
    for ok, weight, why in (
        (category in lx.PEOPLE_CATEGORIES, 0.3, "about harm to people"),
        (category in ("attacks", "facilities_hit"), 0.15, "about attacks or damage"),
        (has_value, 0.15, "a specific figure"),
        (attributed, 0.1, "attributed"),
        (dated, 0.1, "dated"),
        (located, 0.1, "located"),
        (part, -0.1, "part of a larger count"),
    ):
        if ok:
            score += weight
            reasons.append(why)
    return round(max(0.0, min(1.0, score)), 2), tuple(reasons)


# --- date and event claims ------------------------------------------------------------


def _date_claims(ctx, index, sentence, dates, speaker, numeric):
    """Events tied to a date (dated.py), each quoted from its event words to its date."""
    out = []
    spans = date_claim_spans(
        ctx.low, (sentence.start, sentence.end), dates, [(c.start, c.end) for c in numeric],
        ctx.anchor, ctx.future_at(sentence.start),
        words_at=sentence.start + dateline_end(sentence.text),
    )  # fmt: skip
    for start, end, d in spans:
        stated = ctx.stated(index) if d.precision == "period" else None
        if stated is not None and open_until(d, ctx.anchor, stated):
            d = d._replace(last=stated)  # "closed since 1 March, OCHA said on Wednesday"
        # The sentence's places if a figure needed them already, else the claim's own
        places = ctx.found_places(index) or find_places(ctx.text, start, end)
        out.append(ExtractedClaim(
            kind="date", start=start, end=end, quote=ctx.text[start:end],
            sentence=sentence.text, event_date=d.iso, event_date_first=d.first,
            event_date_last=d.last, attributed_to=speaker(),
            location=max(places, key=lambda p: p.rank).text if places else None,
        ))  # fmt: skip
    return out


def _event_start(text: str, sentence: Sentence, before: int) -> int:
    """Start of the event words the date belongs to, at most ~80 characters back."""
    window_start = max(sentence.start, before - 80)
    m = lx.EVENT_WORDS.search(text, window_start, before)
    if m:
        return m.start()
    space = text.find(" ", max(sentence.start, before - 60), before)
    return space + 1 if space != -1 else sentence.start


def _event_claims(ctx, index, sentence, m, dates, speaker, numeric):
    """A specific assertion: the event's own clause must name its target or place."""
    start = m.start()
    end = _clause_end(ctx.text, start, sentence.end)
    if any(c.start < end and start < c.end for c in numeric):
        return []  # the numeric claim already covers it
    quote = ctx.text[start:end]
    places = find_places(ctx.text, start, end)  # the clause's own: less to read than the sentence
    named = lx.NAMED_TARGET.search(ctx.text, max(sentence.start, start - 40), end)
    if numeric and not (named or places):
        return []
    if not places and not named:
        return []  # "civilians are being targeted": too general to check
    when = _date_for(dates, Mention(start, end, None, None, "exact", False, False))
    claim = ExtractedClaim(
        kind="event", start=start, end=end, quote=quote, sentence=sentence.text,
        attributed_to=speaker(),
        location=max(places, key=lambda p: p.rank).text if places else None,
        event_date=when.iso if when else None,
        event_date_first=when.first if when else None,
        event_date_last=when.last if when else None,
    )  # fmt: skip
    return [claim]


_CLAUSE_END = re.compile(r"[;.!?]|,\s+(?:and|but|while|which|who|adding|saying)\b")


def _clause_end(text: str, start: int, limit: int) -> int:
    m = _CLAUSE_END.search(text, start, limit)
    end = m.start() if m else limit
    return end if end - start <= 200 else start + text[start : start + 200].rfind(" ")
