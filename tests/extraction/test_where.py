"""Where a figure happened (extraction/where.py), on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from claims_app.extraction.claims import extract_claims
from claims_app.extraction.places import find_places

DAY = date(2025, 3, 14)


def place_of(text: str, quote_start: str) -> str | None:
    """The location of the numeric claim whose quote opens with quote_start."""
    found = [c for c in extract_claims(text, DAY) if c.kind == "numeric"]
    for claim in found:
        if claim.quote.startswith(quote_start):
            return claim.location
    raise AssertionError(f"no claim quoting {quote_start!r} in {[c.quote for c in found]}")


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        # people crossing are no crossing point, a programme is no bridge
        ("In South Sudan, IOM counted nearly 480,000 South Sudanese returnees crossing back.",
         "nearly 480,000", "South Sudan"),
        # a list of places that ends in an owner's name: the name, not its "'s"
        ("Strikes hit the Bekaa valley and Beirut's southern suburbs. Some 312 people were "
         "killed there.", "Some 312", "Bekaa valley and Beirut"),
        # the people of a place no list knows: the place they live in
        ("Tajikistan: Protest\n\nOn 23 October, several hundred residents of Khorugh "
         "gathered outside the administration building.", "several hundred", "Khorugh"),
        # a part of a city named with its owner: the part ("Cox's Bazar" is a name, whole)
        ("A glide bomb hit a warehouse in Kharkiv's Kyivskyi district, injuring seven people.",
         "seven people", "Kyivskyi district"),
        ("Some 9,000 refugees arrived in Cox's Bazar last week.", "Some 9,000", "Cox's Bazar"),
        # a name set beside a description of a kind of place, whether or not a list knows it
        ("Velmora, a market town held by a local militia, now shelters more than 65,000 "
         "displaced people.", "more than 65,000", "Velmora"),
        ("Noura Elamin, a camp coordinator with the NRC, said 2,000 people arrived in Adre.",
         "2,000 people", "Adre"),
        # the most specific place of the figure's own clause
        ("Shelling in Kherson province killed 4 civilians in the village of Bilozerka.",
         "4 civilians", "Bilozerka"),
        # a sub-count has its own place; the total keeps the main clause's place
        ("More than 90,000 people fled across Tigray last month, including about 12,000 "
         "in Shire alone.", "More than 90,000", "Tigray"),
        ("More than 90,000 people fled across Tigray last month, including about 12,000 "
         "in Shire alone.", "about 12,000", "Shire"),
        # the figure states its own scope; a town elsewhere in the clause is the cause's
        ("Fighting around Goma has displaced more than 400,000 people across North Kivu "
         "since January.", "more than 400,000", "North Kivu"),
        # "the region" stands for the region named before
        ("Heavy rain hit Afar region on Monday. Floods destroyed 1,300 homes in the region.",
         "1,300 homes", "Afar region"),
        # no place in the sentence: the sentence before, but not its sub-count's place
        ("Some 2.1 million people are displaced across Haiti, including 600,000 in "
         "Port-au-Prince. Gangs also killed at least 1,500 people in the first quarter.",
         "at least 1,500", "Haiti"),
        # a country by its short name, in a weak context
        ("The 2025 response plan for the DRC seeks US$2.5 billion.", "US$2.5 billion", "DRC"),
        # money is the country's only where the sentence names no place of its own
        ("Some 2.3 million people in Ouaddai and Wadi Fira provinces need aid, and the plan, "
         "which seeks US$700 million, is 9 per cent funded.", "US$700 million",
         "Ouaddai and Wadi Fira provinces"),
        ("Chad: funding update\n\nFighting in Chad displaced 9,000 people. The plan seeks "
         "US$700 million.", "US$700 million", "Chad"),
        # "the outskirts of X": X, the more specific than the province after it
        ("Soldiers killed 14 men on the outskirts of Tougan, Sourou province, on Monday.",
         "14 men", "Tougan"),
        # officials or staff in a town speak of it; a post held in a place, or a byline,
        # says only where someone is
        ("Shelling hit Al Hudaydah governorate on Saturday. Local officials in Hays said 16 "
         "people had been killed.", "16 people", "Hays"),
        ("Clashes erupted near Oicha. Its spokesman in the Beni area said 19 civilians had "
         "been killed.", "19 civilians", "Oicha"),
        ("By Meridian staff in Kathmandu\n\nAt least 2,014 people were killed in western "
         "Nepal.", "At least 2,014", "western Nepal"),
        # a known place opening a sentence as the subject of hosting or counting; a
        # known place that people pass through
        ("Refugees keep crossing into Chad. Adré alone received 65 per cent of all "
         "arrivals.", "65 per cent", "Adré"),
        ("Daily arrivals through Rafah fell to fewer than 2,000 last week.",
         "fewer than 2,000", "Rafah"),
        # a digit's comma does not close a sub-count
        ("About 48,000 people were displaced in Sudan, including 9,500 in Kassala, "
         "aid agencies said.", "About 48,000", "Sudan"),
    ],
)  # fmt: skip
def test_figure_place(text: str, quote: str, expected: str) -> None:
    assert place_of(text, quote) == expected


def test_across_a_river_is_a_crossing_not_the_figures_scope() -> None:
    text = "A drone strike in Kherson wounded 3 people who had come across the Dnipro river."
    assert place_of(text, "3 people") == "Kherson"


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        ("The UN says more than 3 million Afghans need food aid this winter.",
         "more than 3 million", "Afghanistan"),
        ("Ukrainian officials said 1,200 civilians were killed last year.",
         "1,200 civilians", "Ukraine"),
    ],
)  # fmt: skip
def test_a_country_named_by_its_people_or_its_state(text: str, quote: str, expected: str) -> None:
    assert place_of(text, quote) == expected


def test_refugees_are_not_where_their_nationality_says() -> None:
    text = "Some 600,000 Sudanese refugees need shelter before the rains."
    assert place_of(text, "Some 600,000") is None


def test_a_headline_figure_is_placed_by_the_lede_below_it() -> None:
    text = (
        "Shelling Kills Seven in Market\n\n"
        "Shelling hit the main market in Bakhmut on Monday, killing seven people, "
        "local officials said.\n"
    )
    assert place_of(text, "Seven") == "Bakhmut"


def test_an_article_naming_no_country_is_placed_in_the_country_its_places_lie_in() -> None:
    text = (
        "Since the outbreak was declared, 9 120 suspected cholera cases have been reported "
        "from 8 states.\n\nKassala state reported 40 per cent of the cases, followed by "
        "Gedaref and Sennar.\n"
    )
    assert place_of(text, "9 120") == "Sudan"
    assert place_of(text, "40 per cent") == "Kassala state"


def test_one_stray_town_name_places_nothing() -> None:
    text = (
        "Since May, 9 120 suspected cholera cases have been reported.\n\nTeams visited Kassala.\n"
    )
    assert place_of(text, "9 120") is None


def test_a_place_inside_the_figure_s_own_words_is_its_place() -> None:
    assert place_of("Roughly 80% of Gaza's population has been displaced.", "Roughly 80%") == "Gaza"


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        # a list of places is one location: the figure is about all of them
        ("Some 2,400 people left the localities of Arvo, Benta and Cazzo last week.",
         "Some 2,400", "Arvo, Benta and Cazzo"),
        ("In Ostra district, some 1,300 people left villages around Pella and Vesk on Monday.",
         "some 1,300", "Pella and Vesk"),
        ("Clashes in Kherson and Zaporizhzhia regions displaced 5,000 people.", "5,000",
         "Kherson and Zaporizhzhia regions"),
        # a figure in brackets after a name is that place's
        ("Cases rose in Kassala state, followed by River Nile (14%).", "14%", "River Nile"),
    ],
)  # fmt: skip
def test_lists_and_brackets(text: str, quote: str, expected: str) -> None:
    assert place_of(text, quote) == expected


def test_a_country_named_as_an_actor_is_not_where_the_article_is() -> None:
    text = (
        "Russian forces stepped up strikes on Idlib province and Aleppo.\n\n"
        "Russia and its allies are using cluster munitions, activists said.\n\n"
        "The monitor counts 4.1 million people at risk.\n"
    )
    from claims_app.extraction.where import home_of, located_country, named_country

    named = named_country(text)
    assert named.text == "Russia"  # named, so nationwide figures are its
    assert located_country(text).text == "Syria"  # but its places lie in Syria:
    assert home_of(named, located_country(text)) is None  # not where it happened


def test_one_town_named_often_or_words_that_are_towns_do_not_place_the_article() -> None:
    from claims_app.extraction.where import located_country

    # "Karsi" is a town in Uzbekistan and also this invented country's: one name said
    # three times is one piece of evidence, not three.
    text = (
        "Troops entered Karsi in June. Karsi was shelled again in July.\n\n"
        "Since then the people of Karsi have fled. Nine in ten have left; since July, "
        "nine villages are empty. See part VII and the CRP.\n"
    )
    assert located_country(text) is None
    # two towns of the same country agree
    assert located_country("Fighting in Kassala and Gedaref.").text == "Sudan"


def test_a_headline_figure_takes_the_lede_s_place_date_and_source() -> None:
    text = (
        "SIX KILLED AS SHELLS HIT VESNA MARKET\n\n"
        "Shells hit the central market in Vesna on Tuesday, killing a vendor and five "
        "shoppers, the regional health office said.\n"
    )
    claims = [c for c in extract_claims(text, DAY) if c.kind == "numeric"]
    headline = next(c for c in claims if c.quote.startswith("SIX"))
    assert (headline.location, headline.event_date, headline.attributed_to) == (
        "Vesna",
        "2025-03-11",
        "the regional health office",
    )


def test_a_list_of_places_never_reaches_back_before_its_sentence() -> None:
    text = (
        "3. MEASLES\n\nIn Kassala and Gedaref states, 312 suspected measles cases were "
        "reported in week 14."
    )
    (claim,) = [c for c in extract_claims(text, date(2025, 4, 9)) if c.kind == "numeric"]
    assert claim.location == "Kassala and Gedaref states"


@pytest.mark.parametrize(
    "text",
    [
        "Cases by state are shown in Table 1, where 402 cases were recorded.",
        "WHO's surveillance system for Attacks on Health Care recorded 9 attacks.",
    ],
)
def test_a_table_or_a_system_s_name_is_no_place(text: str) -> None:
    claims = [c for c in extract_claims(text, date(2025, 4, 9)) if c.kind == "numeric"]
    assert claims and all(c.location is None for c in claims)


def test_a_national_body_s_figure_is_placed_in_its_country() -> None:
    text = "Sudan’s health ministry says 1,200 people have died of cholera since August."
    assert place_of(text, "1,200 people") == "Sudan"


def test_a_question_heading_ends_the_place_the_section_before_it_was_about() -> None:
    text = (
        "Fighting in Lebanon\n\n"
        "Shelling hit the Shebaa Farms area on 8 October 2023.\n\n"
        "How many people have been killed?\n\n"
        "The health ministry says 4,285 people were killed since the war began. "
        "Lebanon has asked for help.\n"
    )
    assert place_of(text, "4,285 people") == "Lebanon"  # the country, not Shebaa Farms
    # a sitrep's section heading does not end its place
    sitrep = "Flooding in Beledweyne district\n\nHealth\n\nClinics treated 340 patients.\n"
    assert place_of(sitrep, "340 patients") == "Beledweyne district"


def test_a_country_s_name_is_no_town_of_another_country() -> None:
    from claims_app.extraction.gazetteer import country_of_place

    assert country_of_place("Lebanon") is None  # also a town in the United States
    assert country_of_place("Nabatieh") == "Lebanon"


def test_a_place_name_wrapped_at_a_line_end_is_one_name_and_never_crosses_a_paragraph():
    wrapped = (
        "Partners of the shelter cluster registered 4,100 new arrivals in Port\nLumen last week."
    )
    assert place_of(wrapped, "4,100") == "Port Lumen"
    split = "Fighting continued in Nasir and Ulang\n\nNew arrivals: 2,000 people reached Malakal."
    assert place_of(split, "2,000") == "Malakal"


def test_an_aggregate_is_the_country_s_where_a_small_toll_keeps_the_place_named_before():
    """After a sentence about one town, a count of tens of thousands or a share is
    seldom that town's; a toll of a few goes on with it."""
    text = (
        "Somalia: floods and clashes\n\n"
        "A mortar round hit a market in Beledweyne on Monday.\n\n"
        "Three traders were killed.\n\n"
        "Flooding has displaced more than 46,000 people this month, and 38 per cent of "
        "water points are damaged."
    )
    assert place_of(text, "Three traders") == "Beledweyne"
    assert place_of(text, "more than 46,000") == "Somalia"
    assert place_of(text, "38 per cent") == "Somalia"


