"""Bytes from a file or an upload -> the page text the splitter reads.

Refuses what it cannot read faithfully, with a message naming the problem:
we never guess an encoding, because a wrong guess silently changes names and
figures ("Maaret" -> "MaÃ¢ret") that reviewers then check against sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

import lxml.html
import trafilatura
from lxml import etree

from claims_app.extraction.pagedates import DATE_RE

HTML_SUFFIXES = (".html", ".htm")
TEXT_SUFFIXES = (".txt",)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
_HTML_SNIFF = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body)", re.IGNORECASE)


class PageError(ValueError):
    """A page we will not ingest; str(error) is the one-line reason."""


@dataclass(frozen=True)
class PageText:
    text: str
    media_type: str  # text/plain or text/html
    # An HTML page's own date (its metadata or <time>), for items the text leaves
    # undated; the splitter prefers any date the text itself prints.
    published_on: date | None = None


def media_type_for(name: str, data: bytes) -> str:
    lower = name.lower()
    if lower.endswith(HTML_SUFFIXES):
        return "text/html"
    if lower.endswith(TEXT_SUFFIXES):
        return "text/plain"
    if "." in lower.rsplit("/", 1)[-1] and not lower.startswith("<"):
        suffix = "." + lower.rsplit(".", 1)[-1]
        raise PageError(f"unsupported file type {suffix} (expected .txt, .html or .htm)")
    # stdin or an upload without a name: look at the bytes.
    return "text/html" if _HTML_SNIFF.match(data[:512]) else "text/plain"


def decode_utf8(data: bytes) -> str:
    if b"\x00" in data[:65536]:
        raise PageError("looks like a binary file (it contains NUL bytes), not a text or HTML page")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise PageError(
            f"is not valid UTF-8 (byte 0x{bad} at offset {exc.start}); "
            "convert it to UTF-8 and try again"
        ) from None


# A box of key figures is the page's content, though pages set it in an <aside>, which
# trafilatura drops as a sidebar (rightly, for "Related stories").
_KEY_BOX = re.compile(
    r"\b(?:key (?:facts|figures|findings|numbers|messages|statistics|data)|"
    r"(?:in|by) (?:the )?(?:numbers|figures)|at a glance|highlights|fast facts|"
    r"facts (?:and|&|&amp;) figures)\b",
    re.IGNORECASE,
)


# A <time> that shows a day and nothing else ("6 February 2026"), not a live page's clock
# ("14:05 GMT", "Tuesday 6 May 2025, 14:32 GMT"), whose entries the splitter reads otherwise
_DAY_SHOWN = re.compile(rf"\s*{DATE_RE}\s*", re.IGNORECASE)


def _with_key_figure_boxes(html: str):
    """The page, with each <aside> headed as key figures turned into a <section>, and
    each block named as one ("key-messages", "key-figures") without the name:
    trafilatura drops a block whose class sounds like a pop-up's ("...-messages")."""
    named = _KEY_BOX_NAME.search(html) is not None
    if not named and "<aside" not in html and "<ASIDE" not in html:
        return html
    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return html  # trafilatura reports what it cannot read
    boxes = [a for a in tree.iter("aside") if _KEY_BOX.search(" ".join(a.itertext())[:160])]
    articles = list(tree.iter("article"))
    for box in boxes:
        box.tag = "section"
        for name in ("class", "id"):  # "sidebar", "widget": names trafilatura drops
            box.attrib.pop(name, None)
        story = articles[0] if len(articles) == 1 else None
        if story is not None and not any(parent is story for parent in box.iterancestors()):
            story.append(box)  # a box beside the story: trafilatura keeps only the story
    blocks = [b for b in tree.iter("section", "div", "ul") if _named_key_box(b)] if named else []
    for block in blocks:
        for name in ("class", "id"):
            block.attrib.pop(name, None)
    return tree if boxes or blocks else html


_KEY_BOX_NAME = re.compile(
    r"(?:class|id)=[\"'][^\"']*\bkey[-_ ]?(?:messages|figures|facts|findings|numbers|points)\b",
    re.IGNORECASE,
)


def _named_key_box(element) -> bool:
    name = f"{element.get('class', '')} {element.get('id', '')}"
    return _KEY_BOX_NAME.search(f'class="{name}"') is not None


_TIME_ELEMENT = re.compile(r"<time\b[^>]*>([^<]*)</time>", re.IGNORECASE)
_ARTICLE_ELEMENT = re.compile(r"<article\b", re.IGNORECASE)


