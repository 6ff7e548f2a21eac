import inflect
import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims_app.extraction.fold import ascii_lower
from claims_app.extraction.mentions import find_mentions
from claims_app.extraction.numbers import (
    as_number,
    numeral_value,
    qualifier_before,
    words_to_int,
)

ENGINE = inflect.engine()


@given(st.integers(min_value=0, max_value=999_999_999))
def test_number_words_round_trip(n):
    # inflect writes the words; we must read back the same number, with or
    # without "and", with commas between groups or without.
    british = ENGINE.number_to_words(n)
    american = ENGINE.number_to_words(n, andword="", comma="")
    assert words_to_int(british) == n
    assert words_to_int(american) == n


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("forty-two", 42),
        ("two million", 2_000_000),
        ("a hundred", 100),
        ("a million", 1_000_000),
        ("Twelve", 12),
        ("five two", None),
        ("twenty thirty", None),
        ("thousand million", None),
        ("zero thousand", None),
        ("million", None),
        ("several", None),
        ("", None),
    ],
)
def test_words_to_int(phrase, value):
    assert words_to_int(phrase) == value


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("1,400", 1400),
        ("12,500", 12500),
        ("1771", 1771),
        ("2.5", 2.5),
        ("6,187", 6187),
        ("1,40", None),
        ("3.2.1", None),
        ("12,5000", None),
        ("", None),
    ],
)
def test_numeral_value(token, value):
    got = numeral_value(token)
    assert (as_number(got) if got is not None else None) == value


@pytest.mark.parametrize(
    ("text", "kind", "phrase"),
    [
        ("killed at least 26 civilians", "at_least", "at least"),
        ("with no fewer than 72 hours", "at_least", "no fewer than"),
        ("displaced more than 500,000", "more_than", "more than"),
        ("Nearly 74 percent", "approx", "Nearly"),
        ("an estimated 750,000", "approx", "an estimated"),
        ("Some 12,500 people", "approx", "Some"),
        ("up to 400 families", "at_most", "up to"),
        ("fewer than 10", "at_most", "fewer than"),
        ("rainfall was below 40 per cent of the average", "at_most", "below"),
        ("cases now exceed 2,000", "more_than", "exceed"),
        ("killed as many as 74 people", "at_most", "as many as"),
        ("will match gifts up to a total of 100,000", "at_most", "up to a total of"),
        # a PDF's text wraps a phrase across lines
        ("the market was hit by at\n      least 3 shells", "at_least", "at\n      least"),
    ],
)
def test_qualifier_before_a_number(text, kind, phrase):
    at = next(i for i, ch in enumerate(text) if ch.isdigit())
    q = qualifier_before(ascii_lower(text), at)  # the extractor matches lowered text
    assert q is not None and q.kind == kind
    assert text[q.start : at].strip() == phrase


def test_no_qualifier_when_words_do_not_touch_the_number():
    text = "at least, they said, 26 people"
    assert qualifier_before(text, text.index("26")) is None
    assert qualifier_before("killed 26 people", 7) is None


