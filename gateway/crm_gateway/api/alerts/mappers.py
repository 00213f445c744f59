"""Between the alert bodies and the sales service's StageAlerts protos."""
from __future__ import annotations

from datetime import UTC

from crm.sales.v1 import alerts_pb2 as pb

from crm_gateway.api.alerts.schemas import AlertRead, StageThresholdRead
from crm_gateway.api.common import when


def alert_read(a: pb.Alert) -> AlertRead:
    return AlertRead(
        id=a.id, opportunity_id=a.opportunity_id, opportunity_name=a.opportunity_name, account_id=a.account_id,
        account_name=a.account_name, stage=a.stage, stage_entered_at=a.stage_entered_at.ToDatetime(tzinfo=UTC),
        threshold_days=a.threshold_days, due_at=a.due_at.ToDatetime(tzinfo=UTC), reason=a.reason,
        created_at=a.created_at.ToDatetime(tzinfo=UTC), read_at=when(a, "read_at"))


def threshold_read(t: pb.StageThreshold) -> StageThresholdRead:
    return StageThresholdRead(stage=t.stage, name=t.name, kind=t.kind,
                              alert_after_days=t.alert_after_days if t.HasField("alert_after_days") else None,
                              alert_rsm=t.alert_rsm, version=t.version)
