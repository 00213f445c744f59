"""LEAD-3: the SDR pool is a replica of the gateway's users, fed by crm.identity.user.* events
through a real JetStream stream and the kit's inbox (redelivery and reordering change nothing)."""
from __future__ import annotations

import asyncio
import uuid

import pytest
from crm.identity.v1 import events_pb2
from crmkit import streams
from crmkit.inbox import EventMeta
from crmkit.outbox import EVENT_TYPE_HEADER

from crm_leads.entrypoints.consumers import identity_consumer


@pytest.fixture
async def identity(nats_url):
    """A private identity stream (producer name unique to the test) on the real NATS server."""
    nc = await streams.connect(nats_url, name="leads-tests")
    producer = f"identity{uuid.uuid4().hex[:8]}"
    js = nc.jetstream()
    await streams.ensure_stream(js, producer)
    yield js, producer
    await js.delete_stream(streams.stream_name(producer))
    await nc.close()


def user(user_id: str, *, version: int, active: bool = True, role: str = "sdr") -> events_pb2.User:
    return events_pb2.User(id=user_id, username=f"u{user_id[:4]}", full_name="Sam Sdr", email="sam@example.com",
                           role=role, active=active, version=version)


async def publish(js, producer: str, verb: str, message, event_id: str | None = None) -> None:
    await js.publish(f"crm.{producer}.user.{verb}", message.SerializeToString(), headers={
        "Nats-Msg-Id": event_id or str(uuid.uuid4()), EVENT_TYPE_HEADER: message.DESCRIPTOR.full_name})


async def pool_after(uows, condition, timeout: float = 10.0) -> list[str]:
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        async with uows() as uow:
            pool = await uow.users.sdr_pool()
        if condition(pool) or asyncio.get_running_loop().time() > deadline:
            return pool
        await asyncio.sleep(0.1)


async def test_lead_3_user_events_through_jetstream_build_the_sdr_pool(identity, sessions, uows):
    js, producer = identity
    consumer = identity_consumer(js, sessions, producer=producer, durable=f"leads-test-{uuid.uuid4().hex[:6]}")
    task = asyncio.create_task(consumer.run())
    try:
        sam, ann = str(uuid.uuid4()), str(uuid.uuid4())
        await publish(js, producer, "created", events_pb2.UserCreated(user=user(sam, version=1)))
        await publish(js, producer, "created", events_pb2.UserCreated(user=user(ann, version=1, role="ae")))
        assert await pool_after(uows, lambda pool: sam in pool) == [sam]

        deactivated = events_pb2.UserDeactivated(user=user(sam, version=2, active=False))
        await publish(js, producer, "deactivated", deactivated, event_id="deactivate-sam")
        await publish(js, producer, "deactivated", deactivated, event_id="deactivate-sam")  # JetStream drops it
        assert await pool_after(uows, lambda pool: not pool) == []
        # An older snapshot arriving late cannot bring Sam back; a newer one can.
        await publish(js, producer, "updated", events_pb2.UserUpdated(user=user(sam, version=1)))
        await publish(js, producer, "updated", events_pb2.UserUpdated(user=user(ann, version=2)))
        assert await pool_after(uows, lambda pool: ann in pool) == [ann]
        await publish(js, producer, "reactivated", events_pb2.UserReactivated(user=user(sam, version=3)))
        assert sorted(await pool_after(uows, lambda pool: len(pool) == 2)) == sorted([sam, ann])
        async with uows() as uow:
            assert (await uow.users.get(sam)).version == 3
    finally:
        await consumer.stop()
        await asyncio.wait_for(task, timeout=5)


async def test_lead_3_the_same_event_handled_twice_changes_nothing(identity, sessions, uows):
    js, producer = identity
    consumer = identity_consumer(js, sessions, producer=producer, durable="leads-test-twice")
    sam = str(uuid.uuid4())
    created = events_pb2.UserCreated(user=user(sam, version=1))
    deactivated = events_pb2.UserDeactivated(user=user(sam, version=2, active=False))

    async def deliver(message, event_id: str) -> bool:
        meta = EventMeta(event_id=event_id, subject=f"crm.{producer}.user.x", deliveries=1)
        return await consumer.handle(message.DESCRIPTOR.full_name, message.SerializeToString(), meta)

    assert await deliver(created, "event-1")
    assert await deliver(deactivated, "event-2")
    assert not await deliver(created, "event-1")  # redelivered: the inbox knows it
    assert await deliver(created, "event-1-copy")  # a copy under another id: the version guard ignores it
    async with uows() as uow:
        assert await uow.users.sdr_pool() == []
        stored = await uow.users.get(sam)
    assert (stored.version, stored.active) == (2, False)
    assert not await consumer.handle("crm.identity.v1.SomethingElse", b"", EventMeta("e", "s", 1))
