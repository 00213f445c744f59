"""Translation between the REST bodies and crm.leads.v1 messages."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from google.protobuf.timestamp_pb2 import Timestamp

from crm.leads.v1 import leads_pb2
from crm_gateway.entrypoints.lead_schemas import (LeadCreate, LeadRead, LeadUpdate, PersonFields, WebFormRead,
                                                  WebFormSubmission)
from crmkit.errors import InvalidInput

_PERSON = tuple(PersonFields.model_fields)
_CHANGE_TEXT = ("status", "unqualified_reason", "owner_id", "current_vendor_account_id")


def _ts(value: datetime) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(value if value.tzinfo else value.replace(tzinfo=timezone.utc))
    return stamp


def when(message, field: str) -> datetime | None:
    """A Timestamp field as an aware datetime; None when the message leaves it absent."""
    if not message.HasField(field):
        return None
    return getattr(message, field).ToDatetime(tzinfo=timezone.utc)


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


def web_form_read(form: leads_pb2.WebForm) -> WebFormRead:
    return WebFormRead(id=form.id, slug=form.slug, landing_page_name=form.landing_page_name, active=form.active,
                       created_at=when(form, "created_at"), version=form.version)


def lead_data(body: PersonFields, *, clear_nulls: bool = False) -> leads_pb2.LeadData:
    """The person fields the caller sent; with `clear_nulls`, a null text field becomes "" (cleared)."""
    values = {}
    for name in _PERSON:
        if name not in body.model_fields_set:
            continue
        value = getattr(body, name)
        if value is None:
            if clear_nulls and name not in ("number_of_locations", "using_kiosks"):
                values[name] = ""
            continue
        values[name] = str(value) if name == "email" else value
    return leads_pb2.LeadData(**values)


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
                                          submitted_at=_ts(form.submitted_at or datetime.now(timezone.utc)))


def moment(value: str | None, *, field: str, end_of_day: bool = False) -> datetime | None:
    """An ISO date or datetime from a query string (UTC when it names no offset). A bare date used as an
    upper bound covers that whole day."""
    if value is None:
        return None
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            found = datetime.combine(day + timedelta(days=1) if end_of_day else day, time(), timezone.utc)
        else:
            found = datetime.fromisoformat(value)
    except ValueError as exc:
        raise InvalidInput("not an ISO 8601 date or date-time", field=field) from exc
    return found if found.tzinfo else found.replace(tzinfo=timezone.utc)


def instant(value: str | None, *, field: str, end_of_day: bool = False) -> Timestamp | None:
    found = moment(value, field=field, end_of_day=end_of_day)
    return None if found is None else _ts(found)


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


def etag(version: int) -> str:
    return f'"{version}"'


def if_match_version(value: str | None) -> int:
    """`"7"` or `W/"7"` -> 7; absent or `*` -> 0 (no check)."""
    if value is None or value.strip() == "*":
        return 0
    text = value.strip().removeprefix("W/").strip('"')
    if not text.isdigit():
        raise InvalidInput('expected an ETag like "7" from a previous read', field="If-Match")
    return int(text)
