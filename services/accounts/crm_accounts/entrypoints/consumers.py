"""Identity events -> the users and territories replicas (visibility of RSMs, default owners,
the state->territory map).

Every identity event carries the whole user or territory with a version; the replica keeps the
highest version, so events applied in any order, or twice, leave the same state. The kit's inbox
makes a redelivered event a no-op on top of that.
"""
from __future__ import annotations

import logging

from crm.identity.v1 import events_pb2 as identity_events
from crmkit.db import SessionFactory
from crmkit.inbox import EventMeta, InboxConsumer, PoisonEvent
from crmkit.streams import subject_prefix
from nats.js import JetStreamContext
from sqlalchemy.ext.asyncio import AsyncSession

from crm_accounts.adapters.directory import TerritoryRepository, UserRepository
from crm_accounts.adapters.orm import messaging
from crm_accounts.entrypoints import mappers

log = logging.getLogger(__name__)

IDENTITY_DURABLE = "accounts-identity"
IDENTITY_PRODUCER = "identity"


async def on_user_event(session: AsyncSession, message, meta: EventMeta) -> None:
    """Any user event: store its snapshot unless a newer one is stored already."""
    user = mappers.user(message.user)
    if not user.id:
        raise PoisonEvent(f"event {meta.event_id} carries no user id")
    if not await UserRepository(session).record(user):
        log.info("user %s version %d is older than the stored one; ignored", user.id, user.version)


async def on_territory_updated(session: AsyncSession, message, meta: EventMeta) -> None:
    """A territory and its states: the state->territory map follows, unless a newer one is stored."""
    territory = mappers.territory(message.territory)
    if not territory.code:
        raise PoisonEvent(f"event {meta.event_id} carries no territory code")
    if not await TerritoryRepository(session).record(territory):
        log.info("territory %s version %d is older than the stored one; ignored", territory.code, territory.version)


def identity_consumer(js: JetStreamContext, session_factory: SessionFactory, *, producer: str = IDENTITY_PRODUCER,
                      durable: str = IDENTITY_DURABLE) -> InboxConsumer:
    """The durable consumer (shared by every replica) of the user and territory events of `producer`."""
    prefix = subject_prefix(producer)
    user_events = (identity_events.UserCreated, identity_events.UserUpdated, identity_events.UserDeactivated,
                   identity_events.UserReactivated)
    return InboxConsumer(
        js=js, session_factory=session_factory, tables=messaging, durable=durable, producer=producer,
        subjects=[f"{prefix}.user.>", f"{prefix}.territory.>"],
        handlers={**{cls: on_user_event for cls in user_events},
                  identity_events.TerritoryUpdated: on_territory_updated},
    )
