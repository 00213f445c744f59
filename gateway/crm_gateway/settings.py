"""The gateway's one typed settings object (env prefix CRM_GATEWAY_)."""
from __future__ import annotations

import ipaddress
from pathlib import Path

from crmkit.config import DatabaseSettings, target
from pydantic import Field, SecretStr, field_validator
from pydantic_settings import SettingsConfigDict

_PLACEHOLDERS = ("changeme", "change-me", "change_me", "secret", "password", "example", "placeholder")


class GatewaySettings(DatabaseSettings):
    """Everything the gateway process needs; refuses to start with a weak or placeholder secret."""

    model_config = SettingsConfigDict(env_prefix="CRM_GATEWAY_", extra="ignore", frozen=True)

    redis_url: str | None = None  # without it, rate limits, throttles and idempotency keys stay in-process
    redis_key_prefix: str = "crm:gateway:"
    jwt_secret: SecretStr
    jwt_issuer: str = "crm-gateway"
    jwt_audience: str = "crm-api"
    principal_private_key: SecretStr  # PEM of the Ed25519 key that signs principals for the services
    leads_target: str = target("leads")
    accounts_target: str = target("accounts")
    integration_target: str = target("integration")
    sales_target: str = target("sales")
    grpc_timeout_seconds: float = 5.0
    import_upload_timeout_seconds: float = Field(600.0, gt=0)  # an import file may be 100+ MB
    http_host: str = "127.0.0.1"
    http_port: int = 8000
    access_token_ttl_seconds: int = Field(900, ge=60, le=24 * 3600)
    refresh_token_ttl_seconds: int = Field(14 * 24 * 3600, ge=300)
    demo_password: SecretStr | None = None
    # OWASP Password Storage Cheat Sheet minimum for Argon2id: m=19 MiB, t=2, p=1 (about 20 ms of one
    # core); hashes made with other parameters still verify and are redone at the next login.
    argon2_time_cost: int = Field(2, ge=1)
    argon2_memory_kib: int = Field(19456, ge=8192)
    argon2_parallelism: int = Field(1, ge=1)
    password_hash_concurrency: int = Field(1, ge=1)  # hashes at once: at most a core's worth per process
    password_queue_seconds: float = Field(5.0, gt=0)  # a login waits this long for a slot, then 503
    caller_cache_seconds: float = Field(1.0, ge=0, le=1.0)  # how stale a request's view of its user may be
    http_keep_alive_seconds: int = Field(75, ge=1)  # longer than a user's think time between clicks
    login_max_failures_per_account: int = Field(5, ge=1)  # then each attempt waits 1, 2, 4... seconds
    login_delay_cap_seconds: int = Field(30, ge=1)  # the longest the real user waits behind a guesser
    login_max_failures_per_address: int = Field(20, ge=1)
    login_failure_window_seconds: int = Field(900, ge=1)
    # Peers whose X-Forwarded-For is believed (addresses or CIDRs, JSON list); none by default, so a
    # client cannot dodge the login and web-form limits by naming another address.
    trusted_proxies: tuple[str, ...] = ()
    web_form_rate_limit: int = Field(30, ge=1)
    web_form_rate_window_seconds: int = Field(60, ge=1)
    idempotency_ttl_seconds: int = Field(24 * 3600, ge=60)
    web_dir: Path | None = None  # the built web client (web/dist), served at / when set
    # Bodies are refused past these sizes before they are parsed or anyone is authenticated (413).
    max_body_bytes: int = Field(1024 * 1024, ge=1024)
    max_upload_bytes: int = Field(2 * 1024 ** 3, ge=1024)  # an import file

    @field_validator("trusted_proxies")
    @classmethod
    def _proxy_networks(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for entry in value:  # refuses a malformed entry at start-up (ValueError names it)
            ipaddress.ip_network(entry.strip(), strict=False)
        return value

    @field_validator("jwt_secret")
    @classmethod
    def _strong_secret(cls, value: SecretStr) -> SecretStr:
        secret = value.get_secret_value()
        if len(secret) < 32:
            raise ValueError("must be at least 32 characters "
                             "(e.g. `python -c 'import secrets; print(secrets.token_urlsafe(48))'`)")
        lowered = secret.lower()
        if any(word in lowered for word in _PLACEHOLDERS) or len(set(secret)) < 8:
            raise ValueError("looks like a placeholder; generate a random secret")
        return value

    @field_validator("principal_private_key")
    @classmethod
    def _private_pem(cls, value: SecretStr) -> SecretStr:
        if "BEGIN PRIVATE KEY" not in value.get_secret_value():
            raise ValueError("must be a PEM private key (PKCS#8 Ed25519: the principal signing key)")
        return value
