"""/api/v1/contacts: translate to the Accounts gRPC service (CON-1, CON-2). Contacts follow their
account: the service answers 404 for the contacts of an account the caller does not see in full."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response, status

from crm_gateway.api.common import IfMatch, Page, PageCursor, PageLimit, etag_header, if_match_version, tagged
from crm_gateway.api.contacts import mappers
from crm_gateway.api.contacts.schemas import ContactCreate, ContactDetail, ContactRead, ContactUpdate
from crm_gateway.api.idempotent import CreateOnce
from crm_gateway.domain.model import ACCOUNT_READERS, ACCOUNT_WRITERS, Caller
from crm_gateway.security import Calls, require_roles

router = APIRouter(prefix="/api/v1/contacts", tags=["contacts"])
Reader = Annotated[Caller, Depends(require_roles(*ACCOUNT_READERS))]
Writer = Annotated[Caller, Depends(require_roles(*ACCOUNT_WRITERS))]
ContactId = Annotated[str, Path(min_length=1, max_length=64)]


@router.get("", response_model=Page[ContactRead])
async def list_contacts(caller: Reader, calls: Calls, account_id: Annotated[str, Query(min_length=1, max_length=64)],
                        limit: PageLimit = 50, cursor: PageCursor = None) -> Page[ContactRead]:
    """The contacts of one account the caller sees in full, by last name, one cursor page at a time."""
    found = await calls.accounts.list_contacts(account_id, limit=limit, cursor=cursor or "")
    return Page(items=[mappers.contact_read(c) for c in found.contacts], next_cursor=found.next_cursor or None)


@router.post("", response_model=ContactRead, status_code=status.HTTP_201_CREATED)
async def create_contact(body: ContactCreate, caller: Writer, calls: Calls, once: CreateOnce):
    """Add a person to an account. With an Idempotency-Key, a retry with the same body answers the first result."""

    async def create() -> tuple[dict, dict[str, str]]:
        contact = await calls.accounts.create_contact(mappers.create_contact_request(body))
        headers = {"Location": f"/api/v1/contacts/{contact.id}", **etag_header(contact.version)}
        return mappers.contact_read(contact).model_dump(mode="json"), headers

    return await once.create(action="contacts.create", body=body, create=create)


@router.get("/{contact_id}", response_model=ContactDetail)
async def get_contact(contact_id: ContactId, caller: Reader, calls: Calls, response: Response) -> ContactDetail:
    """One contact, with its account's status and type (CON-2)."""
    contact = await calls.accounts.get_contact(contact_id)
    return tagged(response, contact.version, mappers.contact_detail(contact, caller.role))


@router.patch("/{contact_id}", response_model=ContactDetail)
async def update_contact(contact_id: ContactId, body: ContactUpdate, caller: Writer, calls: Calls,
                         response: Response, if_match: IfMatch = None) -> ContactDetail:
    """Change a contact; with If-Match: "<version>", a stale version answers 412."""
    contact = await calls.accounts.update_contact(
        mappers.update_contact_request(contact_id, body, if_match_version(if_match)))
    return tagged(response, contact.version, mappers.contact_detail(contact, caller.role))
