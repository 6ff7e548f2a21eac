import pytest

from claims_app.extraction.decode import PageError, read_page


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "a.txt", "is empty"),
        (b"  \n\t\n", "a.txt", "only white space"),
        (b"GIF89a\x00\x01\x02", "a.txt", "binary"),
        (b"caf\xe9 au lait", "a.txt", "not valid UTF-8 (byte 0xe9 at offset 3)"),
        (b"%PDF-1.7", "report.pdf", "unsupported file type .pdf"),
        (
            b"<html><head><script>var a;</script></head><body></body></html>",
            "a.html",
            "no main text",
        ),
    ],
)
def test_unreadable_pages_are_refused_with_the_reason(data, name, message):
    with pytest.raises(PageError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_page(data, name)


def test_utf8_bom_is_not_part_of_the_text():
    page = read_page("\ufeffHello.".encode(), "a.txt")
    assert page.text == "Hello."


def test_stdin_html_is_recognised_by_its_content():
    html = b"<!doctype html><html><body><article><p>" + b"Words in a sentence. " * 20
    page = read_page(html + b"</p></article></body></html>", "<stdin>")
    assert page.media_type == "text/html"
    assert "Words in a sentence." in page.text
