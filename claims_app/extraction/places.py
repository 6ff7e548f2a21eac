"""Places, found from how a sentence names them, checked against a gazetteer.

The patterns: "in the town of X", "X province", "Nasir and Ulang counties",
"the Taung Pyin displacement camp", "Bara Teaching Hospital", "near X", "In X"
at a sentence's start, "fled X", "southern rural X", "X countryside". The
extractor meets regions it has never seen, so a name found by its pattern is a
place whether or not any list knows it. The gazetteer (gazetteer.py) then adds
names no pattern can vouch for ("at Torkham", "Gaza's population"), turns away
words that only look like names ("Yemeni", "IOM", "Houthi-held"), and tells a
country from a town. Each place gets a rank: the more specific, the higher.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from claims_app.extraction import rx
from claims_app.extraction.gazetteer import (
    COUNTRY,
    REGION,
    TOWN,
    capital_of,
    country_of_demonym,
    place_rank,
)
from claims_app.extraction.lexicon import CURRENCY_CODES
from claims_app.extraction.sentences import PARAGRAPH_BREAK

# A capitalised name: "Kafranbel", "Maaret al-Nouman", "Khan Sheikoun", "Dara’a",
# "Umm Tarsa". Lower-case particles (al-, el-, ad-, bin, de) may join its words.
# ("al-Sukkariyah", "el-Fasher": a name may open with its article in lower case)
_ARTICLES = r"(?:al|el|ad|ar|as|ash|at|an|ed|en|es)"  # Arabic's article, as transliterated
_WORD = rf"(?:{_ARTICLES}-)?[A-Z][\w’'\-]*(?:-[A-Za-z][\w’']*)*"
_PARTICLE = r"(?:al|el|ad|ar|as|ash|at|an|bin|ibn|de|del|des|la|le|di|da|van|von|du)"
NAME = rf"{_WORD}(?:\s+(?:{_PARTICLE}[\-\s])?{_WORD}){{0,3}}"
# "Nasir, Ulang and" before "Akobo counties": names coordinated with a place word's name
_COORDINATED_BEFORE = re.compile(rf"\b{NAME}(?:,\s+{NAME}){{0,3}}\s+and\s+\Z")
DIRECTION = (
    r"(?:north|south|east|west|northern|southern|eastern|western|central|"
    r"north-?eastern|north-?western|south-?eastern|south-?western|northeastern|"
    r"northwestern|southeastern|southwestern|upper|lower)"
)
SETTLEMENT_WORDS = {
    "neighbourhood": 5, "neighborhood": 5, "camp": 5, "site": 5, "district of": 4,
    "village": 5, "town": 5, "city": 4, "area": 3, "suburb": 5, "region": 2, "province": 2,
    "governorate": 2, "state": 2, "county": 3, "municipality": 4, "countryside": 2,
    "locality": 4, "township": 4, "territory": 3, "commune": 4, "woreda": 4, "kebale": 5,
    "kebele": 5, "zone": 3, "department": 2, "prefecture": 2, "settlement": 5,
    "sub-county": 4, "subcounty": 4, "parish": 5, "sub-district": 4, "chiefdom": 4,
    "payam": 4, "upazila": 4, "tehsil": 4,
}  # fmt: skip
NOT_PLACES = frozenset(
    """coalition council committee army ministry department network group office service
        commission forces party movement organisation organization news agency union
        nations government authority authorities court police militia militias regime
        brigade front observatory association red crescent cross university hospital
        school institute foundation centre center bank fund programme program company
        corporation federation monday tuesday wednesday thursday friday saturday sunday
        january february march april may june july august september october november
        december president minister secretary spokesman spokesperson head chief director
        envoy ambassador general commander mr mrs dr the a an this that these those his
        her their its our islamic arab reuters afp ap report update other others total
        several various table figure annex appendix chart graph map box section health
        care catastrophe emergency crisis stressed famine phase minimal by per each catholic
        anglican protestant orthodox monitor monitors tracker project initiative issue
        edition bulletin volume""".split()
) | frozenset(CURRENCY_CODES)  # "EUR 40 million": money, never a place


class Place(NamedTuple):
    start: int
    end: int
    text: str
    rank: int  # 6 facility, 5 settlement ... 1 country or broad region


_PLACE_WORD = (
    r"(?:valley|plains?|coast|island|islands|bay|hills|mountains|delta|basin|desert|"
    r"highlands|lowlands|peninsula|plateau|province|provinces|governorate|governorates|"
    r"district|districts|region|regions|camp|camps|neighbou?rhoods?|countryside|city|county|"
    r"counties|municipality|municipalities|state|states|area|areas|locality|localities|"
    r"township|townships|territory|territories|commune|communes|department|departments|"
    r"woreda|woredas|kebele|kebeles|zone|zones|prefecture|settlement|site|sites|"
    r"sub-county|sub-counties|subcounty|parish|parishes|sub-district|sub-districts|chiefdom|"
    r"chiefdoms|payam|payams|upazila|upazilas|tehsil|tehsils|"
    r"front ?lines?|frontlines?|border area|river|lake|sea|gulf|strait|towns?|villages?|"
    r"road|highway)"
)
_QUALIFIER = (
    r"(?:border|coastal|rural|tribal|frontier|mountain|desert|river|delta|valley|lake|"
    r"highland|lowland|displacement|idp|refugee|transit|metropolitan|informal|collective)"
)
_FACILITY = (
    r"(?:hospital|clinic|health (?:centre|center|post)|school|market|camp|site|checkpoint|"
    r"crossing(?: point)?|prison|airport|port|bridge|base|barracks|stadium|mosque|church)"
)
_PLACE_WORDS_PLAIN = (
    "valley", "plain", "coast", "island", "bay", "hills", "mountains", "delta", "basin",
    "desert", "highlands", "lowlands", "peninsula", "plateau", "province", "governorate",
    "district", "region", "camp", "neighbourhood", "neighborhood", "countryside", "city",
    "county", "counties", "municipalit", "state", "area", "localit", "township", "territor",
    "commune", "department", "woreda", "kebele", "zone", "prefecture", "settlement", "site",
    "sub-count", "subcount", "parish", "sub-district", "chiefdom", "payam", "upazila", "tehsil",
    "front line", "frontline", "river", "lake", "sea", "gulf", "strait",
)  # fmt: skip
_PATTERNS: list[tuple[re.Pattern[str], int]] = [
    # the town of X, the Yemeni city of X, the X neighbourhood of Y
    (re.compile(rf"\b[Tt]he (?:[A-Za-z-]+ ){{0,3}}(?:ports?|islands?|towns?|villages?|city|cities|"
                rf"neighbou?rhoods?|districts?|suburbs?|municipality|camps?|areas?|region|"
                rf"province|governorate|localit(?:y|ies)|township|territory|commune|"
                rf"sub-count(?:y|ies)|parish) of "
                rf"(?P<p>{NAME})"), 0),
    # X province, X camp, the Taung Pyin displacement camp, Nasir and Ulang counties
    (re.compile(rf"(?P<p>(?:{DIRECTION}\s+)?{NAME}\s+(?:{_QUALIFIER}\s+)?"
                rf"{_PLACE_WORD})\b"), 0),
    # southern rural Idlib, northern rural Hama
    (re.compile(rf"(?P<p>(?:{DIRECTION}\s+(?:and\s+{DIRECTION}\s+)?)?rural\s+{NAME})"), 3),
    # northwestern Syria, southern Karun
    (re.compile(rf"\b(?P<p>{DIRECTION}\s+{NAME})"), 1),
    # One pattern for the names after a word that points at a place (one scan per
    # sentence; the words before a name are lower case, or open the sentence):
    # - after a verb of attack or flight: "rocked Swaida", "fled Sake", "attack on Idlib";
    # - after "the": "in the Southern Plain", "across the Nile Delta";
    # - after a preposition: "in X", "near X", "outside X" ("to X", "at X" and "from X"
    #   name people and meetings as often as places: only known places there, below).
    (re.compile(rf"\b(?:rocked|hit|struck|shelled|bombed|targeted|stormed|besieged|attacked|"
                rf"entered|captured|recaptured|seized|fled|fleeing|flee|reached|left|"
                rf"(?:attacks?|assault|offensive|onslaught|strikes?|airstrikes?|raids?|"
                rf"bombardment|shelling) on(?: the)?|"
                rf"(?:[Ii]n|[Aa]cross|[Nn]ear|[Tt]hroughout|[Aa]long) the|"
                rf"[Ii]n|[Nn]ear|[Oo]utside|[Aa]round|[Aa]cross|[Ii]nto|[Tt]owards?|[Ii]nside|"
                rf"[Tt]hroughout) (?P<p>{NAME})"), 3),
    # "Bara Teaching Hospital", "the Plaine Savo displacement site", "Wadi Gaza checkpoint"
    # (not "According to camp management": a function word is no part of a name)
    (re.compile(rf"(?P<p>{NAME}(?:\s+(?!(?:to|of|in|at|on|for|from|by|with|and|the)\b)"
                rf"[a-z]+){{0,2}}\s+(?i:{_FACILITY}))\b"), 6),
    # "the road linking Tell Hamra and ...", "the highway between X and Y"
    (re.compile(rf"\b(?:road|highway|route) (?:linking|between|from|connecting) (?P<p>{NAME})"), 4),
    # "at X" after a word for a place: "the crossing point at Tarev", "a camp at Dolo"
    (re.compile(rf"\b(?:crossing|crossing point|checkpoint|border post|camp|port|station|"
                rf"airport|base|bridge|dam|market|hospital|clinic|school|prison) at "
                rf"(?P<p>{NAME})"), 4),
]  # fmt: skip
# What each pattern cannot match without, in the sentence (read in any case): one of its words
# (None: always tried) and, where those words hide inside others ("east" in "at least",
# "port" in "reported", "site" in "website"), an RE2 pattern that reads them whole. All
# are read in one pass (_needed_by); most patterns are skipped on most sentences.
_S = rx.ANY_SPACE
_NEEDS: list[tuple[tuple[str, ...] | None, str | None]] = [
    ((" of ",), None),
    (None, None),
    (("rural",), None),
    (("north", "south", "east", "west", "central", "upper", "lower"),
     rf"\b{DIRECTION}{_S}"),
    (None, None),
    (("hospital", "clinic", "health cent", "health post", "school", "market", "camp", "site",
      "checkpoint", "crossing", "prison", "airport", "port", "bridge", "base", "barracks",
      "stadium", "mosque", "church"), rf"\b{_FACILITY}\b"),
    (("road ", "highway ", "route "), None),
    ((" at ",), r"\b(?:crossing|crossing point|checkpoint|border post|camp|port|station|"
                r"airport|base|bridge|dam|market|hospital|clinic|school|prison) at "),
]  # fmt: skip


def _needed_by(needs: list) -> tuple[rx.PatternSet, list[frozenset[int]]]:
    """One RE2 set of every word and pattern in _NEEDS, and for each place pattern the
    indexes it needs present: one of its words (an index for the words together) and
    its whole-word pattern. A sentence is read once for all the patterns' gates."""
    parts: list[str] = []
    needed_by = []
    for words, whole in needs:
        own = set()
        if words is not None:
            own.add(len(parts))
            parts.append("|".join(re.escape(w) for w in words))
        if whole is not None:
            own.add(len(parts))
            parts.append(whole)
        needed_by.append(frozenset(own))
    return rx.PatternSet(parts, ignore_case=True), needed_by


