"""Tables set in plain text: a header row of words, rows of cells under it.

Sitreps and monitors' reports print figures in columns:

    Date         Township    Village or site       Killed   Injured
    09/09/2023   Kani        Hnan Kar Taw              11        17

A cell's figure counts what its column header names ("Killed", "Households"),
in the place its row names (the most specific place column) and on the day
its date column gives. Cells are told apart by runs of two or more spaces (or
a tab); a cell belongs to the header cell above it that it overlaps most,
since numbers sit right-aligned under their headers and names left-aligned.
"""

from __future__ import annotations

import re
from datetime import date
from functools import partial
from typing import NamedTuple

from claims_app.extraction import lexicon as lx
from claims_app.extraction.dates import YEAR, DateMention, find_dates
from claims_app.extraction.pagedates import find_date

_CELL = re.compile(r"\S+(?: \S+)*")  # words joined by single spaces
_GAP = re.compile(r"\S(?: {2,}|\t)\S")
_NUMERIC_CELL = re.compile(r"^[~<>≈]?\d[\d,. ]*\+?%?$|^\d+\s*[-–]\s*\d+$|^[-–—]$")

# What a column counts, from the words of its header.
_HEADER_CATEGORY = [
    (re.compile(r"\b(?:killed|dead|deaths?|fatalities|killings)\b", re.I), "killed"),
    (re.compile(r"\b(?:injured|wounded|injuries)\b", re.I), "injured"),
    (re.compile(r"\bcasualties\b", re.I), "casualties"),
    (re.compile(r"\b(?:displaced|idps?|arrivals|evacuated)\b", re.I), "displaced"),
    (re.compile(r"\brefugees?\b", re.I), "refugees"),
    (
        re.compile(r"\b(?:detained|detainees|arrests|arrested|abducted|disappeared)\b", re.I),
        "detained",
    ),
    # "Access incidents", "Protection incidents": constraints and reports, not attacks
    (re.compile(r"\b(?:access|protection|interference|gbv) incidents\b", re.I), "other"),
    (
        re.compile(
            r"\b(?:attacks|strikes|incidents|airstrikes|(?<!grave )(?<!rights )violations)\b", re.I
        ),
        "attacks",
    ),
    # "People in need", "PiN": a needs overview's count of people at risk
    (re.compile(r"\b(?:in need|pin|at risk)\b", re.I), "at_risk"),
    # "Houses damaged", "Schools destroyed"; and "Missing", which no title makes a toll
    (
        re.compile(r"\b(?:damaged|destroyed|(?:minor|major|severe|partial|total) damage)\b", re.I),
        "facilities_hit",
    ),
    (re.compile(r"\b(?:missing|unaccounted)\b", re.I), "other"),
]
# "People targeted", "Persons reached": whom a response plans or manages to help, no harm
_PEOPLE_HELPED = re.compile(
    r"^(?:people|persons|individuals|beneficiaries)\s+(?:targeted|reached|assisted|served|"
    r"covered|supported)\b",
    re.I,
)
# A response table's columns ("Item | Target | Distributed | Gap"): counts of aid
_RESPONSE_HEADER = re.compile(
    r"(?:planned|targets?|targeted|distributed|reached|delivered|achieved|received|"
    r"dispatched|pre-?positioned|in stock|pipeline)\s*$",
    re.I,
)
_PLACE_HEADER = re.compile(
    r"\b(?:(?:entry|crossing|border|exit|transit)\s+point|border\s+post|crossing|"
    r"commune|province|locality|district|township|village|site|region|state|county|"
    r"governorate|city|town|camp|location|area|place|country|territory|zone|municipality|"
    r"department|prefecture|woreda|kebele)s?\b",
    re.I,
)
_DATE_HEADER = re.compile(r"^(?:date|day|when)\b", re.I)
# A column no harm word names still counts what its header's plural noun names
# ("Cases", "Suspected cases", "Households", "Schools"); codes, ranks and spans of time
# are no counts.
_COUNT_NOUN = re.compile(r"^(?:[A-Za-z]+\s+)?([A-Za-z]+s)$")
_NOT_COUNTED = frozenset(
    """numbers codes ids ranks years weeks days months hours rounds phases points levels
    pages rates percentages totals""".split()
)
# A funding table: its caption names the currency and the scale ("Requirements by
# sector (US$ million)"), its columns what was asked and given.
_MONEY = r"(?:us\s?\$|usd|\$)\s*(?P<scale>million|mn|m|billion|bn|thousand|k)?"
_MONEY_CAPTION = re.compile(rf"{_MONEY}\b", re.I)
_MONEY_HEADER = re.compile(
    r"\b(?:required|requirements?|req\b|requested|funded|funding|received|budget|appeal|gap|"
    r"shortfall|pledged|pledges|allocated|allocations?|contributions?|committed|amount)\b",
    re.I,
)
_SCALE = {"million": 1_000_000, "mn": 1_000_000, "m": 1_000_000, "billion": 1_000_000_000,
          "bn": 1_000_000_000, "thousand": 1_000, "k": 1_000, None: 1}  # fmt: skip
