from datetime import date
from pathlib import Path

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


def test_a_key_figures_box_beside_the_story_is_kept_with_it():
    html = (
        "<html><body><main><article><h1>Floods in Kessa</h1>"
        "<p>Floods displaced thousands of families in Kessa district this week, officials "
        "said, and more rain is expected in the coming days across the whole valley.</p>"
        "<p>Aid agencies are sending boats and tents to the district, which has been cut "
        "off from the regional capital since the bridge collapsed on Monday morning.</p>"
        "</article><aside><h2>Facts and figures</h2><ul>"
        "<li>12,400 people displaced in Kessa</li><li>3 bridges destroyed</li></ul></aside>"
        "<aside><h2>Related stories</h2><ul><li>Drought in the north</li></ul></aside>"
        "</main></body></html>"
    )
    text = read_page(html.encode(), "story.html").text
    assert "12,400 people displaced in Kessa" in text
    assert "Drought in the north" not in text


def test_a_chart_s_and_a_photo_s_captions_are_kept_with_their_figures():
    html = (
        "<html><body><main><article><h1>Counting the dead in Kessa</h1>"
        "<p>Floods and fighting have killed hundreds of people in Kessa district this year, "
        "officials said, and more rain is expected in the coming days across the valley.</p>"
        "<figure><img src='chart.png' alt='Bar chart'><figcaption>Figure 2: Three tolls "
        "for Kessa, 4 May 2025: army, 12 fighters; hospital, 31 dead.</figcaption></figure>"
        "<p>Aid agencies are sending boats and tents to the district, which has been cut "
        "off from the regional capital since the bridge collapsed on Monday morning.</p>"
        "</article></main></body></html>"
    )
    text = read_page(html.encode(), "story.html").text
    assert "hospital, 31 dead." in text


def test_a_key_figures_box_kept_whatever_class_the_page_gives_it():
    # "sidebar" and "widget" are class names trafilatura drops as boilerplate; a box of
    # key figures is kept whatever the site called it
    html = (
        "<html><body><main><article><h1>Arrests in Velm</h1>"
        "<p>Security forces have detained dozens of students in Velm since the protests "
        "began, a rights group said on Monday, citing lawyers and families of detainees.</p>"
        "<p>Most were held without charge and several were moved to a prison outside the "
        "city, the group said, adding that visits had been refused to their relatives.</p>"
        "</article></main><aside class='sidebar widget' id='sidebar'>"
        "<h2>Key figures</h2><ul><li>214 students detained</li><li>61 released</li></ul>"
        "</aside></body></html>"
    )
    text = read_page(html.encode(), "story.html").text
    assert "214 students detained" in text and "61 released" in text


def test_a_box_headed_by_the_numbers_inside_the_story_is_kept():
    html = (
        "<html><body><article><h1>A year of war in Velm</h1>"
        "<p>A year after fighting began in Velm, aid agencies say the city is half empty "
        "and its hospitals barely work, while the roads south remain closed to convoys.</p>"
        "<aside class='by-numbers'><h2>By the numbers</h2><ul>"
        "<li>1.2 million people displaced</li><li>At least 3,400 people killed</li>"
        "</ul></aside></article></body></html>"
    )
    text = read_page(html.encode(), "story.html").text
    assert "1.2 million people displaced" in text and "At least 3,400 people killed" in text


def test_a_section_of_key_messages_is_kept_whatever_its_class_sounds_like():
    # (a whole outlook page: trafilatura drops the section only beside the rest of it)
    page = Path(__file__).parents[2] / "fixtures/gold/w2/w2c_food_security_outlook.html"
    text = read_page(page.read_bytes(), page.name).text
    assert "between 23 and 26 million people will need" in text
    assert "More than 310 conflict events" in text


def test_a_story_s_headline_and_standfirst_open_its_text_though_trafilatura_drops_them():
    page = Path(__file__).parents[2] / "fixtures/gold/d1/d1_news_story.html"
    text = read_page(page.read_bytes(), page.name).text
    headline, standfirst, lede = text.split("\n\n")[:3]
    assert headline == "Sudan war: At least 63 killed as RSF fighters storm Kordofan town"
    assert standfirst.startswith("Survivors describe fighters going from house to house")
    assert lede.startswith("At least 63 civilians were killed")


def test_each_item_of_a_digest_keeps_the_day_its_byline_shows():
    from claims_app.extraction.pages import split_page

    item = (
        "<article><h2>{title}</h2><p>By {who} | <time datetime='{iso}'>{day}</time></p>"
        "<p>{body}</p></article>"
    )
    html = "<html><body><main><h1>World in brief</h1>" + "".join(
        item.format(title=t, who=w, iso=i, day=d, body=b)
        for t, w, i, d, b in [
            ("Floods in Velm", "A. Osei", "2026-02-06", "6 February 2026",
             "Floods in Velm district killed 12 people and destroyed 300 homes on Thursday, "
             "local officials said, as rivers rose after a week of heavy rain."),
            ("Clashes in Ostra", "B. Lind", "2026-02-04", "4 February 2026",
             "Clashes between rival groups in Ostra killed at least nine people on Tuesday, "
             "the health office said, and forced some 2,000 residents to flee."),
        ]
    ) + "</main></body></html>"  # fmt: skip
    page = read_page(html.encode(), "brief.html")
    assert "By B. Lind | 4 February 2026" in page.text
    days = [a.published_on for a in split_page(page.text, page.published_on)]
    assert date(2026, 2, 6) in days and date(2026, 2, 4) in days


def test_a_list_item_s_claim_shows_its_words_without_the_bullet_the_page_draws():
    from claims_app.extraction.page_claims import extract_page

    html = (
        "<html><body><article><h1>Attack on Velm market</h1>"
        "<p>An attack on the market in Velm killed civilians on Saturday, a monitor said in "
        "a report published on Tuesday after it had verified the cases one by one.</p>"
        "<h2>Key facts</h2><ul><li>Civilians killed (verified): 11</li>"
        "<li>Civilians injured (verified): 19</li></ul></article></body></html>"
    )
    page = read_page(html.encode(), "report.html")
    records = [c.as_record() for c in extract_page(page.text, page.published_on)]
    shown = {r["quote"]: r["sentence"] for r in records}
    assert shown["11"] == "Civilians killed (verified): 11", shown
    assert shown["19"] in html
