"""The platform as a benchmark runs it: fresh databases under a random prefix, its own JetStream (so
durable consumers share no other run's history), demo users with a throwaway password, and
everything removed afterwards unless asked to keep it."""
from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import asyncpg

from crmctl import infra as infra_finder
from crmctl.infra import Infra, free_port, start_embedded_nats
from crmctl.platform import SERVICES, Platform


@dataclass(frozen=True)
class BenchPlatform:
    platform: Platform
    infra: Infra
    prefix: str  # of every database the run made: <prefix>_<service>
    password: str  # of every demo user


@contextlib.contextmanager
def running_platform(data_dir: Path, *, extra_env: dict[str, str], keep: bool,
                     scratch_databases: tuple[str, ...] = (),
                     replicas: dict[str, int] | None = None) -> Iterator[BenchPlatform]:
    """Start, load the demo users, yield; then stop and drop the databases (`scratch_databases` too)."""
    found = infra_finder.for_tests(data_dir)
    own_nats = contextlib.ExitStack()
    found = dataclasses.replace(found, nats=start_embedded_nats(data_dir / "nats", own_nats))
    print(f"infrastructure: {found.describe()}")
    prefix, password = f"bench_{uuid.uuid4().hex[:6]}", uuid.uuid4().hex
    platform = Platform(infra=found, data_dir=data_dir, http_port=free_port(), db_prefix=prefix,
                        replicas=replicas or {}, extra_env={"CRM_GATEWAY_DEMO_PASSWORD": password, **extra_env})
    try:
        platform.start()
        platform.load_demo()
        yield BenchPlatform(platform, found, prefix, password)
    finally:
        platform.stop()
        own_nats.close()
        if not keep:
            with contextlib.suppress(Exception):
                asyncio.run(_drop(found.postgres.url, [f"{prefix}_{n}" for n in (*SERVICES, "gateway",
                                                                                 *scratch_databases)]))
        found.close()
        if keep:
            print(f"kept: databases {prefix}_*, data dir {data_dir} (service logs in {data_dir / 'log'})")
        else:
            shutil.rmtree(data_dir, ignore_errors=True)


async def _drop(server_url: str, names: list[str]) -> None:
    conn = await asyncpg.connect(server_url)
    try:
        for name in names:
            await conn.execute(f'drop database if exists "{name}" with (force)')
    finally:
        await conn.close()
