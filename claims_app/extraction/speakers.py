"""Who made a claim: the speaker a sentence names, or the one it goes on quoting.

A sentence's speaker is, in order:
- the one it names ("..., the coastguard said", "According to UNHCR, ...",
  "Figures from IOM show", "(UNHCR)." at its end); a pronoun ("he said")
  stands for the last speaker named before it;
- inside a quotation, whoever the paragraph names around the quotation;
- the one source a digest item cites in brackets at its end ("(OCHA 14/12/2023)");
- otherwise nobody: the page asserts it itself. A speaker named in one sentence
  is not carried to the next: "Figures from IOM show that 135,000 people have
  fled. They join more than 600,000 ..." - the second figure is the page's.

Most sentences hold no claim, so `ArticleSpeakers` works a speaker out only
for the sentences asked about, walking back through earlier ones only as far
as the answer needs. (Worked out for every sentence in turn, attribution was
a tenth of the extractor's time.)
"""

from __future__ import annotations

import re
from bisect import bisect_right

from claims_app.extraction import lexicon as lx
from claims_app.extraction import rx
from claims_app.extraction.gazetteer import place_rank
from claims_app.extraction.pagedates import WEEKDAY_RE, YEARLESS_RE, dateline_end
from claims_app.extraction.sentences import (
    BULLET_LINE,
    BULLET_MARK,
    Sentence,
    nearest_at_or_before,
)
from claims_app.extraction.turns import PERSON_NAME, Turns, is_heading

# Each attribution pattern, in the order tried, with what it cannot match without: an
# RE2 pattern read with all the others in one pass over the sentence (`_GATES`). Each
# gate is the pattern's own necessary condition (tests/extraction/test_gates.py draws
# sentences to hold it to that); None: a pattern that is always tried.
_S = rx.ANY_SPACE
_SAID_VERB = r"(?:said|says|added|noted|warned|stressed|explained)"
_ATTRIBUTIONS = (
    (lx.ACCORDING_TO, rf"ccording{_S}+to{_S}"),
    (lx.SPEAKING_AS, rf",{_S}+speaking\b"),
    (lx.PRONOUN_SAID, rf"\b(?:he|she|they|we|it){_S}"),
    (lx.SAID_INVERTED, rf"[,\"]{_S}*{_SAID_VERB}{_S}"),
    (lx.APPOSITIVE, rf",{_S}+(?:(?:also|has|have|had){_S}+)?{lx.SAY}\b"),
    (lx.SAID_BY_AFTER, rf"[,\"](?s:.)+{_S}{lx.SAY}\b"),
    (lx.SAID_BY_AFTER_SIMPLE, rf"[,\"]{_S}*(?:the|a|an|its|their){_S}"),
    (lx.SAID_BY_ROLE, rf"[,\"]{_S}*(?:said|says|added|told){_S}"),
    (lx.FIGURES_FROM, r"(?:from|by) "),
    (lx.RELATIVE_SAID, rf",{_S}+(?:who|which){_S}"),
    (lx.SPEAKER_BEFORE, rf"{_S}{lx.SAY}\b"),
    (lx.SPEAKER_SIMPLE, rf"^(?:The|A|An|Its|Their){_S}"),
    (lx.SOURCE_IN_BRACKETS, r"\)"),
    (lx.RELATIVE_PRONOUN_SAID, rf"\b(?:which|that){_S}+(?:it|they){_S}"),
)
# Pattern 0 of the set is REPORTING_HINT, which every attribution also needs: a
# reporting verb, "according to", "figures from", "published by", or a one-word source
# in brackets at the end ("(UNHCR)."; a longer bracket closing a title, "(Samir
# District)", is no source).
_GATES = rx.PatternSet([lx.REPORTING_HINT.pattern, *(needs for _p, needs in _ATTRIBUTIONS)])
# "(CIMP 17/12/2023; OCHA 18/12/2023)" closing a digest item: its sources and their dates
_SOURCES = re.compile(r"\(([^()]*?\d{1,2}/\d{1,2}/\d{4}[^()]*)\)\s*$")
_SOURCE_NAME = re.compile(r"([A-Z][\w&.\- ]*?)\s+\d{1,2}/\d{1,2}/\d{4}")
_PRONOUNS = frozenset(("he", "she", "they", "it", "we"))


