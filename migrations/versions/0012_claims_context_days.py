"""claims.context_start/end: the days a figure's context tells of, for grouping

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 13:10:00

"An airstrike hit the market on 5 March, killing 12. More than 40 people were
injured.": the 40 have no date of their own (event_date stays empty, as the
text gives none), but they are of 5 March. So are a digest item's figures of
the day its date line gives, and a situation report's key figures of the
period it says it covers. Incident grouping reads these days when a figure
has no event date. Filled by extraction (claims-1.1); stored claims get them
with `claims reextract`.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("claims", sa.Column("context_start", sa.Date(), nullable=True))
    op.add_column("claims", sa.Column("context_end", sa.Date(), nullable=True))


def downgrade() -> None:
    op.execute("ALTER TABLE claims DROP COLUMN context_end")
    op.execute("ALTER TABLE claims DROP COLUMN context_start")
