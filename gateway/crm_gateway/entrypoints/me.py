"""GET /api/v1/me: who the caller is, their preferences and what they may do; PATCH: their preferences."""
from __future__ import annotations

from fastapi import APIRouter

from crm_gateway.domain.permissions import allowed
from crm_gateway.entrypoints.me_schemas import MeUpdate, MeWithPermissions
from crm_gateway.security import CallerDep, GatewayDep
from crm_gateway.service_layer import preferences, users
from crmkit.errors import Forbidden

router = APIRouter(prefix="/api/v1", tags=["me"])


@router.get("/me", response_model=MeWithPermissions)
async def me(caller: CallerDep, gw: GatewayDep) -> MeWithPermissions:
    if caller.kind == "client":
        return MeWithPermissions(id=caller.id, kind="client", username=caller.username, full_name=caller.username,
                                 email=None, role=caller.role, territories=[], manager_id=None, active=True,
                                 allowed=allowed(caller.role))
    user = await users.get_user(gw=gw, user_id=caller.id)
    return MeWithPermissions(id=user.id, kind="user", username=user.username, full_name=user.full_name,
                             email=user.email, role=user.role, territories=list(user.territories),
                             manager_id=user.manager_id, active=user.active, allowed=allowed(user.role),
                             language=await preferences.language(gw=gw, user_id=user.id))


@router.patch("/me", response_model=MeWithPermissions)
async def update_me(body: MeUpdate, caller: CallerDep, gw: GatewayDep) -> MeWithPermissions:
    """Store the caller's preferences (the UI language follows them to every device). Users only."""
    if caller.kind == "client":
        raise Forbidden("an API client has no preferences")
    await preferences.set_language(gw=gw, user_id=caller.id, language=body.language)
    return await me(caller, gw)
