"""The Leads gRPC service: translate the request, call one use case, translate the answer."""
from __future__ import annotations

from collections.abc import Callable

from crm.leads.v1 import leads_pb2, leads_pb2_grpc
from crmkit.grpc.server import current_principal, current_principal_token

from crm_leads.adapters.accounts_client import AccountsClient
from crm_leads.domain.rating import RatingRules
from crm_leads.entrypoints import mappers
from crm_leads.service_layer import conversion, handlers, lead_import, queries
from crm_leads.service_layer.unit_of_work import LeadsUnitOfWork

SERVICE_NAME = leads_pb2.DESCRIPTOR.services_by_name["Leads"].full_name


class LeadsServicer(leads_pb2_grpc.LeadsServicer):
    def __init__(self, uow_factory: Callable[[], LeadsUnitOfWork], rules: RatingRules,
                 accounts: AccountsClient) -> None:
        self._uow = uow_factory
        self._rules = rules
        self._accounts = accounts

    async def SubmitWebForm(self, request, context):
        await handlers.submit_web_form(uow=self._uow(), rules=self._rules, command=mappers.submit_web_form(request))
        return leads_pb2.SubmitWebFormResponse()

    async def CreateLead(self, request, context):
        lead, _ = await handlers.create_lead(uow=self._uow(), rules=self._rules, principal=current_principal(),
                                             command=mappers.create_lead(request))
        return mappers.lead_to_proto(lead)

    async def GetLead(self, request, context):
        return mappers.lead_to_proto(await queries.get_lead(uow=self._uow(), principal=current_principal(),
                                                            lead_id=request.id))

    async def ListLeads(self, request, context):
        leads, next_cursor = await queries.list_leads(uow=self._uow(), principal=current_principal(),
                                                      query=mappers.list_leads(request))
        return leads_pb2.ListLeadsResponse(leads=[mappers.lead_to_proto(lead) for lead in leads],
                                           next_cursor=next_cursor)

    async def UpdateLead(self, request, context):
        return mappers.lead_to_proto(await handlers.update_lead(
            uow=self._uow(), rules=self._rules, principal=current_principal(), command=mappers.update_lead(request)))

    async def ConvertLead(self, request, context):
        return mappers.conversion_to_proto(await conversion.convert_lead(
            uow=self._uow(), accounts=self._accounts.acting_for(current_principal_token()),
            principal=current_principal(), command=mappers.convert_lead(request)))

    async def ImportLeads(self, request, context):
        return mappers.import_outcomes_to_proto(await lead_import.import_leads(
            uow=self._uow(), rules=self._rules, principal=current_principal(), command=mappers.import_leads(request)))

    async def CreateWebForm(self, request, context):
        return mappers.web_form_to_proto(await handlers.create_web_form(
            uow=self._uow(), principal=current_principal(), command=mappers.create_web_form(request)))

    async def GetWebForm(self, request, context):
        return mappers.web_form_to_proto(await queries.get_web_form(uow=self._uow(), principal=current_principal(),
                                                                    slug=request.slug))

    async def ListWebForms(self, request, context):
        forms, next_cursor = await queries.list_web_forms(uow=self._uow(), principal=current_principal(),
                                                          requested_size=request.page_size, cursor=request.cursor)
        return leads_pb2.ListWebFormsResponse(forms=[mappers.web_form_to_proto(form) for form in forms],
                                              next_cursor=next_cursor)

    async def UpdateWebForm(self, request, context):
        return mappers.web_form_to_proto(await handlers.update_web_form(
            uow=self._uow(), principal=current_principal(), command=mappers.update_web_form(request)))
