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
from claims_app.extraction.sentences import Sentence

_TITLE = r"(?:Dr|Mr|Mrs|Ms|Prof|Professor|Ambassador|Minister|General|Colonel)\.?\s+"
_NAME = r"[A-Z][\w'’.-]+(?:[ -][A-Z][\w'’.-]+){1,3}"
_LABEL = re.compile(
    rf"(?P<who>(?P<title>{_TITLE})?(?P<name>{_NAME})"
    r"(?P<office>,\s*[^:\n]{2,90}?|\s+\([^()\n]{2,60}\))?)\s*:\s+(?=\S)"
)
# A question from the floor: its figures are the journalist's hearsay, nobody's turn.
_QUESTION = re.compile(r"(?:Question|Q|Journalist|Reporter|Correspondent)\b[^:\n]{0,60}:\s")
_HEADING_MAX = 80  # a line this short with no closing stop is a section heading


# An office: an acronym ("UNHCR") or a post ("Head of the Mission", "spokesperson")
_OFFICE = re.compile(
    r"(?-i:\b[A-Z]{2,}\b)|\b(?:spokes\w*|representative|head|director|minister|chief|coordinator|"
    r"officer|chair\w*|president|ambassador|secretary|envoy|commissioner|deputy|advis[eo]r|"
    r"manager|delegate|rapporteur|expert|adviser|doctor|surgeon)\b",
    re.IGNORECASE,
)


def turn_label(text: str) -> re.Match[str] | None:
    """The speaker's label opening a paragraph ("Matthias Oduya, UNHCR: "), or None."""
    m = _LABEL.match(text)
    if m is None or not (m["title"] or (m["office"] and _OFFICE.search(m["office"]))):
        return None
    if m["title"] is None and place_rank(m["name"]) is not None:
        return None  # "Sudan, Darfur (OCHA): fighting continued": a place's section
    return m


def _heading(paragraph: list[Sentence]) -> bool:
    text = paragraph[0].text
    return len(paragraph) == 1 and len(text) < _HEADING_MAX and text[-1] not in ".!?:;,”\"'"


class Turns:
    """The speaker holding the floor in each paragraph of one article, found when asked."""

    def __init__(self, paragraphs: dict[int, list[Sentence]]) -> None:
        self._paragraphs = paragraphs
        self._order = sorted(paragraphs)
        self._position = {p: i for i, p in enumerate(self._order)}
        self._memo: dict[int, str | None] = {}

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
            if m := turn_label(first):
                who = m["who"].strip()
                break
            if _QUESTION.match(first) or _heading(self._paragraphs[p]):
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
        m = turn_label(sentence.text) or _QUESTION.match(sentence.text)
        return m.end() if m else 0
