"""What a figure counts: killed, injured, displaced, detained, at risk, attacks ...

Read from the figure's own words first, then from the sentence around it, in
this order (the first that answers wins):

1. fixed phrases: "the death toll rose to N", "N dead and injured";
2. aid given to the people counted: "reached 21,500 newly displaced people",
   "food for some 42,000 children" count beneficiaries, not harm;
3. the verb that governs the figure: "killing two patients", "displacing 612
   people", "repelled 12 assaults", "shot down 31 drones";
4. the counted noun itself: "refugees", "deaths", "new arrivals", "31 injured
   people", "people with gunshot wounds";
5. the nearest harm word in the sentence, a word before the figure counting
   three times its distance (it usually belongs to an earlier figure).

Then things that can only be hit, not hurt (homes, schools, shops) become
"facilities_hit" with a word of damage or attack, and attacks on them too.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from claims_app.extraction import lexicon as lx
from claims_app.extraction import rx
from claims_app.extraction.fold import ascii_lower

# RE2 (rx): every figure reads the words before it against all the harm cues
_CUE_OF = rx.compile(rf"\b({lx.CUE_ALTERNATION})\s+of\s+(?:the\s+)?$")
_TOLL_BEFORE = re.compile(
    r"\b(?:death toll|toll|number of (?:dead|deaths|victims|people (?:reported )?killed))\b"
    r"[^.;]{0,90}?\b(?:rose|risen|climbed|increased|grown|jumped|reached|stood|stands|hit|is|was|"
    r"rises|climbs|increases|jumps|reaches|hits|"  # a headline's present tense
    r"revised (?:up|down)(?:ward)?|raised)(?: to| at| from)?\s+$"
    r"|\b(?:toll|death toll) (?:of|at)\s+$|\bput the (?:death )?toll at\s+$"
)
# "cases recorded since January had risen to 13,214": the figure counts the noun the
# clause opened with, not a harm word said after it ("..., including 46 deaths").
_RISEN_TO_BEFORE = re.compile(
    r"\b(?P<noun>[a-z]+)\b(?P<rest>[^.;:,]{0,90}?)\s(?:has |have |had )?(?:rose|risen|climbed|"
    r"increased|grown|jumped|reached|exceeded|surpassed|passed|topped|tops|stood|stands)"
    r"(?: to| at)?\s+$"
)
_CASUALTIES_AFTER = re.compile(r"[\w\s,]{0,40}?\b(?:dead|killed) (?:and|or) (?:injured|wounded)\b")
_KILLED_OR_INJURED = re.compile(r"\bkilled (?:or|and) (?:injured|wounded)\b")
# Aid given to the people counted: "reached", "distributed food to", "food for".
_ASSIST_BEFORE = re.compile(
    r"\b(?:reached|reaching|assisted|assisting|assist|supported|supporting|served|serving|"
    r"screened|vaccinated|registered for|provided|providing|distributed|distributing|"
    r"delivered|delivering|benefit(?:ed|ing)?|targeting|target|to help|to reach|"
    r"(?:assistance|aid|food|rations|supplies|flour|water|shelter|kits|cash) (?:to|for))"
    r"\b[^.;:,]{0,40}?\s+$"  # one clause: "a shelter for displaced families, killing 14"
)
_ASSIST_WORDS = (
    "reach",
    "assist",
    "support",
    "serv",
    "screen",
    "vaccinat",
    "registered",
    "provid",
    "distribut",
    "deliver",
    "benefit",
    "target",
    "help",
    " to ",
    " for ",
)
_WOUNDS = re.compile(r"^[^.;]{0,30}?\bwith\b[^.;]{0,30}?\b(?:wounds|injuries|burns|trauma)\b")
# The verb right before the figure, and what it makes the figure count.
_GOVERNING = re.compile(
    r"\b((?:killed|killing|kills) (?:or|and) (?:injured|injuring|injures|wounded|wounding|"
    r"wounds|maimed|maiming)|killed|killing|kills|kill|executed|executing|massacred|claimed|wounded|wounding|"
    r"wounds|wound|injured|injuring|injures|injure|displaced|displacing|displaces|displace|"
    r"uprooted|uprooting|uproots|uproot|evacuated|evacuating|evacuate|detained|detaining|"
    r"detains|detain|arrested|arresting|arrests|arrest|abducted|abducting|abducts|abduct|"
    r"kidnapped|kidnapping|kidnap|captured|capturing|took away|"
    r"taking away|launched|launching|fired|firing|"
    r"repelled|repelling|carried out|conducted|dropped|shot down|intercepted|downed|"
    r"destroyed|destroying|destroys|damaged|damaging|damages|demolished|demolishing|"
    r"burned|burning|burnt|looted|looting|razed|sinking|sank|sunk|rescued|pulled|carrying|"
    r"shelters|sheltering|hosts|hosting|hosted|houses|accommodates|forced|forcing|forces|"
    r"force|lost)\s+"
    # "killed a woman and her two children": a second object the same verb governs
    r"(?:(?:an?|one|the)\s+[a-z-]+\s+and\s+(?:(?:his|her|their|its|the)\s+)?)?\Z"
)
_GOVERNING_REACH = 50
_VERB_CATEGORY = [
    (re.compile(r"kill\w* (?:or|and) "), "casualties"),  # "killed or injured 165 people"
    (re.compile(r"kill|execut|massacr|claimed"), "killed"),
    (re.compile(r"wound|injur"), "injured"),
    (re.compile(r"displac|uproot|evacuat|shelter|host|houses|accommodat"), "displaced"),
    (re.compile(r"detain|arrest|abduct|kidnap|captur|took away|taking away"), "detained"),
    (re.compile(r"launch|fir|repell|carried out|conducted|dropped"), "attacks"),
    (re.compile(r"destroy|damag|demolish|burn|loot|razed"), "facilities_hit"),
    (re.compile(r"shot down|intercept|downed|sink|sank|sunk|rescued|pulled|carrying"), "other"),
]
_FORCED_TO_FLEE = re.compile(
    r"[^.;]{0,40}?\b(?:to (?:flee|leave|relocate|move|abandon)|from their homes|out of their)"
)
# Things, not people: a people category said near them is about someone else.
_THINGS = frozenset(
    """trucks vehicles cars buses boats vessels ships tonnes tons litres liters kits rations
    doses beds bags flights convoys consultations interventions incidents points units
    drones missiles rockets shells bombs calls visits assessments hectares acres crops
    livestock cattle fires blazes places birr pounds shillings francs dinars naira dollars
    euros rupees afghanis kwacha cedis""".split()
)  # ("27 places of detention", "paid up to 50,000 birr to learn where relatives were held")
# Fled across a border: refugees, where "fled" alone is displacement
_ABROAD = re.compile(
    r"[^.;:()\d]{0,60}?\b(?:fled|crossed|escaped|sought refuge|sought safety|gone)\b"
    r"[^.;:()\d]{0,30}?"  # (never past another figure, whose clause it would be)
    r"(?:\b(?:to|into|in) (?:the )?(?:neighbou?ring|other|nearby) countries\b|"
    r"\bacross (?:the |international |its )?borders?\b|\babroad\b)"
)
# Animals die in droughts and floods; the categories of harm count people.
_ANIMALS = frozenset(
    """livestock cattle camels goats sheep animals donkeys poultry chickens herds cows
    head""".split()  # "300 head of cattle" ("heads of household" are people)
)
# Areas a report counts ("eleven provinces", "30 districts"): never people
_AREAS = frozenset(
    """provinces districts regions counties states governorates departments woredas
    municipalities areas territories zones prefectures communes""".split()
)
# People moved for their work, whom no one counts among the displaced
_STAFF = frozenset("staff colleagues personnel employees workers aid-workers".split())
# A share of the people a survey asked: what they said is no count of harm
_SURVEYED = re.compile(
    r"\s*of (?:the )?(?:[a-z]+ ){0,2}(?:households|respondents|families|people|persons|"
    r"refugees|women|men|children|parents|those) (?:interviewed|surveyed|asked|assessed|"
    r"consulted|polled|questioned)\b"
)
_SHARE_OF_GROUP = re.compile(
    r"\s*of (?:them|whom|those)\s+(?:were |are )?(?:children|women|girls|boys|men|minors|"
    r"female|male|elderly)\b"
)
# Who the counted are, not what befell them: "children make up 57 per cent of".
# (A harm's share is still the harm: "deaths by chemical weapons account for one percent
# of the death toll"; so the subject must be a kind of person.)
_MAKE_UP_BEFORE = re.compile(
    r"\b(?:children|women|girls|boys|men|minors|elderly|older people|youths?|adolescents|"
    r"infants|females|males)\b[^.;,]{0,30}?\s(?:make up|makes up|made up|account for|"
    r"accounts for|accounted for|represent|represents|constitute|constitutes|comprise|"
    r"comprises)\s+(?:about |around |some |nearly |almost |over |more than |roughly |"
    r"an estimated )?$"
)
# A figure that died after being counted as hurt: "two of the wounded died".
_DIED_AFTER = re.compile(
    r"(?:,[^,;:.()]{1,60},)?"  # "Two of the wounded, a girl of 9 and a man of 67, died"
    r"\s+(?:(?:later|subsequently|have|has|had|then|since)\s+){0,2}(?:died|succumbed)\b"
)
# "some 412,000 people have been affected by floods": affected, whatever harm the
# sentence names next ("..., and at least 87 people have died")
_AFFECTED_AFTER = re.compile(
    r"(?:\s+\([^()]{1,40}\))?"  # "41,356 households (about 186,000 people) have been affected"
    r"\s+(?:(?:have|has|had)\s+been\s+|(?:were|was|are|is|being)\s+)?"
    r"(?:(?:badly|severely|directly|also)\s+)?affected\b"
)
# "73 cases of enforced disappearance": the harm is named after "of".
_OF_AFTER = re.compile(r"\s+of\s+(?:[\w-]+\s+){0,2}?")
_ATTACK_ON_FACILITY = re.compile(
    r"^[^.;]{0,20}?\bon (?:the |a )?(?:[\w-]+ ){0,2}(?:health (?:centres?|centers?|facilities)|"
    r"hospitals?|clinics?|schools?|markets?|homes|houses|camps?|shelters?|facilities)\b"
)
_HURT_WORD = re.compile(r"wound|injur")
_ATTACK_NOUNS = frozenset("attacks attack strikes airstrikes assaults raids".split())
_RELATIVE = re.compile(r"\s*,?\s*(?:who|which|that)\b")  # .match(text, pos): no "^"
_CLAUSE_END = re.compile(r"[,;.:]")


def sentence_cues(low: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """The harm words of the sentence low[start:end]: (start, end, category), offsets from
    the sentence's start (lowered text; the article's, so that RE2 reads its copy)."""
    return [(m.start() - start, m.end() - start, lx.cue_category(m.group(0)))
            for m in lx.CATEGORY_CUES.finditer(low, start, end)]  # fmt: skip


def category_for(
    sentence: str,
    rel: int,
    rel_end: int,
    noun: str | None,
    unit: str | None,
    cues: list[tuple[int, int, str]] | Callable[[], list] | None = None,
    *,
    percent: bool = False,
    bare_default: str | None = None,
    figure_end: int | None = None,
) -> str:
    """What the figure at sentence[rel:rel_end] counts (the sentence lowered).

    `cues` are the sentence's cue words when the caller has them already (one
    sentence often holds several figures).
    """
    own_end = rel_end if figure_end is None else figure_end
    if _CAPACITY_BEFORE.search(sentence, max(0, rel - 30), rel):
        return "other"  # "a site built for 3,000 people": room, not people
    found = _own_words(sentence, rel, rel_end, noun, unit, percent, own_end)
    if found is None and bare_default is not None:
        found = bare_default  # a bare figure goes on counting what the one before counted
    if found is None and sentence.endswith(": ", 0, rel):
        found = _label_noun_category(sentence[: rel - 2], sentence)  # "Refugees ...: 1.1 million"
    if found is None:
        # Read the sentence's cue words only now: most figures' own words settle it.
        cues = sentence_cues(sentence) if cues is None else cues() if callable(cues) else cues
        found = _nearest_cue(sentence, rel, rel_end, unit, cues)
    if found == "other" and unit == "attacks" and governed_by_verb(sentence, rel):
        return "other"  # "shot down 31 drones"
    head = ascii_lower(noun or "").split()[-1] if noun else ""
    if unit is None and ".." in sentence[max(0, rel - 80) : rel]:
        unit = _leader_unit(sentence[max(0, rel - 120) : rel])  # "Homes burned ..... 1 460"
    if unit == "percent" and head in lx.UNITS["facilities"]:
        unit = "facilities"  # "about 70% of the town's homes were destroyed"
    if found in lx.PEOPLE_CATEGORIES and noun and not _ANIMALS.isdisjoint(head_words(noun)):
        return "other"  # "1.4 million livestock deaths": animals, not people
    if found == "displaced" and _ABROAD.match(sentence, rel_end):
        return "refugees"  # "nearly 4 million have fled to neighbouring countries"
    return _as_damage(found, sentence, rel_end, unit, head)


def head_words(noun: str) -> list[str]:
    return ascii_lower(noun).split()


_AT_RISK_AFTER = re.compile(
    r"(?:\s+[a-z-]+){0,3}?(?:\s+(?:are|is|were|was|remain|remains|now|still))*\s+at\s+"
    r"(?:[a-z]+\s+)?risk\b"
)
# A share of the dead or the hurt is a count of them, whoever the share is of
_OF_THE_HARMED = re.compile(
    r"\s+of\s+(?:(?:those|the|all)\s+)?(?P<w>killed|dead|deaths|fatalities|injured|wounded|"
    r"casualties)\b"
)
_CAPACITY_BEFORE = re.compile(
    r"\b(?:built|meant|designed|planned|intended) for\s+(?:up to\s+|some\s+|about\s+)?$|"
    r"\bcapacity (?:of|for)\s+(?:up to\s+|some\s+|about\s+)?$|\b(?:space|room) for\s+$"
)


_CASES_AFTER = re.compile(r" (?:suspected |confirmed |new )?cases\b(?! of)")
_SENTENCED_BEFORE = re.compile(r"\bsentenc(?:ed|es|ing)\s+(?:[a-z]+\s+){0,2}$")
_BODIES_OF = re.compile(r"\b(?:bodies|remains) of (?:another |a further |at least |some )?$")
_SETS_OF_REMAINS = re.compile(r"\s*(?:sets\s+)?of\s+(?:human\s+)?remains\b")


def _label_noun_category(label: str, sentence: str) -> str | None:
    """What a key figure's label counts by its noun, when no harm word says: "Refugees
    from the DRC in neighbouring countries: 1.1 million", "IDPs in sites: 212,000"."""
    if len(label) > lx.LABEL_MAX or "." in label:
        return None  # a sentence before a colon, not a label
    if lx.CATEGORY_CUES.search(sentence, len(label)):
        return None  # "Casualties: 19 children were killed": the words after it say
    for cue in lx.CATEGORY_CUES.finditer(label):
        if cue.group(0) not in lx.NOUN_CATEGORY:
            return None  # "Children killed or injured: 13": the harm word says, not a noun
    for word in label.split():
        if (category := lx.NOUN_CATEGORY.get(word.strip("(),"))) is not None:
            return category
    return None


