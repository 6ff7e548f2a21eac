"""Cutting an article into plain text and claim spans: the same as checking every pair."""

from hypothesis import given
from hypothesis import strategies as st

from claims_app.web.highlight import Segment, segments


def pairwise_reference(body, spans, current_id):
    ordered = sorted(spans, key=lambda s: (s[0] != current_id, s[1]))
    kept = []
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


spans = st.lists(
    st.tuples(st.integers(1, 40), st.integers(-2, 60), st.integers(-2, 60)), max_size=40
)


@given(st.text(max_size=50), spans, st.one_of(st.none(), st.integers(1, 40)))
def test_segments_match_the_pairwise_check(body, found, current):
    assert segments(body, found, current) == pairwise_reference(body, found, current)


@given(st.text(min_size=1, max_size=50), spans, st.integers(1, 40))
def test_segments_give_back_the_text_and_mark_the_current_claim(body, found, current):
    cut = segments(body, found, current)
    assert "".join(s.text for s in cut) == body
    if any(c == current and 0 <= a < b <= len(body) for c, a, b in found):
        assert any(s.current for s in cut)


def test_a_large_article_is_cut_quickly():
    body = "x" * 400_000
    many = [(i, i * 3, i * 3 + 5) for i in range(100_000)]  # each overlaps the next
    cut = segments(body, many, 7)
    assert "".join(s.text for s in cut) == body
