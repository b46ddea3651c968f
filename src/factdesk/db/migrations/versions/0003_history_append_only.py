"""history is append-only, enforced by the database

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The record of who changed what must not be rewritten, by factdesk or by anyone with a
    # SQLite client; a bug that tried would fail loudly instead of silently erasing the trail.
    for event in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER history_no_{event.lower()} BEFORE {event} ON history "
            "BEGIN SELECT RAISE(ABORT, 'the claim history is append-only'); END"
        )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS history_no_update")
    op.execute("DROP TRIGGER IF EXISTS history_no_delete")
