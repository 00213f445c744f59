"""GET /api/v1/me: who the caller is."""
from __future__ import annotations

from fastapi import APIRouter

from crm_gateway.entrypoints.schemas import MeRead
from crm_gateway.security import CallerDep, GatewayDep
from crm_gateway.service_layer import users

router = APIRouter(prefix="/api/v1", tags=["me"])


@router.get("/me", response_model=MeRead)
async def me(caller: CallerDep, gw: GatewayDep) -> MeRead:
    if caller.kind == "client":
        return MeRead(id=caller.id, kind="client", username=caller.username, full_name=caller.username, email=None,
                      role=caller.role, territories=[], manager_id=None, active=True)
    user = await users.get_user(gw=gw, user_id=caller.id)
    return MeRead(id=user.id, kind="user", username=user.username, full_name=user.full_name, email=user.email,
                  role=user.role, territories=list(user.territories), manager_id=user.manager_id, active=user.active)
