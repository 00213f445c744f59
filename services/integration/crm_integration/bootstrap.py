"""Composition root of the integration service: the mail sender and the event consumers, wired from
the infrastructure the kit connected. No gRPC API yet: the server answers health and reflection."""
from __future__ import annotations

from pathlib import Path

from crmkit import streams
from crmkit.db import SessionFactory, make_engine, make_session_factory
from crmkit.runtime import Assembly, Infra

from crm_integration.adapters.delivery import EmlDirectory, SmtpTransport, Transport
from crm_integration.entrypoints.consumers import identity_consumer, leads_consumer
from crm_integration.service_layer.mail_sender import MailSender
from crm_integration.settings import IntegrationSettings

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


async def assemble(infra: Infra) -> Assembly:
    settings: IntegrationSettings = infra.settings
    return Assembly(grpc_services=[], workers=[
        mail_sender(settings, infra.session_factory),
        identity_consumer(infra.js, infra.session_factory),
        leads_consumer(infra.js, infra.session_factory, public_url=settings.public_url),
    ])


async def replay_dead_letters(settings: IntegrationSettings) -> None:
    """`python -m crm_integration dead-letters`: run every dead event through its handler again."""
    engine = make_engine(settings.database_url, pool_size=2)
    nc = await streams.connect(settings.nats_url, name="integration-dead-letters")
    try:
        sessions = make_session_factory(engine)
        for consumer in (identity_consumer(nc.jetstream(), sessions),
                         leads_consumer(nc.jetstream(), sessions, public_url=settings.public_url)):
            outcomes = await consumer.replay_dead_letters()
            for letter_id, outcome in outcomes:
                print(f"dead letter {letter_id} ({consumer.durable}): {outcome}")
            print(f"{consumer.durable}: {len(outcomes)} dead letter(s) replayed")
    finally:
        await nc.drain()
        await engine.dispose()
