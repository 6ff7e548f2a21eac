"""Where a figure is: the most specific place of its own clause, or what the text means.

In order:
0. a place right before the figure's bracket ("Gedaref (21%)");
1. a place named in the figure's own clause (when.figure_region), up to a
   sub-count ("..., including about 700,000 in Sagaing" is the sub-count's
   place); the most specific wins, then the nearest;
2. a place the clause names by a general word: "in the region", "across the
   state", "the town's" mean the region, state or town the text named before;
   "nationwide" and "the country" mean the article's country, "the capital"
   that country's capital;
3. money and funding are the country's ("The 2023 Response Plan ... requires
   US$2.6 billion"), when the sentence names no place;
4. any place the sentence names, then the places of the sentences before it (but
   for an aggregate - tens of thousands, or a share - the country, when the place
   before is a province or anything smaller); a headline's figure, the places of
   the lede below it;
5. the country the article is about (named, or the one its places lie in).
The place found is widened to the list it stands in ("Chai, Mucojo and Quiterajo").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from itertools import pairwise

from claims_app.extraction import rx
from claims_app.extraction.gazetteer import (
    COUNTRY,
    REGION,
    canonical,
    capital_of,
    country_of_demonym,
    country_of_place,
    is_country,
    place_rank,
    same_country,
)
from claims_app.extraction.places import DIRECTION, NAME, NOT_PLACES, Place
from claims_app.extraction.sentences import PARAGRAPH_BREAK, Sentence
from claims_app.extraction.when import figure_region

# RE2 (rx): these read the lowered article between offsets, for every kept figure
_SCOPE = rx.compile(
    r"\b(?:(?:in|across|throughout|around|of|from) )?the (?P<w>region|state|province|"
    r"governorate|district|city|town|village|area|country|capital|county|territory|"
    r"locality|camp|site|municipality|commune)(?:'s|’s)?\b|\b(?P<n>nationwide|countrywide|"
    r"across the country)\b"
)
_DESTINATION = re.compile(
    r"\b(?:to|into|towards?)\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}(?:(?:town|city|village|camp|"
    r"district|region|province|area)\s+of\s+)?\Z"
)
# Where people were taken or went, for a figure of harm done elsewhere. Stricter than
# _DESTINATION about the words between and wider in its verbs; one pattern for both
# moved places of other figures (gold pages a1, b1: "arrived in" a place named beside).
_WENT_TO = re.compile(
    r"\b(?:to|into|towards?|reached|reaching|arrived (?:in|at)|arriving (?:in|at))\s+"
    r"(?:the\s+)?(?:(?!of\b|on\b|in\b|at\b)[a-z-]+\s+){0,2}(?:(?:town|city|village|camp|"
    r"district|region|province|area)\s+of\s+)?\Z"  # not "into the shelling of X"
)
# "taken to Belvan hospital and to the Provincial Hospital in Lorin": all the way on
_TAKEN_TO = re.compile(
    r"\b(?:taken|brought|rushed|evacuated|transferred|referred|admitted)\b[^.;,:]{0,70}\Z"
)


def _went_to(low: str, place: Place) -> bool:
    return bool(
        _WENT_TO.search(low, max(0, place.start - 40), place.start)
        or _TAKEN_TO.search(low, max(0, place.start - 80), place.start)
    )


# "the district hospital", "the county commissioner": an institution, not a scope
_INSTITUTION_AFTER = re.compile(
    r" (?:hospital|clinic|health|school|office|authorit|administrat|commission|council|"
    r"court|hall|headquarters|police|prison|market|"
    # ("according to the camp leader": a person's role, not where it happened)
    r"leader|manage|committee|coordinat|chief|elder|official|spokes|representative|director|"
    r"governor|government)"
)
_WHERE_IT_HAPPENED = frozenset(("displaced", "killed", "injured", "casualties"))
# (", most of them in Lubero and Djugu territories": where most are, not the figure's place)
_FOLLOWED = r"followed by"  # the next of a ranking: "..., followed by Hajjah (38)"
_SUBCOUNT = rx.compile(
    rf",?\s+(?:including|among them|of whom|of which|with|mostly|{_FOLLOWED}|"
    r"(?:most|many|half|nearly all|almost all|the majority) of them)\b"
)
_FOLLOWED_BY = re.compile(rf",?\s+{_FOLLOWED}\b")
_FUNDING = rx.compile(r"\b(?:funded|funding|appeal|response plan|requires|requirements|seeks)\b")
# Which places a general word can stand for: by the word a place's name ends with.
_KIND = {
    "region": ("region", "state", "province", "governorate", "department", "oblast"),
    "state": ("state", "region", "province"), "province": ("province", "region"),
    "governorate": ("governorate",), "district": ("district", "county", "territory"),
    "city": ("city", "town"), "town": ("town", "city", "village"), "village": ("village",),
    "area": ("area",), "county": ("county",), "territory": ("territory",),
    "locality": ("locality",), "camp": ("camp", "site"), "site": ("site", "camp"),
    "municipality": ("municipality",), "commune": ("commune",),
}  # fmt: skip
_SUBDIVISIONS = frozenset("county district territory governorate province state region".split())
_SETTLEMENTS = frozenset("city town village locality camp site municipality commune area".split())
_RANKS = {"region": (1, 2), "state": (2,), "province": (2,), "governorate": (2,),
          "city": (4, 5), "town": (4, 5), "village": (5,)}  # fmt: skip


def figure_place(text: str, *args, **kwargs) -> Place | None:
    """The place of the figure (arguments as `_chosen_place`), widened to the list of
    places it stands in ("the localities of Chai, Mucojo and Quiterajo"): the figure
    is about all of them."""
    found = _chosen_place(text, *args, **kwargs)
    return _with_coordinated(text, found) if found else None


def _chosen_place(
    text: str,
    low: str,
    sentences: list[Sentence],
    places: Callable[[int], list[Place]],
    index: int,
    figure: tuple[int, int],
    *,
    money: bool,
    harm: str | None = None,
    country: Callable[[], Place | None],
    home: Callable[[], Place | None],
    placed_before: Callable[[int], int | None],
    aggregate: bool = False,
) -> Place | None:
    sentence = sentences[index]
    if found := _bracketed_after(text, places(index), sentence.start, figure):
        return found  # "Gedaref (21%)": the place the bracket belongs to
    if found := _list_item_place(text, places(index), sentence, figure):
        return found  # "Metuge 1,140 cases, Memba 513 cases": the item's own place
    if found := _right_after(low, places(index), figure):
        return found  # "38 in Idlib, 71 in Hama": the place the figure's own "in" names
    after = _SCOPE.match(low, figure[1] + 1) if low[figure[1] : figure[1] + 1] == " " else None
    if after and (found := _resolve(places, index, after, country)):
        return found  # "the 86 hospitals in the region"
    region = _own_region(low, sentence, figure)
    # A "place" holding the figure is a title-case headline read as a name, not a place.
    here = [p for p in places(index) if not p.start <= figure[0] < figure[1] <= p.end]
    # a river or a lake is where people crossed or a flood came from, seldom the
    # figure's place, when the sentence names another ("villages across the Mu river")
    dry = [p for p in here if not _WATER.search(p.text)]
    if dry or placed_before(index) is not None:
        here = dry  # (a river alone is the place only when nothing before names one)
    own = [p for p in here if any(a <= p.start < b for a, b in region)]
    if own and harm in _WHERE_IT_HAPPENED:
        # "have fled Oskel district ..., most of them to Tarsa camp", "the wounded were
        # brought to Kurma hospital": the harm is Oskel's; where people went is not.
        there = [p for p in own if not _went_to(low, p)]
        own = there or (own if harm == "displaced" else [])
    own = _before_since_clause(low, own, figure)
    if own:
        return _stated_scope(low, own, figure) or max(
            _inner(low, own), key=lambda p: (p.rank, -_distance(p, figure))
        )
    scopes = [scope for a, b in region for scope in _SCOPE.finditer(low, a, b)]
    scopes = [s for s in scopes if not _INSTITUTION_AFTER.match(low, s.end())]
    for scope in scopes:
        if found := _resolve(places, index, scope, country):
            return found
    funding = money or _FUNDING.search(low, sentence.start, sentence.end)
    if funding and not here and (found := country() or home()):
        return found
    if scopes and scopes[0]["w"]:  # "in the province", named nowhere: as specific as it gets
        return Place(scopes[0].start("w") - 4, scopes[0].end("w"),
                     text[scopes[0].start("w") - 4 : scopes[0].end("w")], 0)  # fmt: skip
    # Another clause's place, unless it is where people went ("fled to the town of X")
    # or the next in a ranking ("X accounted for half, followed by Sedu (1,300)")
    ranked = _FOLLOWED_BY.search(low, figure[1], sentence.end)
    elsewhere = [
        p
        for p in here
        if not _DESTINATION.search(low, max(0, p.start - 40), p.start)
        and (ranked is None or p.start < ranked.start())
    ]
    if elsewhere:
        return max(elsewhere, key=lambda p: (p.rank, -_distance(p, figure)))
    if nationals := _nationality_places(text, sentence) or _possessing_country(text, sentence):
        return nationals[0]  # "4.5 million Yemenis", "Lebanese authorities say", "Sudan's ministry"
    if (prev := placed_before(index)) is not None:  # the nearest sentence naming a place
        carried = _carried_place(low, sentences[prev], places(prev), home)
        if aggregate and carried.rank >= 2 and (country_wide := home()) is not None:
            # "A mortar hit a school in Kunduz city. ... Mines and ERW have killed or
            # injured 118,930 people": a count of tens of thousands, or a share, is
            # seldom the town or province named before; a toll of a few is
            return country_wide
        return carried
    if _is_headline(sentence, index):  # a headline's figure is placed by the lede below
        for later in range(index + 1, min(index + 4, len(sentences))):
            if found := places(later):
                return _main_place(low, sentences[later], found)
    return home()  # the article names no place before it: the country it is about


_IN_RIGHT_AFTER = re.compile(r" (?:in|at) (?:the )?")


def _right_after(low: str, here: list[Place], figure: tuple[int, int]) -> Place | None:
    for p in here:
        if p.start > figure[1] and _IN_RIGHT_AFTER.fullmatch(low, figure[1], p.start):
            return p
    return None


# "... from their homes in Sofala province since a storm made landfall near Beira": a
# clause of time after the figure's place tells where its cause began, not the figure's
_SINCE_CLAUSE = re.compile(r"\s+since\s+(?:a|an|the|its|their|[a-z]+s)\s")


def _before_since_clause(low: str, own: list[Place], figure: tuple[int, int]) -> list[Place]:
    if len(own) < 2:
        return own
    m = _SINCE_CLAUSE.search(low, figure[1], own[-1].start)
    if m is None:
        return own
    before = [p for p in own if p.end <= m.start()]
    return before if any(p.start >= figure[1] for p in before) else own


# "a clinic in Pardu, in South Veyra district", "Belvan town, Belvan district": the
# second place holds the first.
_HELD_IN = re.compile(r"\s*,?\s+in\s+(?:the\s+)?|\s*,\s*")
_ADMIN_END = ("district", "province", "governorate", "region", "state", "county", "oblast",
              "township", "territory", "municipality", "commune", "lga", "woreda", "division",
              "department", "prefecture")  # fmt: skip
_WATER = re.compile(r"\b(?:[Rr]iver|[Ll]ake|[Ss]ea|[Gg]ulf|[Ss]trait|[Oo]cean|[Bb]ay)\b")


def _inner(low: str, places: list[Place]) -> list[Place]:
    """The places but those that only say where another of them lies: the more
    specific is the figure's, whatever rank a name's word or the gazetteer gives."""
    containers = set()
    for p, q in pairwise(places):
        gap = _HELD_IN.fullmatch(low, p.end, q.start)
        if gap and ("in" in gap.group(0) or q.text.lower().endswith(_ADMIN_END)):
            containers.add(q)
    return [p for p in places if p not in containers] or places


# "told reporters in Beni", "speaking in Geneva": where a statement was made
_SPOKE_IN = re.compile(
    r"\b(?:told (?:reporters|journalists|a news conference|a press conference|a briefing)|"
    r"said|says|speaking|briefed|briefing|addressing)\b[^.;:]{0,40}?\b(?:in|at|from)\s+"
    r"(?:the\s+)?\Z"
)


def _carried_place(
    low: str, sentence: Sentence, found: list[Place], home: Callable[[], Place | None]
) -> Place:
    """The place the nearest sentence naming one gives a figure that names none; but
    where the wounded were taken or a statement was made ("were transferred to Beni",
    "told reporters in Beni") is not where the next figure happened: the report's."""
    scene = [p for p in found if not _went_to(low, p) and not _spoke_in(low, p)]
    if scene:
        return _main_place(low, sentence, scene)
    return home() or _main_place(low, sentence, found)


