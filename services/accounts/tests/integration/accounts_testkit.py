"""Helpers of the accounts integration tests: principals, the identity replicas, accounts, the outbox."""
from __future__ import annotations

import uuid

from crm.accounts.v1 import events_pb2
from crmkit.identity.model import Territory, User
from crmkit.principal import Principal
from google.protobuf.message import Message
from sqlalchemy import select

from crm_accounts.adapters.orm import messaging
from crm_accounts.domain.commands import AccountData
from crm_accounts.service_layer import handlers

# A slice of the reference customer's map: two eastern territories and one western.
TERRITORIES = {"NE": ("CT", "MA", "ME"), "MA": ("NJ", "NY", "PA"), "PAC": ("CA", "OR", "WA")}
ADMIN = Principal(user_id="admin-1", role="admin", username="admin")


def principal(user: User, *, subordinates: tuple[str, ...] = ()) -> Principal:
    """The principal the gateway would sign for `user`."""
    return Principal(user_id=user.id, role=user.role, username=user.username, territories=user.territories,
                     subordinates=subordinates)


def as_role(role: str, *, territories: tuple[str, ...] = ()) -> Principal:
    return Principal(user_id=str(uuid.uuid4()), role=role, username=role, territories=territories)


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


async def outbox(sessions) -> list[tuple[str, Message]]:
    """The events written to the outbox so far, decoded, in commit order."""
    table = messaging.outbox
    async with sessions() as session:
        rows = (await session.execute(
            select(table.c.subject, table.c.event_type, table.c.payload).order_by(table.c.seq))).all()
    return [(row.subject, getattr(events_pb2, row.event_type.rsplit(".", 1)[1]).FromString(row.payload))
            for row in rows]
