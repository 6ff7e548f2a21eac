from datetime import date

import pytest

from claims_app.extraction.dates import find_dates

THU_30_MAY_2019 = date(2019, 5, 30)


@pytest.mark.parametrize(
    ("text", "anchor", "phrase", "iso"),
    [
        ("a statement issued on Wednesday said", THU_30_MAY_2019, "on Wednesday", "2019-05-29"),
        ("shelling on Thursday morning", THU_30_MAY_2019, "on Thursday", "2019-05-30"),
        ("Last Monday, the team said", date(2019, 5, 24), "Last Monday", "2019-05-20"),
        ("the strikes last Wednesday", date(2025, 8, 14), "last Wednesday", "2025-08-06"),
        ("a meeting is set to take place on Friday", date(2019, 5, 15), "on Friday", "2019-05-17"),
        ("fled since late April", date(2019, 5, 17), "since late April", "2019-04-21/2019-05-17"),
        (
            "in the period between February 2 and May 20",
            date(2019, 5, 24),
            "between February 2 and May 20",
            "2019-02-02/2019-05-20",
        ),
        (
            "between 1 December and 3 January",
            date(2020, 1, 10),
            "between 1 December and 3 January",
            "2019-12-01/2020-01-03",
        ),
        ("the bombings on July 27, 2017", date(2018, 7, 27), "July 27, 2017", "2017-07-27"),
        # a day written as an ordinal, as police and many national papers write it
        ("On Sunday, 9th February 2025, bandits attacked", date(2025, 2, 11),
         "9th February 2025", "2025-02-09"),
        ("on the 3rd of March 2025", date(2025, 3, 11), "3rd of March 2025", "2025-03-03"),
        ("he defected in 2015", date(2017, 5, 17), "2015", "2015"),
        (
            "chemical weapons used last week",
            date(2019, 5, 28),
            "last week",
            "2019-05-20/2019-05-26",
        ),
        (
            "attacks over the past 24 hours",
            THU_30_MAY_2019,
            "over the past 24 hours",
            "2019-05-29/2019-05-30",
        ),
        ("in the past week", date(2022, 9, 9), "in the past week", "2022-09-02/2022-09-09"),
        (
            "since the start of the month",
            date(2023, 10, 13),
            "the start of the month",
            "2023-10-01/2023-10-13",
        ),
        ("as happened two years ago", date(2018, 7, 27), "two years ago", "2016"),
        (
            "no aid since December 10",
            date(2020, 2, 11),
            "since December 10",
            "2019-12-10/2020-02-11",
        ),
        ("a report published in May 2019", date(2019, 6, 2), "May 2019", "2019-05"),
        ("injured yesterday", date(2021, 3, 5), "yesterday", "2021-03-04"),
        ("earlier this month", date(2021, 3, 5), "earlier this month", "2021-03-01/2021-03-05"),
        ("last month", date(2021, 3, 5), "last month", "2021-02"),
        ("since 2011", date(2017, 5, 17), "since 2011", "2011-01-01/2017-05-17"),
        ("Deaths by zone, 1 January – 28 February 2025:", date(2025, 3, 4),
         "1 January – 28 February 2025", "2025-01-01/2025-02-28"),
        # epidemiological weeks are ISO weeks, Monday to Sunday, of the year given or read
        ("cases rose from 1 200 in epi week 9", date(2025, 4, 24), "epi week 9",
         "2025-02-24/2025-03-02"),
        ("in epidemiological week 38 of 2024", date(2025, 1, 8),
         "epidemiological week 38 of 2024", "2024-09-16/2024-09-22"),
        ("deaths in epi week 51", date(2025, 1, 8), "epi week 51", "2024-12-16/2024-12-22"),
        # a message's parts of its own day
        ("3 shells hit near the water station this evening", date(2025, 11, 3),
         "this evening", "2025-11-03"),
        ("the clinic closed earlier today", date(2025, 11, 3), "earlier today", "2025-11-03"),
        # bulletins drop the "epi": a bare week number after a preposition or a bracket
        ("In week 38 alone, 2,316 new cases were recorded", date(2024, 9, 25), "week 38",
         "2024-09-16/2024-09-22"),
        ("1,284 people arrived by sea (week 22: 1,017)", date(2025, 6, 10), "week 22",
         "2025-05-26/2025-06-01"),
        # a stand at the end of a month is its last day; late in a month, its last days
        ("the plan was 7 per cent funded at the end of February", date(2025, 3, 4),
         "the end of February", "2025-02-28"),
        ("clashes towards the end of January", date(2025, 3, 4), "the end of January",
         "2025-01-21/2025-01-31"),
        # whole months: a projection, a year to date, a season across the new year
        ("projected for June to September 2026", date(2026, 6, 26), "June to September 2026",
         "2026-06-01/2026-09-30"),
        ("dead and missing, Jan-Sep 2025", date(2026, 10, 8), "Jan-Sep 2025",
         "2025-01-01/2025-09-30"),
        ("between June and September", date(2026, 10, 8), "between June and September",
         "2026-06-01/2026-09-30"),
        ("the lean season from October to March", date(2026, 11, 2), "from October to March",
         "2026-10-01/2027-03-31"),
        ("from November 2025 to February 2026", date(2026, 3, 2),
         "from November 2025 to February 2026", "2025-11-01/2026-02-28"),
        ("5,407 in the first nine months of 2026", date(2026, 10, 8),
         "the first nine months of 2026", "2026-01-01/2026-09-30"),
    ],
)  # fmt: skip
def test_date_phrases_resolve_against_the_article_date(text, anchor, phrase, iso):
    mentions = find_dates(text, anchor)
    assert [(m.text, m.iso) for m in mentions] == [(phrase, iso)]
    (m,) = mentions
    assert text[m.start : m.end] == m.text