def _spoke_in(low: str, place: Place) -> bool:
    return bool(_SPOKE_IN.search(low, max(0, place.start - 70), place.start))


def _main_place(low: str, sentence: Sentence, found: list[Place]) -> Place:
    """The most specific place another sentence names outside its sub-counts."""
    candidates = _outside_subcounts(low, sentence, found) or found
    dry = [p for p in candidates if not _WATER.search(p.text)] or candidates
    return max(_inner(low, dry), key=lambda p: p.rank)  # "Ywa Thit, Kani township": Ywa Thit


_HEADLINE_REACH = 6  # a page's first lines: a masthead, a kicker, the headline
_LEAD_REACH = 2  # the lead's first sentences
_HEADLINE_WORDS = 6  # fewer words is a masthead or a label ("PRESS RELEASE"), not a headline
_WORD = re.compile(r"[^\W\d_]{2,}")


def report_scope(
    text: str,
    sentences: list[Sentence],
    places: Callable[[int], list[Place]],
    country: Place | None,
) -> Place | None:
    """The part of a country a report says it is about, for a figure it places nowhere
    else: the regions its lead names together ("640,000 people in Cabo Delgado, Niassa
    and Nampula provinces"), else the area its headline is about ("Cabo Delgado: renewed
    attacks ...", "Landslides kill 31 in Buwera district"). Only the first line long
    enough to be the headline is read: a masthead's or a guest line's place is no scope."""
    if found := _coverage_line(text, sentences, places):
        return found
    body = [i for i in range(min(12, len(sentences))) if not _is_title_line(sentences[i])]
    for index in body[:_LEAD_REACH]:
        for place in places(index):
            if place.rank == REGION and ("," in place.text or " and " in place.text):
                return place
    for index in range(min(_HEADLINE_REACH, len(sentences))):
        line = sentences[index]
        if not _is_title_line(line):
            return None
        if country and _names_whole_country(line.text, country.text):
            return None  # "BURKINA FASO MARKET MONITOR": the whole country's report
        if len(_WORD.findall(line.text)) >= _HEADLINE_WORDS:
            return _headline_place(text, line, places(index))
    return None