# A key figure set after its label and a leader of dots: "Homes burned ....... 1 460"
_LEADER_LABEL = re.compile(
    r"(?:^|\n)\s*(?P<label>[a-z][a-z ,'()/-]{2,60}?)\s*(?:\.{3,}|…+)\s*"
    r"(?:about |some |nearly |almost |over |more than |at least )?$"
)


def _leader_label(before: str) -> str | None:
    label = _LEADER_LABEL.search(before)
    return label["label"] if label is not None else None


def _label_things(label: str) -> list[str]:
    """The things a key figure's label names ("Homes burned"): hit, not hurt."""
    return [w for w in label.split() if w in lx.UNITS["facilities"]]


def _leader_category(before: str) -> str | None:
    """What a key figure's label says it counts: its harm word, on the thing named."""
    label = _leader_label(before)
    if label is None or (cue := lx.CATEGORY_CUES.search(label)) is None:
        return None
    things = _label_things(label)
    unit = "facilities" if things else None
    return _as_damage(lx.cue_category(cue.group(0)), label, len(label), unit,
                      things[0] if things else "")  # fmt: skip


def _leader_unit(before: str) -> str | None:
    label = _leader_label(before)
    return "facilities" if label and _label_things(label) else None


def _risen_noun(before: str) -> str | None:
    """What the figure counts when it is what a clause's subject rose to: the category of
    the nearest counted noun of that subject ("suspected cases ... had risen to")."""
    if not any(map(before.__contains__, _RISEN_WORDS)):
        return None
    m = _RISEN_TO_BEFORE.search(before)
    if m is None:
        return None
    for word in reversed(before[m.start() : m.start("rest") + len(m["rest"])].split()):
        found = lx.NOUN_CATEGORY.get(word.strip("'\""))
        if found is not None:
            return found
    return None


