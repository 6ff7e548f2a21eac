"""The report's exports: CSV, JSON and ClaimReview, checked against the database."""

import csv
import io
import json
import re

import pytest
from click.testing import CliRunner
from pyld import jsonld
from sqlmodel import select

from claims_app.cli import main
from claims_app.db import session_scope
from claims_app.models import AuditEvent, Claim
from claims_app.services import review
from claims_app.services.exports import (
    CSV_COLUMNS,
    RATING_VALUES,
    Export,
    ExportContext,
    claim_statement,
)
from claims_app.services.report import VERDICT_LABELS, ReportFilter, iter_items
from claims_app.services.review import SourceInput, VerdictInput
from tests.helpers import ingest_fixture, judge, make_user

CTX = ExportContext(base_url="https://desk.example.org", org_name="Example Monitor")
VERDICTS = {1: "accurate", 2: "inaccurate", 3: "unverifiable", 4: "false"}
RATIONALE = {4: "=SUM(A1) was the ministry's total"}  # a cell a spreadsheet would run


@pytest.fixture
def approved(engine):
    """Claims 1-4 approved with different verdicts, claim 5 reviewed but not approved."""
    ingest_fixture(engine)
    amina = make_user(engine, "amina", "reviewer")[1]
    ed = make_user(engine, "ed", "editor")[1]
    cited = [
        SourceInput(url="https://example.org/a", title='=HYPERLINK("x")', independent=True),
        SourceInput(url="https://example.org/b", title="Ministry list", relation="contradicts"),
    ]
    for claim_id, rating in [*VERDICTS.items(), (5, "unverifiable")]:
        why = RATIONALE.get(claim_id, "Checked against the lists.")
        judge(engine, claim_id, reviewer=amina,
              verdict=VerdictInput(rating, why, "high", verified_value="12"),
              sources=[] if rating == "unverifiable" else cited,
              approver=ed if claim_id != 5 else None)  # fmt: skip
    return engine


def run(engine, fmt, wanted=None):
    wanted = wanted or ReportFilter()
    return "".join(Export(engine, wanted, fmt, CTX, review.Actor("t")).chunks())


def test_csv_parses_and_matches_the_database(approved):
    rows = list(csv.DictReader(io.StringIO(run(approved, "csv"))))
    assert [int(r["claim_id"]) for r in rows] == [1, 2, 3, 4]
    assert list(rows[0]) == list(CSV_COLUMNS)
    with session_scope(approved) as s:
        for row in rows:
            claim = s.get(Claim, int(row["claim_id"]))
            assert row["quote"] == claim.quote and row["verdict"] == VERDICTS[claim.id]
            assert row["approved"] == "yes" and row["approver"] == "ed"
    first = rows[0]
    assert first["sources_count"] == "2" and first["independent_sources"] == "1"
    assert first["sources"] == (
        'supports, independent, =HYPERLINK("x") <https://example.org/a>, no kept copy | '
        "contradicts, not independent, Ministry list <https://example.org/b>, no kept copy"
    )  # inside the cell, not at its start: a spreadsheet runs no formula
    assert rows[3]["rationale"] == "'=SUM(A1) was the ministry's total"  # defused
    assert first["history_url"] == "https://desk.example.org/claims/1/history"
    with_unapproved = run(approved, "csv", ReportFilter(include_unapproved=True))
    assert len(list(csv.DictReader(io.StringIO(with_unapproved)))) == 5


def test_csv_for_excel_starts_with_a_bom(approved):
    text = "".join(Export(approved, ReportFilter(), "csv", CTX, review.Actor("t"),
                          bom=True).chunks())  # fmt: skip
    assert text.startswith("\ufeffclaim_id,")


def test_json_round_trips_with_sources_verdict_and_history(approved):
    data = json.loads(run(approved, "json", ReportFilter(verdict="inaccurate")))
    assert data["filter"] == {"verdict": "inaccurate"}
    (claim,) = data["claims"]
    assert claim["id"] == 2 and claim["verdict"]["label"] == "Inaccurate"
    assert claim["verdict"]["verified_value"] == 12
    assert [s["relation"] for s in claim["sources"]] == ["supports", "contradicts"]
    assert claim["history"]["events"] >= 4 and claim["history"]["url"].endswith("/2/history")


