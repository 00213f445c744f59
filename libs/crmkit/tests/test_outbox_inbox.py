"""The transactional outbox and the idempotent inbox on real PostgreSQL and NATS JetStream
(DESIGN.md section 1): events leave exactly once, even across a relay restart; a redelivered
event changes nothing; a poison event becomes a dead letter that can be replayed; the trace
continues from the writing transaction to the consumer."""
from __future__ import annotations

import asyncio
import uuid

import pytest
from crm.identity.v1 import events_pb2
from crmkit import streams
from crmkit.db import UnitOfWork, make_engine, make_session_factory
from crmkit.inbox import EventMeta, InboxConsumer, PoisonEvent, Subscription
from crmkit.messaging_tables import messaging_tables
from crmkit.outbox import OutboxRelay
from crmkit.runtime import units_of_work
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from sqlalchemy import Column, Integer, MetaData, String, Table, func, select

from tests.support.events import private_streams

metadata = MetaData()
tables = messaging_tables(metadata)
applied = Table("applied", metadata, Column("id", Integer, primary_key=True, autoincrement=True),
                Column("username", String(100), nullable=False))

_exporter = InMemorySpanExporter()
_provider = TracerProvider()
_provider.add_span_processor(SimpleSpanProcessor(_exporter))
_tracer = _provider.get_tracer("test")


@pytest.fixture
async def db(make_database):
    engine = make_engine(make_database("kit"))
    async with engine.begin() as conn:
        await conn.run_sync(metadata.create_all)
    yield make_session_factory(engine)
    await engine.dispose()


@pytest.fixture
async def js(nats_url):
    async with private_streams(nats_url, "kit") as (jetstream, (service,)):
        yield jetstream, service


def user_event(username: str) -> events_pb2.UserCreated:
    return events_pb2.UserCreated(user=events_pb2.User(id=str(uuid.uuid4()), username=username, role="sdr"))


async def write_events(sessions, service: str, count: int) -> list[str]:
    ids = []
    async with UnitOfWork(sessions, tables) as uow:
        for n in range(count):
            ids.append(uow.publish(f"crm.{service}.user.created", user_event(f"user{n}")))
        await uow.commit()
    return ids


async def stream_messages(jetstream, service: str) -> int:
    return (await jetstream.stream_info(streams.stream_name(service))).state.messages


async def test_outbox_event_exists_only_if_the_transaction_commits(db, js):
    jetstream, service = js
    async with UnitOfWork(db, tables) as uow:
        uow.publish(f"crm.{service}.user.created", user_event("rolled-back"))
        # leaving without commit rolls back data and event together
    relay = OutboxRelay(db, tables, jetstream)
    assert await relay.publish_pending() == 0
    assert await stream_messages(jetstream, service) == 0


async def test_relay_publishes_each_event_exactly_once_across_a_restart(db, js):
    jetstream, service = js
    ids = await write_events(db, service, 5)
    first = OutboxRelay(db, tables, jetstream)
    # The first relay publishes three events and dies before marking them published.
    async with db() as session:
        rows = (await session.execute(select(tables.outbox).order_by(tables.outbox.c.seq).limit(3))).all()
    for row in rows:
        await (await first._publish(row))  # sent and acknowledged
    # A restarted relay sends everything unmarked again; JetStream drops the repeats by Nats-Msg-Id.
    second = OutboxRelay(db, tables, jetstream)
    assert await second.publish_pending() == 5
    assert await second.publish_pending() == 0
    assert await stream_messages(jetstream, service) == 5
    sub = await jetstream.pull_subscribe(f"crm.{service}.>", durable=None, stream=streams.stream_name(service))
    received = await sub.fetch(5, timeout=5)
    assert sorted(m.headers["Nats-Msg-Id"] for m in received) == sorted(ids)
    assert {m.headers["Crm-Event-Type"] for m in received} == {"crm.identity.v1.UserCreated"}


async def test_two_relays_side_by_side_publish_each_event_once(db, js):
    jetstream, service = js
    await write_events(db, service, 300)
    a, b = OutboxRelay(db, tables, jetstream, batch_size=50), OutboxRelay(db, tables, jetstream, batch_size=50)

    async def drain(relay):
        total = 0
        while (n := await relay.publish_pending()):
            total += n
        return total

    counts = await asyncio.gather(drain(a), drain(b))
    assert sum(counts) == 300
    assert await stream_messages(jetstream, service) == 300


