from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims_app.extraction.claims import extract_claims
from claims_app.extraction.decode import read_page
from claims_app.extraction.page_claims import extract_page
from tests.conftest import FIXTURE_PAGES


def _page(name: str) -> tuple[str, list[dict]]:
    path = FIXTURE_PAGES / name
    text = read_page(path.read_bytes(), path.name).text
    return text, [c.as_record() for c in extract_page(text)]


def _find(records: list[dict], quote_start: str) -> dict:
    matches = [r for r in records if r["quote"].startswith(quote_start)]
    assert matches, f"no claim starting {quote_start!r}"
    return matches[0]


def test_death_toll_with_qualifier_place_date_and_claimant():
    _, records = _page("karun-field-updates-2021-03.txt")
    toll = _find(records, "at least 14 civilians")
    assert toll["value"] == 14 and toll["qualifier"] == "at_least"
    assert toll["category"] == "killed" and toll["unit"] == "people"
    assert toll["location"] == "Ebrimsa"
    assert toll["event_date"] == "2021-03-11"  # "on Thursday", item dated Friday 12 March
    assert toll["attributed_to"] == "The Karun Civil Protection Service"
    children = _find(records, "six children")
    assert records[children["part_of"]] == toll


def test_traps_are_not_claims():
    text, records = _page("karun-field-updates-2021-03.txt")
    quotes = [text[r["start"] : r["end"]] for r in records]
    for trap in ("2417", "122", "21 rockets", "30 in the morning", "6:30", "4\n", "1 of 4"):
        assert not any(q.startswith(trap) for q in quotes), trap
    assert all("round" not in q and "2019" not in q for q in quotes)
    values = {r["value"] for r in records}
    assert not values & {2417, 122, 21, 30}


def test_displacement_since_late_month_is_a_period():
    _, records = _page("karun-field-updates-2021-03.txt")
    fled = _find(records, "Some 12,500 people")
    assert (fled["value"], fled["qualifier"], fled["category"]) == (12500, "approx", "displaced")
    assert fled["event_date"] == "2021-02-21/2021-03-10"
    assert fled["attributed_to"] == "the Office for Humanitarian Coordination"


def test_ranges_money_and_durations():
    _, records = _page("river-provinces-digest.txt")
    patients = _find(records, "between 30 and 45")
    assert (patients["value"], patients["value_max"], patients["qualifier"]) == (30, 45, "range")
    appeal = _find(records, "48 million")
    assert appeal["value"] == 48_000_000 and appeal["unit"] == "other:dollars"
    assert not [r for r in records if r["quote"].startswith("12-15 days")]


def test_a_sum_in_brackets_and_money_a_shortfall_was_covered_by_are_figures():
    text = (
        "Total budget: EUR 1,450,000 (US$ 1,566,000)\n\n"
        "The overrun was covered by reallocating EUR 18,500 from the transport line.\n"
    )
    found = [c.quote for c in extract_claims(text, date(2025, 4, 28)) if c.kind == "numeric"]
    assert found == ["EUR 1,450,000", "US$ 1,566,000", "EUR 18,500"]


def test_arms_ammunition_and_vehicles_are_counts_and_rounds_of_talks_are_not():
    text = (
        "Police recovered two AK-47 rifles, one pump-action gun and 214 rounds of "
        "ammunition. Two mortar rounds hit the school and a drone destroyed one ambulance. "
        "The talks went into two rounds of negotiation.\n"
    )
    found = [c.quote for c in extract_claims(text, date(2025, 2, 11)) if c.kind == "numeric"]
    assert found == [
        "two AK-47 rifles", "one pump-action gun", "214 rounds", "Two mortar rounds",
        "one ambulance",
    ]  # fmt: skip


def test_arms_and_vehicles_seized_are_no_people_harmed_nor_attacks():
    text = "The team neutralised four of the bandits and recovered two AK-47 rifles.\n"
    found = {c.quote: c.category for c in extract_claims(text, date(2025, 2, 11))
             if c.kind == "numeric"}  # fmt: skip
    assert found == {"four of the bandits": "killed", "two AK-47 rifles": "other"}


def test_the_next_shares_in_a_list_count_what_the_first_share_counts():
    text = (
        "State forces were responsible for 58% of the civilian deaths, JNIM for 31% and "
        "Islamic State Sahel Province for 7%; 4% could not be attributed.\n"
    )
    found = [(c.value, c.category) for c in extract_claims(text, date(2024, 11, 12))
             if c.kind == "numeric"]  # fmt: skip
    assert found == [(58, "killed"), (31, "killed"), (7, "killed"), (4, "killed")]


