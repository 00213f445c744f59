"""The activity timeline (GEN-1, MOB-1, MIG-2): translate to the Accounts gRPC service.

An account's or a contact's activities are read by whoever sees the account in full: the service
answers 403 to directory-only roles (they know the account exists) and 404 to anyone who does not see
it. Activities are logged by the sales roles and admins on accounts they may edit."""
from __future__ import annotations

from typing import Annotated

from crm.accounts.v1 import activities_pb2
from fastapi import APIRouter, Depends, Path, Query, status

from crm_gateway.api.activities import mappers
from crm_gateway.api.activities.schemas import ActivityCreate, ActivityKind, ActivityRead
from crm_gateway.api.common import Page, PageCursor, PageLimit
from crm_gateway.api.idempotent import CreateOnce
from crm_gateway.domain.model import ACTIVITY_READERS, ACTIVITY_WRITERS, Caller
from crm_gateway.security import Calls, require_roles
from crm_gateway.service_layer.context import ServiceCalls

router = APIRouter(tags=["activities"])
Reader = Annotated[Caller, Depends(require_roles(*ACTIVITY_READERS))]
Writer = Annotated[Caller, Depends(require_roles(*ACTIVITY_WRITERS))]
RecordId = Annotated[str, Path(min_length=1, max_length=64)]
Kinds = Annotated[list[ActivityKind] | None, Query(max_length=5, description="only these kinds (repeatable)")]


async def _page(calls: ServiceCalls, query: activities_pb2.ListActivitiesRequest) -> Page[ActivityRead]:
    found = await calls.accounts.list_activities(query)
    return Page(items=[mappers.activity_read(a) for a in found.activities], next_cursor=found.next_cursor or None)


@router.get("/api/v1/accounts/{account_id}/activities", response_model=Page[ActivityRead])
async def list_account_activities(account_id: RecordId, caller: Reader, calls: Calls, kind: Kinds = None,
                                  limit: PageLimit = 50, cursor: PageCursor = None) -> Page[ActivityRead]:
    """The account's calls, meetings, emails, notes and tasks, newest first, one cursor page at a time."""
    return await _page(calls, activities_pb2.ListActivitiesRequest(account_id=account_id, kinds=kind or [],
                                                                 page_size=limit, cursor=cursor or ""))


@router.get("/api/v1/contacts/{contact_id}/activities", response_model=Page[ActivityRead])
async def list_contact_activities(contact_id: RecordId, caller: Reader, calls: Calls, kind: Kinds = None,
                                  limit: PageLimit = 50, cursor: PageCursor = None) -> Page[ActivityRead]:
    """The activities concerning one contact, newest first (as for its account)."""
    return await _page(calls, activities_pb2.ListActivitiesRequest(contact_id=contact_id, kinds=kind or [],
                                                                 page_size=limit, cursor=cursor or ""))


@router.post("/api/v1/activities", response_model=ActivityRead, status_code=status.HTTP_201_CREATED)
async def create_activity(body: ActivityCreate, caller: Writer, calls: Calls, once: CreateOnce):
    """Log a call, meeting, email, note or task on an account the caller may edit (MOB-1: right after
    the meeting). With an Idempotency-Key, a retry with the same body answers the first result."""

    async def create() -> tuple[dict, dict[str, str]]:
        logged = await calls.accounts.create_activity(mappers.create_request(body))
        return mappers.activity_read(logged).model_dump(mode="json"), {}

    return await once.create(action="activities.create", body=body, create=create)
