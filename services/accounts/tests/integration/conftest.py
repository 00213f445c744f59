"""Fixtures of the accounts integration tests: a migrated database of its own per test."""
from __future__ import annotations

import pytest

from crm_accounts.bootstrap import MIGRATIONS_DIR, uow_factory
from tests.support.databases import session_factory


@pytest.fixture
def accounts_db(migrated_database) -> str:
    return migrated_database(MIGRATIONS_DIR, "accounts")


@pytest.fixture
async def sessions(accounts_db):
    async with session_factory(accounts_db) as factory:
        yield factory


@pytest.fixture
def uows(sessions):
    return uow_factory(sessions)
