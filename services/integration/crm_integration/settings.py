"""Settings of the integration process, from CRM_INTEGRATION_* environment variables."""
from __future__ import annotations

from dataclasses import dataclass
from email.utils import parseaddr
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from crmkit.config import DEFAULT_PORTS, ServiceSettings, target
from pydantic import Field, field_validator, model_validator
from pydantic_settings import SettingsConfigDict

DEFAULT_DATA_DIR = Path("var")  # ./crm up's default CRM_DATA_DIR, relative to the working directory


@dataclass(frozen=True)
class SmtpEndpoint:
    """Where outbound mail goes, as the smtp_url setting names it (adapters.delivery sends there)."""

    host: str
    port: int
    tls: bool  # smtps: TLS from the first byte
    username: str | None = None
    password: str | None = None

    @classmethod
    def parse(cls, url: str) -> SmtpEndpoint:
        parts = urlsplit(url)
        if parts.scheme not in ("smtp", "smtps"):
            raise ValueError(f"SMTP URL must start with smtp:// or smtps://, not {parts.scheme or 'nothing'}://")
        if not parts.hostname:
            raise ValueError("SMTP URL names no host")
        tls = parts.scheme == "smtps"
        return cls(host=parts.hostname, port=parts.port or (465 if tls else 25), tls=tls,
                   username=unquote(parts.username) if parts.username else None,
                   password=unquote(parts.password) if parts.password else None)


class IntegrationSettings(ServiceSettings):
    """The kit's service settings plus outbound mail.

    With `smtp_url` set (smtp://user:pass@host:port, or smtps:// for TLS from the first byte) mail
    goes to that server; without it every message is written as an RFC 5322 .eml file into
    `mail_dir` (default `<data_dir>/mail/outbox/`), so a laptop run needs no mail server.
    """

    model_config = SettingsConfigDict(env_prefix="CRM_INTEGRATION_", extra="ignore", frozen=True)

    grpc_port: int = DEFAULT_PORTS["integration"]
    data_dir: Path = DEFAULT_DATA_DIR
    smtp_url: str | None = None
    smtp_timeout_seconds: float = Field(30.0, gt=0)
    mail_dir: Path
    mail_from: str = "crm@localhost"
    public_url: str = "http://127.0.0.1:8000"  # where the web app answers: links in emails point here
    mail_poll_seconds: float = Field(1.0, gt=0)
    mail_retry_base_seconds: float = Field(5.0, gt=0)
    mail_retry_max_seconds: float = Field(600.0, gt=0)
    # Imports: the services rows are applied through, and this service's own principal signing key
    # (the called services trust its public half for the admin and erp roles; crmkit.principal).
    accounts_target: str = target("accounts")  # host:port, or dns:///name for several replicas
    leads_target: str = target("leads")
    owner_timeout_seconds: float = Field(60.0, gt=0)  # the deadline of one batch call
    principal_private_key: str | None = None
    import_batch_rows: int = Field(500, ge=1, le=5000)
    import_lease_seconds: float = Field(60.0, gt=0)
    import_poll_seconds: float = Field(1.0, gt=0)
    import_inbox_dir: Path  # default <data_dir>/imports/inbox: one folder per kind (the ERP's file drop)
    import_inbox_poll_seconds: float = Field(5.0, gt=0)

    @model_validator(mode="before")
    @classmethod
    def _default_folders(cls, data: Any) -> Any:
        if isinstance(data, dict):
            data_dir = Path(data.get("data_dir") or DEFAULT_DATA_DIR)
            data = {**data, "mail_dir": data.get("mail_dir") or data_dir / "mail" / "outbox",
                    "import_inbox_dir": data.get("import_inbox_dir") or data_dir / "imports" / "inbox"}
        return data

    @field_validator("smtp_url")
    @classmethod
    def _smtp_url(cls, value: str | None) -> str | None:
        if not value:
            return None
        SmtpEndpoint.parse(value)  # refuses a URL it cannot use
        return value

    @field_validator("mail_from")
    @classmethod
    def _mail_from(cls, value: str) -> str:
        if "@" not in parseaddr(value)[1]:
            raise ValueError("must be an email address, e.g. crm@acme.example or 'CRM <crm@acme.example>'")
        return value

    @field_validator("public_url")
    @classmethod
    def _public_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must be an http(s) URL")
        return value.rstrip("/")

    @field_validator("principal_private_key")
    @classmethod
    def _private_key(cls, value: str | None) -> str | None:
        if value and "PRIVATE KEY" not in value:
            raise ValueError("must be a PEM private key (this service's Ed25519 signing key)")
        return value or None

    def smtp_endpoint(self) -> SmtpEndpoint | None:
        return SmtpEndpoint.parse(self.smtp_url) if self.smtp_url else None
