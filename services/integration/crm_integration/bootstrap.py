"""Composition root of the integration service: the Imports gRPC API and its runner, the mail
sender and the event consumers, wired from the infrastructure the kit connected."""
from __future__ import annotations

import logging
from pathlib import Path

from crm.accounts.v1 import erp_records_pb2_grpc
from crm.integration.v1 import imports_pb2_grpc
from crm.leads.v1 import leads_pb2_grpc
from crmkit.db import SessionFactory
from crmkit.grpc.client import make_channel
from crmkit.identity.consumer import identity_subscription
from crmkit.principal import PrincipalSigner
from crmkit.runtime import Assembly, Infra, Service

from crm_integration.adapters.delivery import EmlDirectory, SmtpTransport, Transport
from crm_integration.adapters.orm import identity, messaging
from crm_integration.adapters.owners import ISSUER, Owners
from crm_integration.entrypoints.consumers import lead_conversions, stage_alerts
from crm_integration.entrypoints.grpc_api import SERVICE_NAME, ImportsServicer
from crm_integration.entrypoints.inbox_folder import InboxFolderWatcher
from crm_integration.entrypoints.mappers import import_completed
from crm_integration.service_layer.import_runner import ImportRunner
from crm_integration.service_layer.mail_sender import MailSender
from crm_integration.service_layer.unit_of_work import ImportsUnitOfWork
from crm_integration.settings import IntegrationSettings

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def make_transport(settings: IntegrationSettings) -> Transport:
    """SMTP when a relay is configured, else .eml files in the mail folder."""
    endpoint = settings.smtp_endpoint()
    if endpoint is None:
        return EmlDirectory(settings.mail_dir)
    return SmtpTransport(endpoint, timeout=settings.smtp_timeout_seconds)


def mail_sender(settings: IntegrationSettings, session_factory: SessionFactory) -> MailSender:
    return MailSender(session_factory, make_transport(settings), sender=settings.mail_from,
                      retry_base_seconds=settings.mail_retry_base_seconds,
                      retry_max_seconds=settings.mail_retry_max_seconds, poll_seconds=settings.mail_poll_seconds)


async def assemble(infra: Infra[IntegrationSettings]) -> Assembly:
    settings = infra.settings
    consumers = [identity_subscription(identity, durable="integration-identity-users"),
                 lead_conversions(public_url=settings.public_url), stage_alerts(public_url=settings.public_url)]
    workers = [mail_sender(settings, infra.session_factory)]
    if settings.principal_private_key is None:
        log.warning("no CRM_INTEGRATION_PRINCIPAL_PRIVATE_KEY: imports are off (the Imports API is not served)")
        return Assembly(grpc_services=[], consumers=consumers, workers=workers)
    accounts_channel, leads_channel = make_channel(settings.accounts_target), make_channel(settings.leads_target)
    owners = Owners(erp_records_pb2_grpc.ErpRecordsStub(accounts_channel), leads_pb2_grpc.LeadsStub(leads_channel),
                    PrincipalSigner(settings.principal_private_key, issuer=ISSUER),
                    timeout=settings.owner_timeout_seconds)
    uows = infra.uow(ImportsUnitOfWork)
    runner = ImportRunner(uows, owners.appliers(), import_completed, batch_rows=settings.import_batch_rows,
                          lease_seconds=settings.import_lease_seconds, poll_seconds=settings.import_poll_seconds)
    return Assembly(
        grpc_services=[(imports_pb2_grpc.add_ImportsServicer_to_server, ImportsServicer(uows, runner), SERVICE_NAME)],
        consumers=consumers,
        workers=[*workers, runner, InboxFolderWatcher(settings.import_inbox_dir, uows, runner,
                                                      poll_seconds=settings.import_inbox_poll_seconds)],
        closers=[accounts_channel.close, leads_channel.close])


SERVICE = Service(name="integration", settings=IntegrationSettings, tables=messaging, assemble=assemble,
                  migrations=MIGRATIONS_DIR)
