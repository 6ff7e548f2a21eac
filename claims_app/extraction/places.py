"""Places, found from how a sentence names them, not from a list of known names.

"in the town of X", "X province", "near X", "southern rural X",
"X countryside", "the X camp", "in X" (a capitalised name that is not an
organisation, a month or a person's title). The extractor meets regions it
has never seen, so the name itself is never looked up; only the words around
it decide. Each place gets a rank: the more specific, the higher.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# A capitalised name: "Kafranbel", "Maaret al-Nouman", "Khan Sheikoun", "Dara’a",
# "Umm Tarsa". Lower-case particles (al-, el-, ad-, bin, de) may join its words.
_WORD = r"[A-Z][\w’'\-]*(?:-[A-Za-z][\w’']*)*"
_PARTICLE = r"(?:al|el|ad|ar|as|ash|at|an|bin|ibn|de|del|la|le|di|da|van|von)"
NAME = rf"{_WORD}(?:\s+(?:{_PARTICLE}[\-\s])?{_WORD}){{0,3}}"
_DIRECTION = (
    r"(?:north|south|east|west|northern|southern|eastern|western|central|"
    r"north-?eastern|north-?western|south-?eastern|south-?western|northeastern|"
    r"northwestern|southeastern|southwestern|upper|lower)"
)
SETTLEMENT_WORDS = {
    "neighbourhood": 5, "neighborhood": 5, "camp": 5, "district of": 4, "village": 5,
    "town": 5, "city": 4, "area": 3, "suburb": 5, "region": 2, "province": 2,
    "governorate": 2, "state": 2, "county": 3, "municipality": 4, "countryside": 2,
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
        her their its our islamic arab""".split()
)


class Place(NamedTuple):
    start: int
    end: int
    text: str
    rank: int  # 5 settlement ... 1 country or broad region


_PLACE_WORDS = (
    "valley", "plain", "coast", "island", "bay", "hills", "mountains", "delta", "basin",
    "desert", "highlands", "lowlands", "peninsula", "plateau", "province", "governorate",
    "district", "region", "camp", "neighbourhood", "neighborhood", "countryside", "city",
    "county", "municipality", "state", "area",
)  # fmt: skip
_PATTERNS: list[tuple[re.Pattern[str], int]] = [
    # the town of X, the village of X, the X neighbourhood of Y
    (re.compile(rf"\bthe (?:[a-z]+ )?(?:ports?|islands?|towns?|villages?|city|cities|"
                rf"neighbou?rhoods?|"
                rf"districts?|suburbs?|municipality|camps?|areas?|region|province|governorate) of "
                rf"(?P<p>{NAME})"), 0),
    # X province, X camp, X district, the X neighbourhood (rank from the word)
    (re.compile(rf"(?P<p>(?:{_DIRECTION}\s+)?{NAME}\s+"
                rf"(?:(?:border|coastal|rural|tribal|frontier|mountain|desert|river|delta|"
                rf"valley|lake|highland|lowland)\s+)?(?:valley|plains?|coast|island|islands|bay|"
                rf"hills|mountains|delta|basin|desert|highlands|lowlands|peninsula|plateau|"
                rf"province|governorate|district|"
                rf"region|camp|neighbou?rhood|countryside|city|county|municipality|"
                rf"state|area))\b"), 0),
    # southern rural Idlib, northern rural Hama
    (re.compile(rf"(?P<p>(?:{_DIRECTION}\s+(?:and\s+{_DIRECTION}\s+)?)?rural\s+{NAME})"), 2),
    # northwestern Syria, southern Karun
    (re.compile(rf"\b(?P<p>{_DIRECTION}\s+{NAME})"), 1),
    # One pattern for the names after a word that points at a place (one scan per
    # sentence instead of three; the three never overlap, as the words before a
    # name are lower case and a name is capitalised):
    # - after a verb of attack or a word for one: "rocked Swaida", "attack on Idlib";
    # - after "the": "in the Southern Plain", "across the Nile Delta";
    # - after a preposition: "in X", "near X", "outside X" ("to X" and "at X" name
    #   people and meetings as often as places: left out, but see the last pattern).
    (re.compile(rf"\b(?:rocked|hit|struck|shelled|bombed|targeted|stormed|besieged|attacked|"
                rf"entered|captured|recaptured|seized|(?:attacks?|assault|offensive|onslaught|"
                rf"strikes?|airstrikes?|raids?|bombardment|shelling) on(?: the)?|"
                rf"(?:in|across|near|throughout) the|"
                rf"in|near|outside|around|across|from|into|toward|towards|inside) "
                rf"(?P<p>{NAME})"), 3),
    # "the Mirova health centre", "Dar al-Hikma hospital": the place a facility is named after
    (re.compile(rf"\bthe (?P<p>{NAME}) (?:(?:health|medical|general|field|main|central|"
                rf"district|regional) )?(?:hospital|clinic|centre|center|market|school)\b"), 2),
    # "at X" after a word for a place: "the crossing point at Tarev", "a camp at Dolo"
    (re.compile(rf"\b(?:crossing|crossing point|checkpoint|border post|camp|port|station|"
                rf"airport|base|bridge|dam|market|hospital|clinic|school|prison) at "
                rf"(?P<p>{NAME})"), 4),
]  # fmt: skip