# "Coverage: North Kivu, South Kivu, Ituri and Tanganyika provinces", a report's own
# statement of the area it covers, in its head or the line under its title
_COVERAGE = re.compile(
    r"\b(?:(?:geographic(?:al)?\s+)?coverage|areas?\s+covered|geographic(?:al)?\s+scope)"
    r"\s*:\s*",
    re.IGNORECASE,
)
_COVERAGE_REACH = 15  # sentences: a report's head, not a methodology note near its end


def _coverage_line(
    text: str, sentences: list[Sentence], places: Callable[[int], list[Place]]
) -> Place | None:
    for index in range(min(_COVERAGE_REACH, len(sentences))):
        line = sentences[index]
        if (m := _COVERAGE.search(text, line.start, line.end)) is None:
            continue
        named = [p for p in places(index) if p.start >= m.end()]
        if named and named[0].rank != COUNTRY:
            return _with_coordinated(text, named[0])
        return None
    return None


def _names_whole_country(line: str, country: str) -> bool:
    """The line names the country, not only as the owner of a place in it ("Congo's
    Oicha") or with the part of it meant ("EASTERN CHAD")."""
    low, name = line.lower(), country.lower()
    at = low.find(name)
    while at != -1:
        if low[at + len(name) : at + len(name) + 2] not in ("'s", "’s") and not (
            _PART_BEFORE.search(low, 0, at)
        ):
            return True
        at = low.find(name, at + 1)
    return False


