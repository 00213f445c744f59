"""Lead import (LEAD-2, LEAD-5): the campaign an imported lead came from (e.g. "NRF 2026") and the
existing account the importer matched its company to.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 22:40:00.000000
"""
from alembic import op
import sqlalchemy as sa

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

_COLUMNS = ('campaign', 'matched_account_id')


def upgrade() -> None:
    for name in _COLUMNS:
        op.add_column('leads', sa.Column(name, sa.Text(), server_default='', nullable=False))


def downgrade() -> None:
    for name in reversed(_COLUMNS):
        op.drop_column('leads', name)
