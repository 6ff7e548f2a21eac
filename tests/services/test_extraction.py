from dataclasses import replace

import pytest
from sqlmodel import select

import claims_app.services.extraction as extraction
from claims_app.db import session_scope
from claims_app.extraction.claims import EXTRACTOR_VERSION, extract_claims
from claims_app.models import Article, AuditEvent, Claim, Comment, utcnow
from claims_app.services.accounts import create_user
from claims_app.services.actors import Actor
from claims_app.services.audit import EventKind, verify_chain
from claims_app.services.intake import ingest_document
from tests.conftest import FIXTURE_PAGES

ACTOR = Actor(name="tester")


def _ingest(engine, name="karun-field-updates-2021-03.txt"):
    with session_scope(engine, write=True) as s:
        return ingest_document(
            s,
            data=(FIXTURE_PAGES / name).read_bytes(),
            origin=name,
            actor=ACTOR,
            max_bytes=2**24,
        )


def _claims(engine) -> list[Claim]:
    with session_scope(engine) as s:
        return list(s.exec(select(Claim).order_by(Claim.id)).all())


def _reextract(engine) -> extraction.ReextractTally:
    tally = extraction.ReextractTally()  # as `claims reextract` does: an article at a time
    extraction.reextract_stored_document(engine, 1, actor=ACTOR, tally=tally)
    return tally


def test_ingest_stores_claims_with_version_links_and_one_event_each(engine):
    result = _ingest(engine)
    claims = _claims(engine)
    assert result.claims == len(claims) > 10
    assert {c.extractor_version for c in claims} == {EXTRACTOR_VERSION}
    toll = next(c for c in claims if c.quote == "at least 14 civilians")
    child = next(c for c in claims if c.quote == "six children")
    assert child.part_of_id == toll.id
    with session_scope(engine) as s:
        events = s.exec(select(AuditEvent).where(AuditEvent.kind == "claim.extracted")).all()
        assert {e.claim_id for e in events} == {c.id for c in claims}
        assert verify_chain(s).ok


def test_reextract_with_the_same_extractor_changes_nothing(engine):
    _ingest(engine)
    before = [(c.id, c.quote, c.version) for c in _claims(engine)]
    tally = _reextract(engine)
    assert (tally.updated, tally.added, tally.removed) == (0, 0, 0)
    assert [(c.id, c.quote, c.version) for c in _claims(engine)] == before


def test_newer_extractor_keeps_reviewed_work(engine, monkeypatch):
    _ingest(engine)
    claims = _claims(engine)
    reviewed = next(c for c in claims if c.quote == "Some 12,500 people")
    untouched = next(c for c in claims if c.quote == "more than 40 shells")
    relabelled = next(c for c in claims if c.quote == "27 attacks")
    with session_scope(engine, write=True) as s:
        author = create_user(
            s, username="rev", password="long-enough", role="reviewer", actor=ACTOR
        )
        s.add(
            Comment(claim_id=reviewed.id, author_id=author.id, body="checking", created_at=utcnow())
        )

    def newer(text, article_date, **options):
        found = extract_claims(text, article_date, **options)
        dropped = ("Some 12,500 people", "more than 40 shells")
        keep = [i for i, c in enumerate(found) if c.quote not in dropped]
        new_index = {old: new for new, old in enumerate(keep)}  # sub-counts keep their totals
        kept = [replace(found[i], part_of=new_index.get(found[i].part_of)) for i in keep]
        kept = [replace(c, category="other") if c.quote == "27 attacks" else c for c in kept]
        if "Dozens of families" in text:
            kept.append(replace(kept[0], start=0, end=5, quote=text[:5], value=999.0, part_of=None))
        return kept

    monkeypatch.setattr(extraction, "extract_claims", newer)
    tally = _reextract(engine)
    assert (tally.removed, tally.protected, tally.updated, tally.added) == (1, 1, 1, 1)

    after = {c.id: c for c in _claims(engine)}
    assert reviewed.id in after  # a comment protects it
    assert untouched.id not in after
    assert after[relabelled.id].category == "other" and after[relabelled.id].version == 2
    with session_scope(engine) as s:
        kinds = [e.kind for e in s.exec(select(AuditEvent).order_by(AuditEvent.id)).all()]
        assert kinds[-4:].count(EventKind.CLAIM_REMOVED) == 1
        assert EventKind.CLAIM_REEXTRACTED in kinds
        assert verify_chain(s).ok


