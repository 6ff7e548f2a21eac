"""Idioms that decide whether two reports of one strike can be matched: the day a
paragraph goes on telling of, containing places, tolls that have risen, people taken
in a raid, and words that look like a count of one and are not."""

from datetime import date

import pytest

from claims_app.extraction.claims import extract_claims

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
    assert wounded.context_date == date(2025, 9, 17)
    assert found["nine traders"].context_date is None  # it has a date of its own
    assert found["Dozens of families"].context_date is None  # another paragraph


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
