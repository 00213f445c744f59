"""Fixtures every test folder shares: real PostgreSQL, NATS JetStream and Redis, found or started
as DESIGN.md section 3 says (and reported in the test run's output), plus fresh databases."""
from __future__ import annotations

import asyncio
import tempfile
import uuid
from pathlib import Path

import pytest

from crmctl import infra as infra_finder
from crmkit.principal import generate_keypair


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
def make_database(pg_url):
    """Factory: a new, empty database on the test server; answers its URL. Dropped at the end."""
    from crmkit.migrations import ensure_database

    created: list[str] = []

    def make(prefix: str = "t") -> str:
        name = f"{prefix}_{uuid.uuid4().hex[:10]}"
        url = pg_url.rsplit("/", 1)[0] + f"/{name}"
        _run_in_thread(ensure_database(url))  # works whether or not the caller has a running loop
        created.append(name)
        return url

    yield make
    _drop_databases(pg_url, created)


def _run_in_thread(coro) -> None:
    import threading

    errors: list[BaseException] = []

    def target():
        try:
            asyncio.run(coro)
        except BaseException as exc:  # re-raised in the caller's thread
            errors.append(exc)

    t = threading.Thread(target=target)
    t.start()
    t.join()
    if errors:
        raise errors[0]


def _drop_databases(pg_url: str, names: list[str]) -> None:
    from sqlalchemy import pool, text
    from sqlalchemy.ext.asyncio import create_async_engine

    from crmkit.db import async_url

    async def drop():
        engine = create_async_engine(async_url(pg_url), isolation_level="AUTOCOMMIT", poolclass=pool.NullPool)
        async with engine.connect() as conn:
            for name in names:
                await conn.execute(text(f'drop database if exists "{name}" with (force)'))
        await engine.dispose()

    _run_in_thread(drop())


@pytest.fixture(scope="session")
def principal_keys() -> tuple[str, str]:
    """(private PEM, public PEM) of a gateway signing key made for this test run."""
    return generate_keypair()
