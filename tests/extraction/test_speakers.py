"""Who a figure is attributed to (extraction/speakers.py), on sentences written here."""

from __future__ import annotations

from datetime import date

import pytest

from claims_app.extraction.claims import extract_claims
from claims_app.extraction.page_claims import extract_page


def _speakers(text: str, day: date | None = date(2026, 3, 3)) -> dict[str, str | None]:
    """Who each numeric claim of the text is attributed to, by its quote."""
    return {c.quote: c.attributed_to for c in extract_claims(text, day) if c.kind == "numeric"}


def speaker_of(text: str, quote_start: str) -> str | None:
    found = [c for c in extract_claims(text, date(2025, 3, 14)) if c.kind == "numeric"]
    for claim in found:
        if claim.quote.startswith(quote_start):
            return claim.attributed_to
    raise AssertionError(f"no claim quoting {quote_start!r} in {[c.quote for c in found]}")


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        ("UNICEF reported that 310 schools were damaged in Sofala.", "310 schools", "UNICEF"),
        # staff described by where they work; a relative clause before the verb
        ("Hospital staff in the town told reporters that 61 wounded people were brought in.",
         "61 wounded people", "Hospital staff in the town"),
        ("Doctors in Maiduguri, where the most serious cases were taken, said up to 15 "
         "people had died.", "up to 15 people", "Doctors in Maiduguri"),
        # a source in brackets with the date of its figure
        ("1 196 000            internally displaced people (IOM DTM, April 2025)",
         "1 196 000", "IOM DTM"),
        ("Deaths in the week: 40 (OCHA, 14/12/2023)", "40", "OCHA"),
        ("100,000+ refugees in Burundi and Rwanda (UNHCR, 27 Feb)", "100,000+", "UNHCR"),
        ("Funding: 8 per cent received as of 31 March (OCHA Financial Tracking Service).",
         "8 per cent", "OCHA Financial Tracking Service"),
        # a day set off by commas before "show" is when, not who
        ("Two videos filmed on Monday, 3 June, show at least six impacts in the market.",
         "at least six impacts", None),
        # a named source's data, figures or researchers; what an analysis projects; a toll
        # someone gave
        ("Gunmen abducted 140 people in Zamfara during the week, ACEM data show.",
         "140 people", "ACEM data"),
        ("UN figures show that 400,000 people are displaced across Mali.", "400,000 people",
         "UN figures"),
        ("WHO said 20 hospitals were closed. “We treat up to 150 patients a day,” said Dr "
         "Hawa Ishaq, medical coordinator for the Darfur Health Network.", "up to 150 patients",
         "Dr Hawa Ishaq, medical coordinator for the Darfur Health Network"),
        ("Dr Hiba Adam, who runs the emergency department at Al Nao Hospital, said her team "
         "had treated more than 9,000 patients.", "more than 9,000 patients", "Dr Hiba Adam"),
        ("IOM and UNHCR said 1.5 million Afghans had returned. Nearly half of them were young "
         "men, according to the two agencies.", "Nearly half", "IOM and UNHCR"),
        ("“We received more than 600 children in a single night,” said Pascaline Hamadou, who "
         "leads the transit centre.", "more than 600 children", "Pascaline Hamadou"),
        ("CHMY researchers counted 27 market stalls destroyed.", "27 market stalls",
         "CHMY researchers"),
        # an adverb between auxiliary and verb; a named source's field researchers or
        # registration data; monitors who identified or flagged those they counted
        ("CHMY has so far verified the deaths of 11 civilians.", "11 civilians", "CHMY"),
        ("CHMY field researchers estimate that between 300 and 400 people were in the "
         "market.", "between 300 and 400", "CHMY field researchers"),
        ("IOM registration data show that children account for 58 per cent of the displaced.",
         "58 per cent", "IOM registration data"),
        ("Protection monitors have identified 87 unaccompanied children among the displaced.",
         "87 unaccompanied", "Protection monitors"),
        ("The IPC analysis projects that 2.3 million children will be malnourished.",
         "2.3 million children", "The IPC analysis"),
        ("Local officials in Hays gave a higher toll, saying that 16 people were killed.",
         "16 people", "Local officials in Hays"),
        ("WFP estimates 1.4 million people face hunger in Tigray.", "1.4 million", "WFP"),
        ("Figures from the Protection Cluster show 8,200 people displaced in Ituri.",
         "8,200 people", "the Protection Cluster"),
        ("The governor told reporters that 17 people were killed in Bor.", "17 people",
         "The governor"),
        ("Nine patients died overnight, said a nurse at Juba Teaching Hospital.",
         "Nine patients", "a nurse at Juba Teaching Hospital"),
        ("\u201cWe buried 23 people on Sunday,\u201d the village chief said.", "23 people",
         "the village chief"),
        # a bracket that spells the name before it glosses the name, it cites no source;
        # one that does not is the source
        ("US$19.1 million had been received, including $2.5m from the Central Emergency "
         "Response Fund (CERF).", "US$19.1 million", None),
        ("About 2,400 refugees crossed into Chad on Monday (UNHCR).", "About 2,400", "UNHCR"),
        # a described speaker with the place it serves
        ("Seven people were killed when a drone hit the market, the health office in the "
         "governorate said.", "Seven people", "the health office in the governorate"),
        # a source that "puts the number at", named after its description
        ("The UN rights office, OHCHR, puts the number of civilians killed at no fewer "
         "than 1,090.", "no fewer than 1,090", "OHCHR"),
        # a family name opening with its lower-case article, after a title
        ("Health Minister Dr. Salem al-Haddad said 46 people had died of cholera.",
         "46 people", "Health Minister Dr. Salem al-Haddad"),
        # a sitrep's section label before the speaker
        ("Response: The health cluster reported 212 suspected cases in Kassala.",
         "212 suspected cases", "The health cluster"),
        # "says", not "said"; two spaces after the comma (a PDF's text)
        ("Nine patients died overnight, says a nurse at Juba Teaching Hospital.",
         "Nine patients", "a nurse at Juba Teaching Hospital"),
        ("Nine patients died overnight,  the hospital director said.", "Nine patients",
         "the hospital director"),
        # "the agency" is the one just named
        ("IOM said 5,000 people crossed into Chad on Monday. The agency estimates that 2,000 "
         "more are waiting at the border.", "2,000 more", "IOM"),
    ],
)  # fmt: skip
def test_attribution(text: str, quote: str, expected: str | None) -> None:
    assert speaker_of(text, quote) == expected


