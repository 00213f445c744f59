"""Caller-chosen ids: the digest of the data each account and contact was created from, so that
creating the same id again is recognised as a retry (crm_accounts.domain.idempotency).

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


def upgrade() -> None:
    op.add_column('accounts', sa.Column('creation_digest', sa.Text(), nullable=True))
    op.add_column('contacts', sa.Column('creation_digest', sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column('contacts', 'creation_digest')
    op.drop_column('accounts', 'creation_digest')
