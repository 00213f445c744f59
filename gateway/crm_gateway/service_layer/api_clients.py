"""API clients (machines: ERP, kiosk fleet, web forms, webinar platform) and their keys."""
from __future__ import annotations

import uuid

from crmkit.errors import InvalidInput, NotFound

from crm_gateway.domain import tokens
from crm_gateway.domain.identity import ApiClientRecord
from crm_gateway.domain.model import Caller, check_client_role
from crm_gateway.service_layer import audit
from crm_gateway.service_layer.context import Gateway


async def create_client(*, gw: Gateway, actor: Caller, address: str, name: str,
                        role: str) -> tuple[ApiClientRecord, str]:
    """Register a client; answers it with its key, which is never stored or shown again."""
    check_client_role(role)
    if not name.strip():
        raise InvalidInput("must not be blank", field="name")
    key = tokens.new_api_key()
    async with gw.uow() as uow:
        client = await uow.repo.insert_client(client_id=str(uuid.uuid4()), name=name.strip(), role=role,
                                              key_hash=tokens.digest(key), key_prefix=key[:12], created_by=actor.id)
        await audit.record(uow, action=audit.API_CLIENT_CREATED, address=address, actor=actor,
                           detail={"client_id": client.id, "role": role})
        await uow.commit()
    return client, key


async def list_clients(*, gw: Gateway) -> list[ApiClientRecord]:
    async with gw.uow() as uow:
        return await uow.repo.list_clients()


async def revoke_client(*, gw: Gateway, actor: Caller, address: str, client_id: str) -> None:
    async with gw.uow() as uow:
        if not await uow.repo.revoke_client(client_id):
            raise NotFound("no such API client")
        await audit.record(uow, action=audit.API_CLIENT_REVOKED, address=address, actor=actor,
                           detail={"client_id": client_id})
        await uow.commit()
