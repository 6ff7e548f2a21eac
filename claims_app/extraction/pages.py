"""Split a bulletin page into its news items.

A page is read as lines, each line gets one role (header, trailer, end mark,
chrome, title, paragraph), and a small state machine groups them into
articles. An article's body is always one contiguous slice of the page text,
`text[start:end]`, so that claim offsets found in the body map back to the
page by adding `start`, and nothing is rewritten.

The shapes we know (see fixtures/ for examples of each; pagedates.py for the
date shapes):
- a date line that opens an item: "31 May 2019 In Coalition News",
  "Wednesday, 13 March 2024", "19/12/2023";
- stamps that date the page or the item they sit in: "Published: 26 February
  2025", "As of 18 October 2023", a reporting period "covers the period from
  9 to 18 October 2023"; an item with no date of its own takes the page's
  (date_source="page"), and an HTML page's own metadata date is the last resort;
  a stamp of issue ("Date of issue:", "Published:", a foot's "Creation date:")
  outranks the day a report's data stand at ("Data as of 16 March"), which the
  article keeps as its `data_day`: what it counts "since" a day ends there;
- wire stories opened by a dateline ("KHARKIV, Ukraine, April 18 (Reuters) -"):
  a second dateline on the page starts a second story, with the headline above it;
- a title line, paragraphs, and a trailer that dates the text above it:
  "(Source: ... Media Department / 30.07.2018)";
- press releases ending in "# # #", dated by a header or a dateline
  ("GENEVA, 11 February 2020 —");
- an item with no date of its own, run on after another: it takes the date
  of the group it sits in (marked date_source="inherited");
- page chrome that is not article text: pagination, breadcrumbs, a running
  header repeating the section name, a photo caption printed twice.

A page is either a listing (several dated items: date lines, trailers or
datelines) or one document (a report, a release, a story). In a listing a
headline starts a new item; in a document it is a section heading, and the
document stays one article so that what a section says is read in its context.
An item's headline is part of its body: headlines hold figures that are
claims too ("Strike Kills 12 at Market").
"""

from __future__ import annotations

import enum
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import NamedTuple

from claims_app.extraction import rx
from claims_app.extraction.pagedates import (
    LineDate,
    chat_stamp,
    dateline_date,
    header_date,
    parse_date,
    period_end,
    stamp_date,
)


class Role(enum.Enum):
    BLANK = "blank"
    HEADER = "header"  # a date line that opens an item
    STAMP = "stamp"  # "Published: 3 May 2025", "As of 18 October 2023": dates what it is in
    TRAILER = "trailer"  # "(Source: ... / 30.07.2018)" closes and dates an item
    END = "end"  # "# # #" closes a press release
    CHROME = "chrome"  # page furniture, never article text
    TITLE = "title"
    HEADLINE = "headline"  # a title above the date line that opens its item
    PARAGRAPH = "paragraph"


class Line(NamedTuple):
    start: int
    end: int  # without the line break
    text: str  # stripped
    glued: bool = False  # began on the line of what opened it: a source note, a chat stamp

    @property
    def blank(self) -> bool:
        return not self.text


# Every line of every page is made here: tuple.__new__ straight from C, without the
# Python-level __new__ that NamedTuple generates (a tenth of splitting a page).
_new_line = partial(tuple.__new__, Line)


@dataclass(frozen=True)
class PageArticle:
    position: int
    title: str | None
    section: str | None
    published_on: date | None
    date_source: str | None  # header | stamp | trailer | dateline | inherited | page
    start: int
    end: int
    body: str  # == page_text[start:end]
    data_day: date | None = None  # the day its figures stand at, when not its date