def test_a_speaker_is_not_carried_to_another_paragraphs_figure() -> None:
    text = (
        "OCHA said 40,000 people were displaced in Kasai.\n\n"
        "Separately, floods destroyed 1,200 homes in Tshikapa."
    )
    assert speaker_of(text, "1,200 homes") is None


def test_the_speaker_described_after_said_is_no_count_of_one() -> None:
    text = "Four civilians were killed in Kharkiv, said a spokesperson for the regional police."
    claims = [c for c in extract_claims(text, None) if c.kind == "numeric"]
    assert [c.quote for c in claims] == ["Four civilians"]


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        # a bullet or a live page's time stamp comes before the sentence's own speaker
        ("Key events\n\n  • The World Food Programme said it reached 42,000 people in Kosti.\n"
         "  • Residents said at least 30 shells landed on the market.\n",
         "at least 30", "Residents"),
        ("Live\n\n  • 16:05 – The health ministry said 17 people were killed in El Obeid.\n",
         "17 people", "The health ministry"),
        # a described speaker with no article, and one followed by a relative clause
        ("Some 150 families arrive in Tawila every day, camp coordinators said.",
         "Some 150", "camp coordinators"),
        ("At least 23 people were killed in the market, said a doctor at Al-Nao Hospital, "
         "where most of the victims were taken.", "At least 23", "a doctor at Al-Nao Hospital"),
        # a name set after its description, then "has since published"
        ("A local association, Jam Wuro, has since published a list of 71 people killed.",
         "71 people", "Jam Wuro"),
        # the speaker of a clause opened by "where" is the name, not the clause
        ("Only Sudan, where ACLED recorded some 7,800 civilian fatalities, is worse.",
         "some 7,800", "ACLED"),
        # one official, a broadcaster, observers and a monitoring system are speakers too
        ("Volunteers buried 35 bodies in Mabanga on Friday, a Red Cross official said.",
         "35 bodies", "a Red Cross official"),
        ("Gunmen killed six people near the market, local radio reported.", "six people",
         "local radio"),
        ("EOM-K observers verified that 27 houses were set on fire in Tarvo.", "27 houses",
         "EOM-K observers"),
        ("Rice prices rose by 75 per cent in Luma, figures from the WFP-supported price "
         "monitoring system show.", "75 per cent", "the WFP-supported price monitoring system"),
    ],
)  # fmt: skip
def test_speakers_after_bullets_and_in_described_roles(text, quote, expected):
    assert speaker_of(text, quote) == expected


