"""Settings of the accounts process, from CRM_ACCOUNTS_* environment variables."""
from __future__ import annotations

from crmkit.config import ServiceSettings
from pydantic_settings import SettingsConfigDict


class AccountsSettings(ServiceSettings):
    """The kit's service settings (database, NATS, principal key, gRPC address) for accounts."""

    model_config = SettingsConfigDict(env_prefix="CRM_ACCOUNTS_", extra="ignore", frozen=True)

    grpc_port: int = 50062