_TRAILER = re.compile(r"^\(\s*(?:Source\s*:\s*)?(?P<inner>[^()]{0,200})\)\s*$", re.IGNORECASE)
_END = re.compile(r"^(?:#\s*){3}$|^-+\s*(?:30|ends?)\s*-+$", re.IGNORECASE)
_CHROME = [
    re.compile(r"^Page\s+\d+\s+(?:of|/)\s+\d+$", re.IGNORECASE),
    # "Showing items 21-30 of 412 | Page 3 of 42", "Showing 5 of 212 updates"
    re.compile(
        r"^.{0,60}\bShowing\s+(?:items\s+|results\s+)?\d+(?:\s*[-–]\s*\d+)?\s+of\s+\d+",
        re.IGNORECASE,
    ),
    re.compile(r"^(?:Share|Print|Email|Tweet|Load more|Newer|Older|«|<)[\w\s|»«<>]*$", re.I),
    re.compile(r"^(?:Home|You are here)\b.*(?:»|›|>|Items filtered by)", re.IGNORECASE),
    re.compile(r"^Home\b(?:\s+[A-Z][\w&-]*)+.*\bfiltered by\b", re.IGNORECASE),
    re.compile(r"^(?:Share|Print|Email|Tweet|Back to top|Read more|Next|Previous)\W*$", re.I),
    re.compile(r"^(?:«\s*)?(?:Prev(?:ious)?|Next)\s*(?:»)?\s*(?:\d+\s*)*$", re.IGNORECASE),
]
# One alternation, one call per line (every line of every page is tested).
_CHROME_ANY = re.compile("|".join(f"(?:{p.pattern})" for p in _CHROME), re.IGNORECASE)
_TERMINAL = ".!?:;\"”’'…)"
_SMALL_WORDS = frozenset(
    "a an the of in on at to for and or with by from as vs via into over after amid".split()
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# What may follow a stamp's date on its line: a time, a zone, more furniture after "|",
# or after a wide gap (a laid-out header: "Date of issue: 14 May 2025      Page 1 of 6";
# prose never sets three spaces between its words), or the medium a programme went out
# on ("Broadcast: Monday, 16 March 2026, 19:30 CAT, on Horizon FM 97.2 and online").
_STAMP_REST = re.compile(
    r"^(?:[,\s]*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?)?"
    r"(?:\s*[|•·(].*|(?: {3,}|\t)\s*\S.*|,\s*(?:on|via)\s+[A-Z][^\n]{1,60})?\s*[.)]?$",
    re.IGNORECASE,
)


# "...(Source: X Media Department)Next Headline Here": an item run on after another,
# its headline glued to the previous item's source note with no line break.
_GLUED_HEADLINE = re.compile(r"\(Source:[^()]{0,120}\)(?=[A-Z][^.!?]{10,200}$)")


_CHAT_OPENERS = frozenset("[0123456789")


def split_lines(text: str) -> list[Line]:
    lines = []
    offset = 0
    pieces = text.split("\n")  # str.split, not a regex: every line of every page comes here
    if pieces[-1] == "":
        pieces.pop()  # a final line break ends the last line, it does not start one
    for piece in pieces:
        line_start, offset = offset, offset + len(piece) + 1
        raw = piece.rstrip("\r")
        lead = len(raw) - len(raw.lstrip())
        stripped = raw.strip()
        start = line_start + lead
        glued = _GLUED_HEADLINE.search(stripped) if "(Source:" in stripped else None
        chat = chat_stamp(stripped) if stripped[:1] in _CHAT_OPENERS else None
        if chat and chat[0] < len(stripped):
            cut = chat[0]  # "[03.11.2025 06:48] Channel: message": stamp, then message
            lines.append(Line(start, start + cut, stripped[:cut].rstrip()))
            lines.append(Line(start + cut, start + len(stripped), stripped[cut:], glued=True))
        elif glued and looks_like_title(stripped[glued.end() :]):
            cut = glued.end()
            lines.append(Line(start, start + cut, stripped[:cut]))
            lines.append(Line(start + cut, start + len(stripped), stripped[cut:], glued=True))
        else:
            lines.append(_new_line((start, start + len(stripped), stripped, False)))
    return lines


def is_title_case(text: str) -> bool:
    """Most longer words capitalised, as in headlines ("Rights Group Says ...")."""
    words = [w for w in _WORD.findall(text) if w.lower() not in _SMALL_WORDS]
    if len(words) < 2:
        return False
    capital = sum(1 for w in words if w[0].isupper())
    return capital / len(words) >= 0.75


def looks_like_title(text: str) -> bool:
    """Short, unpunctuated at the end, starts with a capital: could head an item."""
    if not text or len(text) > 200 or text[-1] in _TERMINAL:
        return False
    words = text.split()
    if words[0] in ("By", "BY") and len(words) <= 12:
        return False  # a byline: "By Daria Melnyk and Kevin O'Hara"
    return 1 <= len(words) <= 30 and (text[0].isupper() or text[0].isdigit())


def _trailer_date(text: str) -> date | None:
    m = _TRAILER.match(text)
    if not m:
        return None
    inner = m["inner"]
    # A trailer names a source and ends with the date: "... Department / 30.07.2018"
    tail = inner.rsplit("/", 1)[-1] if "/" in inner else inner.rsplit(",", 1)[-1]
    return parse_date(tail)


_HAS_DIGIT = re.compile(r"\d")
# A stamp's label holds one of these ("updated" holds "date"): tested with `in` on the
# lowered line, at C speed (a case-blind `re` alternation tried at every character
# cost ten times as much).
_STAMP_WORDS = ("published", "posted", "date", "issued", "released", "as of", "as at",
                "update", "report", "situation", "status", "figures", "data", "broadcast",
                "aired", "created", "produced")  # fmt: skip


def _has_stamp_word(text: str) -> bool:
    low = text.lower()
    return any(map(low.__contains__, _STAMP_WORDS))


_STAMP_MAX = 160  # characters: a stamp line is furniture, never a paragraph


def _stamp(line: Line, near: date | None) -> LineDate | None:
    """A stamp line, or a line that is only "City, date": furniture that dates."""
    text = line.text
    if len(text) > _STAMP_MAX or not _HAS_DIGIT.search(text):
        return None  # every stamp has a day or a year in it
    found = stamp_date(text, near) if _has_stamp_word(text) else None
    if found is not None:
        return found if _stamp_is_whole(text, found) else None
    if len(text) > 80 or not text[-1:].isalnum():
        return None
    only = dateline_date(text, near)
    return only if only is not None and only.day else None


def _stamp_is_whole(text: str, stamp: LineDate) -> bool:
    """ "As of 18 October 2023" is furniture; "As of 31 March, 1.98 million people were
    displaced" is a sentence that begins with a date."""
    return bool(_STAMP_REST.match(text[stamp.end :]))


def classify(lines: list[Line], near: date | None = None) -> list[Role]:
    """Give each line a role; titles need their neighbours, so this looks around."""
    headers = [header_date(line.text, near) if line.text else None for line in lines]
    sections = {h.section.lower() for h in headers if h and h.section}
    roles = [
        _own_role(line, header, sections, near) for line, header in zip(lines, headers, strict=True)
    ]
    _mark_repeated_lines(lines, roles)
    _mark_titles(lines, roles)
    return roles


def _own_role(line: Line, header: LineDate | None, sections: set[str], near) -> Role:
    text = line.text
    if not text:
        return Role.BLANK
    if header is not None:
        return Role.HEADER
    if _trailer_date(text):
        return Role.TRAILER
    if _END.match(text):
        return Role.END
    if len(text) < 160 and (_CHROME_ANY.match(text) or text.lower() in sections):
        return Role.CHROME  # page furniture is short
    if _stamp(line, near) is not None:
        return Role.STAMP
    return Role.PARAGRAPH


def _mark_repeated_lines(lines: list[Line], roles: list[Role]) -> None:
    """A short line printed twice in a row is a caption or a running header (a line
    with a sentence in it is kept: dropping it could drop a figure)."""
    prev = None
    for i, line in enumerate(lines):
        if roles[i] is Role.BLANK:
            continue
        if (
            prev is not None
            and roles[prev] in (Role.PARAGRAPH, Role.CHROME)
            and line.text == lines[prev].text
            and len(line.text) <= 200
            and not _SENTENCE_END.search(line.text)  # a sentence said twice is still said
        ):
            roles[prev] = roles[i] = Role.CHROME
        prev = i


def _neighbours(lines: list[Line], roles: list[Role], i: int) -> tuple[int | None, int | None]:
    """Index of the previous and next non-blank lines."""
    before = next((j for j in range(i - 1, -1, -1) if roles[j] is not Role.BLANK), None)
    after = next((j for j in range(i + 1, len(lines)) if roles[j] is not Role.BLANK), None)
    return before, after


_BOUNDARY_ROLES = (Role.HEADER, Role.TRAILER, Role.END, Role.CHROME, Role.STAMP)


def _mark_titles(lines: list[Line], roles: list[Role]) -> None:
    for i, line in enumerate(lines):
        if roles[i] is not Role.PARAGRAPH or not looks_like_title(line.text):
            continue
        before, after = _neighbours(lines, roles, i)
        if after is not None and _is_bare_date_line(lines[after], roles[after]):
            roles[i] = Role.HEADLINE
            continue
        opens = before is None or lines[i - 1].blank or roles[before] in _BOUNDARY_ROLES
        if opens and after is not None and _dates_an_item(lines[after], roles[after]):
            # An item's headline above its "Published: ..." stamp, or a wire story's
            # above its dateline.
            roles[i] = Role.TITLE
            continue
        if after is None or roles[after] is not Role.PARAGRAPH:
            continue
        set_off = i > 0 and lines[i - 1].blank and i + 1 < len(lines) and lines[i + 1].blank
        if looks_like_title(lines[after].text):
            continue  # two short lines in a row: a list or a byline, not a headline
        at_boundary = line.glued or before is None or roles[before] in _BOUNDARY_ROLES
        # Mid-item, only a line in headline case and set off by blank lines
        # starts a new item; otherwise short lines would cut articles apart.
        if at_boundary or (set_off and _heading_case(line.text, lines, before)):
            roles[i] = Role.TITLE


def _dates_an_item(line: Line, role: Role) -> bool:
    if role is Role.STAMP:
        return True
    return role is Role.PARAGRAPH and dateline_date(line.text, None) is not None


def _heading_case(text: str, lines: list[Line], before: int | None) -> bool:
    """Title Case, or one capitalised word ("Sudan") after a finished paragraph."""
    if is_title_case(text):
        return True
    one_word = len(text.split()) == 1 and text[0].isupper()
    return one_word and before is not None and lines[before].text[-1:] in '.!?”")'


def _is_bare_date_line(line: Line, role: Role) -> bool:
    if role is not Role.HEADER:
        return False
    found = header_date(line.text)
    return found is None or found.section is None  # None: a year-less "Mon 9 Jun"


# --- the page's own date ---------------------------------------------------------

# Which stamp says best when the page was published (lower is better).
_STAMP_RANK = {"published": 0, "published on": 0, "date of publication": 0,
               "publication date": 0, "date of issue": 1, "date of creation": 1,
               "creation date": 1, "production date": 1, "created": 1, "created on": 1,
               "produced": 1, "produced on": 1, "date": 1, "dated": 1, "issued": 1, "issued on": 1,
               "released": 1, "released on": 1, "posted": 1, "posted on": 1,
               "as of": 2, "as at": 2, "situation as of": 2, "status as of": 2,
               "data as of": 2, "figures as of": 2, "report date": 2, "reporting date": 2,
               "update": 3, "updated": 4, "updated on": 4, "last updated": 4}  # fmt: skip
_HEAD_LINES = 25  # a page states its date near its top


def _rank(stamp: LineDate) -> int:
    label = stamp.label or ""
    if label in _STAMP_RANK:
        return _STAMP_RANK[label]
    return 2 if label.endswith((" as of", " as at")) else 5  # "funding status as of"


def page_date(lines: list[Line], roles: list[Role], fallback: date | None = None) -> date | None:
    """The date the page gives itself near its top: a stamp, a reporting period, a
    dateline; else `fallback` (an HTML page's metadata date)."""
    return _page_stamp(lines, roles, fallback)[1]


def _page_stamp(
    lines: list[Line], roles: list[Role], fallback: date | None
) -> tuple[int, date | None]:
    """page_date's day, with the rank of what gave it (lower says better when the
    page was issued; 99 for the metadata date or none)."""
    found: list[tuple[int, date]] = []
    seen = 0
    for line, role in zip(lines, roles, strict=True):
        if role is Role.BLANK:
            continue
        seen += 1
        if role is Role.HEADER or seen > _HEAD_LINES:
            break  # a listing's items are dated by their own lines
        stamp = _stamp(line, fallback) if role is Role.STAMP else _column_stamp(line, fallback)
        if stamp is not None and stamp.day is not None:
            found.append((_rank(stamp), stamp.day))
        elif (end := period_end(line.text, fallback)) is not None:
            found.append((6, end))
        elif (story := _dateline_of(line.text, fallback)) is not None and story.day:
            found.append((7, story.day))
    best = min(found, key=lambda f: f[0]) if found else None
    # A snapshot's head says what its data are "as of"; the day it was made may
    # stand only in its foot ("Creation date: 3 June 2025   Sources: ...").
    if (best is None or best[0] > _PUBLISHED_RANK) and (
        foot := _foot_date(lines, fallback)
    ) is not None:
        return _PUBLISHED_RANK, foot
    return best if best else (99, fallback)


def _date_by_page(item: _Item, rank: int, day: date) -> None:
    """A lone report whose stamp says less well when it was issued than the page's
    own (its data "as of" a day, under a "Published:" line or above a foot's "Creation
    date:") takes the page's day."""
    _keep_data_day(item)
    item.published_on, item.stamp_rank = day, rank


_AS_OF_RANK = 2


def _keep_data_day(item: _Item) -> None:
    """An "as of" stamp outranked by the day of issue still says when the figures
    stand: what they count "since 2022" or "in the last 21 days" ends that day."""
    if item.stamp_rank == _AS_OF_RANK and item.data_day is None:
        item.data_day = item.published_on


_PUBLISHED_RANK = 1  # up to here a stamp says when the page was issued
_FOOT_LINES = 6
_COLUMN_GAP = re.compile(r" {3,}|\t|\s[|•·]\s")


def _foot_date(lines: list[Line], near: date | None) -> date | None:
    """The day of issue a stamp in the page's last lines gives, read column by column
    (a foot line runs its stamp, sources and contacts together)."""
    tail = [line.text for line in lines if line.text][-_FOOT_LINES:]
    for text in tail:
        for found in _column_stamps(text, near):
            if _rank(found) <= _PUBLISHED_RANK:
                return found.day
    return None


def _column_stamp(line: Line, near: date | None) -> LineDate | None:
    """A stamp standing in a column of a head line laid out from a PDF ("January -
    September 2025          As of 30 September 2025")."""
    if not _COLUMN_GAP.search(line.text):
        return None
    return next(_column_stamps(line.text, near), None)


def _column_stamps(text: str, near: date | None) -> Iterator[LineDate]:
    """The whole stamps with a day in a line's columns, each column read as a line."""
    if not _HAS_DIGIT.search(text) or not _has_stamp_word(text):
        return
    for part in _COLUMN_GAP.split(text):
        found = stamp_date(part, near) if len(part) <= _STAMP_MAX else None
        if found is not None and found.day is not None and _stamp_is_whole(part, found):
            yield found


# "Ref. OU/MLI/2025/07 – Bamako, 29 July 2025": furniture, then the place and day of issue
_FURNITURE_BREAK = re.compile(r"\s+[–—|]\s+")


def _dateline_of(text: str, near: date | None) -> LineDate | None:
    """A head line's dateline: the whole line's, else that of its last part after a
    dash or a bar that sets other furniture before it."""
    found = dateline_date(text, near)
    if found is None and (parts := _FURNITURE_BREAK.split(text))[-1] != text:
        found = dateline_date(parts[-1], near)
    return found


def _is_listing(lines: list[Line], roles: list[Role], near: date | None) -> bool:
    """Several dated items (date lines, trailers, stories' datelines): a listing.
    A source trailer closes an item, so a page with one lists items too."""
    marks = 0
    for line, role in zip(lines, roles, strict=True):
        if role is Role.TRAILER or line.glued:
            return True
        story = role is Role.PARAGRAPH and dateline_date(line.text, near) is not None
        if role is Role.HEADER or story:
            marks += 1
        if marks >= 2:
            return True
    return False


@dataclass
class _Item:
    title: str | None = None
    section: str | None = None
    published_on: date | None = None
    date_source: str | None = None
    body: list[Line] = field(default_factory=list)
    has_story_date: bool = False  # dated by its own header or dateline
    paragraphs: int = 0  # body lines of text, not headings
    stamp_rank: int = 99  # how well the stamp that dates it says when it was issued
    data_day: date | None = None  # "Data as of 16 March": the day its figures stand at
    titled_header: bool = False  # dated by a line under its own title: its date alone
    after_rule: bool = False  # opened past a rule that closed such an item: none to inherit


class _Splitter:
    """Groups classified lines into items; see the module doc for the shapes."""

    def __init__(self, *, listing: bool, near: date | None) -> None:
        self.items: list[_Item] = []
        self.current: _Item | None = None
        self.group_start = 0  # first item not yet dated by a trailer
        self.after_end = False  # past "# # #": notes to editors, not a new item
        self.headline: str | None = None  # seen above a date line, not yet used
        self.listing = listing
        self.near = near  # the page's date: the year of a dateline that gives none
        # The last date line's day: the items under it share it, even when the date
        # line's own item holds no text ("Today's top news: Sudan, Chad").
        self.group_day: date | None = None
        self.ruled_off = False  # a rule closed a dated item: what follows has its own day

    def close(self) -> None:
        if self.current is not None and _is_article(self.current):
            self.items.append(self.current)
        self.current = None

    def open(self, **fields: object) -> _Item:
        self.close()
        self.after_end = False
        self.current = _Item(**fields)  # type: ignore[arg-type]
        self.current.after_rule = self.ruled_off
        return self.current

    def feed(self, line: Line, role: Role) -> None:
        _HANDLERS[role](self, line)

    def on_blank(self, line: Line) -> None:
        pass

    def on_chrome(self, line: Line) -> None:
        pass

    def on_header(self, line: Line) -> None:
        found = header_date(line.text, self.near)
        assert found is not None  # classify() only gives HEADER to lines that match
        title, self.headline = self.headline, None
        self.ruled_off = False
        # (a chat message's stamp opens the message: no headline is above it)
        headline = None if chat_stamp(line.text) else self._lone_headline()
        if headline is not None:
            title = headline[0].text  # "<h1>headline</h1>" over "Geneva, Friday 23 May 2025"
        self.open(title=title, section=found.section, published_on=found.day,
                  date_source="header", has_story_date=True,
                  titled_header=title is not None)  # fmt: skip
        if headline is not None:
            self.current.body.append(headline[0])
            self.current.paragraphs = headline[1]
        self.group_start = len(self.items)
        self.group_day = found.day

    def _lone_headline(self) -> tuple[Line, int] | None:
        """The headline the current item holds alone, undated, right above a date line
        (taken from it, with the paragraph it counted: it is the dated item's)."""
        cur = self.current
        if self.headline is not None or cur is None or len(cur.body) != 1:
            return None
        line = cur.body[0]
        if (
            line.glued
            or "|" in line.text  # ("Showing items 21-30 of 412 | Page 3": furniture)
            or cur.date_source not in (None, "inherited", "page")
            or line.text.rstrip().endswith((".", "!", "?", '"', "”", ":"))
        ):
            return None
        cur.body.pop()
        counted, cur.paragraphs = cur.paragraphs, 0
        return line, counted

    def on_stamp(self, line: Line) -> None:
        found = _stamp(line, self.near)
        cur = self.current
        if cur is None or found is None or found.day is None:
            return  # the page's own stamp, above any item: page_date() reads it
        if cur.date_source == "inherited" and self.group_day is not None:
            return  # an item under a date line keeps its day ("Updated ..." in the footer)
        rank = _rank(found)
        if cur.date_source in (None, "inherited", "page") or (
            cur.date_source == "stamp" and rank < cur.stamp_rank
        ):  # "Data as of 16 March" above "Date of issue: 18 March": the issue dates it
            _keep_data_day(cur)
            cur.published_on, cur.date_source, cur.stamp_rank = found.day, "stamp", rank

    def on_trailer(self, line: Line) -> None:
        day = _trailer_date(line.text)
        if self.current is not None and self.current.date_source not in ("header", "dateline"):
            self.current.published_on, self.current.date_source = day, "trailer"
        self.close()
        # The trailer dates the text above it: items run on before it, in the
        # same group, have no date of their own and take this one.
        for item in self.items[self.group_start :]:
            if item.published_on is None:
                item.published_on, item.date_source = day, "inherited"
        self.group_start = len(self.items)
        self.group_day = None

    def on_end(self, line: Line) -> None:
        self.close()
        self.after_end = True
        self.group_day = None

    def on_headline(self, line: Line) -> None:
        self.close()
        self.headline = line.text

    def on_title(self, line: Line) -> None:
        cur = self.current
        if cur is not None and not cur.body and (cur.title is None or cur.date_source == "header"):
            # The headline right under a date line. A line above the date that was
            # taken for the headline was the page's own title ("X Monitoring
            # Bulletin" then the first item's date): this line replaces it, and
            # the item keeps its date.
            cur.title = line.text
            cur.body.append(line)
            return
        if not self.listing and cur is not None:
            cur.body.append(line)  # one document: a section heading inside it
            return
        inherited = cur.section if cur else None
        item = self.open(title=line.text, section=inherited)
        if self.group_day is not None:
            item.published_on, item.date_source = self.group_day, "inherited"
        item.body.append(line)

    def on_paragraph(self, line: Line) -> None:
        if _RULE.fullmatch(line.text):
            self._on_rule()
            return
        if self.current is None:
            if self.after_end:
                return  # contacts and notes after a release's end mark
            self.open()
        assert self.current is not None
        story = dateline_date(line.text, self.near)
        if story is not None:
            self._story(line, story)
        self.current.body.append(line)
        self.current.paragraphs += 1

    def _on_rule(self) -> None:
        """A rule under a story its dateline dated ends that story: a digest's next
        item, with no dateline of its own ("ETHIOPIA: Drone strike on ..."), is not
        of the day the story above it was filed, but of the page's."""
        cur = self.current
        if cur is None or not cur.paragraphs:
            return
        if cur.date_source == "dateline":
            self.close()
        elif cur.date_source == "header" and cur.titled_header:
            # "1. SUDAN | Tawila" over "Port Sudan, Wednesday 5 November": a newsletter
            # section's own day; the next section, with none, is of the day
            self.close()
            self.group_day = None
            self.ruled_off = True
        elif cur.after_rule:
            self.close()  # an undated section between two rules: a section of its own

    def _story(self, line: Line, story: LineDate) -> None:
        """A paragraph opened by a dateline: this item's, or a second story's."""
        cur = self.current
        assert cur is not None
        if cur.has_story_date and cur.paragraphs:
            headline = cur.body.pop() if _headline_above(cur, line) else None
            cur = self.open(title=headline.text if headline else None, section=cur.section)
            if headline is not None:
                cur.body.append(headline)
        cur.has_story_date = True
        # A header or a "Published:" stamp above the story dates it already.
        if story.day is not None and cur.date_source in (None, "inherited", "page"):
            cur.published_on, cur.date_source = story.day, "dateline"

    def finish(self) -> list[_Item]:
        self.close()
        self._inherit_header_dates()
        return self.items

    def _inherit_header_dates(self) -> None:
        # An undated item run on after a dated one, on a page of date lines,
        # was published in the same listing.
        for prev, item in zip(self.items, self.items[1:], strict=False):
            dated_listing = prev.date_source in ("header", "inherited") and prev.published_on
            if item.published_on is None and dated_listing and not item.after_rule:
                item.published_on, item.date_source = prev.published_on, "inherited"


_RULE = re.compile(r"[-_=*~–—]{5,}")

# The handler of each role, looked up once per line (a name built per line cost more)
_HANDLERS = {role: getattr(_Splitter, f"on_{role.value}") for role in Role}


def _headline_above(item: _Item, line: Line) -> bool:
    """The last line of the item so far is a headline standing alone right above `line`."""
    last = item.body[-1]
    return looks_like_title(last.text) and len(item.body) > 1 and last.end < line.start


def _is_article(item: _Item) -> bool:
    """Body text, not a stray label: some sentence, or enough words to read."""
    if not item.body:
        return False
    chars = sum(len(line.text) for line in item.body)
    if chars >= 200 or any(_SENTENCE_END.search(line.text) for line in item.body):
        return True
    return item.body[0].glued  # a chat message, however short: "at least 6 killed, ~20 hurt"


_SENTENCE_END = re.compile(r"[.!?][\"”’')]?(?:\s|$)|[:;\"”’')…]$")


# A stamp or dateline whose date has no year ("Situation as of 30 April", "Jan 12 (Reuters)")
_YEARLESS_STAMP = re.compile(
    r"(?i:as (?:of|at)|update|published|updated|date|\(\w+\)|\d{1,2}|[a-z]\.?)\s*[,:]?\s*"
    r"(?i:\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2})(?!,?\s*\d{4})\b"
)


# "7 June | ARDAN – Idlan Governorate": a digest's items headed by a day without a year
_YEARLESS_ITEM = re.compile(
    r"(?im)^[ \t]*(?:\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{1,2})\s*\|"
)


# A day and a month next to each other: what every year-less stamp or date line holds.
_DAY_AND_MONTH = rx.compile(
    r"(?i:\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)"
)


def _year_dates_furniture(text: str, lines: list[Line], year: date) -> bool:
    """Does the page's year make a line a stamp or a date line that was not one? Only
    the lines holding a day and month, short enough to be furniture, are asked
    (classifying the page again for every "on 7 June" in its prose, and searching
    every line for one, cost a tenth of extraction)."""
    starts = [line.start for line in lines]
    asked: set[int] = set()
    for found in _DAY_AND_MONTH.finditer(text):
        at = bisect_right(starts, found.start()) - 1
        if at in asked:
            continue
        asked.add(at)
        line = lines[at]
        if (
            len(line.text) <= _STAMP_MAX
            and (_YEARLESS_STAMP.search(line.text) or _YEARLESS_ITEM.search(line.text))
            and (
                header_date(line.text, year) != header_date(line.text)
                or _stamp(line, year) != _stamp(line, None)
            )
        ):
            return True
    return False


def dates_its_reports(date_source: str | None, articles_on_page: int) -> bool:
    """Whether an article's date is the day of what it reports: an item of a listing
    under its own date line ("7 June | ARDAN – ..."). A lone article's masthead date
    is the day it was published, often days after what it tells."""
    return date_source == "header" and articles_on_page > 1


def _first_header_day(lines: list[Line], roles: list[Role]) -> date | None:
    for line, role in zip(lines, roles, strict=True):
        if role is Role.HEADER and (found := header_date(line.text)) is not None:
            return found.day
    return None


def _latest_dateline_day(
    lines: list[Line], roles: list[Role], received: date | None
) -> date | None:
    """The latest day a story's dateline on the page gives with its year, not after the
    day the page was read."""
    days = [
        story.day
        for line, role in zip(lines, roles, strict=True)
        if role is Role.PARAGRAPH
        and (story := dateline_date(line.text, None)) is not None
        and story.day is not None
        and (received is None or story.day <= received)
    ]
    return max(days, default=None)


def split_page(
    text: str, fallback_date: date | None = None, received: date | None = None
) -> list[PageArticle]:
    """The news items of a page, in page order.

    `fallback_date` dates items that neither they nor the page's text date
    (an HTML page's metadata gives it). `received`, the day the page was read,
    gives the year of a year-less date line or dateline ("KURMA, 7 April (Agency)
    -") on a page that names no year at all: the latest such day not more than a
    week after it, as wire copy is read in its own days. It never dates an item
    by itself."""
    lines = split_lines(text)
    roles = classify(lines)
    page_rank, near = _page_stamp(lines, roles, fallback_date)
    # The year of a year-less date line: the page's, else its first dated line's
    # ("Sunday, 8 June 2025 | Issue 214" above "7 June | ARDAN – ..."), else the
    # latest day another item's dateline writes out whole ("ADEN, 3/9/2024 (Agency) -"
    # below "TAIZ, Sept. 3 (Agency) --"), and only on a page with none, the day it was read.
    year_from = (
        near
        or _first_header_day(lines, roles)
        or _latest_dateline_day(lines, roles, received)
        or received
    )
    if year_from is not None and _year_dates_furniture(text, lines, year_from):
        roles = classify(lines, year_from)  # year-less stamps now have their year
    splitter = _Splitter(listing=_is_listing(lines, roles, year_from), near=year_from)
    for line, role in zip(lines, roles, strict=True):
        splitter.feed(line, role)
    items = splitter.finish()
    if len(items) == 1 and near is not None and page_rank < items[0].stamp_rank < 99:
        _date_by_page(items[0], page_rank, near)
    articles = []
    # An item nothing dates ("(3) MOGADISHU — ...") is of the page's day: its stamp's,
    # else the date its masthead line gives ("NEWS DIGEST | Thursday, 3 April 2025")
    page_day = near or _first_header_day(lines, roles)
    for position, item in enumerate(items):
        if item.published_on is None and page_day is not None:
            item.published_on, item.date_source = page_day, "page"
        start, end = item.body[0].start, item.body[-1].end
        articles.append(
            PageArticle(
                position=position,
                title=item.title,
                section=item.section,
                published_on=item.published_on,
                date_source=item.date_source,
                start=start,
                end=end,
                body=text[start:end],
                data_day=item.data_day,
            )
        )
    return articles
