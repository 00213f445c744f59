"""Identity events -> the users replica that forms the SDR pool (LEAD-3).

Every identity event carries the whole user with a version; the replica keeps the highest version
per user, so events applied in any order, or twice, leave the same pool. The kit's inbox makes a
redelivered event a no-op on top of that.
"""
from __future__ import annotations

import logging

from crm.identity.v1 import events_pb2 as identity_events
from crmkit.db import SessionFactory
from crmkit.inbox import EventMeta, InboxConsumer, PoisonEvent
from crmkit.streams import subject_prefix
from nats.js import JetStreamContext
from sqlalchemy.ext.asyncio import AsyncSession

from crm_leads.adapters.orm import messaging
from crm_leads.adapters.repository import UserRepository
from crm_leads.entrypoints import mappers

log = logging.getLogger(__name__)

IDENTITY_DURABLE = "leads-identity-users"
IDENTITY_PRODUCER = "identity"


async def on_user_event(session: AsyncSession, message, meta: EventMeta) -> None:
    """Any user event: store its snapshot unless a newer one is stored already."""
    user = mappers.user(message.user)
    if not user.id:
        raise PoisonEvent(f"event {meta.event_id} carries no user id")
    if not await UserRepository(session).record(user):
        log.info("user %s version %d is older than the stored one; ignored", user.id, user.version)


def identity_consumer(js: JetStreamContext, session_factory: SessionFactory, *, producer: str = IDENTITY_PRODUCER,
                      durable: str = IDENTITY_DURABLE) -> InboxConsumer:
    """The durable consumer (shared by every replica) of the user events of `producer` (the gateway)."""
    return InboxConsumer(
        js=js, session_factory=session_factory, tables=messaging, durable=durable, producer=producer,
        subjects=[f"{subject_prefix(producer)}.user.>"],
        handlers={cls: on_user_event for cls in (identity_events.UserCreated, identity_events.UserUpdated,
                                                 identity_events.UserDeactivated, identity_events.UserReactivated)},
    )