def test_a_count_or_an_actor_before_a_facility_word_names_no_facility():
    assert place_of("Two port workers were injured in Odesa on Monday.", "Two port") == "Odesa"
    text = "Russian drones struck port infrastructure in the Odesa region, injuring 3 people."
    assert place_of(text, "3 people") == "Odesa region"


def test_the_county_is_the_place_named_before_when_none_is_called_a_county():
    text = (
        "A convoy reached Ulang town on Tuesday. Partners estimate that 25,000 people in "
        "the county will receive rations."
    )
    assert place_of(text, "25,000") == "Ulang town"


def test_where_most_of_them_are_is_not_the_figure_s_place():
    text = "More than 900,000 refugees live in Chad, most of them in camps in Ouaddai province."
    assert place_of(text, "More than 900,000") == "Chad"


def test_an_incident_heading_s_village_before_its_township_places_the_incident():
    text = (
        "DOCUMENTED INCIDENTS\n\n2. Lin Pa Gyi, Tabayin township\n"
        "On 3 March, soldiers detained 27 villagers and burned 40 homes. Some 900 residents "
        "fled to villages across the Mu river."
    )
    assert place_of(text, "27 villagers") == "Lin Pa Gyi"
    assert place_of(text, "Some 900") == "Lin Pa Gyi"


