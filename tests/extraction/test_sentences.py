"""Sentence ends (extraction/sentences.py), on text written for these tests."""

from __future__ import annotations

from claims_app.extraction.sentences import split_sentences


def _texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_a_footnote_mark_after_the_stop_ends_the_sentence_with_it():
    text = (
        "Some 7.1 million people are food insecure, according to the latest analysis.4 "
        "Nationally, 1.6 million of them live in Mopti."
    )
    assert _texts(text) == [
        "Some 7.1 million people are food insecure, according to the latest analysis.4",
        "Nationally, 1.6 million of them live in Mopti.",
    ]


def test_a_decimal_or_a_numbered_abbreviation_is_no_footnote():
    assert _texts("Prices rose by 2.4 Million traders said. Then they fell.") == [
        "Prices rose by 2.4 Million traders said.",
        "Then they fell.",
    ]
    assert _texts("Take Road No.4 East to the camp.") == ["Take Road No.4 East to the camp."]
