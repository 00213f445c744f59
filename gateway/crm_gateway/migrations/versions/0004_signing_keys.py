"""HMAC signing keys of API clients (INT-4): several per client for rotation, secrets sealed.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 14:00:00
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'signing_keys',
        sa.Column('key_id', sa.String(40), primary_key=True),
        sa.Column('client_id', postgresql.UUID(as_uuid=False), sa.ForeignKey('api_clients.id'), nullable=False),
        sa.Column('sealed_secret', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index('ix_signing_keys_client_id', 'signing_keys', ['client_id'])


def downgrade() -> None:
    op.drop_index('ix_signing_keys_client_id', table_name='signing_keys')
    op.drop_table('signing_keys')
