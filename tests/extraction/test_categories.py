"""What a figure counts, read from its own words first (categories.py)."""

from datetime import date

import pytest

from claims_app.extraction.claims import extract_claims


def _category(sentence: str, quote_start: str) -> str:
    claims = [c for c in extract_claims(sentence, date(2025, 3, 12)) if c.kind == "numeric"]
    found = [c for c in claims if c.quote.startswith(quote_start)]
    assert found, [c.quote for c in claims]
    return found[0].category


@pytest.mark.parametrize(
    ("sentence", "quote", "category"),
    [
        # two harms joined before one figure count both together
        ("Explosive ordnance killed or injured 165 people in the first quarter.",
         "165 people", "casualties"),
        ("Mines killed and wounded 40 civilians in Helmand last year.", "40 civilians",
         "casualties"),
        # one person in a total's breakdown is one of that total; beatings hurt
        ("Fishermen found the bodies of eight people, including a child, near Garabulli.",
         "a child", "killed"),
        ("Police said 40 protesters were beaten in Velm.", "40 protesters", "injured"),
        # a bare figure said to be destroyed counts the buildings before it
        ("Imagery shows 4,300 buildings destroyed and more than 1,100 damaged in Wad Rawah.",
         "more than 1,100", "facilities_hit"),
        ("Two fires broke out in the camp, injuring four people.", "Two fires", "other"),
        ("Shelling hit 12 schools in Kessa, and 3 were completely destroyed.", "3",
         "facilities_hit"),
        # a bare figure "of them" counts what the total before it counted
        ("Attacks hit 23 health centres in March, 9 of them in Mopti region.", "9",
         "facilities_hit"),
        # the verb that governs the figure
        ("Four aid workers were taken by armed men near Kibirizi.", "Four aid workers",
         "detained"),
        ("Monitors visited 912 detainees in 27 places of detention.", "27 places", "other"),
        ("Families paid up to 50,000 birr to learn where relatives were held.",
         "up to 50,000 birr", "other"),
        ("Nearly 9 million people are displaced in Velm, and 1.2 million have fled to "
         "neighbouring countries.", "1.2 million", "refugees"),
        ("By May, 1.6 million had been internally displaced and 540,000 had fled across "
         "international borders.", "1.6 million", "displaced"),
        ("More than 1.4 million livestock have died since October.", "More than 1.4 million",
         "other"),
        ("Floods killed 12 people and 300 head of cattle.", "300 head", "other"),
        ("1.4M+    livestock deaths", "1.4M+", "other"),
        ("Two of the wounded, a girl of 9 and a man of 67, died in the night.",
         "Two of the wounded", "killed"),
        ("The shelling hit the bus, killing two drivers and one passenger.", "two drivers",
         "killed"),
        ("Demolitions in the valley went on, displacing 480 people.", "480", "displaced"),
        ("Border guards repelled 14 assaults near Vesna overnight.", "14", "attacks"),
        ("Air defences shot down 22 drones over the capital.", "22", "other"),
        ("Floods forced 3,100 people (640 households) to flee their homes.", "3,100",
         "displaced"),
        ("The camp now shelters more than 9,000 people in tents.", "more than 9,000",
         "displaced"),
        # people captured or taken away are detained; towns captured are no one
        ("The army said it captured 31 fighters near Dikwa.", "31 fighters", "detained"),
        ("Gunmen took away 9 passengers from the bus.", "9 passengers", "detained"),
        ("Rebels captured 3 towns in the east.", "3 towns", "other"),
        # villages attacked are attacks; villages burned, places hit
        ("Soldiers raided at least 14 villages near Kani.", "at least 14", "attacks"),
        ("Troops burned 12 villages in the township.", "12 villages", "facilities_hit"),
        # a share of the displaced that says who they are is no count of the displaced;
        # a share of people who fled is
        ("Up to 40% of new arrivals are children.", "Up to 40%", "other"),
        ("About one-third of displaced households are headed by women.", "About one-third",
         "other"),
        ("About 40 per cent of residents have fled the town.", "About 40 per cent",
         "displaced"),
        # a court's sentence kills no one; cases are cases, whatever deaths follow
        ("The court sentenced three men to death on Monday.", "three men", "other"),
        ("Clinics recorded 210 suspected cholera cases, and four patients died.", "210",
         "other"),
        # people left without care or access are at risk
        ("The clinic was looted, leaving some 9,000 residents without care.", "some 9,000",
         "at_risk"),
        ("An estimated 2.1 million people lack adequate access to safe water.",
         "An estimated 2.1 million", "at_risk"),
        # a share of the people a survey asked counts what they said, no harm
        ("About 60 per cent of families surveyed said a relative had been killed.",
         "About 60 per cent", "other"),
        # a fatality ratio counts no one
        ("The outbreak has a case fatality ratio (CFR) of 0.31%.", "0.31%", "other"),
        # the dead found; schools closed are not schools hit
        ("Rescuers recovered the bodies of another nine men near Sofara.", "nine men", "killed"),
        ("Forensic teams recovered the remains of 312 people from burial sites.", "312 people",
         "killed"),
        ("312 sets of human remains recovered, 87 identified", "312 sets", "killed"),
        # people put at risk, or who need or require help, are at risk
        ("Stocks will run out in July, putting up to 40,000 severely malnourished children "
         "at risk.", "up to 40,000", "at_risk"),
        ("The coordinator said an estimated 190,000 people needed emergency shelter.",
         "an estimated 190,000", "at_risk"),
        ("More than 12,000 patients in Gaza still require medical evacuation.",
         "More than 12,000", "at_risk"),
        # a share of the dead counts the dead; a share of the displaced says who they are
        ("Women and girls made up 18 per cent of those killed.", "18 per cent", "killed"),
        ("Children make up 57 per cent of the newly displaced.", "57 per cent", "other"),
        ("At least 140 schools have closed since the fighting began.", "At least 140", "other"),
        # camps, room for people and staff moved for their work are not displaced people
        ("The district hosts 80,000 displaced people in 14 formal camps.", "14 formal", "other"),
        ("The transit centre was built for 2,000 people and now hosts 9,500.", "2,000",
         "other"),
        ("The agency evacuated its 12 international staff from Kadugli.", "12", "other"),
        # a headline's toll in the present tense; people in treatment are the injured
        ("Relief reaches Baga as death toll rises to 23", "23", "killed"),
        ("Nine people died and 14 others were receiving treatment in Baga.", "14 others",
         "injured"),
        # aid given to the people counted is not harm done to them
        ("Partners reached 8,200 newly displaced people with food and water.", "8,200",
         "other"),
        ("A convoy carried flour for some 15,000 people to the town.", "some 15,000", "other"),
        # the counted noun and its own words
        ("Medics treated 64 people with gunshot and shrapnel wounds in Arvo.", "64",
         "injured"),
        ("Rescuers pulled 12 injured people from the rubble.", "12 injured", "injured"),
        ("Rescuers pulled four people alive from the rubble.", "four people", "other"),
        ("Officials registered 2,300 new arrivals at the transit site.", "2,300", "displaced"),
        ("The monitor documented 412 killings in the district.", "412", "killed"),
        # the words after the figure
        ("Of the 40 wounded, nine died in hospital on Sunday.", "nine", "killed"),
        ("More than 6,000 people who had sheltered in schools in Ostra have returned home.",
         "More than 6,000", "other"),
        ("Nearly 2,000 people have crossed from Loma district into Norland since May.",
         "Nearly 2,000", "refugees"),
        ("Up to 40,000 people in the valley now have no access to clean water.", "Up to 40,000",
         "at_risk"),
        ("Some 120 people remain missing after the boat capsized.", "Some 120", "other"),
        ("Twelve people were killed and 63 others were injured in the attack.", "63 others",
         "injured"),
        # tolls, shares, bare figures and things
        ("The death toll from the blast rose to 31 on Tuesday.", "31", "killed"),
        ("The governor raised an earlier toll of nine after rescuers found more bodies.",
         "nine", "killed"),
        ("The monitor recorded 97 deaths caused by JNIM, or 53% of the total.", "53%",
         "killed"),
        ("The report attributes 1,140 of the deaths to air strikes and 610 to ground fighting.",
         "610", "killed"),
        ("Some 7,800 people fled the town, over half of them children.", "over half", "other"),
        ("Then 11 trucks carrying tents crossed into Norland on Sunday.", "11 trucks", "other"),
        ("Gunmen looted dozens of shops and set fire to 30 homes in Arvo.", "30 homes",
         "facilities_hit"),
        ("The group carried out 7 attacks on health centres and schools in May.", "7 attacks",
         "facilities_hit"),
        ("A drone dropped two bombs on the school, killing 11 people.", "two bombs", "attacks"),
        ("The region has recorded 1,270 suspected cases and 14 deaths since May.", "1,270",
         "other"),
        # the harm a figure's own words name, whatever verb or noun comes first
        ("Renewed clashes claimed 18 lives in Ostra, the monitor said.", "18", "killed"),
        ("The valley camp hosts more than 60,000 refugees from Norland.", "more than 60,000",
         "refugees"),
        ("Three of the injured later died in hospital.", "Three", "killed"),
        ("Two children died of their wounds on Monday.", "Two children", "killed"),
        ("The monitor recorded 41 new cases of enforced disappearance in Arvo.", "41",
         "detained"),
        ("The monitor recorded 41 new cases of cholera in Arvo.", "41", "other"),
        # moving away from a place is displacement; who the displaced are is not
        ("Some 3,900 people left villages around Ostra between 2 and 6 May.", "Some 3,900",
         "displaced"),
        ("About 1,200 individuals (260 households) moved from Vesna towards the coast.",
         "260 households", "displaced"),
        ("Women and girls make up 61 per cent of the newly displaced.", "61 per cent", "other"),
        # the genre's own words for a harm
        ("Some 4.9 million people are in IPC Phase 3 or above.", "Some 4.9 million", "at_risk"),
        ("Villagers said they buried 31 people on Tuesday.", "31 people", "killed"),
        ("The army said it had neutralised 12 assailants near Koro.", "12 assailants",
         "killed"),
        ("Monitors documented the abduction of at least 23 people on the road.",
         "at least 23", "detained"),
        # forced from their homes, in every voice and tense; evicted; moved out of a place
        ("More than 9 million people have been forced from their homes since 2023.",
         "More than 9 million", "displaced"),
        ("The dam burst on Friday, forcing some 6 300 people from their homes.", "some 6 300",
         "displaced"),
        ("Rains force more than 4,000 from their homes in Vesna district.", "more than 4,000",
         "displaced"),
        ("Some 2,600 families were evicted from informal sites in the capital.", "Some 2,600",
         "displaced"),
        ("About 900 people were moved out of villages near the border.", "About 900",
         "displaced"),
        ("The militia forced 40 prisoners to carry ammunition.", "40 prisoners", "detained"),
        # where the uprooted stay says they are displaced; who they are does not
        ("Some 2,000 people are staying in collective shelters in Vesna.", "Some 2,000",
         "displaced"),
        ("Of the newly displaced, 58 per cent are staying with host families.", "58 per cent",
         "displaced"),
        ("Some 58 per cent of new arrivals are women and girls.", "Some 58 per cent", "other"),
        # care given is no harm, whatever harm the sentence names
        ("Surgeons performed 96 operations, including 21 amputations, for blast injuries.",
         "96 operations", "other"),
        ("Mobile teams carried out 1,870 consultations in the camps last week.",
         "1,870 consultations", "other"),
        ("The air force carried out 14 airstrikes on positions near Arvo.", "14 airstrikes",
         "attacks"),
        # a conflict monitor's events, and the change in them
        ("The monitor recorded 412 political violence events and 960 reported fatalities.",
         "412 political violence events", "attacks"),
        ("The monitor recorded 412 political violence events, a 12% increase on the week "
         "before.", "12% increase", "attacks"),
        # lives lost are the dead; the affected are no harm, even with a bracket between
        ("We have lost 27 lives in this district alone, the commissioner said.", "27 lives",
         "killed"),
        ("Some 41,356 households (about 186,000 people) have been affected by the floods.",
         "Some 41,356 households", "other"),
        # a bare figure takes the harm its own verb names, not its neighbour's
        ("Assessments show 27 people have died, 112 have been injured and 9 are missing.",
         "112", "injured"),
        # what a total "has passed": more than it, and the subject's count
        ("Displacement in the east has passed 7 million, the agency said.", "passed 7 million",
         "displaced"),
        # a headline's verb in the present, for a plural subject
        ("Police detain 40 protesters in Velm", "40 protesters", "detained"),
        ("Gunmen abduct 30 pupils from a school in Arvo", "30 pupils", "detained"),
        ("FLOODS DISPLACE TENS OF THOUSANDS IN OSTRA", "TENS OF THOUSANDS", "displaced"),
    ],
)  # fmt: skip
def test_category_from_the_figure_s_own_words(sentence, quote, category):
    assert _category(sentence, quote) == category


