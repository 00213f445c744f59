"""Users and territories replicas fed by crm.identity.* events through a real JetStream stream and
the kit's inbox: the state->territory map and default owners follow; redelivery changes nothing."""
from __future__ import annotations

import asyncio
import uuid

import pytest
from crm.identity.v1 import events_pb2
from crmkit import streams
from crmkit.inbox import EventMeta
from crmkit.outbox import EVENT_TYPE_HEADER

from crm_accounts.entrypoints.consumers import identity_consumer
from accounts_testkit import create


@pytest.fixture
async def identity(nats_url):
    """A private identity stream (producer name unique to the test) on the real NATS server."""
    nc = await streams.connect(nats_url, name="accounts-tests")
    producer = f"identity{uuid.uuid4().hex[:8]}"
    js = nc.jetstream()
    await streams.ensure_stream(js, producer)
    yield js, producer
    await js.delete_stream(streams.stream_name(producer))
    await nc.close()


def territory(code: str, states: list[str], version: int) -> events_pb2.TerritoryUpdated:
    return events_pb2.TerritoryUpdated(territory=events_pb2.Territory(
        code=code, name=code, states=states, sales_region="east", version=version))


def user(user_id: str, *, version: int, territories: list[str], active: bool = True) -> events_pb2.User:
    return events_pb2.User(id=user_id, username="ann", role="ae", territories=territories, active=active,
                           version=version)


async def publish(js, producer: str, subject: str, message, event_id: str | None = None) -> None:
    await js.publish(f"crm.{producer}.{subject}", message.SerializeToString(), headers={
        "Nats-Msg-Id": event_id or str(uuid.uuid4()), EVENT_TYPE_HEADER: message.DESCRIPTOR.full_name})


async def eventually(check, timeout: float = 10.0):
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        value = await check()
        if value or asyncio.get_running_loop().time() > deadline:
            return value
        await asyncio.sleep(0.1)


async def test_identity_events_build_users_and_the_territory_map(identity, sessions, uows):
    js, producer = identity
    consumer = identity_consumer(js, sessions, producer=producer, durable=f"accounts-test-{uuid.uuid4().hex[:6]}")
    task = asyncio.create_task(consumer.run())

    async def territory_of(state: str) -> str:
        async with uows() as uow:
            return await uow.territories.territory_of(state)

    try:
        ann = str(uuid.uuid4())
        await publish(js, producer, "territory.updated", territory("NE", ["MA", "ct"], 1))
        await publish(js, producer, "user.created", events_pb2.UserCreated(user=user(ann, version=1,
                                                                                     territories=["NE"])))
        assert await eventually(lambda: territory_of("CT")) == "NE"

        async def ann_known():
            async with uows() as uow:
                return await uow.users.get(ann)
        assert (await eventually(ann_known)).territories == ("NE",)
        account = await create(uows, "Acme", state="MA")
        assert (account.territory, account.owner_id) == ("NE", ann)

        # NE gives CT up and takes NH; an older snapshot arriving late changes nothing.
        await publish(js, producer, "territory.updated", territory("NE", ["MA", "NH"], 2))
        await publish(js, producer, "territory.updated", territory("NE", ["MA", "CT"], 1))
        assert await eventually(lambda: territory_of("NH")) == "NE"
        await asyncio.sleep(0.3)
        assert await territory_of("CT") == ""
    finally:
        await consumer.stop()
        await asyncio.wait_for(task, timeout=5)


async def test_a_redelivered_identity_event_changes_nothing(identity, sessions, uows):
    js, producer = identity
    consumer = identity_consumer(js, sessions, producer=producer, durable="accounts-test-twice")
    ann = str(uuid.uuid4())

    async def deliver(message, event_id: str) -> bool:
        meta = EventMeta(event_id=event_id, subject=f"crm.{producer}.x", deliveries=1)
        return await consumer.handle(message.DESCRIPTOR.full_name, message.SerializeToString(), meta)

    created = events_pb2.UserCreated(user=user(ann, version=1, territories=["NE"]))
    moved = events_pb2.UserUpdated(user=user(ann, version=2, territories=["PAC"], active=False))
    assert await deliver(created, "event-1")
    assert await deliver(moved, "event-2")
    assert not await deliver(created, "event-1")  # redelivered: the inbox knows it
    assert await deliver(created, "event-1-copy")  # a copy under another id: the version guard ignores it
    assert await deliver(territory("PAC", ["CA"], 1), "event-3")
    assert not await deliver(territory("PAC", ["CA"], 1), "event-3")
    async with uows() as uow:
        stored = await uow.users.get(ann)
        assert (stored.version, stored.territories, stored.active) == (2, ("PAC",), False)
        assert await uow.territories.territory_of("CA") == "PAC"
        assert (await uow.territories.get("PAC")).version == 1