# A bullet, a list number or a live page's time stamp before the sentence proper:
# "• Residents said ...", "3. The monitor found ...", "• 16:05 – The ministry said ...",
# "Response: Partners reached ...".
_LEAD = re.compile(
    rf"\s*(?:{BULLET_MARK}\s+)?(?:\d{{1,2}}[:.]\d{{2}}\s*(?:GMT|UTC|[AP]M)?\s*[–—-]\s+)?"
    r"(?:[A-Z][a-z]+(?: [a-z]+)?:\s+(?=[A-Z]))?"  # a sitrep's label: "Needs: Partners said"
)


def without_dateline(sentence: str) -> str:
    """ "GENEVA, 11 February 2020 — " or "BEIRUT (Reuters) - " opens a story; the speaker
    comes after it (and after a bullet or a time stamp)."""
    lead = _LEAD.match(sentence).end()  # type: ignore[union-attr]  # it matches empty
    sentence = sentence[lead:] if lead else sentence
    return sentence[dateline_end(sentence) :]


_TRAILING_AUXILIARY = re.compile(r"\s+(?:has|have|had)$")  # "So far, the monitor has recorded"
_TRAILING_TIME = re.compile(
    r"(?:,?\s+(?:on|earlier|also|late|last|this|yesterday|today)\b.*)$", re.IGNORECASE
)


def named_speaker(sentence: str) -> str | None:
    """The speaker a sentence names itself, before pronouns are resolved."""
    sentence = without_dateline(sentence)
    present = _GATES.found(sentence)
    if 0 not in present:
        return None  # most sentences: no reporting word, no attribution
    for index, (pattern, _needs) in enumerate(_ATTRIBUTIONS, start=1):
        if index not in present:
            continue  # what the pattern cannot match without is not there
        m = pattern.search(sentence)
        if m and pattern is lx.SOURCE_IN_BRACKETS and _spells_name_before(sentence, m):
            continue  # "... from the Central Emergency Response Fund (CERF).": no source
        if (
            m
            and pattern is lx.SOURCE_IN_BRACKETS
            and (m["who"].lower() in _NO_SOURCE or place_rank(m["who"]) is not None)
        ):
            continue  # "people in IPC Phase 4 (Emergency)", "... Irumu (Ituri).": no source
        if m and pattern is lx.ACCORDING_TO and _NO_SOURCE_AFTER_ACCORDING.search(m["who"]):
            continue  # "buried according to Islamic rites": a rule followed, no source
        if m and pattern is lx.FIGURES_FROM and m["by"]:
            if _WHEN_BY.match(m["by"]):
                continue  # "none had been released by the end of the quarter": a time
            return _tidied(_CLAUSE_GOES_ON.split(m["by"], 1)[0].strip(), sentence, pattern)
        if m and pattern is lx.SPEAKER_BEFORE and _noun_not_verb(sentence, m.end()):
            continue  # "Admission records from the hospital show": a noun, not "X records"
        if m and pattern is lx.RELATIVE_PRONOUN_SAID:
            return _subject_organisation(sentence)  # none: the pronoun is not resolved
        if m:
            who = (m.group("who") or m.groupdict().get("by") or "").strip(" ,")
            who = _tidied(who, sentence, pattern)
            if _A_DAY.fullmatch(who):
                continue  # "Two videos filmed on Monday, 3 June, show": a day, not a source
            if _ANONYMOUS.fullmatch(who) and (subject := _subject_organisation(sentence)):
                return subject  # "UNJHRO has documented 19 deaths, a spokesperson told"
            return who
    return None


