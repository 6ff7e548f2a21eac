"""An article's text cut into plain runs and claim spans, for marking in place."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    text: str
    claim_id: int | None = None  # None: plain text
    current: bool = False  # the claim the workspace is about


def segments(body: str, spans: list[tuple[int, int, int]], current_id: int) -> list[Segment]:
    """`spans` are (claim id, start, end) into body; overlapping spans keep the first.

    The current claim wins an overlap, so the claim under review is always marked.
    """
    ordered = sorted(spans, key=lambda s: (s[0] != current_id, s[1]))
    kept: list[tuple[int, int, int]] = []
    for claim_id, start, end in ordered:
        if 0 <= start < end <= len(body) and all(end <= s or start >= e for _, s, e in kept):
            kept.append((claim_id, start, end))
    out, cursor = [], 0
    for claim_id, start, end in sorted(kept, key=lambda s: s[1]):
        if start > cursor:
            out.append(Segment(body[cursor:start]))
        out.append(Segment(body[start:end], claim_id, claim_id == current_id))
        cursor = end
    if cursor < len(body):
        out.append(Segment(body[cursor:]))
    return out