_NEEDED, _NEEDED_BY = _needed_by(_NEEDS)


_SETTLEMENT_END = re.compile(
    "(" + "|".join(sorted({w.split()[0] for w in SETTLEMENT_WORDS}, key=len, reverse=True)) + ")s?$"
)
_SETTLEMENT_RANK = {w.split()[0]: r for w, r in SETTLEMENT_WORDS.items()}


@lru_cache(maxsize=4096)  # names recur; the answer depends on the name alone
def _rank_for(text: str, default: int) -> int:
    """From the place word: "X village" or "the Yemeni city of X" -> its rank."""
    lower = text.lower()
    kind = lower.split(" of ", 1)[0] if lower.startswith("the ") else lower
    if kind.endswith("ies"):
        kind = kind[:-3] + "y"  # "the localities of X", "the cities of X"
    m = _SETTLEMENT_END.search(kind)
    return _SETTLEMENT_RANK[m.group(1)] if m else default or 3


_NAME_SPLIT = re.compile(r"[\s\-]+")
_LEADING_NAME = re.compile(NAME)
_POSSESSIVE = re.compile(r"(?:’s|'s)$")
_LEADING_DIRECTION = re.compile(rf"^(?:(?:{DIRECTION}|and)\s+)+", re.IGNORECASE)
_RURAL = re.compile(r"^rural\s+")
_DEMONYM = re.compile(r"^[A-Z][a-z’'\-]+(?:ese|ian|ean|ish)$")
_ADJECTIVE_HYPHEN = re.compile(r"-(?:held|controlled|led|backed|run|based|owned|affected)$")
_ACRONYM = re.compile(r"^[A-Z]{2,6}s?$")
_NATIONALITY = re.compile(r"^[A-Z][a-z’'\-]+(?:i|ese|ian|ean|ish|an)$")


