"""Translation between the leads contract (protobuf) and the domain, in both directions."""
from __future__ import annotations

from datetime import UTC, datetime

from crm.leads.v1 import leads_pb2
from google.protobuf.message import Message
from google.protobuf.timestamp_pb2 import Timestamp

from crm_leads.domain.commands import (
    ConvertLead,
    CreateLead,
    CreateWebForm,
    ImportedLead,
    ImportLeads,
    LeadData,
    ListLeads,
    SubmitWebForm,
    UpdateLead,
    UpdateWebForm,
)
from crm_leads.domain.lead_import import Outcome
from crm_leads.domain.model import Lead, WebForm

_LEAD_TEXT = ("id", "first_name", "last_name", "company", "email", "phone", "state", "country", "source",
              "landing_page", "status", "unqualified_reason", "current_vendor", "current_vendor_account_id",
              "linkedin_url", "role", "rating", "owner_id", "message", "title", "converted_account_id",
              "converted_contact_id", "campaign", "matched_account_id")


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _timestamp(value: datetime) -> Timestamp:
    """Timestamp.FromDatetime's result (a naive value is UTC), computed without its slow path."""
    delta = (value if value.tzinfo else value.replace(tzinfo=UTC)) - _EPOCH
    return Timestamp(seconds=delta.days * 86_400 + delta.seconds, nanos=delta.microseconds * 1000)


def _datetime(message: Message, field: str) -> datetime | None:
    return getattr(message, field).ToDatetime(tzinfo=UTC) if message.HasField(field) else None


def _optional(message: Message, field: str):
    return getattr(message, field) if message.HasField(field) else None


def lead_data(message: leads_pb2.LeadData) -> LeadData:
    """Every LeadData field has presence: the ones set are the ones given."""
    return LeadData(**{descriptor.name: value for descriptor, value in message.ListFields()})


def submit_web_form(request: leads_pb2.SubmitWebFormRequest) -> SubmitWebForm:
    return SubmitWebForm(slug=request.form_slug, data=lead_data(request.data))


def create_lead(request: leads_pb2.CreateLeadRequest) -> CreateLead:
    return CreateLead(data=lead_data(request.data), source=request.source, landing_page=request.landing_page,
                      owner_id=request.owner_id)


def update_lead(request: leads_pb2.UpdateLeadRequest) -> UpdateLead:
    changes = request.changes
    return UpdateLead(
        lead_id=request.id, data=lead_data(changes.data), status=_optional(changes, "status"),
        unqualified_reason=_optional(changes, "unqualified_reason"), owner_id=_optional(changes, "owner_id"),
        current_vendor_account_id=_optional(changes, "current_vendor_account_id"),
        expected_version=request.expected_version,
    )


def list_leads(request: leads_pb2.ListLeadsRequest) -> ListLeads:
    return ListLeads(
        statuses=tuple(request.statuses), owner_ids=tuple(request.owner_ids), sources=tuple(request.sources),
        landing_pages=tuple(request.landing_pages), ratings=tuple(request.ratings),
        created_from=_datetime(request, "created_from"), created_to=_datetime(request, "created_to"),
        text=request.text, sort=request.sort, page_size=request.page_size, cursor=request.cursor,
    )


def convert_lead(request: leads_pb2.ConvertLeadRequest) -> ConvertLead:
    return ConvertLead(lead_id=request.lead_id, existing_account_id=request.existing_account_id,
                       account_name=request.account_name)


def import_leads(request: leads_pb2.ImportLeadsRequest) -> ImportLeads:
    return ImportLeads(leads=tuple(
        ImportedLead(data=lead_data(row.data), source=row.source, campaign=row.campaign,
                     existing_contact_id=row.existing_contact_id, matched_account_id=row.matched_account_id,
                     key=row.key)
        for row in request.leads))


def import_outcomes_to_proto(outcomes: list[Outcome]) -> leads_pb2.ImportLeadsResponse:
    return leads_pb2.ImportLeadsResponse(outcomes=[
        leads_pb2.LeadImportOutcome(key=o.key, outcome=o.outcome, field=o.field, reason=o.reason, lead_id=o.lead_id)
        for o in outcomes])


def create_web_form(request: leads_pb2.CreateWebFormRequest) -> CreateWebForm:
    return CreateWebForm(slug=request.slug, landing_page_name=request.landing_page_name)


def update_web_form(request: leads_pb2.UpdateWebFormRequest) -> UpdateWebForm:
    return UpdateWebForm(slug=request.slug, landing_page_name=_optional(request, "landing_page_name"),
                         active=_optional(request, "active"), expected_version=request.expected_version)


def lead_to_proto(lead: Lead) -> leads_pb2.Lead:
    message = leads_pb2.Lead(**{name: getattr(lead, name) for name in _LEAD_TEXT},
                             created_at=_timestamp(lead.created_at), updated_at=_timestamp(lead.updated_at),
                             version=lead.version, submission_count=lead.submission_count)
    if lead.number_of_locations is not None:
        message.number_of_locations = lead.number_of_locations
    if lead.using_kiosks is not None:
        message.using_kiosks = lead.using_kiosks
    if lead.assigned_at is not None:
        message.assigned_at.CopyFrom(_timestamp(lead.assigned_at))
    if lead.converted_at is not None:
        message.converted_at.CopyFrom(_timestamp(lead.converted_at))
    return message


def conversion_to_proto(lead: Lead) -> leads_pb2.ConvertLeadResponse:
    """A converted lead and the links of its conversion."""
    return leads_pb2.ConvertLeadResponse(lead=lead_to_proto(lead), account_id=lead.converted_account_id,
                                         contact_id=lead.converted_contact_id,
                                         account_owner_id=lead.converted_account_owner_id)


def web_form_to_proto(form: WebForm) -> leads_pb2.WebForm:
    return leads_pb2.WebForm(id=form.id, slug=form.slug, landing_page_name=form.landing_page_name, active=form.active,
                             created_at=_timestamp(form.created_at), version=form.version)
