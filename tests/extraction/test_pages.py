import json
from datetime import date
from pathlib import Path

import pytest

from claims_app.extraction.decode import read_page
from claims_app.extraction.page_claims import extract_page
from claims_app.extraction.pages import split_page
from tests.conftest import CORPUS, FIXTURE_PAGES, REPO

EXPECTED = json.loads((REPO / "fixtures/expected/articles.json").read_text(encoding="utf-8"))
REFERENCE = json.loads((REPO / "fixtures/expected/reference-articles.json").read_text())["pages"]


def _split(path: Path):
    page = read_page(path.read_bytes(), path.name)
    return page.text, split_page(page.text)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_pages_split_into_expected_articles(name):
    text, articles = _split(FIXTURE_PAGES / name)
    got = [
        {
            "title": a.title,
            "section": a.section,
            "published_on": a.published_on.isoformat() if a.published_on else None,
            "date_source": a.date_source,
        }
        for a in articles
    ]
    assert got == EXPECTED[name]
    for a in articles:
        assert text[a.start : a.end] == a.body


def test_fixtures_hold_at_least_fifteen_articles():
    assert sum(len(v) for v in EXPECTED.values()) >= 15
    assert len(EXPECTED) >= 3


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the repository")
@pytest.mark.parametrize("name", sorted(REFERENCE))
def test_reference_pages_split_with_dates_and_titles(name):
    text, articles = _split(CORPUS / name)
    expected = REFERENCE[name]
    assert len(articles) == len(expected)
    for a, want in zip(articles, expected, strict=True):
        assert a.published_on.isoformat() == want["published_on"]
        assert a.section == want["section"]
        assert (a.start, a.end) == (want["body_start"], want["body_end"])
        if "title_span" in want:
            start, end = want["title_span"]
            assert a.title == text[start:end]
        else:
            assert a.title is None


def test_chrome_never_ends_up_in_a_body():
    _, articles = _split(FIXTURE_PAGES / "karun-field-updates-2021-03.txt")
    bodies = "\n".join(a.body for a in articles)
    assert "Page 1 of 4" not in bodies
    assert "Items filtered by date" not in bodies
    assert not bodies.startswith("Field Updates")


def test_caption_printed_twice_is_dropped_and_items_after_it_survive():
    _, articles = _split(FIXTURE_PAGES / "river-provinces-digest.txt")
    assert all("Photo: Donor meeting" not in a.body for a in articles)
    assert articles[3].title == "Cholera Cases Rise in Southern Karun"


def test_notes_after_end_mark_are_not_an_article():
    _, articles = _split(FIXTURE_PAGES / "press-releases-2020.txt")
    assert all("media enquiries" not in a.body for a in articles)
    assert all("Notes to editors" not in a.body for a in articles)


def test_item_without_own_trailer_takes_the_date_of_the_trailer_below():
    text = (
        "First Story Title\n\nFirst story text that ends well.\n\n"
        "Second Story Title\n\nSecond story text, also a sentence.\n\n"
        "(Source: Press Office / 02.03.2024)\n"
    )
    articles = split_page(text)
    assert [a.title for a in articles] == ["First Story Title", "Second Story Title"]
    assert [a.date_source for a in articles] == ["inherited", "trailer"]
    assert {a.published_on.isoformat() for a in articles} == {"2024-03-02"}


def test_month_first_dates_and_pipes_in_headers():
    text = "March 4, 2022 | Situation Reports\n\nTwo convoys crossed the line today.\n"
    (article,) = split_page(text)
    assert article.published_on.isoformat() == "2022-03-04"
    assert article.section == "Situation Reports"


def test_page_without_any_structure_is_one_undated_article():
    (article,) = split_page("Just one paragraph of plain text about events.\n")
    assert article.published_on is None
    assert article.title is None


def test_windows_line_endings_keep_offsets_exact():
    text = "12 May 2020 In News\r\n\r\nA sentence here.\r\nAnother one.\r\n"
    (article,) = split_page(text)
    assert text[article.start : article.end] == article.body
    assert article.body.startswith("A sentence") and article.body.endswith("one.")