@lru_cache(maxsize=4096)  # names recur; the answer depends on the name alone
def _plausible(name: str) -> bool:
    words = _NAME_SPLIT.split(name.lower())
    if not words or words[0] in NOT_PLACES:
        return False
    if any(w in NOT_PLACES for w in words[1:] if w not in ("al", "el")):
        return False
    if any(_ADJECTIVE_HYPHEN.search(w) for w in name.split()):
        return False  # "Houthi-held areas", "government-controlled"
    return " " in name or _plausible_single(name)  # "Yemeni", "IOM" (but "Mali", "DRC")


_FOLLOWING_ORG = re.compile(
    r"\s+(?:regime|forces|government|militias?|army|troops|authorities|officials|police|"
    r"coalition|council|network|group|organi[sz]ation|committee|ministry|air force|navy|"
    r"military|defen[cs]e|president|prime minister|leader|envoy|ambassador|health ministry|"
    r"interior|foreign|embassy|mission|delegation|media|state media|news agency)\b",
    re.IGNORECASE,
)
_GEOGRAPHIC_AFTER = re.compile(
    r"\s+(?:north|south|east|west|northern|southern|eastern|western|capital|border|"
    r"countryside|outskirts|coast|interior|provinces?|regions?|cities|towns|villages|"
    r"population|residents|people|capital|camps?|districts?|territory|border|"
    r"(?:[a-z]+ )?(?:province|region|state|district|governorate))\b",
    re.IGNORECASE,
)


def _names_an_organisation(text: str, end: int) -> bool:
    """ "the Assad regime", "Syrian forces": the name qualifies an actor, not a place."""
    return bool(_FOLLOWING_ORG.match(text, end))


@lru_cache(maxsize=4096)  # names recur; the answer depends on the name alone
def _strip_tail(name: str) -> str:
    # "Idlib and" / "Hama," never reach here; trailing possessives do: "Syria’s"
    return _POSSESSIVE.sub("", name)


