"""Who holds the floor in a transcript: a press briefing's or a meeting's turns.

Briefing transcripts open each turn with the speaker's name, office and a colon
("Leila Bensaid, OCHA: Thank you. On Tuesday, shells hit the market ..."), and
the turn runs on over the paragraphs after it until the next speaker's label, a
journalist's question ("Question (Reuters): ...") or a section heading. The
figures of a turn are the speaker's ("Our teams recorded 1 250 incidents" is
UNHCR's spokesperson speaking) unless a sentence names a source of its own
("Local health authorities told us that at least 23 civilians were killed").

A sitrep's place labels ("North Kivu: fighting spread ...", "Masisi, Rutshuru:
...") look like turns; a label is a turn only when it names a person: a title
("Dr", "Ms") or a name that is no known place, followed by an office after a
comma or in brackets.
"""

from __future__ import annotations

import re

from claims_app.extraction.gazetteer import place_rank
from claims_app.extraction.lexicon import OFFICE_WORDS
from claims_app.extraction.sentences import Sentence

_TITLE = (
    r"(?:Dr|Mr|Mrs|Ms|Miss|Prof|Professor|Ambassador|Minister|General|Colonel|Sir|Dame|"
    r"Lord|Baroness|Lady)\.?\s+"
)
PERSON_NAME = r"[A-Z][\w'’.-]+(?:[ -][A-Z][\w'’.-]+){1,3}"  # "Matthias Oduya"
# After a title, a surname alone names a speaker: "Ms Okonkwo: I will give way."
_LABEL = re.compile(
    rf"(?P<who>(?P<title>{_TITLE})?(?P<name>(?(title)[A-Z][\w'’.-]+(?:[ -][A-Z][\w'’.-]+)"
    rf"{{0,3}}|{PERSON_NAME}))"
    # ", Office", "(Office)", or a member's "(Constituency) (Party)"
    r"(?P<office>,\s*[^:\n]{2,90}?|(?:\s+\([^()\n]{2,60}\)){1,2})?)\s*:\s+(?=\S)"
)
# An office, then the holder's name in brackets: "The Parliamentary Under-Secretary of
# State for Development (Priya Manning): ", "Mr Deputy Speaker (Mr Alan Marsh): "
_OFFICE_THEN_NAME = re.compile(
    rf"(?:The|Mr|Madam)\s+[A-Z][^:()\n]{{2,120}}?\s+\((?P<who>(?:{_TITLE})?{PERSON_NAME})\)"
    r"\s*:\s+(?=\S)"
)
# An office in capitals, then the holder's name in brackets, as a police or army
# briefing's transcript writes it: "PPRO (SP HALIMA BELLO-DANKANO): Good morning."
_CAPS_OFFICE_THEN_NAME = re.compile(
    r"[A-Z][A-Z.&-]{1,15}(?: [A-Z][A-Z.&-]{1,15}){0,2}\s+"
    r"\((?P<who>(?P<name>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){1,4}))\)\s*:\s+(?=\S)"
)
# A question from the floor, or a host's: its figures are hearsay, nobody's turn.
_QUESTION = re.compile(
    r"(?:Question|Q|Journalist|Reporter|Correspondent|HOST|Host|PRESENTER|Presenter|"
    r"INTERVIEWER|Interviewer)\b[^:\n]{0,60}:\s"
)
# A radio or podcast transcript's speaker in capitals: "PAULO COSSA: Thank you, Esther."
_CAPS_LABEL = re.compile(
    r"(?P<who>(?P<name>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){1,3})(?:\s+\([^()\n]{2,60}\))?)"
    r"\s*:\s+(?=\S)"
)
# Words of a section's label in capitals ("KEY HIGHLIGHTS:", "SITUATION OVERVIEW:"), never
# of a person's name
_NOT_NAME_WORDS = frozenset(
    """KEY HIGHLIGHTS HIGHLIGHT SITUATION OVERVIEW NOTE NOTES SOURCE SOURCES UPDATE UPDATES
    FIGURES FIGURE HUMANITARIAN RESPONSE NEEDS NEED CONTEXT BACKGROUND FUNDING HEALTH
    PROTECTION SHELTER EDUCATION NUTRITION WASH FOOD SECURITY ACCESS CONTACT CONTACTS FOR
    THE OF AND IN ON TO AT BY WITH MAIN EDITOR EDITORS EDITOR'S NEWS BRIEF SUMMARY DATE
    TOTAL TABLE ANNEX REPORT PERIOD AS WEEK MONTH DAY TIME LOCATION PLACE CASUALTIES
    DISPLACEMENT IMPACT ANALYSIS RECOMMENDATIONS METHODOLOGY CLUSTER SECTOR GENERAL""".split()
)
_HEADING_MAX = 80  # a line this short with no closing stop is a section heading
# A written question's or answer's heading names who gives the text under it: "Answer
# (Minister of State for Development Anna Pryce, 12 March 2025)", "Question (asked by
# Member Helen Marchbank, Stroud, 3 March 2025)"
_HEADED_TURN = re.compile(
    r"(?:Written\s+)?(?:Answer|Reply|Response|Question|Statement)\s*\(\s*(?:asked\s+by\s+)?"
    r"(?:Member\s+)?(?P<who>[A-Z][^,()\n]{2,90}?)\s*(?:,[^()\n]*)?\)\s*$"
)


