"""Forecasts and quotas (issue 10 item 5, OPP-3, S5): one quota per owner per fiscal period in the
corporate currency. The forecast itself is computed from the opportunities and their history.

Revision ID: 0004_forecasts
Revises: 0003_stage_alerts
Create Date: 2026-12-06 01:00:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0004_forecasts'
down_revision = '0003_stage_alerts'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('quotas',
    sa.Column('owner_id', sa.String(length=64), nullable=False),
    sa.Column('period_key', sa.String(length=12), nullable=False),
    sa.Column('amount', sa.Numeric(precision=18, scale=2), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('set_by', sa.String(length=64), nullable=False),
    sa.Column('set_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.CheckConstraint('amount >= 0', name=op.f('ck_quotas_amount')),
    sa.PrimaryKeyConstraint('owner_id', 'period_key', name=op.f('pk_quotas'))
    )
    op.create_index('ix_quotas_period_key', 'quotas', ['period_key', 'owner_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_quotas_period_key', table_name='quotas')
    op.drop_table('quotas')