def test_a_share_of_a_group_already_placed_keeps_the_place():
    text = (
        "Somalia: floods\n\n"
        "Floods displaced 9,400 people in Beledweyne on Monday.\n\n"
        "More than 60 per cent of them are children."
    )
    assert place_of(text, "More than 60 per cent") == "Beledweyne"


def test_a_nationality_s_capital_is_that_country_s_capital_city():
    text = "Fighting between rival units in the Sudanese capital killed 12 people on Monday."
    [claim] = [c for c in extract_claims(text, date(2026, 3, 3)) if c.kind == "numeric"]
    assert claim.location == "Khartoum"
    # the word alone still names no place ("Libyan forces" are an actor)
    other = "Libyan forces detained 40 migrants on Monday."
    assert [c.location for c in extract_claims(other, date(2026, 3, 3))] == [None]


def test_a_since_clause_names_where_the_cause_began_not_the_figure_s_place():
    text = (
        "Heavy rains have forced more than 9,000 people from their homes in Orsa province "
        "since a storm made landfall near Port Ilben on 2 March, officials said."
    )
    assert place_of(text, "more than 9,000") == "Orsa province"
    # with no place of its own before the clause, the clause's place is still the one
    alone = "More than 9,000 people have fled since the storm hit Port Ilben on 2 March."
    assert place_of(alone, "More than 9,000") == "Port Ilben"