def _local_schema_org(url, options=None):
    # No network here: schema.org's context is, for these terms, its vocabulary.
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
            "document": {"@context": {"@vocab": "https://schema.org/"}}}  # fmt: skip


def test_claimreview_expands_and_has_every_field(approved):
    reviews = json.loads(run(approved, "claimreview"))
    assert len(reviews) == 4
    expanded = jsonld.expand(reviews, {"documentLoader": _local_schema_org})
    assert len(expanded) == 4
    s = "https://schema.org/"
    for item, node in zip(reviews, expanded, strict=True):
        assert node["@type"] == [s + "ClaimReview"]
        rating = item["reviewRating"]
        assert 1 <= rating["ratingValue"] <= 5 and rating["bestRating"] == 5
        assert rating["worstRating"] == 1 and rating["alternateName"] in VERDICT_LABELS.values()
        assert 0 < len(item["claimReviewed"]) < 75
        assert rating["alternateName"].lower() not in item["claimReviewed"].lower()
        assert item["itemReviewed"]["@type"] == "Claim" and item["itemReviewed"]["author"]["name"]
        assert item["itemReviewed"]["datePublished"] == "2021-03-12"
        assert item["author"]["name"] == "Example Monitor"
        assert item["url"].startswith("https://desk.example.org/claims/")
        assert node[s + "reviewRating"][0][s + "ratingValue"][0]["@value"] == rating["ratingValue"]
    assert [r["reviewRating"]["ratingValue"] for r in reviews] == [
        RATING_VALUES[VERDICTS[i]] for i in (1, 2, 3, 4)
    ]


def test_claim_statement_is_short_and_plain(approved):
    with session_scope(approved):
        items = list(iter_items(approved, ReportFilter()))
    assert claim_statement(items[0]) == "At least 14 civilians killed in Ebrimsa on 2021-03-11"
    assert all(len(claim_statement(i, 30)) <= 30 for i in items)


