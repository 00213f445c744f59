"""Helpers of the accounts integration tests: principals of replica users, the identity replicas, accounts."""
from __future__ import annotations

import uuid

from crmkit.identity.model import Territory, User
from crmkit.principal import Principal

from crm_accounts.domain.commands import AccountData
from crm_accounts.service_layer import handlers

# A slice of the reference customer's map: two eastern territories and one western.
TERRITORIES = {"NE": ("CT", "MA", "ME"), "MA": ("NJ", "NY", "PA"), "PAC": ("CA", "OR", "WA")}
ADMIN = Principal(user_id="admin-1", role="admin", username="admin")


def principal(user: User, *, subordinates: tuple[str, ...] = ()) -> Principal:
    """The principal the gateway would sign for `user`."""
    return Principal(user_id=user.id, role=user.role, username=user.username, territories=user.territories,
                     subordinates=subordinates)


async def add_territories(uows, territories: dict[str, tuple[str, ...]] = TERRITORIES) -> None:
    async with uows() as uow:
        for code, states in territories.items():
            await uow.territories.record(Territory(code=code, name=code, states=states, sales_region="east",
                                                   version=1))
        await uow.commit()


async def add_user(uows, role: str, *, territories: tuple[str, ...] = (), manager_id: str = "",
                   active: bool = True) -> User:
    user = User(id=str(uuid.uuid4()), role=role, territories=territories, manager_id=manager_id, active=active,
                username=f"{role}-{uuid.uuid4().hex[:4]}")
    async with uows() as uow:
        await uow.users.record(user)
        await uow.commit()
    return user


async def create(uows, name: str = "Acme", *, caller: Principal = ADMIN, **fields):
    """A new account (as admin unless told otherwise); answers the caller's view of it."""
    data = AccountData(name=name, type=fields.pop("type", "customer"), **fields)
    return (await handlers.create_account(uow=uows(), principal=caller, data=data)).account
