"""Territories: the state -> territory map every client shows, and the events other services keep
their copy from (crm.identity.territory.updated; accounts derives an address's territory from it)."""
from __future__ import annotations

from collections.abc import Iterable

from crmkit.errors import NotFound

from crm_gateway.domain.events import TerritoryChanged
from crm_gateway.domain.identity import TerritoryRecord
from crm_gateway.service_layer.context import Gateway


async def list_territories(*, gw: Gateway) -> list[TerritoryRecord]:
    async with gw.uow() as uow:
        return await uow.repo.list_territories()


async def get_territory(*, gw: Gateway, code: str) -> TerritoryRecord:
    async with gw.uow() as uow:
        territory = await uow.repo.get_territory(code)
    if territory is None:
        raise NotFound(f"no territory {code!r}")
    return territory


async def converge_territories(*, gw: Gateway, records: Iterable[TerritoryRecord]) -> int:
    """Create or change territories to match `records`; each change is published. Answers how many changed."""
    changed = 0
    async with gw.uow() as uow:
        for record in records:
            version = await uow.repo.upsert_territory(record)
            if version is None:
                continue
            changed += 1
            uow.publish_event(TerritoryChanged(version), record)
        await uow.commit()
    return changed
