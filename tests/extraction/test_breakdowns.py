"""Breakdown lists (extraction/breakdowns.py): the lead-in says what and when, items where."""

from __future__ import annotations

from datetime import date

from claims_app.extraction.claims import extract_claims

PAGE = (
    "The monitor recorded 260 civilian deaths in the two months.\n\n"
    "Civilian deaths by district, 1 March – 30 April 2025:\n"
    "  - Ostra: 104 (37 of them in air strikes)\n"
    "  - Vesna Valley: 71\n"
    "  - Other districts: 85\n\n"
    "Aid reached the valley on 2 May.\n"
)


def _numeric(text: str) -> dict[str, object]:
    return {c.quote: c for c in extract_claims(text, date(2025, 5, 6)) if c.kind == "numeric"}


def test_an_item_counts_what_the_lead_in_names_over_its_period_in_the_item_s_place() -> None:
    found = _numeric(PAGE)
    item = found["104"]
    assert (item.category, item.location, item.event_date) == (
        "killed",
        "Ostra",
        "2025-03-01/2025-04-30",
    )
    assert (found["71"].category, found["71"].location) == ("killed", "Vesna Valley")


def test_a_sub_count_in_an_item_is_of_the_item_and_a_catch_all_label_is_no_place() -> None:
    found = _numeric(PAGE)
    assert found["37"].category == "killed" and found["37"].location == "Ostra"
    assert found["85"].category == "killed" and found["85"].location is None


def test_a_list_without_a_lead_in_is_read_as_prose() -> None:
    text = "Shelling hit Ostra on Monday.\n  - Vesna: 12 homes were damaged\n"
    assert "12 homes" in _numeric(text)  # no line ending in a colon above: no breakdown


def test_an_item_s_own_words_say_what_its_figures_count() -> None:
    text = "Civilian casualties by region, May 2025:\n  - Sagaing: 48 killed, 71 injured\n"
    found = _numeric(text)
    assert (found["48"].category, found["71 injured"].category) == ("killed", "injured")
    assert found["48"].location == "Sagaing"


def test_a_bare_count_after_an_of_the_opener_is_a_part_of_its_total():
    """ "Of the 23 health centres, only 9 are fully functional": nine health centres."""
    claims = [
        c
        for c in extract_claims(
            "Of the 31 health centres in Walikale, only 9 are fully functional.", date(2025, 3, 1)
        )
        if c.kind == "numeric"
    ]
    assert [(c.quote, c.unit, c.part_of) for c in claims] == [
        ("31 health centres", "facilities", None),
        ("9", "facilities", 0),
    ]


def test_a_sentence_opening_on_those_killed_breaks_down_the_total_before_it():
    text = (
        "Since 1 January 2024, the mission has verified 2,410 civilians killed and 5,120 "
        "injured. Of those killed, 1,210 were men and 402 women. Among the injured were "
        "812 children."
    )
    claims = [c for c in extract_claims(text, date(2025, 3, 1)) if c.kind == "numeric"]
    got = {c.quote: (c.category, c.event_date, c.part_of) for c in claims}
    assert got["1,210"] == ("killed", "2024-01-01/2025-03-01", 0)
    assert got["402 women"] == ("killed", "2024-01-01/2025-03-01", 0)
    assert got["812 children"] == ("injured", "2024-01-01/2025-03-01", 1)