def find_places(text: str, start: int = 0, end: int | None = None) -> list[Place]:
    """Every place named in text[start:end], most specific rank per span, in order."""
    end = len(text) if end is None else end
    found: dict[tuple[int, int], Place] = {}
    # Every capitalised name once; the patterns that turn on the word before a name
    # read it from here rather than scanning the sentence again each.
    runs = [_run(text, start, m) for m in _CAPITAL_RUN.finditer(text, start, end)]
    present = set(_NEEDED.found(text, start, end))
    for (pattern, default), needs in zip(_PATTERNS, _NEEDED_BY, strict=True):
        if not needs <= present:
            continue
        if pattern is _BY_WORD:
            matches = _named_before_word(text, start, end)
        elif pattern is _POINTED:
            matches = _pointed_at(text, start, runs)
        elif pattern is _OF_KIND:
            matches = _after_kind_of(text, start, runs)
        else:
            matches = pattern.finditer(text, start, end)
        for m in matches:
            _consider(found, text, m, default, start)
    _known_names(found, text, start, end, runs)
    _held_in_named(found, text, start)
    return sorted(map(_without_owner, found.values()), key=lambda p: p.start)


_OWNER = re.compile(r"(?P<owner>.+?)['’]s\s+(?=\S)")


def _without_owner(place: Place) -> Place:
    """ "Sudan's El Fasher", "Cameroon's Far North region", "Kharkiv's Kyivskyi district":
    the place, not the country or the city that holds it ("Cox's Bazar" stays whole: a
    name, not a part of something)."""
    if "s " not in place.text or (m := _OWNER.match(place.text)) is None:
        return place
    owned = place.text[m.end() :]
    part = _PART_OF_OWNER.search(owned) is not None  # "Kandahar's Maiwand district"
    if place_rank(m["owner"]) not in (COUNTRY, REGION) and not part:
        return place
    return Place(place.start + m.end(), place.end, owned, place.rank)


_PART_OF_OWNER = re.compile(
    r"\s(?:district|neighbourhood|neighborhood|quarter|suburb|camp|province|region|"
    r"governorate|county|municipality|commune|township|area)$"
)


# "Nyaung Pin Thar, Kani township", "Mucojo, Macomia district": a name set before the
# district it lies in is a place of its own, known or not
_ADMIN_AREA = re.compile(
    r"(?:township|district|county|territory|municipality|commune|lga|woreda|locality)$",
    re.IGNORECASE,
)
_NAME_THEN_COMMA = re.compile(rf"(?P<p>{NAME}),\s*\Z")


def _held_in_named(found: dict, text: str, start: int) -> None:
    for place in list(found.values()):
        if not _ADMIN_AREA.search(place.text) or place.start - start < 3:
            continue
        m = _NAME_THEN_COMMA.search(text, max(start, place.start - 60), place.start)
        if m is None or not _plausible(m["p"]) or m["p"].split()[0].lower() in NOT_PLACES:
            continue
        key = (m.start("p"), m.end("p"))
        if not _overlaps_better(found, key, 5):
            found[key] = Place(key[0], key[1], m["p"], 5)


_WEAK_POINTERS = frozenset("at to from for within and through via".split())


def _run(text: str, start: int, m: re.Match[str]) -> tuple[int, int, str, list[str]]:
    """A capitalised name, with the lowered words before it in its sentence when a space
    sets it off (what the patterns that turn on the word before a name read)."""
    s = m.start()
    spaced = s > start and text[s - 1] == " "
    return s, m.end(), m.group(), text[max(start, s - 40) : s].lower().split() if spaced else []


def _known_names(found: dict, text: str, start: int, end: int, runs: list) -> None:
    """Known places where a pattern cannot vouch: "at Torkham", "Gaza's population",
    a sentence or heading that opens with one."""
    for s, e, name, words in runs:
        if name.endswith(("’s", "'s")) and len(name) > 2:
            _consider_known(found, text, _Found(text, s, e - 2), "b")  # "Gaza’s"
            continue
        if words and (
            words[-1] in _WEAK_POINTERS
            or (words[-1] == "the" and len(words) > 1 and words[-2] in _WEAK_POINTERS)
        ):  # "at Torkham", "for the DRC"
            _consider_known(found, text, _Found(text, s, e), "a")
        elif (kind := _KIND_APPOSITIVE.match(text, e, end)) is not None:
            _appositive_place(found, text, s, e, kind)  # "Tawila, a market town held by"
        elif s == start:
            first, _, rest = name.partition(" ")
            if first.lower() in _WEAK_POINTERS and rest[:1].isupper():
                _consider_known(found, text, _Found(text, s + len(first) + 1, e), "a")
            elif _OPENING_NAME_ENDS.match(text, e, end):
                _consider_known(found, text, _Found(text, s, e), "c")


# A known name opening a sentence, set off or the subject of a verb of hosting or
# counting: "Adré alone received 65 per cent", "Gatumba remains the main entry point"
_OPENING_NAME_ENDS = re.compile(
    r",|:|\s*$|\s+(?:(?:has|have|had)\s+(?:also\s+|again\s+|so far\s+)?)?"
    r"(?:alone|remains?|remained|hosts?|hosted|received|receives|recorded|"
    r"records|reported|reports|saw|sees|seen|accounts?|accounted)\b"
)
# A name a description sets beside as a kind of place: "Tawila, a market town held by a
# faction ...", "Adre, the main border crossing": a place, whether or not a list knows it
_KIND_APPOSITIVE = re.compile(
    r",\s+(?:an?|the)\s+(?:(?!(?:from|of|in|at|for|with|near|on|by|to)\b)[A-Za-z][a-z-]*\s+){0,3}?"
    r"(?P<kind>town|city|village|camp|district|"
    r"province|region|county|settlement|site|crossing|border crossing|neighbourhood|"
    r"neighborhood|suburb|port|island|locality|municipality|territory)"
    # the kind is the description's head, not "a camp coordinator"
    r"(?:\s*[,.;:)]|\s*$|\s+\d|\s+(?:of|in|on|near|at|held|that|which|where|with|and|north|south|"
    r"east|west|some|about|home|run|hosting|sheltering|close|along|across|just)\b)"
)
_KIND_RANK = {"province": 2, "region": 2, "district": 3, "county": 3, "territory": 3,
              "municipality": 3, "city": 4, "town": 4, "port": 4, "island": 4}  # fmt: skip


