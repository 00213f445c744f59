"""Composition root of the accounts service: units of work, the Accounts servicer, the outbox
relay and the identity consumer, wired from the infrastructure the kit connected."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from crmkit import streams
from crmkit.db import SessionFactory, make_engine, make_session_factory
from crmkit.outbox import OutboxRelay
from crmkit.runtime import Assembly, Infra

from crm_accounts.adapters.orm import messaging
from crm_accounts.entrypoints.consumers import identity_consumer
from crm_accounts.entrypoints.grpc_api import services
from crm_accounts.entrypoints.mappers import integration_event
from crm_accounts.service_layer.unit_of_work import AccountsUnitOfWork
from crm_accounts.settings import AccountsSettings

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def uow_factory(session_factory: SessionFactory,
                on_commit: Callable[[], None] | None = None) -> Callable[[], AccountsUnitOfWork]:
    """Units of work whose record events become crm.accounts.* integration events in the outbox."""
    return lambda: AccountsUnitOfWork(session_factory, messaging, integration_event, on_commit)


async def assemble(infra: Infra) -> Assembly:
    relay = OutboxRelay(infra.session_factory, messaging, infra.js)
    settings = infra.settings
    if not isinstance(settings, AccountsSettings):
        raise TypeError("the accounts service runs with AccountsSettings")
    return Assembly(
        grpc_services=services(uow_factory(infra.session_factory, relay.wake), legacy_zone=settings.legacy_zone),
        workers=[relay, identity_consumer(infra.js, infra.session_factory)],
    )


async def replay_dead_letters(settings: AccountsSettings) -> None:
    """`python -m crm_accounts dead-letters`: run every dead identity event through its handler again."""
    engine = make_engine(settings.database_url, pool_size=2)
    nc = await streams.connect(settings.nats_url, name="accounts-dead-letters")
    try:
        outcomes = await identity_consumer(nc.jetstream(), make_session_factory(engine)).replay_dead_letters()
        for letter_id, outcome in outcomes:
            print(f"dead letter {letter_id}: {outcome}")
        print(f"{len(outcomes)} dead letter(s) replayed")
    finally:
        await nc.drain()
        await engine.dispose()
