"""The kit's identity replica on real PostgreSQL and NATS JetStream: identity events build users
and the state->territory map; reordering, redelivery and copies change nothing (the highest
version wins); a service keeps only the parts of a user it declared."""
from __future__ import annotations

import asyncio
import uuid

import pytest
from crm.identity.v1 import events_pb2
from crmkit import streams
from crmkit.db import UnitOfWork, make_engine, make_session_factory
from crmkit.identity.consumer import identity_subscription
from crmkit.identity.model import User
from crmkit.identity.replica import IdentityTables, Territories, Users, identity_tables
from crmkit.inbox import EventMeta, InboxConsumer, PoisonEvent
from crmkit.messaging_tables import messaging_tables
from crmkit.outbox import EVENT_TYPE_HEADER
from crmkit.runtime import units_of_work
from sqlalchemy import MetaData

full_metadata, lean_metadata = MetaData(), MetaData()
FULL = identity_tables(full_metadata, "email", "territories", "manager_id", territory_map=True)
LEAN = identity_tables(lean_metadata)  # who a user is, their role and whether active: nothing more
FULL_MESSAGING, LEAN_MESSAGING = messaging_tables(full_metadata), messaging_tables(lean_metadata)


async def _database(make_database, metadata: MetaData):
    engine = make_engine(make_database("identity"))
    async with engine.begin() as conn:
        await conn.run_sync(metadata.create_all)
    return engine


@pytest.fixture
async def db(make_database):
    engine = await _database(make_database, full_metadata)
    yield make_session_factory(engine)
    await engine.dispose()


@pytest.fixture
async def identity(nats_url):
    """A private identity stream (producer name unique to the test) on the real NATS server."""
    nc = await streams.connect(nats_url, name="kit-identity-tests")
    producer = f"identity{uuid.uuid4().hex[:8]}"
    js = nc.jetstream()
    await streams.ensure_stream(js, producer)
    yield js, producer
    await js.delete_stream(streams.stream_name(producer))
    await nc.close()


def consumer(js, sessions, tables: IdentityTables, messaging, *, producer: str = "identity",
             durable: str = "kit-identity") -> InboxConsumer:
    subscription = identity_subscription(tables, durable=durable, producer=producer)
    return InboxConsumer(js=js, uow_factory=units_of_work(UnitOfWork, sessions, messaging), tables=messaging,
                         subscription=subscription)


def user(user_id: str, *, version: int, active: bool = True, territories: tuple[str, ...] = ("NE",),
         manager_id: str = "boss") -> events_pb2.User:
    return events_pb2.User(id=user_id, username="ann", full_name="Ann Avery", email="ann@acme.test", role="ae",
                           territories=territories, manager_id=manager_id, active=active, version=version)


def territory(code: str, states: list[str], version: int) -> events_pb2.TerritoryUpdated:
    return events_pb2.TerritoryUpdated(territory=events_pb2.Territory(
        code=code, name=code.upper(), states=states, sales_region="east", version=version))


async def publish(js, producer: str, subject: str, message, event_id: str | None = None) -> None:
    await js.publish(f"crm.{producer}.{subject}", message.SerializeToString(), headers={
        "Nats-Msg-Id": event_id or str(uuid.uuid4()), EVENT_TYPE_HEADER: message.DESCRIPTOR.full_name})


async def read(sessions, query):
    async with sessions() as session:
        return await query(session)


async def eventually(sessions, query, condition, timeout: float = 10.0):
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        value = await read(sessions, query)
        if condition(value) or asyncio.get_running_loop().time() > deadline:
            return value
        await asyncio.sleep(0.1)


def stored_user(user_id: str):
    return lambda session: Users(session, FULL.users).get(user_id)


def territory_of(state: str):
    return lambda session: Territories(session, FULL).territory_of(state)


