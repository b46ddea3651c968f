"""dismissed claim suggestions

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A suggestion the editor dismissed stays dismissed: the same span of the same document is
    # not offered again, in any window or command, until the document goes.
    op.create_table(
        "suggestion_dismissal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "document_id",
            sa.Integer(),
            sa.ForeignKey("document.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("editor", sa.String(), nullable=False),
        sa.Column("at", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("document_id", "kind", "start", "end", name="dismissal_once"),
        sa.CheckConstraint("kind IN ('quote', 'number')", name="dismissal_kind"),
        sqlite_autoincrement=True,
    )


def downgrade() -> None:
    op.drop_table("suggestion_dismissal")