def test_headline_glued_to_the_previous_source_note_starts_an_item():
    text = (
        "3 May 2022 In News\n\nShelling hit the town today, officials said. "
        "(Source: Press Office)Second Item Headline About Aid Deliveries\n\n"
        "Aid trucks reached the camp on Monday.\n"
    )
    first, second = split_page(text)
    assert first.body.endswith("(Source: Press Office)")
    assert second.title == "Second Item Headline About Aid Deliveries"
    assert (second.published_on.isoformat(), second.date_source) == ("2022-05-03", "inherited")


def test_a_page_title_above_the_first_date_line_is_not_the_first_headline():
    text = (
        "Foo Monitoring Bulletin\n\n31 December 2024\n\nArrests Reported in Lita\n\n"
        "Officials said 40 people were detained.\n\n29 December 2024\n\nOther Headline Here\n\n"
        "Residents said 12 people were killed.\n"
    )
    articles = split_page(text)
    assert [(a.title, str(a.published_on)) for a in articles] == [
        ("Arrests Reported in Lita", "2024-12-31"),
        ("Other Headline Here", "2024-12-29"),
    ]


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("Published: 26 February 2025", "2025-02-26"),
        ("Updated April 20, 2024 11:42 AM GMT | Updated 5 hours ago", "2024-04-20"),
        ("As of 18 October 2023", "2023-10-18"),
        ("as of 18:00, 12 March 2024", "2024-03-12"),
        ("Date of publication: 3 May 2025", "2025-05-03"),
        ("Date:     Tuesday, 11th February 2025", "2025-02-11"),
        # a report to a donor: the day it was handed in, after the period it covers
        (
            "Reporting period:      01/10/2024 - 31/03/2025\nDate of submission:    28 April 2025",
            "2025-04-28",
        ),
        ("Update 2023-10-09", "2023-10-09"),
        # a judgment summary: the day it was read in court
        ("Date of delivery: Thursday, 23 October 2025\nThe Hague", "2025-10-23"),
        ("Period covered: 18-24 February 2025", "2025-02-24"),
        ("It covers the period from 9 to 18 October 2023.", "2023-10-18"),
        # a laid-out header: another column's furniture after a wide gap
        (
            "Reporting period: 1 to 30 April 2025\nDate of issue: 14 May 2025          Page 1 of 6",
            "2025-05-14",
        ),
    ],
)
def test_a_report_dated_by_its_stamp_or_period(head, expected):
    text = (
        f"Valley Flood Response\nSituation Report No. 4\n{head}\n\n"
        "Floods displaced 3,000 people in the valley, the district office said.\n\n"
        "KEY NEEDS\n\nShelter and clean water remain the main needs in 12 sites.\n"
    )
    (article,) = split_page(text)  # one document: its section heading does not cut it
    assert article.published_on.isoformat() == expected
    assert article.date_source in ("stamp", "page")  # "page": read from the page's head


def test_a_sentence_that_opens_with_as_of_is_text_not_a_stamp():
    text = "Valley Update\n\nAs of 31 March, 1,980 people were displaced in the valley.\n"
    (article,) = split_page(text)
    assert article.published_on is None
    assert "1,980 people" in article.body


@pytest.mark.parametrize(
    "line",
    ["Wednesday, 13 March 2024", "19/12/2023", "9 Feb 2025 – 18:40 GMT",
     "News Stories, 16 December 2008", "2024-03-13", "Monday 3 March 2025 —", "3 March 2025:",
     "5 Mar 2024 · 08:05 CAT", "16 May 2024, 06:00 BST | 12 min read"],
)  # fmt: skip
def test_date_lines_in_the_genre_s_shapes_open_items(line):
    text = (
        f"{line}\n\nNorth Valley\n\nShelling killed four people in Arvo on Monday.\n\n"
        f"{line}\n\nSouth Valley\n\nFloods cut the road to Temi, officials said.\n"
    )
    first, second = split_page(text)
    assert first.published_on == second.published_on is not None
    assert (first.title, second.title) == ("North Valley", "South Valley")
    assert first.body.startswith("North Valley")  # the headline is part of the body