def _verb_opening(sentence: str, rel: int) -> str:
    """The verb a figure's quote opens with when it is also its qualifier ("exceeded
    1,300"), for the tests that read the words before a figure."""
    head = sentence[rel : rel + 10]
    return next((v for v in _VERB_QUALIFIERS if head.startswith(v)), "")


_RATE_WORDS = re.compile(r"rate|ratio|cfr")
_VERB_QUALIFIERS = ("exceeded ", "surpassed ", "passed ", "topped ", "tops ")
_RATE_OF_BEFORE = re.compile(
    r"\b(?:rates?|ratios?|cfr)(?: \([a-z]+\))? (?:of |at |was |is |stood at |reached )?\s*$"
)
_RISEN_WORDS = ("rose", "risen", "climb", "increased", "grown", "jumped", "reached", "exceeded",
                "surpassed", "passed", "topped", "tops", "stood", "stands")  # fmt: skip


def _own_words(
    sentence: str,
    rel: int,
    rel_end: int,
    noun: str | None,
    unit: str | None,
    percent: bool,
    figure_end: int,
) -> str | None:
    """Steps 1-4 of the module doc: the figure's own words, or None."""
    low_noun = ascii_lower(noun or "")
    head = low_noun.split()[-1] if low_noun else ""
    if head in _PROCEDURES:
        return "other"  # "performed 96 operations, including 21 amputations": care given
    if head == "events" and _VIOLENT_EVENTS.search(low_noun):
        return "attacks"  # "1,126 political violence events": a conflict monitor's count
    before = sentence[max(0, rel - 120) : rel]  # substring tests first: most need no regex
    after = sentence[rel_end : rel_end + 70]
    ahead = sentence[rel : rel + 90]
    if ("dead" in ahead or "killed" in ahead) and _CASUALTIES_AFTER.match(sentence, rel):
        return "casualties"  # "hundreds of civilians dead and injured"
    if (".." in before or "…" in before) and (labelled := _leader_category(before)):
        return labelled  # "Civilians killed ........ 86+": the label before the leader
    if ("toll" in before or "number of" in before) and _TOLL_BEFORE.search(before):
        return "killed"  # "the death toll ... rose to 31"
    tail = before[-30:]
    if ("bodies" in tail or "remains" in tail) and _BODIES_OF.search(before):
        return "killed"  # "recovered the bodies of another six men", "the remains of 312"
    if "remains" in after[:30] and _SETS_OF_REMAINS.match(sentence, rel_end):
        return "killed"  # "312 sets of human remains recovered"
    if "sentenc" in before[-40:] and _SENTENCED_BEFORE.search(before):
        return "other"  # "sentenced two men to death": a court's sentence, no one killed
    if (head == "cases" and not after.startswith(" of ")) or _CASES_AFTER.match(after):
        return "other"  # "312 suspected measles cases": cases, whatever deaths follow
    if (risen := _risen_noun(before + _verb_opening(sentence, rel))) is not None:
        return risen
    if percent and _RATE_WORDS.search(before[-30:]) and _RATE_OF_BEFORE.search(before):
        return "other"  # "a case fatality rate of 3.6 per cent": a ratio, no one counted
    if unit in ("photos", "years") or (percent and _SHARE_OF_GROUP.match(sentence, figure_end)):
        return "other"  # "over half of them children": who they are, not what befell them
    if (
        percent
        and "of " in sentence[figure_end : figure_end + 4]
        and _SURVEYED.match(sentence, figure_end)
    ):
        return "other"  # "70 per cent of households interviewed said a member was killed"
    if (
        percent
        and (
            "up" in before
            or "ccount" in before
            or "onstitut" in before
            or "epresent" in before
            or "ompris" in before
        )
        and _MAKE_UP_BEFORE.search(before)
    ):
        if harmed := _OF_THE_HARMED.match(sentence, figure_end):
            return lx.cue_category(harmed["w"])  # "women made up 18 per cent of those killed"
        return "other"  # "children make up 57 per cent of the newly displaced"
    if not noun and (passive := _HARMED_AFTER.match(sentence, rel_end)):
        return lx.cue_category(passive["w"])  # "27 people have died, 112 have been injured"
    if ("die" in after[:90] or "succumb" in after[:100]) and _DIED_AFTER.match(sentence, rel_end):
        return "killed"  # "two of the wounded died", "three children later died"
    if "affected" in after[:64] and _AFFECTED_AFTER.match(sentence, rel_end):
        return "other"  # "412,000 people have been affected by floods": no harm counted
    wounds = bool(_HURT_WORD.search(low_noun) or ("with" in after and _WOUNDS.match(after)))
    near = before[-60:]
    if after.startswith((" in need", " in urgent need", " in acute need")):
        return "at_risk"  # "help 3.1m people in need": who they are, whatever reaches them
    if "risk" in after[:40] and _AT_RISK_AFTER.match(after):
        return "at_risk"  # "putting 40,000 severely malnourished children at risk"
    aid = not wounds and any(map(near.__contains__, _ASSIST_WORDS))
    if aid and _ASSIST_BEFORE.search(near):
        return "other"  # "reached 21,500 newly displaced people with food"
    if lead := _CUE_OF.search_before(sentence, max(0, rel - 40), rel):
        return lx.cue_category(lead.group(1))  # "the death of thousands of detainees"
    inner = lx.CATEGORY_CUES.search(low_noun)
    inner_category = lx.cue_category(inner.group(0)) if inner else None
    verb = _GOVERNING.search(sentence, max(0, rel - _GOVERNING_REACH), rel)
    category = _verb_category(verb.group(1), sentence, rel, rel_end) if verb else None
    if category == "displaced" and "refugees" in (inner_category, lx.NOUN_CATEGORY.get(head)):
        return "refugees"  # "hosts 150,000 refugees": who they are settles where they fled
    if category and (category != "other" or inner_category not in lx.PEOPLE_CATEGORIES):
        return category  # "pulled three people alive"; but "pulled 31 injured people"
    if low_noun.startswith("of "):
        return None  # "seven of the wounded died": the verb after decides
    if wounds:
        return "injured"  # "167 people with gunshot and blast wounds"
    if head in ("cases", "incidents", "instances", "reports") and (
        named := _harm_after_of(sentence, rel_end)
    ):
        return named  # "73 new cases of enforced disappearance"
    if head in lx.NOUN_CATEGORY:
        return lx.NOUN_CATEGORY[head]
    if inner_category in lx.PEOPLE_CATEGORIES and unit not in ("facilities", "towns"):
        return inner_category  # "31 injured people", "the newly displaced" (not "displacement
    return None  # sites": places)


