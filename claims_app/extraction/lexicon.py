"""The words the claim extractor listens for. Data, kept apart from the logic.

These are words of the genre (casualty and displacement reporting), never
names of places, people or organisations: the extractor must work on
conflicts it has never seen.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claims_app.extraction import rx

# ISO 4217 codes reports put before amounts ("JPY 6.5 billion", "XOF 24 750"): the ones
# that are no English word. Money in mentions.py; never a place (places.NOT_PLACES).
CURRENCY_CODES = (
    "usd eur gbp chf ngn jpy nok sek dkk cad aud kes ugx sdg etb xof xaf mzn zar inr pkr afn "
    "yer syp lbp uah cny sar aed qar egp cdf ssp tzs rwf bif mwk zmw ghs bdt mmk htg cop ves "
    "brl mxn iqd jod irr lyd tnd mad dzd xdr"
).split()

# --- numbers that are not claims -------------------------------------------------

# All patterns here are lower case and run on ascii_lower(text) (see fold.py).
TRAP_BEFORE = re.compile(
    r"(?:\b(?:resolutions?|law|laws|article|articles|decree|no|nos|number|page|pages|chapter|"
    r"section|item|protocol|paragraph|room|route|highway|flight|code|phase|round|session|"
    r"version|model|level|grade|category|stage|point|clause|annex|ward|gate|building|"
    r"block|platoon|battalion|brigade|division|regiment|unit|district\s+no|street|st|road|rd|"
    r"avenue|ave|lane|kilo|km|plot|sector|camp\s+no|exit|bus|line|kebele|zone|"
    r"table|tables|figure|fig|map|chart|graph|box|issue|edition|appendix|para|paras|pp|"
    r"episode|private\s+bag|fm|reposts|retweets|likes|views|shares|replies|comments|"
    r"followers|reactions)\.?\s*(?:no\.?\s*)?"
    r"|\bage\s+of\s+|\baged\s+|\bunder\s+the\s+age\s+of\s+|\bover\s+the\s+age\s+of\s+"
    r"|\ban?\s+(?:girl|boy|man|woman|child|baby|infant|son|daughter|teenager)\s+of\s+"
    r"(?:about\s+|around\s+|some\s+)?"  # "a girl of about seven": an age
    r"|\b(?:children|child|boys|girls|infants|babies|those|people|men)\s+(?:aged\s+)?(?:under|"
    r"below|over|above)\s+)$",
)
# The last word each TRAP_BEFORE phrase ends with. `re` tries a `...$` pattern at
# every position of the text before each figure; the last word settles most at once.
_TRAP_LAST_WORDS = frozenset(
    """resolution resolutions law laws article articles decree no nos number page pages
    chapter section item protocol paragraph room route highway flight code phase round
    session version model level grade category stage point clause annex ward gate building
    block platoon battalion brigade division regiment unit of aged under below over
    above street st road rd avenue ave lane kilo km plot sector exit bus line kebele zone
    table tables figure fig map chart graph box issue edition appendix para paras pp episode
    bag fm reposts retweets likes views shares replies comments followers reactions about
    around some""".split()
)
_LAST_WORD_REVERSED = re.compile(r"\s*\.?([a-z]+)")


def trap_before(before: str) -> bool:
    """Whether the (lowered) text before a figure makes it a label: "page 4", "aged 12"."""
    last = _LAST_WORD_REVERSED.match(before[::-1])
    if last is None or last.group(1)[::-1] not in _TRAP_LAST_WORDS:
        return False
    return TRAP_BEFORE.search(before) is not None


TRAP_AFTER = re.compile(
    r"(?:-|\s)?(?:mm\b|millimet|cal\b|calibre|caliber|-year-old|\s*years?\s+old\b|"
    r"-member\b|-strong\b|-stor(?:e)?y\b|\s*fm\b|(?:st|nd|rd|th)\b|\s*(?:kb|mb|gb)\b|"
    r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o’clock|o'clock|midnight|noon|midday|"
    r"gmt|utc|hrs\b)|-point\b|-page\b|-day\s+(?:visit|trip|conference|meeting)|"
    r"\s+fold\b|-(?:hour|day|week|month|year)\b|"
    # a page's own counters, and the research behind a report, are not what it reports
    r"\s+(?:views|shares|likes|comments|reads|downloads|followers|subscribers|reposts|"
    r"retweets|posts(?=\s+·))\b|"  # "Reposts 184 · Likes 311", "14 posts · 1 author"
    r"\s+(?:key informant |in-depth |semi-structured |individual )?(?:interviews|"
    r"focus group discussions|satellite images|field visits|site visits)\b|"
    # the size of each of a thing, not how many: "a 25 kg bag of maize", "(50 kg each)"
    r"[\s-]*(?:kg|kgs|kilos?|kilo-?grams?|kilogrammes?|litres?|liters?|l)[\s-]+(?:bags?|"
    r"sacks?|jerr?y ?cans?|buckets?|drums?|bottles?|tins?|cartons?|packs?|cylinders?|each)\b|"
    # a level set in advance, not a measured figure: "the 15 per cent emergency threshold"
    r"\s*(?:%|per ?cent)?\s+(?:emergency\s+|alert\s+)?threshold\b|"
    # "a period one month longer", "two days later": a span compared, not a count
    r"\s+(?:hours?|days?|weeks?|months?|years?)\s+(?:longer|shorter|later|earlier)\b)",
)
# "three times", "10 times higher": a multiple, unless something was hit that many times
TIMES_AFTER = re.compile(r"\s+times\b")
HIT_BEFORE = re.compile(
    r"\b(?:hit|struck|attacked|shelled|bombed|targeted|raided|looted|stormed|damaged)\s+"
    r"(?:at least |more than |over |some |about |nearly |around |up to )?\Z"
)
# "week 38", "day 669" of an epidemic or a war: a label, unless a noun follows ("in the
# past week 38 people died").
LABEL_WORD_BEFORE = re.compile(r"\b(?:week|day|epi-?week)\s+\Z")
LABEL_ENDS = re.compile(
    r"[ \t]*[\r\n]|\s*(?:[,.;:)\]\-–—(]|\Z)|"
    r"\s+(?:alone|and|to|through|of|this|last|was|were|is|saw|recorded|compared|in|at|on)\b"
)
# A label before its colon ("Refugees in neighbouring countries: 1.1 million", "22 July,
# Arghandab district, Kandahar: a tractor struck a mine") is never longer than this
LABEL_MAX = 80
# "Cholera hotline (toll-free, 24/7): 9393"; "Showing updates 4–6 of 23", "Page 2 of 8"
HOTLINE_BEFORE = re.compile(r"\b(?:hotlines?|helplines?|toll-free)\b[^.\n]{0,30}?[:\s]\s*\Z")
# "the toll-free control room number is 112", "emergency numbers: 999": a number to call
CALL_NUMBER_BEFORE = re.compile(
    r"\b(?:phone|telephone|hotline|helpline|emergency|contact|toll-free|whatsapp|sms|fax|"
    r"call cent(?:re|er)|control room)\s+(?:[a-z-]+\s+){0,3}?numbers?\s*(?:is|are|:)?\s*\Z"
)
COUNTER_BEFORE = re.compile(
    r"\b(?:page|showing|displaying|updates|items|results|entries|stories|posts)\s+"
    r"(?:[a-z]+\s+)?\d+(?:\s*[-–]\s*\d+)?\s+of\s+\Z"
)
# Distances and lengths: "35 km", "about 60 km north", "22 miles", "500 metres".
DISTANCE_AFTER = re.compile(
    r"\s*(?:km|kms|kilomet(?:re|er)s?|(?:nautical\s+)?miles?|nm\b|metres?|meters?|yards?|feet|"
    r"ft)\b|\s+pages?\b"
)
# A size in brackets after what it measures: "1,200 bags of rice (25 kg)", "jerrycans
# (20 litres)" (the figure is the "(" - ")" pair's, checked with the bracket before it).
MEASURE_IN_BRACKETS = re.compile(
    r"\s*(?:kg|kgs|kilos?|kilograms?|g|grams?|tonnes?|mt|litres?|liters?|l|ml|lbs?|m2|m²|"
    r"cm|mm|sq\.? ?m|square met(?:re|er)s?)\s*\)"
)
# Phone, fax and hotline numbers, found once per article (RE2): never counts.
PHONE = rx.compile(
    r"(?:\+|\b00)\d{1,3}(?:[ .\-/]{0,2}\(?\d{1,5}\)?){1,6}"
    r"|\(0\d{1,4}\) ?\d{2,4}(?:[ .\-]?\d{2,4}){1,2}"
    r"|\b0\d{2,4}[ .\-]\d{3}[ .\-]\d{3,4}\b"
    r"|\b(?:hotlines?|helplines?|toll[ \-]free(?: (?:line|number))?|tel|telephone|phone|fax|"
    r"whatsapp|sms|short code|tip line)\b(?:[^.\d\n]{0,50}?(?:[:,(]|\bon\b|\bnumber\b)|\.)?"
    r" ?\(?\d[\d ()\-]{0,16}"
)


# What a phone number cannot be without: one cheap RE2 test skips most articles.
_PHONE_HINT = rx.compile(
    r"\+\d|\(0|hotline|helpline|toll.free|tel[.: ]|phone|fax|whatsapp|\bsms\b|short code|"
    r"tip line|\b0\d{2,4}[ .-]\d"
)


def phone_spans(low: str) -> list[tuple[int, int]]:
    """Where the article's phone and hotline numbers are (lowered text)."""
    if _PHONE_HINT.search(low) is None:
        return []
    # (a number to call has seven digits or more: "+12% on the previous week" is a change)
    return [
        (a, b) for a, b in (m.span() for m in PHONE.finditer(low))
        if sum(c.isdigit() for c in low[a:b]) >= 7 or not low.startswith("+", a)
    ]  # fmt: skip


