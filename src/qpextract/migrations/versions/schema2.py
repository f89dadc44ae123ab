"""Schema 2: participants with role and official, event days, documents, decorations, expanded text, persons.

Revision ID: schema2
Revises: schema1

Frozen DDL (not read from the models), so this step means the same thing
whatever the models become. Each step checks what is there first: databases
written by the development versions between schema 1 and 2 upgrade too.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "schema2"
down_revision = "schema1"
branch_labels = None
depends_on = None


def _columns(table: str) -> set[str]:
    return {c["name"] for c in sa.inspect(op.get_bind()).get_columns(table)}


def _index(name: str, table: str, column: str) -> None:
    if name not in {ix["name"] for ix in sa.inspect(op.get_bind()).get_indexes(table)}:
        op.create_index(name, table, [column])


def _span_table(name: str, *cols: sa.Column) -> None:
    op.create_table(
        name,
        sa.Column("article_id", sa.Text, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        *cols,
    )


def upgrade() -> None:
    if "expanded_text" not in _columns("articles"):
        op.add_column("articles", sa.Column("expanded_text", sa.Text, nullable=False, server_default=""))
    have = _columns("events")
    for day in ("first_day", "last_day"):
        if day not in have:
            op.add_column("events", sa.Column(day, sa.Date))
        _index(f"ix_events_{day}", "events", day)
    have = _columns("event_participants")
    if "role" not in have:
        op.add_column("event_participants", sa.Column("role", sa.Text, nullable=False, server_default="other"))
    if "official_idx" not in have:
        op.add_column("event_participants", sa.Column("official_idx", sa.Integer))
    if "rule" not in have:
        op.add_column("event_participants", sa.Column("rule", sa.Text))
    for table in ("officials", "positions"):  # schema 2: the named rule that found the person or read the post
        if "rule" not in _columns(table):
            op.add_column(table, sa.Column("rule", sa.Text))
    with op.batch_alter_table("abbreviations") as batch:  # schema 2: an unknown abbreviation has no expansion
        batch.alter_column("expansion", existing_type=sa.Text, nullable=True)
    tables = set(sa.inspect(op.get_bind()).get_table_names())
    if "documents" not in tables:
        _span_table(
            "documents",
            sa.Column("kind", sa.Text, nullable=False),
            sa.Column("number", sa.Text),
            sa.Column("issuer", sa.Text),
            sa.Column("date", sa.Text),
            sa.Column("title", sa.Text),
            sa.Column("rule", sa.Text),
        )
    if "decorations" not in tables:
        _span_table(
            "decorations",
            sa.Column("kind", sa.Text, nullable=False),
            sa.Column("name", sa.Text, nullable=False),
            sa.Column("grade", sa.Text),
            sa.Column("issuer", sa.Text),
            sa.Column("recipients", sa.Text, nullable=False),
            sa.Column("count", sa.Integer),
            sa.Column("rule", sa.Text),
        )
    if "persons" not in tables:
        op.create_table(
            "persons",
            sa.Column("person_id", sa.Integer, primary_key=True, autoincrement=False),
            sa.Column("name", sa.Text, nullable=False),
            sa.Column("mentions", sa.Integer, nullable=False),
            sa.Column("articles", sa.Integer, nullable=False),
            sa.Column("rank", sa.Text),
            sa.Column("first_day", sa.Date),
            sa.Column("last_day", sa.Date),
        )
    if "person_mentions" not in tables:
        op.create_table(
            "person_mentions",
            sa.Column("article_id", sa.Text, primary_key=True),
            sa.Column("official_idx", sa.Integer, primary_key=True, autoincrement=False),
            sa.Column("person_id", sa.Integer, nullable=False),
        )
    for name, table, column in [
        ("ix_positions_organization", "positions", "organization"),
        ("ix_numbers_subject", "numbers", "subject"),
        ("ix_event_participants_role", "event_participants", "role"),
        ("ix_locations_name", "locations", "name"),
        ("ix_documents_kind", "documents", "kind"),
        ("ix_documents_number", "documents", "number"),
        ("ix_decorations_kind", "decorations", "kind"),
        ("ix_persons_name", "persons", "name"),
        ("ix_person_mentions_person_id", "person_mentions", "person_id"),
    ]:
        _index(name, table, column)


def downgrade() -> None:
    raise NotImplementedError("qpextract does not downgrade a database: keep a copy before upgrading")
