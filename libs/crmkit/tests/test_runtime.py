"""The kit's command line for a declared service: `dead-letters` builds the service's declared
consumers, replays each one's dead letters, and publishes what the replayed handlers wrote
(real PostgreSQL and NATS JetStream)."""
from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from crm.identity.v1 import events_pb2
from crmkit import streams
from crmkit.config import ServiceSettings
from crmkit.db import make_engine, make_session_factory
from crmkit.inbox import Subscription
from crmkit.messaging_tables import messaging_tables
from crmkit.outbox import EVENT_TYPE_HEADER
from crmkit.runtime import Assembly, Infra, Service, replay_dead_letters
from sqlalchemy import Column, Integer, MetaData, String, Table, select

metadata = MetaData()
tables = messaging_tables(metadata)
welcomed = Table("welcomed", metadata, Column("id", Integer, primary_key=True, autoincrement=True),
                 Column("username", String(100), nullable=False))


@pytest.fixture
async def service_db(make_database):
    url = make_database("runtime")
    engine = make_engine(url)
    async with engine.begin() as conn:
        await conn.run_sync(metadata.create_all)
    yield url, make_session_factory(engine)
    await engine.dispose()


async def test_dead_letters_are_replayed_for_every_declared_consumer(service_db, nats_url, principal_keys, capsys):
    url, sessions = service_db
    name = f"kit{uuid.uuid4().hex[:8]}"
    closed: list[bool] = []

    async def welcome(uow, message, meta):
        await uow.session.execute(welcomed.insert().values(username=message.user.username))
        uow.publish(f"crm.{name}.user.welcomed", events_pb2.UserUpdated(user=message.user))

    async def assemble(infra: Infra) -> Assembly:
        async def close() -> None:
            closed.append(True)
        subscription = Subscription(durable=f"{name}-users", producer=name, subjects=("user.>",),
                                    handlers={events_pb2.UserCreated: welcome})
        return Assembly(grpc_services=[], consumers=[subscription], closers=[close])

    event = events_pb2.UserCreated(user=events_pb2.User(id="u1", username="ada"))
    async with sessions() as session, session.begin():
        await session.execute(tables.dead_letters.insert().values(
            consumer=f"{name}-users", event_id="e1", subject=f"crm.{name}.user.created",
            event_type=event.DESCRIPTOR.full_name, payload=event.SerializeToString(),
            headers={EVENT_TYPE_HEADER: event.DESCRIPTOR.full_name}, error="bug", deliveries=8))
    settings = ServiceSettings(database_url=url, principal_public_key=principal_keys[1], nats_url=nats_url, grpc_port=0)
    service = Service(name=name, settings=lambda: settings, tables=tables, assemble=assemble, migrations=Path("."))
    try:
        await replay_dead_letters(service, settings)
        async with sessions() as session:
            assert (await session.execute(select(welcomed.c.username))).scalars().all() == ["ada"]
            assert (await session.execute(select(tables.dead_letters.c.replayed_at))).scalar() is not None
            assert (await session.execute(select(tables.outbox.c.published_at))).scalar() is not None
        assert f"{name}-users: 1 dead letter(s) replayed" in capsys.readouterr().out
        assert closed == [True]
    finally:
        nc = await streams.connect(nats_url, name="kit-runtime-tests")
        await nc.jetstream().delete_stream(streams.stream_name(name))
        await nc.close()