_A_DAY = re.compile(rf"(?:{WEEKDAY_RE})?(?:{YEARLESS_RE})(?:,?\s+\d{{4}})?", re.IGNORECASE)
# A capitalised word before the noun, not an acronym such as "UN": a name
_NAMED_KIND = re.compile(r"\s[A-Z][a-z][\w-]*\s")
# "The deadliest incident documented by the monitor took place": the agent ends there
_CLAUSE_GOES_ON = re.compile(
    r"\s+(?:took|was|were|is|are|has|have|had|on|in|at|during|since|from|to|for|with|who|"
    r"which|that|and|but|between|over|across)\b"
)
# A time, not an agent, after "by": "released by the end of the quarter"
_WHEN_BY = re.compile(
    r"(?:the )?(?:end|start|beginning|time|close|middle|turn)\b|(?:mid|early|late)\b", re.I
)
# What is done "according to" a rule, not said by anyone
_NO_SOURCE_AFTER_ACCORDING = re.compile(
    r"\b(?:rites?|customs?|traditions?|plans?|schedules?|procedures?|protocols?|rules?|"
    r"guidelines|laws?|religion|faith|wishes|needs|standards|criteria)$",
    re.IGNORECASE,
)
# A speaker who speaks for someone the sentence names: "a spokesperson", "an official"
_ANONYMOUS = re.compile(r"(?:a|an|one) (?:spokes(?:person|man|woman)|official|source)", re.I)
# "Yesterday our team in Namapa registered": the time is no part of the speaker
_LEADING_TIME = re.compile(
    r"^(?:yesterday|today|overnight|tonight|this (?:morning|week)|last (?:night|week))\s+",
    re.IGNORECASE,
)
# "The office is verifying reports of ...": the office, whatever it is doing
_PROGRESSIVE = re.compile(r"\s+(?:is|are|was|were|has been|have been)\s+[a-z]+ing$")


# The reporting verbs that are also plural nouns, read as nouns when a source or a verb
# follows them ("Hospital records show", "Admission records from the clinic")
_NOUN_VERBS = ("records", "reports", "estimates", "counts", "documents")
_SOURCE_OR_VERB_AFTER = re.compile(r"\s+(?:from|of|show|shows|showed|seen|obtained|compiled)\b")


def _noun_not_verb(sentence: str, end: int) -> bool:
    if not sentence.endswith(_NOUN_VERBS, 0, end):
        return False
    return _SOURCE_OR_VERB_AFTER.match(sentence, end) is not None


# Words in brackets at a line's end that gloss it and cite no one
_NO_SOURCE = frozenset(
    """emergency catastrophe crisis famine stressed minimal sam mam gam idps idp estimate
    estimated provisional projected verified total""".split()
)
_SAY_INSIDE = re.compile(r"\s(?:said|says|told|reported|added|noted|stated|announced)\b")
_REPORT_BY = re.compile(
    r"^(?:[\w-]+\s+){0,3}?(?:assessment|survey|analysis|report|study|count|data|figures|"
    r"monitoring|records)\s+(?:by|from|of)\s+(?P<who>(?:the\s+)?\w.{1,100})$"
)
# "Abubakar Sani, chairman of Maru LGA, which includes Dansadau, told Reuters": the name
# (and its title) before the relative clause
_RELATIVE = re.compile(r"^(?P<name>[A-Z][^,]{1,80}(?:,\s+[a-z][^,]{1,80})?),\s+(?:which|who)\b")
# "Admission records from the clinic, seen by Reuters, show": who saw them is no source
_SEEN_BY = re.compile(r"^(?:seen|obtained|reviewed|examined|verified) by\b")
_SUBJECT = re.compile(r"^(?P<s>[A-Z][^,]{5,120}),")


def _tidied(who: str, sentence: str, pattern: re.Pattern[str]) -> str:
    """The speaker's own words: "the group" of "the group said in a report published
    today"; the author of "the assessment by SEMA field officers"; "MSF" of "MSF, which
    supports the hospital, said"."""
    if pattern is lx.ACCORDING_TO and (author := lx.BY_AUTHOR.search(who)):
        return author.group("who")  # the report's author, not the report
    if _SEEN_BY.match(who) and (subject := _SUBJECT.match(sentence)) is not None:
        who = subject["s"]  # the documents seen are the source
    if (say := _SAY_INSIDE.search(who)) is not None:
        who = who[: say.start()]
    if (clause := _OPENS_CLAUSE.match(who)) is not None:
        who = who[clause.end() :]  # "Only Sudan, where ACLED recorded ...": ACLED
    if (by := _REPORT_BY.match(who)) is not None:
        return by["who"]
    if who.lower().startswith(("which ", "who ")):
        named = _RELATIVE.match(sentence)
        return named["name"].strip() if named else who
    return who


