"""The sales service as the gateway sees it: its gRPC services over one channel."""
from __future__ import annotations

import grpc
from crm.sales.v1 import opportunities_pb2, opportunities_pb2_grpc

from crm_gateway.clients.base import ServiceClient


class SalesClient(ServiceClient):
    service = "sales"

    def __init__(self, channel: grpc.aio.Channel, *, timeout: float) -> None:
        super().__init__(opportunities_pb2_grpc.OpportunitiesStub(channel), timeout=timeout)

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
