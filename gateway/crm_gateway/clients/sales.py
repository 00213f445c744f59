"""The sales service as the gateway sees it: its gRPC services over one channel."""
from __future__ import annotations

import grpc
from crm.sales.v1 import (
    alerts_pb2,
    alerts_pb2_grpc,
    forecasts_pb2,
    forecasts_pb2_grpc,
    opportunities_pb2,
    opportunities_pb2_grpc,
)

from crm_gateway.clients.base import ServiceClient


class SalesClient(ServiceClient):
    service = "sales"

    def __init__(self, channel: grpc.aio.Channel, *, timeout: float) -> None:
        super().__init__(opportunities_pb2_grpc.OpportunitiesStub(channel), timeout=timeout)
        self._alerts = alerts_pb2_grpc.StageAlertsStub(channel)
        self._forecasts = forecasts_pb2_grpc.ForecastsStub(channel)

    async def create_opportunity(self, request: opportunities_pb2.CreateOpportunityRequest
                                 ) -> opportunities_pb2.Opportunity:
        return await self._call(self._stub.CreateOpportunity, request)

    async def get_opportunity(self, opportunity_id: str) -> opportunities_pb2.OpportunityDetail:
        return await self._call(self._stub.GetOpportunity, opportunities_pb2.GetOpportunityRequest(id=opportunity_id))

    async def list_opportunities(self, request: opportunities_pb2.ListOpportunitiesRequest
                                 ) -> opportunities_pb2.ListOpportunitiesResponse:
        return await self._call(self._stub.ListOpportunities, request)

    async def update_opportunity(self, request: opportunities_pb2.UpdateOpportunityRequest
                                 ) -> opportunities_pb2.Opportunity:
        return await self._call(self._stub.UpdateOpportunity, request)

    async def reopen_opportunity(self, request: opportunities_pb2.ReopenOpportunityRequest
                                 ) -> opportunities_pb2.Opportunity:
        return await self._call(self._stub.ReopenOpportunity, request)

    async def correct_sdr_credit(self, request: opportunities_pb2.CorrectSdrCreditRequest
                                 ) -> opportunities_pb2.Opportunity:
        return await self._call(self._stub.CorrectSdrCredit, request)

    async def sales_process(self) -> opportunities_pb2.SalesProcess:
        return await self._call(self._stub.GetSalesProcess, opportunities_pb2.GetSalesProcessRequest())

    # Stage-timeout alerts (GEN-4, S2).
    async def my_alerts(self, request: alerts_pb2.ListMyAlertsRequest) -> alerts_pb2.ListMyAlertsResponse:
        return await self._call(self._alerts.ListMyAlerts, request)

    async def mark_alert_read(self, alert_id: str) -> alerts_pb2.Alert:
        return await self._call(self._alerts.MarkAlertRead, alerts_pb2.MarkAlertReadRequest(id=alert_id))

    async def stage_thresholds(self) -> alerts_pb2.StageThresholds:
        return await self._call(self._alerts.GetStageThresholds, alerts_pb2.GetStageThresholdsRequest())

    async def stage_threshold(self, stage: str) -> alerts_pb2.StageThreshold:
        return await self._call(self._alerts.GetStageThreshold, alerts_pb2.GetStageThresholdRequest(stage=stage))

    async def set_stage_threshold(self, request: alerts_pb2.SetStageThresholdRequest) -> alerts_pb2.StageThreshold:
        return await self._call(self._alerts.SetStageThreshold, request)

    # Forecasts and quotas (OPP-3, S5).
    async def get_forecast(self, request: forecasts_pb2.GetForecastRequest) -> forecasts_pb2.Forecast:
        return await self._call(self._forecasts.GetForecast, request)

    async def cell_opportunities(self, request: forecasts_pb2.CellOpportunitiesRequest
                                 ) -> forecasts_pb2.CellOpportunitiesResponse:
        return await self._call(self._forecasts.CellOpportunities, request)

    async def set_quota(self, request: forecasts_pb2.SetQuotaRequest) -> forecasts_pb2.Quota:
        return await self._call(self._forecasts.SetQuota, request)

    async def list_quotas(self, request: forecasts_pb2.ListQuotasRequest) -> forecasts_pb2.ListQuotasResponse:
        return await self._call(self._forecasts.ListQuotas, request)
