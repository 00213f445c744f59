"""Fixtures of the leads integration tests: a freshly migrated database per test."""
from __future__ import annotations

import asyncio

import pytest
from crmkit.db import make_engine, make_session_factory
from crmkit.migrations import upgrade

from crm_leads.bootstrap import MIGRATIONS_DIR, uow_factory


@pytest.fixture
async def leads_db(make_database) -> str:
    url = make_database("leads")
    await asyncio.to_thread(upgrade, url, MIGRATIONS_DIR)
    return url


@pytest.fixture
async def sessions(leads_db):
    engine = make_engine(leads_db, pool_size=20)
    yield make_session_factory(engine)
    await engine.dispose()


@pytest.fixture
def uows(sessions):
    return uow_factory(sessions)
