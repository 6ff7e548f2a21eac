"""Pairwise precision and recall of incident grouping and conflict flags.

    python bench/incident_quality.py [fixtures/incidents/dev fixtures/incidents/heldout ...]

Each folder holds pages (*.txt) and labels.json: every figure of the pages with
its exact quote, its kind and the slug of the event it counts, and the pairs of
figures whose counts cannot both be true (see fixtures/incidents/README.md).
The pages are ingested into a throwaway SQLite database, as `claims ingest`
would; each labelled figure is matched to the claim whose quote overlaps it on
its page. Then, over every pair of labelled figures:

- grouping: predicted "same incident" when both claims are in one incident;
  labelled "same" when both carry one slug;
- conflicts: predicted when both are in one incident and their figures
  conflict (incidents/matching.py); labelled by the "conflicts" list.

Figures the extractor did not find count as placed in no incident (they cost
recall), and are listed. Prints the counts each figure rests on.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from itertools import combinations
from pathlib import Path

from sqlmodel import select

from claims_app.db import make_engine, session_scope
from claims_app.incidents.matching import conflict
from claims_app.migrate import upgrade
from claims_app.models import Article, Claim, Document
from claims_app.services.actors import Actor
from claims_app.services.incidents import as_report, report_rows
from claims_app.services.intake import prepare, store

REPO = Path(__file__).resolve().parents[1]


def ingest(url: str, folder: Path) -> None:
    engine = make_engine(url)
    for page in sorted(folder.glob("*.txt")):
        store(engine, prepare(page.read_bytes(), origin=page.name, max_bytes=2**24),
              actor=Actor.cli())  # fmt: skip
    engine.dispose()


def claims_by_page(url: str) -> dict[str, list]:
    """Each page's claims: (quote start in the page's text, end, report row)."""
    engine = make_engine(url)
    found: dict[str, list] = {}
    with session_scope(engine) as s:
        rows = s.exec(
            select(Claim.id, Claim.start_offset, Claim.end_offset, Article.start_offset,
                   Document.origin, Document.text)
            .join(Article, Article.id == Claim.article_id)
            .join(Document, Document.id == Article.document_id)
        ).all()  # fmt: skip
        reports = {r.id: r for r in report_rows(s, [r[0] for r in rows])}
        for claim_id, start, end, article_start, origin, _text in rows:
            row = reports[claim_id]
            found.setdefault(origin, []).append((article_start + start, article_start + end, row))
    engine.dispose()
    return found


def locate(folder: Path, figure: dict, claims: dict[str, list]):
    """The claim whose span overlaps the labelled quote's (first occurrence)."""
    text = (folder / figure["page"]).read_text()
    at = text.find(figure["quote"])
    if at < 0:
        sys.exit(f"{folder}/{figure['page']}: quote not found: {figure['quote']!r}")
    end = at + len(figure["quote"])
    for start, stop, row in claims.get(figure["page"], []):
        if start < end and at < stop:
            return row
    return None


def score(folder: Path) -> dict:
    labels = json.loads((folder / "labels.json").read_text())
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/quality.db"
        upgrade(url)
        ingest(url, folder)
        claims = claims_by_page(url)
    figures = labels["figures"]
    rows = {f["id"]: locate(folder, f, claims) for f in figures}
    gold_conflicts = {frozenset(p) for p in labels["conflicts"]}
    counts = {k: 0 for k in ("tp", "fp", "fn", "ctp", "cfp", "cfn")}
    wrong: list[str] = []
    for a, b in combinations(figures, 2):
        ra, rb = rows[a["id"]], rows[b["id"]]
        gold = a["incident"] == b["incident"]
        same = ra is not None and rb is not None and ra.incident_id is not None and (
            ra.incident_id == rb.incident_id)  # fmt: skip
        counts["tp"] += same and gold
        counts["fp"] += same and not gold
        counts["fn"] += gold and not same
        flagged = same and conflict(as_report(ra), as_report(rb))
        wanted = frozenset((a["id"], b["id"])) in gold_conflicts
        counts["ctp"] += flagged and wanted
        counts["cfp"] += flagged and not wanted
        counts["cfn"] += wanted and not flagged
        if same != gold or flagged != wanted:
            what = ("grouped, should not be" if same and not gold else "not grouped, should be"
                    if gold and not same else "conflict flag wrong")  # fmt: skip
            wrong.append(f"{what}: {_said(a, ra)} | {_said(b, rb)}")
    missing = [f"{f['page']}: {f['quote']}" for f in figures if rows[f["id"]] is None]
    counts["wrong"] = wrong  # type: ignore[assignment]
    return {"folder": str(folder), "figures": len(figures), "missing": missing,
            "same_pairs": sum(1 for a, b in combinations(figures, 2)
                              if a["incident"] == b["incident"]),
            "conflict_pairs": len(gold_conflicts), **counts}  # fmt: skip


def _said(figure: dict, row) -> str:
    if row is None:
        return f"{figure['page']} “{figure['quote']}” (not extracted)"
    return (
        f"{figure['page']} “{figure['quote']}” [{row.category}, {row.location}, "
        f"{row.event_date_start or f'(context) {row.context_start}'}/"
        f"{row.event_date_end or row.context_end}, "
        f"{row.subject}]"
    )


def _ratio(num: int, den: int) -> str:
    return f"{num / den:.2f}" if den else "n/a"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="print each wrong pair")
    parser.add_argument("folders", nargs="*", type=Path,
                        default=[REPO / "fixtures/incidents/dev"])  # fmt: skip
    args = parser.parse_args()
    for folder in args.folders:
        r = score(folder)
        print(f"{r['folder']}: {r['figures']} labelled figures, {r['same_pairs']} same-incident "
              f"pairs, {r['conflict_pairs']} conflict pairs")  # fmt: skip
        print(
            f"  grouping   precision {_ratio(r['tp'], r['tp'] + r['fp'])}  "
            f"recall {_ratio(r['tp'], r['tp'] + r['fn'])}  "
            f"(tp {r['tp']}, fp {r['fp']}, fn {r['fn']})"
        )
        print(
            f"  conflicts  precision {_ratio(r['ctp'], r['ctp'] + r['cfp'])}  "
            f"recall {_ratio(r['ctp'], r['ctp'] + r['cfn'])}  "
            f"(tp {r['ctp']}, fp {r['cfp']}, fn {r['cfn']})"
        )
        for line in r["missing"]:
            print(f"  not extracted: {line}")
        for line in r["wrong"] if args.misses else []:
            print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