def test_a_place_at_sea_is_the_place_off_whose_coast_it_is():
    text = "A boat carrying 61 migrants sank off Port Ilben on Monday night, the agency said."
    assert place_of(text, "61 migrants") == "Port Ilben"
    coast = "The bodies of 12 people washed ashore on the coast of Velm province on Sunday."
    assert place_of(coast, "12 people") == "Velm province"
    farther = "Rescuers pulled 17 survivors from the water off the coast of Arvo town."
    assert place_of(farther, "17 survivors") == "Arvo town"


def test_in_a_list_of_places_and_figures_each_figure_is_its_own_item_s():
    text = (
        "By district, Velmo has reported 1,140 cases and 16 deaths, Ostra 702 cases and "
        "8 deaths, and Arvatu 513 cases and 12 deaths."
    )
    got = {c.quote: c.location for c in extract_claims(text, DAY) if c.kind == "numeric"}
    assert got == {
        "1,140 cases": "Velmo", "16 deaths": "Velmo", "702 cases": "Ostra",
        "8 deaths": "Ostra", "513 cases": "Arvatu", "12 deaths": "Arvatu",
    }  # fmt: skip
    # one name and a figure is no list: the usual rules decide
    single = "In Orsa province, Velmo has reported 1,140 cases, the ministry said."
    assert place_of(single, "1,140 cases") == "Orsa province"