def test_arrivals_on_a_page_about_refugees_are_refugees() -> None:
    text = (
        "More than 9,000 refugees have crossed into Norland since May, the refugee agency "
        "said. Teams registered 4 100 new arrivals at the Temi transit site this week, and "
        "the refugees are moved to camps within days."
    )
    assert _category(text, "4 100") == "refugees"


def test_an_agency_s_name_does_not_make_a_page_about_refugees() -> None:
    text = (
        "Some 4,000 people who fled fighting in Kessa arrived in Aren this week, said an "
        "officer of the Norwegian Refugee Council. The UN refugee agency is sending tents."
    )
    assert _category(text, "Some 4,000") == "displaced"


def test_people_reaching_another_country_on_a_page_about_refugees_are_refugees() -> None:
    text = (
        "Refugees fleeing clashes in Mali keep arriving, and the camps already hold "
        "90,000 refugees, the refugee agency said. More than "
        "6,200 people have reached Mauritania in ten days, and some 1,300 people made the "
        "crossing at Fassala on Monday alone."
    )
    assert _category(text, "More than 6,200") == "refugees"
    town = text.replace("have reached Mauritania", "have arrived in Bassikounou")
    assert _category(town, "More than 6,200") == "refugees"
    assert _category(text, "some 1,300") == "refugees"


