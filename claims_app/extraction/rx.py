"""RE2 for the scans that read every character of every article.

Python's `re` backtracks and tries each alternative at each position; RE2
(google-re2, Google's maintained bindings) compiles to an automaton and reads
the text once, 3-4 times faster on our alternations of words (measured in
bench/). RE2 has no lookaround, so patterns compiled here use `\\b` instead
of `(?<!\\w)` and leave lookaheads to a check in Python after the match.

We hand RE2 bytes, not str: for str its Python wrapper converts between byte
and character offsets on every match, which costs more than the matching.
The bytes are an ASCII copy of the same length (typographic dashes, quotes and
thin spaces mapped to ASCII, the euro and pound signs to two control bytes,
other spaces to a space, anything else non-ASCII replaced by the control byte
SUB, never "?", which is punctuation the patterns read; no pattern here needs
those characters), so a byte offset is the character offset in the original.

`compile()` returns an object with the parts of `re.Pattern` the extractor
uses: str in, character offsets and str groups out, group names accepted in
start()/end() as in `re`.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator

import re2

# Stand-ins for the currency signs a figure may carry (one byte each, as the copy needs).
EURO, POUND, NAIRA = "\x10", "\x11", "\x12"
_TO_ASCII = (
    ("–", "-"), ("—", "-"), ("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'),
    ("\u00a0", " "), ("\u2009", " "), ("\u202f", " "),  # no-break and thin spaces
    *((chr(c), " ") for c in (*range(0x2000, 0x2009), 0x200A, 0x2028, 0x2029, 0x3000, 0x85)),
    ("€", EURO), ("£", POUND), ("₦", NAIRA),
)  # fmt: skip


# RE2's \s is ASCII: a class for "whatever `re` calls a space" in a pattern that tests
# what a `re` pattern needs (the copy keeps typographic spaces as " ", but not a
# vertical tab, the separators \x1c-\x1f or a rare Unicode space, which become SUB).
ANY_SPACE = r"[\s\x0b\x1a\x1c-\x1f]"


def _substitute(error: UnicodeEncodeError) -> tuple[str, int]:
    return "\x1a" * (error.end - error.start), error.end  # one SUB per character


codecs.register_error("claims-ascii-copy", _substitute)

# A few entries, newest first: the scans of one article read its text, its lowered
# copy and a sentence's slice in turn, and must not make each other copy the article
# again. (The tuple is replaced whole, never changed in place.)
_recent: tuple[tuple[str, bytes], ...] = ()


def ascii_bytes(text: str) -> bytes:
    """An ASCII copy of text, one byte per character."""
    global _recent
    recent = _recent
    for seen, data in recent:
        if seen is text:
            return data
    data = _copy(text)
    if len(text) > _SHORT:  # a short text is copied again sooner than it would be found
        _recent = ((text, data), *recent[:3])
    return data


_SHORT = 300


def _copy(text: str) -> bytes:
    folded = text
    if not folded.isascii():
        for fancy, plain in _TO_ASCII:
            folded = folded.replace(fancy, plain)
    return folded.encode("ascii", "claims-ascii-copy")


class Match:
    """A match with character offsets (= byte offsets in the ASCII copy)."""

    __slots__ = ("_data", "_index", "_spans", "string")

    def __init__(self, spans: list, index: dict[str, int], string: str, data: bytes) -> None:
        self._spans, self._index, self.string, self._data = spans, index, string, data

    # Each accessor looks the span up itself: these run tens of thousands of
    # times a page, and a shared helper was a tenth of their cost.
    def start(self, g: int | str = 0) -> int:
        return self._spans[self._index[g] if g.__class__ is str else g][0]

    def end(self, g: int | str = 0) -> int:
        return self._spans[self._index[g] if g.__class__ is str else g][1]

    def span(self, g: int | str = 0) -> tuple[int, int]:
        return self._spans[self._index[g] if g.__class__ is str else g]

    def __getitem__(self, g: int | str) -> str | None:
        start, end = self._spans[self._index[g] if g.__class__ is str else g]
        return None if start < 0 else self._data[start:end].decode("ascii")

    def group(self, g: int | str = 0) -> str | None:
        return self[g]

    def took_part(self, g: int | str) -> bool:
        """Whether group g took part in the match, without decoding it (a test of
        which alternative matched, for groups that never match empty)."""
        return self._spans[self._index[g] if g.__class__ is str else g][0] >= 0

    def groupdict(self) -> dict[str, str | None]:
        return {name: self[name] for name in self._index}


# The binding's compiled RE2 object is called directly: its Python wrapper, made for
# str and for the general case, cost more per match than the matching (pinned: 1.x).
_UNANCHORED = re2._Anchor.UNANCHORED
_START = re2._Anchor.ANCHOR_START
_BOTH = re2._Anchor.ANCHOR_BOTH
_NO_MATCH = (-1, -1)


class Pattern:
    __slots__ = ("_index", "_match", "pattern")

    def __init__(self, pattern: str) -> None:
        compiled = re2.compile(pattern.encode("utf-8"))
        self._match = compiled._regexp.Match
        self._index = {  # bytes patterns name their groups in bytes
            (k.decode("ascii") if isinstance(k, bytes) else k): v
            for k, v in compiled.groupindex.items()
        }
        self.pattern = pattern

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Match]:
        data = ascii_bytes(text)
        end = len(data) if endpos is None else min(endpos, len(data))
        match, index = self._match, self._index
        pos = max(0, pos)
        while pos <= end:
            spans = match(_UNANCHORED, data, pos, end)
            if spans[0] == _NO_MATCH:
                return
            yield Match(spans, index, text, data)
            after = spans[0][1]
            pos = after + 1 if after == pos and spans[0][0] == pos else after
            # (an empty match at pos: step on, or the scan would stand still)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Match | None:
        return self._one(_UNANCHORED, text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> Match | None:
        return self._one(_START, text, pos, endpos)

    def fullmatch(self, text: str) -> Match | None:
        return self._one(_BOTH, text, 0, None)

    def search_before(self, text: str, start: int, end: int) -> Match | None:
        """search() in text[start:end] as a string of its own, so that "$" and "\\Z" mean
        its end (RE2 reads them as the whole text's end); offsets are text's."""
        data = ascii_bytes(text)
        piece = memoryview(data)[start:end]  # a view, not a copy: its end is the text's end
        spans = self._match(_UNANCHORED, piece, 0, len(piece))
        if spans[0] == _NO_MATCH:
            return None
        shifted = [_NO_MATCH if s < 0 else (s + start, e + start) for s, e in spans]
        return Match(shifted, self._index, text, data)

    def _one(self, anchor, text: str, pos: int, endpos: int | None) -> Match | None:
        data = ascii_bytes(text)
        end = len(data) if endpos is None else min(endpos, len(data))
        pos = max(0, pos)
        if pos > end:
            return None
        spans = self._match(anchor, data, pos, end)
        return None if spans[0] == _NO_MATCH else Match(spans, self._index, text, data)


class PatternSet:
    """Which of several patterns occur anywhere in a text, in one pass (RE2::Set): the
    question a gate asks ("which of these words does the article hold?"), answered
    without a Python step per occurrence."""

    __slots__ = ("_set",)

    def __init__(self, patterns: list[str], *, ignore_case: bool = False) -> None:
        options = re2._re2.RE2.Options()
        options.case_sensitive = not ignore_case  # (so a caller need not lower a copy)
        self._set = re2._re2.Set(_UNANCHORED, options)
        for pattern in patterns:
            self._set.Add(pattern.encode("utf-8"))
        if not self._set.Compile():
            raise ValueError("RE2 could not compile the pattern set")

    def found(self, text: str, start: int = 0, end: int | None = None) -> list[int]:
        """The indexes of the patterns that match somewhere in text[start:end] (read as
        a text of its own), in no order."""
        data = ascii_bytes(text)
        return self._set.Match(data if start == 0 and end is None else memoryview(data)[start:end])


def compile(pattern: str) -> Pattern:  # the name mirrors re.compile on purpose
    return Pattern(pattern)
