"""The accounts database: tables on one MetaData, with the kit's outbox, inbox and dead letters."""
from __future__ import annotations

from crmkit.identity.replica import identity_tables
from crmkit.messaging_tables import NAMING_CONVENTION, messaging_tables
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
    literal_column,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _text(name: str) -> Column:
    return Column(name, Text, nullable=False, server_default="")


def _stamps() -> tuple[Column, ...]:
    return (Column("created_at", DateTime(timezone=True), nullable=False),
            Column("updated_at", DateTime(timezone=True), nullable=False),
            Column("version", BigInteger, nullable=False))


def _digest() -> Column:
    """The digest of the data a record was created from: a retry of a caller-chosen id is recognised
    by it (crm_accounts.domain.idempotency); not part of the domain record."""
    return Column("creation_digest", Text)


def _trigram(table: str, column: str) -> Index:
    """A pg_trgm GIN index: serves `like '%text%'` and `ilike` (migration 0003 makes it when the
    server has pg_trgm)."""
    return Index(f"ix_{table}_{column}_trgm", column, postgresql_using="gin", postgresql_ops={column: "gin_trgm_ops"})


SEARCH_KEYS = ("name_key", "email_key", "phone_key")
# The addresses of a contact's email key, one element each; queries must spell it exactly so (with the
# separator inline, not bound) for the planner to use ix_contacts_email_addresses.
EMAIL_ADDRESSES = literal_column("string_to_array(email_key, ' ')", ARRAY(Text))

# The territory is not stored: it is derived from `state` through territory_states when read.
accounts = Table(
    "accounts", metadata,
    Column("id", UUID(as_uuid=False), primary_key=True),
    Column("name", Text, nullable=False),
    Column("customer_accounting_id", Text, unique=True),  # NULL when not set: unique only when set
    Column("type", Text, nullable=False),
    _text("subtype"),
    Column("status", Text, nullable=False),
    Column("parent_id", UUID(as_uuid=False), ForeignKey("accounts.id")),
    Column("key_account", Boolean, nullable=False, server_default="false"),
    *(_text(name) for name in ("street", "city", "state", "postal_code", "country", "phone", "website", "owner_id")),
    Column("number_of_locations", Integer, nullable=False, server_default="0"),
    *_stamps(),
    _digest(),
    Column("erp_ship_to_id", Text, unique=True),  # the ERP's ship-to ID of a location (INT-2), NULL when none
    # domain.search.company_key(name), written with the account, never read into it: MatchDirectory.
    _text("name_key"),
    CheckConstraint("type in ('prospect', 'customer', 'vendor', 'competitor')", name="type"),
    CheckConstraint("subtype in ('', 'office', 'kiosk_location')", name="subtype"),
    CheckConstraint("status in ('active', 'inactive')", name="status"),
    CheckConstraint("parent_id <> id", name="not_own_parent"),
    Index("ix_accounts_parent_id", "parent_id"),
    Index("ix_accounts_owner_id", "owner_id"),
    Index("ix_accounts_state", "state"),
    *(Index(f"ix_accounts_{name}_id", name, "id") for name in ("name", "created_at", "updated_at", "type", "status")),
    _trigram("accounts", "name"),
    Index("ix_accounts_name_key_top", "name_key", postgresql_where=text("parent_id IS NULL")),
)

contacts = Table(
    "contacts", metadata,
    Column("id", UUID(as_uuid=False), primary_key=True),
    Column("account_id", UUID(as_uuid=False), ForeignKey("accounts.id"), nullable=False),
    *(_text(name) for name in ("first_name", "last_name", "title", "role")),
    Column("emails", JSONB, nullable=False, server_default=text("'[]'::jsonb")),  # [{address, primary}], primary first
    Column("phones", JSONB, nullable=False, server_default=text("'[]'::jsonb")),  # [{number, type, extension}]
    Column("holiday_card", Boolean, nullable=False, server_default="false"),
    Column("status", Text, nullable=False),
    _text("linkedin_url"),
    Column("legacy_id", Text, unique=True),  # the legacy contact manager's record ID (MIG-1), when migrated
    Column("legacy", JSONB),  # MIG-1: the legacy record's values kept for reference (domain LegacyReference)
    *_stamps(),
    _digest(),
    # MOB-1 search keys (crm_accounts.domain.search), written with the contact, never read into it.
    *(_text(name) for name in SEARCH_KEYS),
    CheckConstraint("status in ('active', 'inactive')", name="status"),
    Index("ix_contacts_account_id", "account_id"),
    *(_trigram("contacts", name) for name in SEARCH_KEYS),
    # Exact address lookups (MatchDirectory): the email key's addresses as an array, GIN-indexed.
    Index("ix_contacts_email_addresses", EMAIL_ADDRESSES, postgresql_using="gin"),
)

