"""The servers that ship in wheels start and answer (DESIGN.md section 3): this is what `./crm up`
runs on a machine with nothing installed, so the suite proves it even where local servers exist."""
from __future__ import annotations

import asyncio
import contextlib

import asyncpg
import nats
import redis

from crmctl import infra


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
    assert not infra.listening(int(pg.url.split(":")[-1].split("/")[0]))


def test_embedded_postgres_keeps_its_data_across_restarts(tmp_path):
    for expected in (None, "kept"):
        with contextlib.ExitStack() as stack:
            url = infra.start_embedded_postgres(tmp_path / "postgres", stack).url

            async def roundtrip():
                conn = await asyncpg.connect(url)
                await conn.execute("create table if not exists note (v text)")
                found = await conn.fetchval("select v from note")
                await conn.execute("insert into note values ('kept')")
                await conn.close()
                return found

            assert asyncio.run(roundtrip()) == expected