async def _record(uow: UnitOfWork, message, meta: EventMeta) -> None:
    await uow.session.execute(applied.insert().values(username=message.user.username))


async def count_rows(sessions, table: Table = applied) -> int:
    async with sessions() as session:
        return await session.scalar(select(func.count()).select_from(table))


async def count_applied(sessions) -> int:
    return await count_rows(sessions)


def consumer_for(db, jetstream, service, handler=_record, on_commit=None) -> InboxConsumer:
    subscription = Subscription(durable=f"{service}-test", producer=service, subjects=("user.>",),
                                handlers={events_pb2.UserCreated: handler}, max_deliver=3)
    return InboxConsumer(js=jetstream, uow_factory=units_of_work(UnitOfWork, db, tables, on_commit), tables=tables,
                         subscription=subscription)


async def test_inbox_ignores_a_redelivered_event(db, js):
    jetstream, service = js
    consumer = consumer_for(db, jetstream, service)
    data = user_event("ada").SerializeToString()
    meta = EventMeta(event_id=str(uuid.uuid4()), subject=f"crm.{service}.user.created", deliveries=1)
    assert await consumer.handle("crm.identity.v1.UserCreated", data, meta) is True
    assert await consumer.handle("crm.identity.v1.UserCreated", data, meta) is False
    assert await count_applied(db) == 1


async def test_a_handler_publishes_through_the_outbox_in_the_transaction_of_its_inbox_row(db, js):
    jetstream, service = js
    crash = {"on": True}
    woken: list[bool] = []

    async def welcome(uow, message, meta):
        await _record(uow, message, meta)
        uow.publish(f"crm.{service}.user.welcomed", events_pb2.UserUpdated(user=message.user))
        if crash["on"]:
            raise ConnectionError("the handler fails after publishing")

    consumer = consumer_for(db, jetstream, service, welcome, on_commit=lambda: woken.append(True))
    data = user_event("ada").SerializeToString()
    meta = EventMeta(event_id=str(uuid.uuid4()), subject=f"crm.{service}.user.created", deliveries=1)
    with pytest.raises(ConnectionError):
        await consumer.handle("crm.identity.v1.UserCreated", data, meta)
    # Rolled back together: no inbox row (so the redelivery runs the handler again), no write, no event.
    assert [await count_rows(db, t) for t in (tables.inbox, applied, tables.outbox)] == [0, 0, 0]
    assert woken == []

    crash["on"] = False
    assert await consumer.handle("crm.identity.v1.UserCreated", data, meta) is True
    assert [await count_rows(db, t) for t in (tables.inbox, applied, tables.outbox)] == [1, 1, 1]
    assert woken == [True]  # the relay is told at once
    assert await OutboxRelay(db, tables, jetstream).publish_pending() == 1
    sub = await jetstream.pull_subscribe(f"crm.{service}.user.welcomed", durable=None,
                                         stream=streams.stream_name(service))
    [welcomed] = await sub.fetch(1, timeout=5)
    assert events_pb2.UserUpdated.FromString(welcomed.data).user.username == "ada"


async def test_consumer_applies_published_events_and_retries_transient_failures(db, js):
    jetstream, service = js
    failures = {"left": 1}

    async def flaky(uow, message, meta):
        if failures["left"]:
            failures["left"] -= 1
            raise ConnectionError("database hiccup")
        await _record(uow, message, meta)

    consumer = consumer_for(db, jetstream, service, flaky)
    task = asyncio.create_task(consumer.run())
    try:
        await write_events(db, service, 3)
        await OutboxRelay(db, tables, jetstream).publish_pending()
        for _ in range(100):
            if await count_applied(db) == 3:
                break
            await asyncio.sleep(0.1)
        assert await count_applied(db) == 3
    finally:
        await consumer.stop()
        await asyncio.wait_for(task, 5)


