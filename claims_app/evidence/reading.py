"""What a fetched source says: its main text, title and publisher, for the reviewer to
read and the extractor to search for the claim's figure.

HTML is read as ingest reads pages (trafilatura's main text, key-figure boxes
kept), with the title and site name its markup declares. Plain text is kept as it
is. The charset the server declared is honoured; bytes it cannot decode become
U+FFFD rather than losing the page (the hash names the bytes as they came).
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import trafilatura

from claims_app.extraction.decode import html_main_text


@dataclass(frozen=True)
class SourceText:
    text: str
    title: str | None = None
    publisher: str | None = None


def read_source(body: bytes, content_type: str, charset: str | None = None) -> SourceText:
    """The readable text of a fetched body (content_type without parameters)."""
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
    return SourceText(text="")  # PDF: read by pypdf in the next step (issue 18)


def _codec(charset: str | None) -> str:
    try:
        return codecs.lookup(charset).name if charset else "utf-8"
    except LookupError:
        return "utf-8"  # a charset nobody knows: read as UTF-8, undecodable bytes marked