# "NUTRITION SECTOR - EASTERN CHAD": a part of the country, not the whole
_PART_BEFORE = re.compile(rf"\b{DIRECTION}\s+\Z")


def _headline_place(text: str, line: Sentence, found: list[Place]) -> Place | None:
    """The place a headline is about: its kicker ("Cabo Delgado: ..."), or where its
    event happened ("... kill 31 in Buwera district"); none when that is a country."""
    colon = line.text.find(": ")
    for place in found:
        kicker = place.start - line.start < colon
        if colon != -1 and not kicker:
            return None  # "DR Congo: ... in the Kivus": a kicker names what the page is about
        before = text[max(line.start, place.start - 30) : place.start]
        if not kicker and not _HEADLINE_SCENE.search(before):
            continue
        if place.rank == COUNTRY or place_rank(place.text) == COUNTRY:
            return None  # "Sudan: ...", "... across Chad": the whole country's report
        return _with_coordinated(text, place) if REGION <= place.rank <= 5 else None
    return None


# "... kill 31 in Buwera district", "Attack on Congo's Oicha ...", "Blast at Kalma camp"
_HEADLINE_SCENE = re.compile(r"\b(?:in|on|at)\s+(?:the\s+)?(?:[A-Z][\w-]*['’]s\s+)?\Z", re.I)


