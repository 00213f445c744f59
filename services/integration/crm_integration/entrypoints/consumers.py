"""Events this service consumes, each through the kit's inbox (durable, shared by replicas, idempotent).

- crm.identity.user.* -> the users replica (highest version per user wins, so order does not matter).
- crm.leads.lead.converted -> the LEAD-6 email to the account's owner, queued with the inbox row.
"""
from __future__ import annotations

import logging
from functools import partial

from crm.identity.v1 import events_pb2 as identity_events
from crm.leads.v1 import events_pb2 as leads_events
from crmkit.db import SessionFactory
from crmkit.inbox import EventMeta, InboxConsumer, PoisonEvent
from crmkit.streams import subject_prefix
from nats.js import JetStreamContext
from sqlalchemy.ext.asyncio import AsyncSession

from crm_integration.adapters.orm import messaging
from crm_integration.adapters.repository import MailOutboxRepository, UserRepository
from crm_integration.entrypoints import mappers
from crm_integration.service_layer import handlers

log = logging.getLogger(__name__)

IDENTITY_DURABLE = "integration-identity-users"
IDENTITY_PRODUCER = "identity"
LEADS_DURABLE = "integration-leads-conversions"
LEADS_PRODUCER = "leads"
# A conversion naming a user the replica lacks waits for the identity events: with the kit's delays
# (0.5 s doubling to 30 s) twenty deliveries give them about eight minutes before a dead letter.
LEADS_MAX_DELIVER = 20


async def on_user_event(session: AsyncSession, message, meta: EventMeta) -> None:
    """Any user event: store its snapshot unless a newer one is stored already."""
    user = mappers.user(message.user)
    if not user.id:
        raise PoisonEvent(f"event {meta.event_id} carries no user id")
    if not await UserRepository(session).record(user):
        log.info("user %s version %d is older than the stored one; ignored", user.id, user.version)


async def on_lead_converted(session: AsyncSession, message: leads_events.LeadConverted, meta: EventMeta, *,
                            public_url: str) -> None:
    if not message.account_id or not message.account_owner_id:
        raise PoisonEvent(f"event {meta.event_id} names no account or no account owner")
    await handlers.notify_account_owner(
        UserRepository(session), MailOutboxRepository(session), mappers.lead_conversion(message),
        owner_id=message.account_owner_id, converted_by_id=message.converted_by, public_url=public_url)


def identity_consumer(js: JetStreamContext, session_factory: SessionFactory, *, producer: str = IDENTITY_PRODUCER,
                      durable: str = IDENTITY_DURABLE) -> InboxConsumer:
    """The durable consumer of the user events of `producer` (the gateway)."""
    return InboxConsumer(
        js=js, session_factory=session_factory, tables=messaging, durable=durable, producer=producer,
        subjects=[f"{subject_prefix(producer)}.user.>"],
        handlers={cls: on_user_event for cls in (identity_events.UserCreated, identity_events.UserUpdated,
                                                 identity_events.UserDeactivated, identity_events.UserReactivated)},
    )


def leads_consumer(js: JetStreamContext, session_factory: SessionFactory, *, public_url: str,
                   producer: str = LEADS_PRODUCER, durable: str = LEADS_DURABLE) -> InboxConsumer:
    """The durable consumer of lead conversions: each becomes one email to the account's owner (LEAD-6)."""
    return InboxConsumer(
        js=js, session_factory=session_factory, tables=messaging, durable=durable, producer=producer,
        subjects=[f"{subject_prefix(producer)}.lead.converted"], max_deliver=LEADS_MAX_DELIVER,
        handlers={leads_events.LeadConverted: partial(on_lead_converted, public_url=public_url)},
    )
