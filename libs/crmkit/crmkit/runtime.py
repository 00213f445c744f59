"""Start, run and drain a service process; a service only declares what it is (`Service`) and
wires its domain from what the kit connected (`Infra`) into an `Assembly`."""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from crmkit import metrics, migrations, streams
from crmkit.config import ServiceSettings
from crmkit.db import SessionFactory, UnitOfWork, make_engine, make_session_factory, wait_for_database
from crmkit.grpc.server import GrpcServer
from crmkit.inbox import InboxConsumer, Subscription
from crmkit.logging import configure_logging
from crmkit.messaging_tables import MessagingTables
from crmkit.outbox import OutboxRelay
from crmkit.principal import PrincipalVerifier
from crmkit.telemetry import configure_tracing
from nats.aio.client import Client as NATS
from nats.js import JetStreamContext
from sqlalchemy.ext.asyncio import AsyncEngine

log = logging.getLogger(__name__)

U = TypeVar("U", bound=UnitOfWork)


class Worker(Protocol):
    """A background loop (outbox relay, inbox consumer, scheduler) with a clean stop."""

    async def run(self) -> None: ...

    async def stop(self) -> None: ...


def units_of_work(cls: Callable[..., U], session_factory: SessionFactory, tables: MessagingTables,
                  on_commit: Callable[[], None] | None = None) -> Callable[[], U]:
    """A factory of units of work of `cls`, each constructed (session_factory, tables, on_commit=)."""
    return lambda: cls(session_factory, tables, on_commit=on_commit)


S = TypeVar("S", bound=ServiceSettings)


@dataclass
class Infra(Generic[S]):
    """What the kit connects for a service before its composition root wires the domain."""

    name: str
    settings: S
    engine: AsyncEngine
    session_factory: SessionFactory
    nats: NATS
    js: JetStreamContext
    tables: MessagingTables
    relay: OutboxRelay  # run (and drained last) by the kit

    def uow(self, cls: Callable[..., U]) -> Callable[[], U]:
        """Units of work of `cls` whose commits wake the relay, so their events go out at once."""
        return units_of_work(cls, self.session_factory, self.tables, self.relay.wake)

    def consumer(self, subscription: Subscription) -> InboxConsumer:
        """The inbox consumer running `subscription` in units of work of its `unit_of_work`."""
        return InboxConsumer(js=self.js, uow_factory=self.uow(subscription.unit_of_work), tables=self.tables,
                             subscription=subscription)


@dataclass
class Assembly:
    """What a service's bootstrap hands back: its gRPC services, what it consumes, its other
    background workers, and what to close once all have stopped (e.g. channels to other services)."""

    grpc_services: list[tuple[Callable, object, str]]
    consumers: list[Subscription] = field(default_factory=list)
    workers: Sequence[Worker] = field(default_factory=list)
    closers: list[Callable[[], Awaitable[None]]] = field(default_factory=list)


Assemble = Callable[[Infra[Any]], Awaitable[Assembly]]


@dataclass(frozen=True)
class Service:
    """A service as the kit runs it: `python -m crm_<name> [serve|migrate|dead-letters]`."""

    name: str
    settings: Callable[[], ServiceSettings]
    tables: MessagingTables  # the outbox, inbox and dead letters on the service's metadata
    assemble: Assemble
    migrations: Path

    def main(self) -> None:
        main(self)


@contextlib.asynccontextmanager
async def connected(service: Service, settings: ServiceSettings, *, pool_size: int,
                    client: str) -> AsyncIterator[Infra]:
    """The database, NATS and the service's stream, for as long as the block runs."""
    async with contextlib.AsyncExitStack() as stack:
        engine = make_engine(settings.database_url, pool_size=pool_size, pool_timeout=settings.db_pool_timeout_seconds)
        stack.push_async_callback(engine.dispose)
        await wait_for_database(engine)
        nc = await streams.connect(settings.nats_url, name=client)
        stack.push_async_callback(nc.drain)
        js = nc.jetstream()
        await streams.ensure_stream(js, service.name)
        sessions = make_session_factory(engine)
        yield Infra(name=service.name, settings=settings, engine=engine, session_factory=sessions, nats=nc, js=js,
                    tables=service.tables, relay=OutboxRelay(sessions, service.tables, js))


async def serve(service: Service, settings: ServiceSettings, *, ready: Callable[[int], None] | None = None) -> None:
    """Run until SIGTERM/SIGINT, then drain: stop taking calls, finish them, flush the outbox."""
    async with connected(service, settings, pool_size=settings.db_pool_size, client=service.name) as infra:
        assembly = await service.assemble(infra)
        watcher = metrics.start(settings, infra.engine, infra.js, consumers=[s.durable for s in assembly.consumers])
        server = GrpcServer(verifier=PrincipalVerifier(settings.principal_public_key, settings.trusted_issuers,
                                                    service=service.name),
                            address=f"{settings.grpc_host}:{settings.grpc_port}", services=assembly.grpc_services)
        await server.start()
        workers: list[Worker] = [*(infra.consumer(s) for s in assembly.consumers), *assembly.workers]
        tasks = [asyncio.create_task(w.run(), name=type(w).__name__) for w in workers]
        relay_task = asyncio.create_task(infra.relay.run(), name="OutboxRelay")
        log.info("%s serving gRPC on %s:%d", service.name, settings.grpc_host, server.port)
        if ready:
            ready(server.port)

        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        await stop.wait()

        log.info("%s draining", service.name)
        await server.drain(settings.drain_seconds)
        await _stop(workers, tasks, settings.drain_seconds)
        # Last, so what the calls, consumers and workers committed while draining still goes out.
        await _stop([infra.relay], [relay_task], settings.drain_seconds)
        for close in assembly.closers:
            await close()
        await watcher.stop()
    log.info("%s stopped", service.name)


async def _stop(workers: list[Worker], tasks: list[asyncio.Task], timeout: float) -> None:
    for worker in workers:
        await worker.stop()
    if tasks:
        await asyncio.wait(tasks, timeout=timeout)
    for task in tasks:
        task.cancel()


async def replay_dead_letters(service: Service, settings: ServiceSettings) -> None:
    """`dead-letters`: run every un-replayed dead letter of each consumer through its handler again."""
    async with connected(service, settings, pool_size=2, client=f"{service.name}-dead-letters") as infra:
        assembly = await service.assemble(infra)
        try:
            for subscription in assembly.consumers:
                consumer = infra.consumer(subscription)
                outcomes = await consumer.replay_dead_letters()
                for letter_id, outcome in outcomes:
                    print(f"dead letter {letter_id} ({consumer.durable}): {outcome}")
                print(f"{consumer.durable}: {len(outcomes)} dead letter(s) replayed")
        finally:
            await infra.relay.stop()  # publishes what the replayed handlers wrote to the outbox
            for close in assembly.closers:
                await close()


def main(service: Service) -> None:
    """Command line of a service: `serve` (default), `migrate`, `dead-letters`."""
    parser = argparse.ArgumentParser(prog=f"crm_{service.name}")
    parser.add_argument("command", nargs="?", default="serve", choices=["serve", "migrate", "dead-letters"])
    args = parser.parse_args()
    settings = service.settings()
    configure_logging(service.name, level=settings.log_level, fmt=settings.log_format)
    if args.command == "migrate":
        migrations.upgrade(settings.database_url, service.migrations)
        return
    configure_tracing(service.name, settings.otlp_endpoint)
    if args.command == "serve":
        asyncio.run(serve(service, settings))
    else:
        asyncio.run(replay_dead_letters(service, settings))
