"""Idioms that decide whether two reports of one strike can be matched: the day a
paragraph goes on telling of, containing places, tolls that have risen, people taken
in a raid, and words that look like a count of one and are not."""

from datetime import date

import pytest

from claims_app.extraction.claims import extract_claims
from claims_app.extraction.page_claims import extract_page
from claims_app.extraction.pages import split_page

PUBLISHED = date(2025, 9, 20)


def _claims(text: str) -> dict[str, object]:
    return {c.quote: c for c in extract_claims(text, PUBLISHED) if c.kind == "numeric"}


def test_a_figure_without_a_day_carries_its_paragraphs_day_apart_from_its_own():
    text = (
        "Shells landed on the Qaryat al-Tin souk on Wednesday, 17 September, killing "
        "nine traders. About 25 people were wounded.\n\n"
        "Dozens of families left the quarter."
    )
    found = _claims(text)
    wounded = found["About 25 people"]
    assert wounded.event_date is None  # the sentence names no day: its date is empty
    assert wounded.context_first == date(2025, 9, 17)
    assert found["nine traders"].context_first is None  # it has a date of its own
    assert found["Dozens of families"].context_first is None  # another paragraph


def test_the_most_specific_of_two_places_in_apposition_wins():
    text = "A drone hit a bakery in Umm Seyal, in West Harran district, killing five people."
    assert _claims(text)["five people"].location == "Umm Seyal"
    text = "Shelling struck Dovra town, Ketin province, on Monday, killing two children."
    assert _claims(text)["two children"].location == "Dovra town"


@pytest.mark.parametrize(
    ("text", "quote", "category"),
    [
        ("The toll from Friday's bombing has risen to 23 people, the mayor said.",
         "23 people", "killed"),
        ("Soldiers surrounded the camp and dozens of men were led away in buses.",
         "dozens of men", "detained"),
        ("Relatives said 18 youths were taken during the night raid.", "18 youths",
         "detained"),
        ("The ministry said 40 martyrs had been buried in the town.", "40 martyrs", "killed"),
        ("A missile struck the mosque, which was a shelter for displaced families, killing "
         "11 people.", "11 people", "killed"),
        # affected is no harm of its own, whatever the sentence names next
        ("Some 412,000 people have been affected by floods since 14 August, and at least 87 "
         "people have died.", "Some 412,000 people", "other"),
    ],
)  # fmt: skip
def test_what_the_figure_counts(text, quote, category):
    assert _claims(text)[quote].category == category


def test_a_larger_number_after_a_breakdown_cue_is_not_part_of_the_total():
    found = _claims("Four people died, among them a paramedic, and at least 15 people were hurt.")
    assert found["at least 15 people"].part_of is None
    assert found["at least 15 people"].category == "injured"


def test_an_adjective_is_not_a_count_of_one():
    found = _claims("A rocket hit a civilian minibus near the bridge. A civilian was killed.")
    assert [c.quote for c in found.values()] == ["A civilian"]


def test_function_words_are_not_part_of_a_place_name():
    found = _claims("According to camp leaders, 300 families arrived in Sabil camp.")
    assert found["300 families"].location == "Sabil camp"


def test_a_road_between_places_is_placed_by_the_places_it_links():
    text = "Nine passengers were killed when a bus was hit on the road linking Marva and Osk."
    assert _claims(text)["Nine passengers"].location == "Marva and Osk"
    text = "Two drivers were killed on the Marva highway."
    assert _claims(text)["Two drivers"].location == "Marva highway"


DIGEST = """THE MORNING HUMANITARIAN LINE
Friday, 19 September 2025 | No. 88

18 September | NORTH – Harran province, Tel Ubur
Gunmen took 12 farmers from their fields near Tel Ubur, relatives said.

17 September | CENTRE – Qasra district
A mortar round landed near a water point in Qasra, wounding six children.
"""


