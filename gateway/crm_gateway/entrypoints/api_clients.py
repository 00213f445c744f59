"""/api/v1/api-clients: machine callers and their keys (admin only)."""
from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response, status

from crm_gateway.domain.model import Caller
from crm_gateway.entrypoints.schemas import ApiClientCreate, ApiClientCreated, ApiClientPage, ApiClientRead
from crm_gateway.security import GatewayDep, client_address, require_roles
from crm_gateway.service_layer import api_clients

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
