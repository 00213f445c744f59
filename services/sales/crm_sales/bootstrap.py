"""Composition root of the sales service: the Opportunities, StageAlerts and Forecasts servicers, the
consumers of the identity, accounts (account-access read model, reassignments) and leads (SDR credit)
events, and the stage-alert scanner (GEN-4)."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from crm.sales.v1 import alerts_pb2_grpc, forecasts_pb2_grpc, opportunities_pb2_grpc
from crmkit.db import SessionFactory
from crmkit.runtime import Assembly, Infra, Service, units_of_work

from crm_sales.adapters.orm import messaging
from crm_sales.domain.fiscal import FiscalCalendar
from crm_sales.domain.forecast import ForecastConfig
from crm_sales.entrypoints.consumers import subscriptions
from crm_sales.entrypoints.grpc_alerts import ALERTS_SERVICE_NAME, StageAlertsServicer
from crm_sales.entrypoints.grpc_api import SERVICE_NAME, OpportunitiesServicer
from crm_sales.entrypoints.grpc_forecasts import FORECASTS_SERVICE_NAME, ForecastsServicer
from crm_sales.entrypoints.integration_events import INTEGRATION_EVENTS
from crm_sales.service_layer.alerts import StageAlertScanner
from crm_sales.service_layer.unit_of_work import SalesUnitOfWork
from crm_sales.settings import SalesSettings

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


class PublishingSalesUnitOfWork(SalesUnitOfWork):
    """The sales unit of work as the service runs it: opportunity events leave as crm.sales.opportunity.*."""
    integration_events = INTEGRATION_EVENTS


def uow_factory(session_factory: SessionFactory) -> Callable[[], SalesUnitOfWork]:
    """Sales units of work on `session_factory` with no relay to wake (tests and tools)."""
    return units_of_work(PublishingSalesUnitOfWork, session_factory, messaging)


async def assemble(infra: Infra[SalesSettings]) -> Assembly:
    uows = infra.uow(PublishingSalesUnitOfWork)
    servicer = OpportunitiesServicer(uows)
    settings = infra.settings
    return Assembly(
        grpc_services=[(opportunities_pb2_grpc.add_OpportunitiesServicer_to_server, servicer, SERVICE_NAME),
                       (alerts_pb2_grpc.add_StageAlertsServicer_to_server, StageAlertsServicer(uows),
                        ALERTS_SERVICE_NAME),
                       (forecasts_pb2_grpc.add_ForecastsServicer_to_server,
                        ForecastsServicer(uows, ForecastConfig(FiscalCalendar(settings.fiscal_year_start_month),
                                                               settings.corporate_currency)),
                        FORECASTS_SERVICE_NAME)],
        consumers=subscriptions(PublishingSalesUnitOfWork),
        workers=[StageAlertScanner(uows, batch_size=settings.stage_alert_batch_size,
                                   poll_seconds=settings.stage_alert_poll_seconds)],
    )


SERVICE = Service(name="sales", settings=SalesSettings, tables=messaging, assemble=assemble, migrations=MIGRATIONS_DIR)
