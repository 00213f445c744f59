"""The gateway's tables: identity (users, territories), credentials, audit, and the messaging tables."""
from __future__ import annotations

from crmkit.messaging_tables import messaging_tables
from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Identity,
    Index,
    MetaData,
    String,
    Table,
    Text,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

metadata = MetaData()

territories = Table(
    "territories", metadata,
    Column("code", String(8), primary_key=True),
    Column("name", String(100), nullable=False),
    Column("states", ARRAY(String(8)), nullable=False, server_default=text("'{}'")),
    Column("sales_region", String(20), nullable=False),
    Column("version", BigInteger, nullable=False, server_default="1"),
)

users = Table(
    "users", metadata,
    Column("id", UUID(as_uuid=False), primary_key=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("full_name", String(200), nullable=False),
    Column("email", String(320), nullable=False),
    Column("role", String(40), nullable=False),
    Column("manager_id", UUID(as_uuid=False), ForeignKey("users.id"), index=True),
    Column("active", Boolean, nullable=False, server_default=text("true")),
    Column("password_hash", Text, nullable=False),
    Column("version", BigInteger, nullable=False, server_default="1"),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("last_login_at", DateTime(timezone=True)),
)

user_territories = Table(
    "user_territories", metadata,
    Column("user_id", UUID(as_uuid=False), ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("territory_code", String(8), ForeignKey("territories.code"), primary_key=True),
    Column("position", BigInteger, nullable=False, server_default="0"),
)

refresh_tokens = Table(
    "refresh_tokens", metadata,
    Column("id", UUID(as_uuid=False), primary_key=True),
    Column("family_id", UUID(as_uuid=False), nullable=False, index=True),
    Column("user_id", UUID(as_uuid=False), ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("issued_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True)),
    Column("revoked_at", DateTime(timezone=True)),
)

api_clients = Table(
    "api_clients", metadata,
    Column("id", UUID(as_uuid=False), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("role", String(40), nullable=False),
    Column("key_hash", String(64), nullable=False, unique=True),
    Column("key_prefix", String(16), nullable=False),
    Column("created_by", UUID(as_uuid=False)),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("revoked_at", DateTime(timezone=True)),
)

# HMAC signing keys of API clients (INT-4): several per client so a secret can be rotated without
# downtime; the secret is sealed (adapters/secret_box.py), never stored in the clear.
signing_keys = Table(
    "signing_keys", metadata,
    Column("key_id", String(40), primary_key=True),
    Column("client_id", UUID(as_uuid=False), ForeignKey("api_clients.id"), nullable=False, index=True),
    Column("sealed_secret", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("revoked_at", DateTime(timezone=True)),
)

audit_log = Table(
    "audit_log", metadata,
    Column("id", BigInteger, Identity(), primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("actor_id", String(64)),
    Column("actor_name", String(200), nullable=False, server_default=""),
    Column("action", String(50), nullable=False),
    Column("address", String(64), nullable=False, server_default=""),
    Column("detail", JSONB, nullable=False, server_default=text("'{}'::jsonb")),
    Index("audit_log_action_at", "action", "at"),
    Index("audit_log_actor_at", "actor_id", "at"),
    Index("audit_log_at_id", "at", "id"),  # GET /api/v1/audit-events: newest first, keyset pages
)

messaging = messaging_tables(metadata)
