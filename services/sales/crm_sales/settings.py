"""Settings of the sales process, from CRM_SALES_* environment variables."""
from __future__ import annotations

from crmkit.config import DEFAULT_PORTS, ServiceSettings
from pydantic_settings import SettingsConfigDict


class SalesSettings(ServiceSettings):
    """The kit's service settings; the service calls no peer (accounts reach it as events)."""

    model_config = SettingsConfigDict(env_prefix="CRM_SALES_", extra="ignore", frozen=True)

    grpc_port: int = DEFAULT_PORTS["sales"]