def governed_by_verb(sentence: str, rel: int) -> bool:
    """A harm or action verb right before the figure ("killing two", "repelled 12")."""
    return _GOVERNING.search(sentence, max(0, rel - _GOVERNING_REACH), rel) is not None


def _harm_after_of(sentence: str, end: int) -> str | None:
    """The harm named right after "of" following the figure, or None."""
    cue = lx.CATEGORY_CUES.search(sentence, end, end + 50)
    if cue is None or not _OF_AFTER.fullmatch(sentence, end, cue.start()):
        return None
    return lx.cue_category(cue.group(0))


def first_harm(low: str, start: int = 0, end: int | None = None) -> str | None:
    """The category of the first harm word in low[start:end] ("Civilian killings by
    zone": killed), or None."""
    cue = lx.CATEGORY_CUES.search(low, start, end)
    return lx.cue_category(cue.group(0)) if cue else None


# A page about people crossing a border speaks of refugees more than of the internally
# displaced; there "41 870 new arrivals" are refugees, unless displacement is named
# right at the figure.
# (an organisation's name is no talk of refugees: "Norwegian Refugee Council", "the UN
# refugee agency", "High Commissioner for Refugees")
# (RE2: these two read the whole article. The copy RE2 reads turns a letter such as "é"
# into a non-letter, so its \b may hold where `re`'s does not: a match is kept only
# when the characters beside it are no letters of the text itself.)
_REFUGEE_WORDS = rx.compile(r"\b(?:(?P<r>refugees?)|asylum|crossed (?:the border|into))\b")
_AGENCY_AFTER = re.compile(r" (?:council|agency|commission|affairs)")
_DISPLACED_WORDS = rx.compile(r"\b(?:internally displaced|idps?|displaced|displacement)\b")
_NAMED_DISPLACED = re.compile(r"\bdisplaced\b|\bidps?\b|\bdisplacement\b|\bfled (?:their|to)\b")