def test_html_page_claims_point_into_the_extracted_text():
    text, records = _page("ostrava-monitor-update.html")
    strikes = _find(records, "19 drone strikes")
    assert strikes["category"] == "attacks" and strikes["location"] == "Velika"
    assert strikes["event_date"] == "2023-10-01/2023-10-12"
    evacuated = _find(records, "4,600 residents")
    assert evacuated["category"] == "displaced" and evacuated["location"] == "Dorin district"
    for r in records:
        assert text[r["start"] : r["end"]] == r["quote"]


def test_a_claim_with_no_speaker_is_the_page_s_own():
    (claim,) = [
        c for c in extract_claims("At least nine people were killed in the town of Sarev.", None)
    ]
    assert claim.attributed_to is None and claim.location == "Sarev"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Rights groups said 40 people were detained in the city of Marn.", ("detained", 40)),
        ("Officials said 1,200 families fled the village of Ost.", ("displaced", 1200)),
        ("Two doctors and three nurses were wounded near Tel Abra.", ("injured", 2)),
        ("An estimated 5,000 people are at risk in the camp.", ("at_risk", 5000)),
        # what people need, with words between the need and the aid
        (
            "Partners report that some 1,900 households still need emergency shelter kits.",
            ("at_risk", 1900),
        ),
        (
            "WFP estimates 150,000 people in Chiure need urgent food assistance.",
            ("at_risk", 150000),
        ),
        # a key figure's label names what it counts by its noun, unless a harm word says
        (
            "Refugees from the DRC in neighbouring countries: 1.1 million (UNHCR, April 2025)",
            ("refugees", 1100000),
        ),
        ("Children killed or injured: 13", ("casualties", 13)),
        # a hospital's words: dead on arrival is no arrival, died of wounds no wound
        ("Killed on arrival: 6, including 2 children", ("killed", 6)),
        ("Died of wounds in hospital: 3, all admitted on earlier days", ("killed", 3)),
    ],
)
def test_categories_in_unseen_sentences(sentence, expected):
    first = extract_claims(sentence, date(2024, 1, 10))[0]
    assert (first.category, first.value) == expected


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_text_never_breaks_the_extractor(text):
    for claim in extract_page(text):
        assert 0 <= claim.start <= claim.end <= len(text)
        assert text[claim.start : claim.end] == claim.claim.quote
        assert 0.0 <= claim.claim.check_worthiness <= 1.0


NEWSY = st.lists(
    st.sampled_from(
        [
            "at least",
            "12",
            "1,400",
            "two million",
            "people",
            "killed",
            "in",
            "the town of",
            "Kessa",
            "on Monday",
            "between",
            "and",
            "percent",
            ",",
            ".",
            "\n\n",
            "Resolution",
            "said",
            "“",
            "”",
            "including",
            "children",
            "12 May 2020 In News",
            "# # #",
            "-",
        ]
    ),
    max_size=60,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(NEWSY)
def test_newsy_text_keeps_offsets_exact(text):
    for claim in extract_page(text):
        assert text[claim.start : claim.end] == claim.claim.quote
        if claim.part_of is not None:
            assert 0 <= claim.part_of < len(extract_page(text))


@pytest.mark.parametrize(
    "text",
    [
        "In week 38 alone, cases rose again.",
        "Sudan war live: key events, day 669\n\nFighting went on.",
        "Cholera hotline (toll-free, 24/7): 9393",
        "Showing updates 4–6 of 23 | Page 2 of 8",
        "By the Africa desk · Last updated 11 Feb 2025 · 14,382 views",
        "The update draws on 126 key informant interviews and 43 satellite images.",
        "In the fourth quarter, a period one month longer, the team met.",
        "Soldiers searched house to house in Kebele 04 of Merawi town.",
        "Ethiopia: Civilians Killed in Amhara in First Two Months of 2025\nDrone strikes went on",
        "One in four displaced households is headed by a woman.",
        "The emergency lines are open and the toll-free control room number is 112.",
    ],
)
def test_labels_counters_and_research_counts_are_not_claims(text):
    figures = [c.quote for c in extract_claims(text, date(2025, 3, 4)) if c.kind == "numeric"]
    assert figures == [] or figures == ["One in four displaced households"], figures


def test_a_week_followed_by_its_count_is_still_a_count():
    found = [c.quote for c in extract_claims("During the week 38 people died in Kassala.",
                                             date(2025, 3, 4)) if c.kind == "numeric"]  # fmt: skip
    assert found == ["38 people"]


def test_times_something_was_hit_are_attacks_and_other_multiples_are_not_claims():
    text = (
        "The hospital has been struck at least nine times since May. Prices rose three "
        "times in a year. The two sides met 3 times. Partners run 112 oral rehydration "
        "points across 9 affected states."
    )
    found = {c.quote: c.category for c in extract_claims(text, date(2025, 3, 4))
             if c.kind == "numeric"}  # fmt: skip
    assert found == {
        "at least nine times": "attacks",
        "112 oral rehydration points": "other",
        "9 affected states": "other",
    }


def test_a_large_count_in_brackets_after_a_name_is_a_figure_a_small_one_an_item_mark():
    text = (
        "Kessa reported the most cases (4 210), followed by Aren (1 905). The priorities "
        "are (1) water, (2) shelter and (3) health."
    )
    quotes = [c.quote for c in extract_claims(text, date(2025, 3, 1)) if c.kind == "numeric"]
    assert "4 210" in quotes and "1 905" in quotes
    assert not {"1", "2", "3"} & set(quotes)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a numbered paragraph's number, and a reference to paragraphs
        ("18. The mission documented 318 cases of abduction.", ["318 cases"]),
        ("See the full report, paras. 41-58.", []),
        # the areas the report is about, named again
        ("At least 164 civilians were killed in the three provinces.", ["At least 164 civilians"]),
        # the size of each of a thing
        ("In Djibo, a 100 kg bag of maize sold for 62,000 francs.", ["62,000 francs"]),
        ("Partners distributed 1,850 bags of maize (50 kg each).", ["1,850 bags"]),
        # how long, not how many
        ("Two staff members were detained for 48 hours at a checkpoint.", ["Two staff members"]),
        # a level set in advance
        ("Acute malnutrition exceeds the emergency threshold of 15 per cent in Kassala.", []),
        (
            "The rate stood at 14.8 percent, near the 15 percent emergency threshold.",
            ["14.8 percent"],
        ),
        # an address, a copyright year, a radio frequency, a building's height
        ("The briefing is at the UN House, Avenida Kenneth Kaunda 1440, Maputo.", []),
        ("(c) 2026 Civilians in Conflict Monitor | press@example.org", []),
        ("Listen on Horizon FM 97.2 and online.", []),
        ("A missile struck a five-storey building in the city centre.", []),
        # the research behind a report
        ("In June, the Mission carried out 143 interviews and 11 field visits.", []),
        # years a period runs between, not a range of counts
        ("Between 2023 and 2025, some 18 000 people were detained.", ["some 18 000 people"]),
    ],
)
def test_labels_levels_durations_and_addresses_are_not_claims(text, kept):
    figures = [c.quote for c in extract_claims(text, date(2026, 3, 4)) if c.kind == "numeric"]
    assert figures == kept