# An office: an acronym ("UNHCR") or a post ("Head of the Mission", "spokesperson")
_OFFICE = re.compile(rf"(?-i:\b[A-Z]{{2,}}\b)|\b(?:{OFFICE_WORDS})\b", re.IGNORECASE)


def turn_label(text: str) -> re.Match[str] | None:
    """The speaker's label opening a paragraph ("Matthias Oduya, UNHCR: "), or None."""
    label = _turn_label(text)
    if label is not None and _shouted(text, label.end()):
        return None  # "TAKE ACTION: WRITE AN APPEAL IN YOUR OWN WORDS": a heading, no turn
    return label


def _shouted(text: str, at: int) -> bool:
    line = text[at : text.find("\n", at) if "\n" in text[at:] else len(text)]
    return sum(ch.isalpha() for ch in line) >= 4 and line == line.upper()


def _turn_label(text: str) -> re.Match[str] | None:
    if (caps := _CAPS_LABEL.match(text)) is not None and _names_a_person(caps["name"]):
        return caps
    if (held := _OFFICE_THEN_NAME.match(text)) is not None:
        return held
    if (held := _CAPS_OFFICE_THEN_NAME.match(text)) is not None and _names_a_person(held["name"]):
        return held
    m = _LABEL.match(text)
    if m is None:
        return None
    if not (m["title"] or _member(m) or (m["office"] and _OFFICE.search(m["office"]))):
        return None
    if m["title"] is None and place_rank(m["name"]) is not None:
        return None  # "Sudan, Darfur (OCHA): fighting continued": a place's section
    return m


def label_who(m: re.Match[str]) -> str:
    """Who a label names: a member of a parliament by name alone, not the seat and party
    after it ("Ms Rachel Okonkwo (Leeds North West) (Lab)": "Ms Rachel Okonkwo")."""
    if m.re is _LABEL and _member(m):
        return f"{m['title'] or ''}{m['name']}"
    return m["who"].strip()


def _member(m: re.Match[str]) -> bool:
    """A label of a member of a parliament: a seat and a party in brackets, "(Leeds North
    West) (Lab)"."""
    return bool(m["office"]) and m["office"].count("(") == 2


# "Priya Manning: Very briefly.": a bare name is a speaker's label once the transcript
# has given that name a full one
_BARE_LABEL = re.compile(rf"(?P<who>{PERSON_NAME})\s*:\s+(?=\S)")


def _names_a_person(name: str) -> bool:
    """A name in capitals that no section label or known place is made of."""
    words = name.split()
    if any(w in _NOT_NAME_WORDS for w in words):
        return False
    return place_rank(name.title()) is None


def is_heading(paragraph: list[Sentence]) -> bool:
    """A paragraph of one short line with no closing stop: a section's heading."""
    text = paragraph[0].text
    return len(paragraph) == 1 and len(text) < _HEADING_MAX and text[-1] not in ".!?:;,”\"'"


class Turns:
    """The speaker holding the floor in each paragraph of one article, found when asked."""

    def __init__(self, paragraphs: dict[int, list[Sentence]]) -> None:
        self._paragraphs = paragraphs
        self._order = sorted(paragraphs)
        self._position = {p: i for i, p in enumerate(self._order)}
        self._memo: dict[int, str | None] = {}
        self._named: set[str] | None = None  # the names full labels give, found when asked

    def _known_names(self) -> set[str]:
        if self._named is None:
            self._named = set()
            for p in self._order:
                if (m := turn_label(self._paragraphs[p][0].text)) is not None:
                    self._named.add(m["name"] if m.re is _LABEL else m["who"])
        return self._named

    def _bare(self, text: str) -> re.Match[str] | None:
        m = _BARE_LABEL.match(text) if ":" in text[:60] else None
        return m if m is not None and m["who"] in self._known_names() else None

    def speaker(self, paragraph: int) -> str | None:
        """Whose turn the paragraph is part of; None outside any turn."""
        walked, i, who = [], self._position[paragraph], None
        while i >= 0:
            p = self._order[i]
            if p in self._memo:
                who = self._memo[p]
                break
            walked.append(p)
            first = self._paragraphs[p][0].text
            if m := turn_label(first) or self._bare(first):
                who = label_who(m)
                break
            if len(self._paragraphs[p]) == 1 and (headed := _HEADED_TURN.match(first)):
                who = headed["who"].strip()
                break
            if _QUESTION.match(first) or is_heading(self._paragraphs[p]):
                break
            i -= 1
        for p in walked:
            self._memo[p] = who
        return who

    def opens(self, sentence: Sentence) -> int:
        """How many characters of the sentence a speaker's or a question's label takes
        (0: none): "Question (AFP): Local media say ..." names its source after it."""
        if self._paragraphs[sentence.paragraph][0] is not sentence:
            return 0
        text = sentence.text
        m = turn_label(text) or self._bare(text) or _QUESTION.match(text)
        return m.end() if m else 0
