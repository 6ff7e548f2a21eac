"""The date shapes that page furniture uses: date lines, stamps, trailers, datelines.

Kept to anchored regexes on purpose: these decide where an article starts and
which day it belongs to, so a false match costs more than a miss. Free-text
dates inside sentences are the claim extractor's business (dates.py).

What the genre prints, and what each shape means:
- a date line opening an item, with or without its weekday, time or section:
  "31 May 2019 In Coalition News", "Wednesday, 13 March 2024",
  "19/12/2023", "9 Feb 2025 – 18:40 GMT", "News Stories, 16 December 2008";
- a stamp that dates the page or item it sits in: "Published: 26 February
  2025", "Updated April 20, 2024 11:42 AM GMT", "As of 18:00, 12 March 2024",
  "Date of publication: 3 May 2025", "Update 2023-10-09";
- a dateline opening a story: "GENEVA, 11 February 2020 —", "ZAPORIZHZHIA,
  Ukraine, April 20 (Reuters) -", "(Bangkok, 21 November 2023) -", and
  "BEIRUT (Reuters) -", which marks a story but gives no date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
# Scoped (?i:): month names match in any case wherever MONTH_RE is embedded.
# Abbreviations may take a dot ("Jan."); a full name's dot ends a sentence. A name
# ends at a word's end: "19 separate attacks" and "19 marchers" hold no date.
_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
MONTH_RE = (
    r"(?i:"
    + "|".join(
        rf"{n}(?:\.|\b)" if n in _ABBREVIATIONS else rf"{n}\b"
        for n in sorted(MONTHS, key=len, reverse=True)
    )
    + r")"
)

# "31 May 2019", "May 31, 2019", "2019-05-31", "31/05/2019", "31.05.2019"; a day may be
# an ordinal ("11th February 2025", "February 11th, 2025")
ORDINAL = r"(?:st|nd|rd|th)?"  # a day's ordinal letters, as dates.py reads them too
DATE_RE = (
    rf"(?:(?P<d1>\d{{1,2}}){ORDINAL}\s+(?:of\s+)?(?P<m1>{MONTH_RE}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{MONTH_RE})\s+(?P<d2>\d{{1,2}}){ORDINAL},?\s+(?P<y2>\d{{4}})"
    rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})"
    rf"|(?P<d4>\d{{1,2}})[./](?P<m4>\d{{1,2}})[./](?P<y4>\d{{4}}))(?!\d)"
)
# A day and month with no year: "April 20", "14 Jan" (datelines, "as of 30 April").
YEARLESS_RE = (
    rf"(?:(?P<m5>{MONTH_RE})\s+(?P<d5>\d{{1,2}}){ORDINAL}"
    rf"|(?P<d6>\d{{1,2}}){ORDINAL}\s+(?:of\s+)?(?P<m6>{MONTH_RE}))(?!\d)"
)
_DATE = re.compile(DATE_RE, re.IGNORECASE)
# "30.07.2018", "30/07/2018": day first, as in the bulletins we read.
_NUMERIC_DMY = re.compile(r"(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4})")
WEEKDAY_RE = (
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
    r"\.?,?\s+"
)
TIME_RE = (
    r"(?:\d{1,2}[:.]\d{2}|\d{1,2}\s*[ap]\.?m\.?)(?:\s*[ap]\.?m\.?)?"
    r"(?:\s*(?:gmt|utc|eat|cat|wat|cet|est|edt|bst|cest|eet|eest|ast|ist|pst|pdt|cst|cdt|"
    r"mst|mdt|jst|msk|sast|pkt|ict|wib|aest|hkt|sgt|hrs|h|local time)\b)?"
)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def date_from_match(m: re.Match[str]) -> date | None:
    """Turn a DATE_RE match (any of its shapes) into a date."""
    g = m.groupdict()
    if g.get("y1"):
        return _safe_date(int(g["y1"]), _month(g["m1"]), int(g["d1"]))
    if g.get("y2"):
        return _safe_date(int(g["y2"]), _month(g["m2"]), int(g["d2"]))
    if g.get("y3"):
        return _safe_date(int(g["y3"]), int(g["m3"]), int(g["d3"]))
    if g.get("y4"):
        return _numeric(int(g["d4"]), int(g["m4"]), int(g["y4"]))
    return None


def _numeric(first: int, second: int, year: int) -> date | None:
    """Day first, as international bulletins write it, unless only month first can be."""
    return _safe_date(year, second, first) or _safe_date(year, first, second)


def yearless_from_match(m: re.Match[str], near: date | None) -> date | None:
    """A day and month with no year, in the year that puts it closest before `near`."""
    g = m.groupdict()
    if g.get("m5"):
        month, day = _month(g["m5"]), int(g["d5"])
    elif g.get("m6"):
        month, day = _month(g["m6"]), int(g["d6"])
    else:
        return None
    return infer_year(month, day, near)


def infer_year(month: int, day: int, near: date | None) -> date | None:
    """The latest such day not more than a week after `near` (a page or item date)."""
    if near is None:
        return None
    found = _safe_date(near.year, month, day)
    if found is not None and found > near + timedelta(days=7):
        found = _safe_date(near.year - 1, month, day)
    return found


def parse_date(text: str) -> date | None:
    """A date written in words or ISO, or day-first with dots or slashes."""
    m = _DATE.fullmatch(text.strip())
    return date_from_match(m) if m else None


def find_date(text: str) -> date | None:
    """The first full date anywhere in text."""
    for m in _DATE.finditer(text):
        if found := date_from_match(m):
            return found
    return None


# --- the line shapes ---------------------------------------------------------------

# "Monday 3 March 2025 —" or "3 March 2025:" alone on its line: the item follows below.
HEADER = re.compile(
    rf"^(?:{WEEKDAY_RE})?(?P<date>{DATE_RE})"
    rf"(?:\s*(?:[,|\-–—·•]|at)?\s*{TIME_RE})?"  # "5 Mar 2024 · 08:05 CAT": a post's
    rf"\s*(?:(?:\bIn\b|[|:\-–—])\s*(?P<section>[^\s].{{0,80}}?)|[:\-–—])?\s*$",
    re.IGNORECASE,
)
# "News Stories, 16 December 2008": a section label, then the date of its items.
LABELLED_HEADER = re.compile(
    rf"^(?P<section>[A-Z][A-Za-z&'’ ]{{1,40}}[a-z][A-Za-z&'’ ]*),\s+(?i:{WEEKDAY_RE})?"
    rf"(?P<date>{DATE_RE})\s*$"
)
# "Bulletin No. 31 | 25 September 2024", "Daily brief | Monday 3 March 2025": an issue's
# label, a bar, then its date (and perhaps another bar and the edition's hour).
BARRED_HEADER = re.compile(
    rf"^(?P<section>[A-Z][^|]{{1,60}}?)\s*\|\s*(?:{WEEKDAY_RE})?(?P<date>{DATE_RE})"
    rf"(?:\s*\|\s*[^|]{{1,60}}?)?\s*$",  # "... | 13:00 bulletin (No. 1147)": more furniture
    re.IGNORECASE,
)
# "2. NORTH KIVU – update of Friday 16 May 2025", "Ituri - as of 23 May 2025": a section
# of a report, then a dash and the day of its update. A masthead may chain its parts
# with dashes before the date: "Monitoring Network – Press Release – 13 March 2024".
DASHED_HEADER = re.compile(
    rf"^(?P<section>(?:\d{{1,2}}[.)]\s+)?[A-Z][^|–—]{{1,60}}?"
    rf"(?:\s+[–—]\s+[^|–—]{{1,60}}?){{0,2}})\s+[–—-]\s+"
    rf"(?:(?:update|updated|situation|status|report|figures)\s+(?:of|as\s+of|on)\s+|"
    rf"as\s+(?:of|at)\s+)?(?:{WEEKDAY_RE})?(?P<date>{DATE_RE})\s*$",
    re.IGNORECASE,
)
# A day number ending what DASHED_HEADER took for a section: the start of a range
# ("period: 1 – 15 March"), unless an issue number ("Flash Update No. 2 – 6 March")
# "Summary of findings, 1 March 2023 – 31 December 2025": a period from a whole date
_RANGE_FROM_DATE = re.compile(  # "... 1 January - 31 March 2025": the first day, no year
    rf"(?:{DATE_RE}|\b{MONTH_RE}\s+\d{{4}}|\b\d{{1,2}}\s+{MONTH_RE}|\b{MONTH_RE}\s+\d{{1,2}})\s*$",
    re.IGNORECASE,
)
_RANGE_START = re.compile(r"(?:^|[:\s])(?<!No\.\s)(?<!No\s)(?<!#)\d{1,2}$")
# "Mon 9 Jun", "Friday, 6 June", "June 7": a live page's day label with no year.
YEARLESS_HEADER = re.compile(rf"^(?:{WEEKDAY_RE})?{YEARLESS_RE}\s*$", re.IGNORECASE)
# "Kyiv, Tuesday 4 November": a newsletter section's place and day on a line of their own
LABELLED_YEARLESS_HEADER = re.compile(
    rf"^(?P<section>(?-i:[A-Z])[A-Za-z'’. -]{{1,30}}),\s+(?:{WEEKDAY_RE})?{YEARLESS_RE}\s*$",
    re.IGNORECASE,
)
# "7 June | ARDAN – Idlan Governorate": a digest item's day, a bar, then where it is.
BARRED_YEARLESS_HEADER = re.compile(
    rf"^(?:{WEEKDAY_RE})?{YEARLESS_RE}\s*\|\s*(?P<section>[^\s|].{{0,100}}?)\s*$", re.IGNORECASE
)
_STAMP_WORDS = (
    r"published(?:\s+on)?|updated(?:\s+on)?|last\s+updated|posted(?:\s+on)?|date|dated|"
    r"issued(?:\s+on)?|released(?:\s+on)?|submitted(?:\s+on)?|"
    r"date\s+of\s+(?:publication|issue|issuance|creation|submission|report|delivery|release|"
    r"adoption|dispatch|transmission)|submission\s+date|"
    r"(?:publication|creation|production)\s+date|(?:created|produced)(?:\s+on)?|"
    r"as\s+(?:of|at)|(?:[a-z]+\s+)?(?:situation|status|data|figures)\s+as\s+(?:of|at)|"
    r"report(?:ing)?\s+date|"  # "Funding status as of 31 May 2025", "Population data as of"
    r"update|flash\s+update(?:\s+no\.?\s*\d+)?|situation\s+report(?:\s+no\.?\s*\d+)?|"
    r"(?:first\s+)?broadcast(?:\s+on)?|aired(?:\s+on)?"  # a programme's day
)
# A stamp: at the start of a line, after a "|" that separates it from other furniture,
# or opening a bracket after a title: "Weekly Round-up – 11 to 17 March (issued 18 March)".
STAMP = re.compile(
    rf"(?:^|[|•·(]\s*"
    # "Based on information received as of 19:30, 17 March 2021": words lead to an "as of"
    rf"|^(?:[A-Za-z]+\s+){{1,6}}(?=as\s+(?:of|at)\b))"
    rf"(?P<label>{_STAMP_WORDS})\s*(?:[:#-]\s*)?(?:{TIME_RE}\s*,?\s*)?"
    rf"(?:{WEEKDAY_RE})?(?:(?P<date>{DATE_RE})|(?P<yearless>{YEARLESS_RE})\b)",
    re.IGNORECASE,
)
# "ZAPORIZHZHIA, Ukraine, April 20 (Reuters) - ", "(Bangkok, 21 November 2023) - ",
# "GENEVA, 11 February 2020 — ", "BEIRUT (Reuters) - ", "Juba/Nairobi, 19 March 2025".
_PLACE = r"[A-Z][\w.'’/-]*(?:[ -][A-Z][\w.'’/-]*){0,3}"
# A bulletin's item number before its dateline: "(1) BAIDOA, 3 April –", "2. GOMA –"
_ITEM_NUMBER = r"(?:\(\d{1,2}\)|\d{1,2}[.)])\s+"
DATELINE = re.compile(
    rf"^(?:{_ITEM_NUMBER})?\(?(?P<city>{_PLACE})(?:,\s*(?P<country>{_PLACE}))?"
    rf"(?:,?\s+(?:(?P<date>{DATE_RE})|(?P<yearless>{YEARLESS_RE})))?"
    r"\s*(?:\((?P<agency>[A-Z][\w &./'’-]{0,30})\))?\s*\)?"
    r"(?P<dash>\s*[-–—:]+\s+|\s*$)"
)


_DIGIT = re.compile(r"\d")


class LineDate(NamedTuple):
    kind: str  # header | stamp | dateline
    day: date | None  # None: a dateline with no date, or a day whose year is unknown
    section: str | None = None
    label: str | None = None  # the stamp's word: "published", "as of", "updated"
    end: int = 0  # where the date ends in the line


# A chat export's message stamp and author, opening each message on its own line:
# Telegram's "[03.11.2025 06:48] Channel name:", WhatsApp's "[03/11/2025, 06:48:12] Name:"
# and "03/11/2025, 06:48 - Name:". Each message is an item of that day.
_CHAT_STAMP = re.compile(
    r"\[?(?P<date>\d{1,2}[./]\d{1,2}[./](?:19|20)?\d\d|(?:19|20)\d\d-\d\d-\d\d),?"
    r"\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\]\s*|\s+[-–]\s+)"
    r"(?P<author>[^\s:\[\]][^:\n\[\]]{0,60}):(?:\s+|$)"
)


def chat_stamp(text: str) -> tuple[int, LineDate] | None:
    """Where the chat message stamp opening `text` ends, and the day it dates its
    message (the author as its section), if the text opens with one."""
    m = _CHAT_STAMP.match(text)
    day = find_date(m["date"]) if m else None
    return (m.end(), LineDate("header", day, m["author"].strip())) if m and day else None


def header_date(text: str, near: date | None = None) -> LineDate | None:
    """A line that is only a date (with weekday, time or section): it opens an item.
    With the page's date (`near`), a day and month alone count too: "Mon 9 Jun"."""
    if text[:1] == "[" and (chat := chat_stamp(text)) and chat[0] >= len(text.rstrip()):
        return chat[1]  # a stamp alone on its line (split_lines cut its message off)
    if len(text) > 120 or not text[:1].isalnum() or not _DIGIT.search(text):
        return None
    if near is not None and len(text) < 30 and (m := YEARLESS_HEADER.match(text)):
        day = yearless_from_match(m, near)
        return LineDate("header", day, None) if day else None
    if near is not None and "|" in text[:25] and (m := BARRED_YEARLESS_HEADER.match(text)):
        day = yearless_from_match(m, near)
        return LineDate("header", day, m["section"].strip()) if day else None
    if near is not None and len(text) < 60 and (m := LABELLED_YEARLESS_HEADER.match(text)):
        day = yearless_from_match(m, near)
        return LineDate("header", day, m["section"].strip()) if day else None
    m = (
        HEADER.match(text)
        or LABELLED_HEADER.match(text)
        or BARRED_HEADER.match(text)
        or DASHED_HEADER.match(text)
    )
    if m is None or (day := date_from_match(m)) is None:
        return None
    if m.re is DASHED_HEADER and (
        _RANGE_START.search(m["section"]) or _RANGE_FROM_DATE.search(m["section"])
    ):
        return None  # "Reporting period: 1 – 15 March 2025": a range, not a section's day
    section = (m["section"] or "").strip() or None
    return LineDate("header", day, section)