TRANSCRIPT = """Briefing on the Lakeshore crisis

Geneva, Tuesday 11 March 2025

Anna Verhoeven, UNHCR: Good morning. Our teams registered 4,100 new arrivals in Port
Lumen last week.

We also counted 312 unaccompanied children among them, according to partners' screening.

Health

Question (Radio Lumen): Residents say 40 people were killed in Kessa. Can you confirm?

Dr Omar Faris, WHO: Clinics in Kessa treated 85 wounded people on Sunday. Local doctors
told us that 19 of them died.
"""


def test_a_transcript_s_turns_attribute_figures_to_the_speaker():
    """A briefing turn opens with "Name, Office:" and runs on over its paragraphs;
    a question's figures are the source it names, and a sentence naming a source of
    its own keeps it."""
    found = _speakers(TRANSCRIPT, date(2025, 3, 11))
    by_start = {q.split()[0]: who for q, who in found.items()}
    assert by_start["4,100"] == "Anna Verhoeven, UNHCR"
    assert by_start["312"] == "partners' screening"  # the sentence names its own source
    assert by_start["40"] == "Residents"
    assert by_start["85"] == "Dr Omar Faris, WHO"
    assert by_start["19"] == "Local doctors"


def test_a_place_label_is_no_speaker_s_turn():
    text = "North Kivu, Masisi: Clashes displaced 2,300 people on Monday."
    assert speaker_of(text, "2,300") is None


def test_a_heading_in_capitals_after_a_colon_is_no_speaker_s_turn():
    text = (
        "TAKE ACTION: WRITE AN APPEAL IN YOUR OWN WORDS\n\n"
        "The four face up to 15 years in prison if convicted."
    )
    assert speaker_of(text, "up to 15 years") is None


def test_a_quotation_s_we_is_the_one_quoted_and_a_participle_is_no_speaker():
    text = (
        "\u201cMay was the worst month,\u201d said Lena Brandt, Head of the Mission. "
        "\u201cSeven in ten casualties we verified were caused by shelling.\u201d\n\n"
        "The number of verified casualties was 30 per cent higher than in April."
    )
    assert speaker_of(text, "Seven in ten") == "Lena Brandt, Head of the Mission"
    assert speaker_of(text, "30 per cent") is None


MEETING = """Security Council briefing on the Lakeshore region

MARA LINDQVIST, Assistant Secretary-General for Humanitarian Affairs, said that 2.3 million
people in the region needed aid this year.

Cholera has spread further, with 8,400 suspected cases recorded since March, according to
the World Health Organization (WHO).

Turning to aid workers, she said that 14 staff members remained detained. The appeal has
received $120 million, or 18 per cent, she said.

OSKAR BRENNAN, Director of the Lakeshore Relief Forum, speaking via video link from Port
Lumen, said that shelling had killed 12 people in the port since June.

The representative of Norway said his country would give a further $15 million.
"""


