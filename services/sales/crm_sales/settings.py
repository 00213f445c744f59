"""Settings of the sales process, from CRM_SALES_* environment variables."""
from __future__ import annotations

from crmkit.config import DEFAULT_PORTS, ServiceSettings
from pydantic import Field
from pydantic_settings import SettingsConfigDict


class SalesSettings(ServiceSettings):
    """The kit's service settings; the service calls no peer (accounts reach it as events)."""

    model_config = SettingsConfigDict(env_prefix="CRM_SALES_", extra="ignore", frozen=True)

    grpc_port: int = DEFAULT_PORTS["sales"]
    # GEN-4, S2: how often the stage-alert scanner looks for overdue stays, and how many per transaction.
    stage_alert_poll_seconds: float = 60.0
    stage_alert_batch_size: int = 200
    # OPP-3, S5: the month the fiscal year starts in (1 = January; FY2027 is named after the year it ends
    # in) and the corporate currency forecasts convert into and quotas are set in.
    fiscal_year_start_month: int = Field(default=1, ge=1, le=12)
    corporate_currency: str = Field(default="USD", pattern=r"^[A-Z]{3}$")
