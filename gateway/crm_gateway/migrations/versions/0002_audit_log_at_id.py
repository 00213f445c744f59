"""Index audit_log by (at, id): GET /api/v1/audit-events reads it newest first in keyset pages.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 20:35:00
"""
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('audit_log_at_id', 'audit_log', ['at', 'id'], unique=False)


def downgrade() -> None:
    op.drop_index('audit_log_at_id', table_name='audit_log')