def test_a_meeting_record_s_speakers_and_their_pronouns():
    """Meeting coverage names each speaker in capitals or by the delegation, then goes on
    with "she said": a pronoun stands for the last person named, never for an
    organisation cited in between."""
    found = {c.quote.split()[0]: c.attributed_to for c in extract_claims(MEETING, date(2025, 8, 1))
             if c.kind == "numeric"}  # fmt: skip
    assert "Assistant Secretary-General" in found["2.3"]
    assert found["8,400"] == "the World Health Organization (WHO)"
    assert "Assistant Secretary-General" in found["14"]
    assert "Assistant Secretary-General" in found["$120"]
    assert found["12"].startswith("OSKAR BRENNAN")
    assert found["$15"] == "The representative of Norway"


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        # the speaker's own words, not what it said them in
        (
            "At least 60 civilians were killed in March, the group said in a report published "
            "today.",
            "At least 60",
            "the group",
        ),
        # an organisation, then what it does, then what it said
        (
            "Médecins du Monde, which runs the clinic in Bor, said 14 patients had died.",
            "14 patients",
            "Médecins du Monde",
        ),
        # the authors of an assessment; "the same assessment" is theirs again
        (
            "A rapid assessment by cluster partners shows that 412 houses were burnt. According "
            "to the same assessment, 2,100 households have fled.",
            "2,100",
            "cluster partners",
        ),
        # people named by their trade
        (
            "Truck operators said 40 lorries were stranded at Galafi.",
            "40 lorries",
            "Truck operators",
        ),
        # an acronym in brackets with lower-case letters is part of the name
        (
            "Between 1 and 30 April, the Ministry of Health (MoH) of Norland reported 2 140 "
            "suspected cases.",
            "2 140",
            "the Ministry of Health (MoH) of Norland",
        ),
        # a bracket that glosses a key figure cites no source
        ("41 000         people in IPC Phase 5 (Catastrophe)", "41 000", None),
    ],
)
def test_what_a_speaker_pattern_reads_is_trimmed_to_the_speaker(text, quote, expected):
    assert speaker_of(text, quote) == expected


def test_the_group_is_the_organisation_its_sentence_named_before():
    text = (
        "At least 96 civilians were killed in March, the worst month since Lake Region "
        "Rights Watch began its count in 2019, the group said on Monday."
    )
    assert speaker_of(text, "At least 96") == "Lake Region Rights Watch"


def test_a_speaker_with_a_title_and_a_relative_clause_is_the_named_person():
    text = (
        "Amina Bello, head of Arvo district, which includes the market town, told reporters "
        "that 40 people were buried on Sunday."
    )
    [claim] = [c for c in extract_claims(text, date(2026, 2, 12)) if c.kind == "numeric"]
    assert claim.attributed_to == "Amina Bello"


def test_records_seen_by_a_newsroom_are_the_source_not_the_newsroom():
    text = (
        "Admission records from the Ostra General Hospital, seen by AFP, show that 85 people "
        "were admitted with burns."
    )
    [claim] = [c for c in extract_claims(text, date(2026, 2, 12)) if c.kind == "numeric"]
    assert claim.attributed_to == "the Ostra General Hospital"
    # "Hospital records show": "records" is a noun there, and "Hospital" no speaker
    bare = "Hospital records show that 85 people were admitted with burns."
    [claim] = [c for c in extract_claims(bare, date(2026, 2, 12)) if c.kind == "numeric"]
    assert claim.attributed_to != "Hospital"


def test_a_statement_given_whole_is_its_author_s_to_the_editor_s_note():
    text = (
        "Ostra's Ministry of Health said on Monday that 1,200 people had been killed.\n\n"
        "The following is an unofficial translation of Statement No. 12 issued by the "
        "ministry's emergency operations centre.\n\n"
        "The number of injured has reached 4,100, among them 900 children.\n\n"
        "Of the 38 hospitals in the province, 21 are out of service.\n\n"
        "Editor's note: the Velm Courier put the toll at 1,150 on Sunday."
    )
    got = _speakers(text)
    assert got["4,100"] == got["900 children"] == "Ostra's Ministry of Health"
    assert got["38 hospitals"] == got["21"] == "Ostra's Ministry of Health"
    assert got["1,150"] != "Ostra's Ministry of Health"


