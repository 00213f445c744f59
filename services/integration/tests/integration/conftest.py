"""Fixtures of the integration service's tests: a freshly migrated database, an SMTP sink, and
private JetStream streams on the real NATS server."""
from __future__ import annotations

import asyncio
import uuid

import pytest
from crmkit import streams
from crmkit.db import make_engine, make_session_factory
from crmkit.migrations import upgrade
from tests.support.smtp_sink import SmtpSink

from crm_integration.bootstrap import MIGRATIONS_DIR


@pytest.fixture
async def integration_db(make_database) -> str:
    url = make_database("integration")
    await asyncio.to_thread(upgrade, url, MIGRATIONS_DIR)
    return url


@pytest.fixture
async def sessions(integration_db):
    engine = make_engine(integration_db, pool_size=20)
    yield make_session_factory(engine)
    await engine.dispose()


@pytest.fixture
async def smtp_sink():
    sink = SmtpSink()
    await sink.start()
    yield sink
    await sink.close()


@pytest.fixture
async def producers(nats_url):
    """(js, identity producer, leads producer): streams private to the test on the real NATS server."""
    nc = await streams.connect(nats_url, name="integration-tests")
    js = nc.jetstream()
    suffix = uuid.uuid4().hex[:8]
    names = (f"identity{suffix}", f"leads{suffix}")
    for name in names:
        await streams.ensure_stream(js, name)
    yield js, *names
    for name in names:
        await js.delete_stream(streams.stream_name(name))
    await nc.close()
