"""Composition root of the leads service: units of work, the Leads servicer with its accounts client
(lead conversion), the outbox relay and the identity consumer, wired from the infrastructure the kit
connected."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from crm.leads.v1 import leads_pb2_grpc
from crmkit import streams
from crmkit.db import SessionFactory, make_engine, make_session_factory
from crmkit.grpc.client import make_channel
from crmkit.outbox import OutboxRelay
from crmkit.runtime import Assembly, Infra

from crm_leads.adapters.accounts_client import AccountsClient
from crm_leads.adapters.orm import messaging
from crm_leads.entrypoints.consumers import identity_consumer
from crm_leads.entrypoints.grpc_api import SERVICE_NAME, LeadsServicer
from crm_leads.entrypoints.integration_events import INTEGRATION_EVENTS
from crm_leads.service_layer.unit_of_work import LeadsUnitOfWork
from crm_leads.settings import LeadsSettings

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


class PublishingLeadsUnitOfWork(LeadsUnitOfWork):
    """The leads unit of work as the service runs it: its lead events leave as crm.leads.lead.* messages."""
    integration_events = INTEGRATION_EVENTS


def uow_factory(session_factory: SessionFactory,
                on_commit: Callable[[], None] | None = None) -> Callable[[], LeadsUnitOfWork]:
    """Units of work whose lead events become crm.leads.lead.* integration events in the outbox."""
    return lambda: PublishingLeadsUnitOfWork(session_factory, messaging, on_commit)


async def assemble(infra: Infra) -> Assembly:
    settings: LeadsSettings = infra.settings
    relay = OutboxRelay(infra.session_factory, messaging, infra.js)
    accounts_channel = make_channel(settings.accounts_target)
    accounts = AccountsClient(accounts_channel, timeout=settings.accounts_timeout_seconds)
    servicer = LeadsServicer(uow_factory(infra.session_factory, relay.wake), settings.rating_rules(), accounts)
    return Assembly(
        grpc_services=[(leads_pb2_grpc.add_LeadsServicer_to_server, servicer, SERVICE_NAME)],
        workers=[relay, identity_consumer(infra.js, infra.session_factory)],
        closers=[accounts_channel.close],
    )


async def replay_dead_letters(settings: LeadsSettings) -> None:
    """`python -m crm_leads dead-letters`: run every dead identity event through its handler again."""
    engine = make_engine(settings.database_url, pool_size=2)
    nc = await streams.connect(settings.nats_url, name="leads-dead-letters")
    try:
        outcomes = await identity_consumer(nc.jetstream(), make_session_factory(engine)).replay_dead_letters()
        for letter_id, outcome in outcomes:
            print(f"dead letter {letter_id}: {outcome}")
        print(f"{len(outcomes)} dead letter(s) replayed")
    finally:
        await nc.drain()
        await engine.dispose()
