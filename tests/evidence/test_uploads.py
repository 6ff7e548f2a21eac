"""Uploaded source files: what a file is comes from its bytes; PDFs are read by pypdf;
anything that cannot be kept is refused with its name and the reason."""

import pytest

from claims_app.evidence.uploads import UploadRefused, read_upload
from tests.pdf_pages import pdf_with_pages


def test_a_pdf_is_read_page_by_page_with_its_title():
    body = pdf_with_pages("Flash update 4", "At least 1,500 people were displaced.",
                          title="Flash update 4 (Kiru)")  # fmt: skip
    upload = read_upload("C:\\Users\\amina\\flash-4.pdf", body)
    assert upload.file_name == "flash-4.pdf"  # the name without the sender's folders
    assert upload.content_type == "application/pdf"
    assert upload.read.source.text == "Flash update 4\n\nAt least 1,500 people were displaced."
    assert upload.read.source.title == "Flash update 4 (Kiru)"


def test_html_is_known_by_its_first_tag_whatever_its_name():
    page = b"<!-- saved --><!DOCTYPE html><html><head><title>Statement</title></head><body>"
    page += b"<article><p>Seven people were killed in Dovra on Monday, the ministry said.</p>"
    page += b"</article></body></html>"
    upload = read_upload("statement.txt", page)
    assert upload.content_type == "text/html"
    assert "Seven people were killed in Dovra" in upload.read.source.text
    assert "<p>" not in upload.read.source.text


def test_plain_text_is_kept_as_written():
    upload = read_upload("notes.txt", "Dovra: 1 301 displaced – ‘as of 3 May’".encode())
    assert (upload.content_type, upload.read.source.text) == (
        "text/plain",
        "Dovra: 1 301 displaced – ‘as of 3 May’",
    )


@pytest.mark.parametrize(
    ("name", "body", "reason"),
    [
        ("empty.pdf", b"", "empty.pdf is empty"),
        (
            "photo.jpg",
            b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00",
            "is not a PDF, an HTML page or UTF-8 text",
        ),
        ("broken.pdf", b"%PDF-1.4\nthis is not a PDF body", "broken.pdf: not a PDF pypdf can read"),
        ("scan.pdf", pdf_with_pages(""), "holds no text to read"),
        ("big.txt", b"x" * 2001, "larger than 2,000 bytes"),
    ],
)
def test_files_that_cannot_be_kept_are_refused_with_the_reason(name, body, reason):
    with pytest.raises(UploadRefused, match=reason):
        read_upload(name, body, max_bytes=2000)