def test_a_digest_item_under_a_year_less_date_line_is_dated_by_it():
    items = split_page(DIGEST)
    assert [(a.published_on, a.section) for a in items[-2:]] == [
        (date(2025, 9, 18), "NORTH – Harran province, Tel Ubur"),
        (date(2025, 9, 17), "CENTRE – Qasra district"),
    ]
    found = {p.claim.quote: p.claim for p in extract_page(DIGEST)}
    # what an item reports is of its day; the figure's own date stays empty
    assert found["six children"].event_date is None
    assert found["six children"].context_first == date(2025, 9, 17)
    assert found["12 farmers"].context_first == date(2025, 9, 18)


def test_a_lone_articles_masthead_date_does_not_date_its_figures():
    text = (
        "Relief Desk – Statement – Friday, 19 September 2025\n\n"
        "Nine shelters burned and 40 people were displaced in Qasra, the council said."
    )
    found = {p.claim.quote: p.claim for p in extract_page(text)}
    assert found["40 people"].context_first is None


def test_the_one_day_of_another_clause_is_the_figures_context():
    found = _claims(
        "Eleven people were killed when a shell hit the souk on Monday, while 30 people were hurt."
    )
    assert found["30 people"].event_date is None
    assert found["30 people"].context_first == date(2025, 9, 15)
    said = _claims("The mayor said on Monday that 30 people were hurt in the shelling.")
    assert said["30 people"].context_first is None  # the day it was said


def test_as_of_closes_an_open_period():
    found = _claims("As of 12 September, the toll since 1 July stood at 1,480 people killed.")
    assert found["1,480 people"].event_date == "2025-07-01/2025-09-12"


def test_names_opening_with_their_article_and_where_people_fled_from():
    found = _claims(
        "About 2,300 people were displaced from al-Bayyada and nearby hamlets, most of them "
        "towards Qasra town."
    )
    assert found["About 2,300 people"].location == "al-Bayyada"
    found = _claims("Some 800 families have fled Wadi Senn district, most of them to Abu Ras camp.")
    assert found["Some 800 families"].location == "Wadi Senn district"


WIRE = """Raid on hill village kills 14

TOLA, 7 April (Savanna Wire) - Gunmen killed 14 people in a raid on Tola on Sunday, a
county official said.
"""


def test_a_year_less_dateline_takes_the_year_of_the_day_the_page_was_read():
    (story,) = split_page(WIRE, received=date(2026, 12, 3))
    assert story.published_on == date(2026, 4, 7)
    assert split_page(WIRE, received=date(2026, 3, 20))[0].published_on == date(2025, 4, 7)
    assert split_page(WIRE)[0].published_on is None  # nothing to take a year from
    found = {p.claim.quote: p.claim for p in extract_page(WIRE, received=date(2026, 12, 3))}
    assert found["14 people"].event_date == "2026-04-05"


_FEED_ITEM = """{time} GMT | Item {n}

KURMA, Oct. 4 (HW) -- Shelling killed six people in Kurma on Friday, medics said.

The shelling hit the old market, the medics said.

Traders closed their shops for the day.

"""
# A wire feed whose top dates nothing: its first items' datelines have no year (more
# lines than a page's head is read for), and only an older item writes its date whole.
FEED = (
    "Harbour Wire | English service\n\n"
    + "".join(_FEED_ITEM.format(time=f"{20 - n}00", n=n) for n in range(9, 0, -1))
    + "0950 GMT | Item 0\n\n"
    "LOTA, 03/10/2023 (HW) - Floods displaced 900 families in Lota district on Tuesday.\n"
)


def test_a_year_less_dateline_takes_the_year_another_item_of_the_page_writes():
    # the page's own top dates nothing; a later item's dateline writes its year whole
    *kurma, lota = split_page(FEED, received=date(2026, 12, 3))
    assert {item.published_on for item in kurma} == {date(2023, 10, 4)}
    assert lota.published_on == date(2023, 10, 3)
    found = {p.claim.quote: p.claim for p in extract_page(FEED, received=date(2026, 12, 3))}
    assert found["six people"].event_date == "2023-09-29"


