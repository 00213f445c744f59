"""Lead conversion (LEAD-6): the account and contact a converted lead became, the account's owner at
conversion, and when.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 10:00:00.000000
"""
from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

_LINKS = ('converted_account_id', 'converted_contact_id', 'converted_account_owner_id')


def upgrade() -> None:
    for name in _LINKS:
        op.add_column('leads', sa.Column(name, sa.Text(), server_default='', nullable=False))
    op.add_column('leads', sa.Column('converted_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    op.drop_column('leads', 'converted_at')
    for name in reversed(_LINKS):
        op.drop_column('leads', name)
