"""Settings of the leads process, from CRM_LEADS_* environment variables."""
from __future__ import annotations

from crmkit.config import DEFAULT_PORTS, ServiceSettings, target
from pydantic import Field
from pydantic_settings import SettingsConfigDict


class LeadsSettings(ServiceSettings):
    """The kit's service settings, the rating rules' values (checked by
    crm_leads.domain.rating.RatingRules.configured when the service starts) and the accounts service
    that lead conversion calls."""

    model_config = SettingsConfigDict(env_prefix="CRM_LEADS_", extra="ignore", frozen=True)

    grpc_port: int = DEFAULT_PORTS["leads"]
    # Lead conversion (LEAD-6) creates accounts and contacts through the accounts service.
    accounts_target: str = target("accounts")  # host:port, or dns:///name for several replicas
    accounts_timeout_seconds: float = Field(5.0, gt=0)  # the deadline of each call to accounts
    rating_a_min_points: int = Field(8, ge=0)
    rating_b_min_points: int = Field(4, ge=0)
    # Overrides of the points per data point, as JSON: CRM_LEADS_RATING_POINTS='{"using_kiosks": 3}'
    rating_points: dict[str, int] = Field(default_factory=dict)
