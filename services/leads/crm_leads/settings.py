"""Settings of the leads process, from CRM_LEADS_* environment variables."""
from __future__ import annotations

from crmkit.config import DEFAULT_PORTS, ServiceSettings, target
from pydantic import Field, field_validator, model_validator
from pydantic_settings import SettingsConfigDict

from crm_leads.domain.rating import RatingRules


class LeadsSettings(ServiceSettings):
    """The kit's service settings, the rating rules (see crm_leads.domain.rating) and the accounts
    service that lead conversion calls."""

    model_config = SettingsConfigDict(env_prefix="CRM_LEADS_", extra="ignore", frozen=True)

    grpc_port: int = DEFAULT_PORTS["leads"]
    # Lead conversion (LEAD-6) creates accounts and contacts through the accounts service.
    accounts_target: str = target("accounts")  # host:port, or dns:///name for several replicas
    accounts_timeout_seconds: float = Field(5.0, gt=0)  # the deadline of each call to accounts
    rating_a_min_points: int = Field(8, ge=0)
    rating_b_min_points: int = Field(4, ge=0)
    # Overrides of the points per data point, as JSON: CRM_LEADS_RATING_POINTS='{"using_kiosks": 3}'
    rating_points: dict[str, int] = Field(default_factory=dict)

    @field_validator("rating_points")
    @classmethod
    def _known_points(cls, value: dict[str, int]) -> dict[str, int]:
        unknown = sorted(set(value) - set(RatingRules.weight_names()))
        if unknown:
            raise ValueError(f"unknown rating data points {unknown}; known: {', '.join(RatingRules.weight_names())}")
        return value

    @model_validator(mode="after")
    def _rules_hold(self) -> LeadsSettings:
        self.rating_rules()  # refuse to start with rules that cannot rate
        return self

    def rating_rules(self) -> RatingRules:
        return RatingRules(**self.rating_points, a_min_points=self.rating_a_min_points,
                           b_min_points=self.rating_b_min_points)
