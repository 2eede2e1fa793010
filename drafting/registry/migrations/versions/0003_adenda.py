"""Adenda: each adendum of an agreement, in order, with the agreement's input as it amends it.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "adenda",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("agreement_id", sa.Integer, sa.ForeignKey("agreements.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("input_json", sa.Text, nullable=False),
        sa.Column("signing_date", sa.Date, nullable=True),
        sa.Column("created_at", sa.DateTime, server_default=sa.func.now(), nullable=False),
        sa.UniqueConstraint("agreement_id", "position", name="uq_adenda_agreement_position"),
    )
    op.create_index("ix_adenda_agreement_id", "adenda", ["agreement_id"])


def downgrade() -> None:
    op.drop_index("ix_adenda_agreement_id", "adenda")
    op.drop_table("adenda")
