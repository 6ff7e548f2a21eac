"""A long article costs in proportion to its length: no figure walks back over every
sentence before it (a 2 MB one-article page took three minutes when each did)."""

from __future__ import annotations

from claims_app.extraction import claims, speakers
from claims_app.extraction.page_claims import extract_page

SENTENCES = 2000


def long_article() -> str:
    body = "".join(
        f"At least {12 + i % 900} people were displaced from Kelvar on {1 + i % 28} February, "
        f"and {3 + i % 40} civilians were injured, the district office said. "
        for i in range(SENTENCES)
    )
    return "Situation update, 3 March 2024\n\n" + body + "\n"


def test_the_lookbacks_of_a_long_article_stay_linear(monkeypatch):
    calls = {"places": 0, "speaker": 0}
    places, own = claims._Context.places, speakers.ArticleSpeakers._own_speaker

    def counted_places(self, index):
        calls["places"] += 1
        return places(self, index)

    def counted_own(self, index):
        calls["speaker"] += 1
        return own(self, index)

    monkeypatch.setattr(claims._Context, "places", counted_places)
    monkeypatch.setattr(speakers.ArticleSpeakers, "_own_speaker", counted_own)
    found = extract_page(long_article())
    assert len([c for c in found if c.claim.kind == "numeric"]) >= 2 * SENTENCES
    # A handful of questions per figure, not one per sentence before it.
    assert calls["places"] < 20 * SENTENCES, calls
    assert calls["speaker"] < 20 * SENTENCES, calls