COUNT_NOUN_AFTER = re.compile(
    r"\s+(?:(?!(?:for|to|in|of|from|by|with|and|or|on|at|as)\s)\w+\s+)?"  # "2023 for families"
    r"(?:people|civilians|children|women|men|persons|residents|families|"
    r"households|refugees|detainees|prisoners|deaths|casualties|attacks|strikes|homes|"
    r"houses|tents|schools|hospitals|cases|patients|workers|fighters|soldiers|students)\b",
)

# --- the counted noun phrase -------------------------------------------------------

NP_STOP = frozenset(
    """were was is are have has had be been being will would could should may might who which
        that whom whose in on at by from to for with into during since until and or but
        as than while after before when where because according said says including
        among out across over under this these those it its their his her a an its one
        two three percent per cent of overnight yesterday today tonight earlier later ago
        now still already also alone only last partially completely totally fully badly
        severely partly slightly""".split()
)
UNITS: dict[str, frozenset[str]] = {
    "people": frozenset(
        """civilian civilians people person persons child children woman women man men resident
        residents individual individuals other others detainee detainees prisoner
        prisoners refugee refugees migrant migrants idps idp displaced student students
        worker workers staff doctor doctors patient patients fighter fighters soldier
        soldiers member members journalist journalists activist activists deminer
        deminers elderly victim victims casualties dead wounded injured survivor
        survivors life lives inhabitant inhabitants girl girls boy boys infant infants
        baby babies medic medics volunteer volunteers teacher teachers nurse nurses
        protester protesters demonstrator demonstrators minor minors youth youths
        evacuee evacuees returnee returnees martyr martyrs syrians iraqis afghans yemenis sudanese
        rohingya palestinians ukrainians citizens citizen dissidents dissident surgeon
        surgeons deaths fatalities arrivals ppl""".split()
    ),
    "households": frozenset(["household", "households", "family", "families", "hhs"]),
    "facilities": frozenset(
        """hospital hospitals clinic clinics school schools facility facilities centre centres
        center centers bakery bakeries market markets mosque mosques church churches
        station stations warehouse warehouses silo silos home homes house houses shelter
        shelters shop shops structure structures building buildings dwelling dwellings
        tent tents site sites granary granaries camp camps settlement settlements installation
        installations premises compound compounds office offices classroom classrooms stall
        stalls bridge bridges road roads""".split()
    ),
    "towns": frozenset(
        """town towns village villages city cities community communities locality
        localities""".split()
    ),
    "attacks": frozenset(
        """attack attacks airstrike airstrikes strike strikes raid raids bombing bombings shell
        shells missile missiles rocket rockets explosion explosions
        massacre massacres assault assaults drone drones bomb bombs mortar mortars
        ambush ambushes""".split()
    ),
    "bodies": frozenset(["body", "bodies", "corpse", "corpses"]),
    "photos": frozenset(["photo", "photos", "photograph", "photographs", "image", "images"]),
    "years": frozenset(["year", "years"]),
}
HEAD_NOUNS = frozenset().union(*UNITS.values())
CHECKABLE_UNITS = frozenset(["people", "households", "facilities", "towns", "attacks", "bodies"])
PEOPLE_CATEGORIES = frozenset(
    ["killed", "injured", "casualties", "displaced", "detained", "refugees", "at_risk"]
)
# Counts of the reporting itself, not of the world: "interviews with 85 witnesses".
METHOD_BEFORE = re.compile(
    r"\b(?:interviews? with|interviewed|surveyed|survey of|covered(?! by)|sample of|based on|"
    r"relies on|relied on|consulted|analy[sz]ed|reviewed|drawing on|draws on|review of|"
    r"conducted by|confirmed by|corroborated by|verified by|examined|collected by|"
    r"carried out by|collected through|gathered through|confirm with|confirmed with)\b"
    # ("interviewed 14 people, including 6 survivors": the list breaks the count down)
    r"(?:[^,;.]|(?<=\d)[,.](?=\d)|,\s+(?:including|among them|of whom)\b|,\s+(?=\d))*$"
)
# Words METHOD_BEFORE cannot match without, tested first as substrings (C speed).
_METHOD_STEMS = (
    "interview", "survey", "covered", "sample of", "based on", "relie", "consulted", "analy",
    "review", "draw", "conducted by", "confirmed by", "corroborated by", "verified by",
    "examined", "collected by", "carried out by", "collected through", "gathered through",
    "confirm",
)  # fmt: skip


