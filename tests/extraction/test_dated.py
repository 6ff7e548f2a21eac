"""Date claims (extraction/dated.py): an event tied to a date a reader can check.

Sentences written for these tests; the article is dated Friday 14 March 2025.
"""

from __future__ import annotations

from datetime import date

import pytest

from claims_app.extraction.claims import extract_claims

FRI_14_MARCH_2025 = date(2025, 3, 14)


def date_claims(text: str) -> dict[str, str | None]:
    return {
        c.quote: c.event_date for c in extract_claims(text, FRI_14_MARCH_2025) if c.kind == "date"
    }


@pytest.mark.parametrize(
    ("text", "quote", "iso"),
    [
        ("On Tuesday, a convoy of aid trucks reached Kadugli.",
         "On Tuesday, a convoy of aid trucks reached Kadugli", "2025-03-11"),
        ("The Adre crossing has been closed since 28 February.",
         "has been closed since 28 February", "2025-02-28/2025-03-14"),
        ("The town has been under blockade since 2015.",
         "has been under blockade since 2015", "2015-01-01/2025-03-14"),
        ("Gunmen stormed a police post in Kaya over the weekend.",
         "stormed a police post in Kaya over the weekend", "2025-03-08/2025-03-09"),
        ("Floods swept through Jowhar between 2 and 9 March.",
         "swept through Jowhar between 2 and 9 March", "2025-03-02/2025-03-09"),
        # the statement's own day ends an open period
        ("The Kalma road has been blocked since 1 March, OCHA said on Wednesday.",
         "has been blocked since 1 March", "2025-03-01/2025-03-12"),
        # visits and floods are events too
        ("The state governor visited Okokolo on Monday.",
         "visited Okokolo on Monday", "2025-03-10"),
        ("The Goulbi river burst its banks near Madarounfa on 10 March.",
         "burst its banks near Madarounfa on 10 March", "2025-03-10"),
        # an event named by the subject and dated inside it, before its toll
        ("A drone strike on a market near Mellit on 9 March killed 14 people.",
         "A drone strike on a market near Mellit on 9 March", "2025-03-09"),
        # an event the date names
        ("Since the coup of 1 February 2021, more than 3 million people have fled.",
         "the coup of 1 February 2021", "2021-02-01"),
        # retaking a town, burying the dead, detecting an outbreak are events too
        ("The army retook Velm on 11 January 2025.", "retook Velm on 11 January 2025",
         "2025-01-11"),
        ("The Red Crescent buried the victims in Arvo on Wednesday.",
         "buried the victims in Arvo on Wednesday", "2025-03-12"),
        # setting up, renewing, peaking, ordering, foiling: events of their own
        ("Lusenda camp was set up in 2023 for families fleeing the fighting.",
         "set up in 2023 for families fleeing the fighting", "2023"),
        ("The state of emergency was renewed on 1 March.", "was renewed on 1 March",
         "2025-03-01"),
        ("Cholera cases peaked in February.", "peaked in February", "2025-02"),
        ("The governor ordered the evacuation of Bakti on Monday.",
         "ordered the evacuation of Bakti on Monday", "2025-03-10"),
        ("Road access to Ruvo was cut from 3 to 9 March.", "was cut from 3 to 9 March",
         "2025-03-03/2025-03-09"),
        # an event named by a noun and its place, with no verb of its own
        ("Residents fled after clashes in Ganta between 2 and 4 March.",
         "clashes in Ganta between 2 and 4 March", "2025-03-02/2025-03-04"),
        ("Traders blame the airstrikes on Hodeidah port last Wednesday for the shortages.",
         "airstrikes on Hodeidah port last Wednesday", "2025-03-12"),
    ],
)  # fmt: skip
def test_date_claims(text: str, quote: str, iso: str) -> None:
    found = date_claims(text)
    assert found.get(quote) == iso, found


def test_the_quarter_is_a_period_of_its_own() -> None:
    found = date_claims("Fighting escalated around Kupiansk in the third quarter of 2024.")
    assert list(found.values()) == ["2024-07-01/2024-09-30"]


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed six people in Avdiivka on 11 March.",  # the date is the figure's
        "The next distribution is planned for 20 March.",  # a plan, not an event
        "OCHA said on Wednesday that access remained difficult.",  # when it was said
        "On 10 October, armed men attacked the village.",  # a date, never ten attacks
        "Attacks on convoys were recorded in February.",  # a tally of events, not one
    ],
)
def test_not_date_claims_of_their_own(text: str) -> None:
    claims = extract_claims(text, FRI_14_MARCH_2025)
    if text.startswith("On 10 October"):
        assert [c.kind for c in claims] == ["date"]  # the attack's day; no count of 10
        return
    assert [c for c in claims if c.kind == "date"] == []


