"""Fixtures of the accounts integration tests: a freshly migrated database per test."""
from __future__ import annotations

import asyncio

import pytest
from crmkit.db import make_engine, make_session_factory
from crmkit.migrations import upgrade

from crm_accounts.bootstrap import MIGRATIONS_DIR, uow_factory


@pytest.fixture
async def accounts_db(make_database) -> str:
    url = make_database("accounts")
    await asyncio.to_thread(upgrade, url, MIGRATIONS_DIR)
    return url


@pytest.fixture
async def sessions(accounts_db):
    engine = make_engine(accounts_db, pool_size=20)
    yield make_session_factory(engine)
    await engine.dispose()


@pytest.fixture
def uows(sessions):
    return uow_factory(sessions)
