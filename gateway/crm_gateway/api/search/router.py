"""/api/v1/search (MOB-1): find contacts by name, email or phone and accounts by name, through the
Accounts gRPC service. Every user role may search; what each finds is the service's visibility.
The best `limit` matches come on one page."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from crm_gateway.api.accounts.mappers import account_read
from crm_gateway.api.accounts.schemas import AccountRead
from crm_gateway.api.common import Page, PageLimit
from crm_gateway.api.contacts.mappers import contact_read
from crm_gateway.api.search.schemas import ContactMatch
from crm_gateway.domain.model import ACCOUNT_READERS, Caller
from crm_gateway.security import Calls, require_roles

router = APIRouter(prefix="/api/v1/search", tags=["search"])
Searcher = Annotated[Caller, Depends(require_roles(*ACCOUNT_READERS))]  # every user, and the ERP client
Text = Annotated[str, Query(min_length=1, max_length=200, description="what to look for")]


@router.get("/contacts", response_model=Page[ContactMatch])
async def search_contacts(q: Text, caller: Searcher, calls: Calls, limit: PageLimit = 50) -> Page[ContactMatch]:
    """Contacts whose name (case and accents ignored) or email (case ignored) contains `q`, or, for
    four digits or more, whose phone contains those digits in any formatting; with their account's name."""
    found = await calls.accounts.search_contacts(q, limit)
    return Page.whole(ContactMatch(**contact_read(m.contact).model_dump(), account_name=m.account_name)
                       for m in found)


@router.get("/accounts", response_model=Page[AccountRead], response_model_exclude_unset=True)
async def search_accounts(q: Text, caller: Searcher, calls: Calls, limit: PageLimit = 50) -> Page[AccountRead]:
    """Accounts whose name contains `q` (case ignored); directory-only views carry the directory fields."""
    found = await calls.accounts.search_accounts(q, limit)
    return Page.whole(account_read(a) for a in found)
