"""Initial schema: leads, web forms, the users replica, the round-robin cursor, and the kit's
outbox, inbox and dead-letter tables (crmkit.messaging_tables).

Revision ID: 0001
Revises:
Create Date: 2026-11-22 19:49:51.078458
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('assignment_cursors',
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('last_key', sa.String(length=64), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_assignment_cursors'))
    )
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
    op.create_table('leads',
    sa.Column('id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('first_name', sa.Text(), server_default='', nullable=False),
    sa.Column('last_name', sa.Text(), server_default='', nullable=False),
    sa.Column('company', sa.Text(), server_default='', nullable=False),
    sa.Column('email', sa.Text(), server_default='', nullable=False),
    sa.Column('phone', sa.Text(), server_default='', nullable=False),
    sa.Column('state', sa.Text(), server_default='', nullable=False),
    sa.Column('country', sa.Text(), server_default='', nullable=False),
    sa.Column('email_key', sa.Text(), nullable=True),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('landing_page', sa.Text(), server_default='', nullable=False),
    sa.Column('status', sa.Text(), nullable=False),
    sa.Column('unqualified_reason', sa.Text(), server_default='', nullable=False),
    sa.Column('number_of_locations', sa.Integer(), nullable=True),
    sa.Column('using_kiosks', sa.Boolean(), nullable=True),
    sa.Column('current_vendor', sa.Text(), server_default='', nullable=False),
    sa.Column('current_vendor_account_id', sa.Text(), server_default='', nullable=False),
    sa.Column('linkedin_url', sa.Text(), server_default='', nullable=False),
    sa.Column('role', sa.Text(), server_default='', nullable=False),
    sa.Column('rating', sa.String(length=1), nullable=False),
    sa.Column('owner_id', sa.Text(), server_default='', nullable=False),
    sa.Column('message', sa.Text(), server_default='', nullable=False),
    sa.Column('title', sa.Text(), server_default='', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('assigned_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.Column('submission_count', sa.Integer(), nullable=False),
    sa.CheckConstraint("(status = 'Unqualified') = (unqualified_reason <> '')", name=op.f('ck_leads_unqualified_reason')),
    sa.CheckConstraint("rating in ('A', 'B', 'C')", name=op.f('ck_leads_rating')),
    sa.CheckConstraint("status in ('New', 'Working', 'Qualified', 'Unqualified', 'Customer')", name=op.f('ck_leads_status')),
    sa.CheckConstraint('number_of_locations >= 0', name=op.f('ck_leads_number_of_locations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_leads')),
    sa.UniqueConstraint('email_key', name=op.f('uq_leads_email_key'))
    )
    op.create_index('ix_leads_created_at_id', 'leads', ['created_at', 'id'], unique=False)
    op.create_index('ix_leads_owner_id', 'leads', ['owner_id'], unique=False)
    op.create_index('ix_leads_status', 'leads', ['status'], unique=False)
    op.create_index('ix_leads_updated_at_id', 'leads', ['updated_at', 'id'], unique=False)
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
    op.create_table('users',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('username', sa.Text(), nullable=False),
    sa.Column('full_name', sa.Text(), nullable=False),
    sa.Column('email', sa.Text(), nullable=False),
    sa.Column('role', sa.String(length=50), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users'))
    )
    op.create_index('ix_users_sdr_pool', 'users', ['id'], unique=False, postgresql_where=sa.text("role = 'sdr' AND active"))
    op.create_table('web_forms',
    sa.Column('id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('slug', sa.String(length=100), nullable=False),
    sa.Column('landing_page_name', sa.Text(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_web_forms')),
    sa.UniqueConstraint('slug', name=op.f('uq_web_forms_slug'))
    )


def downgrade() -> None:
    op.drop_table('web_forms')
    op.drop_index('ix_users_sdr_pool', table_name='users', postgresql_where=sa.text("role = 'sdr' AND active"))
    op.drop_table('users')
    op.drop_index('outbox_unpublished', table_name='outbox', postgresql_where=sa.text('published_at IS NULL'))
    op.drop_table('outbox')
    op.drop_index('ix_leads_updated_at_id', table_name='leads')
    op.drop_index('ix_leads_status', table_name='leads')
    op.drop_index('ix_leads_owner_id', table_name='leads')
    op.drop_index('ix_leads_created_at_id', table_name='leads')
    op.drop_table('leads')
    op.drop_table('inbox')
    op.drop_table('dead_letters')
    op.drop_table('assignment_cursors')
