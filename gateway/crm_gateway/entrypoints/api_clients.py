"""/api/v1/api-clients: machine callers, their keys and their HMAC signing keys (admin only)."""
from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response, status

from crm_gateway.domain.model import Caller
from crm_gateway.entrypoints.schemas import (ApiClientCreate, ApiClientCreated, ApiClientPage, ApiClientRead,
                                             SigningKeyCreated, SigningKeyPage, SigningKeyRead)
from crm_gateway.security import GatewayDep, client_address, require_roles
from crm_gateway.service_layer import api_clients, signing

router = APIRouter(prefix="/api/v1/api-clients", tags=["api clients"])
Admin = Annotated[Caller, Depends(require_roles("admin"))]


@router.post("", response_model=ApiClientCreated, status_code=status.HTTP_201_CREATED)
async def create_client(body: ApiClientCreate, caller: Admin, gw: GatewayDep, request: Request,
                        response: Response) -> ApiClientCreated:
    """Register a client. The answer carries its key: shown this once, only its hash is kept."""
    client, key = await api_clients.create_client(gw=gw, actor=caller, address=client_address(request),
                                                  name=body.name, role=body.role)
    response.headers["Location"] = f"/api/v1/api-clients/{client.id}"
    response.headers["Cache-Control"] = "no-store"
    return ApiClientCreated(**ApiClientRead.of(client).model_dump(), key=key)


@router.get("", response_model=ApiClientPage)
async def list_clients(caller: Admin, gw: GatewayDep) -> ApiClientPage:
    return ApiClientPage(items=[ApiClientRead.of(c) for c in await api_clients.list_clients(gw=gw)])


@router.delete("/{client_id}", status_code=status.HTTP_204_NO_CONTENT)
async def revoke_client(client_id: uuid.UUID, caller: Admin, gw: GatewayDep, request: Request) -> Response:
    """Revoke the client's key at once."""
    await api_clients.revoke_client(gw=gw, actor=caller, address=client_address(request), client_id=str(client_id))
    return Response(status_code=status.HTTP_204_NO_CONTENT)


def _key_read(record) -> SigningKeyRead:
    return SigningKeyRead(key_id=record.key_id, active=record.revoked_at is None, created_at=record.created_at,
                          revoked_at=record.revoked_at)


@router.post("/{client_id}/signing-keys", response_model=SigningKeyCreated, status_code=status.HTTP_201_CREATED)
async def issue_signing_key(client_id: uuid.UUID, caller: Admin, gw: GatewayDep, request: Request,
                            response: Response) -> SigningKeyCreated:
    """INT-4: a new HMAC signing key for the client; the secret is shown this once. A client may hold
    several, so the ERP switches to a new key before the old one is revoked."""
    record, secret = await signing.issue_key(gw=gw, actor=caller, address=client_address(request),
                                             client_id=str(client_id))
    response.headers["Cache-Control"] = "no-store"
    return SigningKeyCreated(**_key_read(record).model_dump(), secret=secret)


@router.get("/{client_id}/signing-keys", response_model=SigningKeyPage)
async def list_signing_keys(client_id: uuid.UUID, caller: Admin, gw: GatewayDep) -> SigningKeyPage:
    return SigningKeyPage(items=[_key_read(k) for k in await signing.list_keys(gw=gw, client_id=str(client_id))])


@router.delete("/{client_id}/signing-keys/{key_id}", status_code=status.HTTP_204_NO_CONTENT)
async def revoke_signing_key(client_id: uuid.UUID, key_id: str, caller: Admin, gw: GatewayDep,
                             request: Request) -> Response:
    """Requests signed with this key are refused from now on."""
    await signing.revoke_key(gw=gw, actor=caller, address=client_address(request), client_id=str(client_id),
                             key_id=key_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
