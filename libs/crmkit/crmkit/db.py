"""Database engine and the unit of work: one transaction per handler, events committed with data."""
from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any, ClassVar

from crmkit.bulk import UnnestInsert
from crmkit.messaging_tables import MessagingTables
from crmkit.telemetry import current_trace_headers
from google.protobuf.message import Message
from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor
from sqlalchemy import Table, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

SessionFactory = async_sessionmaker[AsyncSession]
# How domain events go on the wire: the builder of an event's (subject, message) from the event and
# the aggregate that recorded it, by event type, or by (aggregate type, event type) where one event
# type is shared by several aggregates. The pair is looked up first.
IntegrationEvents = Mapping[type | tuple[type, type], Callable[[Any, Any], tuple[str, Message]]]


def async_url(url: str) -> str:
    """Accept postgres://, postgresql:// or postgresql+asyncpg:// and answer the asyncpg form."""
    parsed = make_url(url.replace("postgres://", "postgresql://", 1))
    return parsed.set(drivername="postgresql+asyncpg").render_as_string(hide_password=False)


def make_engine(url: str, *, pool_size: int = 10, pool_timeout: float = 30.0) -> AsyncEngine:
    engine = create_async_engine(async_url(url), pool_size=pool_size, max_overflow=pool_size, pool_pre_ping=True,
                                 pool_timeout=pool_timeout)
    SQLAlchemyInstrumentor().instrument(engine=engine.sync_engine, enable_commenter=False)
    return engine


def make_session_factory(engine: AsyncEngine) -> SessionFactory:
    return async_sessionmaker(engine, expire_on_commit=False)


class UnitOfWork:
    """Owns one transaction. Subclasses bind their repositories to the session in `_bind`.

    Events published during the unit of work are written to the outbox in the same transaction,
    so an event exists if and only if the change it describes was committed. On commit, the events
    of every aggregate in the `seen` of a repository `_bind` set are published first, translated
    through `integration_events`, in the order the repositories were bound.
    """

    integration_events: ClassVar[IntegrationEvents] = {}

    def __init__(self, session_factory: SessionFactory, tables: MessagingTables,
                 on_commit: Callable[[], None] | None = None) -> None:
        self._session_factory = session_factory
        self._tables = tables
        self._on_commit = on_commit
        self.session: AsyncSession
        self._events: list[tuple[str, str, Message]] = []
        self._trackers: list[Any] = []

    def _bind(self, session: AsyncSession) -> None:
        """Create repositories on the session (override)."""

    async def __aenter__(self):
        self.session = self._session_factory()
        self._events = []
        self._bind(self.session)
        self._trackers = [repository for repository in vars(self).values() if hasattr(repository, "seen")]
        return self

    async def __aexit__(self, *exc) -> None:
        try:
            await self.session.rollback()
        finally:
            await self.session.close()

    def publish(self, subject: str, message: Message) -> str:
        """Record an integration event to be published after commit. Answers the event id."""
        event_id = str(uuid.uuid4())
        self._events.append((event_id, subject, message))
        return event_id

    def publish_event(self, event: Any, about: Any = None) -> str:
        """Publish a domain event no tracked aggregate holds, built through `integration_events` from
        the event and what it is `about`. Answers the event id."""
        return self.publish(*self._integration_event(event, about))

    def _collect_events(self) -> None:
        """Publish the events the tracked aggregates recorded (each once: they are cleared)."""
        for repository in self._trackers:
            for aggregate in repository.seen:
                for event in aggregate.events:
                    self.publish(*self._integration_event(event, aggregate))
                aggregate.events.clear()

    def _integration_event(self, event: Any, aggregate: Any) -> tuple[str, Message]:
        table = self.integration_events
        build = table.get((type(aggregate), type(event))) or table.get(type(event))
        if build is None:
            raise TypeError(f"{type(self).__name__}.integration_events has no entry for "
                            f"{type(event).__name__} of {type(aggregate).__name__}")
        return build(event, aggregate)

    async def commit(self) -> None:
        """Commit the data with its events, all written to the outbox in one statement in the order
        they were published (an import batch publishes thousands)."""
        self._collect_events()
        if self._events:
            headers, now = json.dumps(current_trace_headers()), datetime.now(UTC)
            await _outbox_insert(self._tables.outbox).execute(self.session, [
                {"id": event_id, "subject": subject, "event_type": message.DESCRIPTOR.full_name,
                 "payload": message.SerializeToString(), "headers": headers, "created_at": now}
                for event_id, subject, message in self._events])
        await self.session.commit()
        had_events, self._events = bool(self._events), []
        if had_events and self._on_commit:
            self._on_commit()


@lru_cache(maxsize=16)
def _outbox_insert(outbox: Table) -> UnnestInsert:
    return UnnestInsert(outbox, ("id", "subject", "event_type", "payload", "headers", "created_at"))


async def wait_for_database(engine: AsyncEngine, *, timeout: float = 30.0) -> None:
    """Block until the database answers, so a service started beside its database does not crash."""
    from sqlalchemy import text

    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        try:
            async with engine.connect() as conn:
                await conn.execute(text("select 1"))
            return
        except Exception:
            if asyncio.get_running_loop().time() > deadline:
                raise
            await asyncio.sleep(0.5)