def stamp_date(text: str, near: date | None) -> LineDate | None:
    """ "Published: 26 February 2025", "As of 18:00, 12 March 2024", "Update 2023-10-09"."""
    m = STAMP.search(text[:200])
    if m is None:
        return None
    day = date_from_match(m) if m["date"] else yearless_from_match(m, near)
    label = " ".join(m["label"].lower().split())
    return LineDate("stamp", day, label=label, end=m.end())


@lru_cache(maxsize=4096)  # the splitter asks about each paragraph line more than once
def dateline_date(text: str, near: date | None) -> LineDate | None:
    """A dateline opening a story's first paragraph (or standing alone on its line)."""
    head = text[:100]
    opens = head[:1].isupper() or head[:1] in "(0123456789"
    if not opens or not (_DIGIT.search(head) or any(map(head.__contains__, _CLOSERS))):
        return None  # a dateline opens with a capital and holds a date or a dash
    if not _may_hold_dateline(text, dash=len(text) > 160):
        return None
    m = DATELINE.match(text[:160])
    if m is None:
        return None
    if not (m["date"] or m["yearless"] or m["agency"]):
        return LineDate("dateline", None) if _numbered_place(text, m) else None
    if not m["dash"].strip() and not (m["date"] and m.end() == len(text)):
        return None  # no dash after it: a sentence, unless the line is only "City, date"
    if not (m["date"] or m["yearless"]) and not m["city"].isupper():
        return None  # "Sudan (OCHA) -" is a heading, "BEIRUT (Reuters) -" a dateline
    if m["city"].split()[0].lower().rstrip(":") in _NOTE_LABELS:
        return None  # "Correction, 19 November 2025: An earlier version ...": no story opens
    if m["city"].split()[0].lower() in _TIME_WORDS:
        return None  # "Since 18 May 2025" over a box of totals: a period's start, no place
    day = date_from_match(m) if m["date"] else yearless_from_match(m, near)
    return LineDate("dateline", day)


