"""The Opportunities gRPC service: translate the request, call one use case, translate the answer."""
from __future__ import annotations

from collections.abc import Callable

from crm.sales.v1 import opportunities_pb2, opportunities_pb2_grpc
from crmkit.grpc.server import current_principal

from crm_sales.entrypoints import mappers
from crm_sales.service_layer import handlers, queries
from crm_sales.service_layer.unit_of_work import SalesUnitOfWork

SERVICE_NAME = opportunities_pb2.DESCRIPTOR.services_by_name["Opportunities"].full_name


class OpportunitiesServicer(opportunities_pb2_grpc.OpportunitiesServicer):
    def __init__(self, uow_factory: Callable[[], SalesUnitOfWork]) -> None:
        self._uow = uow_factory

    async def _answer(self, opportunity):
        process = await queries.sales_process(uow=self._uow())
        names = await queries.account_names(uow=self._uow(), account_ids=[opportunity.account_id])
        return mappers.opportunity_to_proto(opportunity, process, names.get(opportunity.account_id, ""))

    async def CreateOpportunity(self, request, context):
        return await self._answer(await handlers.create_opportunity(
            uow=self._uow(), principal=current_principal(), account_id=request.account_id,
            data=mappers.opportunity_data(request.data), opportunity_id=request.id))

    async def GetOpportunity(self, request, context):
        detail = await queries.get_opportunity(uow=self._uow(), principal=current_principal(),
                                               opportunity_id=request.id)
        return mappers.detail_to_proto(detail, await queries.sales_process(uow=self._uow()))

    async def ListOpportunities(self, request, context):
        (rows, next_cursor), names = await queries.list_opportunities(
            uow=self._uow(), principal=current_principal(), query=mappers.list_query(request),
            close_date_from=request.close_date_from, close_date_to=request.close_date_to)
        process = await queries.sales_process(uow=self._uow())
        return opportunities_pb2.ListOpportunitiesResponse(
            opportunities=[mappers.opportunity_to_proto(o, process, names.get(o.account_id, "")) for o in rows],
            next_cursor=next_cursor)

    async def UpdateOpportunity(self, request, context):
        return await self._answer(await handlers.update_opportunity(
            uow=self._uow(), principal=current_principal(), opportunity_id=request.id,
            data=mappers.opportunity_data(request.data), expected_version=request.expected_version))

    async def ReopenOpportunity(self, request, context):
        return await self._answer(await handlers.reopen_opportunity(
            uow=self._uow(), principal=current_principal(), opportunity_id=request.id, stage=request.stage,
            expected_version=request.expected_version))

    async def CorrectSdrCredit(self, request, context):
        return await self._answer(await handlers.correct_sdr_credit(
            uow=self._uow(), principal=current_principal(), opportunity_id=request.id, sdr_id=request.sdr_id,
            lead_source=request.lead_source, expected_version=request.expected_version))

    async def GetSalesProcess(self, request, context):
        return mappers.process_to_proto(await queries.sales_process(uow=self._uow()))