# "(Source: Ministry of Defence of the Republic of Veloria)" alone on its line
_SECTION_SOURCE = re.compile(r"\(\s*Sources?\s*:\s*(?P<who>[^()\n]{2,100}?)\s*\)")
_SECTION_REACH = 30  # paragraphs back from the figure


_OPENS_CLAUSE = re.compile(r"(?:where|while|whereas|because|once)\s+")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def _spells_name_before(sentence: str, m: re.Match[str]) -> bool:
    """The bracket holds the initials of the name right before it ("Central Emergency
    Response Fund (CERF)", "Office for the Coordination of Humanitarian Affairs
    (OCHA)"): it glosses that name; it does not cite a source."""
    short = m["who"]
    if len(short) < 2 or not short.isalpha() or not short.isupper():
        return False
    words = _WORD.findall(sentence, max(0, m.start() - 150), m.start())
    return "".join(w[0] for w in words if w[0].isupper()).endswith(short)


def quote_speaker(sentence: str) -> str | None:
    """Who speaks around a quotation: "X said:" before it or ", X added" after it."""
    if not lx.REPORTING_HINT.search(sentence):
        return None
    m = lx.SAID_BY_AFTER.search(sentence) or lx.SPEAKER_BEFORE.search(sentence)
    return m.group("who").strip(" ,") if m else None


def inside_quote(sentence: str) -> bool:
    return sentence.startswith(("“", '"')) or sentence.count("”") > sentence.count("“")


# A speaker that is an organisation or a document, never "he" or "she"
_ORGANISATION = re.compile(
    r"^(?:the|a|an)\b|\b(?:organi[sz]ation|agency|programme|program|office|ministry|"
    r"department|authorit(?:y|ies)|government|mission|network|group|committee|council|"
    r"cluster|matrix|report|figures|data|statistics|survey|monitors?|partners|media|police|"
    r"army|forces)\b|(?-i:^[A-Z]{2,}$)",
    re.IGNORECASE,
)
# What a sentence says about its own speaker: a name, "the last one named"
# (a pronoun, or a quotation nobody in the paragraph is named around), or nothing.
_LEDE_REACH = 3  # the story's first sentence, after a standfirst or a kicker


def _headline(text: str) -> bool:
    """An unpunctuated line: a title, not a sentence of the story."""
    end = text.rstrip()[-1:]
    return bool(end) and end not in ".!?:;”\"'’)"


_LAST = object()
_PERSON = object()  # "he", "she": the last person named


class _Refers(str):
    """ "The agency said": the organisation named last, if one was; else these words."""


# Words that stand for an organisation the text has just named: "the agency", "the
# monitoring group", "the UN agency".
_STANDS_FOR = re.compile(
    r"the (?:[A-Za-z-]+ )?(?P<noun>agency|organisation|organization|group|monitor|ministry|"
    r"office|committee|mission|network|coalition|charity|observatory|consortium|cluster|body|"
    r"watchdog|ngo)"
    # "the two agencies": the pair named before ("IOM and UNHCR")
    r"|the (?:two|three|both) (?P<nouns>agencies|organi[sz]ations|groups|ngos|charities)",
    re.IGNORECASE,
)


_THE_SAME = re.compile(
    r"the same (?:[a-z]+ )?(?:assessment|survey|source|sources|report|data|"
    r"figures|analysis|study|count|monitoring)$",
    re.IGNORECASE,
)
_ORDINAL_OF = re.compile(
    r"the (?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|latest|last|"
    r"next|\d+(?:st|nd|rd|th)) the\b",
    re.IGNORECASE,
)


def _may_stand_for(reference: str, name: str) -> bool:
    """ "The office" may stand for "the regional refugee office" or "OCHA", not for
    "Residents": the candidate carries the reference's noun or is a proper name."""
    m = _STANDS_FOR.fullmatch(reference)
    if m["nouns"]:  # type: ignore[index]
        return " and " in name or "," in name  # several named together
    noun = m["noun"].lower()  # type: ignore[index]
    if noun in name.lower():
        # "the education ministry" is not the Ministry of Public Health named before
        kind = reference.lower().split()[1:-1]
        return noun not in _OWN_KIND_ONLY or all(w in name.lower() for w in kind)
    # "the agency" may be UNHCR; "the ministry" is a ministry, never an agency named before
    return noun not in _OWN_KIND_ONLY and any(c.isupper() for c in name[1:])


