"""Durable, idempotent event consumption.

A service declares what it consumes as a `Subscription` (durable name, producer, subjects, one
handler per event type, and the unit of work its handlers get); the kit runs it as an
`InboxConsumer`: a JetStream durable pull consumer with explicit ack, shared by every replica of
the service. The handler runs inside the service's unit of work, whose transaction also writes an
inbox row keyed by the event id: the inbox row, the handler's writes and the events it publishes
through the outbox commit together, and a redelivered event changes nothing. Transient failures
are nak'ed with a growing delay; an event that can never succeed (undecodable, rejected by the
domain, or out of retries) is terminated and kept as a dead letter that ops can list and replay
(`python -m crm_<svc> dead-letters`).

A fetched batch is applied in one unit of work and acknowledged after its one commit (issue 12):
one transaction per batch, not per event. Should any event of it fail, the whole batch is rolled
back and its events go one at a time, each in its own unit of work, with the retries and dead
letters above; the inbox rows make the second pass apply nothing twice.
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

import nats.errors
import nats.js.errors
from crmkit.db import UnitOfWork
from crmkit.errors import CrmError, Unavailable
from crmkit.messaging_tables import MessagingTables
from crmkit.outbox import EVENT_TYPE_HEADER
from crmkit.streams import ensure_stream, stream_name, subject_prefix
from crmkit.telemetry import context_from_headers, tracer
from google.protobuf.message import DecodeError, Message
from nats.js import JetStreamContext
from nats.js.api import AckPolicy, ConsumerConfig, DeliverPolicy
from opentelemetry import trace
from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert

log = logging.getLogger(__name__)
_tracer = tracer(__name__)


@dataclass(frozen=True)
class EventMeta:
    event_id: str
    subject: str
    deliveries: int


# `handler(uow, message, meta)` runs inside the open unit of work (an instance of the subscription's
# `unit_of_work`), possibly beside the other events of its batch; the consumer commits it, so a
# handler must not.
Handler = Callable[[Any, Message, EventMeta], Awaitable[None]]


class PoisonEvent(Exception):
    """The event can never be handled; retrying is pointless."""


@dataclass(frozen=True)
class Subscription:
    """What a service consumes: `subjects` of `producer` (relative to its prefix, e.g. "user.>"),
    one handler per event message class, under the durable name `durable` (keep it stable: the
    durable remembers how far the service got)."""

    durable: str
    producer: str
    subjects: tuple[str, ...]
    handlers: Mapping[type[Message], Handler]
    # The class of the unit of work the handlers get, constructed (session_factory, tables, on_commit=).
    unit_of_work: Callable[..., UnitOfWork] = UnitOfWork
    # Deliveries before a transiently failing event becomes a dead letter.
    max_deliver: int = 8

    def from_producer(self, producer: str, *, durable: str) -> Subscription:
        """The same subscription to another producer's stream (tests use private streams)."""
        return replace(self, producer=producer, durable=durable)