def test_remarks_as_delivered_are_the_speaker_s_the_intro_names():
    text = (
        "The Deputy Relief Coordinator, Lena Ostrova, briefed the Council today. Her "
        "remarks, as delivered, follow.\n\n"
        "Mr. President,\n\n"
        "Since my last briefing, more than 410,000 people have been newly displaced.\n\n"
        "At least 43 civilians were killed in an attack on a displacement site."
    )
    got = _speakers(text)
    assert got["more than 410,000 people"] == got["At least 43 civilians"] == "Lena Ostrova"
    # a page with no such announcement keeps its own voice
    plain = "At least 43 civilians were killed in an attack on a displacement site."
    assert _speakers(plain)["At least 43 civilians"] is None


def test_a_radio_transcript_s_speakers_in_capitals_hold_their_turns():
    text = (
        "HOST: Good evening. The government says 92,000 people have gone home.\n\n"
        "AMARA OSEI: Some have. But we're talking about close to 80,000 people displaced "
        "since January.\n\n"
        "In Velm district we recorded 23 attacks on civilians in February.\n\n"
        "HOST: And the camps?\n\n"
        "AMARA OSEI: Something like 4,000 people arrived there last week."
    )
    got = _speakers(text)
    assert got["92,000 people"] == "The government"  # the host quotes a source of its own
    assert got["close to 80,000 people displaced"] == "AMARA OSEI"
    assert got["23 attacks"] == "AMARA OSEI"  # the turn runs on to the next label
    assert got["Something like 4,000 people"] == "AMARA OSEI"
    # a section's label in capitals is nobody's turn
    sitrep = "KEY HIGHLIGHTS: At least 23 civilians were killed in Velm district."
    assert _speakers(sitrep)["At least 23 civilians"] is None


def test_a_place_that_reported_figures_is_where_not_who():
    text = (
        "By district, Velmora has reported 1,140 cases and 16 deaths, Orsk town 702 cases "
        "and 8 deaths, and Tandri 513 cases."
    )
    found = {c.quote: c for c in extract_claims(text, date(2025, 3, 14)) if c.kind == "numeric"}
    assert found["1,140 cases"].location == "Velmora"
    assert found["702 cases"].location == "Orsk town"
    assert all(c.attributed_to is None for c in found.values())
    # "By district" opens a breakdown; it names no place
    assert all(c.location != "By district" for c in found.values())
    # an organisation that reported figures is still their source
    assert speaker_of("The health office has reported 1,140 cases in Velmora.", "1,140") == (
        "The health office"
    )


def test_an_auxiliary_is_not_part_of_the_speaker_and_a_ministry_is_no_agency():
    text = "So far this year, the monitor has recorded more than 14,600 fatalities."
    assert speaker_of(text, "more than 14,600") == "the monitor"
    text = "UNHCR has registered 3,000 refugees in Renk.\n\nThe ministry had counted 12 bodies."
    assert speaker_of(text, "12 bodies") == "The ministry"  # not UNHCR, named before
    text = (
        "The Ministry of Public Health said 40 people were killed.\n\n"
        "More than 900 schools became shelters, according to the education ministry."
    )
    assert speaker_of(text, "More than 900") == "the education ministry"
    # what the figure is, never who gives it
    text = "Children accounted for 47 of the casualties, the highest share recorded in a month."
    assert speaker_of(text, "47 of the casualties") is None


def test_it_said_in_a_relative_clause_is_the_subject_organisation() -> None:
    text = (
        "The Darfur Bar Association blamed the militia for the raids, which it said had "
        "killed 23 villagers near Kutum since Sunday."
    )
    assert speaker_of(text, "23 villagers") == "Darfur Bar Association"
    unresolved = "Shelling continued in the south, which it said killed 5 people."
    assert speaker_of(unresolved, "5 people") is None