def test_a_figure_placed_nowhere_takes_the_area_the_headline_is_about() -> None:
    text = (
        "Heavy rains bring floods that kill 12 in Rukondo district, hundreds homeless\n\n"
        "At least 12 people died after a river burst its banks on Sunday, local "
        "officials said. Some 640 households need shelter, and 3 health posts are closed."
    )
    assert place_of(text, "Some 640 households") == "Rukondo district"
    kicker = (
        "Turkana: floods cut off three towns as waters keep rising\n\n" + text.split("\n\n", 1)[1]
    )
    assert place_of(kicker, "Some 640 households") == "Turkana"


def test_a_country_s_report_or_a_kicker_naming_a_country_is_no_area() -> None:
    masthead = (
        "KENYA FOOD MARKET MONITOR\n"
        "Maize prices rise 20% in a month as drought grips the North Eastern region\n\n"
        "The average price of maize rose to KES 62 per kilo in May. Some 1.8 million "
        "people face crisis levels of hunger."
    )
    assert place_of(masthead, "Some 1.8 million") == "Kenya"
    kicker = (
        "Kenya: 1.8 million face hunger as drought deepens in the North Eastern region\n\n"
        "Some 1.8 million people face crisis levels of hunger, the authority said."
    )
    assert place_of(kicker, "Some 1.8 million") == "Kenya"


def test_a_masthead_naming_part_of_a_country_lets_the_headline_place() -> None:
    eastern = (
        "NUTRITION SECTOR - EASTERN CHAD\n"
        "Monthly screening report for refugee camps and sites in Ouaddai province\n\n"
        "Partners screened some 41,000 children during the month."
    )
    assert place_of(eastern, "some 41,000") == "Ouaddai province"


def test_regions_the_lead_names_together_are_the_report_s_area() -> None:
    text = (
        "The appeal seeks help for 300,000 people in Manica, Sofala and Tete provinces "
        "until August. Partners have reached 41,000 people so far."
    )
    assert place_of(text, "41,000 people") == "Manica, Sofala and Tete provinces"


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        ("Landslides buried 7 homes in Bunaboli sub-county overnight.", "7 homes",
         "Bunaboli sub-county"),
        ("Water reached 40 houses in Kiteso parish, officials said.", "40 houses",
         "Kiteso parish"),
        ("Cholera has killed 9 people in Ramgati upazila since May.", "9 people",
         "Ramgati upazila"),
        # a church is no place: the figure keeps the district
        ("In Mbale district, 210 people are sheltering at the Catholic mission.",
         "210 people", "Mbale district"),
    ],
)  # fmt: skip
def test_the_smaller_units_reports_name(text: str, quote: str, expected: str) -> None:
    assert place_of(text, quote) == expected


def test_a_currency_s_code_is_no_place() -> None:
    text = "Norway pledged NOK 1.2 billion, and the EU a further EUR 40 million."
    assert place_of(text, "EUR 40 million") != "EUR"
    assert place_of(text, "NOK 1.2 billion") == "Norway"


