"""What the gateway keeps about who may call: users, API clients and their signing keys, refresh
tokens, territories and the audit trail, as the repository answers them."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from crm_gateway.domain.tokens import StoredRefresh


@dataclass(frozen=True)
class UserRecord:
    id: str
    username: str
    full_name: str
    email: str
    role: str
    manager_id: str | None
    active: bool
    version: int
    territories: tuple[str, ...]
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class RefreshRecord:
    id: str
    family_id: str
    user_id: str
    stored: StoredRefresh


@dataclass(frozen=True)
class ApiClientRecord:
    id: str
    name: str
    role: str
    key_prefix: str
    created_at: datetime
    revoked_at: datetime | None


@dataclass(frozen=True)
class TerritoryRecord:
    code: str
    name: str
    states: tuple[str, ...]
    sales_region: str


@dataclass(frozen=True)
class AuditRecord:
    id: int
    occurred_at: datetime
    action: str
    actor_id: str | None
    actor_name: str
    address: str
    detail: dict


@dataclass(frozen=True)
class SigningKeyRecord:
    key_id: str
    client_id: str
    created_at: datetime
    revoked_at: datetime | None


@dataclass(frozen=True)
class ActiveKey:
    """A usable key with its client: the sealed secret, and who signing with it makes the caller."""

    key_id: str
    sealed_secret: str
    client_id: str
    client_name: str
    client_role: str