_TIME_WORDS = frozenset(
    "since from until till before after between on in by through during to for at of "
    "ending starting beginning".split()
)
_NOTE_LABELS = frozenset(
    "correction corrections clarification update updated published posted note editor's "
    "editor’s editors".split()
)


def _may_open_with_dateline(text: str) -> bool:
    """A cheap test first: a dateline opens with a capital or "(", and a dash, a colon or
    a bracket closes it within its first hundred characters."""
    head = text[:100]
    return (head[:1].isupper() or head[:1] in "(0123456789") and any(
        map(head.__contains__, _CLOSERS)
    )


_CLOSERS = ("-", "–", "—", ":", ")")


def _may_hold_dateline(text: str, *, dash: bool) -> bool:
    """What DATELINE cannot match without, tested before it (it is tried at the start
    of every sentence whose speaker is read, and fails slowly): a date or an agency
    in brackets, so a digit or "(", and, where `dash`, a dash or colon and a space."""
    head = text[:160]
    if "(" not in head and not _DIGIT.search(head):
        return False
    return not dash or _DASH_AND_SPACE.search(head) is not None


_DASH_AND_SPACE = re.compile(r"[-–—:]\s")


def dateline_end(text: str) -> int:
    """Where a story's dateline ends (0: the text opens with none)."""
    if not _may_open_with_dateline(text) or not _may_hold_dateline(text, dash=True):
        return 0
    m = DATELINE.match(text[:160])
    if m is None or not m["dash"].strip():
        return 0
    if not (m["date"] or m["yearless"] or m["agency"]):
        return m.end() if _numbered_place(text, m) else 0
    if not (m["date"] or m["yearless"]) and not m["city"].isupper():
        return 0
    return m.end()


