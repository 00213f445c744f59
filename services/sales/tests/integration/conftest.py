"""Fixtures of the sales integration tests: a freshly migrated database of its own per test.

0001_initial seeds the stages and loss reasons, which the shared template copies refuse (they
empty every table), so each test migrates an empty database itself."""
from __future__ import annotations

import pytest
from crmkit.migrations import upgrade
from sales_testkit import seed_opportunity

from crm_sales.bootstrap import MIGRATIONS_DIR, uow_factory
from tests.support.databases import run_in_thread, session_factory


@pytest.fixture
def sales_db(make_database) -> str:
    url = make_database("sales")
    run_in_thread(lambda: upgrade(url, MIGRATIONS_DIR))
    return url


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
