"""Fixtures of the leads integration tests: a migrated database of its own per test."""
from __future__ import annotations

import pytest

from crm_leads.bootstrap import MIGRATIONS_DIR, uow_factory
from tests.support.databases import session_factory


@pytest.fixture
def leads_db(migrated_database) -> str:
    return migrated_database(MIGRATIONS_DIR, "leads")


@pytest.fixture
async def sessions(leads_db):
    async with session_factory(leads_db) as factory:
        yield factory


@pytest.fixture
def uows(sessions):
    return uow_factory(sessions)