async def test_identity_events_through_jetstream_build_users_and_the_territory_map(db, identity):
    js, producer = identity
    replica = consumer(js, db, FULL, FULL_MESSAGING, producer=producer, durable=f"kit-{uuid.uuid4().hex[:6]}")
    task = asyncio.create_task(replica.run())
    try:
        ann = str(uuid.uuid4())
        await publish(js, producer, "territory.updated", territory(" ne ", ["MA", " ct", "ma"], 1))
        await publish(js, producer, "user.created", events_pb2.UserCreated(user=user(ann, version=1)))
        assert await eventually(db, territory_of("CT"), lambda code: code) == "NE"
        assert await eventually(db, stored_user(ann), bool) == User(
            id=ann, role="ae", username="ann", full_name="Ann Avery", email="ann@acme.test", territories=("NE",),
            manager_id="boss", active=True, version=1)

        deactivated = events_pb2.UserDeactivated(user=user(ann, version=2, active=False))
        await publish(js, producer, "user.deactivated", deactivated, event_id="deactivate-ann")
        await publish(js, producer, "user.deactivated", deactivated, event_id="deactivate-ann")  # dropped
        # An older snapshot arriving late changes nothing; NE gives CT up and takes NH.
        await publish(js, producer, "user.updated", events_pb2.UserUpdated(user=user(ann, version=1)))
        await publish(js, producer, "territory.updated", territory("NE", ["MA", "NH"], 2))
        await publish(js, producer, "territory.updated", territory("NE", ["MA", "CT"], 1))
        assert await eventually(db, territory_of("NH"), lambda code: code) == "NE"
        await publish(js, producer, "user.reactivated", events_pb2.UserReactivated(
            user=user(ann, version=3, territories=("PAC",), manager_id="")))
        stored = await eventually(db, stored_user(ann), lambda u: u.version == 3)
        assert (stored.active, stored.territories, stored.manager_id) == (True, ("PAC",), "")
        assert await read(db, territory_of("CT")) == ""
        assert (await read(db, lambda s: Territories(s, FULL).get("NE"))).states == ("MA", "NH")
        assert await read(db, lambda s: Territories(s, FULL).territories_of({"MA", "NH", "ZZ", ""})) == {
            "MA": "NE", "NH": "NE"}
    finally:
        await replica.stop()
        await asyncio.wait_for(task, timeout=5)


async def test_a_redelivered_event_or_a_copy_changes_nothing(db):
    replica = consumer(None, db, FULL, FULL_MESSAGING)
    ann = str(uuid.uuid4())

    async def deliver(message, event_id: str) -> bool:
        meta = EventMeta(event_id=event_id, subject="crm.identity.x", deliveries=1)
        return await replica.handle(message.DESCRIPTOR.full_name, message.SerializeToString(), meta)

    created = events_pb2.UserCreated(user=user(ann, version=1))
    assert await deliver(created, "event-1")
    assert await deliver(events_pb2.UserDeactivated(user=user(ann, version=2, active=False)), "event-2")
    assert not await deliver(created, "event-1")  # redelivered: the inbox knows it
    assert await deliver(created, "event-1-copy")  # a copy under another id: the version guard ignores it
    with pytest.raises(PoisonEvent):  # a snapshot of nobody: a dead letter, not a retry
        await deliver(events_pb2.UserCreated(), "event-3")
    stored = await read(db, stored_user(ann))
    assert (stored.version, stored.active) == (2, False)
    assert not await replica.handle("crm.identity.v1.SomethingElse", b"", EventMeta("e", "s", 1))


async def test_the_store_keeps_the_highest_version(db):
    async with db() as session, session.begin():
        users = Users(session, FULL.users)
        newer = User(id="u1", role="sdr", username="sam", email="s@x.com", active=False, version=3)
        assert await users.record(newer)
        assert not await users.record(User(id="u1", role="sdr", username="sam", active=True, version=2))
        assert not await users.record(newer)  # the same version again: nothing to change
    assert await read(db, stored_user("u1")) == newer


async def test_a_service_keeps_only_the_parts_of_a_user_it_declared(make_database):
    engine = await _database(make_database, lean_metadata)
    sessions = make_session_factory(engine)
    try:
        replica = consumer(None, sessions, LEAN, LEAN_MESSAGING)
        meta = EventMeta(event_id="e1", subject="crm.identity.user.created", deliveries=1)
        created = events_pb2.UserCreated(user=user("u1", version=1))
        assert await replica.handle(created.DESCRIPTOR.full_name, created.SerializeToString(), meta)
        # Without the territory map the replica does not take territory events.
        moved = territory("NE", ["MA"], 1)
        assert not await replica.handle(moved.DESCRIPTOR.full_name, moved.SerializeToString(),
                                        EventMeta("e2", "crm.identity.territory.updated", 1))
        assert await read(sessions, lambda s: Users(s, LEAN.users).get("u1")) == User(
            id="u1", role="ae", username="ann", full_name="Ann Avery", version=1)
        with pytest.raises(ValueError):
            Territories(None, LEAN)
    finally:
        await engine.dispose()
