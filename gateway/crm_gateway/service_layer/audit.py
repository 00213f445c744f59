"""The security audit trail (GEN-8): logins, failures, logouts, token reuse, refusals, admin changes."""
from __future__ import annotations

from datetime import datetime

from crmkit.errors import InvalidInput

from crm_gateway.domain.identity import AuditRecord
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
SIGNING_KEY_CREATED = "signing_key_created"
SIGNING_KEY_REVOKED = "signing_key_revoked"
SIGNATURE_REFUSED = "signature_refused"

ACTIONS = (LOGIN, LOGIN_FAILED, LOGIN_THROTTLED, LOGOUT, REFRESH_REUSED, PERMISSION_DENIED, USER_CREATED,
           USER_UPDATED, USER_DEACTIVATED, USER_REACTIVATED, API_CLIENT_CREATED, API_CLIENT_REVOKED,
           SIGNING_KEY_CREATED, SIGNING_KEY_REVOKED, SIGNATURE_REFUSED)
# What `detail` may show when the trail is read back: the keys the handlers above write. Anything else
# (say a token or a password someone adds later by mistake) is left out rather than shown.
PUBLIC_DETAIL_KEYS = frozenset({"reason", "rehashed", "family_id", "method", "path", "role", "required", "user_id",
                                "username", "fields", "client_id", "key_id"})


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


def public_detail(detail: dict) -> dict:
    return {key: value for key, value in detail.items() if key in PUBLIC_DETAIL_KEYS}


def check_actions(actions: list[str]) -> list[str]:
    unknown = [action for action in actions if action not in ACTIONS]
    if unknown:
        raise InvalidInput(f"unknown action {unknown[0]!r}; one of {', '.join(ACTIONS)}", field="action")
    return list(dict.fromkeys(actions))


async def list_events(*, gw: Gateway, actions: list[str], actor_id: str | None, since: datetime | None,
                      until: datetime | None, before: tuple[datetime, int] | None, limit: int) -> list[AuditRecord]:
    """GEN-8, RPT-4: audit rows newest first, filtered; `detail` keeps only the keys in PUBLIC_DETAIL_KEYS."""
    wanted = check_actions(actions)
    if since is not None and until is not None and since >= until:
        raise InvalidInput("must be later than since", field="until")
    async with gw.uow() as uow:
        found = await uow.repo.list_audit(actions=wanted, actor_id=actor_id, since=since, until=until,
                                          before=before, limit=limit)
    return [AuditRecord(r.id, r.occurred_at, r.action, r.actor_id, r.actor_name, r.address, public_detail(r.detail))
            for r in found]