_MONEY_LINES = 4  # the caption may sit above a source line and a blank one
# Row labels that are no place: "Total", "Sub-total", "Other".
NOT_A_PLACE = re.compile(r"^(?:total|sub-?total|grand total|other|others|unknown|all)\b", re.I)


class Cell(NamedTuple):
    start: int  # offsets into the text
    end: int
    text: str


class Counted(NamedTuple):
    """A figure's cell, and what its column says of it."""

    start: int
    end: int
    category: str | None  # what the column counts (None: not a count)
    unit: str | None  # the unit the header's noun gives ("other:cases")
    scale: int  # what the caption's scale multiplies it by: "312.4" under "(US$ million)"
    period: DateMention | None = None  # the month or year its header names: "June 2025"


class TableRow(NamedTuple):
    start: int
    end: int
    cells: tuple[Counted, ...]
    place: str | None
    day: date | None
    heading: str  # the table's title and header lines, lowered: what it says it counts
    period: DateMention | None = None  # the month or year its title names ("..., July 2024")
    source: str | None = None  # who its "Source:" line names, above or right below it

    def cell_at(self, offset: int) -> Counted | None:
        """The counted cell holding `offset`, if one."""
        return next((c for c in self.cells if c.start <= offset < c.end), None)


def _cells(text: str, start: int, end: int) -> list[Cell]:
    line = text[start:end]
    if "|" in line:
        return _piped_cells(line, start)
    return [Cell(start + m.start(), start + m.end(), m.group()) for m in _CELL.finditer(
        line)]  # fmt: skip


# A table typed with pipes ("| Taiz | 47 | Shelling |"), as Markdown and many CMS
# exports write them: the pipes part the cells, whatever the spaces; a rule under the
# header ("|----|:---:|") is no row.
_PIPED_CELL = re.compile(r"[^|]+")
_RULE = re.compile(r"[\s|:+=-]*")  # read whole (fullmatch): `^` never holds mid-text


def _piped_cells(line: str, start: int) -> list[Cell]:
    out = []
    for m in _PIPED_CELL.finditer(line):
        words = m.group()
        lead = len(words) - len(words.lstrip())
        if words.strip():
            out.append(Cell(start + m.start() + lead, start + m.start() + lead + len(words.strip()),
                            words.strip()))  # fmt: skip
    return out


def _piped(line: str) -> bool:
    return line.count("|") >= 2


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for piece in text.split("\n"):
        out.append((pos, pos + len(piece.rstrip("\r"))))
        pos += len(piece) + 1
    return out


def find_tables(text: str, context_category: str | None = None) -> dict[int, TableRow]:
    """Every table row of the text, by the offset where its line's text starts."""
    if "  " not in text and "\t" not in text and "|" not in text:
        return {}
    lines = _lines(text)
    rows: dict[int, TableRow] = {}
    i = 0
    while i < len(lines):
        header = _header_cells(text, *lines[i]) or _ruled_header(text, lines, i)
        if header is None:
            i = _titled_rows(text, lines, i, rows)
            continue
        title_category = _title_category(text, lines, i) or context_category
        title_noun = _title_noun(text, lines, i)
        period = _title_period(text, lines, i)
        money = _MONEY_CAPTION.search(text, lines[max(0, i - _MONEY_LINES)][0], lines[i][1])
        scale = _SCALE[money["scale"] and money["scale"].lower()] if money else None
        j = i + 1
        if (
            j < len(lines)
            and not _piped(text[lines[i][0] : lines[i][1]])  # (a pipe table's rule is no header)
            and (below := _header_cells(text, *lines[j])) is not None
        ):
            header = _two_line_header(text, header, below, lines[i][0], lines[j][0])
            j += 1  # "Schools damaged" over "or destroyed": one header in two lines
        heading = text[lines[max(0, i - 2)][0] : lines[j - 1][1]].lower()
        while j < len(lines) and _RULE.fullmatch(text, *lines[j]) and (lines[j][0] < lines[j][1]):
            j += 1  # the rule under a piped table's header
        found: list[TableRow] = []
        sited = _SITE_COLUMN.match(header[0].text) is not None
        read = partial(
            _row, text, header=header, title_category=title_category, heading=heading,
            money_scale=scale, title_noun=title_noun, sited=sited,
        )  # fmt: skip
        while j < len(lines):
            row = read(lines[j])
            if row is None and _group_label(text, lines[j]) and j + 1 < len(lines):
                row = read(lines[j + 1])
                j += 1  # "R1    Protection" above its indicators' rows: a group's label
            if row is None:
                break
            found.append(row._replace(period=period) if period and not row.day else row)
            j += 1
        source = _source(text, lines, max(0, i - _MONEY_LINES), min(len(lines), j + 2), i)
        for row in found:
            rows[_text_start(text, row.start, row.end)] = (
                row._replace(source=source) if source else row
            )
        i = j if j > i + 1 else i + 1
    return rows


