"""Extractor throughput in MB/s of text, against a plain `re` digit scan of the same text.

    python bench/extract_speed.py [--mb 4] [--pages DIR ...]

The text is the sample pages (and ../shared/corpus when present) repeated
until it reaches --mb megabytes; each repetition is split and extracted as
the bulletin pages they are. One core, wall-clock time, best of --repeat runs.
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

from claims_app.extraction import pagedates, when
from claims_app.extraction.decode import read_page
from claims_app.extraction.page_claims import extract_page

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DIRS = [REPO / "fixtures" / "pages", REPO.parent / "shared" / "corpus"]


def load_pages(dirs: list[Path]) -> list[str]:
    pages = []
    for folder in dirs:
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                pages.append(read_page(path.read_bytes(), path.name).text)
    return pages


# Caches keyed on a page's own text (its paragraphs, its sentences' offsets) help
# within one page; across the repeated copies of the workload they would answer from
# the previous copy, which no new page can. Each copy starts without them.
_PAGE_CACHES = (pagedates.dateline_date, when.clause_spans, when.figure_region)


def extract_as_new(page: str) -> int:
    for cached in _PAGE_CACHES:
        cached.cache_clear()
    return len(extract_page(page))


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=4.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pages", type=Path, nargs="*", default=DEFAULT_DIRS)
    args = parser.parse_args()
    pages = load_pages(args.pages)
    size = sum(len(p.encode()) for p in pages)
    copies = max(1, round(args.mb * 1_000_000 / size))
    workload = pages * copies
    mb = size * copies / 1_000_000
    digits = re.compile(r"\d+")
    claims = 0

    def run_extractor() -> None:
        nonlocal claims
        claims = sum(extract_as_new(p) for p in workload)

    t_extract = best_of(args.repeat, run_extractor)
    t_regex = best_of(args.repeat, lambda: [digits.findall(p) for p in workload])
    print(f"text: {mb:.1f} MB ({len(pages)} pages x {copies}), claims found: {claims}")
    print(f"extractor:          {mb / t_extract:8.2f} MB/s  ({t_extract:.2f} s)")
    print(f"re digit scan:      {mb / t_regex:8.2f} MB/s  ({t_regex:.3f} s)")
    print(f"extractor / re scan: {t_regex / t_extract:.4f} of the plain scan's speed")


if __name__ == "__main__":
    main()