_OWN_KIND_ONLY = frozenset(("ministry",))


_FIRST_PERSON = ("our ", "my ", "we ")
# What a figure is, never who gives it: "the highest share recorded", "the toll reported"
_NOT_AGENTS = frozenset(
    "share number figure toll total level rate increase rise proportion percentage search".split()
)
_FUNCTION_WORDS = frozenset(("of", "the", "a", "an", "to", "in", "for", "and", "or", "with"))


def _first_person(who: object) -> bool:
    return isinstance(who, str) and who.lower().startswith(_FIRST_PERSON)


# An organisation's name: three to six capitalised words, "of" and "for" between
_ORGANISATION_NAME = re.compile(
    r"(?:[A-Z][\w'’-]+ (?:(?:of|for|and|the) )*){1,5}[A-Z][\w'’-]+(?: \([A-Z]{2,}\))?"
)


def _named_before_in(sentence: str, reference: str) -> str | None:
    """ "... since Sahel Civilian Monitor began documenting, the group said": the name the
    sentence gives before the words that stand for it, when it carries their noun or
    reads as an organisation's (three capitalised words or more)."""
    at = sentence.find(reference)
    names = [m.group() for m in _ORGANISATION_NAME.finditer(sentence, 0, max(0, at))]
    for name in reversed(names):
        words = [w for w in name.split() if w[:1].isupper()]
        if len(words) >= 3 and place_rank(name) is None and _may_stand_for(reference, name):
            return name
    return None


_OPENING_NAME = re.compile(rf"(?:The )?(?P<name>{_ORGANISATION_NAME.pattern})\s+[a-z]")


def _subject_organisation(sentence: str) -> str | None:
    """The organisation a sentence opens with as its subject ("The Emergency Lawyers
    group blamed ..."), which its "it said" stands for; not a place."""
    m = _OPENING_NAME.match(without_dateline(sentence))
    if m is None or place_rank(m["name"]) is not None:
        return None
    name = m["name"]
    words = [w for w in name.split() if w[:1].isupper()]
    return name if len(words) >= 2 or _ORGANISATION.search(name) else None


_UNREAD = object()
# "The following is an unofficial English translation of Statement No. 47 issued by the
# ministry's Health Emergency Operations Centre."
_FOLLOWING_IS = re.compile(
    r"^The following is\b.{0,80}?\b(?i:statement|remarks|speech|briefing|address)\b.{0,40}?"
    r"\b(?:issued |delivered |made |given )?by (?P<who>[^.]{3,100}?)\.?$"
)
# "Her remarks, as delivered, follow." after "..., Lena Hartvig, briefed the Council"
_REMARKS_FOLLOW = re.compile(
    r"^(?:His|Her|Their|The) (?:full )?(?:remarks|statement|speech|briefing|address)"
    r"(?:,? as delivered,?)? follows?\.?$"
)
_INTRODUCED = re.compile(
    rf"(?P<n>{PERSON_NAME}),?\s+(?:briefed|addressed|told|spoke to|delivered)\b"
)
_POSSESSOR = re.compile(rf"(?P<o>{_STANDS_FOR.pattern})['’]s\s", re.IGNORECASE)
# A chat message passed on whole: "[Forwarded from Khor Dileib Locality Health Office]"
_FORWARDED = re.compile(r"^\[?(?:Forwarded (?:message )?from|Fwd from)\s+(?P<who>[^\]\n]{2,80})\]")
_AFTER_STATEMENT = re.compile(r"(?:Editor['’]s note|Note to editors|Notes to editors|Related\b)")


def statement_opening(sentences: list[Sentence]) -> tuple[int, str] | None:
    """Where a statement given whole begins (the index of the sentence that announces
    it) and whose it is, if the article announces one."""
    for i, sentence in enumerate(sentences[:30]):  # an announcement opens the page
        if m := _FORWARDED.match(sentence.text):
            return i - 1, m["who"].strip()  # the mark opens the first sentence passed on
        if m := _FOLLOWING_IS.match(sentence.text):
            return i, m["who"].strip()
        if _REMARKS_FOLLOW.match(sentence.text):
            for k in range(i - 1, max(-1, i - 6), -1):
                if named := _INTRODUCED.search(sentences[k].text):
                    return i, named["n"]
            return None
    return None


