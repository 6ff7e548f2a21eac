"""claims: an index on (article_id, start_offset)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 18:20:00

The workspace reads the claims of a window of a very long article (a page of
100,000 figures) by their offsets; this index finds them without reading every
claim of the article.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_claims_article_offset", "claims", ["article_id", "start_offset"])


def downgrade() -> None:
    op.drop_index("ix_claims_article_offset", table_name="claims")
