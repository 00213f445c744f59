"""ERP imports (INT-2, INT-3) and directory matching: a location's ERP ship-to ID on accounts (unique
when set), each account's company-name key (backfilled here) with an index over the top-level
accounts, and a GIN index over the addresses of each contact's email key for exact lookups.

The key function is copied from crm_accounts.domain.search.company_key as of this revision, so the
migration keeps meaning what it meant when it was written.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 10:00:00.000000
"""
import re
import unicodedata

from alembic import op
import sqlalchemy as sa

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

BATCH = 1000
_LEGAL_FORMS = frozenset({'inc', 'incorporated', 'llc', 'ltd', 'limited', 'co', 'company', 'corp',
                          'corporation', 'plc', 'lp', 'llp', 'pllc', 'pc', 'gmbh', 'ag', 'sa', 'sarl',
                          'bv', 'nv', 'pty', 'ulc'})


def _company_key(name: str) -> str:
    decomposed = unicodedata.normalize('NFKD', name)
    text = ''.join(c for c in decomposed if not unicodedata.combining(c)).casefold().replace('&', ' and ')
    text = re.sub(r"['’`´]", '', text).replace('.', '')
    words = re.sub(r'[^0-9a-z]+', ' ', text).split()
    while len(words) > 1 and words[-1] in _LEGAL_FORMS:
        words.pop()
    return ' '.join(words)


def _backfill() -> None:
    bind = op.get_bind()
    after = None
    while True:
        rows = bind.execute(sa.text(
            'select id::text as id, name from accounts'
            + (' where id > cast(:after as uuid)' if after else '') + ' order by id limit :batch'),
            {'after': after, 'batch': BATCH} if after else {'batch': BATCH}).all()
        if not rows:
            return
        bind.execute(sa.text('update accounts set name_key = :key where id = cast(:id as uuid)'),
                     [{'id': r.id, 'key': _company_key(r.name)} for r in rows])
        after = rows[-1].id


def upgrade() -> None:
    op.add_column('accounts', sa.Column('erp_ship_to_id', sa.Text(), nullable=True))
    op.create_unique_constraint(op.f('uq_accounts_erp_ship_to_id'), 'accounts', ['erp_ship_to_id'])
    op.add_column('accounts', sa.Column('name_key', sa.Text(), server_default='', nullable=False))
    _backfill()
    op.create_index('ix_accounts_name_key_top', 'accounts', ['name_key'], postgresql_where=sa.text('parent_id IS NULL'))
    op.create_index('ix_contacts_email_addresses', 'contacts', [sa.text("string_to_array(email_key, ' ')")],
                    postgresql_using='gin')


def downgrade() -> None:
    op.drop_index('ix_contacts_email_addresses', table_name='contacts')
    op.drop_index('ix_accounts_name_key_top', table_name='accounts')
    op.drop_column('accounts', 'name_key')
    op.drop_constraint(op.f('uq_accounts_erp_ship_to_id'), 'accounts', type_='unique')
    op.drop_column('accounts', 'erp_ship_to_id')