async def test_poison_event_is_dead_lettered_and_can_be_replayed(db, js):
    jetstream, service = js
    broken = {"on": True}

    async def handler(uow, message, meta):
        if broken["on"]:
            raise RuntimeError("bug in the handler")
        await _record(uow, message, meta)

    consumer = consumer_for(db, jetstream, service, handler)
    task = asyncio.create_task(consumer.run())
    try:
        await write_events(db, service, 1)
        await OutboxRelay(db, tables, jetstream).publish_pending()
        for _ in range(150):
            async with db() as session:
                letters = await session.scalar(select(func.count()).select_from(tables.dead_letters))
            if letters:
                break
            await asyncio.sleep(0.1)
        assert letters == 1
    finally:
        await consumer.stop()
        await asyncio.wait_for(task, 5)
    broken["on"] = False  # the fix is deployed
    outcomes = await consumer.replay_dead_letters()
    assert [outcome for _, outcome in outcomes] == ["applied"]
    assert await count_applied(db) == 1
    assert await consumer.replay_dead_letters() == []


async def test_trace_continues_from_the_writing_transaction_to_the_consumer(db, js, monkeypatch):
    jetstream, service = js
    monkeypatch.setattr(trace, "get_tracer_provider", lambda: _provider)
    import crmkit.inbox as inbox_module
    import crmkit.outbox as outbox_module

    monkeypatch.setattr(outbox_module, "_tracer", _provider.get_tracer("outbox"))
    monkeypatch.setattr(inbox_module, "_tracer", _provider.get_tracer("inbox"))
    _exporter.clear()
    consumer = consumer_for(db, jetstream, service)
    with _tracer.start_as_current_span("request") as request_span:
        await write_events(db, service, 1)
    await OutboxRelay(db, tables, jetstream).publish_pending()
    meta_ok = False
    task = asyncio.create_task(consumer.run())
    try:
        for _ in range(100):
            if await count_applied(db) == 1:
                meta_ok = True
                break
            await asyncio.sleep(0.1)
    finally:
        await consumer.stop()
        await asyncio.wait_for(task, 5)
    assert meta_ok
    trace_id = request_span.get_span_context().trace_id
    names = {s.name for s in _exporter.get_finished_spans() if s.context.trace_id == trace_id}
    assert f"crm.{service}.user.created publish" in names
    assert f"crm.{service}.user.created process" in names


async def run_until_applied(db, consumer: InboxConsumer, count: int) -> int:
    task = asyncio.create_task(consumer.run())
    try:
        for _ in range(100):
            if await count_applied(db) == count:
                break
            await asyncio.sleep(0.1)
        return await count_applied(db)
    finally:
        await consumer.stop()
        await asyncio.wait_for(task, 5)


async def test_restored_database_replays_what_the_durable_had_already_delivered(db, js):
    jetstream, service = js
    await write_events(db, service, 2)
    await OutboxRelay(db, tables, jetstream).publish_pending()
    assert await run_until_applied(db, consumer_for(db, jetstream, service), 2) == 2
    async with db() as session, session.begin():  # the database is restored from before those events
        await session.execute(applied.delete())
        await session.execute(tables.inbox.delete())
    assert await run_until_applied(db, consumer_for(db, jetstream, service), 2) == 2
    # a restart with applied events keeps its place: nothing is applied twice
    assert await run_until_applied(db, consumer_for(db, jetstream, service), 2) == 2


async def test_a_batch_with_one_poison_event_applies_the_others_once_and_dead_letters_it(db, js):
    """Issue 12: a fetched batch commits as one; one bad event rolls it back and the batch goes
    event by event, so the rest are applied exactly once and only the bad one is a dead letter."""
    jetstream, service = js

    async def picky(uow, message, meta):
        await _record(uow, message, meta)
        if message.user.username == "user7":
            raise PoisonEvent("user7 can never be applied")

    await write_events(db, service, 40)
    assert await OutboxRelay(db, tables, jetstream).publish_pending() == 40
    consumer = consumer_for(db, jetstream, service, picky)
    task = asyncio.create_task(consumer.run())
    try:
        for _ in range(100):
            if await count_rows(db, tables.dead_letters) == 1 and await count_applied(db) == 39:
                break
            await asyncio.sleep(0.1)
        assert await count_applied(db) == 39
        assert await count_rows(db, tables.dead_letters) == 1
        assert await count_rows(db, tables.inbox) == 39
    finally:
        await consumer.stop()
        await asyncio.wait_for(task, 5)