# A share of a group of the displaced, and what it says of them: "58% of new arrivals are
# children", "1 in 4 displaced households is headed by a woman"; not "40% of residents
# have fled", where the share is of those uprooted
_SHARE_OF_DISPLACED = re.compile(
    r"\s*(?:of\s+)?(?:the\s+|all\s+|them\s+|those\s+)?(?:[a-z-]+\s+){0,2}?"
    r"(?:arrivals|displaced|idps|households|families|people|persons|refugees|returnees|"
    r"them|those|individuals)\b(?:\s+(?:in|at|from|of)\s+[a-z- ]{1,40}?)?"
    r"\s+(?:are|were|is|was|have|had|live|lived|lack|lacked|stay|stayed|said|reported|"
    r"remain|remained|depend|need)\b(?!\s+(?:been\s+)?(?:displaced|forced|uprooted|fled|"
    r"staying|sheltering|living|sleeping|hosted|accommodated))"  # where they stay: displaced
)


def describes_group(low: str, figure_end: int) -> bool:
    """A share of the displaced that says who they are, not that they were displaced."""
    return _SHARE_OF_DISPLACED.match(low, figure_end) is not None


# People who reached a named place: on a page about refugees, arrivals across a border
_ARRIVED_AT = re.compile(
    r"\b(?:reached|arrived (?:in|at)|entered|fled to|fled into|crossed (?:into|at)|"
    r"were registered (?:in|at))\s+(?:the\s+)?[A-Z]"
)