def _ruled_header(text: str, lines: list[tuple[int, int]], i: int) -> list[Cell] | None:
    """A piped table's header, known by the rule under it whatever figures its labels
    hold ("| Period | Crude death rate per 10,000 per day (95% CI) |" over "|---|---|")."""
    line = text[lines[i][0] : lines[i][1]]
    if i + 1 >= len(lines) or not _piped(line) or _RULE.fullmatch(line):
        return None
    below = text[lines[i + 1][0] : lines[i + 1][1]]
    if not (_piped(below) and "-" in below and _RULE.fullmatch(below)):
        return None
    cells = _cells(text, *lines[i])
    if len(cells) < 2 or any(_NUMERIC_CELL.match(c.text) for c in cells):
        return None  # (a row of figures over a rule is a total's, not a header)
    return cells


def _group_label(text: str, line: tuple[int, int]) -> bool:
    """A short line of words inside a table, naming the group of rows below it."""
    words = text[line[0] : line[1]].strip()
    if not 0 < len(words) <= 60 or "|" in words:
        return False
    cells = _CELL.findall(words)
    return len(cells) <= 2 and not any(_NUMERIC_CELL.match(c) for c in cells)


def _two_line_header(text: str, top: list[Cell], below: list[Cell], top_at: int, below_at: int):
    """A header whose words wrap onto a second line, as a PDF's columns do: each word
    of the second line joins the cell above it; one above nothing is a column of its own."""
    cells = list(top)
    for cell in below:
        start = cell.start - below_at + top_at  # where it stands on the top line
        under = Cell(start, start + len(cell.text), cell.text)
        k = max(range(len(cells)), key=lambda n: _overlap(cells[n], under))
        if _overlap(cells[k], under) <= 0:
            cells.append(under)
            continue
        above = cells[k]
        cells[k] = Cell(above.start, max(above.end, under.end), f"{above.text} {cell.text}")
    return sorted(cells, key=lambda c: c.start)


def _overlap(a: Cell, b: Cell) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


# "Table 2. Casualties by age and sex, July 2024" over rows of a label and a figure,
# with no header line: the title says what every figure counts.
_TABLE_TITLE = re.compile(r"^\s*Table\s+\d+[.:]?\s+\S", re.I)
_LABELLED_FIGURE = re.compile(
    r"\s*\S.*?(?: {2,}|\t|\s*(?:\.{3,}|…+))\s*(?P<n>[~<>]?\d[\d,. ]*\+?%?)\s*$"
)  # (after spaces, a tab or a leader of dots: "United States ........ 96.4")
# A title ending in its currency and scale, in brackets: "(US$ million)", "(USD m)"
_MONEY_TITLE = re.compile(rf"\({_MONEY}\)\s*:?\s*$", re.I)


# "Source: FTS, data as of 2025-07-14" under a table's caption or below its rows
_SOURCE_LINE = re.compile(
    r"[ \t]*(?:data )?sources?[ \t]*:[ \t]*(?P<who>[^\n,;(]{2,80}?)[ \t]*(?:[,;(]|$)", re.I | re.M
)


