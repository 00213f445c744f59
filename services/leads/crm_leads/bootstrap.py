"""Composition root of the leads service: the Leads servicer with its accounts client (lead
conversion) and the users replica's identity consumer, wired from what the kit connected."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from crm.leads.v1 import leads_pb2_grpc
from crmkit.db import SessionFactory
from crmkit.grpc.client import make_channel
from crmkit.identity.consumer import identity_subscription
from crmkit.runtime import Assembly, Infra, Service, units_of_work

from crm_leads.adapters.accounts_client import AccountsClient
from crm_leads.adapters.orm import identity, messaging
from crm_leads.domain.rating import RatingRules
from crm_leads.entrypoints.grpc_api import SERVICE_NAME, LeadsServicer
from crm_leads.entrypoints.integration_events import INTEGRATION_EVENTS
from crm_leads.service_layer.unit_of_work import LeadsUnitOfWork
from crm_leads.settings import LeadsSettings

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


class PublishingLeadsUnitOfWork(LeadsUnitOfWork):
    """The leads unit of work as the service runs it: its lead events leave as crm.leads.lead.* messages."""
    integration_events = INTEGRATION_EVENTS


def uow_factory(session_factory: SessionFactory) -> Callable[[], LeadsUnitOfWork]:
    """Leads units of work on `session_factory` with no relay to wake (tests and tools)."""
    return units_of_work(PublishingLeadsUnitOfWork, session_factory, messaging)


async def assemble(infra: Infra[LeadsSettings]) -> Assembly:
    settings = infra.settings
    accounts_channel = make_channel(settings.accounts_target)
    accounts = AccountsClient(accounts_channel, timeout=settings.accounts_timeout_seconds)
    rules = RatingRules.configured(settings.rating_points, a_min_points=settings.rating_a_min_points,
                                   b_min_points=settings.rating_b_min_points)
    servicer = LeadsServicer(infra.uow(PublishingLeadsUnitOfWork), rules, accounts)
    return Assembly(
        grpc_services=[(leads_pb2_grpc.add_LeadsServicer_to_server, servicer, SERVICE_NAME)],
        consumers=[identity_subscription(identity, durable="leads-identity-users")],
        closers=[accounts_channel.close],
    )


SERVICE = Service(name="leads", settings=LeadsSettings, tables=messaging, assemble=assemble, migrations=MIGRATIONS_DIR)