def test_a_second_wire_story_starts_at_its_dateline_with_its_headline():
    text = (
        "Strike on depot kills nine, governor says\n\n"
        "Published May 3, 2024 10:02 AM GMT\n\n"
        "TARVIN, Norland, May 3 (Newswire) - A strike on a fuel depot killed nine people, "
        "the governor said.\n\nRescuers searched the site through the night.\n\n"
        "EARLIER ON THIS PAGE\n\nDrone attack on Ostra wounds five\n\n"
        "OSTRA, Norland, May 1 (Newswire) - Drones wounded five people in Ostra overnight, "
        "officials said.\n"
    )
    first, second = split_page(text)
    assert (first.published_on.isoformat(), first.date_source) == ("2024-05-03", "stamp")
    assert first.body.startswith("Strike on depot kills nine")
    assert (second.published_on.isoformat(), second.date_source) == ("2024-05-01", "dateline")
    assert second.title == "Drone attack on Ostra wounds five"
    assert second.body.startswith("Drone attack on Ostra")  # a year taken from the page


def test_an_agency_dateline_without_a_date_marks_a_story_dated_by_its_stamp():
    text = (
        "Published: 14 January 2025 09:12 GMT\n\n"
        "BEIRUT (Newswire) - Two people were killed in a strike on a car, officials said.\n"
    )
    (article,) = split_page(text)
    assert article.published_on.isoformat() == "2025-01-14"


def test_an_html_page_without_a_printed_date_takes_its_metadata_date():
    html = (
        b'<html><head><meta property="article:published_time" content="2025-03-19">'
        b"</head><body><article><h1>Clinic looted in Arvo</h1><p>Gunmen looted the clinic "
        b"in Arvo on Sunday night, forcing 40 patients to leave, staff said.</p>"
        b"</article></body></html>"
    )
    page = read_page(html, "clinic.html")
    (article,) = split_page(page.text, page.published_on)
    assert (article.published_on.isoformat(), article.date_source) == ("2025-03-19", "page")


def test_issues_labelled_then_dated_after_a_bar_each_keep_their_own_day():
    page = (
        "Malaria Situation Digest | Kasai region\n\n"
        "Issue 12 | 4 March 2025\n"
        "Data as of 1 March 2025\n\n"
        "CASES\n"
        "Health zones reported 18 400 cases in the week, up from 16 900 the week before.\n\n"
        "Issue 11 | 25 February 2025\n\n"
        "CASES\n"
        "Health zones reported 16 900 cases in the week.\n\n"
        "Updated 2025-03-04 | Contact: digest@example.org\n"
    )
    days = {a.body.split("reported ")[1][:6]: a.published_on.isoformat()
            for a in split_page(page) if "reported" in a.body}  # fmt: skip
    assert days == {"18 400": "2025-03-04", "16 900": "2025-02-25"}


def test_sections_dated_after_a_dash_each_keep_their_own_day():
    page = (
        "Protection Monthly | Issue 05/2025 | Published: 10 June 2025\n\n"
        "1. OVERVIEW\n\nMonitors recorded 412 incidents in May.\n\n"
        "2. NORTH VALLEY – update of Friday 16 May 2025\n\n"
        "Shelling killed nine civilians in Arvo on Tuesday.\n\n"
        "3. SOUTH VALLEY – update of Friday 23 May 2025\n\n"
        "Floods displaced 2,400 people in Temi.\n"
    )
    days = [a.published_on.isoformat() for a in split_page(page)]
    assert days == ["2025-06-10", "2025-05-16", "2025-05-23"]


def test_a_live_page_s_day_labels_without_a_year_open_items_in_the_page_s_year():
    page = (
        "Live updates\n\nLast updated: 12 June 2025\n\n"
        "Convoy reaches Tawila\n\nA convoy of 16 trucks reached Tawila, the agency said.\n\n"
        "Mon 9 Jun\n\n"
        "Cholera spreads in Khartoum\n\nThe ministry recorded 1,730 cases since May 15.\n\n"
        "Friday, 6 June\n\n"
        "Appeal only 13% funded\n\nThe appeal had received 13 per cent, OCHA said.\n"
    )
    days = [(a.title, a.published_on.isoformat()) for a in split_page(page)]
    assert days[-2:] == [
        ("Cholera spreads in Khartoum", "2025-06-09"),
        ("Appeal only 13% funded", "2025-06-06"),
    ]


