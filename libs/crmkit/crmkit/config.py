"""Typed settings shared by every process; each subclasses with its own env prefix. DEFAULT_PORTS is
the one table of default gRPC ports: a service listens on its own, and a peer's default target is
`target(peer)`."""
from __future__ import annotations

from crmkit.principal import TrustedIssuer
from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# Every service's default gRPC port, the planned ones too, so no two defaults ever collide. A new
# service takes its reserved port here.
DEFAULT_PORTS: dict[str, int] = {
    "leads": 50061,
    "accounts": 50062,
    "sales": 50063,
    "support": 50064,
    "marketing": 50065,
    "integration": 50066,
}


def target(service: str) -> str:
    """The default address of `service` (host:port), where it listens when nothing overrides it."""
    return f"127.0.0.1:{DEFAULT_PORTS[service]}"


class KitSettings(BaseSettings):
    """What every process needs: where its infrastructure lives and how to observe it."""

    model_config = SettingsConfigDict(extra="ignore", frozen=True)

    log_level: str = "INFO"
    log_format: str = Field("json", pattern="^(json|text)$")
    otlp_endpoint: str | None = None  # e.g. http://collector:4317; traces are kept in-process when unset
    nats_url: str = "nats://127.0.0.1:4222"
    metrics_host: str = "127.0.0.1"
    metrics_port: int | None = None  # where Prometheus scrapes /metrics (crmkit.metrics); none when unset


class DatabaseSettings(KitSettings):
    """A process with its own PostgreSQL database (every service, and the gateway)."""

    database_url: str
    db_pool_size: int = 10
    db_pool_timeout_seconds: float = Field(2.0, gt=0)  # then a fast "overloaded" answer, not a 30 s hang

    @field_validator("database_url")
    @classmethod
    def _postgres_only(cls, value: str) -> str:
        if not value.startswith(("postgresql://", "postgresql+asyncpg://", "postgres://")):
            raise ValueError("PostgreSQL is the only supported database (postgresql://...)")
        return value


class ServiceSettings(DatabaseSettings):
    """A gRPC service with its own database. Subclass with `env_prefix="CRM_<SVC>_"` and
    `grpc_port: int = DEFAULT_PORTS["<svc>"]`."""

    grpc_host: str = "127.0.0.1"
    grpc_port: int
    principal_public_key: str  # PEM of the gateway's Ed25519 signing key
    # Services whose own principals this one accepts, for some roles only (crmkit.principal), as JSON:
    # [{"name": "crm-integration", "public_key_pem": "-----BEGIN PUBLIC KEY-----...", "roles": ["erp"]}]
    trusted_issuers: tuple[TrustedIssuer, ...] = ()
    drain_seconds: float = 10.0

    @field_validator("principal_public_key")
    @classmethod
    def _looks_like_pem(cls, value: str) -> str:
        if "BEGIN PUBLIC KEY" not in value:
            raise ValueError("must be a PEM public key (the gateway's principal verification key)")
        return value
