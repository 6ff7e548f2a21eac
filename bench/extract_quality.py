"""Extraction quality against hand-labelled pages: recall, precision, per-field accuracy.

    python bench/extract_quality.py [--details]

Labels live in fixtures/expected/claims/*.json, one file per page:
- "page": a path under fixtures/ ("pages/x.txt", "heldout/y.txt"), or
  "corpus:NAME" for ../shared/corpus/NAME (reported only when it is there);
- "heldout": true for pages labelled before the extractor ever ran on them;
- "article_dates": the expected date of each article, by position;
- "claims": each with "article", "kind", where it is ("anchor": text to find in
  that article, or "span": [start, end] offsets into the page, used for pages
  whose text is not ours to copy) and the expected fields. A field given as a
  list accepts any of its values; null means "nothing should be there".

A prediction matches a label when the kinds agree and the prediction's span
holds the label's anchor (for events: the spans overlap). Each label matches
at most one prediction.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from claims_app.extraction.decode import read_page
from claims_app.extraction.page_claims import extract_page
from claims_app.extraction.pages import split_page

REPO = Path(__file__).resolve().parents[1]
LABELS = REPO / "fixtures" / "expected" / "claims"
CORPUS = REPO.parent / "shared" / "corpus"
FIELDS = ["value", "qualifier", "category", "event_date", "location", "attributed_to",
          "article_date"]  # fmt: skip
TARGETS = {"value": 0.98, "qualifier": 0.95, "category": 0.90, "event_date": 0.90,
           "location": 0.85, "attributed_to": 0.85, "article_date": 0.98}  # fmt: skip


def page_path(name: str) -> Path:
    if name.startswith("corpus:"):
        return CORPUS / name.removeprefix("corpus:")
    return REPO / "fixtures" / name


def norm(value: object) -> object:
    if isinstance(value, str):
        text = re.sub(r"\s+", " ", value.strip(" ,.;:“”\"'").lower())
        return re.sub(r"^(?:the|a|an) ", "", text)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def accepts(expected: object, got: object) -> bool:
    options = expected if isinstance(expected, list) else [expected]
    return any(norm(o) == norm(got) for o in options)


def label_span(label: dict, text: str, articles: list) -> tuple[int, int]:
    if "span" in label:
        return tuple(label["span"])
    article = articles[label["article"]]
    start = article.start
    for _ in range(label.get("nth", 1)):
        start = text.index(label["anchor"], start, article.end) + 1
    return start - 1, start - 1 + len(label["anchor"])


@dataclass
class Tally:
    expected: dict = field(default_factory=lambda: defaultdict(int))
    predicted: dict = field(default_factory=lambda: defaultdict(int))
    matched: dict = field(default_factory=lambda: defaultdict(int))
    fields_ok: dict = field(default_factory=lambda: defaultdict(int))
    misses: list = field(default_factory=list)
    extras: list = field(default_factory=list)
    wrong: list = field(default_factory=list)


def _matches(pred: dict, label: dict, span: tuple[int, int]) -> bool:
    if pred["kind"] != label["kind"]:
        return False
    if label["kind"] == "event":
        return pred["start"] < span[1] and span[0] < pred["end"]
    return pred["start"] <= span[0] < pred["end"]


def score_page(spec: dict, tally: Tally) -> None:
    path = page_path(spec["page"])
    page = read_page(path.read_bytes(), path.name)
    text = page.text
    articles = split_page(text, page.published_on)
    preds = [c.as_record() for c in extract_page(text, page.published_on)]
    used: set[int] = set()
    for label in spec["claims"]:
        span = label_span(label, text, articles)
        tally.expected[label["kind"]] += 1
        hit = next(
            (i for i, p in enumerate(preds) if i not in used and _matches(p, label, span)), None
        )
        where = f"{spec['page']}@{span[0]} {text[span[0] : span[1]][:40]!r}"
        if hit is None:
            tally.misses.append(f"{label['kind']:7} {where}")
            continue
        used.add(hit)
        tally.matched[label["kind"]] += 1
        if label["kind"] == "numeric":
            _score_fields(spec, label, preds[hit], tally, where)
    for i, p in enumerate(preds):
        tally.predicted[p["kind"]] += 1
        if i not in used:
            tally.extras.append(f"{p['kind']:7} {spec['page']}@{p['start']} {p['quote'][:50]!r}")


def _score_fields(spec: dict, label: dict, pred: dict, tally: Tally, where: str) -> None:
    dates = spec.get("article_dates", [])
    expected = dict(label)
    if label["article"] < len(dates):
        expected["article_date"] = dates[label["article"]]
    for name in FIELDS:
        if name not in expected:
            tally.fields_ok[name] += 1  # not labelled: not held against the extractor
            continue
        got = pred[name]
        if name == "value":
            ok = got == expected[name] or (
                got is not None and expected[name] is not None
                and abs(float(got) - float(expected[name])) < 1e-6
            )  # fmt: skip
        else:
            ok = accepts(expected[name], got)
        if ok:
            tally.fields_ok[name] += 1
        else:
            tally.wrong.append(f"{name:13} {where}: got {got!r}, want {expected[name]!r}")


def report(title: str, tally: Tally) -> None:
    print(f"\n{title}")
    print(
        f"  {'kind':8} {'expected':>8} {'found':>6} {'matched':>7} {'recall':>7} {'precision':>9}"
    )
    for kind in ("numeric", "date", "event"):
        e, p, m = tally.expected[kind], tally.predicted[kind], tally.matched[kind]
        recall = m / e if e else float("nan")
        precision = m / p if p else float("nan")
        print(f"  {kind:8} {e:8d} {p:6d} {m:7d} {recall:7.3f} {precision:9.3f}")
    matched = tally.matched["numeric"]
    if matched:
        cells = [f"{n} {tally.fields_ok[n] / matched:.3f}" for n in FIELDS]
        print("  numeric fields (of matched): " + ", ".join(cells))


def evaluate() -> tuple[dict[str, Tally], list[str]]:
    """Score every labelled page; returns tallies for tuned and held-out pages."""
    groups = {"tuned": Tally(), "held out": Tally()}
    skipped = []
    for path in sorted(LABELS.glob("*.json")):
        spec = json.loads(path.read_text(encoding="utf-8"))
        if not page_path(spec["page"]).exists():
            skipped.append(spec["page"])
            continue
        score_page(spec, groups["held out" if spec.get("heldout") else "tuned"])
    return groups, skipped


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list misses, extras, wrong fields")
    args = parser.parse_args()
    groups, skipped = evaluate()
    for title, tally in groups.items():
        report(f"{title} pages", tally)
        if args.details:
            for line in tally.misses:
                print("  MISS  ", line)
            for line in tally.extras:
                print("  EXTRA ", line)
            for line in tally.wrong:
                print("  FIELD ", line)
    if skipped:
        print(f"\nskipped (page not here): {', '.join(skipped)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
