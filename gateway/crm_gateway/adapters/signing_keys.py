"""API clients' HMAC signing keys (INT-4): stored sealed, looked up by key id when a signed
request arrives."""
from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from crm_gateway.adapters.orm import api_clients, signing_keys
from crm_gateway.domain.identity import ActiveKey, SigningKeyRecord


class SigningKeys:
    def __init__(self, session: AsyncSession) -> None:
        self._s = session

    async def add(self, *, key_id: str, client_id: str, sealed_secret: str) -> SigningKeyRecord:
        row = (await self._s.execute(signing_keys.insert().values(
            key_id=key_id, client_id=client_id, sealed_secret=sealed_secret).returning(signing_keys))).one()
        return SigningKeyRecord(row.key_id, row.client_id, row.created_at, row.revoked_at)

    async def of_client(self, client_id: str) -> list[SigningKeyRecord]:
        rows = await self._s.execute(select(signing_keys).where(signing_keys.c.client_id == client_id)
                                     .order_by(signing_keys.c.created_at, signing_keys.c.key_id))
        return [SigningKeyRecord(r.key_id, r.client_id, r.created_at, r.revoked_at) for r in rows.all()]

    async def active(self, key_id: str) -> ActiveKey | None:
        """The key when it and its client are both unrevoked."""
        row = (await self._s.execute(
            select(signing_keys.c.key_id, signing_keys.c.sealed_secret, api_clients.c.id, api_clients.c.name,
                   api_clients.c.role)
            .join(api_clients, api_clients.c.id == signing_keys.c.client_id)
            .where(signing_keys.c.key_id == key_id, signing_keys.c.revoked_at.is_(None),
                   api_clients.c.revoked_at.is_(None)))).first()
        return None if row is None else ActiveKey(*row)

    async def revoke(self, client_id: str, key_id: str) -> bool:
        done = await self._s.execute(
            update(signing_keys).where(signing_keys.c.key_id == key_id, signing_keys.c.client_id == client_id,
                                       signing_keys.c.revoked_at.is_(None))
            .values(revoked_at=datetime.now(UTC)).returning(signing_keys.c.key_id))
        return done.first() is not None