def test_a_list_s_figures_are_given_by_whom_its_opening_line_names() -> None:
    text = (
        "Figures compiled by the county relief committee on 2 March:\n\n"
        "- Wuchiek village: 6 dead, 41 houses destroyed\n"
        "- Pakur town: about 900 people displaced\n\n"
        "Elsewhere, 3 people drowned near Bentiu."
    )
    assert speaker_of(text, "6 dead") == "the county relief committee"
    assert speaker_of(text, "about 900") == "the county relief committee"
    assert speaker_of(text, "3 people") is None


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        # a spokesperson speaks for the organisation the sentence opens with
        ("The Sahel Rights Observatory has documented 44 civilian deaths, a spokesperson "
         "told reporters on Monday.", "44 civilian", "Sahel Rights Observatory"),
        # "recorded by", "documented by": the agent, up to where the clause goes on
        ("Cholera has spread to 9 states, with more than 61,000 suspected cases recorded by "
         "the Federal Ministry of Health.", "more than 61,000", "the Federal Ministry of Health"),
        ("The worst attack documented by Kivu Peace Watch took place in Kalo, where 19 men "
         "were shot.", "19 men", "Kivu Peace Watch"),
        # a method, a place in brackets and a time after "by" name no one
        ("A reverse image search shows the photo was taken in 2019, when 14 people were "
         "killed.", "14 people", None),
        ("ADF fighters abducted 23 children in Beni and Irumu territories (Ituri).",
         "23 children", None),
        ("Armed men abducted 9 children near Oicha; none had been released by the end of "
         "the quarter.", "9 children", None),
        # a time opening the sentence is no part of who speaks ("our team": the page's own)
        ("Yesterday our team in Namapa registered 1,850 new households.", "1,850", None),
    ],
)  # fmt: skip
def test_who_gives_a_figure_and_who_does_not(text: str, quote: str, expected: str | None):
    assert speaker_of(text, quote) == expected


def test_the_ngo_and_the_office_stand_for_the_one_named_before() -> None:
    text = (
        "Aid Solidarity Kivu said 40 per cent of water points were damaged. The NGO said "
        "3 shelters burned. The UN Joint Human Rights Office documented 12 deaths. The office is "
        "verifying reports of 6 more deaths."
    )
    assert speaker_of(text, "3 shelters") == "Aid Solidarity Kivu"
    assert speaker_of(text, "6 more") == "The UN Joint Human Rights Office"


def test_a_source_in_brackets_after_a_figure_is_that_figure_s_own() -> None:
    text = (
        "The clashes left 9 soldiers killed (per the defence ministry) and 32 killed "
        "(per the insurgents' own media), officials said. At least 12 people died "
        "(according to OCHA) and 40 were hurt."
    )
    assert speaker_of(text, "9 soldiers") == "the defence ministry"
    assert speaker_of(text, "32") == "the insurgents' own media"
    assert speaker_of(text, "At least 12") == "OCHA"
    assert speaker_of(text, "40") == "OCHA"  # "(according to OCHA)" names OCHA only


def test_a_written_answer_s_heading_names_who_gives_its_figures():
    text = (
        "Question (asked by Member Helen Marsh, Stroud, 3 March 2025)\n\n"
        "To ask what assessment has been made of the 30.4 million people in need in Sudan.\n\n"
        "Answer (Minister of State for Development Anna Pryde, 12 March 2025)\n\n"
        "We have committed £131.5 million this year. Our funding has reached more than 1.6 "
        "million people.\n"
    )
    who = _speakers(text, None)
    assert who["more than 1.6 million people"] == "Minister of State for Development Anna Pryde"
    assert who["30.4 million people"] == "Helen Marsh"


def test_a_forwarded_chat_message_is_the_statement_of_whom_it_came_from():
    text = (
        "[03.11.2025 11:40] Valley Monitors: [Forwarded from Valley Health Office]\n"
        "The toll from the shelling of the market has risen to 14. Two clinics received "
        "41 injured.\n\n"
        "[03.11.2025 12:10] Valley Monitors: our volunteers counted 300 families leaving.\n"
    )
    claims = {c.claim.value: c.claim for c in extract_page(text, None, date(2025, 12, 1))}
    assert claims[14].attributed_to == "Valley Health Office"
    assert claims[41].attributed_to == "Valley Health Office"
    assert claims[300].attributed_to is None  # the channel's own message: its own voice


