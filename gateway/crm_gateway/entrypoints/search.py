"""/api/v1/search (MOB-1): find contacts by name, email or phone and accounts by name, through the
Accounts gRPC service. Every user role may search; what each finds is the service's visibility."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from crm_gateway.domain.model import ACCOUNT_READERS, Caller
from crm_gateway.entrypoints import account_mappers as mappers
from crm_gateway.entrypoints.account_schemas import AccountMatches, ContactMatch, ContactMatches
from crm_gateway.security import GatewayDep, principal_token, require_roles

router = APIRouter(prefix="/api/v1/search", tags=["search"])
Searcher = Annotated[Caller, Depends(require_roles(*ACCOUNT_READERS))]  # every user, and the ERP client
Text = Annotated[str, Query(min_length=1, max_length=200, description="what to look for")]
Limit = Annotated[int, Query(ge=1, le=200)]


@router.get("/contacts", response_model=ContactMatches)
async def search_contacts(q: Text, caller: Searcher, gw: GatewayDep, request: Request,
                          limit: Limit = 50) -> ContactMatches:
    """Contacts whose name (case and accents ignored) or email (case ignored) contains `q`, or, for
    four digits or more, whose phone contains those digits in any formatting; with their account's name."""
    found = await gw.accounts.search_contacts(await principal_token(request, gw, caller), q, limit)
    return ContactMatches(items=[
        ContactMatch(**mappers.contact_read(m.contact).model_dump(), account_name=m.account_name) for m in found])


@router.get("/accounts", response_model=AccountMatches, response_model_exclude_unset=True)
async def search_accounts(q: Text, caller: Searcher, gw: GatewayDep, request: Request,
                          limit: Limit = 50) -> AccountMatches:
    """Accounts whose name contains `q` (case ignored); directory-only views carry the directory fields."""
    found = await gw.accounts.search_accounts(await principal_token(request, gw, caller), q, limit)
    return AccountMatches(items=[mappers.account_read(a) for a in found])
