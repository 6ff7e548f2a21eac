"""source_snapshots: each fetch of a cited source, kept; sources' fetch state

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 13:40:00

Append-only, as audit_events are: a snapshot is never changed or deleted (the
same trigger pattern as migration 0002 refuses UPDATE and DELETE).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "source_snapshots",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("source_id", sa.Integer(), sa.ForeignKey("sources.id"), nullable=False),
        sa.Column("requested_url", sa.Text(), nullable=False),
        sa.Column("final_url", sa.Text(), nullable=True),
        sa.Column("status", sa.Integer(), nullable=True),
        sa.Column("content_type", sa.String(length=128), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("size_bytes", sa.Integer(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("publisher", sa.String(length=256), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("refused", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("changed", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_source_snapshots_source_id", "source_snapshots", ["source_id"])
    op.add_column("sources", sa.Column("fetch_state", sa.String(length=16), nullable=True))
    op.add_column(
        "sources",
        sa.Column("changed_since_cited", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    _append_only("source_snapshots")


def _append_only(table: str) -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"""
            CREATE FUNCTION {table}_append_only() RETURNS trigger AS $$
            BEGIN RAISE EXCEPTION '{table} is append-only'; END $$ LANGUAGE plpgsql;
        """)
        op.execute(f"""
            CREATE TRIGGER {table}_no_change BEFORE UPDATE OR DELETE ON {table}
            FOR EACH ROW EXECUTE FUNCTION {table}_append_only();
        """)
        return
    for action in ("UPDATE", "DELETE"):
        op.execute(f"""
            CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table}
            BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
        """)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER source_snapshots_no_change ON source_snapshots")
        op.execute("DROP FUNCTION source_snapshots_append_only()")
    else:
        op.execute("DROP TRIGGER source_snapshots_no_update")
        op.execute("DROP TRIGGER source_snapshots_no_delete")
    op.execute("ALTER TABLE sources DROP COLUMN changed_since_cited")
    op.execute("ALTER TABLE sources DROP COLUMN fetch_state")
    op.drop_index("ix_source_snapshots_source_id", table_name="source_snapshots")
    op.drop_table("source_snapshots")
