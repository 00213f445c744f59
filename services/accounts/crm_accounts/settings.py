"""Settings of the accounts process, from CRM_ACCOUNTS_* environment variables."""
from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from crmkit.config import DEFAULT_PORTS, ServiceSettings
from pydantic import field_validator
from pydantic_settings import SettingsConfigDict

DEFAULT_LEGACY_TIME_ZONE = "America/New_York"


class AccountsSettings(ServiceSettings):
    """The kit's service settings (database, NATS, principal key, gRPC address) for accounts."""

    model_config = SettingsConfigDict(env_prefix="CRM_ACCOUNTS_", extra="ignore", frozen=True)

    grpc_port: int = DEFAULT_PORTS["accounts"]
    # MIG-2: the legacy contact manager wrote its times without a zone, in the wall-clock time of the
    # office that ran it; UpsertLegacyActivities reads a time without an offset as a time of this
    # IANA zone (daylight saving included). The reference customer's ran on US Eastern time.
    legacy_time_zone: str = DEFAULT_LEGACY_TIME_ZONE

    @field_validator("legacy_time_zone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"{value!r} is not an IANA time zone this system knows (such as America/New_York); "
                             "install the tzdata package where the system has no zone database") from None
        return value

    @property
    def legacy_zone(self) -> ZoneInfo:
        return ZoneInfo(self.legacy_time_zone)
