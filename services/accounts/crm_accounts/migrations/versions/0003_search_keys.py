"""MOB-1 search: per contact a folded name key, a lower-cased email key and a digits-only phone key
(one entry per phone), backfilled here; pg_trgm GIN indexes on them and on account names when the
server ships pg_trgm (PostgreSQL contrib), so substring search stays fast on large tables.

The key functions are copied from crm_accounts.domain.search as of this revision, so the migration
keeps meaning what it meant when it was written.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 10:00:00.000000
"""
import re
import unicodedata

from alembic import op
import sqlalchemy as sa

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

KEYS = ('name_key', 'email_key', 'phone_key')
TRIGRAM_INDEXES = (('contacts', 'name_key'), ('contacts', 'email_key'), ('contacts', 'phone_key'),
                   ('accounts', 'name'))
BATCH = 1000


def _fold(text: str) -> str:
    bare = ''.join(c for c in unicodedata.normalize('NFKD', text) if not unicodedata.combining(c))
    return re.sub(r'\s+', ' ', bare.casefold()).strip()


def _joined(parts) -> str:
    return ' '.join(p for p in parts if p)


def _keys(row) -> dict[str, str]:
    return {'id': row.id,
            'name_key': _joined((_fold(row.first_name), _fold(row.last_name))),
            'email_key': _joined(e.get('address', '').strip().casefold() for e in row.emails),
            'phone_key': _joined(re.sub(r'\D', '', p.get('number', '')) for p in row.phones)}


def _backfill() -> None:
    bind = op.get_bind()
    after = None
    while True:
        rows = bind.execute(sa.text(
            'select id::text as id, first_name, last_name, emails, phones from contacts'
            + (' where id > cast(:after as uuid)' if after else '') + ' order by id limit :batch'),
            {'after': after, 'batch': BATCH} if after else {'batch': BATCH}).all()
        if not rows:
            return
        bind.execute(sa.text('update contacts set name_key = :name_key, email_key = :email_key, '
                             'phone_key = :phone_key where id = cast(:id as uuid)'), [_keys(r) for r in rows])
        after = rows[-1].id


def _has_trigrams() -> bool:
    bind = op.get_bind()
    if bind.execute(sa.text("select 1 from pg_available_extensions where name = 'pg_trgm'")).first() is None:
        return False
    op.execute('create extension if not exists pg_trgm')
    return True


def upgrade() -> None:
    for key in KEYS:
        op.add_column('contacts', sa.Column(key, sa.Text(), server_default='', nullable=False))
    _backfill()
    if _has_trigrams():
        for table, column in TRIGRAM_INDEXES:
            op.create_index(f'ix_{table}_{column}_trgm', table, [column], postgresql_using='gin',
                            postgresql_ops={column: 'gin_trgm_ops'})


def downgrade() -> None:
    for table, column in TRIGRAM_INDEXES:
        op.execute(f'drop index if exists ix_{table}_{column}_trgm')
    for key in reversed(KEYS):
        op.drop_column('contacts', key)
