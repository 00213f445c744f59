"""The Leads service as the gateway sees it."""
from __future__ import annotations

from crm.leads.v1 import leads_pb2

from crm_gateway.clients.base import ServiceClient

# A conversion makes two calls of its own to the accounts service, each with its own deadline.
_CONVERSION_TIMEOUT_FACTOR = 3


class LeadsClient(ServiceClient):
    service = "leads"

    async def convert_lead(self, request: leads_pb2.ConvertLeadRequest) -> leads_pb2.ConvertLeadResponse:
        return await self._call(self._stub.ConvertLead, request, timeout=self._timeout * _CONVERSION_TIMEOUT_FACTOR)

    async def submit_web_form(self, request: leads_pb2.SubmitWebFormRequest) -> None:
        await self._call(self._stub.SubmitWebForm, request)

    async def create_lead(self, request: leads_pb2.CreateLeadRequest) -> leads_pb2.Lead:
        return await self._call(self._stub.CreateLead, request)

    async def get_lead(self, lead_id: str) -> leads_pb2.Lead:
        return await self._call(self._stub.GetLead, leads_pb2.GetLeadRequest(id=lead_id))

    async def list_leads(self, request: leads_pb2.ListLeadsRequest) -> leads_pb2.ListLeadsResponse:
        return await self._call(self._stub.ListLeads, request)

    async def update_lead(self, request: leads_pb2.UpdateLeadRequest) -> leads_pb2.Lead:
        return await self._call(self._stub.UpdateLead, request)

    async def create_web_form(self, slug: str, landing_page_name: str) -> leads_pb2.WebForm:
        request = leads_pb2.CreateWebFormRequest(slug=slug, landing_page_name=landing_page_name)
        return await self._call(self._stub.CreateWebForm, request)

    async def get_web_form(self, slug: str) -> leads_pb2.WebForm:
        return await self._call(self._stub.GetWebForm, leads_pb2.GetWebFormRequest(slug=slug))

    async def list_web_forms(self, *, limit: int = 0, cursor: str = "") -> leads_pb2.ListWebFormsResponse:
        return await self._call(self._stub.ListWebForms, leads_pb2.ListWebFormsRequest(page_size=limit, cursor=cursor))

    async def update_web_form(self, request: leads_pb2.UpdateWebFormRequest) -> leads_pb2.WebForm:
        return await self._call(self._stub.UpdateWebForm, request)