def _source(
    text: str, lines: list[tuple[int, int]], first: int, last: int, header: int
) -> str | None:
    """Who the "Source:" line among lines[first:last] names, if one does; else the
    acronym in brackets closing the table's title (a line above the header)."""
    titled = None
    for k, (start, end) in enumerate(lines[first:last], start=first):
        if (m := _SOURCE_LINE.match(text, start, end)) is not None:
            return m["who"].rstrip(" .")
        # "TABLE 1: CIVILIAN CASUALTIES BY GOVERNORATE, MAY 2025 (CIMP)": a title that
        # closes on its source's acronym
        if k < header and titled is None and (m := lx.SOURCE_IN_BRACKETS.search(text, start, end)):
            titled = m["who"] if m["who"].isupper() and " " not in m["who"] else None
    return titled


def _text_start(text: str, start: int, end: int) -> int:
    """Where a line's text starts, after a PDF's indentation: where its sentence starts,
    by which the extractor looks its row up."""
    line = text[start:end]
    return start + len(line) - len(line.lstrip(" \t"))


def _titled_rows(text: str, lines: list[tuple[int, int]], i: int, rows: dict) -> int:
    """The rows of a header-less table under a "Table N." title at line i, or under a
    title that ends by naming its currency ("TOP DONORS (US$ million)"), into rows;
    the index of the line to read next."""
    title = text[lines[i][0] : lines[i][1]]
    unit, scale = None, 1
    if money := _MONEY_TITLE.search(title):
        category, unit = "other", "other:dollars"
        scale = _SCALE[money["scale"] and money["scale"].lower()]
    elif not _TABLE_TITLE.match(title) or (category := _category_of(title)) is None:
        return i + 1
    period = _title_period(text, lines, i + 1)
    j = i + 1
    while j < len(lines) and lines[j][0] == lines[j][1]:
        j += 1  # a blank line between the title and its rows
    first = j
    while j < len(lines) and (m := _LABELLED_FIGURE.match(text, lines[j][0], lines[j][1])):
        start = lines[j][0]
        cell = Counted(m.start("n"), m.end("n"), category, unit, scale)
        rows[_text_start(text, start, lines[j][1])] = TableRow(
            start, lines[j][1], (cell,), None, None, title.lower(), period
        )
        j += 1
    return j if j > first else i + 1


def _title_period(text: str, lines: list[tuple[int, int]], header_index: int) -> DateMention | None:
    """The month or year the line above a table's header names, if one."""
    k = header_index - 1
    while k >= 0 and (
        _blank_or_rule(text, lines[k]) or _NOTE_LINE.match(text, lines[k][0], lines[k][1])
    ):
        k -= 1  # ("Source: FTS, data as of 2025-07-14" under the title: the data's day)
    if k < 0 or header_index - k > 4:
        return None
    title = text[lines[k][0] : lines[k][1]]
    if not any(ch.isdigit() for ch in title):
        return None
    return _the_period(title)


_NOTE_LINE = re.compile(r"\s*(?:sources?|data|note|notes)\b\s*:", re.IGNORECASE)


def _the_period(text: str) -> DateMention | None:
    """The one month, year or period the text names, if it names just one."""
    dates = find_dates(text, None)
    found = [d for d in dates if d.precision in ("month", "year", "period")]
    if not dates and len(years := _BARE_YEAR.findall(text)) == 1:
        year = int(years[0])  # "Requirements and funding by sector, 2025 (US$ million)"
        at = text.find(years[0])
        first, last = date(year, 1, 1), date(year, 12, 31)
        return DateMention(at, at + 4, years[0], first, last, "year", False)
    return found[0] if len(found) == 1 else None


_BARE_YEAR = re.compile(rf"(?<![\d./-]){YEAR}(?![\d./-])")


def _header_cells(text: str, start: int, end: int) -> list[Cell] | None:
    """The cells of a header line: words, and months or years naming columns ("Province
    June 2025 May 2025"); any other figure makes it a row."""
    line = text[start:end]
    if not _GAP.search(line) and not _piped(line):
        return None
    cells = _cells(text, start, end)
    if len(cells) < 2 or _RULE.fullmatch(line):
        return None  # (a piped table's rule under its header is no header of its own)
    dated = [any(ch.isdigit() for ch in c.text) for c in cells]
    if all(dated) or any(
        d and not _DATE_HEADER_CELL.match(c.text) and not _DATED_LABEL.search(c.text)
        for c, d in zip(cells, dated, strict=True)
    ):
        return None
    return cells


