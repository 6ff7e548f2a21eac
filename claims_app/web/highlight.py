"""An article's text cut into plain runs and claim spans, for marking in place."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    text: str
    claim_id: int | None = None  # None: plain text
    current: bool = False  # the claim the workspace is about


def segments(
    body: str, spans: list[tuple[int, int, int]], current_id: int | None = None
) -> list[Segment]:
    """`spans` are (claim id, start, end) into body; overlapping spans keep the first.

    The current claim wins an overlap, so the claim under review is always marked.
    Each span is checked against its two kept neighbours only (bisect), so an
    article of tens of thousands of claims is cut in n log n, not n².
    """
    ordered = sorted(spans, key=lambda s: (s[0] != current_id, s[1]))
    starts: list[int] = []  # kept spans, by start; they never overlap, so ends ascend too
    kept: list[tuple[int, int, int]] = []
    for claim_id, start, end in ordered:
        if not 0 <= start < end <= len(body):
            continue
        at = bisect_left(starts, start)
        if at > 0 and kept[at - 1][2] > start:
            continue  # the span before runs into this one
        if at < len(kept) and kept[at][1] < end:
            continue  # this one runs into the span after
        starts.insert(at, start)
        kept.insert(at, (claim_id, start, end))
    out, cursor = [], 0
    for claim_id, start, end in kept:
        if start > cursor:
            out.append(Segment(body[cursor:start]))
        out.append(Segment(body[start:end], claim_id, claim_id == current_id))
        cursor = end
    if cursor < len(body):
        out.append(Segment(body[cursor:]))
    return out
