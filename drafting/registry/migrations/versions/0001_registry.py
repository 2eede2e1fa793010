"""The registry: agreements, their numbers, the files generated from them.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agreements",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False, index=True),
        sa.Column("tentang", sa.Text, nullable=False),
        sa.Column("partners", sa.JSON, nullable=False),
        sa.Column("unit", sa.String(300), nullable=False, index=True),
        sa.Column("level", sa.String(32), nullable=True),
        sa.Column("signing_date", sa.Date, nullable=True),
        sa.Column("end_date", sa.Date, nullable=True, index=True),
        sa.Column("status", sa.String(32), nullable=False, index=True),
        sa.Column("parent_id", sa.Integer, sa.ForeignKey("agreements.id"), nullable=True),
        sa.Column("predecessor_id", sa.Integer, sa.ForeignKey("agreements.id"), nullable=True),
        sa.Column("input_json", sa.Text, nullable=True),
        sa.Column("drafting_version", sa.String(40), nullable=True),
        sa.Column("scope", sa.Text, nullable=True),
        sa.Column("strategic_plan", sa.Text, nullable=True),
        sa.Column("urgency", sa.Text, nullable=True),
        sa.Column("support", sa.Text, nullable=True),
        sa.Column("remarks", sa.Text, nullable=True),
        sa.Column("created_at", sa.DateTime, server_default=sa.func.now(), nullable=False),
    )
    op.create_table(
        "agreement_numbers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("agreement_id", sa.Integer, sa.ForeignKey("agreements.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("number", sa.String(200), nullable=False, index=True),
    )
    op.create_table(
        "generated_files",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("agreement_id", sa.Integer, sa.ForeignKey("agreements.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("drafting_version", sa.String(40), nullable=False),
        sa.Column("generated_at", sa.DateTime, server_default=sa.func.now(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("generated_files")
    op.drop_table("agreement_numbers")
    op.drop_table("agreements")
