"""Identity and portable inputs: a number names one agreement (unique); an imported agreement
without numbers has a unique identity key; the input is kept as its text with its SHA-256.

Revision ID: 0002
Revises: 0001
"""

import hashlib
import json

import sqlalchemy as sa
import yaml
from alembic import op

from drafting.errors import DraftingError

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    duplicates = bind.execute(sa.text(
        "SELECT number, COUNT(*) FROM agreement_numbers GROUP BY number HAVING COUNT(*) > 1")).all()
    if duplicates:
        listed = ", ".join(f"{number} ({count}×)" for number, count in duplicates[:10])
        raise DraftingError(f"registri memuat nomor yang terdaftar lebih dari sekali: {listed}; gabungkan atau "
                            f"hapus baris gandanya dengan versi lama drafting, lalu buka lagi")
    with op.batch_alter_table("agreements") as table:
        table.add_column(sa.Column("input_text", sa.Text, nullable=True))
        table.add_column(sa.Column("input_sha256", sa.String(64), nullable=True))
        table.add_column(sa.Column("identity_key", sa.String(64), nullable=True))
        table.create_unique_constraint("uq_agreements_identity_key", ["identity_key"])
    with op.batch_alter_table("agreement_numbers") as table:
        table.drop_index("ix_agreement_numbers_number")
        table.create_index("ix_agreement_numbers_number", ["number"], unique=True)
    # Inputs stored before this revision: their text is the stored JSON written as YAML.
    rows = bind.execute(sa.text("SELECT id, input_json FROM agreements WHERE input_json IS NOT NULL")).all()
    for id_, input_json in rows:
        text = yaml.safe_dump(json.loads(input_json), allow_unicode=True, sort_keys=False, width=100)
        bind.execute(sa.text("UPDATE agreements SET input_text = :t, input_sha256 = :h WHERE id = :id"),
                     {"t": text, "h": hashlib.sha256(text.encode("utf-8")).hexdigest(), "id": id_})


def downgrade() -> None:
    with op.batch_alter_table("agreement_numbers") as table:
        table.drop_index("ix_agreement_numbers_number")
        table.create_index("ix_agreement_numbers_number", ["number"])
    with op.batch_alter_table("agreements") as table:
        table.drop_constraint("uq_agreements_identity_key", type_="unique")
        table.drop_column("identity_key")
        table.drop_column("input_sha256")
        table.drop_column("input_text")
