"""full-text index over documents and claims

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

from factdesk.db import fts

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    fts.create_index(op.execute)


def downgrade() -> None:
    fts.drop_index(op.execute)
