"""The Forecasts gRPC service (OPP-3, S5): translate the request, call one use case, translate the answer."""
from __future__ import annotations

from collections.abc import Callable

from crm.sales.v1 import forecasts_pb2, forecasts_pb2_grpc
from crmkit.grpc.server import current_principal

from crm_sales.domain.forecast import ForecastConfig
from crm_sales.entrypoints import mappers
from crm_sales.service_layer import forecasts
from crm_sales.service_layer.unit_of_work import SalesUnitOfWork

FORECASTS_SERVICE_NAME = forecasts_pb2.DESCRIPTOR.services_by_name["Forecasts"].full_name


class ForecastsServicer(forecasts_pb2_grpc.ForecastsServicer):
    def __init__(self, uow_factory: Callable[[], SalesUnitOfWork], config: ForecastConfig) -> None:
        self._uow = uow_factory
        self._config = config

    async def GetForecast(self, request, context):
        view = await forecasts.get_forecast(
            uow=self._uow(), principal=current_principal(), config=self._config, period_kind=request.period_kind,
            fiscal_year=request.fiscal_year, as_of=request.as_of, owner_id=request.owner_id)
        return mappers.forecast_to_proto(view, request.period_kind, request.fiscal_year)

    async def CellOpportunities(self, request, context):
        lines, names = await forecasts.cell_opportunities(
            uow=self._uow(), principal=current_principal(), config=self._config, period_key=request.period_key,
            owner_id=request.owner_id, category=request.category, as_of=request.as_of)
        return mappers.cell_opportunities_to_proto(lines, names, self._config.currency)

    async def SetQuota(self, request, context):
        return mappers.quota_to_proto(await forecasts.set_quota(
            uow=self._uow(), principal=current_principal(), config=self._config, owner_id=request.owner_id,
            period_key=request.period_key, amount=request.amount, currency=request.currency,
            expected_version=request.expected_version))

    async def ListQuotas(self, request, context):
        lines = await forecasts.list_quotas(
            uow=self._uow(), principal=current_principal(), config=self._config, fiscal_year=request.fiscal_year,
            period_kind=request.period_kind, owner_id=request.owner_id)
        return forecasts_pb2.ListQuotasResponse(quotas=[mappers.quota_to_proto(q.quota, q) for q in lines])
