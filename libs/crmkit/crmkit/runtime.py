"""Start, run and drain a service process: the same few lines in every service's __main__."""
from __future__ import annotations

import argparse
import asyncio
import logging
import signal
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from nats.aio.client import Client as NATS
from nats.js import JetStreamContext

from crmkit import migrations, streams
from crmkit.config import ServiceSettings
from crmkit.db import SessionFactory, make_engine, make_session_factory, wait_for_database
from crmkit.grpc.server import GrpcServer
from crmkit.logging import configure_logging
from crmkit.principal import PrincipalVerifier
from crmkit.telemetry import configure_tracing

log = logging.getLogger(__name__)


class Worker(Protocol):
    """A background loop (outbox relay, inbox consumer, scheduler) with a clean stop."""

    async def run(self) -> None: ...

    async def stop(self) -> None: ...


@dataclass
class Infra:
    """What the kit connects for a service before its composition root wires the domain."""

    name: str
    settings: ServiceSettings
    session_factory: SessionFactory
    nats: NATS
    js: JetStreamContext


@dataclass
class Assembly:
    """What a service's bootstrap hands back: its gRPC services, background workers, and what to
    close once both have stopped (e.g. channels to other services that handlers call)."""

    grpc_services: list[tuple[Callable, object, str]]
    workers: list[Worker] = field(default_factory=list)
    closers: list[Callable[[], Awaitable[None]]] = field(default_factory=list)


Assemble = Callable[[Infra], Awaitable[Assembly]]


async def serve(name: str, settings: ServiceSettings, assemble: Assemble,
                *, ready: Callable[[int], None] | None = None) -> None:
    """Run until SIGTERM/SIGINT, then drain: stop taking calls, finish them, flush the outbox."""
    engine = make_engine(settings.database_url, pool_size=settings.db_pool_size)
    await wait_for_database(engine)
    nc = await streams.connect(settings.nats_url, name=name)
    js = nc.jetstream()
    await streams.ensure_stream(js, name)
    assembly = await assemble(Infra(name=name, settings=settings, session_factory=make_session_factory(engine), nats=nc, js=js))
    server = GrpcServer(verifier=PrincipalVerifier(settings.principal_public_key, settings.trusted_issuers,
                                                        service=name),
                        address=f"{settings.grpc_host}:{settings.grpc_port}", services=assembly.grpc_services)
    await server.start()
    tasks = [asyncio.create_task(w.run(), name=type(w).__name__) for w in assembly.workers]
    log.info("%s serving gRPC on %s:%d", name, settings.grpc_host, server.port)
    if ready:
        ready(server.port)

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()

    log.info("%s draining", name)
    await server.drain(settings.drain_seconds)
    for worker in assembly.workers:
        await worker.stop()
    await asyncio.wait(tasks, timeout=settings.drain_seconds)
    for task in tasks:
        task.cancel()
    for close in assembly.closers:
        await close()
    await nc.drain()
    await engine.dispose()
    log.info("%s stopped", name)


def main(name: str, settings_factory: Callable[[], ServiceSettings], assemble: Assemble,
         migrations_dir: Path, extra_commands: dict[str, Callable[[ServiceSettings], Awaitable[None]]] | None = None) -> None:
    """Command line of a service: `serve` (default), `migrate`, and any service-specific commands."""
    commands = dict(extra_commands or {})
    parser = argparse.ArgumentParser(prog=f"crm_{name}")
    parser.add_argument("command", nargs="?", default="serve", choices=["serve", "migrate", *commands])
    args = parser.parse_args()
    settings = settings_factory()
    configure_logging(name, level=settings.log_level, fmt=settings.log_format)
    if args.command == "migrate":
        migrations.upgrade(settings.database_url, migrations_dir)
        return
    configure_tracing(name, settings.otlp_endpoint)
    if args.command == "serve":
        asyncio.run(serve(name, settings, assemble))
    else:
        asyncio.run(commands[args.command](settings))
