"""The StageAlerts gRPC service (GEN-4, S2): translate the request, call one use case, translate the answer."""
from __future__ import annotations

from collections.abc import Callable

from crm.sales.v1 import alerts_pb2, alerts_pb2_grpc
from crmkit.grpc.server import current_principal

from crm_sales.entrypoints import mappers
from crm_sales.service_layer import alerts
from crm_sales.service_layer.unit_of_work import SalesUnitOfWork

ALERTS_SERVICE_NAME = alerts_pb2.DESCRIPTOR.services_by_name["StageAlerts"].full_name


class StageAlertsServicer(alerts_pb2_grpc.StageAlertsServicer):
    def __init__(self, uow_factory: Callable[[], SalesUnitOfWork]) -> None:
        self._uow = uow_factory

    async def ListMyAlerts(self, request, context):
        (rows, next_cursor), names, unread = await alerts.my_alerts(
            uow=self._uow(), principal=current_principal(), unread_only=request.unread_only, cursor=request.cursor,
            page_size=request.page_size)
        return alerts_pb2.ListMyAlertsResponse(
            alerts=[mappers.alert_to_proto(n, names.get(n.account_id, "")) for n in rows], next_cursor=next_cursor,
            unread_count=unread)

    async def MarkAlertRead(self, request, context):
        notice, account_name = await alerts.mark_alert_read(uow=self._uow(), principal=current_principal(),
                                                            alert_id=request.id)
        return mappers.alert_to_proto(notice, account_name)

    async def GetStageThresholds(self, request, context):
        stages = await alerts.stage_thresholds(uow=self._uow(), principal=current_principal())
        return alerts_pb2.StageThresholds(stages=[mappers.threshold_to_proto(s) for s in stages])

    async def GetStageThreshold(self, request, context):
        return mappers.threshold_to_proto(await alerts.stage_threshold(uow=self._uow(), principal=current_principal(),
                                                                      stage=request.stage))

    async def SetStageThreshold(self, request, context):
        return mappers.threshold_to_proto(await alerts.set_stage_threshold(
            uow=self._uow(), principal=current_principal(), stage=request.stage,
            alert_after_days=request.alert_after_days if request.HasField("alert_after_days") else None,
            alert_rsm=request.alert_rsm, expected_version=request.expected_version))
