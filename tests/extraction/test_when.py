"""When a figure happened (extraction/when.py), on sentences written for these tests.

The article is dated Thursday 13 March 2025.
"""

from __future__ import annotations

from datetime import date

import pytest

from claims_app.extraction.claims import extract_claims

THU_13_MARCH_2025 = date(2025, 3, 13)


def date_of(text: str, quote_start: str) -> str | None:
    found = [c for c in extract_claims(text, THU_13_MARCH_2025) if c.kind == "numeric"]
    for claim in found:
        if claim.quote.startswith(quote_start):
            return claim.event_date
    raise AssertionError(f"no claim quoting {quote_start!r} in {[c.quote for c in found]}")


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        # a state on the day it was stated; a toll said that day happened before it
        ("The ministry said on 26 February that 37 people remained in custody.",
         "37 people", "2025-02-26"),
        ("Police said on 26 February that 12 people were killed in the clashes.",
         "12 people", None),
        # the date of the number compared with is not the figure's
        ("The monitor recorded 96 civilian deaths in February, up from 71 in January.",
         "96 civilian", "2025-02"),
        ("The monitor recorded 96 civilian deaths in February, up from 71 in January.",
         "71", "2025-01"),
        # the period a share compares with is not the share's
        ("Verified civilian casualties were 31 per cent higher than in January.",
         "31 per cent", None),
        ("Arrivals reached 4,200, a 12 per cent increase on February.", "12 per cent", None),
        ("In February 2025, the toll was 14 per cent lower than in the same month of 2024.",
         "14 per cent", "2025-02"),
        ("Arrivals averaged 1,430 a day, compared with 980 in the previous period "
         "(16-28 February).", "1,430", None),
        ("Shelling killed 12 and wounded more than 40 on Tuesday.", "more than 40",
         "2025-03-11"),
        # a figure in a "when" clause is of the month the clause hangs on
        ("It was the worst month since October 2024, when 130 people were killed in Kasai.",
         "130 people", "2024-10"),
        # ", and wounding ..." goes on with the clause that gave the day
        ("Shelling hit the market in Kupiansk on Tuesday, killing four people and "
         "wounding 11 others, officials said.", "11 others", "2025-03-11"),
        # the day something was said is not the day it happened
        ("Food rations for some 300,000 refugees will be halved, WFP warned on Monday.",
         "some 300,000", None),
        # a passive "reported" reports the events: its date is theirs, and "since" opens
        # a period whatever verb comes before it
        ("In Nampula province, 1,126 cholera cases and 9 deaths have been reported since "
         "January.", "9 deaths", "2025-01-01/2025-03-13"),
        ("Fighting in Kalehe displaced about 3,000 people, who were reported on Monday "
         "in Minova.", "about 3,000", None),
        ("Nine deaths were reported on Monday in Kalehe.", "Nine deaths", "2025-03-10"),
        # a week number in a bulletin, with or without "epi", and the one compared with
        ("In week 10 alone, 2,316 new suspected cases were recorded, up from 1,980 in "
         "week 9.", "2,316", "2025-03-03/2025-03-09"),
        ("In week 10 alone, 2,316 new suspected cases were recorded, up from 1,980 in "
         "week 9.", "1,980", "2025-02-24/2025-03-02"),
        # an elliptical conjunct (a figure and a participle, no verb of its own) shares
        # the date of the clause it goes on from, either way round
        ("The ministry said 27 people were killed, 11 of them children, and 64 injured in "
         "Monday's shelling.", "27 people", "2025-03-10"),
        ("Shelling killed 12 people in Kupiansk on Tuesday, and 40 others wounded.",
         "40 others", "2025-03-11"),
        # a sub-count is of its total's day
        ("By Monday, the authorities had recovered nine bodies, including three children.",
         "three children", "2025-03-10"),
        # an open period ends on the day it was said
        ("Some 12,000 people have fled Masisi since 1 March, OCHA said on Tuesday.",
         "Some 12,000", "2025-03-01/2025-03-11"),
        # "during the month" in a monthly report: the month it reports on
        ("Monthly report: attacks on schools in February\n\n"
         "Armed groups damaged 14 schools during the month, the cluster said.",
         "14 schools", "2025-02"),
        # "have since": from the last day named
        ("Gunmen raided the camp at Plaine Savo on 4 March. About 2,300 families have since "
         "fled towards Bule.", "About 2,300", "2025-03-04/2025-03-13"),
        # a running total stands as of the new figures' last day
        ("Six people were killed between 9 and 10 March, bringing the number killed since "
         "1 January to 212.", "212", "2025-01-01/2025-03-10"),
    ],
)  # fmt: skip
def test_figure_date(text: str, quote: str, expected: str | None) -> None:
    assert date_of(text, quote) == expected


