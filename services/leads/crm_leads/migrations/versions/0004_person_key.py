"""Leads without email get a person key (name and company, case and spacing ignored), so that a
re-imported trade-show file finds the leads it made instead of making them again (LEAD-2).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 00:10:00.000000
"""
from alembic import op
import sqlalchemy as sa

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def _folded(column: str) -> str:
    # Lead.person_key as of this revision: lower case, runs of white space made one space, trimmed.
    return f"lower(btrim(regexp_replace({column}, '\\s+', ' ', 'g')))"


def upgrade() -> None:
    op.add_column('leads', sa.Column('person_key', sa.Text(), nullable=True))
    op.execute("UPDATE leads SET person_key = " + " || '|' || ".join(
        _folded(c) for c in ('first_name', 'last_name', 'company')) + " WHERE email_key IS NULL")
    op.create_index('ix_leads_person_key', 'leads', ['person_key'])


def downgrade() -> None:
    op.drop_index('ix_leads_person_key', table_name='leads')
    op.drop_column('leads', 'person_key')