def test_a_live_html_page_is_dated_by_its_newest_declared_date():
    html = (
        b"<html><head><title>Live</title></head><body><main>"
        b'<p>Last updated <time datetime="2025-06-12T14:05:00Z">14:05 GMT</time></p>'
        b"<article><h2>Strike on market</h2><p>A drone strike on the market in El Fasher "
        b"killed at least 19 people on Wednesday, volunteers said.</p></article>"
        b'<article><p><time datetime="2025-06-06T19:00:00Z">19:00 GMT</time></p>'
        b"<h2>Appeal</h2><p>The appeal had received 13 per cent of what it needs, OCHA "
        b"said on Friday.</p></article></main></body></html>"
    )
    assert read_page(html, "live.html").published_on.isoformat() == "2025-06-12"


def test_a_key_figures_box_set_aside_is_read_and_a_related_stories_box_is_not():
    html = (
        b"<html><head><title>Arrivals</title></head><body><article><h1>Arrivals rise</h1>"
        b"<p>More than 4,000 people crossed into Norland on Monday, the agency said. Aid "
        b"teams registered most of them at the Temi transit site during the day.</p>"
        b"<aside><h2>Key facts</h2><ul><li>41 870 new arrivals registered at Temi</li></ul>"
        b"</aside><aside><h2>Related stories</h2><ul><li>Floods hit 3 towns</li></ul></aside>"
        b"</article></body></html>"
    )
    text = read_page(html, "arrivals.html").text
    assert "41 870 new arrivals registered at Temi" in text
    assert "Floods hit 3 towns" not in text


@pytest.mark.parametrize(
    ("masthead", "expected"),
    [
        ("Valley Rights Network (VRN) – Press Release – 13 March 2024", "2024-03-13"),
        (
            "Relief Alliance – NGO Field Update: Upper Valley – Saturday, 16 March 2024",
            "2024-03-16",
        ),
        ("Valley Coordination Office, Kelmar – Flash Update No. 2 – 6 March 2024", "2024-03-06"),
        (
            "Valley Weekly Round-up – 11 to 17 March 2024 (issued Monday, 18 March 2024)",
            "2024-03-18",
        ),
    ],
)
def test_a_masthead_of_several_dashed_parts_dates_the_page(masthead, expected):
    """Mastheads that chain organisation, series and date with dashes left five of
    eight held-out pages undated, and with them every relative date on them."""
    text = (f"{masthead}\n\nFloods displaced 3,000 people in Tarev on Tuesday, the district "
            "office said.\n")  # fmt: skip
    (article,) = split_page(text)
    assert article.published_on.isoformat() == expected


BULLETIN = """RADIO LAKESIDE 101.3 FM
NEWS DIGEST | Friday, 9 May 2025 | 18:00 bulletin (No. 212)
Summary prepared by the newsroom.

(1) KESSA, 8 May – Floods displaced 2,400 people in Kessa district, officials said.

(2) PORT LUMEN — The port reopened to aid ships after 11 days, the authority said.

(3) AREN, 9 May – Clashes killed 7 people near Aren market on Friday.
"""


def test_a_bulletin_s_numbered_datelines_split_it_and_its_masthead_dates_the_rest():
    """ "(1) KESSA, 8 May –" opens an item of 8 May; "(2) PORT LUMEN —", with no date,
    opens one of the masthead's day; the masthead line with more furniture after its
    date is the page's date."""
    items = split_page(BULLETIN)
    got = [(a.body[:12], a.published_on) for a in items if "(" in a.body[:3]]
    assert got == [
        ("(1) KESSA, 8", date(2025, 5, 8)),
        ("(2) PORT LUM", date(2025, 5, 9)),
        ("(3) AREN, 9 ", date(2025, 5, 9)),
    ]