def _is_title_line(sentence: Sentence) -> bool:
    return not sentence.text.rstrip().endswith((".", "!", "?", ";"))


def _is_headline(sentence: Sentence, index: int) -> bool:
    """The article's first line, unpunctuated: a title, not a sentence of the text."""
    return index == 0 and _is_title_line(sentence) and not sentence.text.rstrip().endswith(":")


# "displaced more than 1 million people across Haiti": the figure says its own scope,
# and a more specific place elsewhere in the clause ("Violence in Port-au-Prince") is
# where something else happened.
_SCOPE_BEFORE = re.compile(r"\b(?:across|throughout|nationwide in|all over)\s+(?:the\s+)?\Z")


# "Gedaref (21%)", "Gondar (about 850)": a figure in brackets right after a name.
_OPEN_BRACKET = re.compile(r" ?\((?:[a-z]+ ){0,2}")


def _bracketed_after(
    text: str, here: list[Place], sentence_start: int, figure: tuple[int, int]
) -> Place | None:
    for p in here:
        if p.end <= figure[0] and _OPEN_BRACKET.fullmatch(text, p.end, figure[0]):
            return p
    bracket = text.rfind("(", max(sentence_start, figure[0] - 12), figure[0])
    if bracket == -1 or not _OPEN_BRACKET.fullmatch(text, bracket - 1, figure[0]):
        return None
    # a name no pattern vouched for ("followed by Gedaref (21%)"): a known place only
    name = _NAME_BEFORE.search(text, max(sentence_start, bracket - 60), bracket)
    rank = place_rank(name.group()) if name else None
    return Place(name.start(), name.end(), name.group(), rank) if name and rank else None