def _with_days_shown(html: str) -> str:
    """A digest's page (several <article> items) with each <time> that shows a day as
    plain text: trafilatura drops <time>, and with it the date each item shows in its
    byline ("By P. Mulumba | 6 February 2026"). (A text substitution of this one flat
    element, not a parse and a new serialisation, which trafilatura reads otherwise.)"""
    if "<time" not in html and "<TIME" not in html:
        return html
    if len(_ARTICLE_ELEMENT.findall(html)) < 2:
        return html  # one story: its date is the page's (html_date), its headline its own
    return _TIME_ELEMENT.sub(
        lambda m: f"<span>{m[1]}</span>" if _DAY_SHOWN.fullmatch(m[1]) else m[0], html
    )


_FIGURE_TAGS = re.compile(r"<(/?)(?:figcaption|figure)\b", re.IGNORECASE)


def _with_captions_kept(html: str) -> str:
    """The page with each <figure> and <figcaption> as a plain block: trafilatura drops
    captions, and a chart's or a photo's caption states figures a reader checks ("Figure
    3: four tolls for Kassoumbe ...", "... after a strike that killed at least nine")."""
    if "<fig" not in html and "<FIG" not in html:
        return html
    return _FIGURE_TAGS.sub(_plain_block, html)


def _plain_block(m: re.Match[str]) -> str:
    return f"<{m[1]}{'p' if m[0].lower().endswith('caption') else 'div'}"


def html_main_text(html: str) -> str:
    """The page's main text, one paragraph a block, blank lines between.

    trafilatura drops navigation, footers and scripts; we then put a blank
    line between its paragraphs because the splitter reads blank lines.
    """
    extracted = trafilatura.extract(
        _with_key_figure_boxes(_with_days_shown(_with_captions_kept(html))),
        output_format="txt",
        include_comments=False,
        include_tables=True,
        favor_recall=True,
        deduplicate=False,
    )
    if not extracted:
        return ""
    lines = [line.strip() for line in extracted.splitlines() if line.strip()]
    lines = _story_head(html, lines) + lines
    out = lines[:1]
    for before, line in pairwise(lines):
        # a table's rows ("| Bajhang | 51 | 203 |") stay together, as a table
        out.append("\n" if line.startswith("|") and before.startswith("|") else "\n\n")
        out.append(line)
    return "".join(out)


# The line under a headline that sums the story up: "standfirst", "dek", "summary"...
_DEK = re.compile(r"standfirst|\bdek\b|summary|lede|intro|subtitle|strapline|subhead", re.I)


def _story_head(html: str, lines: list[str]) -> list[str]:
    """The story's headline and the line that sums it up under it, when trafilatura kept
    only the body beside them: a headline states figures ("At least 63 killed as ...")
    and names the story the splitter reads. One <h1> only: a page of many is no story."""
    if "<h1" not in html and "<H1" not in html:
        return []
    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    heads = list(tree.iter("h1"))
    if len(heads) != 1:
        return []
    kept = " ".join(" ".join(lines).split())
    headline = " ".join(heads[0].text_content().split())
    if not headline or headline in kept:
        return []
    out = [headline]
    dek = heads[0].getnext()
    if dek is not None and _DEK.search(f"{dek.get('class', '')} {dek.get('id', '')}"):
        text = " ".join(dek.text_content().split())
        if text and text not in kept:
            out.append(text)
    return out


# The newest date the markup declares: a live page's "Last updated" (its items above the
# first day label are that day's), and an article's own date where it declares one.
_NEWEST = {"original_date": False, "extensive_search": False}


def html_date(html: str) -> date | None:
    """The publication date an HTML page declares in its markup (meta tags, <time>,
    structured data), never one guessed from its text: `extensive=False`."""
    found = trafilatura.extract_metadata(html, extensive=False, date_config=_NEWEST).date
    try:
        return date.fromisoformat(found) if found else None
    except ValueError:
        return None


def read_page(data: bytes, name: str) -> PageText:
    if not data:
        raise PageError("is empty")
    media_type = media_type_for(name, data)
    text = decode_utf8(data)
    published_on = None
    if media_type == "text/html":
        html, text = text, html_main_text(text)
        if not text.strip():
            raise PageError("has no main text that could be taken out of the HTML")
        published_on = html_date(html)
    elif not text.strip():
        raise PageError("is empty (only white space)")
    return PageText(text=text, media_type=media_type, published_on=published_on)
