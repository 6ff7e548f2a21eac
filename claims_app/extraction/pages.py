"""Split a bulletin page into its news items.

A page is read as lines, each line gets one role (header, trailer, end mark,
chrome, title, paragraph), and a small state machine groups them into
articles. An article's body is always one contiguous slice of the page text,
`text[start:end]`, so that claim offsets found in the body map back to the
page by adding `start`, and nothing is rewritten.

The shapes we know (see fixtures/ for examples of each):
- a date line that opens an item: "31 May 2019 In Coalition News";
- a title line, paragraphs, and a trailer that dates the text above it:
  "(Source: ... Media Department / 30.07.2018)";
- press releases ending in "# # #", dated by a header or a dateline
  ("GENEVA, 11 February 2020 —");
- an item with no date of its own, run on after another: it takes the date
  of the group it sits in (marked date_source="inherited");
- page chrome that is not article text: pagination, breadcrumbs, a running
  header repeating the section name, a photo caption printed twice.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from claims_app.extraction.pagedates import DATE_RE, date_from_match, parse_date


class Role(enum.Enum):
    BLANK = "blank"
    HEADER = "header"  # a date line that opens an item
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
    glued: bool = False  # began right after a source note on the same line

    @property
    def blank(self) -> bool:
        return not self.text


@dataclass(frozen=True)
class PageArticle:
    position: int
    title: str | None
    section: str | None
    published_on: date | None
    date_source: str | None  # header | trailer | dateline | inherited
    start: int
    end: int
    body: str  # == page_text[start:end]


_HEADER = re.compile(
    rf"^(?P<date>{DATE_RE})\s*(?:(?:\bIn\b|[|:\-–—])\s*(?P<section>[^\s].{{0,80}}?))?\s*$",
    re.IGNORECASE,
)
_TRAILER = re.compile(r"^\(\s*(?:Source\s*:\s*)?(?P<inner>[^()]{0,200})\)\s*$", re.IGNORECASE)
_END = re.compile(r"^(?:#\s*){3}$|^-+\s*(?:30|ends?)\s*-+$", re.IGNORECASE)
_CHROME = [
    re.compile(r"^Page\s+\d+\s+(?:of|/)\s+\d+$", re.IGNORECASE),
    re.compile(r"^(?:Home|You are here)\b.*(?:»|›|>|Items filtered by)", re.IGNORECASE),
    re.compile(r"^Home\b(?:\s+[A-Z][\w&-]*)+.*\bfiltered by\b", re.IGNORECASE),
    re.compile(r"^(?:Share|Print|Email|Tweet|Back to top|Read more|Next|Previous)\W*$", re.I),
    re.compile(r"^(?:«\s*)?(?:Prev(?:ious)?|Next)\s*(?:»)?\s*(?:\d+\s*)*$", re.IGNORECASE),
]
# One alternation, one call per line (every line of every page is tested).
_CHROME_ANY = re.compile("|".join(f"(?:{p.pattern})" for p in _CHROME), re.IGNORECASE)
_DATELINE = re.compile(
    rf"^[A-Z][A-Za-z .'’-]{{1,40}}(?:,\s*|\s*\(\s*)(?P<date>{DATE_RE})\)?\s*(?:[-–—:]|$)"
)
_TERMINAL = ".!?:;\"”’'…)"
_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "and",
        "or",
        "with",
        "by",
        "from",
        "as",
        "vs",
        "via",
        "into",
        "over",
        "after",
        "amid",
    ]
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


# "...(Source: X Media Department)Next Headline Here": an item run on after another,
# its headline glued to the previous item's source note with no line break.
_GLUED_HEADLINE = re.compile(r"\(Source:[^()]{0,120}\)(?=[A-Z][^.!?]{10,200}$)")


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
        if glued and looks_like_title(stripped[glued.end() :]):
            cut = glued.end()
            lines.append(Line(start, start + cut, stripped[:cut]))
            lines.append(Line(start + cut, start + len(stripped), stripped[cut:], glued=True))
        else:
            lines.append(Line(start, start + len(stripped), stripped))
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
    return 1 <= len(words) <= 30 and (text[0].isupper() or text[0].isdigit())


def _trailer_date(text: str) -> date | None:
    m = _TRAILER.match(text)
    if not m:
        return None
    inner = m["inner"]
    # A trailer names a source and ends with the date: "... Department / 30.07.2018"
    tail = inner.rsplit("/", 1)[-1] if "/" in inner else inner.rsplit(",", 1)[-1]
    return parse_date(tail)


def _header_match(text: str) -> re.Match[str] | None:
    if len(text) > 120:
        return None
    return _HEADER.match(text)


def classify(lines: list[Line]) -> list[Role]:
    """Give each line a role; titles need their neighbours, so this looks around."""
    sections = {
        (m["section"] or "").strip().lower()
        for line in lines
        if (m := _header_match(line.text)) and m["section"]
    }
    roles = [_own_role(line, sections) for line in lines]
    _mark_repeated_lines(lines, roles)
    _mark_titles(lines, roles)
    return roles


def _own_role(line: Line, sections: set[str]) -> Role:
    text = line.text
    if not text:
        return Role.BLANK
    if (header := _header_match(text)) and date_from_match(header) is not None:
        return Role.HEADER
    if _trailer_date(text):
        return Role.TRAILER
    if _END.match(text):
        return Role.END
    if _CHROME_ANY.match(text) or text.lower() in sections:
        return Role.CHROME
    return Role.PARAGRAPH


def _mark_repeated_lines(lines: list[Line], roles: list[Role]) -> None:
    """A short line printed twice in a row is a caption or a running header."""
    prev = None
    for i, line in enumerate(lines):
        if roles[i] is Role.BLANK:
            continue
        if (
            prev is not None
            and roles[prev] in (Role.PARAGRAPH, Role.CHROME)
            and line.text == lines[prev].text
            and len(line.text) <= 200
        ):
            roles[prev] = roles[i] = Role.CHROME
        prev = i


def _neighbours(lines: list[Line], roles: list[Role], i: int) -> tuple[int | None, int | None]:
    """Index of the previous and next non-blank lines."""
    before = next((j for j in range(i - 1, -1, -1) if roles[j] is not Role.BLANK), None)
    after = next((j for j in range(i + 1, len(lines)) if roles[j] is not Role.BLANK), None)
    return before, after


def _mark_titles(lines: list[Line], roles: list[Role]) -> None:
    for i, line in enumerate(lines):
        if roles[i] is not Role.PARAGRAPH or not looks_like_title(line.text):
            continue
        before, after = _neighbours(lines, roles, i)
        if after is not None and _is_bare_date_line(lines[after], roles[after]):
            roles[i] = Role.HEADLINE
            continue
        if after is None or roles[after] is not Role.PARAGRAPH:
            continue
        if looks_like_title(lines[after].text):
            continue  # two short lines in a row: a list or a byline, not a headline
        at_boundary = (
            line.glued
            or before is None
            or roles[before]
            in (
                Role.HEADER,
                Role.TRAILER,
                Role.END,
                Role.CHROME,
            )
        )
        # Mid-item, only a line in headline case and set off by blank lines
        # starts a new item; otherwise short lines would cut articles apart.
        set_off = i > 0 and lines[i - 1].blank and i + 1 < len(lines) and lines[i + 1].blank
        if at_boundary or (set_off and is_title_case(line.text)):
            roles[i] = Role.TITLE


def _is_bare_date_line(line: Line, role: Role) -> bool:
    m = _header_match(line.text) if role is Role.HEADER else None
    return m is not None and not m["section"]


@dataclass
class _Item:
    title: str | None = None
    section: str | None = None
    published_on: date | None = None
    date_source: str | None = None
    body: list[Line] = field(default_factory=list)


class _Splitter:
    """Groups classified lines into items; see the module doc for the shapes."""

    def __init__(self) -> None:
        self.items: list[_Item] = []
        self.current: _Item | None = None
        self.group_start = 0  # first item not yet dated by a trailer
        self.after_end = False  # past "# # #": notes to editors, not a new item
        self.headline: str | None = None  # seen above a date line, not yet used

    def close(self) -> None:
        if self.current is not None and _is_article(self.current):
            self.items.append(self.current)
        self.current = None

    def open(self, **fields: object) -> _Item:
        self.close()
        self.after_end = False
        self.current = _Item(**fields)  # type: ignore[arg-type]
        return self.current

    def feed(self, line: Line, role: Role) -> None:
        handler = getattr(self, f"on_{role.value}")
        handler(line)

    def on_blank(self, line: Line) -> None:
        pass

    def on_chrome(self, line: Line) -> None:
        pass

    def on_header(self, line: Line) -> None:
        m = _header_match(line.text)
        assert m is not None  # classify() only gives HEADER to lines that match
        section = (m["section"] or "").strip() or None
        title, self.headline = self.headline, None
        self.open(
            title=title, section=section, published_on=date_from_match(m), date_source="header"
        )
        self.group_start = len(self.items)

    def on_trailer(self, line: Line) -> None:
        day = _trailer_date(line.text)
        if self.current is not None and self.current.date_source != "header":
            self.current.published_on, self.current.date_source = day, "trailer"
        self.close()
        # The trailer dates the text above it: items run on before it, in the
        # same group, have no date of their own and take this one.
        for item in self.items[self.group_start :]:
            if item.published_on is None:
                item.published_on, item.date_source = day, "inherited"
        self.group_start = len(self.items)

    def on_end(self, line: Line) -> None:
        self.close()
        self.after_end = True

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
            return
        inherited = cur.section if cur else None
        self.open(title=line.text, section=inherited)

    def on_paragraph(self, line: Line) -> None:
        if self.current is None:
            if self.after_end:
                return  # contacts and notes after a release's end mark
            self.open()
        assert self.current is not None
        starts_item = not self.current.body and self.current.published_on is None
        if starts_item and (m := _DATELINE.match(line.text)):
            self.current.published_on = date_from_match(m)
            self.current.date_source = "dateline" if self.current.published_on else None
        self.current.body.append(line)

    def finish(self) -> list[_Item]:
        self.close()
        self._inherit_header_dates()
        return self.items

    def _inherit_header_dates(self) -> None:
        # An undated item run on after a dated one, on a page of date lines,
        # was published in the same listing.
        for prev, item in zip(self.items, self.items[1:], strict=False):
            dated_listing = prev.date_source in ("header", "inherited") and prev.published_on
            if item.published_on is None and dated_listing:
                item.published_on, item.date_source = prev.published_on, "inherited"


def _is_article(item: _Item) -> bool:
    """Body text, not a stray label: some sentence, or enough words to read."""
    if not item.body:
        return False
    chars = sum(len(line.text) for line in item.body)
    return chars >= 200 or any(line.text[-1] in _TERMINAL for line in item.body)


def split_page(text: str) -> list[PageArticle]:
    """The news items of a page, in page order."""
    lines = split_lines(text)
    roles = classify(lines)
    splitter = _Splitter()
    for line, role in zip(lines, roles, strict=True):
        splitter.feed(line, role)
    articles = []
    for position, item in enumerate(splitter.finish()):
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
            )
        )
    return articles
