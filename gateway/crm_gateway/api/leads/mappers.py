"""Translation between the REST bodies and crm.leads.v1 messages."""
from __future__ import annotations

from datetime import UTC, datetime

from crm.leads.v1 import leads_pb2

from crm_gateway.api.common import given_fields, instant, timestamp, when
from crm_gateway.api.leads.schemas import (
    LeadCreate,
    LeadDetail,
    LeadRead,
    LeadUpdate,
    PersonFields,
    WebFormRead,
    WebFormSubmission,
    WebFormUpdate,
)
from crm_gateway.domain.permissions import editable_fields

_PERSON = tuple(PersonFields.model_fields)
_NUMBERS = frozenset({"number_of_locations", "using_kiosks"})  # a null leaves them as they are
_CHANGE_TEXT = ("status", "unqualified_reason", "owner_id", "current_vendor_account_id")


def lead_read(lead: leads_pb2.Lead) -> LeadRead:
    text = {name: getattr(lead, name) for name in LeadRead.model_fields
            if name not in ("number_of_locations", "using_kiosks", "created_at", "updated_at", "assigned_at",
                            "version", "submission_count", "converted_at")}
    return LeadRead(
        **text,
        number_of_locations=lead.number_of_locations if lead.HasField("number_of_locations") else None,
        using_kiosks=lead.using_kiosks if lead.HasField("using_kiosks") else None,
        created_at=when(lead, "created_at"), updated_at=when(lead, "updated_at"), assigned_at=when(lead, "assigned_at"),
        version=lead.version, submission_count=lead.submission_count, converted_at=when(lead, "converted_at"),
    )


def lead_detail(lead: leads_pb2.Lead, role: str) -> LeadDetail:
    return LeadDetail(**lead_read(lead).model_dump(),
                      editable_fields=editable_fields("leads", role, LeadUpdate.model_fields))


def web_form_read(form: leads_pb2.WebForm) -> WebFormRead:
    return WebFormRead(id=form.id, slug=form.slug, landing_page_name=form.landing_page_name, active=form.active,
                       created_at=when(form, "created_at"), version=form.version)


def lead_data(body: PersonFields, *, clear_nulls: bool = False) -> leads_pb2.LeadData:
    """The person fields the caller sent; with `clear_nulls`, a null text field becomes "" (cleared)."""
    return leads_pb2.LeadData(**given_fields(body, _PERSON, clear_nulls=clear_nulls, keep_nulls=_NUMBERS))


def create_request(body: LeadCreate) -> leads_pb2.CreateLeadRequest:
    return leads_pb2.CreateLeadRequest(data=lead_data(body), source=body.source, landing_page=body.landing_page or "")


def update_request(lead_id: str, body: LeadUpdate, expected_version: int) -> leads_pb2.UpdateLeadRequest:
    changes = leads_pb2.LeadChanges(data=lead_data(body, clear_nulls=True))
    for name in _CHANGE_TEXT:
        if name in body.model_fields_set:
            setattr(changes, name, getattr(body, name) or "")
    return leads_pb2.UpdateLeadRequest(id=lead_id, changes=changes, expected_version=expected_version)


def submission_request(slug: str, form: WebFormSubmission) -> leads_pb2.SubmitWebFormRequest:
    return leads_pb2.SubmitWebFormRequest(form_slug=slug, data=lead_data(form),
                                          submitted_at=timestamp(form.submitted_at or datetime.now(UTC)))


def update_form_request(slug: str, body: WebFormUpdate, expected_version: int) -> leads_pb2.UpdateWebFormRequest:
    update = leads_pb2.UpdateWebFormRequest(slug=slug, expected_version=expected_version)
    if body.landing_page_name is not None:
        update.landing_page_name = body.landing_page_name
    if body.active is not None:
        update.active = body.active
    return update


def list_request(*, statuses: list[str], owner_ids: list[str], sources: list[str], landing_pages: list[str],
                 ratings: list[str], created_from: str | None, created_to: str | None, text: str | None,
                 sort: str | None, limit: int, cursor: str | None) -> leads_pb2.ListLeadsRequest:
    request = leads_pb2.ListLeadsRequest(statuses=statuses, owner_ids=owner_ids, sources=sources,
                                         landing_pages=landing_pages, ratings=ratings, text=text or "",
                                         sort=sort or "", page_size=limit, cursor=cursor or "")
    start = instant(created_from, field="created_from")
    end = instant(created_to, field="created_to", end_of_day=True)
    if start is not None:
        request.created_from.CopyFrom(start)
    if end is not None:
        request.created_to.CopyFrom(end)
    return request
