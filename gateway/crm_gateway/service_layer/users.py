"""Users: create, change, deactivate, reactivate; each change publishes a versioned snapshot."""
from __future__ import annotations

import uuid

from crmkit.errors import Conflict, InvalidInput, NotFound, PreconditionFailed

from crm_gateway.domain import hierarchy
from crm_gateway.domain.events import UserCreated, UserDeactivated, UserReactivated, UserUpdated
from crm_gateway.domain.identity import UserRecord
from crm_gateway.domain.model import Caller, check_territories, check_user_role, check_username
from crm_gateway.domain.passwords import check_password
from crm_gateway.service_layer import audit
from crm_gateway.service_layer.context import Gateway, GatewayUnitOfWork


async def _reload(uow: GatewayUnitOfWork, user_id: str) -> UserRecord:
    user = await uow.repo.get_user(user_id)
    if user is None:
        raise NotFound("no such user")
    return user


async def get_user(*, gw: Gateway, user_id: str) -> UserRecord:
    async with gw.uow() as uow:
        return await _reload(uow, user_id)


async def list_users(*, gw: Gateway, after: str | None, limit: int) -> list[UserRecord]:
    async with gw.uow() as uow:
        return await uow.repo.list_users(after=after, limit=limit)


async def create_user(*, gw: Gateway, actor: Caller | None, address: str, username: str, full_name: str,
                      email: str, role: str, territories: list[str], manager_id: str | None,
                      password: str) -> UserRecord:
    """Create a user and publish crm.identity.user.created."""
    name = check_username(username)
    check_user_role(role)
    check_password(password, username=name)
    password_hash = await gw.passwords.hash(password)
    user_id = str(uuid.uuid4())
    async with gw.uow() as uow:
        codes = check_territories(territories, await uow.repo.territory_codes())
        if manager_id is not None and await uow.repo.get_user(manager_id) is None:
            raise InvalidInput("no such user", field="manager_id")
        if await uow.repo.credentials(name) is not None:
            raise Conflict("username already taken", field="username")
        await uow.repo.insert_user(user_id=user_id, username=name, full_name=full_name, email=email, role=role,
                                   manager_id=manager_id, password_hash=password_hash, territory_codes=codes)
        user = await _reload(uow, user_id)
        uow.publish_event(UserCreated(), user)
        await audit.record(uow, action=audit.USER_CREATED, address=address, actor=actor,
                           actor_name="" if actor else "system", detail={"user_id": user_id, "username": name})
        await uow.commit()
    return user


async def update_user(*, gw: Gateway, actor: Caller | None, address: str, user_id: str, changes: dict,
                      expected_version: int | None = None) -> UserRecord:
    """Apply the given fields (full_name, email, role, manager_id, territories); publish
    crm.identity.user.updated if anything changed."""
    async with gw.uow() as uow:
        user = await uow.repo.get_user(user_id, for_update=True)
        if user is None:
            raise NotFound("no such user")
        if expected_version is not None and expected_version != user.version:
            raise PreconditionFailed(f"the user changed since version {expected_version} (now {user.version})")
        columns: dict = {}
        if "role" in changes and changes["role"] != user.role:
            columns["role"] = check_user_role(changes["role"])
        for field in ("full_name", "email"):
            if field in changes and changes[field] != getattr(user, field):
                columns[field] = changes[field]
        if "manager_id" in changes and changes["manager_id"] != user.manager_id:
            hierarchy.check_new_manager(user.id, changes["manager_id"], await uow.repo.manager_map())
            columns["manager_id"] = changes["manager_id"]
        codes = None
        if "territories" in changes:
            codes = check_territories(changes["territories"], await uow.repo.territory_codes())
            if tuple(codes) == user.territories:
                codes = None
        if not columns and codes is None:
            return user
        await uow.repo.update_user(user_id, columns)
        if codes is not None:
            await uow.repo.set_territories(user_id, codes)
        user = await _reload(uow, user_id)
        uow.publish_event(UserUpdated(), user)
        changed = sorted([*columns, *(["territories"] if codes is not None else [])])
        await audit.record(uow, action=audit.USER_UPDATED, address=address, actor=actor,
                           actor_name="" if actor else "system", detail={"user_id": user_id, "fields": changed})
        await uow.commit()
    return user


async def set_active(*, gw: Gateway, actor: Caller | None, address: str, user_id: str, active: bool) -> UserRecord:
    """Deactivate (revoking every refresh token) or reactivate; no-op when already in that state."""
    if actor is not None and actor.id == user_id and not active:
        raise Conflict("you cannot deactivate yourself")
    async with gw.uow() as uow:
        user = await uow.repo.get_user(user_id, for_update=True)
        if user is None:
            raise NotFound("no such user")
        if user.active == active:
            return user
        await uow.repo.update_user(user_id, {"active": active})
        if not active:
            await uow.repo.revoke_user_tokens(user_id)
        user = await _reload(uow, user_id)
        uow.publish_event(UserReactivated() if active else UserDeactivated(), user)
        await audit.record(uow, action=audit.USER_REACTIVATED if active else audit.USER_DEACTIVATED,
                           address=address, actor=actor, actor_name="" if actor else "system",
                           detail={"user_id": user_id})
        await uow.commit()
    return user


async def set_password(*, gw: Gateway, user_id: str, password: str) -> None:
    """Replace a user's password (admin bootstrap); existing sessions are revoked."""
    async with gw.uow() as uow:
        user = await _reload(uow, user_id)
        check_password(password, username=user.username)
        await uow.repo.set_password_hash(user_id, await gw.passwords.hash(password))
        await uow.repo.revoke_user_tokens(user_id)
        await uow.commit()
