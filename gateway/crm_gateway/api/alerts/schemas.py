"""Stage-timeout alert bodies (GEN-4, S2): the caller's alerts and the admin's stage thresholds."""
from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field

from crm_gateway.api.common import Page, Strict


class AlertRead(BaseModel):
    id: str
    opportunity_id: str
    opportunity_name: str
    account_id: str
    account_name: str
    stage: str
    stage_entered_at: datetime
    threshold_days: int
    due_at: datetime
    reason: str = Field(description="owner | rsm: why the caller received it")
    created_at: datetime
    read_at: datetime | None = Field(description="null while unread")


class AlertPage(Page[AlertRead]):
    unread_count: int = Field(description="how many of the caller's alerts are unread, whatever the page")


class StageThresholdRead(BaseModel):
    stage: str
    name: str
    kind: str = Field(description="open | won | lost; closed stages take no threshold")
    alert_after_days: int | None = Field(description="days in the stage before the owner is alerted; null: never")
    alert_rsm: bool = Field(description="the owner's RSM is alerted too")
    version: int


class StageThresholdUpdate(Strict):
    alert_after_days: Annotated[int, Field(ge=1, le=3650)] | None
    alert_rsm: bool = False