def method_before(low: str, start: int, end: int) -> bool:
    """Whether low[start:end], before a figure, counts the research itself."""
    window = low[start:end]
    if not any(map(window.__contains__, _METHOD_STEMS)):
        return False
    m = METHOD_BEFORE.search(low, start, end)
    # "imagery analysed by the Commission shows that 143 villages were burned": a finding
    return m is not None and _FINDING.search(low, m.start(), end) is None


_FINDING = re.compile(
    r"\b(?:shows?|showed|showing|found|finds|reveal(?:s|ed)|indicat(?:es|ed)|that)\b"
)


UNCHECKABLE_NOUNS = frozenset(
    """organisations organizations countries delegations donors partners participants
    representatives states meeting meetings sides side parties party times round rounds
    mistakes mistake occasions occasion things thing ways steps step points point questions
    reasons issues decades hours minutes seconds days weeks months""".split()
)
HEAD_NOUNS = HEAD_NOUNS | UNCHECKABLE_NOUNS
# What is seized, carried or driven, never a count of people nor an attack itself ("14
# trucks" on a refugee page, "38 assault rifles" after "fired")
KIT = frozenset(
    """rifle rifles gun guns pistol pistols weapon weapons vehicle vehicles motorcycle
    motorcycles truck trucks lorry lorries car cars bus buses boat boats ambulance
    ambulances cartridges magazines""".split()
)
ROUNDS = frozenset(("round", "rounds"))
# Arms, ammunition and vehicles seized, destroyed or hit: concrete things a reader can
# check, one or many ("one ambulance", "nine AK-47 rifles", "214 rounds of ammunition")
HARDWARE_NOUNS = (
    KIT
    | ROUNDS
    | frozenset(
        """mortar mortars rocket rockets missile missiles drone drones tank tanks aircraft
    helicopter helicopters grenade grenades launcher launchers depot depots cartridge
    ammunition""".split()
    )
)
AMMUNITION = re.compile(
    r"\b(?:mortar|artillery|tank|rocket|rifle|ammunition|bullets?)\b", re.IGNORECASE
)

