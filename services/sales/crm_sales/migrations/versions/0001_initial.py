"""The sales service's first tables (issue 10): the identity replica, the account-access read model
(crmkit.account_access), opportunities with their competitors and history, the stages and loss
reasons as data (seeded with the defaults of crm_sales.domain.stages), lead conversions, messaging.

Revision ID: 0001_initial
Revises: 
Create Date: 2026-12-05 00:31:33.658279
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0001_initial'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('account_access',
    sa.Column('id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('name', sa.Text(), server_default='', nullable=False),
    sa.Column('type', sa.Text(), nullable=False),
    sa.Column('status', sa.Text(), nullable=False),
    sa.Column('state', sa.Text(), server_default='', nullable=False),
    sa.Column('owner_id', sa.String(length=64), server_default='', nullable=False),
    sa.Column('parent_id', sa.UUID(as_uuid=False), nullable=True),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_account_access'))
    )
    op.create_index('ix_account_access_owner_id', 'account_access', ['owner_id'], unique=False)
    op.create_index('ix_account_access_parent_id', 'account_access', ['parent_id'], unique=False)
    op.create_index('ix_account_access_state', 'account_access', ['state'], unique=False)
    op.create_table('account_access_shares',
    sa.Column('account_id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('user_id', sa.String(length=64), nullable=False),
    sa.Column('access', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('account_id', 'user_id', name=op.f('pk_account_access_shares'))
    )
    op.create_index('ix_account_access_shares_user_id', 'account_access_shares', ['user_id'], unique=False)
    op.create_table('dead_letters',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('consumer', sa.String(length=100), nullable=False),
    sa.Column('event_id', sa.String(length=100), nullable=True),
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('event_type', sa.String(length=200), nullable=True),
    sa.Column('payload', sa.LargeBinary(), nullable=False),
    sa.Column('headers', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('error', sa.Text(), nullable=False),
    sa.Column('deliveries', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('replayed_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dead_letters'))
    )
    op.create_table('inbox',
    sa.Column('consumer', sa.String(length=100), nullable=False),
    sa.Column('event_id', sa.String(length=100), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('processed_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('consumer', 'event_id', name=op.f('pk_inbox'))
    )
    op.create_table('lead_conversions',
    sa.Column('account_id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('lead_id', sa.Text(), nullable=False),
    sa.Column('sdr_id', sa.String(length=64), nullable=False),
    sa.Column('lead_source', sa.Text(), server_default='', nullable=False),
    sa.Column('converted_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('account_id', name=op.f('pk_lead_conversions'))
    )
    op.create_table('loss_reasons',
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_loss_reasons')),
    sa.UniqueConstraint('position', name=op.f('uq_loss_reasons_position'))
    )
    op.create_table('outbox',
    sa.Column('seq', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('event_type', sa.String(length=200), nullable=False),
    sa.Column('payload', sa.LargeBinary(), nullable=False),
    sa.Column('headers', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('attempts', sa.Integer(), server_default='0', nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_outbox')),
    sa.UniqueConstraint('id', name=op.f('uq_outbox_id'))
    )
    op.create_index('outbox_unpublished', 'outbox', ['seq'], unique=False, postgresql_where=sa.text('published_at IS NULL'))
    op.create_table('stages',
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('probability', sa.Integer(), nullable=False),
    sa.Column('forecast_category', sa.String(length=20), nullable=False),
    sa.CheckConstraint("forecast_category in ('pipeline', 'best_case', 'commit', 'closed_won', 'omitted')", name=op.f('ck_stages_forecast_category')),
    sa.CheckConstraint("kind in ('open', 'won', 'lost')", name=op.f('ck_stages_kind')),
    sa.CheckConstraint('probability between 0 and 100', name=op.f('ck_stages_probability')),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_stages')),
    sa.UniqueConstraint('position', name=op.f('uq_stages_position'))
    )
    op.create_table('territories',
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('states', postgresql.ARRAY(sa.Text()), nullable=False),
    sa.Column('sales_region', sa.Text(), server_default='', nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_territories'))
    )
    op.create_table('territory_states',
    sa.Column('state', sa.Text(), nullable=False),
    sa.Column('territory', sa.String(length=20), nullable=False),
    sa.PrimaryKeyConstraint('state', name=op.f('pk_territory_states'))
    )
    op.create_index('ix_territory_states_territory', 'territory_states', ['territory'], unique=False)
    op.create_table('users',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('username', sa.Text(), server_default='', nullable=False),
    sa.Column('full_name', sa.Text(), server_default='', nullable=False),
    sa.Column('role', sa.String(length=50), nullable=False),
    sa.Column('territories', postgresql.ARRAY(sa.Text()), server_default='{}', nullable=False),
    sa.Column('manager_id', sa.String(length=64), server_default='', nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users'))
    )
    op.create_table('opportunities',
    sa.Column('id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('account_id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('type', sa.String(length=10), nullable=False),
    sa.Column('stage', sa.String(length=40), nullable=False),
    sa.Column('stage_entered_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('probability', sa.Integer(), nullable=False),
    sa.Column('amount', sa.Numeric(precision=18, scale=2), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('exchange_rate', sa.Numeric(precision=18, scale=8), server_default='1', nullable=False),
    sa.Column('close_date', sa.Date(), nullable=False),
    sa.Column('committed', sa.Boolean(), server_default='false', nullable=False),
    sa.Column('owner_id', sa.String(length=64), nullable=False),
    sa.Column('sdr_id', sa.String(length=64), server_default='', nullable=False),
    sa.Column('lead_source', sa.Text(), server_default='', nullable=False),
    sa.Column('lead_id', sa.Text(), server_default='', nullable=False),
    sa.Column('loss_reason', sa.String(length=40), nullable=True),
    sa.Column('lost_at_stage', sa.Text(), server_default='', nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('description', sa.Text(), server_default='', nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.CheckConstraint("type in ('add_on', 'net_new')", name=op.f('ck_opportunities_type')),
    sa.CheckConstraint('amount >= 0', name=op.f('ck_opportunities_amount')),
    sa.CheckConstraint('exchange_rate > 0', name=op.f('ck_opportunities_exchange_rate')),
    sa.CheckConstraint('probability between 0 and 100', name=op.f('ck_opportunities_probability')),
    sa.ForeignKeyConstraint(['loss_reason'], ['loss_reasons.code'], name=op.f('fk_opportunities_loss_reason')),
    sa.ForeignKeyConstraint(['stage'], ['stages.code'], name=op.f('fk_opportunities_stage')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_opportunities'))
    )
    op.create_index('ix_opportunities_account_id', 'opportunities', ['account_id'], unique=False)
    op.create_index('ix_opportunities_amount_id', 'opportunities', ['amount', 'id'], unique=False)
    op.create_index('ix_opportunities_close_date_id', 'opportunities', ['close_date', 'id'], unique=False)
    op.create_index('ix_opportunities_created_at_id', 'opportunities', ['created_at', 'id'], unique=False)
    op.create_index('ix_opportunities_name_id', 'opportunities', ['name', 'id'], unique=False)
    op.create_index('ix_opportunities_owner_id_close_date', 'opportunities', ['owner_id', 'close_date', 'id'], unique=False)
    op.create_index('ix_opportunities_stage_id', 'opportunities', ['stage', 'id'], unique=False)
    op.create_index('ix_opportunities_updated_at_id', 'opportunities', ['updated_at', 'id'], unique=False)
    op.create_table('opportunity_competitors',
    sa.Column('opportunity_id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('competitor_id', sa.UUID(as_uuid=False), nullable=False),
    sa.ForeignKeyConstraint(['opportunity_id'], ['opportunities.id'], name=op.f('fk_opportunity_competitors_opportunity_id'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('opportunity_id', 'competitor_id', name=op.f('pk_opportunity_competitors'))
    )
    op.create_table('opportunity_history',
    sa.Column('id', sa.BigInteger(), autoincrement=True, nullable=False),
    sa.Column('opportunity_id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('field', sa.String(length=40), nullable=False),
    sa.Column('from_value', sa.Text(), nullable=False),
    sa.Column('to_value', sa.Text(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('by', sa.String(length=64), nullable=False),
    sa.Column('reason', sa.Text(), server_default='', nullable=False),
    sa.ForeignKeyConstraint(['opportunity_id'], ['opportunities.id'], name=op.f('fk_opportunity_history_opportunity_id'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_opportunity_history'))
    )
    op.create_index('ix_opportunity_history_field_at', 'opportunity_history', ['field', 'at'], unique=False)
    op.create_index('ix_opportunity_history_opportunity_id_at', 'opportunity_history', ['opportunity_id', 'at', 'id'], unique=False)
    _seed()


# The defaults, written out (a revision never changes when the domain's defaults do).
_STAGES = [
    ('prospecting', 'Prospecting', 1, 'open', 10, 'pipeline'),
    ('qualification', 'Qualification', 2, 'open', 20, 'pipeline'),
    ('proposal', 'Proposal', 3, 'open', 50, 'pipeline'),
    ('negotiation', 'Negotiation', 4, 'open', 80, 'best_case'),
    ('verbal_commit', 'Verbal commit', 5, 'open', 90, 'commit'),
    ('closed_won', 'Closed Won', 6, 'won', 100, 'closed_won'),
    ('closed_lost', 'Closed Lost', 7, 'lost', 0, 'omitted'),
]
_LOSS_REASONS = [('price', 'Price', 1), ('competitor', 'Lost to a competitor', 2), ('no_budget', 'No budget', 3),
                 ('no_decision', 'No decision', 4), ('product_fit', 'Product fit', 5)]


def _seed() -> None:
    stages = sa.table('stages', *(sa.column(n) for n in ('code', 'name', 'position', 'kind', 'probability',
                                                         'forecast_category')))
    op.bulk_insert(stages, [dict(zip(('code', 'name', 'position', 'kind', 'probability', 'forecast_category'), row))
                            for row in _STAGES])
    reasons = sa.table('loss_reasons', *(sa.column(n) for n in ('code', 'name', 'position')))
    op.bulk_insert(reasons, [dict(zip(('code', 'name', 'position'), row)) for row in _LOSS_REASONS])


def downgrade() -> None:
    op.drop_index('ix_opportunity_history_opportunity_id_at', table_name='opportunity_history')
    op.drop_index('ix_opportunity_history_field_at', table_name='opportunity_history')
    op.drop_table('opportunity_history')
    op.drop_table('opportunity_competitors')
    op.drop_index('ix_opportunities_updated_at_id', table_name='opportunities')
    op.drop_index('ix_opportunities_stage_id', table_name='opportunities')
    op.drop_index('ix_opportunities_owner_id_close_date', table_name='opportunities')
    op.drop_index('ix_opportunities_name_id', table_name='opportunities')
    op.drop_index('ix_opportunities_created_at_id', table_name='opportunities')
    op.drop_index('ix_opportunities_close_date_id', table_name='opportunities')
    op.drop_index('ix_opportunities_amount_id', table_name='opportunities')
    op.drop_index('ix_opportunities_account_id', table_name='opportunities')
    op.drop_table('opportunities')
    op.drop_table('users')
    op.drop_index('ix_territory_states_territory', table_name='territory_states')
    op.drop_table('territory_states')
    op.drop_table('territories')
    op.drop_table('stages')
    op.drop_index('outbox_unpublished', table_name='outbox', postgresql_where=sa.text('published_at IS NULL'))
    op.drop_table('outbox')
    op.drop_table('loss_reasons')
    op.drop_table('lead_conversions')
    op.drop_table('inbox')
    op.drop_table('dead_letters')
    op.drop_index('ix_account_access_shares_user_id', table_name='account_access_shares')
    op.drop_table('account_access_shares')
    op.drop_index('ix_account_access_state', table_name='account_access')
    op.drop_index('ix_account_access_parent_id', table_name='account_access')
    op.drop_index('ix_account_access_owner_id', table_name='account_access')
    op.drop_table('account_access')
