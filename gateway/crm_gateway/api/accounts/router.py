"""/api/v1/accounts: translate to the Accounts gRPC service (ACC-1..4, SEC-1, SEC-3..5, GEN-11).

Reads leave out every field the service left absent (a directory-only view has no address, no
customer accounting ID, no version). Creating honours Idempotency-Key; reads answer an ETag when
the caller sees the version, and changes honour If-Match."""
from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Response, status

from crm_gateway.api.accounts import mappers
from crm_gateway.api.accounts.schemas import (
    AccountCreate,
    AccountDetail,
    AccountHierarchy,
    AccountOverview,
    AccountRead,
    AccountUpdate,
    FinanceRead,
    Reassigned,
    Reassignment,
    SalesOrderPage,
    ShareCreate,
    ShareRead,
)
from crm_gateway.api.common import (
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
from crm_gateway.api.opportunities.mappers import opportunity_read, people
from crm_gateway.domain.model import ACCOUNT_READERS, ACCOUNT_REASSIGNERS, ACCOUNT_SHARERS, ACCOUNT_WRITERS, Caller
from crm_gateway.security import Calls, GatewayDep, require_roles
from crm_gateway.service_layer.compose.account_360 import account_360
from crm_gateway.service_layer.context import ServiceCalls

router = APIRouter(prefix="/api/v1/accounts", tags=["accounts"])
Reader = Annotated[Caller, Depends(require_roles(*ACCOUNT_READERS))]
Writer = Annotated[Caller, Depends(require_roles(*ACCOUNT_WRITERS))]
Sharer = Annotated[Caller, Depends(require_roles(*ACCOUNT_SHARERS))]
Reassigner = Annotated[Caller, Depends(require_roles(*ACCOUNT_REASSIGNERS))]
AccountId = Annotated[str, Path(min_length=1, max_length=64)]
UserId = Annotated[str, Path(min_length=1, max_length=64)]
PARTIAL: dict[str, Any] = {"response_model_exclude_unset": True}


def _answer(account, response: Response, caller: Caller) -> AccountDetail:
    return tagged(response, mappers.account_version(account), mappers.account_detail(account, caller.role))


@router.get("", response_model=Page[AccountRead], **PARTIAL)
async def list_accounts(
    caller: Reader, calls: Calls,
    type_: Annotated[list[FilterValue] | None, Query(alias="type", max_length=10)] = None,
    subtype: Annotated[list[FilterValue] | None,
                       Query(max_length=10, description='"company" for a top-level company')] = None,
    status_: Annotated[list[FilterValue] | None, Query(alias="status", max_length=10)] = None,
    territory: Many = None, owner_id: Many = None,
    parent_id: Annotated[str | None, Query(max_length=64, description='"" lists the companies at the top')] = None,
    q: Annotated[str | None, Query(max_length=200, description="matches the name")] = None,
    sort: Annotated[str | None, Query(max_length=40, pattern=r"^-?[a-z_]+$", examples=["name"])] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
) -> Page[AccountRead]:
    """Accounts the caller may see, filtered and sorted, one cursor page at a time."""
    found = await calls.accounts.list_accounts(mappers.list_accounts_request(
        types=type_ or [], subtypes=subtype or [], statuses=status_ or [], territories=territory or [],
        owner_ids=owner_id or [], parent_id=parent_id, text=q, sort=sort, limit=limit, cursor=cursor))
    return Page(items=[mappers.account_read(a) for a in found.accounts], next_cursor=found.next_cursor or None)


@router.post("", response_model=AccountRead, status_code=status.HTTP_201_CREATED, **PARTIAL)
async def create_account(body: AccountCreate, caller: Writer, calls: Calls, once: CreateOnce):
    """Create an account; its territory follows its state and its owner defaults to the territory's AE.
    Only admin and the erp client set customer_accounting_id (SEC-1)."""

    async def create() -> tuple[dict, dict[str, str]]:
        account = await calls.accounts.create_account(mappers.account_data(body, clear_nulls=False))
        headers = {"Location": f"/api/v1/accounts/{account.id}", **etag_header(mappers.account_version(account))}
        return mappers.account_read(account).model_dump(mode="json", exclude_unset=True), headers

    return await once.create(action="accounts.create", body=body, create=create)


@router.post("/reassign", response_model=Reassigned)
async def reassign_accounts(body: Reassignment, caller: Reassigner, calls: Calls) -> Reassigned:
    """GEN-11: every account of a departing user goes to another user, in one transaction (admin)."""
    return Reassigned(account_ids=await calls.accounts.reassign_accounts(body.from_user_id, body.to_user_id))


@router.get("/{account_id}", response_model=AccountDetail, **PARTIAL)
async def get_account(account_id: AccountId, caller: Reader, calls: Calls, response: Response) -> AccountDetail:
    """One account; 404 when it does not exist or the caller may not see it."""
    return _answer(await calls.accounts.get_account(account_id), response, caller)


@router.patch("/{account_id}", response_model=AccountDetail, **PARTIAL)
async def update_account(account_id: AccountId, body: AccountUpdate, caller: Writer, calls: Calls,
                         response: Response, if_match: IfMatch = None) -> AccountDetail:
    """Change an account; with If-Match: "<version>", a stale version answers 412."""
    update = mappers.update_account_request(account_id, body, if_match_version(if_match))
    return _answer(await calls.accounts.update_account(update), response, caller)


async def _set_status(account_id: str, active: bool, caller: Caller, calls: ServiceCalls, response: Response,
                      if_match: str | None) -> AccountDetail:
    account = await calls.accounts.change_status(account_id, active=active, expected_version=if_match_version(if_match))
    return _answer(account, response, caller)


@router.post("/{account_id}/deactivate", response_model=AccountDetail, **PARTIAL)
async def deactivate_account(account_id: AccountId, caller: Writer, calls: Calls, response: Response,
                             if_match: IfMatch = None) -> AccountDetail:
    """Mark the account inactive; its parents' location counts follow (ACC-2)."""
    return await _set_status(account_id, False, caller, calls, response, if_match)


@router.post("/{account_id}/reactivate", response_model=AccountDetail, **PARTIAL)
async def reactivate_account(account_id: AccountId, caller: Writer, calls: Calls, response: Response,
                             if_match: IfMatch = None) -> AccountDetail:
    return await _set_status(account_id, True, caller, calls, response, if_match)


@router.get("/{account_id}/hierarchy", response_model=AccountHierarchy, **PARTIAL)
async def get_hierarchy(account_id: AccountId, caller: Reader, calls: Calls) -> AccountHierarchy:
    """The whole tree the account belongs to, from its root, as the caller may see it (ACC-1)."""
    tree = await calls.accounts.get_hierarchy(account_id)
    return AccountHierarchy(root_id=tree.root_id, items=[mappers.account_read(a) for a in tree.accounts])


@router.get("/{account_id}/overview", response_model=AccountOverview, **PARTIAL)
async def get_overview(account_id: AccountId, caller: Reader, calls: Calls, gw: GatewayDep) -> AccountOverview:
    """One screen: the account, its parent and children, contacts, kiosks by warranty state, the past
    two years of orders with totals, and the latest finance, each as the caller may read it."""
    found = await account_360(calls, account_id)
    overview = mappers.overview_read(found.overview, caller.role)
    if found.opportunities is not None:
        names = await gw.directory.names(people(found.opportunities.opportunities))
        overview.opportunities = [opportunity_read(o, names) for o in found.opportunities.opportunities]
    return overview


@router.get("/{account_id}/sales-orders", response_model=SalesOrderPage)
async def list_sales_orders(
    account_id: AccountId, caller: Reader, calls: Calls,
    since: Annotated[date | None, Query(description="default: two years before today")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
) -> SalesOrderPage:
    """ACC-3: the account's sales-order headers, newest first, with totals per currency; for those
    who see the account in full (403 for directory-only roles)."""
    found = await calls.accounts.list_sales_orders(mappers.list_sales_orders_request(account_id, since, limit, cursor))
    return SalesOrderPage(items=[mappers.sales_order_read(o) for o in found.orders],
                          totals=mappers.order_totals(found.totals), since=date.fromisoformat(found.since),
                          next_cursor=found.next_cursor or None)


@router.get("/{account_id}/finance", response_model=FinanceRead)
async def get_finance(account_id: AccountId, caller: Reader, calls: Calls) -> FinanceRead:
    """ACC-4: the latest finance figures (404 naming account_id when none were recorded)."""
    return mappers.finance_read(await calls.accounts.get_finance(account_id))


@router.get("/{account_id}/shares", response_model=Page[ShareRead])
async def list_shares(account_id: AccountId, caller: Reader, calls: Calls, limit: PageLimit = 50,
                      cursor: PageCursor = None) -> Page[ShareRead]:
    """Who the account is shared with (for those who see it in full), one cursor page at a time."""
    found = await calls.accounts.list_shares(account_id, limit=limit, cursor=cursor or "")
    return Page(items=[mappers.share_read(s) for s in found.shares], next_cursor=found.next_cursor or None)


@router.post("/{account_id}/shares", response_model=ShareRead, status_code=status.HTTP_201_CREATED)
async def share_account(account_id: AccountId, body: ShareCreate, caller: Sharer, calls: Calls, once: CreateOnce):
    """SEC-5: the owner (or an admin) lets another user read or edit the account."""

    async def create() -> tuple[dict, dict[str, str]]:
        share = await calls.accounts.share_account(account_id, body.user_id, body.access)
        return mappers.share_read(share).model_dump(mode="json"), {
            "Location": f"/api/v1/accounts/{account_id}/shares/{share.user_id}"}

    return await once.create(action=f"accounts.share:{account_id}", body=body, create=create)


@router.delete("/{account_id}/shares/{user_id}", status_code=status.HTTP_204_NO_CONTENT)
async def revoke_share(account_id: AccountId, user_id: UserId, caller: Sharer, calls: Calls) -> Response:
    """Take a share back; the account disappears for that user unless they see it otherwise."""
    await calls.accounts.revoke_share(account_id, user_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
