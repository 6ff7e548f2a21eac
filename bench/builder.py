"""Large synthetic databases for the benchmarks, built with bulk inserts.

`build(url, n, approved=...)` fills a freshly migrated database with one
document, n/100 articles and n claims with varied categories, places, dates
and check-worthiness; the first `approved` of them approved with a verdict and
a source. Text is short and made up; the point is the size.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, text

from claims_app.db import make_engine, session_scope
from claims_app.migrate import upgrade
from claims_app.models import Article, Claim, Document, Source, User, Verdict

CHUNK = 10_000


def empty_database(url: str) -> None:
    """Start afresh: a SQLite file removed, or a PostgreSQL database's public schema
    dropped and made again (never point a benchmark at real data)."""
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
        return
    with make_engine(url).begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))


def build(url: str, n: int, *, approved: int | None = None) -> None:
    approved = n if approved is None else approved
    upgrade(url)
    engine = make_engine(url)
    now = datetime.now(UTC)
    with session_scope(engine, write=True) as s:
        s.execute(insert(User.__table__), [
            {"id": i, "username": name, "display_name": name, "password_hash": "x", "role": role,
             "active": True, "created_at": now}
            for i, (name, role) in enumerate([("rev", "reviewer"), ("ed", "editor")], start=1)
        ])  # fmt: skip
        s.execute(insert(Document.__table__), [{
            "id": 1, "origin": "bench.txt", "sha256": "0" * 64, "media_type": "text/plain",
            "size_bytes": 0, "text": "", "ingested_at": now, "ingested_by": "bench"}])  # fmt: skip
        articles = max(1, n // 100)
        s.execute(insert(Article.__table__), [
            {"id": a, "document_id": 1, "position": a - 1, "title": f"Item {a}",
             "published_on": date(2023, 1, 1 + a % 28), "start_offset": 0,
             "body": "At least 26 civilians were killed.", "body_sha256": "0" * 64}
            for a in range(1, articles + 1)
        ])  # fmt: skip
    for start in range(1, n + 1, CHUNK):
        ids = range(start, min(n, start + CHUNK - 1) + 1)
        with session_scope(engine, write=True) as s:
            rows = [_claim(i, articles, now, i <= approved) for i in ids]
            s.execute(insert(Claim.__table__), rows)
            done = [i for i in ids if i <= approved]
            if not done:
                continue
            s.execute(insert(Verdict.__table__), [
                {"id": i, "claim_id": i, "rating": "accurate", "rationale": "Matches the list.",
                 "confidence": "high", "given_by_id": 1, "given_at": now, "approved_by_id": 2,
                 "approved_at": now, "current": True} for i in done])  # fmt: skip
            s.execute(insert(Source.__table__), [
                {"id": i, "claim_id": i, "url": f"https://example.org/{i}", "title": "List",
                 "relation": "supports", "independent": True, "added_by_id": 1, "added_at": now}
                for i in done])  # fmt: skip
    if engine.dialect.name == "postgresql":  # ids were given: move the sequences past them
        with engine.begin() as conn:
            for table in ("users", "documents", "articles", "claims", "verdicts", "sources"):
                conn.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT coalesce(max(id), 0) + 1 FROM {table}), false)"))  # fmt: skip
        # Statistics and the visibility map, as a live database has them:
        # PostgreSQL's autovacuum vacuums and analyses a table within minutes of
        # a bulk load, but the benchmark starts at once. (SQLite gathers no
        # statistics on its own, and the app does not ask it to.)
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
    engine.dispose()


_CATEGORIES = ("killed", "injured", "displaced", "detained", "at_risk", "attacks", "other")
_PLACES = ("Idlib", "Aleppo", "Kafranbel", "Tarev", "Ebrimsa", "Orvano", "Dourou", "Jacmel")
_WORDS = ("civilians", "children", "people", "families", "detainees", "residents")


def _claim(i: int, articles: int, now: datetime, approved: bool) -> dict:
    rng = random.Random(i)
    value = rng.randint(2, 5000)
    word, place = rng.choice(_WORDS), rng.choice(_PLACES)
    day = date(2020, 1, 1) + timedelta(days=rng.randint(0, 1800))
    quote = f"at least {value} {word}"
    return {
        "id": i, "article_id": 1 + i % articles, "kind": "numeric", "quote": quote,
        "start_offset": 0, "end_offset": len(quote),
        "sentence": f"Officials said {quote} were affected in {place} on {day:%d %B %Y}.",
        "value": float(value), "qualifier": "at_least", "unit": "people",
        "category": rng.choice(_CATEGORIES), "subject": word, "location": place,
        "event_date": day.isoformat(), "event_date_start": day, "event_date_end": day,
        "attributed_to": "Officials", "check_worthiness": rng.choice((0.45, 0.6, 0.75, 0.9)),
        "extractor_version": "bench", "status": "approved" if approved else "new",
        "version": 3 if approved else 1, "created_at": now, "updated_at": now,
    }  # fmt: skip