def test_key_figures_carry_the_period_the_report_covers():
    text = (
        "Situation Report No. 2 | 12 May 2026\n\n"
        "This report covers the period from 6 to 11 May 2026.\n\n"
        "KEY FIGURES\n"
        "21 people killed in Wadi Oum\n\n"
        "Shelling hit Wadi Oum on 8 May. Homes burned. At least 21 civilians were killed.\n"
    )
    found = {p.claim.quote: p.claim for p in extract_page(text)}
    key = found["21 people"]
    assert key.event_date is None
    assert (key.context_first, key.context_last) == (date(2026, 5, 6), date(2026, 5, 11))
    # two sentences on, the same paragraph still tells of 8 May
    assert found["At least 21 civilians"].context_first == date(2026, 5, 8)


def test_the_wounded_are_placed_where_they_were_hurt_not_where_they_were_taken():
    found = _claims(
        "A shell hit the square in Bel Hasa on 14 September. Eighteen people were wounded "
        "and taken to the district hospital and to the referral clinic in Qasra."
    )
    assert found["Eighteen people"].location == "Bel Hasa"


def test_thousands_written_with_a_k_before_people_are_thousands():
    found = _claims("Est. 43K civilians remain trapped in Milo. Some 12k people fled Dovra.")
    assert found["Est. 43K civilians"].value == 43_000
    assert found["Est. 43K civilians"].qualifier == "approx"
    assert found["Some 12k people"].value == 12_000
    assert _claims("The 12M tower block in Milo was hit on Monday.") == {}  # a name, not 12m


def test_people_in_need_are_at_risk_whatever_help_reaches_them():
    found = _claims(
        "The plan aims to help 3.1m people in need across Ostrel. An estimated 2.38 "
        "million people need food assistance in Kessaria. Partners reached 21,500 "
        "displaced people with food."
    )
    assert found["3.1m people"].category == "at_risk"
    assert found["An estimated 2.38 million people"].category == "at_risk"
    assert found["21,500 displaced people"].category == "other"  # an aid figure


@pytest.mark.parametrize(
    ("text", "quote", "value"),
    [
        ("In North Darfur the share falls to about one-third, as supplies run out.",
         "about one-third", 33.3),
        ("Two thirds were women and children.", "Two thirds", 66.7),
    ],
)  # fmt: skip
def test_a_share_in_words_is_a_share_even_without_of(text, quote, value):
    """ "about one-third" is a third, never a count of one (a figure is sacred)."""
    claims = [c for c in extract_claims(text, date(2025, 4, 9)) if c.kind == "numeric"]
    assert [(c.quote, c.value, c.unit) for c in claims] == [(quote, value, "percent")]


def test_martyrs_are_the_dead_an_agency_counts():
    found = _claims(
        "Seven citizens were martyred and 23 others injured when a drone struck a market in "
        "Kurma on Tuesday, the health office said."
    )
    assert found["Seven citizens"].category == "killed"
    assert found["23 others injured"].category == "injured"


def test_a_figure_a_clause_rose_to_counts_the_clause_subject():
    found = _claims(
        "The ministry said suspected cholera cases recorded since January had risen to 13,214, "
        "including 46 deaths, a case fatality rate of 0.3 per cent."
    )
    assert found["13,214"].category == "other"  # cases, not the deaths said after them
    assert found["46 deaths"].category == "killed"
    assert found["0.3 per cent"].category == "other"  # a rate counts no one
    held = _claims("The number of abductees held in its prisons had exceeded 1,300.")
    (claim,) = held.values()
    assert (claim.quote, claim.value, claim.qualifier) == ("exceeded 1,300", 1300, "more_than")
    assert claim.category == "detained"
    assert _claims("The death toll rose to 31 on Monday.")["31"].category == "killed"
    (passed,) = _claims("The death toll has passed 1,000, the ministry said.").values()
    assert (passed.quote, passed.qualifier, passed.category) == (
        "passed 1,000",
        "more_than",
        "killed",
    )