_NAME_BEFORE = re.compile(rf"{NAME}(?= ?\Z)")
_ITEM_START = re.compile(rf"(?:^|[,;:]\s*)(?:and\s+)?(?P<n>{NAME})")
_BREAK_IN_LIST = re.compile(r";|,(?!\d)")  # (not the comma of "1,140")
_FIGURE_SOON = re.compile(r"(?:\s+(?:has|have|had)\s+(?:reported|recorded|registered))?:?\s+\d")


def _list_item_place(
    text: str, here: list[Place], sentence: Sentence, figure: tuple[int, int]
) -> Place | None:
    """ "By district, Metuge has reported 1,140 cases and 16 deaths, Pemba city 702 cases
    and 8 deaths, and Memba 513 cases": in a list whose items each open with a name and a
    figure, a figure's place is its own item's name, known to a pattern or not."""
    if text.count(",", sentence.start, sentence.end) < 2:
        return None  # no list
    items = [
        m for m in _ITEM_START.finditer(text, sentence.start, sentence.end)
        if _FIGURE_SOON.match(text, m.end("n")) and m["n"].split()[0].lower() not in NOT_PLACES
    ]  # fmt: skip
    if len(items) < 2:
        return None
    mine = [m for m in items if m.end("n") <= figure[0]]
    if not mine or _BREAK_IN_LIST.search(text, mine[-1].end("n"), figure[0]):
        return None  # another item's figure, after a break
    name = mine[-1]
    known = next((p for p in here if p.start == name.start("n")), None)
    return known or Place(name.start("n"), name.end("n"), name["n"], 4)


# "the localities of Chai, Mucojo and Quiterajo", "Bilibiza and Mahate": the figure is
# about every place of the list, and the list is what a reviewer checks.
_COORDINATED_AFTER = re.compile(
    rf"(?:,\s+{NAME})*,?\s+(?:and|or)\s+{NAME}"
    r"(?:\s+(?:districts|provinces|states|regions|governorates|counties|localities|villages|"
    r"towns|camps|sites|municipalities|woredas|zones))?"
)
_CAPITALISED = re.compile(rf"(?=[A-Zae]){NAME}")  # (the lookahead lets `re` skip to a name)


def _with_coordinated(text: str, place: Place) -> Place:
    if place.end > len(text) or text[place.start : place.end] != place.text:
        return place  # a name the text does not spell here (a country, a capital)
    m = _COORDINATED_AFTER.match(text, place.end)
    if m is None or not all(map(_could_be_place, _CAPITALISED.findall(m.group()))):
        return place
    if "\n" in m.group() and PARAGRAPH_BREAK.search(m.group()):
        return place  # "... in Nasir and Ulang\n\nNew IPC analysis": a heading ends there
    end = m.end()
    if text.endswith(("'s", "’s"), place.start, end):
        end -= 2  # "the Bekaa valley and Beirut's southern suburbs": Beirut, not its owner's
    return Place(place.start, end, text[place.start : end], place.rank)


def _could_be_place(name: str) -> bool:
    first = name.split()[0].lower()
    return (
        not (name.isupper() and len(name) > 1)
        and first not in NOT_PLACES
        and (country_of_demonym(name) is None)
    )


_CROSSED = ("river", "lake", "sea", "gulf", "strait", "border", "line", "lines", "bridge")


def _stated_scope(low: str, own: list[Place], figure: tuple[int, int]) -> Place | None:
    for p in own:
        gap = low[figure[1] : p.start]
        if (
            p.start >= figure[1]
            and p.rank <= 3  # a country, region or unranked name, not a town
            and not p.text.lower().endswith(_CROSSED)  # "across the river" is a crossing
            and len(gap) <= 60
            and "," not in gap
            and _SCOPE_BEFORE.search(low, max(0, p.start - 20), p.start)
        ):
            return p
    return None