def test_an_event_of_the_article_s_own_day_in_the_past_tense_is_a_date_claim() -> None:
    found = date_claims(
        "A drone struck the main hospital in El Fasher on Friday, the ministry said."
    )
    assert found == {"A drone struck the main hospital in El Fasher on Friday": "2025-03-14"}


def test_a_plan_for_the_article_s_own_day_is_not() -> None:
    assert date_claims("Talks are due to resume in Jeddah on Friday.") == {}


def test_each_entry_of_a_timeline_is_a_date_claim_in_whatever_tense() -> None:
    text = (
        "Timeline\n\n"
        "- 2011 – Protests spread from Deraa to other cities.\n\n"
        "- June 2014 – Fighters seize Mosul after a six-day offensive.\n\n"
        "- 2–3 May 2024 – Floods kill 41 people in Baghlan province.\n\n"
        "- 9 January 2025 – The ceasefire takes effect.\n"
    )
    found = date_claims(text)
    assert found == {
        "2011 – Protests spread from Deraa to other cities": "2011",
        "June 2014 – Fighters seize Mosul after a six-day offensive": "2014-06",
        "2–3 May 2024 – Floods kill": "2024-05-02/2024-05-03",  # its toll is a claim of its own
        "9 January 2025 – The ceasefire takes effect": "2025-01-09",
    }
    toll = [c for c in extract_claims(text, FRI_14_MARCH_2025) if c.value == 41]
    assert [(c.quote, c.category) for c in toll] == [("41 people", "killed")]


def test_an_incident_list_item_opening_with_its_day_and_place_is_a_date_claim() -> None:
    found = date_claims(
        "- 3 March, Andar district, Ghazni: three boys were injured when a grenade they "
        "found in a stream bed exploded.\n"
        "- 9 March, Kunduz city: a tractor struck an anti-tank mine on farmland.\n"
    )
    assert found == {
        "3 March, Andar district, Ghazni: three boys were injured when a grenade they "
        "found in a stream bed exploded": "2025-03-03",
        "9 March, Kunduz city: a tractor struck an anti-tank mine on farmland": "2025-03-09",
    }


def test_a_line_too_short_to_tell_an_event_or_a_year_in_a_list_of_figures_is_no_entry() -> None:
    assert date_claims("17 May – 4 June: distributions.") == {}
    assert date_claims("2024 Funding received: 12 per cent of the appeal.") == {}


@pytest.mark.parametrize(
    ("text", "quote", "iso"),
    [
        # a subject that is an event: the event's day, besides its toll's
        (
            "GOMA (Reuters) - A drone strike on a market in Sake killed 12 people and wounded "
            "30 on Tuesday, a hospital official said.",
            "A drone strike on a market in Sake killed 12 people and wounded 30 on Tuesday",
            "2025-03-11",
        ),
        (
            "Shelling killed six people in Avdiivka on 11 March.",
            "Shelling killed six people in Avdiivka on 11 March",
            "2025-03-11",
        ),
        # a day opening the sentence: what happened that day, whatever its verb
        (
            "On 3 March, a convoy of 20 buses took 900 people from Renk to Malakal.",
            "3 March, a convoy of 20 buses took 900 people from Renk to Malakal",
            "2025-03-03",
        ),
        (
            "Last week, security forces detained 14 men in Niono.",
            "Last week, security forces detained 14 men in Niono",
            "2025-03-03/2025-03-09",
        ),
        # a span that opens the sentence, with an event's verb
        (
            "Between 1 and 9 March, soldiers burned nearly 300 homes in Kessa.",
            "Between 1 and 9 March, soldiers burned nearly 300 homes in Kessa",
            "2025-03-01/2025-03-09",
        ),
        # the figure is what the event's verb acted on: the day is the event's too
        (
            "Gunmen set fire to dozens of homes in Tora on Tuesday.",
            "Gunmen set fire to dozens of homes in Tora on Tuesday",
            "2025-03-11",
        ),
        (
            "Militants ambushed a convoy of 17 aid trucks near Luuq on Wednesday.",
            "ambushed a convoy of 17 aid trucks near Luuq on Wednesday",
            "2025-03-12",
        ),
    ],
)
def test_a_dated_event_beside_its_toll(text: str, quote: str, iso: str) -> None:
    found = date_claims(text)
    assert found.get(quote) == iso, found
    assert [c.kind for c in extract_claims(text, FRI_14_MARCH_2025)].count("numeric") >= 1