# --- what kind of harm ------------------------------------------------------------------

NOUN_CATEGORY = {
    "detainees": "detained", "detainee": "detained", "prisoners": "detained",
    "refugees": "refugees", "refugee": "refugees", "casualties": "casualties",
    "dead": "killed", "killed": "killed", "bodies": "killed", "deaths": "killed",
    "idps": "displaced",
    "displaced": "displaced", "evacuees": "displaced", "wounded": "injured",
    "injured": "injured", "cases": "other", "killings": "killed",
    "fatalities": "killed", "abductions": "detained", "arrests": "detained",
    "arrivals": "displaced", "returnees": "other", "deportees": "other",
    "martyrs": "killed",  # a ministry's or a group's word for its dead
    "abductees": "detained", "hostages": "detained", "captives": "detained",
    "displacement": "displaced",  # "displacement has passed 7 million"
}  # fmt: skip
_CUES = {
    "casualties": r"casualties|(?:killed|dead) (?:or|and) (?:injured|wounded|maimed)|"
    r"deaths and injuries|killing and maiming",
    # a hospital's words first: "Killed on arrival: 6", "Died of wounds in hospital: 3"
    "killed": r"(?:killed|dead|died) on arrival|brought (?:in )?dead|"
    r"died (?:of|from) (?:their |his |her )?(?:wounds|injuries)|"
    r"killed|killing|kills|kill|dead|deaths?|died|death toll|lost their lives|"
    r"drowned|perished|executed|fatalities|fatal|massacred|murdered|shot dead|slain|"
    r"killings|buried|neutrali[sz]ed|martyred|martyrs|martyrdom|"  # martyr: an agency's dead
    # a defence ministry's words for the enemy it kills: "eliminated up to 340 militants"
    r"eliminated|eliminating|liquidated|liquidating|neutrali[sz]ing|"
    r"beheaded|decapitated|lynched|burned alive|burnt alive|hacked to death|stabbed to death",
    "injured": r"injured|injuring|injures|wounded|wounding|wounds|wound|injuries|hurt|"
    r"maimed|maiming|beaten|assaulted|"
    r"in (?:a )?(?:critical|serious) condition|receiving treatment|being treated",
    "displaced": r"displaced|displacement|displacing|displaces|fled|flee|fleeing|"
    r"forced to leave|evacuated|uprooted|uprooting|uproots|homeless|forcibly transferred|"
    r"(?:forced|driven) (?:from|out of) (?:their |its )?homes?|evicted|moved out of|"
    r"staying (?:with (?:relatives|host families|friends)|in (?:(?:collective|accommodation|"
    r"evacuation|temporary|displacement|transit) (?:shelters?|centres?|centers?|sites?)|"
    r"camps|tents|schools|mosques|churches))|found shelter|sleeping (?:in the open|rough)|"
    r"moved to|relocated|sheltering|sheltered|took refuge|taking refuge|arrived|arrivals?|"
    r"arriving|left for|hosted|hosting|hosts|host|"
    r"(?:from|out of) their homes|lost their homes|"  # "clashes drive 4,800 from their homes"
    r"(?:living|live|lives) in (?:the )?(?:camps|displacement sites|collective centres|tents)|"
    r"(?:left|leaving|fled|fleeing) (?:the |their |our )?(?:area|homes?|towns?|villages?|city|"
    r"cities|localit(?:y|ies)|districts?|camps?|region|neighbou?rhoods?)|"
    r"(?:moved|moving|walked|travelled|traveled) (?:from|to|towards)",
    "detained": r"detained|detention|arrested|arrests|abducted|kidnapped|imprisoned|captured|"
    r"held (?:in|by|captive|hostage|incommunicado)|(?:those|people|men|women|being|were|are|"
    r"remain|still) held|disappeared|detainees|custody|disappearances?|abductions?|"
    r"kidnappings?|rounded up|led away|taken away|taken into custody|"
    r"(?:were|was|been|being) taken (?:during|in|from|by) (?:[\w']+ ){0,2}?(?:raids?|"
    r"operations?|sweeps?|homes|tents|security forces|soldiers|police|armed men|gunmen|"
    r"militants|fighters|attackers|kidnappers|rebels|militiamen)",
    "refugees": r"refugees|asylum|crossed (?:from [a-z' -]{1,40} )?into|crossed the border|"
    r"made the crossing|waded across|"
    r"crossing into|sought refuge|seeking refuge",
    "at_risk": r"in danger|at (?:the |\w+ )?risk|threatened|trapped|besieged|in need|face|"
    r"facing|hunger|food insecure|food insecurity|famine|"
    # "need urgent food assistance", "still need emergency shelter kits", "could need
    # heating support": up to three words between the need and what is needed
    r"need(?:s|ed)? (?:[a-z-]+ ){0,3}?(?:assistance|aid|help|support|shelter|food|water|"
    r"protection|care|treatment|heating|evacuation)|cut off|depends? on|"
    r"requir(?:e|es|ed|ing) (?:[a-z-]+ ){0,2}?(?:assistance|aid|help|evacuation|treatment)|"
    r"without access|(?:no|little|limited|lack|lacks|lacking) (?:or no |adequate |safe |"
    r"sufficient |regular )?access|without (?:care|health care|aid|assistance|food|water|"
    r"shelter)|cutting off|confined|(?:could|would|will|may) lose|"
    r"ipc phase|in (?:emergency|crisis|catastrophe)|famine conditions|"
    r"in phases? [345]\b|(?:could|may|might|would|will) die\b",  # "195 000 in Phase 4"
    "attacks": r"attacks?|airstrikes?|air strikes?|strikes|shelling|bombing|bombed|shelled|"
    r"(?:ceasefire|truce) violations?|explosions|"  # a ceasefire monitor's counts
    r"attacked|struck|raided|stormed",
    "facilities_hit": r"damaged|damaging|damages|destroyed|destroying|looted|knocked out|"
    r"out of service|burned|burnt|set fire|set on fire|set alight|torched|razed|demolished|"
    r"hit|targeted|blown up|blew up|flattened|bulldozed|flooded|washed away|swept away|"
    r"submerged|inundated|collapsed",  # a disaster's damage: "5 bridges washed away"
    # Words that say what befell the people counted is none of the harms above.
    "other": r"missing|unaccounted for|returned|returnees|returning|malnourished|"
    r"malnutrition|rescued|survivors|sexual violence|raped|rape",
}
CUE_ALTERNATION = "|".join(f"(?:{p})" for p in _CUES.values())
CATEGORY_CUES = rx.compile(rf"\b(?:{CUE_ALTERNATION})\b")
_CUE_LOOKUP = [(re.compile(rf"^(?:{p})$"), c) for c, p in _CUES.items()]


