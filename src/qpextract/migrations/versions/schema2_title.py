"""Schema 2, title records: ``abbreviations.field`` ("title" for a form found in the input's separate title).

Revision ID: schema2_title
Revises: schema2

The articles' JSON stays schema_version "2" (the field is additive); databases
written before it gain the nullable column in place.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "schema2_title"
down_revision = "schema2"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if "field" not in {c["name"] for c in sa.inspect(op.get_bind()).get_columns("abbreviations")}:
        op.add_column("abbreviations", sa.Column("field", sa.Text))


def downgrade() -> None:
    op.drop_column("abbreviations", "field")