def test_a_weekday_glossed_in_brackets_opens_the_sentence() -> None:
    found = date_claims("On Friday (7 March), a bomber detonated explosives in Aren.")
    assert list(found.values()) == ["2025-03-07"]


def test_a_security_log_s_entries_are_date_claims_after_their_hour_and_area():
    log = (
        "11/03, 05:40 — Walikale territory: Heavy-weapons fire was reported around "
        "Pinga, 9 km south of the river. Two civilians were killed.\n\n"
        "12/03, night — Beni territory: Armed men looted the health centre in Mantumbi.\n"
    )
    assert date_claims(log) == {
        "11/03, 05:40 — Walikale territory: Heavy-weapons fire was reported around Pinga": (
            "2025-03-11"
        ),
        "12/03, night — Beni territory: Armed men looted the health centre in Mantumbi": (
            "2025-03-12"
        ),
    }


def test_a_level_the_figure_reached_on_a_day_is_the_figure_s_date_not_an_event() -> None:
    text = "The number of people in the camps reached 1,196,000 on 10 March."
    assert date_claims(text) == {}


def test_a_sentence_that_also_speaks_of_plans_keeps_its_past_events() -> None:
    # "would", "plans to" make a sentence speak of the future; its past days stay past
    found = date_claims(
        "Last Thursday, several hundred refugees protested outside the distribution centre "
        "in Kakuma after WFP announced that rations would fall from April."
    )
    assert list(found.values()) == ["2025-03-06"], found
    found = date_claims(
        "Fighting broke out in Khartoum on April 15, 2023, over plans to merge the forces."
    )
    assert found == {"Fighting broke out in Khartoum on April 15, 2023": "2023-04-15"}


def test_a_span_opening_a_sentence_whose_subject_is_its_figure_dates_the_figure() -> None:
    assert date_claims("Between 1 and 9 March, 2,100 people crossed into Chad at Adre.") == {}
    assert date_claims("Over the weekend, another 350 people reached Pulka.") == {}
    # ... unless the clause tells of an event besides the count
    found = date_claims(
        "Over the weekend, seven passengers died when their bus struck a mine near Sevare."
    )
    assert list(found.values()) == ["2025-03-08/2025-03-09"], found


@pytest.mark.parametrize(
    "text",
    [
        "The WHO has recorded 9 attacks on health care in South Kordofan since the start of "
        "the year.",
        "That brings to 4,120 the number of migrants intercepted and returned since 1 January.",
        "More than 9,000 homes have been damaged or destroyed since October 2023.",
    ],
)
def test_a_tally_since_a_date_is_the_figure_s_period_not_an_event(text: str) -> None:
    assert date_claims(text) == {}


def test_a_state_imposed_since_a_date_is_still_a_date_claim() -> None:
    found = date_claims("The siege imposed by the militia since 2015 has cut Taiz off.")
    assert list(found.values()) == ["2015-01-01/2025-03-14"], found


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Teachers in the north have not been paid since late 2016.",
         "have not been paid since late 2016"),
        ("The province has faced an armed insurgency since October 2017.",
         "has faced an armed insurgency since October 2017"),
        ("The clinic has been operating above capacity since mid-January.",
         "has been operating above capacity since mid-January"),
        ("Martial law, in force since 24 February 2022, was extended again.",
         "in force since 24 February 2022"),
    ],
)  # fmt: skip
def test_any_verb_in_the_perfect_holds_a_state_since_its_date(text: str, quote: str) -> None:
    assert quote in date_claims(text), date_claims(text)


def test_a_count_made_since_a_date_is_no_state() -> None:
    assert date_claims("Since January, WHO has verified 40 attacks on health care.") == {}


def test_a_line_dated_before_its_words_never_breaks_the_article():
    # "Correction, 17 May 2024:" opens the line as a dateline does: its day is the
    # correction's, and it had made the whole article fail (an AttributeError)
    text = (
        "Satellite images show 187 buildings destroyed in Al-Hilaliya.\n\n"
        "Correction, 17 May 2024: An earlier version of this article said 216 buildings "
        "had been destroyed in Al-Hilaliya."
    )
    claims = extract_claims(text, FRI_14_MARCH_2025)
    assert "187 buildings" in [c.quote for c in claims]
    assert [c for c in claims if c.kind == "date" and "17 May" in c.quote] == []
