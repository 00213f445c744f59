"""/api/v1/leads (LEAD-4) and /api/v1/web-forms: landing-page forms and the public submission
endpoint (LEAD-1), translated to the Leads gRPC service, with Idempotency-Key, ETag and If-Match."""
from __future__ import annotations

import json
import logging
from typing import Annotated

from crm.leads.v1 import leads_pb2
from crmkit.errors import InvalidInput, NotFound
from fastapi import APIRouter, Depends, Path, Query, Request, Response, status
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.exceptions import HTTPException

from crm_gateway.api.common import (
    ISO_MOMENT,
    FilterValue,
    IfMatch,
    Many,
    Page,
    PageCursor,
    PageLimit,
    etag_header,
    if_match_version,
    tagged,
)
from crm_gateway.api.idempotent import CreateOnce
from crm_gateway.api.leads import mappers
from crm_gateway.api.leads.schemas import (
    Accepted,
    LeadConversionRead,
    LeadConvert,
    LeadCreate,
    LeadDetail,
    LeadRead,
    LeadUpdate,
    WebFormCreate,
    WebFormRead,
    WebFormSubmission,
    WebFormUpdate,
)
from crm_gateway.domain.errors import BadRequest, TooManyRequests
from crm_gateway.domain.model import LEAD_CONVERTERS, LEAD_ROLES, WEB_FORM_EDITORS, WEB_FORM_READERS, Caller
from crm_gateway.domain.throttle import after_hit
from crm_gateway.security import Calls, GatewayDep, VisitorCalls, client_address, require_roles
from crm_gateway.service_layer.context import ServiceCalls

log = logging.getLogger(__name__)
leads_router = APIRouter(prefix="/api/v1/leads", tags=["leads"])
forms_router = APIRouter(prefix="/api/v1/web-forms", tags=["web forms"])
LeadUser = Annotated[Caller, Depends(require_roles(*LEAD_ROLES))]
Converter = Annotated[Caller, Depends(require_roles(*LEAD_CONVERTERS))]
FormReader = Annotated[Caller, Depends(require_roles(*WEB_FORM_READERS))]
FormEditor = Annotated[Caller, Depends(require_roles(*WEB_FORM_EDITORS))]
LeadId = Annotated[str, Path(min_length=1, max_length=64)]
Slug = Annotated[str, Path(min_length=1, max_length=100)]
_MAX_BODY = 64 * 1024
_SUBMISSION_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": WebFormSubmission.model_json_schema()},
        "application/x-www-form-urlencoded": {"schema": WebFormSubmission.model_json_schema()},
    },
}


@leads_router.get("", response_model=Page[LeadRead])
async def list_leads(
    caller: LeadUser, calls: Calls,
    status_: Annotated[list[FilterValue] | None, Query(alias="status", max_length=10)] = None,
    owner_id: Many = None, source: Many = None, landing_page: Many = None, rating: Many = None,
    created_from: Annotated[str | None, Query(max_length=40, pattern=ISO_MOMENT,
                                              description="ISO date or date-time")] = None,
    created_to: Annotated[str | None, Query(max_length=40, pattern=ISO_MOMENT,
                                            description="ISO date (whole day) or date-time")] = None,
    q: Annotated[str | None, Query(max_length=200, description="matches name, company, email")] = None,
    sort: Annotated[str | None, Query(max_length=40, pattern=r"^-?[a-z_]+$", examples=["-created_at"])] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
) -> Page[LeadRead]:
    """Leads the caller may see, filtered and sorted, one cursor page at a time."""
    query = mappers.list_request(
        statuses=status_ or [], owner_ids=owner_id or [], sources=source or [], landing_pages=landing_page or [],
        ratings=rating or [], created_from=created_from, created_to=created_to, text=q, sort=sort, limit=limit,
        cursor=cursor,
    )
    found = await calls.leads.list_leads(query)
    return Page(items=[mappers.lead_read(lead) for lead in found.leads], next_cursor=found.next_cursor or None)


@leads_router.post("", response_model=LeadRead, status_code=status.HTTP_201_CREATED, responses={200: {
    "model": LeadRead, "description": "LEAD-8: a lead with this email (NFKC, any case) exists; it took the fields "
                                      "given and is answered, with its Location"}})
async def create_lead(body: LeadCreate, caller: LeadUser, calls: Calls, once: CreateOnce):
    """Create a lead (201). The same person entered again (LEAD-8) answers 200 with their existing lead, updated.
    With an Idempotency-Key, a retry with the same body answers the first result."""

    async def create() -> tuple[dict, dict[str, str]]:
        lead = await calls.leads.create_lead(mappers.create_request(body))
        return mappers.lead_read(lead).model_dump(mode="json"), {"Location": f"/api/v1/leads/{lead.id}",
                                                                  **etag_header(lead.version)}

    return await once.create(action="leads.create", body=body, create=create,
                             status_of=lambda lead: 201 if lead["submission_count"] == 1 else 200)


@leads_router.get("/{lead_id}", response_model=LeadDetail)
async def get_lead(lead_id: LeadId, caller: LeadUser, calls: Calls, response: Response) -> LeadDetail:
    lead = await calls.leads.get_lead(lead_id)
    return tagged(response, lead.version, mappers.lead_detail(lead, caller.role))


@leads_router.patch("/{lead_id}", response_model=LeadDetail)
async def update_lead(lead_id: LeadId, body: LeadUpdate, caller: LeadUser, calls: Calls, response: Response,
                      if_match: IfMatch = None) -> LeadDetail:
    """Change a lead; with If-Match: "<version>", a stale version answers 412. A current vendor account must
    be an existing account of type competitor."""
    if body.current_vendor_account_id:
        await _ensure_competitor(calls, body.current_vendor_account_id)
    lead = await calls.leads.update_lead(mappers.update_request(lead_id, body, if_match_version(if_match)))
    return tagged(response, lead.version, mappers.lead_detail(lead, caller.role))


