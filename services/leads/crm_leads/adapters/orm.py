"""The leads database: tables on one MetaData, with the kit's outbox, inbox and dead letters."""
from __future__ import annotations

from crmkit.identity.replica import identity_tables
from crmkit.messaging_tables import NAMING_CONVENTION, messaging_tables
from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import UUID

metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _text(name: str) -> Column:
    return Column(name, Text, nullable=False, server_default="")


leads = Table(
    "leads", metadata,
    Column("id", UUID(as_uuid=False), primary_key=True),
    *(_text(name) for name in ("first_name", "last_name", "company", "email", "phone", "state", "country")),
    # The person's identity for de-duplication (LEAD-8); NULL for leads without email, never merged.
    Column("email_key", Text, unique=True),
    # Leads without email: the person's name and company (Lead.person_key), so a re-imported badge
    # scan finds the lead it made (LEAD-2); NULL when the lead has an email.
    Column("person_key", Text, index=True),
    Column("source", Text, nullable=False),
    _text("landing_page"),
    Column("status", Text, nullable=False),
    _text("unqualified_reason"),
    Column("number_of_locations", Integer),
    Column("using_kiosks", Boolean),
    *(_text(name) for name in ("current_vendor", "current_vendor_account_id", "linkedin_url", "role")),
    Column("rating", String(1), nullable=False),
    _text("owner_id"),
    _text("message"),
    _text("title"),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("assigned_at", DateTime(timezone=True)),
    Column("version", BigInteger, nullable=False),
    Column("submission_count", Integer, nullable=False),
    # LEAD-6: the account and contact the lead became, once converted (status Customer).
    *(_text(name) for name in ("converted_account_id", "converted_contact_id", "converted_account_owner_id")),
    Column("converted_at", DateTime(timezone=True)),
    # LEAD-2: the campaign an imported lead came from; LEAD-5: the existing account its company matched.
    _text("campaign"),
    _text("matched_account_id"),
    CheckConstraint("status in ('New', 'Working', 'Qualified', 'Unqualified', 'Customer')", name="status"),
    CheckConstraint("rating in ('A', 'B', 'C')", name="rating"),
    CheckConstraint("(status = 'Unqualified') = (unqualified_reason <> '')", name="unqualified_reason"),
    CheckConstraint("number_of_locations >= 0", name="number_of_locations"),
    Index("ix_leads_created_at_id", "created_at", "id"),
    Index("ix_leads_updated_at_id", "updated_at", "id"),
    Index("ix_leads_owner_id", "owner_id"),
    Index("ix_leads_status", "status"),
)

web_forms = Table(
    "web_forms", metadata,
    Column("id", UUID(as_uuid=False), primary_key=True),
    Column("slug", String(100), nullable=False, unique=True),
    Column("landing_page_name", Text, nullable=False),
    Column("active", Boolean, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("version", BigInteger, nullable=False),
)

# The replica of the gateway's users (crm.identity.user.*): the SDR pool of round-robin (LEAD-3).
identity = identity_tables(metadata, "email")
users = identity.users
Index("ix_users_sdr_pool", users.c.id, postgresql_where=text("role = 'sdr' AND active"))

# One row per rotation: the key of the SDR who got the last lead, locked while assigning.
assignment_cursors = Table(
    "assignment_cursors", metadata,
    Column("name", String(50), primary_key=True),
    Column("last_key", String(64)),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)

messaging = messaging_tables(metadata)
