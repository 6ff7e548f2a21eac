"""Precision and recall of finding a claim's figure in a source's text.

    python bench/evidence_matching.py [fixtures/evidence/pairs_dev.jsonl ...] [--misses]

Each line of a pairs file is a claim (its sentence, quote and fields, as the desk
stores them) and a source's text, labelled with whether the source gives the claim's
figure and, when it does, the exact text of every figure in it that agrees (see
fixtures/evidence/README.md). The source is searched as the desk searches a kept
copy (evidence/finding.py). Per pair:

- a true find: the source holds the figure, and a figure found overlaps a labelled one;
- a false find: something found, but the source does not hold the figure, or nothing
  found overlaps what does;
- a miss: the source holds the figure and no figure found overlaps it.

Precision = true finds / pairs where something was found; recall = true finds /
pairs that hold the figure. Prints the counts each rests on.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from claims_app.evidence.finding import Found, find_figure
from claims_app.incidents.matching import Report

REPO = Path(__file__).resolve().parents[1]
DEFAULT = [REPO / "fixtures/evidence/pairs_dev.jsonl"]


def wanted(claim: dict) -> Report:
    first, last = _days(claim.get("event_date"))
    return Report(
        category=claim.get("category"), unit=claim.get("unit"), location=claim.get("location"),
        start=first, end=last, subject=claim.get("subject"), value=claim.get("value"),
        value_max=claim.get("value_max"), qualifier=claim.get("qualifier"), quote=claim["quote"],
    )  # fmt: skip


def _days(iso: str | None) -> tuple[date | None, date | None]:
    """ "2024-05-03", "2024-05-01/2024-05-09"; a bare year or month names no day."""
    if not iso:
        return None, None
    parts = iso.split("/")
    try:
        days = [date.fromisoformat(p) for p in parts]
    except ValueError:
        return None, None
    return days[0], days[-1]


def _spans(text: str, quotes: list[str]) -> list[tuple[int, int]]:
    spans = []
    for quote in quotes:
        at = text.find(quote)
        while at >= 0:
            spans.append((at, at + len(quote)))
            at = text.find(quote, at + 1)
    return spans


def _overlaps(found: Found, spans: list[tuple[int, int]]) -> bool:
    return any(found.start < end and start < found.end for start, end in spans)


def score(path: Path, misses: bool) -> tuple[int, int, int]:
    """(true finds, pairs with a find, pairs that hold the figure)."""
    true_finds = finds = holds = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        pair = json.loads(line)
        found = find_figure(wanted(pair["claim"]), pair["source"])
        labelled = _spans(pair["source"], pair.get("figures") or [])
        hit = pair["holds"] and any(_overlaps(f, labelled) for f in found)
        holds += bool(pair["holds"])
        finds += bool(found)
        true_finds += hit
        if misses and (bool(found) != hit or (pair["holds"] and not hit)):
            what = "MISS " if pair["holds"] and not hit else "FALSE"
            print(f"  {what} {pair['id']}: claim {pair['claim']['quote']!r} "
                  f"({pair['claim'].get('category')}); labelled {pair.get('figures')}; "
                  f"found {[(f.quote, f.reason[:40]) for f in found]}")  # fmt: skip
    return true_finds, finds, holds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--misses", action="store_true", help="list every miss and false find")
    args = parser.parse_args(argv)
    for path in args.files:
        true_finds, finds, holds = score(path, args.misses)
        precision = true_finds / finds if finds else float("nan")
        recall = true_finds / holds if holds else float("nan")
        print(f"{path.name}: precision {precision:.2f} ({true_finds}/{finds} finds), "
              f"recall {recall:.2f} ({true_finds}/{holds} pairs holding the figure)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