def _outside_subcounts(low: str, sentence: Sentence, found: list[Place]) -> list[Place]:
    """A sentence's places but those of its sub-counts ("..., including about 700,000 in
    Sagaing alone"): a later figure the sentence does not place is of its main clause."""
    cuts = [m.start() for m in _SUBCOUNT.finditer(low, sentence.start, sentence.end)]
    if not cuts:
        return found
    out = []
    for p in found:
        cut = max((c for c in cuts if c < p.start), default=None)
        if cut is None or low.find(", ", cut + 2, p.start) != -1:
            out.append(p)  # before any sub-count, or after the one it follows has closed
    return out


# "4.5 million Yemenis", "Sudanese civilians", "Lebanese authorities say": a country named
# by its people or its state. Not by those who fled it ("Sudanese refugees") nor by
# those who attack ("Israeli strikes").
# (Opening with the capital, not "\b", lets `re` skip to the capitals of a sentence.)
_NATIONALITY_AT = re.compile(r"[A-Z](?<=\b[A-Z])[a-z]+\b(?=(\s+[a-z]+)?)")
_ITS_OWN = frozenset(
    """people civilians children women men families residents nationals citizens population
    households authorities officials government ministry health""".split()
)
_ABROAD = frozenset("refugees refugee asylum-seekers migrants returnees exiles diaspora".split())


def _nationality_places(text: str, sentence: Sentence) -> list[Place]:
    out = []
    for m in _NATIONALITY_AT.finditer(text, sentence.start, sentence.end):
        country = country_of_demonym(m.group())
        if country is None:
            continue
        nxt = (m.group(1) or "").strip()
        plural_noun = m.group().endswith("s") and nxt not in _ABROAD  # "Yemenis"
        if plural_noun or nxt in _ITS_OWN:
            out.append(Place(m.start(), m.end(), country, 1))
    return out


# "Lebanon's Ministry of Public Health says ...": the country whose body counts a figure
# the sentence places nowhere else (the name is a possessor, never a place found).
_POSSESSING = re.compile(
    r"\b(?P<c>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})[’']s (?:[A-Za-z]+ ){0,2}?(?:[Mm]inistry|"
    r"[Gg]overnment|[Aa]uthorities|[Aa]rmy|[Hh]ealth|[Cc]ivil [Dd]efen[cs]e|[Pp]olice|[Oo]ffice)\b"
)


def _possessing_country(text: str, sentence: Sentence) -> list[Place]:
    if "s " not in text[sentence.start : sentence.end]:
        return []
    return [
        Place(m.start("c"), m.end("c"), m["c"], 1)
        for m in _POSSESSING.finditer(text, sentence.start, sentence.end)
        if is_country(m["c"])
    ]


def _own_region(low: str, sentence: Sentence, figure: tuple[int, int]) -> list[tuple[int, int]]:
    """The figure's clause, without a sub-count that follows it ("..., including about
    700,000 in Sagaing": the sub-count's own place)."""
    region = figure_region(low, sentence.start, sentence.end, figure[0])
    out = []
    for a, b in region:
        cut = _SUBCOUNT.search(low, max(a, figure[1]), b) if a <= figure[0] < b else None
        if cut is None:
            out.append((a, b))
            continue
        comma = low.find(", ", cut.end(), b)  # a clause's comma, not 700,000's
        out.append((a, cut.start()))
        if comma != -1:
            out.append((comma, b))  # "48 people, including four officers, were killed in X"
    return out


def _distance(place: Place, figure: tuple[int, int]) -> int:
    if place.start >= figure[1]:
        return place.start - figure[1]
    return figure[0] - place.end