def test_a_reporting_period_written_as_a_range_is_no_item_date_and_the_stamp_dates_the_page():
    text = (
        "LAKESHORE: REFUGEE EMERGENCY\nSituation Update #3\n"
        "Reporting period: 1 – 15 June 2025\nPublished: 18 June 2025\n\n"
        "Between 1 and 15 June, 4,200 people crossed into Norland.\n"
    )
    (item,) = split_page(text)
    assert item.published_on == date(2025, 6, 18)


def test_a_programme_s_broadcast_line_dates_its_transcript():
    text = (
        "THE EVENING REPORT\n"
        "Broadcast: Monday, 16 March 2026, 19:30 CAT, on Radio Velm 97.2 and online\n\n"
        "HOST: Good evening. How many people have fled?\n\n"
        "AMARA OSEI: Close to 80,000 people since January, by our count.\n"
    )
    [article] = split_page(text)
    assert (article.published_on, article.date_source) == (date(2026, 3, 16), "stamp")
    # a sentence that opens with a day is still a sentence, not a stamp
    prose = "Title\n\nBroadcast on 16 March 2026, the interview drew 4,000 calls to the station.\n"
    assert all(a.date_source != "stamp" for a in split_page(prose))


def test_a_correction_note_s_date_and_a_findings_period_do_not_date_the_page():
    story = (
        "Landslides kill 31 in Bukoto district\n\n"
        "KAMPALA, 18 November 2025 – At least 31 people have died after heavy rain.\n\n"
        "Correction, 19 November 2025: An earlier version of this article gave the toll as 14."
    )
    articles = split_page(story)
    assert [(a.published_on, a.date_source) for a in articles] == [(date(2025, 11, 18), "dateline")]
    report = (
        "United Nations                                   A/HRC/61/47\n"
        "General Assembly                                 Distr.: General\n"
        "                                                 16 February 2026\n\n"
        "Report of the Commission of Inquiry\n\n"
        "Summary of findings, 1 March 2023 – 31 December 2025\n\n"
        "I. Introduction\n\n"
        "1. The Commission documented 318 cases of abduction.\n"
    )
    assert {a.published_on for a in split_page(report)} == {date(2026, 2, 16)}


def test_an_issue_stamp_dates_a_report_whose_period_line_opens_without_a_year():
    text = (
        "QUARTERLY UPDATE\n\nReporting period: 1 January - 31 March 2025\n"
        "Issued: 24 April 2025\n\nKEY FINDINGS\n\n"
        "The monitors verified 412 violations during the quarter.\n"
    )
    (article,) = split_page(text)
    assert article.published_on == date(2025, 4, 24)


def test_the_day_of_issue_dates_a_report_whose_data_stand_earlier():
    text = (
        "CHOLERA OUTBREAK - KASAI PROVINCE\n"
        "Situation Report No. 6 | Data as of 9 April 2026 (week 14)\n"
        "Date of issue: 11 April 2026\n\n"
        "Since the outbreak began, 312 cases have been notified.\n"
    )
    (article,) = split_page(text)
    assert article.published_on == date(2026, 4, 11)
    assert article.data_day == date(2026, 4, 9)


def test_a_snapshot_dated_in_its_foot_takes_that_day_and_keeps_its_data_day():
    text = (
        "SAHEL: Central Region\nHumanitarian Snapshot (as of 30 September 2026)\n\n"
        "More than 21,000 people have been displaced since 2024, local authorities said.\n\n"
        "Creation date: 4 October 2026   Sources: DTM, FTS   Feedback: info@example.org\n"
        "Page 2 of 2\n"
    )
    (article,) = split_page(text)
    assert article.published_on == date(2026, 10, 4)
    assert article.data_day == date(2026, 9, 30)
    (claim,) = [c for c in extract_page(text) if c.claim.kind == "numeric"]
    assert claim.article_date == date(2026, 10, 4)
    assert claim.claim.event_date == "2024-01-01/2026-09-30"  # "since 2024": to the data day