def test_money_and_funding_shares_take_the_year_of_their_plan_or_appeal():
    text = (
        "The UN's 2025 appeal for Norland, which seeks $1.3bn, is only 11% funded, the "
        "agency said. Ostra's 2024 humanitarian response plan, which sought US$ 210 "
        "million, ended the year 38 per cent funded, and the health cluster received less "
        "than 5 per cent of the $40 million it requested."
    )
    found = {c.quote: c.event_date for c in extract_claims(text, date(2025, 6, 2))}
    assert found["$1.3bn"] == found["11% funded"] == "2025"
    assert found["US$ 210 million"] == "2024"
    assert found["less than 5 per cent"] == found["$40 million"] == "2024"
    # with no plan's year in the sentence, no year is made up
    plain = "The appeal, which seeks $1.3bn, is only 11% funded."
    assert {c.event_date for c in extract_claims(plain, date(2025, 6, 2))} == {None}


def test_the_week_a_weekly_report_names_is_the_week_its_figures_are_of():
    text = (
        "Weekly overview: Sahel, 9-15 June 2025\n\n"
        "Monitors recorded 214 violent events across the region during the week, and at "
        "least 390 reported fatalities."
    )
    found = {c.quote: c.event_date for c in extract_claims(text, date(2025, 6, 18))}
    assert found["214 violent events"] == "2025-06-09/2025-06-15"
    # with no week named, "during the week" is the seven days before the report's date
    plain = "Monitors recorded 214 violent events across the region during the week."
    dated = {c.quote: c.event_date for c in extract_claims(plain, date(2025, 6, 18))}
    assert dated["214 violent events"] != "2025-06-09/2025-06-15"


def test_a_beheading_is_a_killing():
    text = "Militants beheaded six civilians near Mocimboa on Sunday, residents said."
    [claim] = [c for c in extract_claims(text, date(2025, 6, 18)) if c.kind == "numeric"]
    assert claim.category == "killed"


def test_since_the_start_of_a_year_is_an_open_period_to_the_report_s_day():
    text = "More than 550 migrants have died on the route since the start of 2025."
    assert date_of(text, "More than 550") == "2025-01-01/2025-03-13"
    text = "Since the beginning of 2025, 61 people have been killed in the camps."
    assert date_of(text, "61 people") == "2025-01-01/2025-03-13"
    # the year alone still means the year
    assert date_of("In 2023, 500 people were killed in the camps.", "500 people") == "2023"


def test_the_same_period_of_another_year_is_the_period_named_in_that_year():
    text = (
        "So far this year, the monitor has recorded more than 14,600 fatalities, "
        "compared with about 11,200 over the same period of 2024."
    )
    assert date_of(text, "more than 14,600") == "2025-01-01/2025-03-13"
    assert date_of(text, "about 11,200") == "2024-01-01/2024-03-13"
    text = "Since 1 January, 6,912 were returned, up from 4,870 in the same period last year."
    assert date_of(text, "4,870") == "2024-01-01/2024-03-13"
    # in a sentence of its own, after the one that names the period
    text = (
        "The project has recorded 487 deaths on the route since 1 January. "
        "In the same period of 2024, it recorded 301 deaths."
    )
    assert date_of(text, "301 deaths") == "2024-01-01/2024-03-13"


def test_a_day_in_digits_dates_the_figures_of_its_sentence():
    assert date_of("On 10/03/2025, shelling killed 3 people in Sumy.", "3 people") == "2025-03-10"
    assert date_of("On 2025-03-10, drones injured 12 people in Odesa.", "12 people") == (
        "2025-03-10"
    )


def test_the_previous_week_is_the_week_before_the_one_the_figures_count():
    found = {
        c.quote: c.event_date
        for c in extract_claims(
            "Between 3 and 9 March, 803 new cases were reported, almost twice as many as the "
            "412 recorded in the previous week.",
            THU_13_MARCH_2025,
        )
        if c.kind == "numeric"
    }
    assert found["803 new cases"] == "2025-03-03/2025-03-09"  # "were reported": no speaker
    assert found["412 recorded"] == "2025-02-24/2025-03-02"


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        # the day it was said dates no figure; the conjunct's day dates the toll before it
        ("The health ministry said on Wednesday that 27 people were killed, among them 11 "
         "children, and 64 injured in Monday night's shelling.", "27 people", "2025-03-10"),
        ("The health ministry said on Wednesday that 27 people were killed, among them 11 "
         "children, and 64 injured in Monday night's shelling.", "11 children", "2025-03-10"),
        # a toll after a semicolon is the attack's before it
        ("Lopa, a village 12 km to the north, was attacked on 3 March; at least 23 people "
         "were killed, according to the camp leader.", "at least 23", "2025-03-03"),
        # an incident list's entry: the day its label gives dates the whole entry
        ("22 July, Arghandab district, Kandahar: a tractor struck a mine on farmland, "
         "killing the driver and injuring his two sons.", "two sons", "2024-07-22"),
        # and so is what the attack burned or destroyed
        ("On 2 March a convoy of 38 trucks was ambushed south of Lopa; 14 trucks were burned "
         "and the others turned back.", "14 trucks", "2025-03-02"),
    ],
)  # fmt: skip
def test_a_toll_told_in_its_own_clause_takes_its_event_s_day(text, quote, expected):
    got = date_of(text, quote)
    assert got is not None and got.startswith(expected)


def test_the_day_an_analysis_was_published_dates_no_figure_of_it():
    text = (
        "Half a million people in the two regions face crisis levels of hunger or worse, "
        "according to the latest IPC analysis, published on 12/11/2025."
    )
    assert date_of(text, "Half a million") is None
