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

from claims_app.evidence.reading import SourceText, read_source

MAX_UPLOAD_BYTES = 10 * 1024 * 1024  # as a fetch's limit (FetchRules.max_bytes)
_HTML_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)  # fmt: skip


class UploadRefused(ValueError):
    """The file cannot be kept as a source; the message says why."""


@dataclass(frozen=True)
class Upload:
    file_name: str
    content_type: str
    body: bytes
    read: SourceText

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()


def read_upload(file_name: str, body: bytes, *, max_bytes: int = MAX_UPLOAD_BYTES) -> Upload:
    """The upload, read; UploadRefused naming the problem when it cannot be kept."""
    name = file_name.replace("\\", "/").rsplit("/", 1)[-1].strip() or "upload"
    if not body:
        raise UploadRefused(f"{name} is empty")
    if len(body) > max_bytes:
        raise UploadRefused(f"{name} is larger than {max_bytes:,} bytes")
    content_type = _content_type(name, body)
    read = read_source(body, content_type)
    if read.problem:
        raise UploadRefused(f"{name}: {read.problem}")
    if not read.text.strip():
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
