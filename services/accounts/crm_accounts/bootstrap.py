"""Composition root of the accounts service: the Accounts servicer and the identity replica's
consumer, wired from what the kit connected."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from crmkit.db import SessionFactory
from crmkit.identity.consumer import identity_subscription
from crmkit.runtime import Assembly, Infra, Service, units_of_work

from crm_accounts.adapters.orm import identity, messaging
from crm_accounts.entrypoints.grpc_api import services
from crm_accounts.entrypoints.integration_events import INTEGRATION_EVENTS
from crm_accounts.service_layer.unit_of_work import AccountsUnitOfWork
from crm_accounts.settings import AccountsSettings

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


class PublishingAccountsUnitOfWork(AccountsUnitOfWork):
    """The accounts unit of work as the service runs it: its record events leave as crm.accounts.* messages."""
    integration_events = INTEGRATION_EVENTS


def uow_factory(session_factory: SessionFactory) -> Callable[[], AccountsUnitOfWork]:
    """Accounts units of work on `session_factory` with no relay to wake (tests and tools)."""
    return units_of_work(PublishingAccountsUnitOfWork, session_factory, messaging)


async def assemble(infra: Infra[AccountsSettings]) -> Assembly:
    settings = infra.settings
    return Assembly(
        grpc_services=services(infra.uow(PublishingAccountsUnitOfWork), legacy_zone=settings.legacy_zone),
        consumers=[identity_subscription(identity, durable="accounts-identity")],
    )


SERVICE = Service(name="accounts", settings=AccountsSettings, tables=messaging, assemble=assemble,
                  migrations=MIGRATIONS_DIR)