def test_a_week_counted_from_an_event_is_no_calendar_week():
    assert find_dates("It was week 3 of the siege.", date(2025, 3, 13)) == []


def test_the_verb_may_is_not_a_month():
    assert find_dates("casualties may rise further", date(2020, 2, 11)) == []


def test_relative_phrases_need_an_article_date():
    assert find_dates("on Wednesday, last week", None) == []
    assert [m.iso for m in find_dates("on 3 March 2020", None)] == ["2020-03-03"]


@pytest.mark.parametrize(
    ("text", "phrase", "iso"),
    [
        ("Gunmen attacked the camp on 3 March. Since then, 4,000 people have left.",
         "Since then", "2025-03-03/2025-03-14"),
        ("Shelling hit the town on 9 and 10 March; 31 people died over the two days.",
         "over the two days", "2025-03-09/2025-03-10"),
        ("A market was struck on 11 March. On the following day, two more strikes followed.",
         "On the following day", "2025-03-12"),
        ("The bridge collapsed on 6 March and 400 families fled in the following days.",
         "in the following days", "2025-03-06/2025-03-14"),
        ("Talks opened on 12 March. The day before, 12 civilians were killed in Bor.",
         "The day before", "2025-03-11"),
        ("A convoy was looted on 2 March, and a second one was stopped that same day.",
         "that same day", "2025-03-02"),
        ("Between 1 and 10 March, 412 violations were recorded. Over the same period, "
         "shelling killed 31 civilians.", "Over the same period", "2025-03-01/2025-03-10"),
    ],
)  # fmt: skip
def test_dates_that_point_back_at_the_last_day_named(text: str, phrase: str, iso: str) -> None:
    found = {d.text: d.iso for d in find_dates(text, date(2025, 3, 14))}
    assert found.get(phrase) == iso


def test_a_pointing_phrase_with_no_day_before_it_is_no_date() -> None:
    found = find_dates("Since then, the situation has worsened.", date(2025, 3, 14))
    assert found == []


def test_two_days_joined_by_a_word_are_two_days_not_a_period():
    found = find_dates("clashes on 2 May and 9 June", date(2025, 7, 1))
    assert [m.iso for m in found] == ["2025-05-02", "2025-06-09"]
    found = find_dates("arrivals in March and April 2025 fell", date(2025, 7, 1))
    assert [m.iso for m in found] == ["2025-03", "2025-04"]  # "and" joins two months


@pytest.mark.parametrize("text", ["killed 129 civilians in 19 separate attacks",
                                  "19 marchers were hurt", "the 4 mayors met"])  # fmt: skip
def test_a_month_abbreviation_inside_a_word_is_no_date(text):
    assert find_dates(text, date(2025, 3, 4)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 2025-03-14, drones hit the port.", "2025-03-14"),
        ("On 14/03/2025, drones hit the port.", "2025-03-14"),
        ("In the early hours of 14.03.2025, drones hit the port.", "2025-03-14"),
        ("On 03/20/2025, drones hit the port.", "2025-03-20"),  # only month first can be
        ("On 04/03/2025, drones hit the port.", "2025-03-04"),  # day first, as bulletins write
        ("The road has been closed since 20/02/2025.", "2025-02-20/2025-03-21"),
    ],
)
def test_a_day_written_in_digits_is_a_date(text: str, expected: str) -> None:
    found = find_dates(text, date(2025, 3, 21))
    assert [d.iso for d in found] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Call the hotline on 0912-345-678.",
        "The 2022-23 season was dry.",
        "Version 1.14.2025.3",
        "It cost 14/03/20251 units.",
        "Lines 2025-03-14-2 and 7 were cut.",
    ],
)
def test_digits_that_only_look_like_a_day_are_not_one(text: str) -> None:
    assert [d.iso for d in find_dates(text, date(2025, 3, 21)) if d.precision == "day"] == []


@pytest.mark.parametrize(
    ("text", "phrase", "iso"),
    [
        ("04/03, 14:30 — shelling was reported", "04/03", "2024-03-04"),
        ("road movement has been suspended since 07/02", "since 07/02", "2024-02-07/2024-03-12"),
        ("07-08/03, night — fighters attacked the village", "07-08/03", "2024-03-07/2024-03-08"),
        ("two pumps out of order since 18/09", "since 18/09", "2023-09-18/2024-03-12"),
    ],
)
def test_a_log_s_day_and_month_in_digits_take_the_page_s_year(text, phrase, iso):
    (found,) = find_dates(text, date(2024, 3, 12))
    assert (found.text, found.iso) == (phrase, iso)


@pytest.mark.parametrize(
    "text",
    ["open 24/7 for calls", "split 50/50 between them", "about 1/2 of the households",
     "a ratio of 3/10", "in 2/3 of the districts"],
)  # fmt: skip
def test_fractions_schedules_and_shares_written_with_a_slash_are_no_dates(text):
    assert find_dates(text, date(2024, 3, 12)) == []