# A column's label with the period it covers: "Current (June 2026)", "Population in IPC
# Phase 3 or worse, June to September 2026" (a row's cells hold figures, not a year)
_DATED_LABEL = re.compile(
    r"^[A-Za-z][^|]*\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
    r"[^|]*\b(?:19|20)\d{2}\)?$",
    re.IGNORECASE,
)


# A column headed by the month or year its figures belong to: "June 2025", "2024", "Q2 2025"
_MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_HEADER_CELL = re.compile(  # (or months: "Jan-Sep 2026", "January–June 2025")
    rf"^(?:(?:{_MONTH_WORD}\s*[-–]\s*)?{_MONTH_WORD}\s+|q[1-4]\s+)?(?:19|20)\d{{2}}$",
    re.I,
)


def _header_period(header: str) -> DateMention | None:
    dated = _DATE_HEADER_CELL.match(header) or _DATED_LABEL.search(header)
    return _the_period(header) if dated else None


def _title_line(
    text: str, lines: list[tuple[int, int]], header_index: int
) -> tuple[int, int] | None:
    """The line right above a table's header, past one blank line or rule: its title."""
    k = _title_index(text, lines, header_index)
    return lines[k] if k is not None else None


def _title_index(text: str, lines: list[tuple[int, int]], below: int) -> int | None:
    for k in range(below - 1, max(-1, below - 3), -1):
        if not _blank_or_rule(text, lines[k]):
            return k
    return None


def _title_category(text: str, lines: list[tuple[int, int]], header_index: int) -> str | None:
    """What the table's title line ("Table 1. Displaced population ...") says it counts;
    for a caption that says none ("| From 1 January to 1 December 2024. Source: X |"),
    what the heading right above it says ("Journalists killed in 2024, by country")."""
    k = _title_index(text, lines, header_index)
    if k is None:
        return None
    title = text[lines[k][0] : lines[k][1]]
    found = _category_of(title.strip())
    if found is None and _piped(title) and (above := _title_line(text, lines, k)):
        found = _category_of(text[above[0] : above[1]].strip())
    return found


# "Table 1. Grave violations against children by province": what its columns of
# "Verified" and "Unverified" count
_TITLE_NOUN = re.compile(
    r"(?:(?:table|annex|figure)\s*\d*[.:]?\s+)?(?:[A-Za-z-]+\s+){0,2}?([A-Za-z]+s|population|people)\b",
    re.IGNORECASE,
)


def _title_noun(text: str, lines: list[tuple[int, int]], header_index: int) -> str | None:
    """The plural noun a table's title opens with, for columns that name none."""
    title = _title_line(text, lines, header_index)
    m = _TITLE_NOUN.match(text, *title) if title else None
    noun = m.group(1).lower() if m else None
    return noun if noun and noun not in _NOT_COUNTED else None


def _blank_or_rule(text: str, line: tuple[int, int]) -> bool:
    """An empty line, or a rule under a piped table's row ("|---|---|"): what lies between
    a table's caption and its header ("| Table 1: Deaths by district |  |" above a rule,
    as trafilatura writes an HTML table's <caption>)."""
    return line[0] == line[1] or _RULE.fullmatch(text, line[0], line[1]) is not None


def _category_of(words: str) -> str | None:
    for pattern, category in _HEADER_CATEGORY:
        if pattern.search(words):
            return category
    return None


def _row(
    text: str,
    line: tuple[int, int],
    header: list[Cell],
    title_category: str | None,
    heading: str,
    money_scale: int | None = None,
    title_noun: str | None = None,
    sited: bool = False,
) -> TableRow | None:
    cells = _cells(text, *line)
    if len(cells) < 2 or not any(_NUMERIC_CELL.match(c.text) for c in cells):
        return None
    counted: list[Counted] = []
    place, day, fineness = None, None, -1
    # Pipes part a row's cells whatever their widths: the nth cell is the nth column's
    # (trafilatura writes an HTML table so, unaligned); spaces part them by where they sit.
    by_index = len(cells) == len(header) and _piped(text[line[0] : line[1]])
    for index, cell in enumerate(cells):
        head = header[index] if by_index else _column_of(cell, header, line[0], text)
        if _DATE_HEADER.match(head.text):
            day = find_date(cell.text)
        elif (kind := _PLACE_HEADER.search(head.text)) and not _NUMERIC_CELL.match(cell.text):
            # the finest column's place: "Entry point | Province" is the entry point's
            # row; of columns alike, the last
            rank = _fineness(kind.group())
            if rank >= fineness:
                place = None if NOT_A_PLACE.match(cell.text) else cell.text
                fineness = rank
        elif _NUMERIC_CELL.match(cell.text):
            reading = _column_reading(head.text, cell.text, title_category, money_scale, title_noun)
            if sited and reading[0] in (None, "other") and _PEOPLE_COLUMN.match(head.text):
                reading = ("displaced", "people", 1)  # a displacement site's population
            counted.append(Counted(cell.start, cell.end, *reading, _header_period(head.text)))
    return TableRow(line[0], line[1], tuple(counted), place, day, heading)