@lru_cache(maxsize=4096)  # a few hundred cue words recur on every page
def cue_category(word: str) -> str:
    for pattern, category in _CUE_LOOKUP:
        if pattern.match(word):
            return category
    return "other"


SUBCOUNT = re.compile(
    r"\b(?:including|among them|among whom|of whom|of which|of them|mostly|"
    r"most of them|amongst them)\b"
)

# --- attribution ---------------------------------------------------------------------

SAY = (
    r"(?:said|says|say|reported|reports|report|told|tells|added|adds|noted|notes|stressed|"
    r"warned|warns|warn|confirmed|confirms|published|attributes|attributed|counts|"
    r"found|finds|shows|show|showed|went on to say|called on|called upon|called for|"
    r"demanded|documented|documents|recorded|records|estimated|estimates|estimate|"
    r"announced|announces|stated|claimed|claims|counted|explained|pointed out|"
    r"revealed|indicated|indicates|urged|wrote|cited|accused|condemned|affirmed|described|"
    r"underscored|emphasized|emphasised|highlighted|registered|verified|indicate|"
    r"projects|forecasts|predicts|identified|flagged|logged|tallied|"
    r"puts? (?:the |its )?(?:death toll|toll|number|figure|total|count)|"
    r"gave (?:a |an |the |its |their )?(?:\w+ )?(?:death toll|toll|figure|estimate|count))"
)
# Every attribution pattern needs one of these (or "according to"): one cheap scan
# decides whether the patterns are worth trying on a sentence.
# The date a bracketed source gives its figure: "April 2025", "14 April 2025", "14/04/2025"
_SOURCE_DAY = (  # (or "27 Feb": the day alone)
    r"(?:\d{1,2}\s+)?[A-Z][a-z]+\.?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\.?|\d{4}|"
    r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"
)
REPORTING_HINT = rx.compile(
    rf"\b{SAY}\b|[Aa]ccording\s+to|\b(?:[Ff]igures|[Dd]ata|[Ss]tatistics) from|"
    r"\b(?:published|released|issued|compiled|recorded|documented|registered|verified|"
    r"counted) by\b|\([A-Z][A-Za-z]{1,12}\)\.?\s*$|"
    rf"\([A-Z][A-Za-z&.\- ]{{1,40}},\s*(?:{_SOURCE_DAY})\)\.?\s*$|"  # "(UNHCR, April 2025)"
    # an agency's acronym, then its service: "(OCHA Financial Tracking Service)."
    r"\([A-Z]{2,}(?:\s+[A-Z][A-Za-z&.\-]*){1,5}\)\.?\s*$"
)  # per sentence, a whole string (RE2: four times `re`'s speed on this alternation)
# A speaker: a capitalised name ("The Syrian Network for Human Rights (SNHR)",
# "UN Spokesman Stéphane Dujarric", "the 151st Mechanised Brigade"), or a described
# group ("the district relief committee", "A 14-year-old survivor", "Aid agencies").
# Words that open a noun phrase but never a name: "An estimated 5,200 people ...".
_NOT_A_NAME = (
    r"(?!(?:The|A|An|This|That|These|Those|Its|Their|Some|Many|More|Most|Nearly|About|"
    r"Around|Over|Up|At|In|On|Since|Of|Only|Almost|Roughly|Another|Further|Two|Three|One)\b)"
)
_NAME_WORD = (  # "al-Haddad", "el-Amin": a family name after its lower-case article
    rf"(?:{_NOT_A_NAME}[A-Z][\w’'\-.]*|(?:al|el|ad|an|as|ash)-[A-Z][\w’'\-]*|"
    r"\([A-Z][A-Za-z]{0,8}[A-Z]\)|\([A-Z]\)|"  # "(UNHCR)", "(MoPHP)"
    r"\d+(?:st|nd|rd|th))"
)
_ROLE_WORD = (
    r"(?:[a-z]+ists|officials?|authorities|sources|residents|witnesses|doctors?|workers|"
    r"agenc(?:y|ies)|groups?|committees?|councils?|teams?|officers?|spokes(?:person|man|woman)|"
    r"head|director|coordinators?|chair|members?|organi[sz]ations?|monitors?|medics?|nurses?|"
    r"volunteers?|survivors?|relatives|elders|leaders?|police|army|military|ministry|office|"
    r"charit(?:y|ies)|associations?|unions?|ngos?|coalitions?|networks?|companies|company|"
    r"hospitals?|clinics?|centres?|centers?|units?|departments?|services?|employers?|"
    r"managers?|management|engineers?|farmers?|families|mothers?|fathers?|report|study|"
    r"survey|statement|petition|defen[cs]e|rescuers|protection|prosecutors?|investigators?|"
    r"informants|partners|force|forces|brigade|mission|utility|watchdog|media|governor|"
    r"mayor|authority|government|administration|cluster|mechanism|matrix|operators?|traders|"
    r"drivers|teachers|villagers|parents|observers?|radio|television|newspapers?|outlets?|"
    r"system|staff|personnel|crews?|paramedics|physicians|surgeons?|midwives|"
    r"representatives?|delegates?|delegations?|envoys?|ambassadors?|speakers?)"
)
# Where a described speaker is: "Hospital staff in the town told EARM"
_WHERE_NOUN = r"(?:town|city|village|camp|area|district|region|province|capital|country)\b"
# What a named source's figures come as, after its name: "UN figures show", "ACEM data
# show", "CHMY researchers counted" (never a source alone: "The figures show")
_SOURCE_NOUN = (
    r"(?:data|figures|statistics|records|analysis|assessments?|researchers|analysts|"
    r"enumerators|estimates)\b"
)
_DETERMINER = r"(?:[Tt]he|[Aa]n?|[Tt]heir|[Ii]ts|[Hh]is|[Hh]er|[Oo]ur)"
_LOWER = r"[a-z0-9][\w’'-]*"  # "state-run", "14-year-old", "health"
_WHO = (
    rf"(?P<who>(?!(?:in|on|at|by|for|from|with|to|of|into|during|after|before|while|but|"
    rf"and|as|whereas|although|when|that)\b)"
    rf"(?:{_DETERMINER}\s+)?(?:(?:{_LOWER}\s+){{0,2}}{_NAME_WORD}|(?:{_LOWER}\s+){{0,3}}{_ROLE_WORD})"
    rf"(?:[\s,]+(?:{_NAME_WORD}|the|of|for|and|al|el|de|in|on|at|{_SOURCE_NOUN}|"
    rf"(?:{_LOWER}\s+){{0,3}}(?:{_ROLE_WORD}|{_NAME_WORD}|{_SOURCE_NOUN}|{_WHERE_NOUN})))"
    r"{0,9})"
)
# "according to the U.N. refugee agency UNHCR": dots inside a name do not end it
ACCORDING_TO = re.compile(
    r"\b[Aa]ccording\s+to\s+(?P<who>(?:the )?(?:[^,.;“”\"()]|\([A-Za-z]{2,12}\)|\.(?=\w)|"
    r"(?<=\b[A-Z])\.(?= [a-z]))"
    r"{3,120}?)(?=[,;)]|\s*\((?![A-Za-z]{2,12}\))|\.(?!\w)|$| which| who)"
)
# "according to a survey released on Tuesday by the Regional Food Monitoring Unit"
BY_AUTHOR = re.compile(r"\bby (?P<who>(?:the )?[A-Za-z][^,.;]{2,80})$")
# "Figures from IOM show that ...", "the last official figure published by the authorities"
FIGURES_FROM = re.compile(
    rf"\b(?:[Ff]igures|[Dd]ata|[Ss]tatistics|[Nn]umbers|[Ee]stimates) (?:from|by) {_WHO}"
    r"\s+(?:show|shows|showed|indicate|indicates|suggest|suggests)\b"
    r"|\b(?:published|released|issued|compiled|recorded|documented|registered|verified|"
    r"counted) by (?P<by>(?:the )?[A-Za-z][^,.;()]{2,60})"
)
SAID_BY_AFTER = re.compile(rf"[,”\"]\s*{_WHO},?\s+{SAY}\b")
# ", the coastguard said": a described speaker of any kind, right before the verb
SAID_BY_AFTER_SIMPLE = re.compile(
    rf"[,”\"]\s*(?P<who>(?:the|a|an|its|their)\s+(?:[a-z’'-]+\s+){{0,4}}[a-z’'-]+),?\s+{SAY}\b"
)
# A post a speaker holds: a role after a name, or the office in a transcript's label
OFFICE_WORDS = (
    r"spokes\w*|representative|head|director|minister|chief|coordinator|officer|chair\w*|"
    r"president|ambassador|secretary|envoy|commissioner|deputy|advis[eo]r|manager|delegate|"
    r"rapporteur|expert|doctor|surgeon|governor|mayor|commander|official|administrator"
)
# ," said Marta Ilunga, the coalition's coordinator.
SAID_INVERTED = re.compile(
    rf"[,”\"]\s*(?:said|says|added|noted|warned|stressed|explained)\s+"
    rf"(?P<who>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}}(?:,\s+(?:(?:the|a|an|its|their)\s+[^,.;]{{3,60}}|"
    rf"[A-Z][^,.;]{{2,60}}|(?:[a-z-]+\s+){{0,3}}(?:{OFFICE_WORDS})\b[^,.;]{{0,70}}))?)"
    r"(?:,\s+(?:who|whose)\b[^.;]*)?"  # ", who leads the agency's team in Gatumba."
    r"\s*[.,;]?\s*$"
)
# ", said a doctor at Al-Shifa hospital.": a speaker described by role, after the verb
SAID_BY_ROLE = re.compile(
    rf"[,”\"]\s*(?:said|says|added|told (?:reporters|journalists|[A-Z][\w.]*))\s+"
    rf"(?P<who>(?:a|an|the|one)\s+(?:[a-z-]+\s+){{0,2}}?{_ROLE_WORD}"
    r"(?:\s+(?:at|from|of|in|with)\s+(?:the\s+)?[A-Z][^,.;]{2,60})?)"
    r"(?:,\s+(?:where|who|which|whose)\b[^.;]*)?\s*[.,;]?\s*$"  # ", where the victims were taken"
)
# "The consortium said", "Its director warned": a described speaker of any kind.
SPEAKER_SIMPLE = re.compile(
    rf"^(?P<who>(?:The|A|An|Its|Their)\s+(?:[a-z][\w-]*\s+){{0,2}}[a-z]+)\s+{SAY}\b"
)
# "The AAPP, a monitoring group, says": the name, not the description after it
# ("Amina Bello, head of Arvo district, told reporters": a title set without an article)
_ROLE = rf"(?:[a-z-]+\s+){{0,2}}(?:{OFFICE_WORDS})\s+(?:of|for|at)\b[^,]{{2,80}}"
APPOSITIVE = re.compile(
    rf"^(?:[A-Z][^,]{{0,60}},\s+){{0,2}}{_WHO},\s+(?:(?:a|an|the)\s+[^,]{{3,80}}|{_ROLE}),\s+"
    rf"(?:(?:which|who)\s+[^,]{{2,80}},\s+)?(?:(?:also|has|have|had)\s+)?{SAY}\b"
)
# "Dr Hiba Abdelrahman, who runs the emergency department at Al Nao Hospital, said her
# team had treated ...": the name before a relative clause, then the verb
RELATIVE_SAID = re.compile(
    rf"^{_WHO},\s+(?:who|which)\s+[^,]{{2,100}},\s+(?:(?:also|has|have|had)\s+)?{SAY}\b"
)
SPEAKER_BEFORE = re.compile(
    rf"^(?:[A-Z][^,]{{0,60}},\s+(?:[^,]{{0,80}},\s+)?)?{_WHO},?\s+"
    # "Doctors in Maiduguri, where the most serious cases were taken, said"
    r"(?:(?<=,\s)(?:where|who|which)\b[^,;:]{1,80},\s+)?"
    r"(?:(?:also|earlier|today|yesterday|on \w+|had|has|have|later|now|previously|so far|"
    r"already|jointly|since)\s+){0,3}"
    rf"{SAY}\b"
)
# A meeting's record: "NOURA HADDAD, Director of the Coalition, speaking via video link
# from Aden, said that ...", "JANE DOE (United Kingdom), speaking as penholder, said"
SPEAKING_AS = re.compile(
    rf"^{_WHO}(?:\s*\([^()]{{2,40}}\))?,\s+(?:[^,]{{3,90}},\s+){{0,2}}?speaking\b[^,]{{0,90}},"
    rf"\s+(?:also\s+)?{SAY}\b"
)
# "Turning to the detention of staff, she said that ...", "..., or 14 per cent, she
# said.": a pronoun, after an opening phrase or closing the sentence (the speaker is
# the one named last)
PRONOUN_SAID = re.compile(
    rf"(?:^(?:[A-Z][^,]{{0,80}},\s+)?|[,”\"]\s*)(?P<who>he|she|they|we|it)\s+"
    rf"(?:also\s+|then\s+)?{SAY}\b"
)
# "... blamed the RSF for raids, which it said had claimed 31 lives": the subject's word
RELATIVE_PRONOUN_SAID = re.compile(rf"\b(?:which|that)\s+(?P<who>it|they)\s+{SAY}\b")
# "... to Burundi since 20 April (UNHCR)." - a source named in brackets at the end
SOURCE_IN_BRACKETS = re.compile(  # (or with its date: "(IOM DTM, April 2025)")
    rf"\((?P<who>[A-Z][A-Za-z&.\- ]{{1,40}})(?:,\s*(?:{_SOURCE_DAY}))?\)\.?\s*$"
)

