"""LEAD-3: the SDR pool follows the gateway's user events through the kit's identity replica
(the replica itself, its ordering and redelivery rules are the kit's tests: test_identity.py)."""
from __future__ import annotations

import uuid

from crm.identity.v1 import events_pb2
from crmkit.db import UnitOfWork
from crmkit.identity.consumer import identity_subscription
from crmkit.inbox import EventMeta, InboxConsumer
from crmkit.runtime import units_of_work

from crm_leads.adapters.orm import identity, messaging


def user(user_id: str, *, version: int, active: bool = True, role: str = "sdr") -> events_pb2.User:
    return events_pb2.User(id=user_id, username=f"u{user_id[:4]}", full_name="Sam Sdr", email="sam@example.com",
                           role=role, active=active, version=version)


async def test_lead_3_user_events_build_the_sdr_pool(sessions, uows):
    consumer = InboxConsumer(js=None, uow_factory=units_of_work(UnitOfWork, sessions, messaging), tables=messaging,
                             subscription=identity_subscription(identity, durable="leads-test"))

    async def deliver(message) -> list[str]:
        meta = EventMeta(event_id=str(uuid.uuid4()), subject="crm.identity.user.x", deliveries=1)
        assert await consumer.handle(message.DESCRIPTOR.full_name, message.SerializeToString(), meta)
        async with uows() as uow:
            return sorted(await uow.users.sdr_pool())

    sam, ann = str(uuid.uuid4()), str(uuid.uuid4())
    assert await deliver(events_pb2.UserCreated(user=user(sam, version=1))) == [sam]
    assert await deliver(events_pb2.UserCreated(user=user(ann, version=1, role="ae"))) == [sam]  # not an SDR
    assert await deliver(events_pb2.UserDeactivated(user=user(sam, version=2, active=False))) == []
    assert await deliver(events_pb2.UserUpdated(user=user(ann, version=2))) == [ann]  # became an SDR
    assert await deliver(events_pb2.UserReactivated(user=user(sam, version=3))) == sorted([sam, ann])
    async with uows() as uow:
        assert (await uow.users.get(sam)).email == "sam@example.com"
