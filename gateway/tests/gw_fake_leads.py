"""An in-memory stand-in for the Leads gRPC service, served by the kit's real GrpcServer (so the
gateway's signed principal is verified exactly as the real service would)."""
from __future__ import annotations

import uuid
from datetime import datetime, timezone

from crm.leads.v1 import leads_pb2, leads_pb2_grpc
from crmkit.errors import Conflict, NotFound, PreconditionFailed
from crmkit.grpc.server import current_principal


def _now():
    from google.protobuf.timestamp_pb2 import Timestamp

    stamp = Timestamp()
    stamp.FromDatetime(datetime.now(timezone.utc))
    return stamp


class FakeLeads(leads_pb2_grpc.LeadsServicer):
    def __init__(self) -> None:
        self.forms: dict[str, leads_pb2.WebForm] = {}
        self.leads: dict[str, leads_pb2.Lead] = {}
        self.submissions: list[tuple[leads_pb2.SubmitWebFormRequest, object]] = []
        self.calls: list[tuple[str, object]] = []

    async def SubmitWebForm(self, request, context):
        self.calls.append(("SubmitWebForm", current_principal()))
        form = self.forms.get(request.form_slug)
        if form is None or not form.active:
            raise NotFound("no such web form", field="form_slug")
        self.submissions.append((request, current_principal()))
        return leads_pb2.SubmitWebFormResponse()

    async def CreateWebForm(self, request, context):
        self.calls.append(("CreateWebForm", current_principal()))
        if request.slug in self.forms:
            raise Conflict("slug taken", field="slug")
        form = leads_pb2.WebForm(id=str(uuid.uuid4()), slug=request.slug, landing_page_name=request.landing_page_name,
                                 active=True, created_at=_now(), version=1)
        self.forms[request.slug] = form
        return form

    async def GetWebForm(self, request, context):
        if request.slug not in self.forms:
            raise NotFound("no such web form", field="slug")
        return self.forms[request.slug]

    async def ListWebForms(self, request, context):
        self.calls.append(("ListWebForms", current_principal()))
        return leads_pb2.ListWebFormsResponse(forms=list(self.forms.values()))

    async def UpdateWebForm(self, request, context):
        form = self.forms.get(request.slug)
        if form is None:
            raise NotFound("no such web form", field="slug")
        if request.expected_version and request.expected_version != form.version:
            raise PreconditionFailed("stale version")
        if request.HasField("landing_page_name"):
            form.landing_page_name = request.landing_page_name
        if request.HasField("active"):
            form.active = request.active
        form.version += 1
        return form

    async def CreateLead(self, request, context):
        self.calls.append(("CreateLead", current_principal()))
        lead = leads_pb2.Lead(id=str(uuid.uuid4()), source=request.source, landing_page=request.landing_page,
                              status="New", created_at=_now(), updated_at=_now(), version=1)
        self._apply(lead, request.data)
        self.leads[lead.id] = lead
        return lead

    async def GetLead(self, request, context):
        if request.id not in self.leads:
            raise NotFound("no such lead", field="id")
        return self.leads[request.id]

    async def ListLeads(self, request, context):
        self.calls.append(("ListLeads", request))
        leads = [lead for lead in self.leads.values() if not request.statuses or lead.status in request.statuses]
        return leads_pb2.ListLeadsResponse(leads=leads[:request.page_size], next_cursor="")

    async def UpdateLead(self, request, context):
        lead = self.leads.get(request.id)
        if lead is None:
            raise NotFound("no such lead", field="id")
        if request.expected_version and request.expected_version != lead.version:
            raise PreconditionFailed(f"lead is at version {lead.version}")
        self._apply(lead, request.changes.data)
        if request.changes.HasField("status"):
            lead.status = request.changes.status
        lead.version += 1
        return lead

    @staticmethod
    def _apply(lead, data) -> None:
        for field, _ in data.ListFields():
            setattr(lead, field.name, getattr(data, field.name))
