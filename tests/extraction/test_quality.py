"""The labelled pages stay valid, and the extractor does not regress on them.

The figures themselves are reported by bench/extract_quality.py (make bench-extract);
this only guards against a change that breaks what already worked.
"""

import importlib.util
import json
import sys

import pytest

from tests.conftest import REPO

_spec = importlib.util.spec_from_file_location("extract_quality", REPO / "bench/extract_quality.py")
quality = importlib.util.module_from_spec(_spec)
sys.modules["extract_quality"] = quality  # its dataclasses look themselves up there
_spec.loader.exec_module(quality)

LABEL_FILES = sorted(quality.LABELS.glob("*.json"))


@pytest.mark.parametrize("path", LABEL_FILES, ids=lambda p: p.stem)
def test_every_label_points_at_text_in_its_article(path):
    spec = json.loads(path.read_text(encoding="utf-8"))
    page = quality.page_path(spec["page"])
    if not page.exists():
        pytest.skip(f"{spec['page']} is not beside the repository")
    text = quality.read_page(page.read_bytes(), page.name).text
    articles = quality.split_page(text)
    assert len(spec["article_dates"]) == len(articles)
    for label in spec["claims"]:
        start, end = quality.label_span(label, text, articles)
        article = articles[label["article"]]
        assert article.start <= start < end <= article.end, label
        assert label["kind"] in ("numeric", "date", "event")


def test_tuned_pages_do_not_regress():
    groups, _ = quality.evaluate()
    tuned = groups["tuned"]
    numeric = tuned.matched["numeric"]
    assert numeric / tuned.expected["numeric"] >= 0.95
    assert numeric / tuned.predicted["numeric"] >= 0.95
    assert tuned.fields_ok["value"] / numeric >= 0.98