def test_what_analysed_imagery_shows_is_a_finding_not_the_research():
    text = "Satellite imagery analysed by the Commission shows that 143 villages were burned."
    found = [c for c in extract_claims(text, date(2026, 3, 4)) if c.kind == "numeric"]
    assert [(c.quote, c.category) for c in found] == [("143 villages", "facilities_hit")]


def test_a_list_after_a_colon_breaks_down_its_total_by_year_and_place():
    text = (
        "Imagery shows that 143 villages were burned between 2023 and 2025: 38 in 2023, "
        "71 in 2024 and 34 in 2025."
    )
    found = [c for c in extract_claims(text, date(2026, 3, 4)) if c.kind == "numeric"]
    got = [(c.quote, c.category, c.event_date, c.part_of) for c in found]
    assert got == [
        ("143 villages", "facilities_hit", "2023-01-01/2025-12-31", None),
        ("38", "facilities_hit", "2023", 0),
        ("71", "facilities_hit", "2024", 0),
        ("34", "facilities_hit", "2025", 0),
    ]
    text = "At least 120 people were killed: 38 in Idlib, 71 in Hama and 11 in Aleppo."
    found = [c for c in extract_claims(text, date(2026, 3, 4)) if c.kind == "numeric"]
    assert [(c.quote, c.location, c.part_of) for c in found[1:]] == [
        ("38", "Idlib", 0), ("71", "Hama", 0), ("11", "Aleppo", 0),
    ]  # fmt: skip
    # a part that names its own harm keeps it
    text = "At least 164 civilians were killed and 203 injured, including 29 children killed."
    found = {c.quote: c for c in extract_claims(text, date(2026, 3, 4)) if c.kind == "numeric"}
    assert found["29 children"].category == "killed"


@pytest.mark.parametrize(
    "text",
    [
        "Since 31 August, 312 individuals arrived at the site.",
        "On August 12, gunmen killed 5 people in the village.",
        "In 3 May attacks on the camp, 5 people were killed.",
    ],
)
def test_a_day_and_month_is_no_count_even_on_a_page_with_no_date(text):
    quotes = [c.quote for c in extract_claims(text, None) if c.kind == "numeric"]
    assert len(quotes) == 1 and not any(m in quotes[0] for m in ("August", "May"))


def test_may_the_verb_after_a_figure_keeps_the_figure():
    (claim,) = [
        c for c in extract_claims("Another 40 may be missing, the team said.", None)
        if c.kind == "numeric"
    ]  # fmt: skip
    assert claim.value == 40
