"""Text -> sentences with exact offsets.

A regex splitter rather than pysbd or spaCy: it runs on every page at ingest
(the extractor must read megabytes a second) and bulletins are well-edited
prose. It knows common abbreviations ("Mr.", "U.N.", "No.") and closing
quotes, and never joins across a paragraph break.

Reports also set text in lines that are not prose: bullet lists, key-figure
boxes ("46,000      People displaced in Galmudug"), table rows. Each such line
is a sentence of its own, or the figures of one line would be read with the
words of the next. Prose wrapped at a fixed width still reads as one sentence:
a wrapped line is long and ends mid-sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import NamedTuple

from claims_app.extraction import rx
from claims_app.extraction.pagedates import dateline_end

ABBREVIATIONS = frozenset(
    """mr mrs ms dr st no nos gen col lt sgt capt maj prof sen rep gov pres vs etc approx jan
        feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp dept est fig vol""".split()
)
# A sentence ends at its stop and closing marks, before the next one's capital. RE2
# has no lookahead: the match runs on to that capital, and _stop() finds where the
# marks end (a capture group would cost RE2 a second, slower pass); the ASCII copy
# RE2 reads has typographic quotes as plain ones.
# (A footnote's number may follow the stop: "... the latest analysis.4 Nationally, ...")
_END = rx.compile(r"[.!?]+[\"')\]]*\d{0,2}\s+[\"'(\[]?[A-Z0-9]")
_MARKS = frozenset(".!?\"')]”’")


def _stop(text: str, start: int) -> int:
    """Where the stop and closing marks that begin at `start` end."""
    end = start + 1
    while text[end] in _MARKS:
        end += 1
    return end


PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\r\n\s*\r\n")


class Sentence(NamedTuple):
    start: int
    end: int
    text: str
    paragraph: int


# tuple.__new__ from C: NamedTuple's generated __new__ is a Python call per sentence
_new_sentence = partial(tuple.__new__, Sentence)
_LAST_WORD = re.compile(r"([A-Za-z.]+)$")


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at `dot` ends an abbreviation or an initial."""
    word = _LAST_WORD.search(text, max(0, dot - 12), dot)
    if word is None:
        return False
    token = word.group(1)
    if "." in token:  # "U.N", "e.g"
        return True
    return token.lower() in ABBREVIATIONS or (len(token) == 1 and token.isupper())


# A bullet or a list number opening a line ("• ", "- ", "3. ", "2) ").
BULLET_MARK = r"(?:[•·▪►*–—-]|\d{1,2}[.)])"
_BULLET = re.compile(rf"[ \t]*{BULLET_MARK}\s")
BULLET_LINE = re.compile(rf"\s*{BULLET_MARK}\s")  # a sentence that is a list's item


def without_bullet(sentence: str) -> str:
    """A list item's words without its bullet or number ("- Civilians killed: 11"): what
    a claim's record shows, as an HTML page draws its bullets rather than writing them."""
    mark = BULLET_LINE.match(sentence)
    return sentence[mark.end() :] if mark else sentence


_COLUMNS = re.compile(r"\S(?: {3,}|\t)\S")
_PIPED_ROW = re.compile(r"[ \t]*\|.*\|[ \t]*$")
_WRAP_WIDTH = 60  # a prose line shorter than this that ends without punctuation is a line


def _line_blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The paragraph cut at line breaks that end a list item, a key figure or a row."""
    if "\n" not in text[start:end]:
        return [(start, end)]
    blocks, block_start, pos = [], start, start
    while (newline := text.find("\n", pos, end)) != -1:
        line = text[pos:newline].rstrip()
        if _ends_line_block(line, text, newline + 1, end):
            blocks.append((block_start, newline))
            block_start = newline + 1
        pos = newline + 1
    blocks.append((block_start, end))
    return blocks


def _ends_line_block(line: str, text: str, next_start: int, end: int) -> bool:
    next_end = text.find("\n", next_start, end)
    nxt = text[next_start : end if next_end == -1 else next_end]
    if _BULLET.match(nxt) or _COLUMNS.search(line) or _COLUMNS.search(nxt):
        return True
    if _PIPED_ROW.match(line) or _PIPED_ROW.match(nxt):
        return True  # "| Bajhang | 51 | 203 |": a table's row, however its cells are spaced
    if dateline_end(nxt):
        return True  # a headline set right above its story's dateline
    stripped = line.strip()
    if not stripped or stripped[-1] in ".!?;:,”\"')":
        return False  # a sentence end is found below; a comma runs on
    return len(stripped) < _WRAP_WIDTH and nxt.lstrip()[:1].isupper() | nxt.lstrip()[:1].isdigit()


def _split_paragraph(text: str, start: int, end: int, paragraph: int) -> list[Sentence]:
    out: list[Sentence] = []
    for block_start, block_end in _line_blocks(text, start, end):
        out.extend(_split_block(text, block_start, block_end, paragraph))
    return out


def _split_block(text: str, start: int, end: int, paragraph: int) -> list[Sentence]:
    sentences, cursor = [], start
    for m in _END.finditer(text, start, end):
        stop = _stop(text, m.start())
        if text[stop].isdigit():
            if not text[m.start() - 1 : m.start()].islower() or _is_abbreviation(text, m.start()):
                continue  # "rose by 2.4 Million", "Road No.4 East": no stop and footnote mark
            stop = _footnote_end(text, stop)
        elif text[m.start()] == "." and stop - m.start() == 1 and _is_abbreviation(text, m.start()):
            continue
        if (
            stop - m.start() >= 3
            and text[m.end() - 1].isdigit()
            and "..." in text[m.start() : stop]
        ):
            continue  # "Civilians killed ........ 86+": a leader to the figure, not a stop
        sentences.append(_make(text, cursor, stop, paragraph))
        cursor = stop
    sentences.append(_make(text, cursor, end, paragraph))
    return [s for s in sentences if s.text]


def _footnote_end(text: str, at: int) -> int:
    while text[at].isdigit():
        at += 1
    return at


def _make(text: str, start: int, end: int, paragraph: int) -> Sentence:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    stripped = chunk.strip()
    return _new_sentence((start + lead, start + lead + len(stripped), stripped, paragraph))


def split_sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    cursor, paragraph = 0, 0
    for m in PARAGRAPH_BREAK.finditer(text):
        out.extend(_split_paragraph(text, cursor, m.start(), paragraph))
        cursor, paragraph = m.end(), paragraph + 1
    out.extend(_split_paragraph(text, cursor, len(text), paragraph))
    return out


def nearest_at_or_before(
    index: int, fits: Callable[[int], bool], memo: dict[int, int | None]
) -> int | None:
    """The nearest sentence at or before `index` that `fits`, or None, remembering the
    answer for every sentence walked past in `memo` (one per article and question).
    Figures ask this of the sentences before them ("the place named last", "the
    speaker named last"); walking back to the article's start for each made a long
    article quadratic (a 2 MB one-article page: three minutes)."""
    walked, k = [], index
    while k >= 0 and k not in memo:
        if fits(k):
            memo[k] = k
            break
        walked.append(k)
        k -= 1
    found = memo.get(k) if k >= 0 else None
    for j in walked:
        memo[j] = found
    return found
