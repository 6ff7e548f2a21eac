"""Synthetic pages: realistic enough that the splitter and extractor find what was written."""

from claims_app.extraction.page_claims import extract_page
from claims_app.extraction.pages import split_page
from claims_app.synthetic import pages


def test_pages_split_into_the_items_written_and_hold_claims():
    made = list(pages(45, per_page=20, seed=7))
    assert [name for name, _ in made] == [f"synthetic/page-7-{i:05d}.txt" for i in (1, 2, 3)]
    assert sum(len(split_page(text)) for _, text in made) == 45
    claims = [c for _, text in made for c in extract_page(text)]
    assert len(claims) > 45
    assert all(c.article_date is not None for c in claims)
    assert made == list(pages(45, per_page=20, seed=7))  # the same seed, the same pages
    assert made != list(pages(45, per_page=20, seed=8))