class InboxConsumer:
    """Run one subscription: each event in a unit of work from `uow_factory` with its inbox row."""

    def __init__(self, *, js: JetStreamContext, uow_factory: Callable[[], UnitOfWork], tables: MessagingTables,
                 subscription: Subscription, batch_size: int = 500) -> None:
        self._js = js
        self._uows = uow_factory
        self._tables = tables
        self.durable = subscription.durable
        self._producer = subscription.producer
        prefix = subject_prefix(subscription.producer)
        self._subjects = [f"{prefix}.{subject}" for subject in subscription.subjects]
        self._handlers = {cls.DESCRIPTOR.full_name: (cls, fn) for cls, fn in subscription.handlers.items()}
        self._max_deliver = subscription.max_deliver
        self._batch = batch_size
        self._stopping = asyncio.Event()

    async def run(self) -> None:
        await ensure_stream(self._js, self._producer)
        config = ConsumerConfig(
            durable_name=self.durable, ack_policy=AckPolicy.EXPLICIT, deliver_policy=DeliverPolicy.ALL,
            filter_subjects=self._subjects, max_deliver=self._max_deliver + 1, ack_wait=30,
        )
        if await self._nothing_applied_yet():
            await self._forget_position()
        await self._js.add_consumer(stream_name(self._producer), config)  # idempotent for the same config
        sub = await self._js.pull_subscribe_bind(self.durable, stream_name(self._producer))
        try:
            while not self._stopping.is_set():
                try:
                    messages = await sub.fetch(self._batch, timeout=1)
                except (TimeoutError, nats.errors.TimeoutError):
                    continue
                except Exception:
                    log.exception("fetch failed for %s", self.durable)
                    await asyncio.sleep(1)
                    continue
                await self._process_batch(messages)
        finally:
            # A pull subscription left open makes the connection's drain wait its full timeout (30 s).
            await sub.unsubscribe()

    async def _nothing_applied_yet(self) -> bool:
        async with self._uows() as uow:
            inbox = self._tables.inbox
            return (await uow.session.execute(
                select(inbox.c.event_id).where(inbox.c.consumer == self.durable).limit(1))).first() is None

    async def _forget_position(self) -> None:
        """A new or restored database has applied nothing, but JetStream may remember having delivered
        events to this durable: start it again from the first event (the inbox makes replays safe)."""
        try:
            info = await self._js.consumer_info(stream_name(self._producer), self.durable)
        except nats.js.errors.NotFoundError:
            return
        if info.delivered.stream_seq:
            log.warning("%s: database has applied nothing but the durable had advanced; replaying", self.durable)
            await self._js.delete_consumer(stream_name(self._producer), self.durable)

    async def stop(self) -> None:
        self._stopping.set()

    @staticmethod
    def _meta(msg) -> EventMeta:
        headers = msg.headers or {}
        return EventMeta(event_id=headers.get("Nats-Msg-Id", ""), subject=msg.subject,
                         deliveries=msg.metadata.num_delivered)

    async def _process_batch(self, messages: list) -> None:
        """Apply the batch in one transaction (its inbox rows in one statement) and acknowledge it;
        on any failure, event by event."""
        if len(messages) > 1:
            outcomes: list[tuple[Any, EventMeta, bool]] = []
            try:
                async with self._uows() as uow:
                    metas = [self._meta(msg) for msg in messages]
                    decoded = [self._decode((msg.headers or {}).get(EVENT_TYPE_HEADER, ""), msg.data, meta)
                               for msg, meta in zip(messages, metas, strict=True)]
                    fresh = await self._claim(uow, [meta for meta, entry in zip(metas, decoded, strict=True)
                                                    if entry is not None])
                    for msg, meta, entry in zip(messages, metas, decoded, strict=True):
                        applied = entry is not None and meta.event_id in fresh
                        if applied and entry is not None:
                            fresh.discard(meta.event_id)  # the same event twice in one batch runs once
                            with _tracer.start_as_current_span(f"{msg.subject} process", kind=trace.SpanKind.CONSUMER,
                                                               context=context_from_headers(msg.headers or {})):
                                await entry[0](uow, entry[1], meta)
                        outcomes.append((msg, meta, applied))
                    await uow.commit()
            except Exception as exc:
                log.info("batch of %d for %s rolled back (%s); applying one by one", len(messages), self.durable, exc)
            else:
                for msg, _meta, _applied in outcomes:
                    await msg.ack()
                # One line per batch: a line per event cost more than applying it.
                log.info("batch of %d for %s: %d applied", len(outcomes), self.durable,
                         sum(applied for _, _, applied in outcomes))
                return
        for msg in messages:
            await self._process(msg)

    async def _claim(self, uow: UnitOfWork, metas: list[EventMeta]) -> set[str]:
        """Write the inbox rows of these events in one statement; answers the ids not applied before."""
        if not metas:
            return set()
        inbox = self._tables.inbox
        rows = {meta.event_id: {"consumer": self.durable, "event_id": meta.event_id, "subject": meta.subject}
                for meta in metas}
        return set((await uow.session.execute(
            insert(inbox).values(list(rows.values())).on_conflict_do_nothing().returning(inbox.c.event_id)
        )).scalars())

    def _log_done(self, msg, meta: EventMeta, applied: bool) -> None:
        log.info("event %s %s", msg.subject, "applied" if applied else "skipped", extra={
            "consumer": self.durable, "event_id": meta.event_id, "deliveries": meta.deliveries})

    async def _process(self, msg) -> None:
        headers, meta = msg.headers or {}, self._meta(msg)
        with _tracer.start_as_current_span(f"{msg.subject} process", context=context_from_headers(headers),
                                           kind=trace.SpanKind.CONSUMER):
            try:
                applied = await self.handle(headers.get(EVENT_TYPE_HEADER, ""), msg.data, meta)
                await msg.ack()
                self._log_done(msg, meta, applied)
            except (PoisonEvent, CrmError) as exc:
                if isinstance(exc, Unavailable) and meta.deliveries < self._max_deliver:
                    await msg.nak(delay=self._delay(meta.deliveries))
                    return
                await self._dead_letter(msg, meta, exc)
                await msg.term()
            except Exception as exc:
                if meta.deliveries >= self._max_deliver:
                    await self._dead_letter(msg, meta, exc)
                    await msg.term()
                else:
                    log.warning("event %s failed (delivery %d), retrying: %s", meta.event_id, meta.deliveries, exc)
                    await msg.nak(delay=self._delay(meta.deliveries))

    async def handle(self, event_type: str, data: bytes, meta: EventMeta) -> bool:
        """Apply one event exactly once. Answers False when it was already applied or not ours."""
        async with self._uows() as uow:
            applied = await self._apply(uow, event_type, data, meta)
            if applied:
                await uow.commit()  # the inbox row, the handler's writes and its outbox events, together
        return applied

    async def _apply(self, uow: UnitOfWork, event_type: str, data: bytes, meta: EventMeta) -> bool:
        """Write the event's inbox row and run its handler in the open unit of work; False when it was
        already applied or is not ours (nothing written)."""
        entry = self._decode(event_type, data, meta)
        if entry is None or not await self._claim(uow, [meta]):
            return False
        await entry[0](uow, entry[1], meta)
        return True

    def _decode(self, event_type: str, data: bytes, meta: EventMeta) -> tuple[Handler, Message] | None:
        """(handler, message) of an event of ours; None for an event type this consumer does not want."""
        entry = self._handlers.get(event_type)
        if entry is None:
            return None
        cls, handler = entry
        if not meta.event_id:
            raise PoisonEvent("event without Nats-Msg-Id")
        try:
            return handler, cls.FromString(data)
        except DecodeError as exc:
            raise PoisonEvent(f"cannot decode {event_type}: {exc}") from exc

    @staticmethod
    def _delay(deliveries: int) -> float:
        return min(0.5 * 2 ** (deliveries - 1), 30.0)

    async def _dead_letter(self, msg, meta: EventMeta, exc: Exception) -> None:
        log.error("event %s on %s dead-lettered after %d deliveries: %s", meta.event_id, meta.subject,
                  meta.deliveries, exc)
        headers = dict(msg.headers or {})
        async with self._uows() as uow:
            await uow.session.execute(self._tables.dead_letters.insert().values(
                consumer=self.durable, event_id=meta.event_id, subject=meta.subject,
                event_type=headers.get(EVENT_TYPE_HEADER), payload=msg.data, headers=headers,
                error=repr(exc)[:4000], deliveries=meta.deliveries,
            ))
            await uow.commit()

    async def replay_dead_letters(self) -> list[tuple[int, str]]:
        """Run every un-replayed dead letter of this consumer through its handler again.

        Answers (dead letter id, outcome) pairs; a letter that fails again stays un-replayed.
        """
        dl = self._tables.dead_letters
        async with self._uows() as uow:
            rows = (await uow.session.execute(
                select(dl).where(dl.c.consumer == self.durable, dl.c.replayed_at.is_(None)).order_by(dl.c.id)
            )).all()
        outcomes = []
        for row in rows:
            meta = EventMeta(event_id=row.event_id or f"dead-letter-{row.id}", subject=row.subject,
                             deliveries=row.deliveries)
            try:
                applied = await self.handle(row.event_type or "", row.payload, meta)
            except Exception as exc:
                outcomes.append((row.id, f"failed again: {exc!r}"))
                continue
            async with self._uows() as uow:
                await uow.session.execute(update(dl).where(dl.c.id == row.id)
                                          .values(replayed_at=datetime.now(UTC)))
                await uow.commit()
            outcomes.append((row.id, "applied" if applied else "already applied"))
        return outcomes
