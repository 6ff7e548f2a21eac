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
anything else non-ASCII replaced by "?"; no pattern here needs those
characters), so a byte offset is the character offset in the original.

`compile()` returns an object with the parts of `re.Pattern` the extractor
uses: str in, character offsets and str groups out, group names accepted in
start()/end() as in `re`.
"""

from __future__ import annotations

from collections.abc import Iterator

import re2

# Stand-ins for the currency signs a figure may carry (one byte each, as the copy needs).
EURO, POUND = "\x10", "\x11"
_TO_ASCII = (
    ("–", "-"), ("—", "-"), ("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'),
    ("\u00a0", " "), ("\u2009", " "), ("\u202f", " "),  # no-break and thin spaces
    ("€", EURO), ("£", POUND),
)  # fmt: skip
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
    folded = text
    if not folded.isascii():
        for fancy, plain in _TO_ASCII:
            folded = folded.replace(fancy, plain)
    data = folded.encode("ascii", "replace")
    _recent = ((text, data), *recent[:3])
    return data


class Match:
    """A match with character offsets (= byte offsets in the ASCII copy)."""

    __slots__ = ("_data", "_index", "_spans", "string")

    def __init__(self, m: re2._Match, index: dict[str, int], string: str, data: bytes) -> None:
        # The binding's match keeps every group's span in `_spans`; reading them
        # directly avoids two Python calls per group lookup (pinned: google-re2 1.x).
        self._spans, self._index, self.string, self._data = m._spans, index, string, data

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

    def groupdict(self) -> dict[str, str | None]:
        return {name: self[name] for name in self._index}


class Pattern:
    __slots__ = ("_index", "_p", "pattern")

    def __init__(self, pattern: str) -> None:
        self._p = re2.compile(pattern.encode("utf-8"))
        self._index = {  # bytes patterns name their groups in bytes
            (k.decode("ascii") if isinstance(k, bytes) else k): v
            for k, v in self._p.groupindex.items()
        }
        self.pattern = pattern

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Match]:
        data = ascii_bytes(text)
        for m in self._p.finditer(data, pos, len(data) if endpos is None else endpos):
            yield Match(m, self._index, text, data)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Match | None:
        data = ascii_bytes(text)
        m = self._p.search(data, pos, len(data) if endpos is None else endpos)
        return None if m is None else Match(m, self._index, text, data)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> Match | None:
        data = ascii_bytes(text)
        m = self._p.match(data, pos, len(data) if endpos is None else endpos)
        return None if m is None else Match(m, self._index, text, data)

    def fullmatch(self, text: str) -> Match | None:
        data = ascii_bytes(text)
        m = self._p.fullmatch(data)
        return None if m is None else Match(m, self._index, text, data)


def compile(pattern: str) -> Pattern:  # the name mirrors re.compile on purpose
    return Pattern(pattern)
