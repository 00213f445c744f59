"""The outbox relay: publishes committed events to JetStream, each exactly once.

Rows are claimed with FOR UPDATE SKIP LOCKED, so any number of replicas can relay side by side.
The event id travels as `Nats-Msg-Id`: when a relay dies after publishing but before marking the
row, the republished event falls inside the stream's duplicate window and is dropped by JetStream;
consumers' inboxes catch anything later than that.

A batch goes out as pipelined publishes whose acknowledgements are gathered afterwards (one round
trip per batch instead of one per event, issue 12): JetStream stores them in the order sent, and a
row is marked published only once its own acknowledgement came back, in an unbroken run from the
batch's first row (so a failed publish never lets a later event count as out while it stays behind).
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
from sqlalchemy import any_, bindparam, cast, select, update
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.types import BigInteger

log = logging.getLogger(__name__)
_tracer = tracer(__name__)

EVENT_TYPE_HEADER = "Crm-Event-Type"
OCCURRED_AT_HEADER = "Crm-Occurred-At"
ACK_TIMEOUT_SECONDS = 5.0


class OutboxRelay:
    def __init__(self, session_factory: SessionFactory, tables: MessagingTables, js: JetStreamContext,
                 *, batch_size: int = 1000, poll_seconds: float = 0.5) -> None:
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
            done, failure = await self._publish_batch(rows)
            if failure is not None:
                failed = rows[len(done)]
                await session.execute(update(ob).where(ob.c.seq == failed.seq)
                                      .values(attempts=ob.c.attempts + 1, last_error=str(failure)[:1000]))
            if done:
                await session.execute(update(ob).where(ob.c.seq == any_(_seqs(done)))
                                      .values(published_at=datetime.now(UTC)))
        if failure:
            raise failure
        return len(done)

    async def _publish_batch(self, rows) -> tuple[list[int], Exception | None]:
        """Send every row, then wait for all acknowledgements: (the seqs acknowledged from the first
        row on without a gap, the first failure or None)."""
        acks: list[asyncio.Future] = []
        failure: Exception | None = None
        for row in rows:
            try:
                acks.append(await self._publish(row))
            except Exception as exc:  # not even sent: what was sent before it is still waited for
                failure = exc
                break
        try:
            outcomes = await asyncio.wait_for(asyncio.gather(*acks, return_exceptions=True),
                                              timeout=ACK_TIMEOUT_SECONDS)
        except TimeoutError as exc:  # the gather's cancellation cancelled the acks still awaited
            outcomes = [ack.result() if ack.done() and not ack.cancelled() and ack.exception() is None
                        else exc for ack in acks]
        done: list[int] = []
        for row, outcome in zip(rows, outcomes, strict=False):
            if isinstance(outcome, BaseException):
                return done, outcome if isinstance(outcome, Exception) else RuntimeError(repr(outcome))
            done.append(row.seq)
        return done, failure

    async def _publish(self, row) -> asyncio.Future:
        """Send one event; answers the future of its acknowledgement."""
        parent = context_from_headers(row.headers)
        with _tracer.start_as_current_span(f"{row.subject} publish", context=parent, kind=trace.SpanKind.PRODUCER):
            headers = current_trace_headers()  # the consumer's span continues this producer span
            headers.update({
                "Nats-Msg-Id": row.id,
                EVENT_TYPE_HEADER: row.event_type,
                OCCURRED_AT_HEADER: row.created_at.isoformat(),
            })
            return await self._js.publish_async(row.subject, row.payload, headers=headers,
                                                wait_stall=ACK_TIMEOUT_SECONDS)


def _seqs(seqs: list[int]):
    """The outbox sequence numbers as one array parameter, however many."""
    return cast(bindparam("seqs", seqs, type_=ARRAY(BigInteger)), ARRAY(BigInteger))


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
