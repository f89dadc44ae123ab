"""Schema 2, headline figures: ``numbers.field`` ("title" for a figure found in the input's separate title).

Revision ID: schema2_numbers_title
Revises: schema2_title

The articles' JSON stays schema_version "2" (the field is additive); databases
written before it gain the nullable column in place.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "schema2_numbers_title"
down_revision = "schema2_title"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if "field" not in {c["name"] for c in sa.inspect(op.get_bind()).get_columns("numbers")}:
        op.add_column("numbers", sa.Column("field", sa.Text))


def downgrade() -> None:
    op.drop_column("numbers", "field")