def test_a_foot_stamp_does_not_outrank_a_published_line_at_the_top():
    text = (
        "Published: 2 October 2026\n\nFLOOD UPDATE\n\n"
        "Some 4,000 homes were flooded in the district.\n\n"
        "Date of issue: 5 October 2026   Contact: info@example.org\n"
    )
    (article,) = split_page(text)
    assert article.published_on == date(2026, 10, 2)
    assert article.data_day is None


@pytest.mark.parametrize(
    "stamp", ["Funding status as of 31 May 2026", "Population data as of 31 May 2026"]
)
def test_a_status_line_named_for_what_it_counts_dates_the_report(stamp):
    text = f"CHAD\nFUNDING UPDATE | No. 5\n{stamp}\n\nThe plan has received $412.7 million.\n"
    (article,) = split_page(text)
    assert article.published_on == date(2026, 5, 31)


def test_an_as_of_stamp_in_a_column_of_a_pdf_head_line_dates_the_snapshot():
    text = (
        "NIGER                                         Protection Cluster\n"
        "PROTECTION SNAPSHOT                           Snapshot No. 4/2026\n"
        "July - October 2026                           As of 31 October 2026\n\n"
        "KEY FIGURES\n"
        "1,204 incidents recorded          38% against children\n\n"
        "Partners recorded 1,204 protection incidents in Tillaberi region this year.\n"
    )
    (article,) = split_page(text)
    assert article.published_on == date(2026, 10, 31)


def test_a_rule_ends_a_datelined_story_and_the_next_undated_item_is_the_page_s():
    text = (
        "THE LAKES OBSERVER\nMonday, November 23, 2026\n\n"
        "WEEK IN REVIEW\nFloods, fires and fighting: the week across the Sahel, compiled "
        "by our correspondents.\n\n"
        "----------------------------------------\n\n"
        "CHAD: Floods hit Mongo\n\n"
        "MONGO, 17 November - Floods destroyed 400 homes in Mongo, officials said.\n\n"
        "Residents moved to a school on higher ground, the mayor said.\n\n"
        "----------------------------------------\n\n"
        "NIGER: Fire guts the central market in Zinder\n\n"
        "A fire swept through the central market in Zinder, destroying 120 stalls, "
        "traders said.\n"
    )
    dated = {a.title or a.body[:12]: a.published_on for a in split_page(text)}
    assert date(2026, 11, 17) in dated.values()
    niger = [a for a in split_page(text) if "Zinder" in a.body]
    assert [a.published_on for a in niger] == [date(2026, 11, 23)]


def test_a_newsletter_section_dated_under_its_title_and_the_undated_one_after_its_rule():
    text = (
        "THE RIVER BRIEF\nIssue No. 88 | Friday, 14 March 2025\n\n"
        "Welcome to this week's brief on the crises we follow.\n\n"
        "------------------------------------------------------------\n\n"
        "1. CHAD | Arrivals slow at Adre\nAbeche, Wednesday 12 March\n\n"
        "Some 1,200 refugees crossed at Adre this week, down from 3,000 a week earlier.\n\n"
        "------------------------------------------------------------\n\n"
        "2. MALI | Convoys resume\n\n"
        "Aid convoys reached Menaka after a pause of six weeks, carrying food for 9,000 "
        "people.\n\n"
        "------------------------------------------------------------\n\n"
        "3. NIGER | Floods\nNiamey, Thursday 13 March\n\n"
        "Floods destroyed 450 homes in Tillaberi, the civil protection agency said.\n\n"
        "------------------------------------------------------------\n\n"
        "4. POLICY CORNER | What next year's appeal will look like\n\n"
        "Next year's appeal will seek $28 billion, the relief coordinator said.\n\n"
        "------------------------------------------------------------\n\n"
        "5. FUNDING | Donors cut their pledges across the region\n\n"
        "Donors cut their pledges by a fifth, officials said.\n"
    )
    undated = [a.body for a in split_page(text) if "appeal" in a.body or "pledges" in a.body]
    assert len(undated) == 2  # each section between rules is an article of its own
    day_of = {}
    for article in split_page(text):
        for word in ("Adre", "Menaka", "Tillaberi"):
            if word in article.body:
                day_of[word] = article.published_on
    assert day_of == {
        "Adre": date(2025, 3, 12),
        "Menaka": date(2025, 3, 14),  # no day of its own: the issue's
        "Tillaberi": date(2025, 3, 13),
    }


