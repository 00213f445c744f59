"""Signing keys of API clients and the check of a signed request (INT-4).

An admin issues a key to a client (the secret is shown once), may hold several at a time so the
ERP can switch to a new one before the old is revoked, and revokes them. A signed request makes
its caller the key's client; every refusal is audited with its reason."""
from __future__ import annotations

import time

from crmkit.errors import NotFound, Unauthenticated

from crm_gateway.domain import signatures
from crm_gateway.domain.identity import SigningKeyRecord
from crm_gateway.domain.model import Caller
from crm_gateway.domain.signatures import SignatureRefused
from crm_gateway.service_layer import audit
from crm_gateway.service_layer.context import Gateway


async def issue_key(*, gw: Gateway, actor: Caller, address: str, client_id: str) -> tuple[SigningKeyRecord, str]:
    """A new signing key for an active client; answers it with its secret, never shown again."""
    key_id, secret = signatures.new_key()
    async with gw.uow() as uow:
        if not any(c.id == client_id and c.revoked_at is None for c in await uow.repo.list_clients()):
            raise NotFound("no such active API client", field="client_id")
        record = await uow.signing_keys.add(key_id=key_id, client_id=client_id, sealed_secret=gw.box.seal(secret))
        await audit.record(uow, action=audit.SIGNING_KEY_CREATED, address=address, actor=actor,
                           detail={"client_id": client_id, "key_id": key_id})
        await uow.commit()
    return record, secret


async def list_keys(*, gw: Gateway, client_id: str) -> list[SigningKeyRecord]:
    async with gw.uow() as uow:
        return await uow.signing_keys.of_client(client_id)


async def revoke_key(*, gw: Gateway, actor: Caller, address: str, client_id: str, key_id: str) -> None:
    async with gw.uow() as uow:
        if not await uow.signing_keys.revoke(client_id, key_id):
            raise NotFound("no such active signing key of this client", field="key_id")
        await audit.record(uow, action=audit.SIGNING_KEY_REVOKED, address=address, actor=actor,
                           detail={"client_id": client_id, "key_id": key_id})
        await uow.commit()


async def signed_caller(*, gw: Gateway, address: str, key_id: str | None, timestamp: str | None,
                        signature: str | None, method: str, target: str, body: bytes) -> Caller:
    """The API client whose key signed this request; Unauthenticated (and an audit entry) otherwise."""
    try:
        if not (key_id and timestamp and signature):
            raise SignatureRefused(f"sign the request: {signatures.KEY_ID_HEADER}, {signatures.TIMESTAMP_HEADER} "
                                   f"and {signatures.SIGNATURE_HEADER} are required")
        signatures.check_timestamp(timestamp, time.time())
        async with gw.uow() as uow:
            key = await uow.signing_keys.active(key_id)
        if key is None:
            raise SignatureRefused(f"unknown or revoked signing key {key_id[:40]!r}")
        signatures.verify(gw.box.open(key.sealed_secret), signature, timestamp, method, target, body)
    except SignatureRefused as refused:
        await audit.record_alone(gw, action=audit.SIGNATURE_REFUSED, address=address, actor=None,
                                 detail={"reason": str(refused), "key_id": (key_id or "")[:40], "path": target})
        raise Unauthenticated(str(refused)) from None
    return Caller(id=key.client_id, kind="client", role=key.client_role, username=key.client_name)