@pytest.mark.parametrize(
    ("text", "quote", "value", "qualifier"),
    [
        ("The plan requires US$2.6 billion this year.", "US$2.6 billion", 2_600_000_000, "exact"),
        ("a further $3.5m is under review", "$3.5m", 3_500_000, "exact"),
        ("US$ 41M     Required", "US$ 41M", 41_000_000, "exact"),
        ("3.8M        People internally displaced", "3.8M", 3_800_000, "exact"),
        ("it released €4 million for shelter", "€4 million", 4_000_000, "exact"),
        ("Croix-des-Bouquets     1 301     5 704", "1 301", 1301, "exact"),
        ("some 12\u2009500 people fled", "some 12\u2009500", 12_500, "approx"),
        ("close to half a million refugees", "close to half a million", 500_000, "approx"),
        ("two and a half million children", "two and a half million", 2_500_000, "exact"),
        ("1 in 5 children", "1 in 5", 20, "exact"),
        ("about one in four households", "about one in four", 25, "approx"),
        ("Ye-U   Taung Pyin camp   6   20+", "20+", 20, "at_least"),
        ("5,230 killings, a fifth more than in 2023", "a fifth", 20, "exact"),
        ("food rations will be cut by half", "half", 50, "exact"),
        ("nearly nine in every ten households", "nearly nine in every ten", 90, "approx"),
        ("Seven out of 10 schools", "Seven out of 10", 70, "exact"),
        # naira: a capital N glued to grouped digits, or the sign
        ("paid N2,750,000 to 11 families", "N2,750,000", 2_750_000, "exact"),
        ("a grant of \u20a68,000,000 for repairs", "\u20a68,000,000", 8_000_000, "exact"),
        # a year, then a figure of another size: no range from the year to the count
        ("the outbreak that began in March 2023 to 41 207 cases", "41 207", 41_207, "exact"),
        ("between 2000 to 3500 people", "2000 to 3500", 2000, "range"),
        # a range's scale word is its low end's too
        (
            "Between 17 and 20 million people will need aid",
            "Between 17 and 20 million",
            17_000_000,
            "range",
        ),
        ("between 2 and 2.5 million people", "between 2 and 2.5 million", 2_000_000, "range"),
        ("1.2-1.5 bn dollars", "1.2-1.5 bn", 1_200_000_000, "range"),
        (
            "between two and three million people",
            "between two and three million",
            2_000_000,
            "range",
        ),
        # a scale written apart, a currency's ISO code, a post's shorthand
        ("Total pledged: EUR 1.46 bn", "EUR 1.46 bn", 1_460_000_000, "exact"),
        ("a further 4.5 mn euros", "4.5 mn", 4_500_000, "exact"),
        ("Japan pledged JPY 6.5 billion", "JPY 6.5 billion", 6_500_000_000, "exact"),
        ("(approx. US$44 million)", "approx. US$44 million", 44_000_000, "approx"),
        ("forced 67k+ ppl from their homes", "67k+", 67_000, "at_least"),
        ("~32k ppl have arrived", "~32k", 32_000, "approx"),
        ("~580k remain displaced", "~580k", 580_000, "approx"),
        # a share naming its one person; a round figure "-odd"
        ("one child in five was malnourished", "one child in five", 20, "exact"),
        ("most of the 4,000-odd residents fled", "4,000-odd", 4000, "approx"),
        # dozens counted: the number word multiplies, it is no count of its own
        ("treated two dozen people with gunshot wounds", "two dozen", 24, "exact"),
        ("Three dozen homes burned", "Three dozen", 36, "exact"),
        ("half a dozen trucks", "half a dozen", 6, "exact"),
    ],
)
def test_figures_as_reports_write_them(text, quote, value, qualifier):
    low = ascii_lower(text)
    found = [m for m in find_mentions(low, 0, len(low)) if text[m.start : m.end] == quote]
    assert found, [text[m.start : m.end] for m in find_mentions(low, 0, len(low))]
    assert (as_number(found[0].value), found[0].qualifier) == (value, qualifier)


@pytest.mark.parametrize(
    "text",
    ["Update 2022-03-04", "Call 0912-345-678 now", "the 12-15-year-old boys"],
)
def test_hyphenated_runs_are_no_figures(text):
    low = ascii_lower(text)
    values = [m.value for m in find_mentions(low, 0, len(low))]
    assert not {2022, 3, 4, 912, 345, 678, 12, 15} & set(values)


def test_a_bare_letter_after_a_whole_number_is_no_scale():
    low = ascii_lower("Block 12B was hit")
    assert [m.value for m in find_mentions(low, 0, len(low))] == [12]  # not twelve billion


_SCALE_WORDS = {"million": 10**6, "m": 10**6, "mn": 10**6, "billion": 10**9, "bn": 10**9,
                "thousand": 10**3}  # fmt: skip


