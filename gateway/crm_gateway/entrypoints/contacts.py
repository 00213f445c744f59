"""/api/v1/contacts: translate to the Accounts gRPC service (CON-1, CON-2). Contacts follow their
account: the service answers 404 for the contacts of an account the caller does not see in full."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Header, Path, Query, Request, Response, status

from crm_gateway.domain.model import ACCOUNT_READERS, ACCOUNT_WRITERS, Caller
from crm_gateway.entrypoints import account_mappers as mappers
from crm_gateway.entrypoints.account_schemas import ContactCreate, ContactPage, ContactRead, ContactUpdate
from crm_gateway.entrypoints.idempotent import IdempotencyKey, create_once
from crm_gateway.entrypoints.mappers import etag, if_match_version
from crm_gateway.security import GatewayDep, principal_token, require_roles

router = APIRouter(prefix="/api/v1/contacts", tags=["contacts"])
Reader = Annotated[Caller, Depends(require_roles(*ACCOUNT_READERS))]
Writer = Annotated[Caller, Depends(require_roles(*ACCOUNT_WRITERS))]
ContactId = Annotated[str, Path(min_length=1, max_length=64)]


@router.get("", response_model=ContactPage)
async def list_contacts(caller: Reader, gw: GatewayDep, request: Request,
                        account_id: Annotated[str, Query(min_length=1, max_length=64)]) -> ContactPage:
    """The contacts of one account the caller sees in full."""
    found = await gw.accounts.list_contacts(await principal_token(request, gw, caller), account_id)
    return ContactPage(items=[mappers.contact_read(c) for c in found])


@router.post("", response_model=ContactRead, status_code=status.HTTP_201_CREATED)
async def create_contact(body: ContactCreate, caller: Writer, gw: GatewayDep, request: Request,
                         idempotency_key: IdempotencyKey = None):
    """Add a person to an account. With an Idempotency-Key, a retry with the same body answers the first result."""

    async def create() -> tuple[dict, dict[str, str]]:
        contact = await gw.accounts.create_contact(await principal_token(request, gw, caller),
                                                   mappers.create_contact_request(body))
        headers = {"Location": f"/api/v1/contacts/{contact.id}", "ETag": etag(contact.version)}
        return mappers.contact_read(contact).model_dump(mode="json"), headers

    return await create_once(gw, action="contacts.create", caller=caller, key=idempotency_key, body=body,
                             create=create)


@router.get("/{contact_id}", response_model=ContactRead)
async def get_contact(contact_id: ContactId, caller: Reader, gw: GatewayDep, request: Request,
                      response: Response) -> ContactRead:
    """One contact, with its account's status and type (CON-2)."""
    contact = await gw.accounts.get_contact(await principal_token(request, gw, caller), contact_id)
    response.headers["ETag"] = etag(contact.version)
    return mappers.contact_read(contact)


@router.patch("/{contact_id}", response_model=ContactRead)
async def update_contact(contact_id: ContactId, body: ContactUpdate, caller: Writer, gw: GatewayDep,
                         request: Request, response: Response,
                         if_match: Annotated[str | None, Header()] = None) -> ContactRead:
    """Change a contact; with If-Match: "<version>", a stale version answers 412."""
    update = mappers.update_contact_request(contact_id, body, if_match_version(if_match))
    contact = await gw.accounts.update_contact(await principal_token(request, gw, caller), update)
    response.headers["ETag"] = etag(contact.version)
    return mappers.contact_read(contact)