kiosks = Table(
    "kiosks", metadata,
    Column("id", UUID(as_uuid=False), primary_key=True),
    Column("serial_number", Text, nullable=False, unique=True),
    *(_text(name) for name in ("model", "operating_system", "software_version")),
    Column("install_date", Date),
    Column("warranty_end_date", Date),
    Column("location_account_id", UUID(as_uuid=False), ForeignKey("accounts.id"), nullable=False),
    *_stamps(),
    Index("ix_kiosks_location_account_id", "location_account_id"),
)

shares = Table(
    "shares", metadata,
    Column("account_id", UUID(as_uuid=False), ForeignKey("accounts.id"), primary_key=True),
    Column("user_id", String(64), primary_key=True),
    Column("access", Text, nullable=False),
    Column("granted_by", String(64), nullable=False),
    Column("granted_at", DateTime(timezone=True), nullable=False),
    CheckConstraint("access in ('read', 'edit')", name="access"),
    Index("ix_shares_user_id", "user_id"),
)

def _amount(name: str) -> Column:
    return Column(name, Numeric(15, 2), nullable=False)


# The ERP's figures (ACC-3, ACC-4), keyed as the ERP keys them; account_id is the account the
# customer accounting ID named when the row was written.
sales_orders = Table(
    "sales_orders", metadata,
    Column("sales_order_number", Text, primary_key=True),
    Column("account_id", UUID(as_uuid=False), ForeignKey("accounts.id"), nullable=False),
    *(_text(name) for name in ("po_number", "customer_accounting_id", "salesperson", "territory")),
    Column("order_date", Date, nullable=False),
    Column("ship_date", Date),
    _amount("total_amount"),
    Column("currency", String(3), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_sales_orders_account_id_order_date", "account_id", "order_date", "sales_order_number"),
)

account_finance = Table(
    "account_finance", metadata,
    Column("customer_accounting_id", Text, primary_key=True),
    Column("as_of_date", Date, primary_key=True),
    Column("account_id", UUID(as_uuid=False), ForeignKey("accounts.id"), nullable=False),
    *(_amount(name) for name in ("mtd_sales", "ytd_sales", "prior_ytd_sales", "credit_limit", "past_due_amount")),
    Column("currency", String(3), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_account_finance_account_id_as_of_date", "account_id", "as_of_date"),
)

# GEN-1, MIG-2: calls, meetings, emails, notes and tasks on an account (and maybe one of its contacts),
# newest first by occurred_at; legacy_key (unique when set) recognises a re-imported legacy row.
activities = Table(
    "activities", metadata,
    Column("id", UUID(as_uuid=False), primary_key=True),
    Column("kind", Text, nullable=False),
    _text("subject"),
    _text("body"),
    Column("occurred_at", DateTime(timezone=True), nullable=False),
    Column("account_id", UUID(as_uuid=False), ForeignKey("accounts.id"), nullable=False),
    Column("contact_id", UUID(as_uuid=False), ForeignKey("contacts.id")),
    Column("lead_id", Text),  # the leads service's lead id (no foreign key: another service's record)
    *(_text(name) for name in ("direction", "from_address", "to_address", "author")),
    Column("legacy_key", Text, unique=True),
    *_stamps(),
    CheckConstraint("kind in ('call', 'meeting', 'email', 'note', 'task')", name="kind"),
    CheckConstraint("direction in ('', 'in', 'out')", name="direction"),
    Index("ix_activities_account_id_occurred_at", "account_id", "occurred_at", "id"),
    Index("ix_activities_contact_id_occurred_at", "contact_id", "occurred_at", "id",
          postgresql_where=text("contact_id IS NOT NULL")),
    Index("ix_activities_lead_id", "lead_id", postgresql_where=text("lead_id IS NOT NULL")),
)

# Replicas of the gateway's users and territories (crm.identity.*): visibility and default owners,
# and the state->territory map kept from the territories.
identity = identity_tables(metadata, "territories", "manager_id", territory_map=True)
users = identity.users
territories, territory_states = identity.territory_map()

messaging = messaging_tables(metadata)