def test_a_head_line_s_place_and_day_of_issue_after_a_reference_dates_the_page():
    page = (
        "Relief Society | Operational update\n"
        "Ref. OU/KRM/2025/07 – Kurma, 29 July 2025\n\n"
        "Summary\n\n"
        "Floods displaced 900 families in Kurma district on Sunday.\n"
    )
    (article,) = split_page(page)
    assert article.published_on == date(2025, 7, 29)
    found = {p.claim.quote: p.claim for p in extract_page(page)}
    assert found["900 families"].event_date == "2025-07-27"


def test_a_small_figure_compared_with_a_kept_one_is_kept_and_counts_the_same():
    text = "Fourteen incidents of interference were recorded in June, compared with six in May."
    found = {c.quote: c for c in extract_claims(text, date(2025, 7, 1)) if c.kind == "numeric"}
    assert "six" in found and found["six"].value == 6
    assert found["six"].unit == found["Fourteen incidents"].unit
    # a small worded figure with nothing to count and no comparison is still dropped
    plain = "The two sides met in June and agreed to meet again."
    assert [c for c in extract_claims(plain, date(2025, 7, 1)) if c.kind == "numeric"] == []


def test_spoken_estimates_are_approximate():
    for text, quote in [
        ("We think something like 4,000 people have fled the town.", "something like 4,000"),
        ("Maybe 3,000 people are sleeping outside tonight.", "Maybe 3,000"),
    ]:
        found = [c for c in extract_claims(text, date(2026, 3, 16)) if c.kind == "numeric"]
        assert found[0].quote.startswith(quote) and found[0].qualifier == "approx"


def test_a_survey_s_rates_and_intervals_are_read_as_surveys_write_them():
    found = _claims(
        "The survey found a crude death rate of 1.18 deaths per 10,000 people per day "
        "(95% CI 0.94-1.47). Nearly three quarters of violent deaths (74%) were among men. "
        "One in three surveyed households (33%) had lost a member. The site had 1 latrine "
        "per 42 persons."
    )
    values = {quote: claim.value for quote, claim in found.items()}
    # a rate's base and a confidence level are no counts; a ratio's other term is
    assert not any(v in (10_000, 95) for v in values.values())
    assert 42 in values.values()
    # a share in words and the per cent in brackets that states it: one figure, as written
    assert values["Nearly three quarters of violent deaths (74%)"] == 74
    assert [q for q in values if q.startswith("One in three")] and 33.33 not in values.values()


def test_a_prison_term_is_a_figure_and_a_bare_span_of_years_is_not():
    text = (
        "The court sentenced the blogger to 10 years in prison on Tuesday. Prosecutors "
        "had sought 15 years. Organising mass disorder carries 8 to 15 years' "
        "imprisonment. The five others face up to 12 years. The war has lasted 12 years, "
        "and she was freed in 2019, seven years after her arrest."
    )
    found = _claims(text)
    assert {q: (c.value, c.value_max, c.unit) for q, c in found.items()} == {
        "10 years": (10, None, "years"),
        "15 years": (15, None, "years"),
        "8 to 15 years'": (8, 15, "years"),
        "up to 12 years": (12, None, "years"),
        "five others": (5, None, "people"),
    }
    assert found["up to 12 years"].qualifier == "at_most"
    assert found["10 years"].category == "other"  # a term, not a count of the detained


def test_a_charge_s_count_is_a_label_but_a_monitor_that_counts_the_dead_gives_a_figure():
    text = "He was found guilty of pillage (Count 8). A local monitor counts 46 dead."
    assert list(_claims(text)) == ["46 dead"]


def test_an_age_with_its_qualifier_is_no_count():
    found = _claims("Three people died off Wimereux, among them a girl of about seven.")
    assert {q: c.value for q, c in found.items()} == {"Three people": 3, "a girl": 1}
