"""What the read benchmarks (bench/accounts.py, bench/sales.py) share: a service's replica awaited,
logins, sequential rounds of variants timed side by side, statements captured from a repository
without running them, and EXPLAIN reduced to the scans that matter."""
from __future__ import annotations

import asyncio
import json
import statistics
import time
from pathlib import Path

import asyncpg
import httpx


class Capture:
    """Stands in for an AsyncSession: keeps the statement a repository method builds, answers no rows."""

    class _Empty:
        def all(self):
            return []

        def first(self):
            return None

        def tuples(self):
            return self

    stmt = None

    async def execute(self, stmt, *args, **kwargs):
        self.stmt = stmt
        return self._Empty()


def pct(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


async def timed(samples: dict[str, list[float]] | None, name: str, call) -> object:
    t = time.perf_counter()
    out = await call()
    if samples is not None:
        samples.setdefault(name, []).append((time.perf_counter() - t) * 1000)
    return out


def gateway_get(client: httpx.AsyncClient, token: str, path: str, params: dict | None = None):
    async def call():
        r = await client.get(path, params=params, headers={"Authorization": f"Bearer {token}"})
        if r.status_code != 200:
            raise RuntimeError(f"GET {path} {params}: {r.status_code} {r.text[:300]}")
        return r
    return call


def in_transaction(engine, work):
    async def call():
        async with engine.connect() as conn, conn.begin():
            return await work(conn)
    return call


def rows_of(stmt):
    async def work(conn):
        return len((await conn.execute(stmt)).all())
    return work


async def run_section(rounds: int, warmup: int, variants) -> dict[str, list[float]]:
    """`variants(i)` answers [(name, call)] for round i; each round runs every variant once, in turn."""
    samples: dict[str, list[float]] = {}
    for i in range(warmup + rounds):
        for name, call in await variants(i):
            await timed(samples if i >= warmup else None, name, call)
    return samples


# --- EXPLAIN --------------------------------------------------------------------------------------

async def explain(engine, stmt, index_kinds: dict[str, str]) -> str:
    sql = str(stmt.compile(dialect=engine.dialect, compile_kwargs={"literal_binds": True}))
    async with engine.connect() as conn:
        raw = (await conn.exec_driver_sql("explain (analyze, buffers, format json) " + sql)).scalar()
    doc = (json.loads(raw) if isinstance(raw, str) else raw)[0]
    top, scans = doc["Plan"], []

    def walk(node):
        kind = node["Node Type"]
        if "Index Name" in node:
            scans.append(f"{kind} {node['Index Name']} ({index_kinds.get(node['Index Name'], '?')})")
        elif kind == "Seq Scan":
            scans.append(f"Seq Scan {node['Relation Name']} ({node['Actual Rows'] * node['Actual Loops']} rows out)")
        elif kind in ("Hash Join", "Merge Join", "Nested Loop"):
            scans.append(kind)
        if "hashed SubPlan" in node.get("Filter", ""):
            scans.append("hashed SubPlan in a filter (its subquery runs in full first)")
        for child in node.get("Plans", []):
            walk(child)
    walk(top)
    return (f"{top['Node Type']}, rows {top['Actual Rows']}, execution {doc['Execution Time']:.2f} ms "
            f"(planning {doc['Planning Time']:.2f} ms), buffers hit {top.get('Shared Hit Blocks', 0)} "
            f"read {top.get('Shared Read Blocks', 0)}\n      " + "\n      ".join(dict.fromkeys(scans)))


async def wait_for_directory(dsn: str, timeout: float = 90.0) -> None:
    """Users and territories reach a service (its database at `dsn`) as crm.identity.* events."""
    expected_states = sum(len(r.split(",")[2].split(";")) for r in
                          (Path(__file__).resolve().parents[1] / "gateway/crm_gateway/demo/territories.csv")
                          .read_text().splitlines()[1:] if r.strip())
    conn = await asyncpg.connect(dsn)
    try:
        deadline = time.monotonic() + timeout
        while True:
            aes = await conn.fetchval("select count(*) from users where role = 'ae' and active")
            states = await conn.fetchval("select count(*) from territory_states")
            if aes >= 10 and states >= expected_states:
                return
            if time.monotonic() > deadline:
                raise RuntimeError(f"identity replica incomplete after {timeout}s: {aes} AEs, {states} states")
            await asyncio.sleep(0.25)
    finally:
        await conn.close()


async def login(client: httpx.AsyncClient, username: str, password: str) -> str:
    r = await client.post("/api/v1/auth/token", data={"username": username, "password": password})
    r.raise_for_status()
    return r.json()["access_token"]


