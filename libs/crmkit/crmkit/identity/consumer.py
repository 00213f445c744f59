"""The ready consumer of the gateway's identity events: a service keeps its replica with one line,
`identity_subscription(tables, durable=...)` among its Assembly's consumers."""
from __future__ import annotations

import logging
from functools import partial

from crm.identity.v1 import events_pb2 as identity_events
from crmkit.db import UnitOfWork
from crmkit.identity.model import Territory, User
from crmkit.identity.replica import IdentityTables, Territories, Users
from crmkit.inbox import EventMeta, PoisonEvent, Subscription

log = logging.getLogger(__name__)

PRODUCER = "identity"  # the gateway publishes identity events as crm.identity.*
USER_EVENTS = (identity_events.UserCreated, identity_events.UserUpdated, identity_events.UserDeactivated,
               identity_events.UserReactivated)


def user_snapshot(message: identity_events.User) -> User:
    return User(id=message.id, role=message.role, username=message.username, full_name=message.full_name,
                email=message.email, territories=tuple(message.territories), manager_id=message.manager_id,
                active=message.active, version=message.version)


def territory_snapshot(message: identity_events.Territory) -> Territory:
    """The territory with its code and states as postal codes (trimmed, upper case, each once)."""
    states = tuple(dict.fromkeys(s.strip().upper() for s in message.states if s.strip()))
    return Territory(code=message.code.strip().upper(), name=message.name, states=states,
                     sales_region=message.sales_region, version=message.version)


async def on_user_event(tables: IdentityTables, uow: UnitOfWork, message, meta: EventMeta) -> None:
    """Any user event: store its snapshot unless a newer one is stored already."""
    user = user_snapshot(message.user)
    if not user.id:
        raise PoisonEvent(f"event {meta.event_id} carries no user id")
    if not await Users(uow.session, tables.users).record(user):
        log.info("user %s version %d is older than the stored one; ignored", user.id, user.version)


async def on_territory_updated(tables: IdentityTables, uow: UnitOfWork, message, meta: EventMeta) -> None:
    """A territory and its states: the state->territory map follows, unless a newer one is stored."""
    territory = territory_snapshot(message.territory)
    if not territory.code:
        raise PoisonEvent(f"event {meta.event_id} carries no territory code")
    if not await Territories(uow.session, tables).record(territory):
        log.info("territory %s version %d is older than the stored one; ignored", territory.code, territory.version)


def identity_subscription(tables: IdentityTables, *, durable: str, producer: str = PRODUCER) -> Subscription:
    """The user events into `tables`, and the territory events too when the replica keeps the map."""
    handlers: dict = {cls: partial(on_user_event, tables) for cls in USER_EVENTS}
    subjects = ["user.>"]
    if tables.territories is not None:
        handlers[identity_events.TerritoryUpdated] = partial(on_territory_updated, tables)
        subjects.append("territory.>")
    return Subscription(durable=durable, producer=producer, subjects=tuple(subjects), handlers=handlers)
