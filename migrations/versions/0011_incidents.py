"""incidents: figures that report the same event, grouped, and their conflicts

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 09:30:00

Each claim may belong to one incident (the event it reports), with the reason
in words, pinned there once a person confirmed, split or merged it; `figure_conflict` marks a figure that no count can reconcile with
another report of the same incident (services/incidents.py). Existing claims
are grouped by running `claims incidents --regroup` once.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "incidents",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("unit", sa.String(length=64), nullable=True),
        sa.Column("place", sa.String(length=256), nullable=False),
        sa.Column("subject", sa.String(length=256), nullable=True),
        sa.Column("date_start", sa.Date(), nullable=False),
        sa.Column("date_end", sa.Date(), nullable=False),
        sa.Column("conflict", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("confirmed_by_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("merged_into_id", sa.Integer(), sa.ForeignKey("incidents.id"), nullable=True),
    )
    op.create_index("ix_incidents_kind_dates", "incidents", ["kind", "date_start", "date_end"])
    # Plain ADD COLUMNs on both databases, no SQLite table rebuild: SQLite takes a
    # REFERENCES clause on an added column whose default is NULL (written out, as
    # Alembic would add the constraint apart, which SQLite cannot).
    op.execute("ALTER TABLE claims ADD COLUMN incident_id INTEGER REFERENCES incidents (id)")
    op.add_column("claims", sa.Column("incident_reason", sa.Text(), nullable=True))
    op.add_column(
        "claims",
        sa.Column("incident_pinned", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column(
        "claims",
        sa.Column("figure_conflict", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_claims_incident_id", "claims", ["incident_id"])
    op.create_index("ix_claims_figure_conflict", "claims", ["figure_conflict"])


def downgrade() -> None:
    op.drop_index("ix_claims_figure_conflict", table_name="claims")
    op.drop_index("ix_claims_incident_id", table_name="claims")
    op.execute("ALTER TABLE claims DROP COLUMN figure_conflict")
    op.execute("ALTER TABLE claims DROP COLUMN incident_pinned")
    op.execute("ALTER TABLE claims DROP COLUMN incident_reason")
    op.execute("ALTER TABLE claims DROP COLUMN incident_id")
    op.drop_table("incidents")