class ArticleSpeakers:
    """Speakers of one article's sentences, each worked out when first asked for."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self.sentences = sentences
        self._own: dict[int, str | object | None] = {}
        self._nearest_named: dict[int, int | None] = {}  # see _named_at_or_before
        self._quoted: dict[int, str | None] = {}  # per sentence start, for whole paragraphs
        self._paragraphs: dict[int, list[Sentence]] = {}
        for s in sentences:
            self._paragraphs.setdefault(s.paragraph, []).append(s)
        self._order = sorted(self._paragraphs)  # the paragraphs' numbers, in page order
        self._turns = Turns(self._paragraphs)
        self._statement: tuple[int, int, str] | object | None = _UNREAD

    def at(self, index: int) -> str | None:
        """Who the text says made the claims of sentence `index`; None: the page itself."""
        own = self._own_speaker(index)
        if own is None or own is _LAST or _first_person(own):
            # a transcript's turn: "we", "our teams" and the unattributed are the speaker's
            turn = self._turns.speaker(self.sentences[index].paragraph)
            if turn is not None:
                return turn
            if _first_person(own):
                return None  # "our team registered": the page's own author, as unattributed
        if own is _LAST:
            who = self._last_before(index)
        elif own is _PERSON:
            who = self._last_before(index, person=True)
        elif isinstance(own, _Refers):  # "The agency estimates": the agency just named
            who = (  # one its own sentence names first: "MONUSCO evacuated ..., the mission said"
                _named_before_in(self.sentences[index].text, own)
                or self._last_before(index, own)
                or str(own)
            )
        else:
            who = own
        if who is not None:
            return who  # type: ignore[return-value]
        return (
            self._cited_source(self.sentences[index].paragraph)
            or self._statement_of(index)
            or self._list_source(index)
            or self._section_source(index)
            or self._lede_source(index)
        )

    def _lede_source(self, index: int) -> str | None:
        """A headline's figures are the lede's: "Strike on Idlib camp kills nine" is the
        toll the story's first sentences give, and whoever they say gave it."""
        if index != 0 or not _headline(self.sentences[0].text):
            return None
        for later in range(1, min(len(self.sentences), _LEDE_REACH + 1)):
            if _headline(self.sentences[later].text):
                continue  # a standfirst or a kicker between the headline and the story
            return self.at(later)
        return None

    def _section_source(self, index: int) -> str | None:
        """Who a section's figures are from, for a figure nobody else is named for: the
        "(Source: Ministry of Defence)" line alone under the section's heading, above its
        entries. Never across a heading (a table's title, the next section's)."""
        paragraph = self.sentences[index].paragraph
        upto = bisect_right(self._order, paragraph)
        for p in reversed(self._order[max(0, upto - _SECTION_REACH) : upto]):
            sentences = self._paragraphs[p]
            if len(sentences) == 1 and (m := _SECTION_SOURCE.fullmatch(sentences[0].text.strip())):
                return " ".join(m["who"].split())
            if p != paragraph and is_heading(sentences):
                return None
        return None

    def _list_source(self, index: int) -> str | None:
        """Who gives a list's figures, for an item of it: the line that opens the list
        names them ("Figures compiled by the district disaster committee on 17/11/2025:")."""
        k = index
        while k > 0 and BULLET_LINE.match(self.sentences[k].text):
            k -= 1
        if k == index or not self.sentences[k].text.rstrip().endswith(":"):
            return None
        return self.at(k)

    def _statement_of(self, index: int) -> str | None:
        """Whose statement the sentence is part of, on a page that gives one whole ("The
        following is ... Statement No. 47 issued by the Health Emergency Operations
        Centre", "Her remarks, as delivered, follow."), up to an editor's note."""
        if self._statement is _UNREAD:
            self._statement = self._read_statement()
        if self._statement is None:
            return None
        start, end, who = self._statement  # type: ignore[misc]
        return who if start < index < end else None

    def _read_statement(self) -> tuple[int, int, str] | None:
        """The sentences a statement given whole spans (after its announcement, up to an
        editor's note, where the page speaks again) and whose it is."""
        opening = statement_opening(self.sentences)
        if opening is None:
            return None
        start, who = opening
        after = (k for k in range(start + 1, len(self.sentences))
                 if _AFTER_STATEMENT.match(self.sentences[k].text))  # fmt: skip
        end = next(after, len(self.sentences))
        owner = _POSSESSOR.match(who)
        if owner is not None:  # "the ministry's operations centre": the ministry named before
            who = self._last_before(start, _Refers(owner["o"])) or who
        return start, end, who

    def _cited_source(self, paragraph: int) -> str | None:
        """The one source a paragraph cites in brackets at its end, if just one."""
        last = self._paragraphs[paragraph][-1].text
        m = _SOURCES.search(last[-160:])
        if m is None:
            return None
        entries = [e.strip() for e in m.group(1).split(";") if e.strip()]
        names = {n.strip() for n in _SOURCE_NAME.findall(m.group(1))}
        return names.pop() if len(entries) == 1 and len(names) == 1 else None

    def _last_before(
        self, index: int, reference: str | None = None, *, person: bool = False
    ) -> str | None:
        """The last speaker named before sentence `index` (that `reference` may stand
        for; a person, for "he" or "she").

        Only a name settles it: a sentence that stands for the last speaker,
        or goes on from the one before, repeats a speaker already passed.
        """
        k = self._named_at_or_before(index - 1)
        while k is not None:
            own = self._own_speaker(k)
            if person and _ORGANISATION.search(own):  # type: ignore[arg-type]
                pass  # "she said" after "according to the WHO": not the WHO
            elif reference is None or _may_stand_for(reference, own):  # type: ignore[arg-type]
                return own  # type: ignore[return-value]
            k = self._named_at_or_before(k - 1)
        return None

    def _named_at_or_before(self, index: int) -> int | None:
        """The nearest sentence at or before `index` that names its speaker."""
        return nearest_at_or_before(index, self._names_speaker, self._nearest_named)

    def _names_speaker(self, index: int) -> bool:
        own = self._own_speaker(index)
        return not (own is _LAST or own is _PERSON or not own or isinstance(own, _Refers))

    def _own_speaker(self, index: int) -> str | object | None:
        if index not in self._own:
            self._own[index] = self._read(self.sentences[index])
        return self._own[index]

    def _read(self, sentence: Sentence) -> str | object | None:
        label = self._turns.opens(sentence)
        who = named_speaker(sentence.text[label:])
        pronoun = who is not None and who.strip().lower() in _PRONOUNS
        if (who is None or pronoun) and inside_quote(without_dateline(sentence.text)):
            # "... casualties we verified ...", inside the quotation: the one quoted
            who = self._quoted_in(sentence.paragraph)
            if who is None:
                return _LAST
        if who is None:
            return None
        who = _TRAILING_AUXILIARY.sub("", _TRAILING_TIME.sub("", who)).strip(" ,")
        who = _PROGRESSIVE.sub("", _LEADING_TIME.sub("", who))
        if "\n" in who:
            who = " ".join(who.split())  # a name wrapped at a line's end
        if not who:
            return None
        if who.rsplit(None, 1)[-1].lower() in _NOT_AGENTS:
            return None  # "..., the highest share recorded in any month": a participle
        if who.rsplit(None, 1)[-1].lower() in _FUNCTION_WORDS:
            return None  # "The number of verified casualties": a participle, no speaker
        if _ORDINAL_OF.match(who):
            return None  # "The report, the sixth the Group has published": no speaker
        if _STANDS_FOR.fullmatch(who) and not _NAMED_KIND.search(who):
            return _Refers(who)  # ("the Protection Cluster" is a name, not "the cluster")
        if _THE_SAME.match(who):
            return _LAST  # "According to the same assessment": the source named before
        if who.lower() in ("he", "she"):
            return _PERSON  # the last person named, never an organisation
        if who == "I":
            return None  # "I announced a further £20 million": whoever holds the floor
        return _LAST if who.lower() in _PRONOUNS else who

    def _quoted_in(self, paragraph: int) -> str | None:
        for other in self._paragraphs[paragraph]:
            if other.start not in self._quoted:
                self._quoted[other.start] = quote_speaker(other.text)
            if self._quoted[other.start] is not None:
                return self._quoted[other.start]
        return None