_BROAD_PLACE = re.compile(
    r"province|region|state|governorate|department|prefecture|zone|country", re.IGNORECASE
)


_NARROW_PLACE = re.compile(
    r"site|camp|village|locality|kebele|town|city|.*(?:point|post|crossing)", re.IGNORECASE
)


def _fineness(word: str) -> int:
    """How narrow a place column's word is: a province's is broader than anything else
    a table lists, a site's, a village's or an entry point's narrower than the district
    it lies in ("Site | District | Households": the site's row)."""
    if _BROAD_PLACE.match(word):
        return 0
    return 2 if _NARROW_PLACE.match(word) else 1


_PEOPLE_NOUNS = frozenset(("population", "people", "individuals", "persons"))
# A table of displacement sites ("Site | District | Households | Individuals | Arrivals"):
# the people its columns count live in the sites, or arrive at or leave them
_SITE_COLUMN = re.compile(
    r"(?:idp\s+|displacement\s+)?(?:sites?|camps?|collective\s+centres?|settlements?)"
    r"(?:\s+name)?\s*$",
    re.IGNORECASE,
)
_PEOPLE_COLUMN = re.compile(
    r"(?:total\s+)?(?:households|hhs?|individuals|ind\.?|population|people|persons|families|"
    r"(?:new\s+)?arrivals|departures|idps)\s*$",
    re.IGNORECASE,
)


def _column_reading(
    header: str,
    cell: str,
    title_category: str | None,
    money_scale: int | None,
    title_noun: str | None = None,
) -> tuple[str | None, str | None, int]:
    """What a numeric cell counts, its unit and its scale, from its column's header."""
    category = _category_of(header)
    if category is None and cell.endswith("%"):
        return "other", "percent", 1  # "% funded", "Share": a share, of no harm
    if category is None and money_scale is not None and _MONEY_HEADER.search(header):
        return "other", "other:dollars", money_scale  # "Required" under "(US$ million)"
    if category is None and _PEOPLE_HELPED.match(header):
        return "other", "people", 1  # "People targeted" beside "People in need"
    if category is None and _RESPONSE_HEADER.match(header):
        return "other", None, 1  # "Target | Distributed": what a response planned and did
    category = category or title_category
    if category is None and (noun := _counted_noun(header) or _title_counts(header, title_noun)):
        unit = "people" if noun in _PEOPLE_NOUNS else f"other:{noun}"
        return "other", unit, 1  # "Cases": counts, of no harm
    return category, None, 1


# A column of weeks, dates, codes: labels, whatever the title counts
_LABEL_HEADER = re.compile(
    r"(?:epi(?:demiological)?\s+)?(?:week|month|year|day|date|code|id|no|number|rank|round|"
    r"phase|page|ref|age|age\s+group|age\s+range|age\s+bracket|sex|gender)s?\.?\s*$",
    re.IGNORECASE,
)  # ("Age group | Female | Male": "0-4" and "60+" are labels, not counts)


def _title_counts(header: str, title_noun: str | None) -> str | None:
    return title_noun if title_noun and not _LABEL_HEADER.match(header) else None


def _counted_noun(header: str) -> str | None:
    m = _COUNT_NOUN.match(header)
    noun = m.group(1).lower() if m else None
    return noun if noun and noun not in _NOT_COUNTED else None


def _column_of(cell: Cell, header: list[Cell], line_start: int, text: str) -> Cell:
    """The header cell above this one: the one it overlaps most, else the nearest."""
    header_line_start = text.rfind("\n", 0, header[0].start) + 1
    col0, col1 = cell.start - line_start, cell.end - line_start

    def score(h: Cell) -> tuple[int, int]:
        h0, h1 = h.start - header_line_start, h.end - header_line_start
        overlap = min(col1, h1) - max(col0, h0)
        centre = abs((col0 + col1) - (h0 + h1))
        return (overlap if overlap > 0 else 0, -centre)

    return max(header, key=score)