def _appositive_place(found: dict, text: str, s: int, e: int, kind: re.Match[str]) -> None:
    if lead := _FUNCTION_WORD.match(text, s, e):
        s = lead.end()  # "In Al-Hilaliya, a town of some 30,000": the name after "In"
    name = _strip_tail(text[s:e])
    if not _plausible(name) or _names_an_organisation(text, s + len(name)):
        return
    if _affiliation_before(text, s) or name.split()[0].lower() in NOT_PLACES:
        return
    rank = _KIND_RANK.get(kind["kind"], 5)
    key = (s, s + len(name))
    if not _overlaps_better(found, key, rank):
        found[key] = Place(s, s + len(name), _one_line(name), rank)


# "X province", "the Taung Pyin displacement camp": found from the place word backwards.
# Scanning forwards tried a name at every capital of every sentence; place words are rare.
_BY_WORD = _PATTERNS[1][0]
# RE2 reads the sentence once for all the place words; it also stands in for a
# test of each word in turn before the scan, which cost as much as the scan.
_PLACE_WORD_AT = rx.compile(rf"\s+(?:{_QUALIFIER}\s+)?{_PLACE_WORD}\b")
_NAME_ENDING_HERE = re.compile(rf"\b(?:{DIRECTION}\s+)?{NAME}\Z")


_OF_KIND = _PATTERNS[0][0]
_KIND_BEFORE = re.compile(
    r"\b[Tt]he (?:[A-Za-z-]+ ){0,3}(?:ports?|islands?|towns?|villages?|city|cities|"
    r"neighbou?rhoods?|districts?|suburbs?|municipality|camps?|areas?|region|province|"
    r"governorate|localit(?:y|ies)|township|territory|commune|sub-count(?:y|ies)|parish) of \Z"
)


def _after_kind_of(text: str, start: int, runs: list):
    """ "the town of X", "the Yemeni city of X": names right after "... of "."""
    for s, e, _name, _words in runs:
        if text[max(start, s - 3) : s] == "of " and (
            kind := _KIND_BEFORE.search(text, max(start, s - 70), s)
        ):
            yield _Found(text, s, e, kind.start())


def _named_before_word(text: str, start: int, end: int):
    """Matches of _BY_WORD in text[start:end], found from each place word back."""
    for word in _PLACE_WORD_AT.finditer(text, start, end):
        at = word.start()
        if not _capital_before(text, start, at):
            continue
        name = _NAME_ENDING_HERE.search(text, max(start, at - 90), at)
        if name is not None:
            m = _BY_WORD.match(text, name.start(), end)
            if m is not None and m.end() == word.end():
                yield m


def _capital_before(text: str, start: int, at: int) -> bool:
    """The word before `at` holds a capital: a name cannot end at `at` without one ("Sake
    camp", "Deir al-Zor district"; not "the camp"), tested before the slow search back."""
    token = text[text.rfind(" ", start, at) + 1 : at]
    return token.lower() != token


# "in X", "near X", "fled X", "attacks on the X": found from each capitalised name back to
# the word before it (a set lookup), not by trying thirty words at every word of a sentence.
_POINTED = _PATTERNS[4][0]
# (The lookahead first lets `re` skip to the letters a name can open with.)
_CAPITAL_RUN = re.compile(rf"(?=[A-Zae])(?<![\w’'\-]){NAME}")
_POINTERS = frozenset(
    """rocked hit struck shelled bombed targeted stormed besieged attacked entered captured
    recaptured seized fled fleeing flee reached left in near outside around across into toward
    towards inside throughout off""".split()
)
_DRIVEN_FROM = frozenset("displaced fled fleeing uprooted evacuated expelled escaped".split())
_BEFORE_THE = frozenset("in across near throughout along".split())
_ATTACKS_ON = frozenset(
    """attack attacks assault offensive onslaught strike strikes airstrike airstrikes raid
    raids bombardment shelling""".split()
)
# "left villages around Bilibiza": the figure is about settlements, not the wider area.
_SETTLEMENTS_NEAR = frozenset("villages localities towns settlements hamlets".split())
# ("off the coast of Zawiya": the sea by a place)
_PART_OF_PLACE = frozenset(
    "outskirts edge centre center heart vicinity suburbs environs coast coasts shores".split()
)
_PEOPLE_OF_PLACE = frozenset("residents inhabitants villagers townspeople population".split())
_OPENING_POINTERS = frozenset("In Near Outside Around Across Into Towards Toward Inside".split())


