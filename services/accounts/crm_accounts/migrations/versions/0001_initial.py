"""Initial schema: accounts (parent/child trees), contacts, kiosks, shares, the users and
territories replicas with the state->territory map, and the kit's outbox, inbox and dead-letter
tables (crmkit.messaging_tables).

Revision ID: 0001
Revises:
Create Date: 2026-11-22 20:43:58.829646
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('accounts',
    sa.Column('id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('customer_accounting_id', sa.Text(), nullable=True),
    sa.Column('type', sa.Text(), nullable=False),
    sa.Column('subtype', sa.Text(), server_default='', nullable=False),
    sa.Column('status', sa.Text(), nullable=False),
    sa.Column('parent_id', sa.UUID(as_uuid=False), nullable=True),
    sa.Column('key_account', sa.Boolean(), server_default='false', nullable=False),
    sa.Column('street', sa.Text(), server_default='', nullable=False),
    sa.Column('city', sa.Text(), server_default='', nullable=False),
    sa.Column('state', sa.Text(), server_default='', nullable=False),
    sa.Column('postal_code', sa.Text(), server_default='', nullable=False),
    sa.Column('country', sa.Text(), server_default='', nullable=False),
    sa.Column('phone', sa.Text(), server_default='', nullable=False),
    sa.Column('website', sa.Text(), server_default='', nullable=False),
    sa.Column('owner_id', sa.Text(), server_default='', nullable=False),
    sa.Column('number_of_locations', sa.Integer(), server_default='0', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.CheckConstraint("status in ('active', 'inactive')", name=op.f('ck_accounts_status')),
    sa.CheckConstraint("subtype in ('', 'office', 'kiosk_location')", name=op.f('ck_accounts_subtype')),
    sa.CheckConstraint("type in ('prospect', 'customer', 'vendor', 'competitor')", name=op.f('ck_accounts_type')),
    sa.CheckConstraint('parent_id <> id', name=op.f('ck_accounts_not_own_parent')),
    sa.ForeignKeyConstraint(['parent_id'], ['accounts.id'], name=op.f('fk_accounts_parent_id')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_accounts')),
    sa.UniqueConstraint('customer_accounting_id', name=op.f('uq_accounts_customer_accounting_id'))
    )
    op.create_index('ix_accounts_created_at_id', 'accounts', ['created_at', 'id'], unique=False)
    op.create_index('ix_accounts_name_id', 'accounts', ['name', 'id'], unique=False)
    op.create_index('ix_accounts_owner_id', 'accounts', ['owner_id'], unique=False)
    op.create_index('ix_accounts_parent_id', 'accounts', ['parent_id'], unique=False)
    op.create_index('ix_accounts_state', 'accounts', ['state'], unique=False)
    op.create_index('ix_accounts_status_id', 'accounts', ['status', 'id'], unique=False)
    op.create_index('ix_accounts_type_id', 'accounts', ['type', 'id'], unique=False)
    op.create_index('ix_accounts_updated_at_id', 'accounts', ['updated_at', 'id'], unique=False)
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
    op.create_table('contacts',
    sa.Column('id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('account_id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('first_name', sa.Text(), server_default='', nullable=False),
    sa.Column('last_name', sa.Text(), server_default='', nullable=False),
    sa.Column('title', sa.Text(), server_default='', nullable=False),
    sa.Column('role', sa.Text(), server_default='', nullable=False),
    sa.Column('emails', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'[]'::jsonb"), nullable=False),
    sa.Column('phones', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'[]'::jsonb"), nullable=False),
    sa.Column('holiday_card', sa.Boolean(), server_default='false', nullable=False),
    sa.Column('status', sa.Text(), nullable=False),
    sa.Column('linkedin_url', sa.Text(), server_default='', nullable=False),
    sa.Column('legacy_id', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.CheckConstraint("status in ('active', 'inactive')", name=op.f('ck_contacts_status')),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_contacts_account_id')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contacts')),
    sa.UniqueConstraint('legacy_id', name=op.f('uq_contacts_legacy_id'))
    )
    op.create_index('ix_contacts_account_id', 'contacts', ['account_id'], unique=False)
    op.create_table('kiosks',
    sa.Column('id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('serial_number', sa.Text(), nullable=False),
    sa.Column('model', sa.Text(), server_default='', nullable=False),
    sa.Column('operating_system', sa.Text(), server_default='', nullable=False),
    sa.Column('software_version', sa.Text(), server_default='', nullable=False),
    sa.Column('install_date', sa.Date(), nullable=True),
    sa.Column('warranty_end_date', sa.Date(), nullable=True),
    sa.Column('location_account_id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['location_account_id'], ['accounts.id'], name=op.f('fk_kiosks_location_account_id')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_kiosks')),
    sa.UniqueConstraint('serial_number', name=op.f('uq_kiosks_serial_number'))
    )
    op.create_index('ix_kiosks_location_account_id', 'kiosks', ['location_account_id'], unique=False)
    op.create_table('shares',
    sa.Column('account_id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('user_id', sa.String(length=64), nullable=False),
    sa.Column('access', sa.Text(), nullable=False),
    sa.Column('granted_by', sa.String(length=64), nullable=False),
    sa.Column('granted_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("access in ('read', 'edit')", name=op.f('ck_shares_access')),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_shares_account_id')),
    sa.PrimaryKeyConstraint('account_id', 'user_id', name=op.f('pk_shares'))
    )
    op.create_index('ix_shares_user_id', 'shares', ['user_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_shares_user_id', table_name='shares')
    op.drop_table('shares')
    op.drop_index('ix_kiosks_location_account_id', table_name='kiosks')
    op.drop_table('kiosks')
    op.drop_index('ix_contacts_account_id', table_name='contacts')
    op.drop_table('contacts')
    op.drop_table('users')
    op.drop_index('ix_territory_states_territory', table_name='territory_states')
    op.drop_table('territory_states')
    op.drop_table('territories')
    op.drop_index('outbox_unpublished', table_name='outbox', postgresql_where=sa.text('published_at IS NULL'))
    op.drop_table('outbox')
    op.drop_table('inbox')
    op.drop_table('dead_letters')
    op.drop_index('ix_accounts_updated_at_id', table_name='accounts')
    op.drop_index('ix_accounts_type_id', table_name='accounts')
    op.drop_index('ix_accounts_status_id', table_name='accounts')
    op.drop_index('ix_accounts_state', table_name='accounts')
    op.drop_index('ix_accounts_parent_id', table_name='accounts')
    op.drop_index('ix_accounts_owner_id', table_name='accounts')
    op.drop_index('ix_accounts_name_id', table_name='accounts')
    op.drop_index('ix_accounts_created_at_id', table_name='accounts')
    op.drop_table('accounts')