def arrived_somewhere(text: str, start: int, end: int) -> bool:
    """ "... have reached Mauritania", "... arrived in Adré" in text[start:end]."""
    return _ARRIVED_AT.search(text, start, end) is not None


def about_refugees(low: str) -> bool:
    """Whether a (lowered) article is about refugees rather than internal displacement."""
    if "refugee" not in low and "asylum" not in low and "crossed " not in low:
        return False  # the words the count needs, looked for at C speed first
    crossing = sum(
        1
        for m in _REFUGEE_WORDS.finditer(low)
        if _whole_word(low, m.start(), m.end())
        and not (m.took_part("r") and (low[m.start() - 4 : m.start()] == "for "
                                       or _AGENCY_AFTER.match(low, m.end())))
    )  # fmt: skip
    if crossing < 2:
        return False
    displaced = sum(1 for m in _DISPLACED_WORDS.finditer(low) if _whole_word(low, *m.span()))
    return crossing > displaced


def _whole_word(text: str, start: int, end: int) -> bool:
    """No letter, digit or "_" of the text itself touches text[start:end]."""
    before, after = text[start - 1 : start] if start else "", text[end : end + 1]
    return not (before.isalnum() or before == "_" or after.isalnum() or after == "_")


def displacement_named(low: str, start: int = 0, end: int | None = None) -> bool:
    """Whether low[start:end], around a figure, says its people are displaced at home."""
    return _NAMED_DISPLACED.search(low, start, len(low) if end is None else end) is not None


