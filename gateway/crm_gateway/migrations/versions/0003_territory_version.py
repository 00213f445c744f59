"""Territories carry a version, so the crm.identity.territory.updated events they publish can be
applied in any order by the services that keep a copy of the map.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 20:50:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('territories', sa.Column('version', sa.BigInteger(), server_default='1', nullable=False))


def downgrade() -> None:
    op.drop_column('territories', 'version')