@given(
    whole=st.integers(min_value=0, max_value=999),
    cents=st.integers(min_value=0, max_value=99),
    scale=st.sampled_from(sorted(_SCALE_WORDS)),
    currency=st.sampled_from(["$", "US$", "€", "£", "USD ", ""]),
)
def test_a_scaled_figure_is_the_exact_amount_written(whole, cents, scale, currency):
    # "$4.07bn" is 4,070,000,000: never 4070000000.0000005, as float arithmetic gives
    written = f"{whole}.{cents:02d}"
    space = " " if len(scale) > 2 else ""
    text = f"The appeal seeks {currency}{written}{space}{scale} for the year."
    (mention,) = [m for m in find_mentions(ascii_lower(text), 0, len(text)) if m.start > 15]
    assert mention.value == (whole * 100 + cents) * _SCALE_WORDS[scale] // 100


@pytest.mark.parametrize(
    "text",
    [
        "The convoy was stopped at Kilo 10, near the checkpoint.",
        "Shops on Street 15 reopened.",
        "The camp lies 70 kilometres from Juba.",
        "The boat capsized about 20 nautical miles north of Zuwara.",
        "Call the hotline on 0912-345-678 before 18:00.",
        "See update (4) and item #8 of the list.",
        "The curfew starts at 12 midnight.",
        "Among the victims were a girl of 9 and a man of 67.",
        "Print | Download PDF (412 KB) | Share",
        "The Dispatch, Rue de Lausanne 64, 1202 Geneva, Switzerland",
        "A clash between two clans over a water point was reported.",
        "Our team interviewed 14 people, including 6 survivors and 2 doctors.",
        "Updates below. Reposts 184 · Likes 311 · Views 42.7K",
        "14 posts · 1 author · Replies hidden",
        "Germany renewed its pledge for 2025-2027.",
        "The camp was set up in 2023 for families fleeing the offensive.",
        "He was charged with torture (Counts 3 and 4) and pillage (Count 8).",
    ],
)
def test_labels_distances_times_and_numbers_to_call_are_not_claims(text):
    from claims_app.extraction.claims import extract_claims

    assert [c.quote for c in extract_claims(text, None) if c.kind == "numeric"] == []


def test_whose_members_were_counted_is_no_count_of_its_own():
    from claims_app.extraction.claims import extract_claims

    text = "The strike killed nine members of one family in Arvo."
    assert [(c.quote, c.value) for c in extract_claims(text, None) if c.kind == "numeric"] == [
        ("nine members", 9)
    ]


@pytest.mark.parametrize("text", ["paid Rs4,500,000", "model XR12,500,000", "v1.250,000 units"])
def test_the_tail_of_a_figure_glued_to_letters_is_never_a_figure_of_its_own(text):
    """ "XR12,500,000": the scan cannot read the figure whole, and must not read
    "500,000" out of it: a figure is quoted whole or not at all."""
    low = ascii_lower(text)
    assert not [m for m in find_mentions(low, 0, len(low)) if m.value in (500_000, 250_000)]


def test_a_qualified_share_in_words_is_a_figure():
    from claims_app.extraction.claims import extract_claims

    found = [
        (c.value, c.qualifier)
        for c in extract_claims("The appeal is less than a quarter funded.", None)
        if c.kind == "numeric"
    ]
    assert found == [(25, "at_most")]


def test_a_change_written_with_its_sign_is_a_figure_and_a_number_to_call_is_not():
    from claims_app.extraction.claims import extract_claims

    def figures(text):
        return [(c.value, c.unit) for c in extract_claims(text, None) if c.kind == "numeric"]

    assert figures("Violence events rose (+12% on the previous week).") == [(12, "percent")]
    assert (312, "people") in figures("Site population: 7,842 (+312 individuals this week)")
    assert figures("Call +41 22 555 0143 or +2519 for help.") == []


def test_a_dash_in_a_table_s_empty_cell_joins_no_range():
    text = "Nouadhibou to El Hierro       37         -          58"
    low = ascii_lower(text)
    found = [(text[m.start : m.end], m.qualifier) for m in find_mentions(low, 0, len(low))]
    assert found == [("37", "exact"), ("58", "exact")]
    low = ascii_lower("some 30 - 40 people and 5 to 9 women")
    assert [m.qualifier for m in find_mentions(low, 0, len(low))] == ["range", "range"]