# What medical teams do for people: a count of care, whatever harm the sentence names
_PROCEDURES = frozenset(
    """operations surgeries procedures amputations laparotomies consultations admissions
    deliveries vaccinations transfusions dressings""".split()
)
_HARMED_AFTER = re.compile(
    r"\s+(?:have|has|had|were|was|are|is)\s+(?:(?:been|also|reportedly)\s+){0,2}"
    r"(?P<w>killed|injured|wounded|detained|arrested|abducted|kidnapped|displaced)\b"
)
_VIOLENT_EVENTS = re.compile(r"\b(?:violence|violent|conflict|security|battle|armed)\b")
# "carried out 1,870 consultations", "conducted 12 assessments": what was carried out
# is an attack only when its noun says so
_CARRIED_OUT_ATTACKS = re.compile(
    r"\s*(?:[a-z-]+\s+){0,2}?(?:attacks?|strikes?|airstrikes?|air strikes?|raids?|bombings?|"
    r"assaults?|ambushes|ambush|sorties|shelling|executions|massacres?|operations|offensives?)\b"
)


def _verb_category(verb: str, sentence: str, rel: int, rel_end: int) -> str | None:
    if verb == "lost":  # "We have lost 27 lives": the dead; "lost 300 cattle": no harm to people
        return "killed" if " lives" in sentence[rel : rel_end + 8] else None
    if verb.startswith("forc"):  # "forced 9,482 people (2,157 households) to flee"
        return "displaced" if _FORCED_TO_FLEE.match(sentence, rel_end) else None
    if verb in ("carried out", "conducted") and not _CARRIED_OUT_ATTACKS.match(sentence, rel_end):
        return None
    for pattern, category in _VERB_CATEGORY:
        if pattern.match(verb):
            if verb.startswith("claimed") and "li" not in sentence[rel : rel_end + 8]:
                return "other"  # "claimed 3 attacks" is not "claimed 3 lives"
            return category
    return "other"


