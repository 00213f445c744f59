"""The catalogue and quote tables (issue 10 items 6 and 7, GEN-10) on the sales MetaData.

Unit prices and quantities keep four decimals (a price may be 0.0050 per unit); line and quote
amounts are computed from them by crm_sales.domain.quotes and never stored, so one rounding rule
decides every total. A quote line copies its price and the rule that produced it (locked prices).
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import UUID

PRICE = Numeric(18, 4)
PERCENT = Numeric(5, 2)


@dataclass(frozen=True)
class CatalogTables:
    products: Table
    price_lists: Table
    price_list_tiers: Table
    quotes: Table
    quote_lines: Table


def catalog_tables(metadata: MetaData) -> CatalogTables:
    products = Table(
        "products", metadata,
        Column("code", String(64), primary_key=True),
        Column("name", Text, nullable=False),
        Column("description", Text, nullable=False, server_default=""),
        Column("unit", String(32), nullable=False),
        Column("active", Boolean, nullable=False, server_default="true"),
        Column("version", BigInteger, nullable=False),
    )
    price_lists = Table(
        "price_lists", metadata,
        Column("id", UUID(as_uuid=False), primary_key=True),
        Column("name", Text, nullable=False),
        Column("currency", String(3), nullable=False),
        Column("account_id", UUID(as_uuid=False)),  # null: a standard list
        Column("valid_from", Date),
        Column("valid_to", Date),
        Column("version", BigInteger, nullable=False),
        CheckConstraint("valid_to is null or valid_from is null or valid_to >= valid_from", name="window"),
        Index("ix_price_lists_account_id_currency", "account_id", "currency"),
    )
    price_list_tiers = Table(
        "price_list_tiers", metadata,
        Column("price_list_id", UUID(as_uuid=False), ForeignKey("price_lists.id", ondelete="CASCADE"),
               primary_key=True),
        Column("product_code", String(64), ForeignKey("products.code"), primary_key=True),
        Column("min_quantity", PRICE, primary_key=True),
        Column("unit_price", PRICE, nullable=False),
        CheckConstraint("min_quantity >= 0", name="min_quantity"),
        CheckConstraint("unit_price >= 0", name="unit_price"),
    )
    quotes = Table(
        "quotes", metadata,
        Column("id", UUID(as_uuid=False), primary_key=True),
        Column("number", String(32), nullable=False),  # shared by v1, v2, ... of one quote
        Column("quote_version", Integer, nullable=False),
        Column("opportunity_id", UUID(as_uuid=False), ForeignKey("opportunities.id", ondelete="CASCADE"),
               nullable=False),
        Column("currency", String(3), nullable=False),
        Column("status", String(10), nullable=False),
        Column("discount_percent", PERCENT, nullable=False, server_default="0"),
        Column("tax_rate_percent", PERCENT, nullable=False, server_default="0"),
        # The opportunity's amount follows its primary quote's total (at most one per opportunity).
        Column("is_primary", Boolean, nullable=False, server_default="false"),
        Column("created_by", String(64), nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("updated_at", DateTime(timezone=True), nullable=False),
        Column("version", BigInteger, nullable=False),
        UniqueConstraint("number", "quote_version", name="uq_quotes_number_quote_version"),
        CheckConstraint("status in ('draft', 'sent', 'accepted', 'rejected')", name="status"),
        CheckConstraint("quote_version >= 1", name="quote_version"),
        Index("ix_quotes_opportunity_id", "opportunity_id"),
        Index("uq_quotes_primary_per_opportunity", "opportunity_id", unique=True,
              postgresql_where=text("is_primary")),
    )
    quote_lines = Table(
        "quote_lines", metadata,
        Column("quote_id", UUID(as_uuid=False), ForeignKey("quotes.id", ondelete="CASCADE"), primary_key=True),
        Column("position", Integer, primary_key=True),
        Column("product_code", String(64), ForeignKey("products.code"), nullable=False),
        Column("description", Text, nullable=False),
        Column("quantity", PRICE, nullable=False),
        Column("unit_price", PRICE, nullable=False),  # locked when the line was created
        Column("discount_percent", PERCENT, nullable=False, server_default="0"),
        # The rule that produced the price (GEN-10): step, list, tier and validity window.
        Column("rule_step", String(20), nullable=False),
        Column("rule_price_list_id", UUID(as_uuid=False), nullable=False),
        Column("rule_price_list_name", Text, nullable=False),
        Column("rule_tier_min_quantity", PRICE, nullable=False),
        Column("rule_valid_from", Date),
        Column("rule_valid_to", Date),
        CheckConstraint("quantity > 0", name="quantity"),
    )
    return CatalogTables(products, price_lists, price_list_tiers, quotes, quote_lines)
