"""Events in the tests: what a unit of work left in its service's outbox, and publishing to JetStream
as a service's relay would, on streams private to one test."""
from __future__ import annotations

import contextlib
import uuid
from collections.abc import AsyncIterator
from types import ModuleType

from crmkit import streams
from crmkit.db import SessionFactory
from crmkit.messaging_tables import messaging_tables
from crmkit.outbox import EVENT_TYPE_HEADER
from google.protobuf.message import Message
from sqlalchemy import MetaData, select

_OUTBOX = messaging_tables(MetaData()).outbox  # every service's outbox has the kit's shape


async def outbox_events(sessions: SessionFactory, events_module: ModuleType) -> list[tuple[str, Message]]:
    """(subject, event) of every event written to the outbox so far, decoded with the message classes
    of `events_module` (a service's events_pb2), in commit order."""
    async with sessions() as session:
        rows = (await session.execute(
            select(_OUTBOX.c.subject, _OUTBOX.c.event_type, _OUTBOX.c.payload).order_by(_OUTBOX.c.seq))).all()
    return [(row.subject, getattr(events_module, row.event_type.rsplit(".", 1)[1]).FromString(row.payload))
            for row in rows]


async def publish(js, subject: str, message: Message, event_id: str = "") -> str:
    """Publish `message` with the headers a relay sets (dedup id, event type); answers the event id."""
    event_id = event_id or str(uuid.uuid4())
    await js.publish(subject, message.SerializeToString(),
                     headers={"Nats-Msg-Id": event_id, EVENT_TYPE_HEADER: message.DESCRIPTOR.full_name})
    return event_id


@contextlib.asynccontextmanager
async def private_streams(nats_url: str, *services: str) -> AsyncIterator[tuple[object, tuple[str, ...]]]:
    """(JetStream, service names) with one stream per name, suffixed so no other test sees them; the
    streams are deleted when the block ends."""
    nc = await streams.connect(nats_url, name="tests")
    js = nc.jetstream()
    suffix = uuid.uuid4().hex[:8]
    names = tuple(f"{service}{suffix}" for service in services)
    try:
        for name in names:
            await streams.ensure_stream(js, name)
        yield js, names
    finally:
        for name in names:
            await js.delete_stream(streams.stream_name(name))
        await nc.close()
