"""/api/v1/leads: translate to the Leads gRPC service (LEAD-4), with Idempotency-Key, ETag and If-Match."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Header, Path, Query, Request, Response, status

from crm.leads.v1 import leads_pb2
from crm_gateway.domain.model import LEAD_CONVERTERS, LEAD_ROLES, Caller
from crm_gateway.entrypoints import mappers
from crm_gateway.entrypoints.idempotent import IdempotencyKey, create_once
from crm_gateway.entrypoints.lead_schemas import (LeadConversionRead, LeadConvert, LeadCreate, LeadPage, LeadRead,
                                                  LeadUpdate)
from crm_gateway.security import GatewayDep, principal_token, require_roles

router = APIRouter(prefix="/api/v1/leads", tags=["leads"])
LeadUser = Annotated[Caller, Depends(require_roles(*LEAD_ROLES))]
Converter = Annotated[Caller, Depends(require_roles(*LEAD_CONVERTERS))]
LeadId = Annotated[str, Path(min_length=1, max_length=64)]
Many = Annotated[list[str] | None, Query(max_length=20)]


def _lead_headers(lead) -> dict[str, str]:
    return {"Location": f"/api/v1/leads/{lead.id}", "ETag": mappers.etag(lead.version)}


@router.get("", response_model=LeadPage)
async def list_leads(
    caller: LeadUser, gw: GatewayDep, request: Request,
    status_: Annotated[list[str] | None, Query(alias="status", max_length=10)] = None,
    owner_id: Many = None, source: Many = None, landing_page: Many = None, rating: Many = None,
    created_from: Annotated[str | None, Query(max_length=40, description="ISO date or date-time")] = None,
    created_to: Annotated[str | None, Query(max_length=40, description="ISO date (whole day) or date-time")] = None,
    q: Annotated[str | None, Query(max_length=200, description="matches name, company, email")] = None,
    sort: Annotated[str | None, Query(max_length=40, pattern=r"^-?[a-z_]+$", examples=["-created_at"])] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
) -> LeadPage:
    """Leads the caller may see, filtered and sorted, one cursor page at a time."""
    query = mappers.list_request(
        statuses=status_ or [], owner_ids=owner_id or [], sources=source or [], landing_pages=landing_page or [],
        ratings=rating or [], created_from=created_from, created_to=created_to, text=q, sort=sort, limit=limit,
        cursor=cursor,
    )
    found = await gw.leads.list_leads(await principal_token(request, gw, caller), query)
    return LeadPage(items=[mappers.lead_read(lead) for lead in found.leads], next_cursor=found.next_cursor or None)


@router.post("", response_model=LeadRead, status_code=status.HTTP_201_CREATED)
async def create_lead(body: LeadCreate, caller: LeadUser, gw: GatewayDep, request: Request,
                      idempotency_key: IdempotencyKey = None):
    """Create a lead. With an Idempotency-Key, a retry with the same body answers the first result."""

    async def create() -> tuple[dict, dict[str, str]]:
        lead = await gw.leads.create_lead(await principal_token(request, gw, caller), mappers.create_request(body))
        return mappers.lead_read(lead).model_dump(mode="json"), _lead_headers(lead)

    return await create_once(gw, action="leads.create", caller=caller, key=idempotency_key, body=body, create=create)


@router.get("/{lead_id}", response_model=LeadRead)
async def get_lead(lead_id: LeadId, caller: LeadUser, gw: GatewayDep, request: Request,
                   response: Response) -> LeadRead:
    lead = await gw.leads.get_lead(await principal_token(request, gw, caller), lead_id)
    response.headers["ETag"] = mappers.etag(lead.version)
    return mappers.lead_read(lead)


@router.patch("/{lead_id}", response_model=LeadRead)
async def update_lead(lead_id: LeadId, body: LeadUpdate, caller: LeadUser, gw: GatewayDep, request: Request,
                      response: Response, if_match: Annotated[str | None, Header()] = None) -> LeadRead:
    """Change a lead; with If-Match: "<version>", a stale version answers 412."""
    update = mappers.update_request(lead_id, body, mappers.if_match_version(if_match))
    lead = await gw.leads.update_lead(await principal_token(request, gw, caller), update)
    response.headers["ETag"] = mappers.etag(lead.version)
    return mappers.lead_read(lead)


@router.post("/{lead_id}/convert", response_model=LeadConversionRead)
async def convert_lead(lead_id: LeadId, body: LeadConvert, caller: Converter, gw: GatewayDep,
                       request: Request) -> LeadConversionRead:
    """LEAD-5/LEAD-6: turn a Qualified lead into an account owned by the territory's AE plus a contact
    (or a contact of an existing account). Safe to retry: a converted lead answers its links again.
    The AE is emailed that the account was handed to them. 503 when the accounts service is down."""
    converted = await gw.leads.convert_lead(await principal_token(request, gw, caller), leads_pb2.ConvertLeadRequest(
        lead_id=lead_id, existing_account_id=body.existing_account_id or "", account_name=body.account_name or ""))
    return LeadConversionRead(lead=mappers.lead_read(converted.lead), account_id=converted.account_id,
                              contact_id=converted.contact_id, account_owner_id=converted.account_owner_id)