class _Found(NamedTuple):
    """The parts of a match _consider reads, for places found without one regex."""

    text: str
    s: int
    e: int
    whole: int = -1  # where the whole match starts, if before the name ("the town of X")
    settlement: bool = False  # "villages around X": as specific as a village

    def __getitem__(self, _group: str) -> str:
        return self.text[self.s : self.e]

    def start(self, _group: str | int = 0) -> int:
        return self.s

    def end(self, _group: str | int = 0) -> int:
        return self.e

    def group(self, _group: int = 0) -> str:
        return self.text[self.whole if self.whole >= 0 else self.s : self.e]


def _pointed_at(text: str, start: int, runs: list):
    pointed = -1  # where the last name pointed at ends
    for s, e, name, words in runs:
        first, _, rest = name.partition(" ")
        if first in _OPENING_POINTERS and rest[:1].isupper():
            pointed = e
            yield _Found(text, s + len(first) + 1, e)  # "In Rafah, ..." opening the sentence
            continue
        if (words and _points_at(words)) or _next_in_list(text, pointed, s, e):
            pointed = e
            yield _Found(text, s, e, settlement=len(words) > 1 and words[-2] in _SETTLEMENTS_NEAR)


def _next_in_list(text: str, pointed: int, s: int, e: int) -> bool:
    """ "in Bahir Dar (about 1,100), Gondar (about 850) and Debre Markos (some 400)": the
    next item of a list of places, each with its count in brackets."""
    return (
        pointed > 0
        and _NEXT_BRACKETED.fullmatch(text, pointed, s) is not None
        and _COUNT_IN_BRACKET.match(text, e) is not None
    )


# The next item of a list of places, each with its count in brackets
_NEXT_BRACKETED = re.compile(r"\s*\([^()\n]{1,40}\)(?:,\s*|,?\s+and\s+)")
_COUNT_IN_BRACKET = re.compile(r"\s*\((?:[a-z]+\s+){0,2}\d")


def _points_at(words: list[str]) -> bool:
    last = words[-1]
    if last in _POINTERS:
        return True
    before = words[-2] if len(words) > 1 else ""
    if last == "on":
        return before in _ATTACKS_ON
    if last == "by":
        return before == "followed"  # "the most cases (51), followed by Hajjah (38)"
    if last == "from":
        return before in _DRIVEN_FROM  # "displaced from al-Sukkariyah": where they left
    if last == "of":  # "on the outskirts of Solenzo", "several hundred residents of Khorugh"
        return before in _PART_OF_PLACE or before in _PEOPLE_OF_PLACE
    if last == "the":
        return before in _BEFORE_THE or (
            before == "on" and len(words) > 2 and words[-3] in _ATTACKS_ON
        )
    return False


def _and_before(text: str, at: int, start: int) -> bool:
    """ "and" and a space end text[start:at]: what _COORDINATED_BEFORE cannot match
    without, tested before its slow search backwards."""
    head = text[max(start, at - 120) : at]  # the window the search reads
    bare = head.rstrip()
    return len(bare) < len(head) and bare.endswith("and") and bare[-4:-3].isspace()


def _one_line(name: str) -> str:
    """A name wrapped at a line's end ("Port\nLumen") is read as one spaced name."""
    return " ".join(name.split()) if "\n" in name else name


_INDEFINITE_BEFORE = re.compile(r"\b[Aa]n?\s+\Z")
_RUN_BY = re.compile(r"-(?:supported|run|backed|led|funded|managed|operated|sponsored)\b")


def _consider(found: dict, text: str, m: re.Match[str], default: int, start: int) -> None:
    raw = m["p"]
    # (a coordinated name never reaches back before its sentence: "MEASLES\n\nIn Kassala
    # and Gedaref states" is a heading and a sentence, not one list of places)
    if (
        default == 0
        and _and_before(text, m.start(), start)
        and (more := _COORDINATED_BEFORE.search(text, max(start, m.start() - 120), m.start()))
    ):
        raw = text[more.start() : m.end("p")]  # "Nasir and Ulang counties"
    lead = _FUNCTION_WORD.match(raw)  # "In Fizi territory": the preposition opens the sentence
    name = _strip_tail(raw[lead.end() :] if lead else raw)
    s = m.end("p") - len(raw) + (lead.end() if lead else 0)
    if name != raw[lead.end() if lead else 0 :] and not _GEOGRAPHIC_AFTER.match(text, m.end("p")):
        return  # "Assad’s prisons": a possessor, not a place
    if default != 3 and _INDEFINITE_BEFORE.search(text, max(start, s - 4), s):
        return  # "Kassoumbé, a Fulani village": a kind of place, not its name
    if default == 3 and (city := _capital_called(text, name, s + len(name))):
        key = (s, s + len(name) + len(" capital"))  # "in the Libyan capital": Tripoli
        if not _overlaps_better(found, key, 4):
            found[key] = Place(key[0], key[1], city, 4)
        return
    if not _ARTICLE.sub("", _core(name))[:1].isupper() or not _acceptable(name, default):
        return  # "The governorate": only a general word was left after "The"
    if name.isupper() and name.count(" ") >= 2 and place_rank(name) is None:
        return  # "DRONE HITS EL FASHER HOSPITAL": a headline in capitals, not a name
    if _names_an_organisation(text, s + len(name)) or _affiliation_before(text, s):
        return
    if (
        default == 3
        and " " not in name
        and place_rank(name) is None
        and (_ADJECTIVE_OF_NOUN.match(text, s + len(name)) or _KIND_OF.match(text, s + len(name)))
    ):
        return  # "in Israeli attacks", "in the Yemeni city of Taiz": a word before a noun
    if default == 0 and _OF_AFTER.match(text, m.end("p")) and _adjectival(name):
        return  # "the Yemeni city of Taiz": the place is the one after "of"
    if "-" in name and _RUN_BY.search(name):
        return  # "FAO-supported market monitoring": whose it is, not where
    if "\n" in name and PARAGRAPH_BREAK.search(name):
        return  # "Nasir and Ulang\n\nNew IPC": a name never runs across a paragraph
    rank = 6 if default == 6 else _rank_for(m.group(0), default)
    if default == 3 and _headline(text, s) and place_rank(name) is None:
        return  # "Partners Meet Donors in Second Pledging Round": capitals of a headline
    if default == 3 and (known := place_rank(_LEADING_DIRECTION.sub("", name))) is not None:
        rank = {COUNTRY: 1, REGION: 2, TOWN: 4}.get(known, rank)
    if getattr(m, "settlement", False):
        rank = 5  # "villages around Pella", whatever else Pella names
    key = (s, s + len(name))
    if not _overlaps_better(found, key, rank):
        found[key] = Place(s, s + len(name), _one_line(name), rank)


