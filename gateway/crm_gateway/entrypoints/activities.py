"""The activity timeline (GEN-1, MOB-1, MIG-2): translate to the Accounts gRPC service.

An account's or a contact's activities are read by whoever sees the account in full: the service
answers 403 to directory-only roles (they know the account exists) and 404 to anyone who does not see
it. Activities are logged by the sales roles and admins on accounts they may edit."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request, status

from crm.accounts.v1 import activities_pb2
from crm_gateway.domain.model import ACTIVITY_READERS, ACTIVITY_WRITERS, Caller
from crm_gateway.entrypoints.account_mappers import activity_read
from crm_gateway.entrypoints.activity_schemas import ActivityCreate, ActivityKind, ActivityPage, ActivityRead
from crm_gateway.entrypoints.idempotent import IdempotencyKey, create_once
from crm_gateway.security import GatewayDep, principal_token, require_roles
from crm_gateway.service_layer.context import Gateway

router = APIRouter(tags=["activities"])
Reader = Annotated[Caller, Depends(require_roles(*ACTIVITY_READERS))]
Writer = Annotated[Caller, Depends(require_roles(*ACTIVITY_WRITERS))]
RecordId = Annotated[str, Path(min_length=1, max_length=64)]
Limit = Annotated[int, Query(ge=1, le=200)]
PageCursor = Annotated[str | None, Query(max_length=500)]
Kinds = Annotated[list[ActivityKind] | None, Query(max_length=5, description="only these kinds (repeatable)")]


async def _page(gw: Gateway, request: Request, caller: Caller, query: activities_pb2.ListActivitiesRequest
                ) -> ActivityPage:
    found = await gw.accounts.list_activities(await principal_token(request, gw, caller), query)
    return ActivityPage(items=[activity_read(a) for a in found.activities], next_cursor=found.next_cursor or None)


def _create_request(body: ActivityCreate) -> activities_pb2.CreateActivityRequest:
    return activities_pb2.CreateActivityRequest(
        account_id=body.account_id, contact_id=body.contact_id or "", kind=body.kind, subject=body.subject,
        body=body.body, occurred_at=body.occurred_at.isoformat() if body.occurred_at else "",
        direction=body.direction or "")


@router.get("/api/v1/accounts/{account_id}/activities", response_model=ActivityPage)
async def list_account_activities(account_id: RecordId, caller: Reader, gw: GatewayDep, request: Request,
                                  kind: Kinds = None, limit: Limit = 50, cursor: PageCursor = None) -> ActivityPage:
    """The account's calls, meetings, emails, notes and tasks, newest first, one cursor page at a time."""
    return await _page(gw, request, caller, activities_pb2.ListActivitiesRequest(
        account_id=account_id, kinds=kind or [], page_size=limit, cursor=cursor or ""))


@router.get("/api/v1/contacts/{contact_id}/activities", response_model=ActivityPage)
async def list_contact_activities(contact_id: RecordId, caller: Reader, gw: GatewayDep, request: Request,
                                  kind: Kinds = None, limit: Limit = 50, cursor: PageCursor = None) -> ActivityPage:
    """The activities concerning one contact, newest first (as for its account)."""
    return await _page(gw, request, caller, activities_pb2.ListActivitiesRequest(
        contact_id=contact_id, kinds=kind or [], page_size=limit, cursor=cursor or ""))


@router.post("/api/v1/activities", response_model=ActivityRead, status_code=status.HTTP_201_CREATED)
async def create_activity(body: ActivityCreate, caller: Writer, gw: GatewayDep, request: Request,
                          idempotency_key: IdempotencyKey = None):
    """Log a call, meeting, email, note or task on an account the caller may edit (MOB-1: right after
    the meeting). With an Idempotency-Key, a retry with the same body answers the first result."""

    async def create() -> tuple[dict, dict[str, str]]:
        logged = await gw.accounts.create_activity(await principal_token(request, gw, caller), _create_request(body))
        return activity_read(logged).model_dump(mode="json"), {}

    return await create_once(gw, action="activities.create", caller=caller, key=idempotency_key, body=body,
                             create=create)
