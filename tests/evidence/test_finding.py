"""Finding the claim's figure in a source's text: what agrees and what does not, on
texts written for these tests (the labelled pairs in fixtures/evidence measure it)."""

from datetime import date

import pytest

from claims_app.evidence.finding import find_figure
from claims_app.incidents.matching import Report


def _claim(value, value_max, qualifier, category, quote, *, unit=None, subject=None,
           location=None, first=None, last=None) -> Report:  # fmt: skip
    """The claim's figure, in the order a reader names it."""
    return Report(category, unit, location, first, last or first, subject, value, value_max,
                  qualifier, quote)  # fmt: skip


KILLED_14 = _claim(14, None, "at_least", "killed", "at least 14 civilians", unit="people",
                   subject="civilians", location="Ebrimsa")  # fmt: skip


def _found(wanted: Report, text: str) -> list[str]:
    return [f.quote for f in find_figure(wanted, text)]


@pytest.mark.parametrize(
    "text",
    [
        "Fourteen civilians were killed when shells hit the market in Ebrimsa on Thursday.",
        "Shelling killed 14 people in Ebrimsa on Thursday, the civil defence said.",
        "At least 17 civilians were killed in Ebrimsa on Thursday, medics said.",
        "More than 13 people were killed in the shelling of Ebrimsa, the agency said.",
    ],
)
def test_a_figure_the_claim_allows_is_found_however_written(text):
    assert len(_found(KILLED_14, text)) == 1


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Fourteen civilians were injured when shells hit the market in Ebrimsa.", "injured"),
        ("Shelling killed 11 civilians in Ebrimsa on Thursday.", "fewer than 14"),
        ("Fourteen children were among those killed in Ebrimsa on Thursday.", "a group"),
        ("At least 12 people were killed in Ebrimsa, medics said.", "a weaker floor"),
        ("The market in Ebrimsa reopened on 14 March, 14 km from the front.", "a date"),
        ("Dozens of people were killed in Ebrimsa, residents said.", "a vague amount"),
    ],
)
def test_figures_that_do_not_give_the_claims_are_not_offered(text, why):
    assert _found(KILLED_14, text) == [], why


def test_a_part_of_a_total_is_not_the_total():
    exact = _claim(14, None, "exact", "killed", "14 people", unit="people", subject="people",
                   location="Ebrimsa")  # fmt: skip
    text = "Shelling killed 60 people in Ebrimsa, among them 14 women and nine children."
    assert _found(exact, text) == []
    assert _found(KILLED_14, text) == ["60 people"]  # "at least 14" is true of 60


def test_the_same_number_written_differently_and_estimates_within_a_twentieth():
    displaced = _claim(1_200_000, None, "exact", "displaced", "1,200,000 people",
                       unit="people", subject="people", location="Karun")  # fmt: skip
    text = ("Some 1.2 million people have been displaced in Karun since January.\n\n"
            "About 300,000 people have returned home.")  # fmt: skip
    assert _found(displaced, text) == ["Some 1.2 million people"]
    about = _claim(500, None, "approx", "displaced", "about 500 families", unit="households",
                   subject="families", location="Karun")  # fmt: skip
    assert _found(about, "Some 480 families were displaced in Karun.") == ["Some 480 families"]
    assert _found(about, "Some 440 families were displaced in Karun.") == []


def test_nearly_is_under_the_number_and_over_is_above_it():
    over = _claim(300, None, "more_than", "detained", "over 300 people", unit="people",
                  subject="people", location="Kalu")  # fmt: skip
    assert _found(over, "Nearly 300 people were detained in Kalu last week.") == []
    assert _found(over, "Some 320 people were detained in Kalu last week.") == ["Some 320 people"]


def test_a_figure_about_another_place_in_its_own_sentence_is_not_the_claims():
    text = ("Shelling killed 14 civilians in Dovra on Thursday. In Ebrimsa, 5 people were "
            "killed.")  # fmt: skip
    assert _found(KILLED_14, text) == []
    district = ("Gunmen killed 14 people in Masari district on Sunday.\n\n"
                "The attackers reached Ebrimsa village shortly after dawn.")  # fmt: skip
    assert _found(KILLED_14, district) == ["14 people"]  # the district's toll of the village


def test_a_month_is_not_the_year_to_date():
    july = _claim(310, None, "exact", "killed", "310 people", unit="people", subject="people",
                  location="Sarkand", first=date(2024, 7, 1), last=date(2024, 7, 31))  # fmt: skip
    text = ("Ministry of Health statement\n3 August 2024\n\nThe number of people killed in "
            "Sarkand since 1 January has reached 310.")  # fmt: skip
    assert _found(july, text) == []


def test_the_sentence_and_reason_come_with_each_figure():
    text = "Relief teams arrived.\n\nFourteen civilians were killed in Ebrimsa, medics said."
    (found,) = find_figure(KILLED_14, text)
    assert text[found.sentence_start : found.sentence_end] == (
        "Fourteen civilians were killed in Ebrimsa, medics said.")  # fmt: skip
    assert text[found.start : found.end] == "Fourteen civilians"
    assert found.reason.startswith("the same kind of count")


def test_a_claim_with_no_count_looks_for_nothing():
    event = _claim(None, None, None, None, "the hospital was hit")
    assert find_figure(event, "Fourteen civilians were killed in Ebrimsa.") == []


def test_a_group_under_another_of_its_names_is_the_same_group():
    aid = _claim(5, None, "at_least", "killed", "at least five aid workers", unit="people",
                 subject="aid workers", location="Lutara")  # fmt: skip
    text = "Five humanitarian workers were killed in Lutara on Saturday, the agency said."
    assert _found(aid, text) == ["Five humanitarian workers"]
    assert _found(aid, "Five health workers were killed in Lutara on Saturday.") == []
