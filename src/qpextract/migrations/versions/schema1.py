"""Schema 1: the baseline, databases written by qpextract before it carried a schema version.

Revision ID: schema1
Revises:
"""

from __future__ import annotations

revision = "schema1"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing: schema-1 databases were created without Alembic and are stamped ``schema1`` when found."""


def downgrade() -> None:
    """Nothing below the baseline."""