# --- events --------------------------------------------------------------------------

EVENT_WORDS = re.compile(
    r"(?<!\w)(?:bombings?|attacks?|killed|massacre|explosions?|strikes?|struck|shelling|shelled|"
    r"targeted|defected|arrested|detained|abducted|released|captured|recaptured|seized|"
    r"destroyed|damaged|collapsed|fled|displaced|evacuated|flooded|burned|looted|reached|"
    r"hit|launched|occurred|took place|happened|began|started|ended|signed|opened|closed|"
    r"leaked|published|issued|held|intervention|invasion|offensive|siege)\b",
)
EVENT_ASSERTION = rx.compile(
    r"\b(?:(?:multiple |heavy )?(?:air\s?strikes?|shelling|bombs?|missiles?|rockets?|"
    r"drones?|troops|forces|militants|gunmen|armed men)\b[^.;]{0,80}?\b)?"
    r"(?:targeted|struck|hit|bombed|shelled|destroyed|damaged|knock(?:ed|ing) (?:it |them )?"
    r"out of service|out of service|looted|set fire|burned|attacked|stormed|besieged|"
    r"used (?:chemical|cluster|incendiary|barrel)|evicted|deported|executed|collapsed|"
    r"captured|recaptured|recapture|capture|seized|blocked|cut off|(?:was|were|been) closed|"
    r"flooded|overran|cancell?ed|opened fire|ambushed|exploded|detonated|blew up|"
    r"raided|torched|razed|demolished|capsized|sank|shot down|"
    r"committed (?:a |another )?massacres?|built|"
    r"carried out (?:a |an |another )?(?:attack|massacre|strike|raid|bombing)s?)\b",
)
NAMED_TARGET = re.compile(
    r"\b[A-Z][\w’'\-]+(?:\s+(?:al-|el-)?[A-Z\w’'\-]+)*\s+(?i:hospital|clinic|school|market|"
    r"mosque|bakery|camp|bridge|prison|station|silos?|crossing|dam|airport|port|headquarters)\b"
)
CONCRETE_TARGET = re.compile(
    r"(?<!\w)(?:hospitals?|clinics?|schools?|markets?|mosques?|bakery|bakeries|camps?|"
    r"homes?|houses?|bridges?|roads?|warehouses?|convoys?|stations?|prisons?|"
    r"neighbou?rhoods?|villages?|towns?|cities|silos?|crossings?)\b",
)