@pytest.mark.parametrize(
    ("between", "expected"),
    [
        # where the wounded were taken, or where a statement was made, is not the scene
        ("Eleven of the wounded were transferred to El Fasher, she said.", "Kutum"),
        ("The governor told reporters in Khartoum that the search went on.", "Kutum"),
        # a place the sentence before names as a scene is carried as before
        ("Shelling also hit the market in Kabkabiya.", "Kabkabiya"),
    ],
)
def test_a_toll_with_no_place_of_its_own_is_not_carried_to_a_destination(between, expected):
    text = (
        "Toll from attack on Sudan's Kutum rises to 31\n\n"
        "KUTUM, Sudan, March 12 (Agency) - At least 20 people were killed in an attack "
        f"on Kutum, officials said. {between} "
        "By the evening the count had risen to 31 dead."
    )
    assert place_of(text, "31 dead") == expected


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        # each item of a list of places with its count in brackets is its own place,
        # whether or not the gazetteer knows the later names
        ("Arrests were recorded in Mekele (about 1,100), Gondar (about 850) and Debre "
         "Sina (some 400).", "some 400", "Debre Sina"),
        ("Arrests were recorded in Mekele (about 1,100), Gondar (about 850) and Debre "
         "Sina (some 400).", "about 850", "Gondar"),
        # a ranking: the next place is the next figure's, not the first one's
        ("Marib has also recorded the most deaths (51), followed by Hajjah (38).",
         "51", "Marib"),
        ("Marib has also recorded the most deaths (51), followed by Hajjah (38).",
         "38", "Hajjah"),
        # a camp or a school named by an organisation's acronym is no place's name: the
        # town it is in is the figure's place
        ("On 29 August, fighters attacked the adjacent IDP camp in Dikwa, killing at least "
         "19 civilians.", "at least 19", "Dikwa"),
        ("On 11 May, a strike on an UNRWA school sheltering families in Deir al-Balah "
         "killed six people.", "six people", "Deir al-Balah"),
        # a publication's issue is no place: the figure stays where its page is
        ("Flooding in Sindh killed 40 people. The figure of 38 given in Issue No. 56 was "
         "revised.", "38", "Sindh"),
        # a dateline in capitals keeps its camp
        ("ZAMZAM CAMP, North Darfur. Shelling forced the closure of its two remaining "
         "field hospitals.", "two remaining", "ZAMZAM CAMP"),
    ],
)  # fmt: skip
def test_lists_rankings_and_names_that_are_no_places(text, quote, expected) -> None:
    assert place_of(text, quote) == expected


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        # a sentence opening in a described town names the town alone
        ("In Al-Kasra, a town of some 30,000 people, we identified 187 destroyed buildings.",
         "187", "Al-Kasra"),
        # a village described by its distance is a place; a camp leader is none
        ("Lopa, a village 12 km to the north, was attacked on 3 March; at least 23 people "
         "were killed, according to the camp leader.", "at least 23", "Lopa"),
        # the kind of place after a name is no name of its own
        ("The toll is clearest in Kassoumbé, a Fulani village some 40 km east of Mopti town. "
         "The army said 23 fighters had been killed in the operation.", "23 fighters",
         "Kassoumbé"),
    ],
)  # fmt: skip
def test_a_name_described_as_a_kind_of_place_is_the_place(text, quote, expected) -> None:
    assert place_of(text, quote) == expected


def test_a_monitor_s_name_is_no_place() -> None:
    text = "Civilians in Conflict Monitor researchers interviewed 86 people in Kordofan."
    assert [p.text for p in find_places(text)] == ["Kordofan"]


def test_a_report_s_coverage_line_places_the_figures_it_places_nowhere_else() -> None:
    text = (
        "MONITORING NETWORK ON CHILDREN\n"
        "Democratic Republic of the Congo - Eastern Provinces\n\n"
        "QUARTERLY UPDATE ON GRAVE VIOLATIONS\n"
        "Issue No. 2025/1\n\n"
        "Reporting period: 1 January - 31 March 2025\n"
        "Issued: 24 April 2025\n"
        "Coverage: North Kivu, South Kivu, Ituri and Tanganyika provinces\n\n"
        "KEY FINDINGS\n\n"
        "Fighting spread from Rutshuru and Masisi territories in January. Killing and "
        "maiming accounted for 61 per cent of all verified violations."
    )
    assert place_of(text, "61 per cent") == (
        "North Kivu, South Kivu, Ituri and Tanganyika provinces"
    )


def test_a_country_named_by_its_short_name_is_the_one_its_places_lie_in() -> None:
    from claims_app.extraction.where import home_of, located_country, named_country

    text = (
        "Fighting near Bunia and Goma displaced thousands this week. The DR Congo "
        "government said aid would reach Beni. In DR Congo, 7 million are displaced."
    )
    assert located_country(text).text == "Democratic Republic of the Congo"
    assert home_of(named_country(text), located_country(text)).text == "DR Congo"


def test_a_global_brief_naming_many_countries_alike_is_about_none_of_them() -> None:
    text = (
        "MIGRANT DEATHS, MONTHLY BRIEF\n\n"
        "The monitor recorded 540 deaths of migrants in March, up from 410 in February.\n\n"
        "In Europe, 12 deaths were recorded in the Channel. In Africa, 88 people died in "
        "the Sahara, most of them in Niger and Libya. Sea crossings to Europe claimed 230 "
        "lives, and 41 people died on routes in Asia. Arrivals in Italy and Spain fell, "
        "while departures from Libya and from Africa's west coast rose. Deaths in Asia "
        "and in Europe's east were fewer.\n\n"
        "Drowning caused about 70 per cent of the deaths.\n"
    )
    assert place_of(text, "540 deaths") is None  # not Europe, named most but not alone
    assert place_of(text, "12 deaths") == "Channel"
