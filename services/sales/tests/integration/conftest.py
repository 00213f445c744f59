"""Fixtures of the sales integration tests: a migrated database of its own per test."""
from __future__ import annotations

import pytest
from sales_testkit import seed_opportunity

from crm_sales.bootstrap import MIGRATIONS_DIR, uow_factory
from tests.support.databases import session_factory


@pytest.fixture
def sales_db(migrated_database) -> str:
    return migrated_database(MIGRATIONS_DIR, "sales")


@pytest.fixture
async def sessions(sales_db):
    async with session_factory(sales_db) as factory:
        yield factory


@pytest.fixture
def uows(sessions):
    return uow_factory(sessions)


@pytest.fixture
async def opportunity(uows) -> str:
    return await seed_opportunity(uows)