# (" village", "the village", 5): a name ending in the word, or "the village of X"
_RANK_TESTS = [
    (" " + word.split()[0], f"the {word}", rank) for word, rank in SETTLEMENT_WORDS.items()
]


def _rank_for(text: str, default: int) -> int:
    lower = text.lower()
    for ending, opening, rank in _RANK_TESTS:
        if lower.endswith(ending) or lower.startswith(opening):
            return rank
    return default or 3


def _plausible(name: str) -> bool:
    words = _NAME_SPLIT.split(name.lower())
    if not words or words[0] in NOT_PLACES:
        return False
    return not any(w in NOT_PLACES for w in words[1:] if w not in ("al", "el"))


_FOLLOWING_ORG = re.compile(
    r"\s+(?:regime|forces|government|militias?|army|troops|authorities|officials|police|"
    r"coalition|council|network|group|organi[sz]ation|committee|ministry)\b",
    re.IGNORECASE,
)


_GEOGRAPHIC_AFTER = re.compile(
    r"\s+(?:north|south|east|west|northern|southern|eastern|western|capital|border|"
    r"countryside|outskirts|coast|interior|provinces?|regions?|cities|towns|villages)\b",
    re.IGNORECASE,
)


def _names_an_organisation(text: str, end: int) -> bool:
    """ "the Assad regime", "Syrian forces": the name qualifies an actor, not a place."""
    return bool(_FOLLOWING_ORG.match(text, end))


_NAME_SPLIT = re.compile(r"[\s\-]+")
_POSSESSIVE = re.compile(r"(?:’s|'s)$")
_LEADING_DIRECTION = re.compile(rf"^(?:{_DIRECTION}\s+)+", re.IGNORECASE)
_RURAL = re.compile(r"^rural\s+")


def _strip_tail(name: str) -> str:
    # "Idlib and" / "Hama," never reach here; trailing possessives do: "Syria’s"
    return _POSSESSIVE.sub("", name)


# A word each pattern cannot match without (None: no cheap test). Checking it with
# `in` first skips most patterns on most sentences, at C speed.
# A word each pattern cannot match without (the patterns' lower-case words are
# case-sensitive, so a substring test is exact): most patterns are skipped for
# most sentences at the cost of a C-speed `in`.
_NEEDS = [
    (" of ",),
    _PLACE_WORDS,
    ("rural",),
    ("north", "south", "east", "west", "central", "upper", "lower"),
    None,
    ("hospital", "clinic", "centre", "center", "market", "school"),
    (" at ",),
]


def find_places(text: str, start: int = 0, end: int | None = None) -> list[Place]:
    """Every place named in text[start:end], most specific rank per span, in order."""
    end = len(text) if end is None else end
    found: dict[tuple[int, int], Place] = {}
    window = text[start:end]
    for (pattern, default), needs in zip(_PATTERNS, _NEEDS, strict=True):
        if needs is not None and not any(map(window.__contains__, needs)):
            continue
        for m in pattern.finditer(text, start, end):
            name = _strip_tail(m["p"])
            s = m.start("p")
            if name != m["p"] and not _GEOGRAPHIC_AFTER.match(text, m.end("p")):
                continue  # "Assad’s prisons": a possessor, not a place
            core = _RURAL.sub("", _LEADING_DIRECTION.sub("", name))
            if not _plausible(core) or _names_an_organisation(text, s + len(name)):
                continue
            rank = _rank_for(m.group(0), default)
            key = (s, s + len(name))
            if not _overlaps_better(found, key, rank):
                found[key] = Place(s, s + len(name), name, rank)
    return sorted(found.values(), key=lambda p: p.start)


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
