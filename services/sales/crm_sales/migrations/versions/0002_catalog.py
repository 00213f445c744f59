"""The catalogue and quotes (issue 10 items 6 and 7, GEN-10): products, price lists with validity
windows and quantity tiers, quotes with versions and lines that lock their price and its rule.

Revision ID: 0002_catalog
Revises: 0001_initial
Create Date: 2026-12-05 00:41:24.041453
"""
from alembic import op
import sqlalchemy as sa


revision = '0002_catalog'
down_revision = '0001_initial'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('price_lists',
    sa.Column('id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('account_id', sa.UUID(as_uuid=False), nullable=True),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.CheckConstraint('valid_to is null or valid_from is null or valid_to >= valid_from', name=op.f('ck_price_lists_window')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_price_lists'))
    )
    op.create_index('ix_price_lists_account_id_currency', 'price_lists', ['account_id', 'currency'], unique=False)
    op.create_table('products',
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), server_default='', nullable=False),
    sa.Column('unit', sa.String(length=32), nullable=False),
    sa.Column('active', sa.Boolean(), server_default='true', nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_products'))
    )
    op.create_table('price_list_tiers',
    sa.Column('price_list_id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('product_code', sa.String(length=64), nullable=False),
    sa.Column('min_quantity', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('unit_price', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.CheckConstraint('min_quantity >= 0', name=op.f('ck_price_list_tiers_min_quantity')),
    sa.CheckConstraint('unit_price >= 0', name=op.f('ck_price_list_tiers_unit_price')),
    sa.ForeignKeyConstraint(['price_list_id'], ['price_lists.id'], name=op.f('fk_price_list_tiers_price_list_id'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['product_code'], ['products.code'], name=op.f('fk_price_list_tiers_product_code')),
    sa.PrimaryKeyConstraint('price_list_id', 'product_code', 'min_quantity', name=op.f('pk_price_list_tiers'))
    )
    op.create_table('quotes',
    sa.Column('id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('number', sa.String(length=32), nullable=False),
    sa.Column('quote_version', sa.Integer(), nullable=False),
    sa.Column('opportunity_id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('discount_percent', sa.Numeric(precision=5, scale=2), server_default='0', nullable=False),
    sa.Column('tax_rate_percent', sa.Numeric(precision=5, scale=2), server_default='0', nullable=False),
    sa.Column('is_primary', sa.Boolean(), server_default='false', nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.CheckConstraint("status in ('draft', 'sent', 'accepted', 'rejected')", name=op.f('ck_quotes_status')),
    sa.CheckConstraint('quote_version >= 1', name=op.f('ck_quotes_quote_version')),
    sa.ForeignKeyConstraint(['opportunity_id'], ['opportunities.id'], name=op.f('fk_quotes_opportunity_id'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quotes')),
    sa.UniqueConstraint('number', 'quote_version', name='uq_quotes_number_quote_version')
    )
    op.create_index('ix_quotes_opportunity_id', 'quotes', ['opportunity_id'], unique=False)
    op.create_index('uq_quotes_primary_per_opportunity', 'quotes', ['opportunity_id'], unique=True, postgresql_where=sa.text('is_primary'))
    op.create_table('quote_lines',
    sa.Column('quote_id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('product_code', sa.String(length=64), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('quantity', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('unit_price', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('discount_percent', sa.Numeric(precision=5, scale=2), server_default='0', nullable=False),
    sa.Column('rule_step', sa.String(length=20), nullable=False),
    sa.Column('rule_price_list_id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('rule_price_list_name', sa.Text(), nullable=False),
    sa.Column('rule_tier_min_quantity', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('rule_valid_from', sa.Date(), nullable=True),
    sa.Column('rule_valid_to', sa.Date(), nullable=True),
    sa.CheckConstraint('quantity > 0', name=op.f('ck_quote_lines_quantity')),
    sa.ForeignKeyConstraint(['product_code'], ['products.code'], name=op.f('fk_quote_lines_product_code')),
    sa.ForeignKeyConstraint(['quote_id'], ['quotes.id'], name=op.f('fk_quote_lines_quote_id'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('quote_id', 'position', name=op.f('pk_quote_lines'))
    )


def downgrade() -> None:
    op.drop_table('quote_lines')
    op.drop_index('uq_quotes_primary_per_opportunity', table_name='quotes', postgresql_where=sa.text('is_primary'))
    op.drop_index('ix_quotes_opportunity_id', table_name='quotes')
    op.drop_table('quotes')
    op.drop_table('price_list_tiers')
    op.drop_table('products')
    op.drop_index('ix_price_lists_account_id_currency', table_name='price_lists')
    op.drop_table('price_lists')