# A noun of actors or arms right after a one-word name makes the name its adjective:
# "in Israeli attacks", "in Yemeni waters", "in Syrian government custody".
def _capital_called(text: str, name: str, end: int) -> str | None:
    """The city "the Libyan capital" means: the capital of the country the word names."""
    if text[end : end + 8] != " capital" or " " in name:
        return None
    country = country_of_demonym(name)
    return capital_of(country) if country else None


_ADJECTIVE_OF_NOUN = re.compile(
    r" (?:attacks?|strikes?|airstrikes?|shelling|forces|troops|army|military|government|"
    r"officials|authorities|soldiers|police|militias?|fighters|rebels|drones?|missiles?|"
    r"waters|custody|prisons?|detention|side|media|ministry|people|civilians|refugees|"
    r"nationals|citizens|migrants|workers|communities|community|operations?|occupation)\b"
)
_OF_AFTER = re.compile(r" of\b")
# "a doctor at Al-Thawra hospital said": where the speaker works, not where it happened
# (RE2 on the 60 characters before a name: a match is never longer than 25.)
_AFFILIATION = rx.compile(
    r"\b(?:doctors?|nurses?|surgeons?|officials?|spokes(?:man|woman|person)|director|head|staff|"
    r"workers?|medics?|sources?|administrators?|managers?|coordinator|representative) "
    r"(?:at|of|from) (?:the )?\z"
    # a post held in a place speaks for a wider area ("its spokesman in the Beni area");
    # officials, staff or doctors in a town speak of that town ("officials in Hays said")
    r"|\b(?:spokes(?:man|woman|person)|director|head|coordinator|representative|envoy) in "
    r"(?:the )?\z"
    r"|\b(?:journalists|reporters|the press|a briefing|a press conference|speaking) in \z"
    r"|\b[Bb]y (?:[\w’'-]+ ){0,3}(?:staff|correspondents?|reporters?) in \z"  # a byline
)
_AFFILIATION_ENDS = frozenset(("at", "of", "om", "in", "he"))  # at, of, from, in, the


def _affiliation_before(text: str, at: int) -> bool:
    """Whether the words before the name at `at` say where a speaker works. The
    pattern ends in "at", "of", "from", "in" or "the" and a space: tested first, as most
    names follow other words ("in" passes, and RE2 reads the rest)."""
    if (
        not text[max(0, at - 1) : at].isspace()
        or text[max(0, at - 3) : at - 1] not in _AFFILIATION_ENDS
    ):
        return False
    return _AFFILIATION.search_before(text, max(0, at - 60), at) is not None


_KIND_OF = re.compile(rf" (?:[a-z]+ )?{_PLACE_WORD} of\b")
_FUNCTION_WORD = re.compile(
    r"(?:In|At|On|From|The|A|An|Since|During|Near|Across|Along|Of|Into|Inside|Outside|To)\s+"
)
_ORG_WORDS = frozenset(
    """union nations council ministry committee agency programme program organisation
    organization commission office coalition army forces police mission""".split()
)
_FACILITY_TAIL = re.compile(rf"(?:\s+[a-z]+){{0,2}}\s+(?i:{_FACILITY})$")
_PLACE_TAIL = re.compile(rf"\s+(?:{_QUALIFIER}\s+)?{_PLACE_WORD}$", re.IGNORECASE)


# Words no facility's name is made of: counts, verbs of attack, kinds of people
_NOT_FACILITY_NAME = frozenset(
    """one two three four five six seven eight nine ten a an struck hit idp idps returnees
    refugees migrants people civilians families children humanitarian""".split()
)  # ("South Sudanese returnees crossing back", "the EU Humanitarian Air Bridge")


