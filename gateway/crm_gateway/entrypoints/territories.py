"""/api/v1/territories: the state -> territory map (read only; any authenticated user or API client)."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from crm_gateway.entrypoints.schemas import TerritoryPage, TerritoryRead
from crm_gateway.security import CallerDep, GatewayDep
from crm_gateway.service_layer import territories

router = APIRouter(prefix="/api/v1/territories", tags=["territories"])


@router.get("", response_model=TerritoryPage, summary="List territories",
            description="Every sales territory ordered by code, with the states or provinces it covers and its "
                        "sales region, so a client can map a state to its territory. Open to any authenticated "
                        "user or API client.")
async def list_territories(caller: CallerDep, gw: GatewayDep) -> TerritoryPage:
    return TerritoryPage(items=[TerritoryRead.of(t) for t in await territories.list_territories(gw=gw)])


@router.get("/{code}", response_model=TerritoryRead, summary="Get a territory",
            description="One territory by its code (e.g. `PAC`, case-sensitive); an unknown code answers 404. "
                        "Open to any authenticated user or API client.")
async def get_territory(code: Annotated[str, Path(min_length=1, max_length=8)], caller: CallerDep,
                        gw: GatewayDep) -> TerritoryRead:
    return TerritoryRead.of(await territories.get_territory(gw=gw, code=code))
