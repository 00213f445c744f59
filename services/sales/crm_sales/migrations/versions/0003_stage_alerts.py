"""Stage-timeout alerts (issue 10 item 4, GEN-4, S2): a threshold in days and an "also alert the RSM"
flag on each stage (seeded for the five open stages, none for Closed Won and Closed Lost), one
stage_alerts row per crossing (unique on the opportunity and its stage entry) and its recipients
with read/unread.

Revision ID: 0003_stage_alerts
Revises: 0002_catalog
Create Date: 2026-12-05 14:40:22.253926
"""
from alembic import op
import sqlalchemy as sa


revision = '0003_stage_alerts'
down_revision = '0002_catalog'
branch_labels = None
depends_on = None

# The seeded thresholds, written out (a revision never changes when defaults do): days in the stage.
_THRESHOLDS = {'prospecting': 14, 'qualification': 21, 'proposal': 30, 'negotiation': 21, 'verbal_commit': 14}


def upgrade() -> None:
    op.create_table('stage_alerts',
    sa.Column('id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('opportunity_id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('stage', sa.String(length=40), nullable=False),
    sa.Column('stage_entered_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('threshold_days', sa.Integer(), nullable=False),
    sa.Column('owner_id', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['opportunity_id'], ['opportunities.id'], name=op.f('fk_stage_alerts_opportunity_id'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stage_alerts')),
    sa.UniqueConstraint('opportunity_id', 'stage_entered_at', name=op.f('uq_stage_alerts_opportunity_id_stage_entered_at'))
    )
    op.create_table('alert_recipients',
    sa.Column('alert_id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('user_id', sa.String(length=64), nullable=False),
    sa.Column('reason', sa.String(length=10), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('read_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("reason in ('owner', 'rsm')", name=op.f('ck_alert_recipients_reason')),
    sa.ForeignKeyConstraint(['alert_id'], ['stage_alerts.id'], name=op.f('fk_alert_recipients_alert_id'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('alert_id', 'user_id', name=op.f('pk_alert_recipients'))
    )
    op.create_index('ix_alert_recipients_user_id_created_at', 'alert_recipients', ['user_id', 'created_at', 'alert_id'], unique=False)
    op.create_index('ix_opportunities_stage_stage_entered_at', 'opportunities', ['stage', 'stage_entered_at'], unique=False)
    op.add_column('stages', sa.Column('alert_after_days', sa.Integer(), nullable=True))
    op.add_column('stages', sa.Column('alert_rsm', sa.Boolean(), server_default='false', nullable=False))
    op.add_column('stages', sa.Column('alert_version', sa.BigInteger(), server_default='1', nullable=False))
    op.create_check_constraint(op.f('ck_stages_alert_after_days'), 'stages',
                               "alert_after_days is null or (kind = 'open' and alert_after_days between 1 and 3650)")
    stages = sa.table('stages', sa.column('code'), sa.column('alert_after_days'))
    for code, days in _THRESHOLDS.items():
        op.execute(stages.update().where(stages.c.code == code).values(alert_after_days=days))


def downgrade() -> None:
    op.drop_constraint(op.f('ck_stages_alert_after_days'), 'stages', type_='check')
    op.drop_column('stages', 'alert_version')
    op.drop_column('stages', 'alert_rsm')
    op.drop_column('stages', 'alert_after_days')
    op.drop_index('ix_opportunities_stage_stage_entered_at', table_name='opportunities')
    op.drop_index('ix_alert_recipients_user_id_created_at', table_name='alert_recipients')
    op.drop_table('alert_recipients')
    op.drop_table('stage_alerts')