@lru_cache(maxsize=4096)  # names recur; the answer depends on the name alone
def _acceptable(name: str, default: int) -> bool:
    """Is this a place? A known one always is; otherwise its words decide."""
    if place_rank(name) is not None:
        return True  # "West Bank", "Gaza Strip"
    if default == 6:  # a facility: its name part must not be an organisation's
        part = _FACILITY_TAIL.sub("", name)
        if (
            _ACRONYM.match(part)
            and not name.isupper()  # ("ZAMZAM CAMP, North Darfur.": a dateline's capitals)
            and place_rank(part) not in (COUNTRY, REGION)
        ):
            return False  # "an UNRWA school", "the MSF hospital": whose it is, not a name
        words = _NAME_SPLIT.split(part.lower())
        if any(w in _NOT_FACILITY_NAME for w in words):
            return False  # "Two port workers", "Russian drones struck port", "the IDP camp"
        if country_of_demonym(name.split()[0]) is not None or _demonym_named(name):
            return False  # "Russian drones struck port": who, not which port
        return words[0] not in NOT_PLACES and not _ORG_WORDS.intersection(words)
    core = _RURAL.sub("", _LEADING_DIRECTION.sub("", name))
    if not _plausible(core):
        return False
    named = _PLACE_TAIL.sub("", core)  # "Yemeni city": a demonym, not a name
    return named == core or " " in named or _plausible_single(named)


def _demonym_named(name: str) -> bool:
    """ "South Sudanese returnees crossing": the capitalised part is a people's name."""
    capitalised = " ".join(w for w in name.split() if w[:1].isupper())
    return " " in capitalised and country_of_demonym(capitalised) is not None


_TITLE_WORD = re.compile(r"[A-Z](?<=\b[A-Z])[a-z]+\b")  # (capital first: `re` skips to it)
_SMALL_WORD = re.compile(r"\b(?:[a-z]+)\b")


def _headline(text: str, at: int) -> bool:
    """The line holding `at` is set in Title Case (a headline), not prose."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    end = len(text) if end == -1 else end
    first, last = text[start : start + 1], text[end - 1 : end] if end > start else ""
    if last in '.!?"”' or first.isdigit() or first in "$€£":
        return False  # prose, or a key-figure line ("9,200  New arrivals in Tawila")
    line = text[start:end]  # (cut only now: a paragraph of prose is one long line)
    capital = len(_TITLE_WORD.findall(line))
    small = [w for w in _SMALL_WORD.findall(line) if w not in _HEADLINE_SMALL]
    return capital >= 3 and capital > 2 * len(small)


_HEADLINE_SMALL = frozenset("a an the of in on at to for and or with by from as".split())


_ARTICLE = re.compile(rf"^{_ARTICLES}-")


@lru_cache(maxsize=4096)  # names recur; the answer depends on the name alone
def _core(name: str) -> str:
    """ "northern and western rural Idlib" -> "Idlib"."""
    return _RURAL.sub("", _LEADING_DIRECTION.sub("", name))


@lru_cache(maxsize=4096)  # names recur; the answer depends on the name alone
def _adjectival(name: str) -> bool:
    """ "Yemeni city", "Lebanese coastal town": a nationality before a place word."""
    named = _PLACE_TAIL.sub("", _LEADING_DIRECTION.sub("", name))
    return " " not in named and bool(_NATIONALITY.match(named)) and place_rank(named) is None


def _plausible_single(word: str) -> bool:
    if _ACRONYM.match(word):
        # "IDP camp", "NGO road": some town's code is no place; a country's or a
        # region's short name is ("DRC", "CAR")
        return place_rank(word) in (COUNTRY, REGION)
    if _DEMONYM.match(word):
        return place_rank(word) is not None
    return True


def _consider_known(found: dict, text: str, m: _Found, group: str) -> None:
    """A name in a weak context (group "a": after "at", "to"...; "b": before "'s"; "c":
    opening the sentence) is a place only if the gazetteer knows it."""
    after = m.end() + (2 if group == "b" else 0)
    if group == "b" and not _GEOGRAPHIC_AFTER.match(text, after):
        return  # "Russia's air war": an actor; "Gaza's population": a place
    name = _strip_tail(m[group])
    known = place_rank(name)
    if known is None or not _plausible(name) or _names_an_organisation(text, after):
        return
    if _affiliation_before(text, m.start()):
        return
    if known == TOWN and _ACRONYM.match(name):
        return  # "VDP": some town's code, but here an acronym
    s = m.start()
    # A weaker context than the patterns': one rank below ("refugees from Ukraine are
    # recorded across Europe": Europe)
    rank = max(0, {COUNTRY: 1, REGION: 2, TOWN: 4}.get(known, 3) - 1)
    key = (s, s + len(name))
    if not _overlaps_better(found, key, rank):
        found[key] = Place(s, s + len(name), _one_line(name), rank)


def _overlaps_better(found: dict[tuple[int, int], Place], key: tuple[int, int], rank: int) -> bool:
    """Keep one place per stretch of text: the longer name, then the higher rank."""
    for other_key, other in list(found.items()):
        if key[0] < other.end and other.start < key[1]:
            longer = (key[1] - key[0]) > (other.end - other.start)
            if longer or ((key[1] - key[0]) == (other.end - other.start) and rank > other.rank):
                del found[other_key]
                continue
            return True
    return False
