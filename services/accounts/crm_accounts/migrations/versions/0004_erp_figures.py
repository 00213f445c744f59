"""The ERP's figures on an account: sales-order headers (ACC-3) by sales order number, and finance
(ACC-4) by customer accounting ID and as-of date, each attached to its account.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 10:00:00.000000
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

FINANCE_AMOUNTS = ('mtd_sales', 'ytd_sales', 'prior_ytd_sales', 'credit_limit', 'past_due_amount')


def upgrade() -> None:
    op.create_table(
        'sales_orders',
        sa.Column('sales_order_number', sa.Text(), nullable=False),
        sa.Column('account_id', postgresql.UUID(as_uuid=False), nullable=False),
        *(sa.Column(name, sa.Text(), server_default='', nullable=False)
          for name in ('po_number', 'customer_accounting_id', 'salesperson', 'territory')),
        sa.Column('order_date', sa.Date(), nullable=False),
        sa.Column('ship_date', sa.Date(), nullable=True),
        sa.Column('total_amount', sa.Numeric(15, 2), nullable=False),
        sa.Column('currency', sa.String(3), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_sales_orders_account_id_accounts')),
        sa.PrimaryKeyConstraint('sales_order_number', name=op.f('pk_sales_orders')),
    )
    op.create_index('ix_sales_orders_account_id_order_date', 'sales_orders',
                    ['account_id', 'order_date', 'sales_order_number'])
    op.create_table(
        'account_finance',
        sa.Column('customer_accounting_id', sa.Text(), nullable=False),
        sa.Column('as_of_date', sa.Date(), nullable=False),
        sa.Column('account_id', postgresql.UUID(as_uuid=False), nullable=False),
        *(sa.Column(name, sa.Numeric(15, 2), nullable=False) for name in FINANCE_AMOUNTS),
        sa.Column('currency', sa.String(3), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_account_finance_account_id_accounts')),
        sa.PrimaryKeyConstraint('customer_accounting_id', 'as_of_date', name=op.f('pk_account_finance')),
    )
    op.create_index('ix_account_finance_account_id_as_of_date', 'account_finance', ['account_id', 'as_of_date'])


def downgrade() -> None:
    op.drop_index('ix_account_finance_account_id_as_of_date', table_name='account_finance')
    op.drop_table('account_finance')
    op.drop_index('ix_sales_orders_account_id_order_date', table_name='sales_orders')
    op.drop_table('sales_orders')
