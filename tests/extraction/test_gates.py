"""The cheap tests that run before a slow pattern never turn away what it would match.

For speed the extractor asks first whether a sentence holds what a slow pattern
cannot match without (a digit for a dateline, a verb after a comma for an
attribution, "and" before a coordinated name...), and a few scans were rewritten
so that `re` can skip to their first letter. Each such gate must be a necessary
condition, never a filter of its own: a gate that is wrong drops a claim, a place
or a speaker silently. These properties draw sentences from the tokens reports
print (names with "al-" and "El", place and facility words, attributions with
commas and typographic quotes, datelines, no-break and thin spaces, tabs) and from
every sentence of the sample pages, and check each gate against its pattern.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims_app.extraction import (
    categories,
    dates,
    lexicon,
    pagedates,
    pages,
    places,
    speakers,
    where,
)
from claims_app.extraction.decode import read_page
from claims_app.extraction.sentences import split_sentences

REPO = Path(__file__).resolve().parents[2]

TOKENS = [
    # names and place words
    "Kurma", "Deir", "al-Zor", "El", "Fasher", "Tarsa", "Umm", "Nasir", "Ulang", "Akobo",
    "North", "Kivu", "Sake", "Bara", "Teaching", "Hospital", "hospital", "health centre",
    "camp", "site", "district", "province", "counties", "town", "village", "market",
    "Gaza’s", "Yemeni", "IDP", "displacement", "checkpoint", "crossing", "port", "reported",
    "support", "website", "based", "the", "of", "in", "near", "at", "and", "or", "a", "an",
    "northern", "eastern", "least", "rural", "road", "linking", "crossing point",
    # attribution
    "said", "says", "told", "reporters", "added", "noted", "estimates", "according to",
    "doctors", "a nurse", "journalists", "speaking", "from", "staff",
    "the ministry", "a doctor", "officials", "UNHCR", "OCHA", "spokesman", "also", "has",
    # numbers and dates
    "26", "1,300", "7 June", "June 7", "June 7, 2024", "2024-06-07", "19/12/2023",
    "(Reuters)", "(AFP)", "KURMA", "GENEVA", "Ukraine",
    # punctuation and spaces as reports set them
    ",", ", ", ".", ";", ":", " – ", " - ", "—", "“", "”", '"', "(", ")", "\u00a0", "\u2009",
    "\u202f", "\t", "\n", "\x0b", "  ",
]  # fmt: skip

SPACES = [" ", " ", " ", "  ", "\n", "\t", "\u00a0", "\u2009", "\x0b", " \n ", ""]


@st.composite
def sentence(draw) -> str:
    """Tokens, each followed by a space as reports set them (mostly a plain one)."""
    parts = draw(st.lists(st.tuples(st.sampled_from(TOKENS), st.sampled_from(SPACES)),
                          min_size=1, max_size=30))  # fmt: skip
    return "".join(token + space for token, space in parts)


@st.composite
def shaped_sentence(draw) -> str:
    """The shapes the gates are about, with any spaces: "Nasir and Ulang counties",
    "..., the ministry said", "KURMA, 7 June (Reuters) -", "the Bara hospital"."""
    sp = [draw(st.sampled_from(SPACES[:-1])) for _ in range(6)]
    name, other = draw(st.sampled_from(TOKENS[:12])), draw(st.sampled_from(TOKENS[:12]))
    mark = draw(st.sampled_from([",", "”", "“", '"']))
    dash = draw(st.sampled_from(["-", "–", ":", ""]))
    verb = draw(st.sampled_from(["said", "says", "added", "told", "noted"]))
    article = draw(st.sampled_from(["The", "A", "Its", "the"]))
    shapes = [
        f"{name}{sp[0]}and{sp[1]}{other}{sp[2]}counties",
        f"{name},{sp[0]}{other}{sp[1]}and{sp[2]}Akobo{sp[3]}district",
        f"Twelve died{mark}{sp[0]}the{sp[1]}ministry,"
        f"{sp[2]}{draw(st.sampled_from(['', 'also ', 'has ']))}said{sp[3]}on Monday.",
        f"The {name},{sp[0]}a{sp[1]}monitoring group,{sp[2]}{draw(st.sampled_from(['', 'has ']))}"
        f"said{sp[3]}26 died.",
        f"{name.upper()},{sp[0]}{draw(st.sampled_from(['7 June', 'June 7, 2024', '']))}"
        f"{sp[1]}{draw(st.sampled_from(['(Reuters)', '']))}{sp[2]}{dash}"
        f"{sp[3]}Shelling{sp[4]}went on",
        f"at{sp[0]}the{sp[1]}{name}{sp[2]}{other}{sp[3]}health centre",
        f"Five were killed{mark}{sp[0]}{verb}{sp[1]}a{sp[2]}doctor at {name} hospital.",
        f"We counted 14 bodies{mark}{sp[0]}{verb}{sp[1]}{name}{sp[2]}{other}.",
        f"{article}{sp[0]}agency{sp[1]}{verb}{sp[2]}40 homes burned.",
        f"Figures{sp[0]}{draw(st.sampled_from(['from', 'by']))} {name} show 12 died.",
        f"Twelve died{sp[0]}(according to {name}).",
    ]  # fmt: skip
    return draw(st.sampled_from(shapes))


def _sample_sentences() -> list[str]:
    out = []
    for path in sorted((REPO / "fixtures").rglob("*")):
        if path.suffix in (".txt", ".html") and path.is_file():
            text = read_page(path.read_bytes(), path.name).text
            out += [s.text for s in split_sentences(text)]
            out += [line.strip() for line in text.splitlines() if line.strip()]
    return out


# Shapes a narrower gate once turned away, kept as fixed examples as well.
EDGES = [
    "Five people were killed, says a doctor at Kurma hospital.",
    "Twelve died,  the ministry said on Monday.",
    "The\tagency said 40 homes burned.",
    "“We counted 14 bodies,”said Marta Ilunga.",
    "KURMA,\u00a07 June (Reuters) -\u2009Shelling went on",
    "Nasir and\n\n  Ulang counties",
]
SAMPLES = _sample_sentences() + EDGES


def _attribution_gates_hold(text: str) -> None:
    # (pattern 0 of the set, REPORTING_HINT, is part of what an attribution is, not a gate)
    present = speakers._GATES.found(text)
    for index, (pattern, _) in enumerate(speakers._ATTRIBUTIONS, start=1):
        if 0 in present and pattern.search(text):
            assert index in present, (pattern.pattern[:60], text)


def _dateline_gate_holds(text: str) -> None:
    m = pagedates.DATELINE.match(text[:160])
    if m is None or not (m["date"] or m["yearless"] or m["agency"]):
        return
    if m["dash"].strip():
        assert pagedates._may_hold_dateline(text, dash=True), text
    if m["date"] and m.end() == len(text):
        assert pagedates._may_hold_dateline(text, dash=False), text


def _place_gates_hold(text: str) -> None:
    present = set(places._NEEDED.found(text.lower()))
    for (pattern, _), needs in zip(places._PATTERNS, places._NEEDED_BY, strict=True):
        if pattern.search(text):
            assert needs <= present, (pattern.pattern, text)
    for at in range(len(text) + 1):
        if places._COORDINATED_BEFORE.search(text, max(0, at - 120), at):
            assert places._and_before(text, at, 0), (text, at)
        if places._AFFILIATION.search_before(text, max(0, at - 60), at):
            assert places._affiliation_before(text, at), (text, at)
        if places._NAME_ENDING_HERE.search(text, max(0, at - 90), at):
            assert places._capital_before(text, 0, at), (text, at)


# The scans rewritten to open with their first letter, and the `in` test that took
# a case-blind alternation's place: each against the form it replaced.
_REWRITTEN = [
    (places._CAPITAL_RUN, re.compile(rf"(?<![\w’'\-]){places.NAME}")),
    (where._NATIONALITY_AT, re.compile(r"\b[A-Z][a-z]+\b(?=(\s+[a-z]+)?)")),
    (places._TITLE_WORD, re.compile(r"\b[A-Z][a-z]+\b")),
]
_STAMP_WORD = re.compile(
    r"(?i:published|updated|posted|date|issued|released|as (?:of|at)|update|report|situation|"
    r"status|figures|data|broadcast|aired|created|produced)"
)


def _rewrites_agree(text: str) -> None:
    for new, old in _REWRITTEN:
        assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)]
    assert pages._has_stamp_word(text) == bool(_STAMP_WORD.search(text)), text
    if categories._REFUGEE_WORDS.search(text.lower()):
        assert categories.about_refugees(text.lower()) is not None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentence() | shaped_sentence())
def test_gates_never_turn_away_a_match_on_drawn_sentences(text):
    _attribution_gates_hold(text)
    _dateline_gate_holds(text)
    _place_gates_hold(text)
    _rewrites_agree(text)


def test_gates_never_turn_away_a_match_on_the_sample_pages():
    assert len(SAMPLES) > 1000
    for text in SAMPLES:
        _attribution_gates_hold(text)
        _dateline_gate_holds(text)
        _rewrites_agree(text)
        if len(text) < 400:  # every offset: the long ones add time, not shapes
            _place_gates_hold(text)


GATE_WORDS = sorted(dates._ALL_GATE_WORDS)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*GATE_WORDS, " ", "x", "s", "the ", "day"]), max_size=15))
def test_date_gate_words_are_every_gate_word_the_text_holds(parts):
    """One RE2 set finds the words the date finders need: all of them, overlapping or
    inside other words ("the last", "last "), exactly as `in` would."""
    low = "".join(parts)
    assert dates._gate_words_in(low) == {w for w in GATE_WORDS if w in low}


def test_the_gates_do_turn_sentences_away():
    """A gate that lets everything through would pass the tests above and save nothing."""
    plain = "Fighting continued in the district, and the camp was shelled."
    present = speakers._GATES.found(plain)
    patterns = [pattern for pattern, _ in speakers._ATTRIBUTIONS]
    for slow in (lexicon.APPOSITIVE, lexicon.SAID_BY_AFTER):
        assert patterns.index(slow) + 1 not in present
    assert not pagedates._may_hold_dateline("Residents fled - many on foot.", dash=True)
    for plain in ("the agency reported support to the website", "at least 12 people"):
        present = set(places._NEEDED.found(plain))
        assert not places._NEEDED_BY[3] <= present and not places._NEEDED_BY[5] <= present
    assert not places._and_before("Nasir or ", 9, 0)
