"""The activity timeline (GEN-1, MIG-2) and the legacy migration of contacts (MIG-1): an `activities`
table (calls, meetings, emails, notes and tasks on an account, maybe on one of its contacts, keyed for
re-imports by a unique legacy key), and the legacy record's reference values on contacts.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27 10:00:00.000000
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def _text(name: str) -> sa.Column:
    return sa.Column(name, sa.Text(), server_default='', nullable=False)


def upgrade() -> None:
    op.add_column('contacts', sa.Column('legacy', postgresql.JSONB(astext_type=sa.Text()), nullable=True))
    op.create_table(
        'activities',
        sa.Column('id', postgresql.UUID(as_uuid=False), nullable=False),
        sa.Column('kind', sa.Text(), nullable=False),
        _text('subject'),
        _text('body'),
        sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('account_id', postgresql.UUID(as_uuid=False), nullable=False),
        sa.Column('contact_id', postgresql.UUID(as_uuid=False), nullable=True),
        sa.Column('lead_id', sa.Text(), nullable=True),
        *(_text(name) for name in ('direction', 'from_address', 'to_address', 'author')),
        sa.Column('legacy_key', sa.Text(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('version', sa.BigInteger(), nullable=False),
        sa.CheckConstraint("kind in ('call', 'meeting', 'email', 'note', 'task')", name=op.f('ck_activities_kind')),
        sa.CheckConstraint("direction in ('', 'in', 'out')", name=op.f('ck_activities_direction')),
        sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_activities_account_id')),
        sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_activities_contact_id')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_activities')),
        sa.UniqueConstraint('legacy_key', name=op.f('uq_activities_legacy_key')),
    )
    op.create_index('ix_activities_account_id_occurred_at', 'activities', ['account_id', 'occurred_at', 'id'])
    op.create_index('ix_activities_contact_id_occurred_at', 'activities', ['contact_id', 'occurred_at', 'id'],
                    postgresql_where=sa.text('contact_id IS NOT NULL'))
    op.create_index('ix_activities_lead_id', 'activities', ['lead_id'], postgresql_where=sa.text('lead_id IS NOT NULL'))


def downgrade() -> None:
    op.drop_index('ix_activities_lead_id', table_name='activities')
    op.drop_index('ix_activities_contact_id_occurred_at', table_name='activities')
    op.drop_index('ix_activities_account_id_occurred_at', table_name='activities')
    op.drop_table('activities')
    op.drop_column('contacts', 'legacy')
