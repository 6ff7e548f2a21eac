"""What a fetched source says: its main text, title and publisher, for the reviewer to
read and the extractor to search for the claim's figure.

HTML is read as ingest reads pages (trafilatura's main text, key-figure boxes
kept), with the title and site name its markup declares. Plain text is kept as it
is. The charset the server declared is honoured; bytes it cannot decode become
U+FFFD rather than losing the page (the hash names the bytes as they came). A PDF's
text is read by pypdf, page by page, with the document's title and author; a PDF
pypdf cannot read keeps its bytes (and hash) with no text, and says why. The figures
in the text are read with it (`read_kept`), once, before the copy is written.
"""

from __future__ import annotations

import codecs
import io
from dataclasses import dataclass
from datetime import date

import trafilatura
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from claims_app.evidence.finding import SourceFigure, read_figures
from claims_app.extraction.decode import html_main_text


@dataclass(frozen=True)
class SourceText:
    text: str
    title: str | None = None
    publisher: str | None = None
    problem: str | None = None  # why no text could be read, when none could


@dataclass(frozen=True)
class ReadCopy:
    """A kept copy read: its text, title and publisher, and the figures in the text."""

    source: SourceText
    figures: list[SourceFigure]


def read_kept(
    body: bytes,
    content_type: str,
    charset: str | None = None,
    *,
    published: date | None = None,
    received: date | None = None,
) -> ReadCopy:
    """All a kept copy needs read (parsing, extraction: the long part of keeping one,
    done before any transaction opens); `published` and `received` as read_figures."""
    source = read_source(body, content_type, charset)
    return ReadCopy(source, read_figures(source.text, published, received))


def read_source(body: bytes, content_type: str, charset: str | None = None) -> SourceText:
    """The readable text of a fetched body (content_type without parameters)."""
    if content_type == "application/pdf":
        return _read_pdf(body)
    decoded = body.decode(_codec(charset), errors="replace").lstrip("\ufeff")
    if content_type in ("text/html", "application/xhtml+xml"):
        meta = trafilatura.extract_metadata(decoded, extensive=False)
        return SourceText(
            text=html_main_text(decoded),
            title=(meta.title or None) if meta else None,
            publisher=(meta.sitename or None) if meta else None,
        )
    if content_type.startswith("text/"):
        return SourceText(text=decoded)
    return SourceText(text="", problem=f"{content_type} is not text, HTML or PDF")


def _read_pdf(body: bytes) -> SourceText:
    try:
        reader = PdfReader(io.BytesIO(body))
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
        meta = reader.metadata
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        # pypdf raises more than its own errors on damaged files; the copy stays kept
        return SourceText(text="", problem=f"not a PDF pypdf can read ({exc.__class__.__name__})")
    return SourceText(
        text="\n\n".join(p for p in pages if p),
        title=_meta(meta, "title"),
        publisher=_meta(meta, "author"),
    )


def _meta(meta, name: str) -> str | None:
    value = getattr(meta, name, None) if meta is not None else None
    return (str(value).strip() or None) if value else None


def _codec(charset: str | None) -> str:
    try:
        return codecs.lookup(charset).name if charset else "utf-8"
    except LookupError:
        return "utf-8"  # a charset nobody knows: read as UTF-8, undecodable bytes marked