def test_arrivals_on_a_page_about_internal_displacement_stay_displaced() -> None:
    text = (
        "Fighting displaced 12,000 people inside Ostra province in May. Partners registered "
        "4 100 new arrivals at the Temi displacement site this week."
    )
    assert _category(text, "4 100") == "displaced"


def test_key_figures_after_their_labels_and_a_leader_of_dots():
    text = (
        "FINDINGS IN FIGURES\n\nCivilians killed ........ 52+\nCivilians injured ....... 40-45\n"
        "Homes burned ............ 1 120\nPeople detained ......... 33\n"
    )
    found = {c.quote: c.category for c in extract_claims(text, date(2025, 3, 12))
             if c.kind == "numeric"}  # fmt: skip
    assert found == {"52+": "killed", "40-45": "injured", "1 120": "facilities_hit",
                     "33": "detained"}  # fmt: skip


@pytest.mark.parametrize(
    ("quote", "category"),
    [
        ("about 52,000 displaced", "displaced"),
        ("61 school", "other"),  # the sites they shelter in are no displaced people
        ("about 47,500", "displaced"),  # compared with the people, not the schools
        ("six sites", "other"),  # a part that counts sites, not people
        ("4,500", "displaced"),  # a bare change counts the people before the sites
    ],
)
def test_sites_that_shelter_people_count_sites(quote: str, category: str) -> None:
    text = (
        "By Friday, about 52,000 displaced people were staying in 61 school buildings, "
        "compared with about 47,500 a week earlier. Some 3,900 people found shelter in "
        "displacement sites, including six sites opened this week. Another 18,000 people "
        "were sheltering in 40 churches, up 4,500 since Monday."
    )
    assert _category(text, quote) == category


