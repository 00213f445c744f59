"""The integration database: tables on one MetaData, with the kit's outbox, inbox and dead letters."""
from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, CheckConstraint, Column, DateTime, Index, Integer, MetaData, String, Table, Text, func, text
from sqlalchemy.dialects.postgresql import JSONB, UUID

from crmkit.messaging_tables import NAMING_CONVENTION, messaging_tables

metadata = MetaData(naming_convention=NAMING_CONVENTION)

# The replica of the gateway's users (crm.identity.user.*): who notifications are addressed to.
users = Table(
    "users", metadata,
    Column("id", String(64), primary_key=True),
    Column("username", Text, nullable=False),
    Column("full_name", Text, nullable=False),
    Column("email", Text, nullable=False),
    Column("role", String(50), nullable=False),
    Column("active", Boolean, nullable=False),
    Column("version", BigInteger, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)

# Mail to send. A row is written in the transaction of the fact it reports; the MailSender claims
# due rows (FOR UPDATE SKIP LOCKED), delivers them and marks them sent, retrying failures forever
# with capped exponential backoff. `dedup_key` is unique: one fact never yields two emails.
mail_outbox = Table(
    "mail_outbox", metadata,
    Column("id", UUID(as_uuid=False), primary_key=True),
    Column("to_address", Text, nullable=False),
    Column("subject", Text, nullable=False),
    Column("text_body", Text, nullable=False),
    Column("html_body", Text),
    Column("headers", JSONB, nullable=False, server_default=text("'{}'::jsonb")),
    Column("dedup_key", Text, nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("next_attempt_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("sent_at", DateTime(timezone=True)),
    Column("last_error", Text),
    CheckConstraint("attempts >= 0", name="attempts"),
    Index("ix_mail_outbox_due", "next_attempt_at", postgresql_where=text("sent_at IS NULL")),
)

messaging = messaging_tables(metadata)
