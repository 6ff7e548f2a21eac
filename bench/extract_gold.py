"""Extraction quality on pages labelled in the shared GOLD format, by the shared scorer.

    python bench/extract_gold.py [--misses]

Scores, with `../shared/devset/score.py` (the scorer the dev set comes with, so
that every figure here is measured the same way):
- the shared dev set, `../shared/devset/` (pages by other hands);
- each folder of `fixtures/gold/` (pages written and labelled for this project
  by helpers who never saw the extractor; see fixtures/gold/README.md for which
  were held out and when they were first scored).

Prints one line per set: how many claims its figures rest on, then recall,
precision and per-field accuracy; then "all", every set pooled, and "pre-X", every
set but the newest round's (X), to compare with "all" as it read before that round
came. Without the shared scorer it says so and stops.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEVSET = REPO.parent / "shared" / "devset"
SCORER = DEVSET / "score.py"
FIELDS = ["value", "qualifier", "category", "event_date", "location", "attributed_to",
          "article_date"]  # fmt: skip


def score(folder: Path, misses: bool) -> dict:
    cmd = [sys.executable, str(SCORER), str(REPO), "--dir", str(folder)]
    if misses:
        cmd.append("--misses")
    run = subprocess.run(cmd, capture_output=True, text=True, check=True)
    lines = run.stdout.strip().splitlines()
    if misses:
        print("\n".join(lines[:-1]))
    return json.loads(lines[-1])


def row(name: str, r: dict) -> str:
    fields = " ".join(f"{f.split('_')[0][:5]} {r['acc_' + f]:.3f}" for f in FIELDS)
    return (
        f"{name:8} numeric {r['numeric_gold']:3} R {r['numeric_recall']:.3f} "
        f"P {r['numeric_precision']:.3f} | date {r['date_gold']:2} R {r['date_recall']:.3f} "
        f"P {r['date_precision']:.3f} | {fields}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list misses and wrong fields")
    args = parser.parse_args()
    if not SCORER.exists():
        print(f"no shared scorer at {SCORER}: GOLD-format sets not scored")
        return
    sets = [("dev", DEVSET)] + [
        (d.name, d) for d in sorted((REPO / "fixtures" / "gold").iterdir()) if d.is_dir()
    ]
    results = []
    for name, folder in sets:
        results.append(score(folder, args.misses))
        print(row(name, results[-1]), flush=True)
    print(row("all", pooled(results)))
    # Every set but the newest round's: the same claims as "all" before that round came
    newest = sets[-1][0].rstrip("0123456789")
    older = [r for (name, _), r in zip(sets, results, strict=True) if not name.startswith(newest)]
    if 0 < len(older) < len(results):
        print(row(f"pre-{newest}", pooled(older)))


def pooled(results: list[dict]) -> dict:
    """Every set's claims together: recall over all gold claims, precision over all
    predictions, each field over all matched claims (the sets weighted by their size)."""
    out: dict = {}
    found = {}
    for kind in ("numeric", "date", "event"):
        gold = sum(r[f"{kind}_gold"] for r in results)
        pred = sum(r[f"{kind}_pred"] for r in results)
        found[kind] = [round(r[f"{kind}_recall"] * r[f"{kind}_gold"]) for r in results]
        right = sum(round(r[f"{kind}_precision"] * r[f"{kind}_pred"]) for r in results)
        out[f"{kind}_gold"], out[f"{kind}_pred"] = gold, pred
        out[f"{kind}_recall"] = sum(found[kind]) / gold if gold else 0.0
        out[f"{kind}_precision"] = right / pred if pred else 0.0
    matched = sum(found["numeric"]) or 1
    for field in FIELDS:
        out["acc_" + field] = (
            sum(r["acc_" + field] * n for r, n in zip(results, found["numeric"], strict=True))
            / matched
        )
    return out


if __name__ == "__main__":
    main()
