"""Instructions the extractor spends per pass over the speed bench's pages, counted by
valgrind (callgrind), which no other load on the machine changes.

    python bench/extract_instructions.py [--passes 3]

Wall-clock MB/s (bench/extract_speed.py) moves with the host: on a busy day a plain
`re` digit scan of the same text reads half as fast. An instruction count does not,
so a change's cost is compared here. Two runs under callgrind, one extracting each
page once (imports, warm-up: caches and compiled patterns) and one doing that and
then --passes more passes; their difference divided by the passes is one pass. Each
pass starts without the caches keyed on a page's own text, as extract_speed does.
Needs valgrind (Debian: apt-get install valgrind); not part of the test suite.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DRIVER = """
import gc, sys
sys.path.insert(0, {bench!r})
from extract_speed import DEFAULT_DIRS, extract_as_new, load_pages
pages = load_pages(DEFAULT_DIRS)
for page in pages:
    extract_as_new(page)
gc.collect()
gc.freeze()  # the collector's passes over old objects are not the extractor's cost
for _ in range({passes}):
    for page in pages:
        extract_as_new(page)
"""


def instructions(passes: int, folder: Path) -> int:
    script = folder / f"drive{passes}.py"
    script.write_text(DRIVER.format(bench=str(REPO / "bench"), passes=passes))
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={folder}/out.{passes}",
         sys.executable, str(script)],
        capture_output=True, text=True, check=True, cwd=REPO,
    )  # fmt: skip
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"callgrind printed no count:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args(argv)
    # Compile and cache the modules' bytecode first: on a fresh checkout the first run
    # under callgrind would count the compiling too, and the difference would go negative.
    subprocess.run([sys.executable, "-c", "import claims_app.extraction.page_claims"],
                   check=True, cwd=REPO)  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        base = instructions(0, Path(tmp))
        total = instructions(args.passes, Path(tmp))
    per_pass = (total - base) // args.passes
    print(f"{per_pass:,} instructions per pass over the speed bench's pages "
          f"({args.passes} passes after a warm-up pass)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
