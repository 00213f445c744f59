"""The Leads service as the gateway sees it: each call carries a signed principal and a deadline."""
from __future__ import annotations

from crm.leads.v1 import leads_pb2, leads_pb2_grpc
from crmkit.grpc.client import call


# A conversion makes two calls of its own to the accounts service, each with its own deadline.
_CONVERSION_TIMEOUT_FACTOR = 3


class LeadsClient:
    def __init__(self, stub: leads_pb2_grpc.LeadsStub, *, timeout: float) -> None:
        self._stub = stub
        self._timeout = timeout

    async def convert_lead(self, token: str, request: leads_pb2.ConvertLeadRequest) -> leads_pb2.ConvertLeadResponse:
        return await call(self._stub.ConvertLead, request, principal_token=token,
                          timeout=self._timeout * _CONVERSION_TIMEOUT_FACTOR)

    async def submit_web_form(self, token: str, request: leads_pb2.SubmitWebFormRequest) -> None:
        await call(self._stub.SubmitWebForm, request, principal_token=token, timeout=self._timeout)

    async def create_lead(self, token: str, request: leads_pb2.CreateLeadRequest) -> leads_pb2.Lead:
        return await call(self._stub.CreateLead, request, principal_token=token, timeout=self._timeout)

    async def get_lead(self, token: str, lead_id: str) -> leads_pb2.Lead:
        return await call(self._stub.GetLead, leads_pb2.GetLeadRequest(id=lead_id), principal_token=token,
                          timeout=self._timeout)

    async def list_leads(self, token: str, request: leads_pb2.ListLeadsRequest) -> leads_pb2.ListLeadsResponse:
        return await call(self._stub.ListLeads, request, principal_token=token, timeout=self._timeout)

    async def update_lead(self, token: str, request: leads_pb2.UpdateLeadRequest) -> leads_pb2.Lead:
        return await call(self._stub.UpdateLead, request, principal_token=token, timeout=self._timeout)

    async def create_web_form(self, token: str, slug: str, landing_page_name: str) -> leads_pb2.WebForm:
        request = leads_pb2.CreateWebFormRequest(slug=slug, landing_page_name=landing_page_name)
        return await call(self._stub.CreateWebForm, request, principal_token=token, timeout=self._timeout)

    async def get_web_form(self, token: str, slug: str) -> leads_pb2.WebForm:
        return await call(self._stub.GetWebForm, leads_pb2.GetWebFormRequest(slug=slug), principal_token=token,
                          timeout=self._timeout)

    async def list_web_forms(self, token: str) -> list[leads_pb2.WebForm]:
        response = await call(self._stub.ListWebForms, leads_pb2.ListWebFormsRequest(), principal_token=token,
                              timeout=self._timeout)
        return list(response.forms)

    async def update_web_form(self, token: str, request: leads_pb2.UpdateWebFormRequest) -> leads_pb2.WebForm:
        return await call(self._stub.UpdateWebForm, request, principal_token=token, timeout=self._timeout)
