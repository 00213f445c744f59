"""The outbox relay: publishes committed events to JetStream, each exactly once.

Rows are claimed with FOR UPDATE SKIP LOCKED, so any number of replicas can relay side by side.
The event id travels as `Nats-Msg-Id`: when a relay dies after publishing but before marking the
row, the republished event falls inside the stream's duplicate window and is dropped by JetStream;
consumers' inboxes catch anything later than that.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from datetime import UTC, datetime

from crmkit.db import SessionFactory
from crmkit.messaging_tables import MessagingTables
from crmkit.telemetry import context_from_headers, current_trace_headers, tracer
from nats.js import JetStreamContext
from opentelemetry import trace
from sqlalchemy import select, update

log = logging.getLogger(__name__)
_tracer = tracer(__name__)

EVENT_TYPE_HEADER = "Crm-Event-Type"
OCCURRED_AT_HEADER = "Crm-Occurred-At"


class OutboxRelay:
    def __init__(self, session_factory: SessionFactory, tables: MessagingTables, js: JetStreamContext,
                 *, batch_size: int = 200, poll_seconds: float = 0.5) -> None:
        self._sessions = session_factory
        self._outbox = tables.outbox
        self._js = js
        self._batch_size = batch_size
        self._poll = poll_seconds
        self._wakeup = asyncio.Event()
        self._stopping = False

    def wake(self) -> None:
        """Called after a commit that wrote events, so they go out without waiting for the poll."""
        self._wakeup.set()

    async def run(self) -> None:
        backoff = self._poll
        while not self._stopping:
            try:
                published = await self.publish_pending()
                backoff = self._poll
            except Exception:
                log.exception("outbox relay failed; retrying")
                published = 0
                backoff = min(backoff * 2, 10.0)
            if published < self._batch_size:
                self._wakeup.clear()
                try:
                    await asyncio.wait_for(self._wakeup.wait(), timeout=backoff)
                except TimeoutError:
                    pass

    async def stop(self) -> None:
        """Stop after a final flush of what is already committed."""
        self._stopping = True
        self._wakeup.set()
        try:
            await self.publish_pending()
        except Exception:
            log.warning("final outbox flush failed; the rows stay for the next relay")

    async def publish_pending(self) -> int:
        """Publish one batch of unpublished events. Answers how many were published."""
        ob = self._outbox
        async with self._sessions() as session, session.begin():
            rows = (await session.execute(
                select(ob.c.seq, ob.c.id, ob.c.subject, ob.c.event_type, ob.c.payload, ob.c.headers, ob.c.created_at)
                .where(ob.c.published_at.is_(None))
                .order_by(ob.c.seq)
                .limit(self._batch_size)
                .with_for_update(skip_locked=True)
            )).all()
            done: list[int] = []
            failure: Exception | None = None
            for row in rows:
                try:
                    await self._publish(row)
                    done.append(row.seq)
                except Exception as exc:  # keep what went out; the rest waits for the next round
                    failure = exc
                    await session.execute(update(ob).where(ob.c.seq == row.seq)
                                          .values(attempts=ob.c.attempts + 1, last_error=str(exc)[:1000]))
                    break
            if done:
                await session.execute(update(ob).where(ob.c.seq.in_(done))
                                      .values(published_at=datetime.now(UTC)))
        if failure:
            raise failure
        return len(done)

    async def _publish(self, row) -> None:
        parent = context_from_headers(row.headers)
        with _tracer.start_as_current_span(f"{row.subject} publish", context=parent, kind=trace.SpanKind.PRODUCER):
            headers = current_trace_headers()  # the consumer's span continues this producer span
            headers.update({
                "Nats-Msg-Id": row.id,
                EVENT_TYPE_HEADER: row.event_type,
                OCCURRED_AT_HEADER: row.created_at.isoformat(),
            })
            await self._js.publish(row.subject, row.payload, headers=headers, timeout=5)


@contextlib.asynccontextmanager
async def relaying(session_factory: SessionFactory, tables: MessagingTables,
                   js: JetStreamContext) -> AsyncIterator[OutboxRelay]:
    """A relay running in the background for as long as the block runs, for a process that is not
    a kit service (the gateway); on the way out it flushes what is committed, then ends."""
    relay = OutboxRelay(session_factory, tables, js)
    task = asyncio.create_task(relay.run(), name="outbox-relay")
    try:
        yield relay
    finally:
        await relay.stop()
        try:
            await asyncio.wait_for(task, timeout=5)
        except TimeoutError:
            task.cancel()
