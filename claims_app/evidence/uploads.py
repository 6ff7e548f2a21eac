"""A source the reviewer uploads (a PDF the agency sent, a saved page, a text file):
what it is, read as a fetched copy would be, or a clear refusal.

What a file is comes from its bytes, not its name: "%PDF-" opens every PDF; HTML
says so in its first tag; anything else must be UTF-8 text. Other files (images,
office documents, archives) are refused by name, as the fetcher refuses them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date

from claims_app.evidence.fetching import FetchRules
from claims_app.evidence.reading import ReadCopy, read_kept

MAX_UPLOAD_BYTES = FetchRules.max_bytes  # a file is held to a fetched page's limit
_HTML_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)  # fmt: skip


class UploadRefused(ValueError):
    """The file cannot be kept as a source; the message says why."""


@dataclass(frozen=True)
class Upload:
    file_name: str
    content_type: str
    body: bytes
    read: ReadCopy  # its text and the figures in it

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()


def read_upload(
    file_name: str, body: bytes, *, max_bytes: int = MAX_UPLOAD_BYTES, received: date | None = None
) -> Upload:
    """The upload, read (before any transaction opens); UploadRefused naming the problem
    when it cannot be kept. `received`: the day it came, as read_figures takes it."""
    name = file_name.replace("\\", "/").rsplit("/", 1)[-1].strip() or "upload"
    if not body:
        raise UploadRefused(f"{name} is empty")
    if len(body) > max_bytes:
        raise UploadRefused(f"{name} is larger than {max_bytes:,} bytes")
    content_type = _content_type(name, body)
    read = read_kept(body, content_type, received=received)
    if read.source.problem:
        raise UploadRefused(f"{name}: {read.source.problem}")
    if not read.source.text.strip():
        raise UploadRefused(f"{name} holds no text to read (a scanned PDF needs OCR first)")
    return Upload(name, content_type, body, read)


def _content_type(name: str, body: bytes) -> str:
    if body.startswith(b"%PDF-"):
        return "application/pdf"
    if _HTML_START.match(body[:4096].lstrip(b"\xef\xbb\xbf")):
        return "text/html"
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        raise UploadRefused(f"{name} is not a PDF, an HTML page or UTF-8 text") from None
    return "text/plain"