def _nearest_cue(
    sentence: str, rel: int, rel_end: int, unit: str | None, cues: list[tuple[int, int, str]]
) -> str:
    """Step 5: the harm word nearest the figure."""
    relative_until = _relative_clause_end(sentence, rel_end)
    best, best_distance = None, 10**9
    for cue_start, cue_end, cue in cues:
        # Cues before the number count triple: "killed 71 civilians" is common, but a
        # cue in an earlier clause usually belongs to an earlier figure.
        # After the figure, or a cue the noun runs into ("29% left for"): its distance.
        distance = max(0, cue_start - rel_end) if cue_start >= rel else (rel - cue_end) * 3
        if relative_until and rel_end <= cue_start < relative_until:
            distance = relative_until - cue_start  # "people who fled X have returned": last
        if unit in ("people", "households") and cue in ("attacks", "facilities_hit"):
            continue
        if 0 <= distance < best_distance and distance < 120:
            best, best_distance = cue, distance
    if best == "killed" and _KILLED_OR_INJURED.search(sentence, rel_end, rel_end + 60):
        return "casualties"
    return best or "other"


def _relative_clause_end(sentence: str, rel_end: int) -> int:
    """Where a relative clause right after the noun ends (0: none)."""
    if not _RELATIVE.match(sentence, rel_end):
        return 0
    end = _CLAUSE_END.search(sentence, rel_end + 2)
    return end.start() if end else len(sentence)


def _as_damage(category: str, sentence: str, rel_end: int, unit: str | None, head: str) -> str:
    """Things are hit, not hurt: the last step of the module doc."""
    if head in _THINGS and category in lx.PEOPLE_CATEGORIES:
        return "other"  # "11 trucks crossed into Sudan"
    if head in _AREAS and category in lx.PEOPLE_CATEGORIES:
        return "other"  # "Eleven provinces are in severity phase 4": areas, not people
    if category == "displaced" and head in _STAFF:
        return "other"  # "evacuated its nine international staff": relocated, not uprooted
    if unit == "attacks":
        if head in _ATTACK_NOUNS and _ATTACK_ON_FACILITY.match(sentence[rel_end:]):
            return "facilities_hit"  # "7 attacks on health centres and schools"
        return "attacks"  # "two bombs", "172 attacks on health care, which have killed"
    if unit == "towns" and category == "attacks":
        return "attacks"  # "raided at least 23 villages": villages attacked, not hit buildings
    if unit in ("facilities", "towns") and category in ("attacks", "killed", "facilities_hit"):
        return "facilities_hit"
    if category == "facilities_hit" and unit not in ("facilities", "towns"):
        return "other"  # "destroyed 18,000 hectares": damage, but not to facilities
    if unit in ("facilities", "towns") and category in lx.PEOPLE_CATEGORIES:
        return "other"  # a shelter for the displaced is not a displaced person
    return category
