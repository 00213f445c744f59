"""/api/v1/me/alerts and /api/v1/stage-thresholds: translate to the sales service's StageAlerts (GEN-4,
S2). Every recipient reads and marks only their own alerts; the thresholds are the admin's, each
stage's answered with an ETag and changed with If-Match."""
from __future__ import annotations

from typing import Annotated

from crm.sales.v1 import alerts_pb2 as pb
from fastapi import APIRouter, Depends, Path, Response

from crm_gateway.api.alerts import mappers
from crm_gateway.api.alerts.schemas import AlertPage, AlertRead, StageThresholdRead, StageThresholdUpdate
from crm_gateway.api.common import IfMatch, Page, PageCursor, PageLimit, if_match_version, tagged
from crm_gateway.domain.model import ALERT_RECIPIENTS, THRESHOLD_EDITORS, Caller
from crm_gateway.security import Calls, require_roles

router = APIRouter(tags=["alerts"])
Recipient = Annotated[Caller, Depends(require_roles(*ALERT_RECIPIENTS))]
Admin = Annotated[Caller, Depends(require_roles(*THRESHOLD_EDITORS))]
AlertId = Annotated[str, Path(min_length=1, max_length=64)]
StageCode = Annotated[str, Path(min_length=1, max_length=40, pattern=r"^[a-z_]+$")]


@router.get("/api/v1/me/alerts", response_model=AlertPage)
async def my_alerts(caller: Recipient, calls: Calls, unread_only: bool = False, limit: PageLimit = 50,
                    cursor: PageCursor = None) -> AlertPage:
    """The caller's stage-timeout alerts (as the owner, or as the owner's RSM), newest first."""
    found = await calls.sales.my_alerts(pb.ListMyAlertsRequest(page_size=limit, cursor=cursor or "",
                                                               unread_only=unread_only))
    return AlertPage(items=[mappers.alert_read(a) for a in found.alerts], next_cursor=found.next_cursor or None,
                     unread_count=found.unread_count)


@router.post("/api/v1/me/alerts/{alert_id}/read", response_model=AlertRead)
async def mark_alert_read(alert_id: AlertId, caller: Recipient, calls: Calls) -> AlertRead:
    """Mark one of the caller's alerts read (again: it stays read as first read); 404 for anyone else's."""
    return mappers.alert_read(await calls.sales.mark_alert_read(alert_id))


@router.get("/api/v1/stage-thresholds", response_model=Page[StageThresholdRead])
async def stage_thresholds(caller: Admin, calls: Calls) -> Page[StageThresholdRead]:
    """Every stage's alert threshold, in the process's order (closed stages have none)."""
    found = await calls.sales.stage_thresholds()
    return Page.whole(mappers.threshold_read(t) for t in found.stages)


@router.get("/api/v1/stage-thresholds/{stage}", response_model=StageThresholdRead)
async def stage_threshold(stage: StageCode, caller: Admin, calls: Calls, response: Response) -> StageThresholdRead:
    """One stage's alert threshold, with its ETag."""
    found = await calls.sales.stage_threshold(stage)
    return tagged(response, found.version, mappers.threshold_read(found))


@router.put("/api/v1/stage-thresholds/{stage}", response_model=StageThresholdRead)
async def set_stage_threshold(stage: StageCode, body: StageThresholdUpdate, caller: Admin, calls: Calls,
                              response: Response, if_match: IfMatch = None) -> StageThresholdRead:
    """Set a stage's threshold in days (null: no alert) and whether the owner's RSM is alerted too."""
    changed = await calls.sales.set_stage_threshold(pb.SetStageThresholdRequest(
        stage=stage, alert_after_days=body.alert_after_days, alert_rsm=body.alert_rsm,
        expected_version=if_match_version(if_match)))
    return tagged(response, changed.version, mappers.threshold_read(changed))
