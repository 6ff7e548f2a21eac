"""Breakdown lists: a lead-in line says what is counted, and when; each item says where.

Monitors' reports and sitreps break a total down in a short list:

    Civilian killings by zone, 1 January – 28 February 2025:
      - West Gojjam: 131 (44 of them in drone strikes)
      - North Gondar: 88

An item's own words are only a label and a figure, so the figure counts what
the lead-in names ("killings"), over the lead-in's period, in the place the
label names when the lead-in breaks down by place ("by zone") or the label is a
known place. Labels such as "Other zones" or "Total" name no place.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from claims_app.extraction.categories import first_harm
from claims_app.extraction.gazetteer import place_rank
from claims_app.extraction.tables import NOT_A_PLACE

# "  - West Gojjam: 131 (...)", "• Kassala: about 4,100", "North Wollo – 64"
_ITEM = re.compile(
    r"[ \t]*(?:[-•*▪–—·][ \t]+)?(?P<label>[A-Z][^\n:–—]{0,60}?)[ \t]*(?::|[–—]) ?[ \t]*"
    r"(?P<figure>(?:about |around |some |nearly |over |more than |at least |~)?\d)"
)
_BY_PLACE = re.compile(
    r"\bby (?:zone|district|state|region|province|governorate|county|area|locality|site|"
    r"camp|woreda|department|municipality|location|town|city|village|country|sub-?district|"
    r"township|commune|prefecture|territory)s?\b"
)


# "Sagaing: 48 killed, 71 injured": the item's own words say what its figures count.
_HARM_RIGHT_AFTER = re.compile(
    r"\s+(?:people\s+|civilians\s+)?(?:killed|dead|injured|wounded|displaced|detained|"
    r"missing|abducted|arrested)\b"
)


class BreakdownItem(NamedTuple):
    line_start: int
    figure: int  # where the item's own figure starts
    place: str | None  # the place the item's label names, if it names one
    category: str | None  # what the lead-in counts
    lead: int  # where the lead-in line starts


def find_breakdowns(text: str, low: str) -> dict[int, BreakdownItem]:
    """Every item of every breakdown list, by the offset where its line starts."""
    if ":\n" not in text and ":\r\n" not in text:
        return {}  # no line ends in a colon: no lead-in, no list
    out: dict[int, BreakdownItem] = {}
    pos = 0
    while (colon := text.find(":\n", pos)) != -1:
        lead = text.rfind("\n", 0, colon) + 1
        pos = colon + 2
        category = first_harm(low, lead, colon)
        by_place = _BY_PLACE.search(low, lead, colon) is not None
        line = pos
        while line < len(text):
            end = text.find("\n", line)
            end = len(text) if end == -1 else end
            m = _ITEM.match(text, line, end)
            if m is None:
                break
            label = m["label"].strip()
            named = by_place or place_rank(label) is not None
            place = label if named and not NOT_A_PLACE.match(label) else None
            own = first_harm(low, m.start("label"), m.end("label")) or category
            out[line] = BreakdownItem(line, m.start("figure"), place, own, lead)
            line = end + 1
    return out


def item_category(
    item: BreakdownItem, low: str, quote: str, quote_end: int, found: str | None
) -> str | None:
    """What the item's own figure counts when its words do not say: a bare figure, or one
    read as "other", counts what the lead-in names ("Civilian killings by zone: ... 88");
    None when the item says it itself or the lead-in names nothing."""
    bare = quote.strip().replace(",", "").replace(" ", "").isdigit()
    if item.category is None or _HARM_RIGHT_AFTER.match(low, quote_end):
        return None
    return item.category if bare or found == "other" else None
