"""Fixtures of the integration service's tests: a migrated database of its own per test, an SMTP
sink, and private JetStream streams on the real NATS server."""
from __future__ import annotations

import pytest

from crm_integration.bootstrap import MIGRATIONS_DIR
from tests.support.databases import session_factory
from tests.support.events import private_streams
from tests.support.smtp_sink import SmtpSink


@pytest.fixture
def integration_db(migrated_database) -> str:
    return migrated_database(MIGRATIONS_DIR, "integration")


@pytest.fixture
async def sessions(integration_db):
    async with session_factory(integration_db) as factory:
        yield factory


@pytest.fixture
async def smtp_sink():
    sink = SmtpSink()
    await sink.start()
    yield sink
    await sink.close()


@pytest.fixture
async def producers(nats_url):
    """(js, identity producer, leads producer): streams private to the test on the real NATS server."""
    async with private_streams(nats_url, "identity", "leads") as (js, names):
        yield js, *names
