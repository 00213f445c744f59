"""In-process stand-ins for the services behind the gateway, so tests of the gateway's own concerns
(auth, users, audit, API clients, web-form parsing, throttling, problem mapping) need no subprocess.

A fake implements only what those tests reach and records what the gateway sent; the services' own
rules are tested in services/*/tests and, through the real processes, in tests/e2e and the gateway's
live tests (`live_gw`)."""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from crm.leads.v1 import leads_pb2, leads_pb2_grpc
from crmkit.errors import Conflict, NotFound, PreconditionFailed
from crmkit.grpc.server import current_principal
from crmkit.principal import Principal
from google.protobuf.timestamp_pb2 import Timestamp


@dataclass
class Received:
    """One call a fake answered: the verified principal and the request as it arrived."""

    method: str
    principal: Principal
    request: object


def _now() -> Timestamp:
    stamp = Timestamp()
    stamp.GetCurrentTime()
    return stamp


@dataclass
class FakeLeads(leads_pb2_grpc.LeadsServicer):
    """The Leads service's web forms and leads, kept in memory, and every call it was handed. A lead takes
    the data as given: no merging by email, no rating, no round robin (the real service's rules)."""

    forms: dict[str, leads_pb2.WebForm] = field(default_factory=dict)
    leads: dict[str, leads_pb2.Lead] = field(default_factory=dict)
    received: list[Received] = field(default_factory=list)
    target: str = ""  # host:port once served

    def _record(self, method: str, request) -> None:
        self.received.append(Received(method, current_principal(), request))

    def submissions(self, email: str) -> list[leads_pb2.SubmitWebFormRequest]:
        """What the gateway handed over for the visitor with `email`, oldest first."""
        return [r.request for r in self.received
                if r.method == "SubmitWebForm" and r.request.data.email.lower() == email.lower()]

    def calls(self, method: str) -> list[Received]:
        return [r for r in self.received if r.method == method]

    def _form(self, slug: str) -> leads_pb2.WebForm:
        if slug not in self.forms:
            raise NotFound(f"no web form {slug}")
        return self.forms[slug]

    async def CreateWebForm(self, request, context):
        self._record("CreateWebForm", request)
        if request.slug in self.forms:
            raise Conflict(f"a web form {request.slug} exists already", field="slug")
        form = leads_pb2.WebForm(id=str(uuid.uuid4()), slug=request.slug, landing_page_name=request.landing_page_name,
                                 active=True, created_at=_now(), version=1)
        self.forms[request.slug] = form
        return form

    async def GetWebForm(self, request, context):
        self._record("GetWebForm", request)
        return self._form(request.slug)

    async def ListWebForms(self, request, context):
        self._record("ListWebForms", request)
        return leads_pb2.ListWebFormsResponse(forms=sorted(self.forms.values(), key=lambda f: f.slug))

    async def UpdateWebForm(self, request, context):
        self._record("UpdateWebForm", request)
        form = self._form(request.slug)
        if request.expected_version and request.expected_version != form.version:
            raise PreconditionFailed(f"version {request.expected_version} is stale; the form is at {form.version}")
        if request.HasField("landing_page_name"):
            form.landing_page_name = request.landing_page_name
        if request.HasField("active"):
            form.active = request.active
        form.version += 1
        return form

    async def SubmitWebForm(self, request, context):
        self._record("SubmitWebForm", request)
        if not self._form(request.form_slug).active:
            raise NotFound(f"no web form {request.form_slug}")
        return leads_pb2.SubmitWebFormResponse()

    def _lead(self, lead_id: str) -> leads_pb2.Lead:
        if lead_id not in self.leads:
            raise NotFound(f"no lead {lead_id}")
        return self.leads[lead_id]

    async def CreateLead(self, request, context):
        self._record("CreateLead", request)
        lead = leads_pb2.Lead(id=str(uuid.uuid4()), source=request.source, landing_page=request.landing_page,
                              owner_id=request.owner_id, status="New", created_at=_now(), updated_at=_now(), version=1,
                              submission_count=1)
        for given, value in request.data.ListFields():
            setattr(lead, given.name, value)
        self.leads[lead.id] = lead
        return lead

    async def GetLead(self, request, context):
        self._record("GetLead", request)
        return self._lead(request.id)

    async def UpdateLead(self, request, context):
        self._record("UpdateLead", request)
        lead = self._lead(request.id)
        if request.expected_version and request.expected_version != lead.version:
            raise PreconditionFailed(f"version {request.expected_version} is stale; the lead is at {lead.version}")
        for given, value in [*request.changes.data.ListFields(), *request.changes.ListFields()]:
            if given.name != "data":
                setattr(lead, given.name, value)
        lead.version += 1
        lead.updated_at.CopyFrom(_now())
        return lead
