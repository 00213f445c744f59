"""Fixtures every test folder shares: real PostgreSQL, NATS JetStream and Redis, found or started
as DESIGN.md section 3 says (and reported in the test run's output); fresh and migrated databases
come from the test-support plugin (tests/support/databases.py)."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from crmkit.principal import generate_keypair

from crmctl import infra as infra_finder

pytest_plugins = ["tests.support.databases"]

_USED: list[str] = []


def pytest_terminal_summary(terminalreporter) -> None:
    """Say which PostgreSQL, NATS and Redis the run used (DESIGN.md section 3: never silently)."""
    for line in _USED:
        terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def infra():
    data_dir = Path(tempfile.mkdtemp(prefix="crm-test-infra-"))
    found = infra_finder.for_tests(data_dir)
    _USED.append(f"test infrastructure: {found.describe()}")
    yield found
    found.close()


@pytest.fixture(scope="session")
def pg_url(infra) -> str:
    return infra.postgres.url


@pytest.fixture(scope="session")
def nats_url(infra) -> str:
    return infra.nats.url


@pytest.fixture(scope="session")
def redis_url(infra) -> str:
    return infra.redis.url


@pytest.fixture(scope="session")
def principal_keys() -> tuple[str, str]:
    """(private PEM, public PEM) of a gateway signing key made for this test run."""
    return generate_keypair()
