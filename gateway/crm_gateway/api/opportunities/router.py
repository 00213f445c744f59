"""/api/v1/opportunities: translate to the sales service's Opportunities (OPP-1, OPP-2, GEN-3, S1, S3,
S4, SEC-2, LEAD-7). Reads answer an ETag; changes honour If-Match; creating honours Idempotency-Key."""
from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from crm.sales.v1 import opportunities_pb2 as pb
from fastapi import APIRouter, Depends, Path, Query, Response, status

from crm_gateway.api.common import IfMatch, Many, Page, PageCursor, PageLimit, etag_header, if_match_version, tagged
from crm_gateway.api.idempotent import CreateOnce
from crm_gateway.api.opportunities import mappers
from crm_gateway.api.opportunities.schemas import (
    OpportunityCreate,
    OpportunityDetail,
    OpportunityRead,
    OpportunityUpdate,
    Reopen,
    SalesProcessRead,
    SdrCorrection,
)
from crm_gateway.domain.model import OPPORTUNITY_READERS, OPPORTUNITY_WRITERS, Caller
from crm_gateway.security import Calls, GatewayDep, require_roles
from crm_gateway.service_layer.context import Gateway

router = APIRouter(prefix="/api/v1/opportunities", tags=["opportunities"])
Reader = Annotated[Caller, Depends(require_roles(*OPPORTUNITY_READERS))]
Writer = Annotated[Caller, Depends(require_roles(*OPPORTUNITY_WRITERS))]
Admin = Annotated[Caller, Depends(require_roles("admin"))]
OpportunityId = Annotated[str, Path(min_length=1, max_length=64)]
AccountIds = Annotated[list[uuid.UUID] | None, Query(max_length=20)]


async def _answer(opportunity: pb.Opportunity, response: Response, gw: Gateway) -> OpportunityRead:
    names = await gw.directory.names(mappers.people([opportunity]))
    return tagged(response, opportunity.version, mappers.opportunity_read(opportunity, names))


@router.get("", response_model=Page[OpportunityRead])
async def list_opportunities(
    caller: Reader, calls: Calls, gw: GatewayDep, owner_id: Many = None, stage: Many = None,
    account_id: AccountIds = None,
    close_date_from: date | None = None, close_date_to: date | None = None, open_only: bool = False,
    sort: Annotated[str | None, Query(max_length=40, pattern=r"^-?[a-z_]+$", examples=["close_date"])] = None,
    limit: PageLimit = 50, cursor: PageCursor = None,
) -> Page[OpportunityRead]:
    """The opportunities on accounts the caller sees, filtered, one keyset page at a time."""
    found = await calls.sales.list_opportunities(pb.ListOpportunitiesRequest(
        owner_ids=owner_id or [], stages=stage or [], account_ids=[str(a) for a in account_id or []],
        open_only=open_only,
        close_date_from=close_date_from.isoformat() if close_date_from else "",
        close_date_to=close_date_to.isoformat() if close_date_to else "",
        sort=sort or "", page_size=limit, cursor=cursor or ""))
    names = await gw.directory.names(mappers.people(found.opportunities))
    return Page(items=[mappers.opportunity_read(o, names) for o in found.opportunities],
                next_cursor=found.next_cursor or None)


@router.get("/process", response_model=SalesProcessRead)
async def sales_process(caller: Reader, calls: Calls) -> SalesProcessRead:
    """The configured stages (default probability, forecast category) and loss reasons."""
    return mappers.process_read(await calls.sales.sales_process())


@router.post("", response_model=OpportunityRead, status_code=status.HTTP_201_CREATED)
async def create_opportunity(body: OpportunityCreate, caller: Writer, calls: Calls, gw: GatewayDep,
                             once: CreateOnce):
    """OPP-1: an opportunity on an account the caller may edit; the type defaults from the account."""

    async def create() -> tuple[dict, dict[str, str]]:
        opportunity = await calls.sales.create_opportunity(pb.CreateOpportunityRequest(
            account_id=body.account_id, data=mappers.opportunity_data(body)))
        headers = {"Location": f"/api/v1/opportunities/{opportunity.id}", **etag_header(opportunity.version)}
        names = await gw.directory.names(mappers.people([opportunity]))
        return mappers.opportunity_read(opportunity, names).model_dump(mode="json"), headers

    return await once.create(action="opportunities.create", body=body, create=create)


@router.get("/{opportunity_id}", response_model=OpportunityDetail)
async def get_opportunity(opportunity_id: OpportunityId, caller: Reader, calls: Calls, gw: GatewayDep,
                          response: Response) -> OpportunityDetail:
    """The opportunity with its competitors, its history (S1, who by name) and its time in stage."""
    detail = await calls.sales.get_opportunity(opportunity_id)
    names = await gw.directory.names(mappers.people([detail.opportunity], detail.history))
    return tagged(response, detail.opportunity.version, mappers.detail_read(detail, names))


@router.patch("/{opportunity_id}", response_model=OpportunityRead)
async def update_opportunity(opportunity_id: OpportunityId, body: OpportunityUpdate, caller: Writer, calls: Calls,
                             gw: GatewayDep, response: Response, if_match: IfMatch = None) -> OpportunityRead:
    """Change fields; a stage change is a history row and an event; Closed Lost keeps its stage (409)."""
    return await _answer(await calls.sales.update_opportunity(pb.UpdateOpportunityRequest(
        id=opportunity_id, data=mappers.opportunity_data(body), expected_version=if_match_version(if_match))),
        response, gw)


@router.post("/{opportunity_id}/reopen", response_model=OpportunityRead)
async def reopen_opportunity(opportunity_id: OpportunityId, body: Reopen, caller: Writer, calls: Calls,
                             gw: GatewayDep, response: Response, if_match: IfMatch = None) -> OpportunityRead:
    """S3: the explicit way out of Closed Lost, into an open stage."""
    return await _answer(await calls.sales.reopen_opportunity(pb.ReopenOpportunityRequest(
        id=opportunity_id, stage=body.stage, expected_version=if_match_version(if_match))), response, gw)


@router.put("/{opportunity_id}/sdr-credit", response_model=OpportunityRead)
async def correct_sdr_credit(opportunity_id: OpportunityId, body: SdrCorrection, caller: Admin, calls: Calls,
                             gw: GatewayDep, response: Response, if_match: IfMatch = None) -> OpportunityRead:
    """S4: an admin's correction of the SDR credit, audited in the history."""
    return await _answer(await calls.sales.correct_sdr_credit(pb.CorrectSdrCreditRequest(
        id=opportunity_id, sdr_id=body.sdr_id, lead_source=body.lead_source,
        expected_version=if_match_version(if_match))), response, gw)