@pytest.mark.parametrize(
    ("sentence", "quote", "category"),
    [
        ("Clashes near Tibú drive 2,300 from their homes.", "2,300", "displaced"),
        ("Some 1 100 households have lost their homes, the mayor said.", "Some 1 100",
         "displaced"),
        ("About 35,000 people are still living in the camps near the town.", "About 35,000",
         "displaced"),
        # a disaster's damage to buildings and bridges
        ("The storm left 14 classrooms damaged and 6 bridges washed away.", "14 classrooms",
         "facilities_hit"),
        ("The storm left 14 classrooms damaged and 6 bridges washed away.", "6 bridges",
         "facilities_hit"),
        # the number named before goes on being counted
        ("An estimated 1.6 million people face Crisis or worse. During the lean season, the "
         "number is expected to rise to 1.9 million.", "1.9 million", "at_risk"),
        ("Some 820 000 people face Crisis or worse, including 210 000 in Phase 4.",
         "210 000", "at_risk"),
        ("About 90,000 children are severely malnourished, and up to 12,000 of them could "
         "die without treatment.", "up to 12,000", "at_risk"),
        ("The monitors verified the killing of 31 children and the maiming of 77.",
         "77", "injured"),
        ("Killing and maiming accounted for 58 per cent of all verified violations.",
         "58 per cent", "casualties"),
        ("The army said 40 fighters had been killed and 9 captured.", "9", "detained"),
        ("Rape and other forms of sexual violence against 23 children were verified.",
         "23 children", "other"),
        # areas and violations are not people
        ("Nine districts are classified in severity phase 4.", "Nine districts", "other"),
        ("The task force verified 31 grave violations against children.", "31 grave",
         "other"),
        # a defence ministry's words for the enemy it kills
        ("In today's fighting, our forces eliminated up to 340 militants.", "up to 340",
         "killed"),
        ("Since 9 February our forces have liquidated 4,870 fighters.", "4,870", "killed"),
        # a ceasefire monitor counts violations and explosions as attacks
        ("The mission recorded 214 ceasefire violations, including 87 explosions.", "214",
         "attacks"),
        ("The mission recorded 214 ceasefire violations, including 87 explosions.",
         "87 explosions", "attacks"),
        # a second object of the same verb is counted by that verb, not the next one
        ("Artillery fire killed a woman and her two children and wounded 5 other civilians.",
         "two children", "killed"),
    ],
)  # fmt: skip
def test_harm_said_the_way_reports_say_it(sentence: str, quote: str, category: str) -> None:
    assert _category(sentence, quote) == category
