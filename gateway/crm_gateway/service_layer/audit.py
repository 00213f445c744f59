"""The security audit trail (GEN-8): logins, failures, logouts, token reuse, refusals, admin changes."""
from __future__ import annotations

from crm_gateway.domain.model import Caller
from crm_gateway.service_layer.context import Gateway, GatewayUnitOfWork

LOGIN = "login"
LOGIN_FAILED = "login_failed"
LOGIN_THROTTLED = "login_throttled"
LOGOUT = "logout"
REFRESH_REUSED = "refresh_reused"
PERMISSION_DENIED = "permission_denied"
USER_CREATED = "user_created"
USER_UPDATED = "user_updated"
USER_DEACTIVATED = "user_deactivated"
USER_REACTIVATED = "user_reactivated"
API_CLIENT_CREATED = "api_client_created"
API_CLIENT_REVOKED = "api_client_revoked"


async def record(uow: GatewayUnitOfWork, *, action: str, address: str, actor: Caller | None = None,
                 actor_id: str | None = None, actor_name: str = "", detail: dict | None = None) -> None:
    """Write one audit row inside the caller's transaction."""
    await uow.repo.add_audit(action=action, actor_id=actor.id if actor else actor_id,
                             actor_name=actor.username if actor else actor_name, address=address,
                             detail=detail or {})


async def record_alone(gw: Gateway, *, action: str, address: str, actor: Caller | None = None,
                       actor_id: str | None = None, actor_name: str = "", detail: dict | None = None) -> None:
    """Write one audit row in its own transaction (for refusals, where nothing else commits)."""
    async with gw.uow() as uow:
        await record(uow, action=action, address=address, actor=actor, actor_id=actor_id, actor_name=actor_name,
                     detail=detail)
        await uow.commit()