def test_extracted_fields_longer_than_their_columns_are_cut_not_refused(engine):
    word = "Z" + "a" * 300
    page = f"Bulletin\n\n12 March 2021\n\nOfficials said 40 {word.lower()} were killed in {word}.\n"
    with session_scope(engine, write=True) as s:
        ingest_document(s, data=page.encode(), origin="long.txt", actor=ACTOR, max_bytes=2**20)
    (claim,) = _claims(engine)
    assert claim.value == 40 and len(claim.unit) <= 64 and claim.unit.endswith("…")
    assert claim.location is None or len(claim.location) <= 256
    tally = _reextract(engine)
    assert (tally.updated, tally.added, tally.removed) == (0, 0, 0)  # cut the same way each time


def test_a_reviewed_claim_the_newer_extractor_reads_differently_is_left_and_counted(
    engine, monkeypatch
):
    _ingest(engine)
    reviewed = next(c for c in _claims(engine) if c.quote == "27 attacks")
    with session_scope(engine, write=True) as s:
        author = create_user(
            s, username="rev", password="long-enough", role="reviewer", actor=ACTOR
        )
        s.add(Comment(claim_id=reviewed.id, author_id=author.id, body="seen", created_at=utcnow()))

    def newer(text, article_date, **options):
        return [
            replace(c, category="other", location="Elsewhere") if c.quote == "27 attacks" else c
            for c in extract_claims(text, article_date, **options)
        ]

    monkeypatch.setattr(extraction, "extract_claims", newer)
    tally = _reextract(engine)
    assert (tally.held, tally.updated) == (1, 0)
    assert "1 kept as reviewed (1 read differently now, 0 no longer found)" in tally.summary()
    after = next(c for c in _claims(engine) if c.id == reviewed.id)
    assert (after.category, after.location, after.version) == (
        reviewed.category,
        reviewed.location,
        reviewed.version,
    )


def test_a_reextract_cut_short_leaves_whole_articles_and_a_rerun_finishes(engine, monkeypatch):
    _ingest(engine)
    extracted_as = {c.id: c.category for c in _claims(engine)}
    calls = []

    def newer(
        text, article_date, **options
    ):  # reads every figure as "other"; dies on the 2nd article
        calls.append(text)
        if len(calls) == 2:
            raise KeyboardInterrupt  # the process stopped (Ctrl-C, a kill) mid-document
        return [replace(c, category="other") for c in extract_claims(text, article_date, **options)]

    monkeypatch.setattr(extraction, "extract_claims", newer)
    with pytest.raises(KeyboardInterrupt):
        _reextract(engine)
    by_article: dict[int, list[Claim]] = {}
    for claim in _claims(engine):
        by_article.setdefault(claim.article_id, []).append(claim)
    assert len(by_article) > 2
    first, *rest = (by_article[a] for a in sorted(by_article))
    assert {c.category for c in first} == {"other"}  # the first article re-read, written whole
    rest = [c for claims in rest for c in claims]
    assert [c.category for c in rest] == [extracted_as[c.id] for c in rest]  # as they were
    calls.append("past the failure")
    tally = _reextract(engine)
    assert {c.category for c in _claims(engine)} == {"other"}
    assert tally.kept == len(first) + sum(1 for c in rest if c.category == "other")
    assert tally.updated == sum(1 for c in rest if c.category != "other")
    with session_scope(engine) as s:
        assert verify_chain(s).ok


def test_a_report_s_data_day_is_stored_and_reextraction_dates_its_periods_alike(engine):
    page = (
        b"SAHEL: Central Region\nHumanitarian Snapshot (as of 30 September 2026)\n\n"
        b"More than 21,000 people have been displaced since 2024, local authorities said.\n\n"
        b"Creation date: 4 October 2026   Sources: DTM, FTS\n"
    )
    with session_scope(engine, write=True) as s:
        ingest_document(s, data=page, origin="snapshot.txt", actor=ACTOR, max_bytes=2**24)
    with session_scope(engine) as s:
        article = s.exec(select(Article)).one()
        assert (article.published_on.isoformat(), article.data_day.isoformat()) == (
            "2026-10-04",
            "2026-09-30",
        )
    (claim,) = _claims(engine)
    assert claim.event_date == "2024-01-01/2026-09-30"
    tally = _reextract(engine)
    assert (tally.updated, tally.added, tally.removed) == (0, 0, 0)
