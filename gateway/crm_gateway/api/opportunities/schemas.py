"""Opportunity bodies (OPP-1, OPP-2, S1, S3, S4): amounts are decimal strings with their currency."""
from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, Field

from crm_gateway.api.common import Strict

Amount = Annotated[str, Field(pattern=r"^\d{1,16}(\.\d{1,6})?$", examples=["1250.00"])]
Currency = Annotated[str, Field(pattern=r"^[A-Za-z]{3}$", examples=["USD"])]
Code = Annotated[str, Field(min_length=1, max_length=40)]
Id = Annotated[str, Field(min_length=1, max_length=64)]


class OpportunityFields(Strict):
    multiline = frozenset({"description"})
    name: Annotated[str, Field(min_length=1, max_length=200)] | None = None
    type: Annotated[str, Field(pattern=r"^(add_on|net_new)$")] | None = None
    stage: Code | None = None
    probability: Annotated[int, Field(ge=0, le=100)] | None = None
    amount: Amount | None = None
    currency: Currency | None = None
    exchange_rate: Annotated[str, Field(pattern=r"^\d{1,10}(\.\d{1,8})?$")] | None = None
    close_date: date | None = None
    committed: bool | None = None
    owner_id: Id | None = None
    loss_reason: Code | None = None
    description: Annotated[str, Field(max_length=10_000)] | None = None
    competitor_ids: Annotated[list[Id], Field(max_length=20)] | None = None


class OpportunityCreate(OpportunityFields):
    account_id: Id
    name: Annotated[str, Field(min_length=1, max_length=200)]
    amount: Amount
    currency: Currency
    close_date: date


class OpportunityUpdate(OpportunityFields):
    pass


class Reopen(Strict):
    stage: Code


class SdrCorrection(Strict):
    sdr_id: Annotated[str, Field(max_length=64)]
    lead_source: Annotated[str, Field(max_length=40)] = ""


class OpportunityRead(BaseModel):
    id: str
    account_id: str
    account_name: str
    name: str
    type: str
    stage: str
    stage_entered_at: datetime
    probability: int
    forecast_category: str
    amount: str
    currency: str
    exchange_rate: str
    close_date: date
    committed: bool
    owner_id: str
    owner_name: str = Field(description="the owner's full name; empty when the user is unknown")
    sdr_id: str
    sdr_name: str = Field(description="the credited SDR's full name; empty when none or unknown")
    lead_source: str
    loss_reason: str
    lost_at_stage: str
    closed_at: datetime | None
    description: str
    competitor_ids: list[str]
    created_at: datetime
    updated_at: datetime
    version: int


class HistoryEntryRead(BaseModel):
    field: str
    from_value: str
    to_value: str
    at: datetime
    by: str
    by_name: str = Field(description="the full name of who made the change; empty when unknown (e.g. the system)")
    from_name: str = Field(description="for owner_id and sdr_id: the full name behind from_value; else empty")
    to_name: str = Field(description="for owner_id and sdr_id: the full name behind to_value; else empty")
    reason: str


class CompetitorRead(BaseModel):
    id: str
    name: str


class OpportunityDetail(OpportunityRead):
    competitors: list[CompetitorRead]
    history: list[HistoryEntryRead]
    seconds_in_stage: int


class StageRead(BaseModel):
    code: str
    name: str
    position: int
    kind: str
    probability: int
    forecast_category: str


class LossReasonRead(BaseModel):
    code: str
    name: str
    position: int


class SalesProcessRead(BaseModel):
    stages: list[StageRead]
    loss_reasons: list[LossReasonRead]
