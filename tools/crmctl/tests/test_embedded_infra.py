"""The servers that ship in wheels start and answer (DESIGN.md section 3): this is what `./crm up`
runs on a machine with nothing installed, so the suite proves it even where local servers exist."""
from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import stat
import time
from urllib.parse import urlsplit

import asyncpg
import nats
import pytest
import redis

from crmctl import infra
from crmctl.supervisor import Backoff, Supervisor


def test_embedded_postgres_nats_and_redis_start_answer_and_stop(tmp_path):
    with contextlib.ExitStack() as stack:
        pg = infra.start_embedded_postgres(tmp_path / "postgres", stack)
        js = infra.start_embedded_nats(tmp_path / "nats", stack)
        rd = infra.start_embedded_redis(tmp_path / "redis", stack)
        assert {pg.how, js.how, rd.how} == {"embedded"}

        async def probe():
            conn = await asyncpg.connect(pg.url)
            version = await conn.fetchval("show server_version")
            await conn.close()
            nc = await nats.connect(js.url)
            account = await nc.jetstream().account_info()
            await nc.close()
            return version, account

        version, account = asyncio.run(probe())
        assert version and account is not None  # JetStream is enabled
        assert redis.Redis.from_url(rd.url).ping()
    assert not infra.listening(pg.port)


def test_a_killed_embedded_server_is_restarted_on_its_port_with_its_password(tmp_path):
    with contextlib.ExitStack() as stack:
        found = infra.Infra(infra.start_embedded_postgres(tmp_path / "postgres", stack),
                            infra.start_embedded_nats(tmp_path / "nats", stack),
                            infra.start_embedded_redis(tmp_path / "redis", stack))
        supervisor = Supervisor(found.servers(), tmp_path / "state.json", backoff=Backoff(first=0.2))
        for server in found.servers():
            os.kill(server.pid(), signal.SIGKILL)
        deadline = time.monotonic() + 30
        while not all(supervisor.restarts(s.name) and infra.listening(s.port) for s in found.servers()):
            assert time.monotonic() < deadline, [(s.name, s.alive()) for s in found.servers()]
            supervisor.check()
            time.sleep(0.2)

        async def answers():
            for _ in range(100):  # listening comes before crash recovery ends
                try:
                    conn = await asyncpg.connect(found.postgres.url)
                    break
                except asyncpg.CannotConnectNowError:
                    await asyncio.sleep(0.1)
            await conn.close()
            nc = await nats.connect(found.nats.url)
            await nc.jetstream().account_info()
            await nc.close()

        asyncio.run(answers())
        assert redis.Redis.from_url(found.redis.url).ping()


def _without_password(url: str) -> str:
    parts = urlsplit(url)
    return parts._replace(netloc=f"{parts.username or ''}@{parts.hostname}:{parts.port}").geturl()


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_embedded_servers_require_their_generated_passwords(tmp_path):
    with contextlib.ExitStack() as stack:
        pg = infra.start_embedded_postgres(tmp_path / "postgres", stack)
        js = infra.start_embedded_nats(tmp_path / "nats", stack)
        rd = infra.start_embedded_redis(tmp_path / "redis", stack)

        async def refused():
            with pytest.raises(asyncpg.InvalidPasswordError):
                await asyncpg.connect(_without_password(pg.url))
            with pytest.raises(Exception):  # noqa: B017, PT011 - nats-py raises one of several errors for a refused login
                await nats.connect(js.url.replace(urlsplit(js.url).password, "wrong"), max_reconnect_attempts=0,
                                   allow_reconnect=False, connect_timeout=2)

        asyncio.run(refused())
        with pytest.raises(redis.AuthenticationError):
            redis.Redis.from_url(_without_password(rd.url).replace("@", "", 1)).ping()
        assert redis.Redis.from_url(rd.url).ping()
        assert "***" in pg.shown() and urlsplit(pg.url).password not in pg.shown()
    secrets = tmp_path / "secrets"
    assert _mode(secrets) == 0o700
    assert {f.name for f in secrets.iterdir()} == {"postgres_password", "nats_password", "redis_password"}
    assert all(_mode(f) == 0o600 for f in secrets.iterdir())
    assert _mode(tmp_path / "nats" / "nats.log") == 0o600 and _mode(tmp_path / "redis" / "redis.conf") == 0o600


def test_a_trust_cluster_from_an_older_run_gets_a_password(tmp_path):
    with contextlib.ExitStack() as stack:
        infra.start_embedded_postgres(tmp_path / "postgres", stack)
    # What an older ./crm up left: trust authentication and no stored password.
    hba = tmp_path / "postgres" / "pgdata" / "pg_hba.conf"
    hba.write_text("local all all trust\nhost all all 127.0.0.1/32 trust\n")
    (tmp_path / "secrets" / "postgres_password").unlink()
    with contextlib.ExitStack() as stack:
        pg = infra.start_embedded_postgres(tmp_path / "postgres", stack)

        async def check():
            conn = await asyncpg.connect(pg.url)
            await conn.close()
            with pytest.raises(asyncpg.InvalidPasswordError):
                await asyncpg.connect(_without_password(pg.url))

        asyncio.run(check())
    assert "trust" not in hba.read_text()


def test_embedded_postgres_keeps_its_data_across_restarts(tmp_path):
    for expected in (None, "kept"):
        with contextlib.ExitStack() as stack:
            url = infra.start_embedded_postgres(tmp_path / "postgres", stack).url

            async def roundtrip(url: str = url):
                conn = await asyncpg.connect(url)
                await conn.execute("create table if not exists note (v text)")
                found = await conn.fetchval("select v from note")
                await conn.execute("insert into note values ('kept')")
                await conn.close()
                return found

            assert asyncio.run(roundtrip()) == expected