def test_each_export_is_audited_with_its_row_count(approved):
    run(approved, "json", ReportFilter(category="killed"))
    with session_scope(approved) as s:
        event = s.exec(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert event.kind == "report.exported" and event.actor == "t"
    assert event.after["format"] == "json" and event.after["filter"] == {"category": "killed"}
    assert event.after["complete"] is True
    assert event.after["rows"] == len(
        json.loads(run(approved, "json", ReportFilter(category="killed")))["claims"]
    )


def test_cli_exports_each_format(approved, database_url, tmp_path):
    env = {"DATABASE_URL": database_url, "CLAIMS_ORG_NAME": "Example Monitor"}
    for fmt in ("csv", "json", "claimreview", "html"):
        out = tmp_path / f"report.{fmt}"
        result = CliRunner().invoke(main, ["export", "--format", fmt, "-o", str(out)], env=env)
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 0
    html = (tmp_path / "report.html").read_text()
    assert "Verified claims report" in html and "Example Monitor" in html
    assert html.count('class="report-claim"') == 4 and "/claims/1/history" in html
    bad = CliRunner().invoke(main, ["export", "--from", "soon"], env=env)
    assert bad.exit_code != 0 and "date from must be a date" in bad.output


def _statement(**fields):
    from types import SimpleNamespace

    empty = ("value_max", "qualifier", "subject", "unit", "category", "location", "event_date")
    claim = dict.fromkeys(empty) | {"value": 22.0, "quote": "x"} | fields
    return claim_statement(SimpleNamespace(claim=SimpleNamespace(**claim)))


@pytest.mark.parametrize(
    ("fields", "statement"),
    [
        ({"subject": "others wounded", "category": "injured", "location": "Bara"},
         "22 others wounded in Bara"),
        ({"subject": "civilians", "category": "injured"}, "22 civilians injured"),
        ({"subject": "people", "category": "killed", "qualifier": "at_least",
          "event_date": "2021-03-01/2021-03-12"},
         "At least 22 people killed between 2021-03-01 and 2021-03-12"),
        ({"subject": "deaths", "category": "killed", "event_date": "2021-03"},
         "22 deaths in 2021-03"),
    ],
)  # fmt: skip
def test_claim_statements_read_as_sentences(fields, statement):
    assert _statement(**fields) == statement


def test_links_point_at_the_published_report_when_there_is_one(approved):
    public = ExportContext(base_url="https://desk.example.org", org_name="Example Monitor",
                           public_url="https://example.org/reports/march")  # fmt: skip
    export = Export(approved, ReportFilter(), "claimreview", public, review.Actor("t"))
    reviews = json.loads("".join(export.chunks()))
    urls = [r["url"] for r in (reviews if isinstance(reviews, list) else reviews["@graph"])]
    assert urls and all(
        re.fullmatch(r"https://example.org/reports/march#claim-\d+", u) for u in urls
    )
    desk = json.loads(run(approved, "claimreview"))
    urls = [r["url"] for r in (desk if isinstance(desk, list) else desk["@graph"])]
    assert all(re.fullmatch(r"https://desk.example.org/claims/\d+", u) for u in urls)


def test_the_chart_colours_each_verdict_and_names_it(approved):
    from claims_app.models import Rating
    from claims_app.services.report import Summary, verdict_chart

    summary = Summary()
    for item in iter_items(approved, ReportFilter()):
        summary.add(item)
    chart = verdict_chart(summary)
    fills = dict(re.findall(r'class="bar (\w+)"[^>]*fill="(#[0-9a-f]{6})"', chart))
    assert set(fills) == {r.value for r in Rating}
    assert len(set(fills.values())) == len(fills)  # one colour per verdict
    for rating in fills:
        assert VERDICT_LABELS[rating] in chart  # the name beside the colour


def _keep(engine, source_id, body, at):
    from claims_app.evidence.fetching import Fetched
    from claims_app.services import evidence

    got = Fetched(url="https://example.org/a", final_url="https://example.org/a", status=200,
                  content_type="text/plain", body=body, fetched_at=at)  # fmt: skip
    with session_scope(engine, write=True) as s:
        evidence.keep_outcome(s, source_id, got, url=got.url, actor=review.Actor("worker"),
                              read=evidence.read_copy(got))  # fmt: skip


def test_exports_carry_each_sources_kept_copy_hash_and_time(approved):
    from datetime import UTC, datetime
    from hashlib import sha256

    from claims_app.models import Source

    with session_scope(approved) as s:
        first = s.exec(select(Source).where(Source.claim_id == 1).order_by(Source.id)).first()
    cited, edited = b"Fourteen civilians were killed.", b"Eleven civilians were killed."
    _keep(approved, first.id, cited, datetime(2026, 12, 1, 9, 30, tzinfo=UTC))
    _keep(approved, first.id, edited, datetime(2026, 12, 2, 9, 30, tzinfo=UTC))
    row = next(csv.DictReader(io.StringIO(run(approved, "csv"))))
    assert row["sources"].startswith(
        f'supports, independent, =HYPERLINK("x") <https://example.org/a>, kept sha256:'
        f"{sha256(cited).hexdigest()} 2026-12-01T09:30:00.000000Z, changed since cited: sha256:"
        f"{sha256(edited).hexdigest()} 2026-12-02T09:30:00.000000Z | "
    )
    record = json.loads(run(approved, "json"))["claims"][0]
    kept = record["sources"][0]["kept_copy"]
    assert kept == {
        "sha256": sha256(cited).hexdigest(), "kept_at": "2026-12-01T09:30:00.000000Z",
        "file_name": None, "url": f"https://desk.example.org/claims/1/sources/{first.id}/copy",
        "changed_since_cited": True, "newest_sha256": sha256(edited).hexdigest(),
        "newest_kept_at": "2026-12-02T09:30:00.000000Z",
    }  # fmt: skip
    assert record["sources"][1]["kept_copy"] is None
