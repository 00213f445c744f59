"""Territories: the state -> territory map every client shows (read only; the demo loader fills it)."""
from __future__ import annotations

from crm_gateway.adapters.repository import TerritoryRecord
from crm_gateway.service_layer.context import Gateway
from crmkit.errors import NotFound


async def list_territories(*, gw: Gateway) -> list[TerritoryRecord]:
    async with gw.uow() as uow:
        return await uow.repo.list_territories()


async def get_territory(*, gw: Gateway, code: str) -> TerritoryRecord:
    async with gw.uow() as uow:
        territory = await uow.repo.get_territory(code)
    if territory is None:
        raise NotFound(f"no territory {code!r}")
    return territory
