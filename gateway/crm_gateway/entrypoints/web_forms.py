"""/api/v1/web-forms: landing-page forms (Leads gRPC) and the public submission endpoint (LEAD-1)."""
from __future__ import annotations

import json
import logging
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Path, Request, Response, status
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.exceptions import HTTPException

from crm.leads.v1 import leads_pb2
from crm_gateway.domain.errors import BadRequest, TooManyRequests
from crm_gateway.domain.model import WEB_FORM_EDITORS, WEB_FORM_READERS, Caller
from crm_gateway.domain.throttle import after_hit
from crm_gateway.entrypoints import mappers
from crm_gateway.entrypoints.lead_schemas import (Accepted, WebFormCreate, WebFormPage, WebFormRead, WebFormSubmission,
                                                  WebFormUpdate)
from crm_gateway.security import GatewayDep, client_address, principal_token, require_roles
from crmkit.errors import InvalidInput, NotFound

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api/v1/web-forms", tags=["web forms"])
Reader = Annotated[Caller, Depends(require_roles(*WEB_FORM_READERS))]
Editor = Annotated[Caller, Depends(require_roles(*WEB_FORM_EDITORS))]
Slug = Annotated[str, Path(min_length=1, max_length=100)]
_MAX_BODY = 64 * 1024
_SUBMISSION_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": WebFormSubmission.model_json_schema()},
        "application/x-www-form-urlencoded": {"schema": WebFormSubmission.model_json_schema()},
    },
}


@router.get("", response_model=WebFormPage)
async def list_forms(caller: Reader, gw: GatewayDep, request: Request) -> WebFormPage:
    token = await principal_token(request, gw, caller)
    return WebFormPage(items=[mappers.web_form_read(f) for f in await gw.leads.list_web_forms(token)])


@router.post("", response_model=WebFormRead, status_code=status.HTTP_201_CREATED)
async def create_form(body: WebFormCreate, caller: Editor, gw: GatewayDep, request: Request,
                      response: Response) -> WebFormRead:
    token = await principal_token(request, gw, caller)
    form = await gw.leads.create_web_form(token, body.slug, body.landing_page_name)
    response.headers["Location"] = f"/api/v1/web-forms/{form.slug}"
    response.headers["ETag"] = mappers.etag(form.version)
    return mappers.web_form_read(form)


@router.get("/{slug}", response_model=WebFormRead)
async def get_form(slug: Slug, caller: Reader, gw: GatewayDep, request: Request, response: Response) -> WebFormRead:
    form = await gw.leads.get_web_form(await principal_token(request, gw, caller), slug)
    response.headers["ETag"] = mappers.etag(form.version)
    return mappers.web_form_read(form)


@router.patch("/{slug}", response_model=WebFormRead)
async def update_form(slug: Slug, body: WebFormUpdate, caller: Editor, gw: GatewayDep, request: Request,
                      response: Response, if_match: Annotated[str | None, Header()] = None) -> WebFormRead:
    """Rename or (de)activate a form; honours If-Match."""
    update = leads_pb2.UpdateWebFormRequest(slug=slug, expected_version=mappers.if_match_version(if_match))
    if body.landing_page_name is not None:
        update.landing_page_name = body.landing_page_name
    if body.active is not None:
        update.active = body.active
    form = await gw.leads.update_web_form(await principal_token(request, gw, caller), update)
    response.headers["ETag"] = mappers.etag(form.version)
    return mappers.web_form_read(form)


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
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise BadRequest("the request body is not valid JSON") from exc
        if not isinstance(data, dict):
            raise InvalidInput("expected a JSON object", field="body")
        return data
    raise HTTPException(status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
                        "send application/json or application/x-www-form-urlencoded")


@router.post("/{slug}/submissions", response_model=Accepted, status_code=status.HTTP_202_ACCEPTED,
             openapi_extra={"requestBody": _SUBMISSION_BODY})
async def submit(slug: Slug, gw: GatewayDep, request: Request) -> Accepted:
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
    token = await principal_token(request, gw, None)
    try:
        await gw.leads.submit_web_form(token, mappers.submission_request(slug, submission))
    except NotFound as exc:
        raise NotFound("no such web form") from exc
    return Accepted()