DEBATE = (
    "Sudan: Humanitarian Situation\n\n"
    "Ms Rachel Okonkwo (Leeds North West) (Lab): More than 12 million people have been "
    "driven from their homes.\n\n"
    "Sir Graham Pettifer (North Cotswolds) (Con): Will the hon. Lady give way?\n\n"
    "Ms Okonkwo: I will give way once. Some 8.8 million are displaced inside Sudan.\n\n"
    "The Parliamentary Under-Secretary of State for Development (Priya Manning): The UK "
    "has provided £226 million in support. On 22 January, I announced a further £20 "
    "million for partners in Darfur.\n\n"
    "Andrew Sefton (Bromsgrove) (Con): Will the Minister give way?\n\n"
    "Priya Manning: Very briefly. Our partners have treated 118,000 children.\n"
)


def test_a_parliament_s_members_and_ministers_hold_the_floor_by_their_labels():
    found = _speakers(DEBATE, date(2025, 2, 4))
    by_start = {q.split()[-2] if q[0].isalpha() else q.split()[0]: who for q, who in found.items()}
    assert found["More than 12 million people"] == "Ms Rachel Okonkwo"  # not her seat and party
    assert by_start["8.8"] == "Ms Okonkwo"  # a title and a surname
    assert by_start["£226"] == "Priya Manning"  # an office, then the holder's name
    assert by_start["£20"] == "Priya Manning"  # "I announced": whoever holds the floor
    assert by_start["118,000"] == "Priya Manning"  # a bare name a full label gave before


def test_a_police_briefing_s_office_then_name_in_capitals_holds_the_turn() -> None:
    text = (
        "PRESS BRIEFING ON THE SECURITY SITUATION\n\n"
        "PPRO (SP AMINA GARBA-MUSA): Good morning. On Sunday, gunmen attacked Kurya village. "
        "Four residents were killed and 9 others were injured.\n\n"
        "Operatives arrested 12 suspects in Gusau, and the bodies were buried according to "
        "Islamic rites.\n"
    )
    found = _speakers(text, date(2025, 2, 11))
    assert found["Four residents"] == "SP AMINA GARBA-MUSA"
    assert found["9 others"] == "SP AMINA GARBA-MUSA"
    # "according to Islamic rites" is a rule followed, not a source
    assert found["12 suspects"] == "SP AMINA GARBA-MUSA"


def test_a_section_s_source_line_under_its_heading_gives_its_entries_source() -> None:
    text = (
        "Annex\n\n"
        "Ceasefire violations resulting in civilian casualties, 20 April-10 May 2025\n\n"
        "(Source: Ministry of Defence of the Republic of Veloria)\n\n"
        "1. On 20 April 2025, mortar rounds hit Kel Abbas, killing one civilian.\n\n"
        "2. On 8 May 2025, rockets hit Nuran. Two civilians were killed and 6 injured.\n\n"
        "Consequences by district\n\n"
        "Local monitors counted 14 houses burned in Nuran.\n\n"
        "Shelling damaged 9 schools.\n"
    )
    found = _speakers(text, date(2025, 5, 12))
    assert found["Two civilians"] == "Ministry of Defence of the Republic of Veloria"
    assert found["6 injured"] == "Ministry of Defence of the Republic of Veloria"
    assert found["14 houses"] == "Local monitors"
    assert found["9 schools"] is None  # past a heading: the section's source no longer holds


def test_a_headline_s_figure_is_the_lede_s_source_s():
    text = (
        "Drone attack on Velka kills two, damages dozens of homes\n\n"
        "VELKA, April 18 (Reuters) - Drones struck a residential area of Velka overnight, "
        "killing two people and damaging about 30 homes, Mayor Petro Ilchenko said.\n\n"
        "The district has about 1,350 residents."
    )
    found = _speakers(text)
    assert found["dozens of homes"] == "Mayor Petro Ilchenko"  # the headline's
    assert found["about 1,350 residents"] is None  # the page's own, not carried on