_ITEM_MARK = re.compile(_ITEM_NUMBER)


def _numbered_place(text: str, m: re.Match[str]) -> bool:
    """ "(3) MOGADISHU — ...": a numbered item may open on its place alone, in capitals."""
    return bool(_ITEM_MARK.match(text) and m["city"].isupper() and m["dash"].strip())


# "Period covered: 18-24 February 2025", "It covers the period from 9 to 18 October
# 2023", "It covers developments between 5 and 11 August 2025", "Reporting period: 1–7
# March": the report's period; its last day dates the report.
_PERIOD = re.compile(
    rf"\b(?:period\s+covered|reporting\s+period|(?:covers|covering)\s+(?:the\s+period|"
    rf"developments|events))"
    rf"\s*:?\s*(?:from\s+|between\s+)?(?P<first>(?:{MONTH_RE}\s+)?\d{{1,2}}(?:\s+{MONTH_RE})?"
    rf"(?:,?\s+\d{{4}})?)"
    rf"\s*(?:-|–|—|to|until|and)\s*(?:(?P<date>{DATE_RE})|(?P<yearless>{YEARLESS_RE}))",
    re.IGNORECASE,
)
_MONTH_IN = re.compile(MONTH_RE)
_DAY_IN = re.compile(r"\d{1,2}\b(?!\d)")
_YEAR_IN = re.compile(r"\b\d{4}\b")


def reporting_period(text: str, near: date | None) -> tuple[date, date] | None:
    """The reporting period the text states (its first and last day), if it states one."""
    lower = text.lower()
    if "period" not in lower and "covers" not in lower and "covering" not in lower:
        return None
    m = _PERIOD.search(text)
    if m is None:
        return None
    last = date_from_match(m) if m["date"] else yearless_from_match(m, near)
    if last is None:
        return None
    first = m["first"]
    month = _MONTH_IN.search(first)
    year = _YEAR_IN.search(first)
    day = _DAY_IN.search(_YEAR_IN.sub("", first))
    if day is None:
        return None
    start = _safe_date(
        int(year.group()) if year else last.year,
        _month(month.group()) if month else last.month,
        int(day.group()),
    )
    if start is not None and start > last:  # "28 December to 3 January"
        start = _safe_date(start.year - 1, start.month, start.day)
    return (start, last) if start is not None else None


def period_end(text: str, near: date | None) -> date | None:
    """The last day of a reporting period the text states, if it states one."""
    found = reporting_period(text, near)
    return found[1] if found else None