@pytest.mark.parametrize(
    "stamp",
    [
        "[{d}.11.2025 06:48] Valley Monitors: ",  # Telegram Desktop's export
        "[{d}/11/2025, 06:48:12] Valley Monitors: ",  # WhatsApp on a phone
        "{d}/11/2025, 06:48 - Valley Monitors: ",  # WhatsApp on Android
    ],
)
def test_a_chat_export_s_messages_are_items_of_their_stamp_s_day(stamp):
    text = (
        "Valley Monitors | channel export\n\n"
        + stamp.format(d="03") + "at least 6 killed this morning at the market, ~20 injured\n\n"
        + stamp.format(d="04") + "UPDATE: 2 of the wounded died overnight. toll now 8\n"
    )  # fmt: skip
    first, second = split_page(text)
    assert first.published_on == date(2025, 11, 3) and second.published_on == date(2025, 11, 4)
    assert first.body.startswith("at least 6 killed") and "06:48" not in second.body
    claims = extract_page(text, None, date(2025, 12, 1))
    by_value = {c.claim.value: c for c in claims if c.claim.kind == "numeric"}
    assert by_value[6].article_date == date(2025, 11, 3)  # a short message is kept whole
    assert (by_value[8].claim.quote, by_value[8].article_date) == ("8", date(2025, 11, 4))


def test_numbered_communiques_under_a_place_and_a_weekday_are_items_of_their_own():
    text = (
        "DEFENCE STATEMENTS | in translation\n\n"
        "----------\n\n"
        "Communique No. 61\n"
        "Port Sudan, Sunday 2 March 2025\n\n"
        "FORCES REPEL ASSAULT ON EL OBEID\n\n"
        "Our forces destroyed 11 combat vehicles in today's fighting.\n\n"
        "----------\n\n"
        "Communique No. 62\n"
        "Port Sudan, Monday 3 March 2025\n\n"
        "AIR STRIKES IN WEST KORDOFAN\n\n"
        "The Air Force destroyed 12 tanks around En Nahud.\n"
    )
    dated = [(a.published_on, "tanks" in a.body) for a in split_page(text) if "destroyed" in a.body]
    assert dated == [(date(2025, 3, 2), False), (date(2025, 3, 3), True)]


def test_a_report_based_on_information_received_as_of_an_hour_and_day_is_of_that_day():
    text = (
        "Monitoring Mission to the Region\n"
        "Daily Report 62/2021\n"
        "Based on information received as of 19:30, 17 March 2021\n\n"
        "The Mission recorded 214 ceasefire violations in Donetsk region.\n"
    )
    assert [a.published_on for a in split_page(text)] == [date(2021, 3, 17)]


def test_a_headline_over_its_place_and_day_line_stays_with_its_story():
    text = (
        "Eastern DR Congo: more than 85,000 newly displaced in North Kivu since 1 May\n"
        "Geneva, Friday 23 May 2025\n\n"
        "UN agencies warned on Friday that fighting had spread across Masisi territory.\n"
    )
    articles = split_page(text)
    assert [(a.published_on, a.body.startswith("Eastern DR Congo")) for a in articles] == [
        (date(2025, 5, 23), True)
    ]


def test_a_box_headed_since_a_day_is_dated_by_the_page_not_by_that_day():
    text = (
        "Daily casualty bulletins: Sarhad city\n\n"
        "Since 18 May 2025\n\n400 killed\n\n1,863 injured\n\n"
        "Figures as of 20:00 on 9 June 2025. Provisional.\n\n"
        "The directorate publishes a bulletin every evening.\n"
    )
    (article,) = split_page(text, date(2025, 6, 9))
    assert article.published_on == date(2025, 6, 9)