def _resolve(places, index: int, scope: re.Match[str], country) -> Place | None:
    word = scope["w"]
    if scope["n"] or word == "country":
        return country()
    if word == "capital":
        found = country()
        capital = capital_of(found.text) if found else None
        return Place(scope.start(), scope.end(), capital, 4) if capital else None
    kinds = _KIND.get(word, (word,))
    earlier = [
        p for k in range(index, -1, -1)
        for p in reversed(places(k)) if k < index or p.start < scope.start()
    ]  # fmt: skip
    # "Amhara region ... in the region": the last place called so; else of that rank
    for place in earlier:
        if place.text.lower().endswith(kinds):
            return place
    ranked = next((p for p in earlier if p.rank in _RANKS.get(word, ())), None)
    if ranked is None and word in _SETTLEMENTS:  # "in Nasir ... in the town": the last one
        ranked = next((p for p in earlier if 3 <= p.rank < 6), None)
    if ranked is None and word in _SUBDIVISIONS:
        # "reached Ulang town ... people in the county": the last place below a country
        ranked = next((p for p in earlier if 2 <= p.rank < 6), None)
    return ranked


def named_country(text: str) -> Place | None:
    """The country the article names most (the first of equals), if it names one:
    "SOMALIA: Conflict and Displacement", "OCHA Somalia", "across Somalia"."""
    counts: Counter[str] = Counter()
    first: dict[str, Place] = {}
    for m in _CAPITALISED.finditer(text):
        for key in _countries_in(m.group()):
            counts[key] += 1
            if key not in first:
                first[key] = Place(m.start(), m.end(), key, 1)
    if not counts:
        return None
    ranked = counts.most_common(2)
    if len(counts) >= _MANY_COUNTRIES and ranked[0][1] < 2 * ranked[1][1]:
        return None  # a global or regional brief: no one country is what it is about
    return first[max(counts, key=lambda name: (counts[name], -first[name].start))]


_MANY_COUNTRIES = 5


def located_country(text: str) -> Place | None:
    """The country the article's regions and towns lie in, if they agree on one."""
    names: dict[str, set[str]] = {}
    first: dict[str, int] = {}
    for m in _CAPITALISED.finditer(text):
        name = m.group()
        if (where := country_of_place(name)) and _is_name_here(text, name):
            names.setdefault(where, set()).add(name)
            first.setdefault(where, m.start())
    # Two different names, not one name twice: a report on an invented or little-known
    # country whose town "Karsi" shares a name with a town elsewhere is not about there.
    return _agreed(Counter({where: len(found) for where, found in names.items()}), first)


_ROMAN = re.compile(r"[IVXLC]+")


def _is_name_here(text: str, name: str) -> bool:
    """A gazetteer's town called "Since" or "Nine" is a word that opens a sentence here
    when the page also writes it in lower case; "VII" and "CRP" are a numbered part and
    an acronym, not a town."""
    if (len(name) <= 4 and name.isupper()) or _ROMAN.fullmatch(name):
        return False
    return name.lower() == name or f" {name.lower()} " not in text


def home_of(named: Place | None, located: Place | None) -> Place | None:
    """Where a figure the article places nowhere else is: the named country, unless its
    places lie in another ("Russia" named in a report on Idlib and Hama is an actor,
    not the place); with no country named, the one its places lie in."""
    if named is None or located is None:
        return named or located
    return named if same_country(located.text, named.text) else None


def _agreed(located: Counter[str], first: dict[str, int]) -> Place | None:
    """ "Kassala state", "Gedaref" and "River Nile" are in Sudan. Two names must agree,
    and no other country may have as many: one stray town name is no evidence."""
    ranked = located.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    name = ranked[0][0]
    return Place(first[name], first[name], name, 1)


@lru_cache(maxsize=8192)  # names recur; the answer depends on the name alone
def _countries_in(name: str) -> tuple[str, ...]:
    """The countries a capitalised name holds, as the gazetteer spells them, in order."""
    return tuple(canonical(c) for c in _candidates(name) if is_country(c))


def _candidates(name: str) -> list[str]:
    """ "OCHA Somalia" -> the whole, and each word and its tail: countries hide in names."""
    words = name.replace("’s", "").replace("'s", "").split()
    return [" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)]