async def _ensure_competitor(calls: ServiceCalls, account_id: str) -> None:
    """A lead's current vendor is a competitor account the caller can find (SEC: no dangling links)."""
    field = "current_vendor_account_id"
    try:
        account = await calls.accounts.get_account(account_id)
    except (NotFound, InvalidInput) as exc:
        raise InvalidInput("no such account", field=field) from exc
    if account.type != "competitor":
        raise InvalidInput("must be an account of type competitor", field=field)


@leads_router.post("/{lead_id}/convert", response_model=LeadConversionRead)
async def convert_lead(lead_id: LeadId, body: LeadConvert, caller: Converter, calls: Calls) -> LeadConversionRead:
    """LEAD-5/LEAD-6: turn a Qualified lead into an account owned by the territory's AE plus a contact
    (or a contact of an existing account). Safe to retry: a converted lead answers its links again.
    The AE is emailed that the account was handed to them. 503 when the accounts service is down."""
    converted = await calls.leads.convert_lead(leads_pb2.ConvertLeadRequest(
        lead_id=lead_id, existing_account_id=body.existing_account_id or "", account_name=body.account_name or ""))
    return LeadConversionRead(lead=mappers.lead_read(converted.lead), account_id=converted.account_id,
                              contact_id=converted.contact_id, account_owner_id=converted.account_owner_id)


@forms_router.get("", response_model=Page[WebFormRead])
async def list_forms(caller: FormReader, calls: Calls, limit: PageLimit = 50,
                     cursor: PageCursor = None) -> Page[WebFormRead]:
    """The landing-page forms by slug, one cursor page at a time."""
    found = await calls.leads.list_web_forms(limit=limit, cursor=cursor or "")
    return Page(items=[mappers.web_form_read(f) for f in found.forms], next_cursor=found.next_cursor or None)


@forms_router.post("", response_model=WebFormRead, status_code=status.HTTP_201_CREATED)
async def create_form(body: WebFormCreate, caller: FormEditor, calls: Calls, once: CreateOnce):
    """Register a landing-page form. With an Idempotency-Key, a retry with the same body answers the first result."""

    async def create() -> tuple[dict, dict[str, str]]:
        form = await calls.leads.create_web_form(body.slug, body.landing_page_name)
        return mappers.web_form_read(form).model_dump(mode="json"), {"Location": f"/api/v1/web-forms/{form.slug}",
                                                                      **etag_header(form.version)}

    return await once.create(action="web-forms.create", body=body, create=create)


@forms_router.get("/{slug}", response_model=WebFormRead)
async def get_form(slug: Slug, caller: FormReader, calls: Calls, response: Response) -> WebFormRead:
    form = await calls.leads.get_web_form(slug)
    return tagged(response, form.version, mappers.web_form_read(form))


@forms_router.patch("/{slug}", response_model=WebFormRead)
async def update_form(slug: Slug, body: WebFormUpdate, caller: FormEditor, calls: Calls, response: Response,
                      if_match: IfMatch = None) -> WebFormRead:
    """Rename or (de)activate a form; honours If-Match."""
    form = await calls.leads.update_web_form(mappers.update_form_request(slug, body, if_match_version(if_match)))
    return tagged(response, form.version, mappers.web_form_read(form))


async def _submitted_fields(request: Request) -> dict:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if int(request.headers.get("content-length") or 0) > _MAX_BODY:
        raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, "the submission is too large")
    if content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        form = await request.form()
        return {key: value for key, value in form.items() if isinstance(value, str)}
    if content_type in ("application/json", ""):
        raw = await request.body()
        if len(raw) > _MAX_BODY:
            raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, "the submission is too large")
        try:
            data = json.loads(raw or b"{}")
        except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as exc:  # too deep: not a form
            raise BadRequest("the request body is not valid JSON") from exc
        if not isinstance(data, dict):
            raise InvalidInput("expected a JSON object", field="body")
        return data
    raise HTTPException(status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
                        "send application/json or application/x-www-form-urlencoded")


@forms_router.post("/{slug}/submissions", response_model=Accepted, status_code=status.HTTP_202_ACCEPTED,
                   openapi_extra={"requestBody": _SUBMISSION_BODY})
async def submit(slug: Slug, gw: GatewayDep, calls: VisitorCalls, request: Request) -> Accepted:
    """LEAD-1: a visitor's landing-page submission. No login; rate-limited per client address.

    The answer is the same for a new or a known person, so it reveals nothing about stored data.
    """
    settings = gw.settings
    window = await gw.store.hit(f"web-form:address:{client_address(request)}", settings.web_form_rate_window_seconds)
    decision = after_hit(window, settings.web_form_rate_limit)
    if not decision.allowed:
        raise TooManyRequests("too many submissions from this address; try again later",
                              retry_after=decision.retry_after)
    fields = await _submitted_fields(request)
    try:
        submission = WebFormSubmission.model_validate(fields)
    except ValidationError as exc:
        raise RequestValidationError(exc.errors()) from exc
    if submission.website:
        log.info("web form %s: honeypot filled, submission dropped", slug)
        return Accepted()
    try:
        await calls.leads.submit_web_form(mappers.submission_request(slug, submission))
    except NotFound as exc:
        raise NotFound("no such web form") from exc
    return Accepted()


router = APIRouter()
router.include_router(leads_router)
router.include_router(forms_router)
