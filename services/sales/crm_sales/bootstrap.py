"""Composition root of the sales service: the replicas it keeps (identity; the account-access read
model fed by crm.accounts.*), wired from what the kit connected."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from crmkit.account_access.consumer import account_access_subscription
from crmkit.db import SessionFactory
from crmkit.identity.consumer import identity_subscription
from crmkit.runtime import Assembly, Infra, Service, units_of_work

from crm_sales.adapters.orm import account_access, identity, messaging
from crm_sales.service_layer.unit_of_work import SalesUnitOfWork
from crm_sales.settings import SalesSettings

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def uow_factory(session_factory: SessionFactory) -> Callable[[], SalesUnitOfWork]:
    """Sales units of work on `session_factory` with no relay to wake (tests and tools)."""
    return units_of_work(SalesUnitOfWork, session_factory, messaging)


async def assemble(infra: Infra[SalesSettings]) -> Assembly:
    return Assembly(
        grpc_services=[],
        consumers=[identity_subscription(identity, durable="sales-identity"),
                   account_access_subscription(account_access, durable="sales-account-access")],
    )


SERVICE = Service(name="sales", settings=SalesSettings, tables=messaging, assemble=assemble, migrations=MIGRATIONS_DIR)
