"""Benchmark: sales reads at scale through the gateway (issue 10), each beside the service's own query
run directly in the same run. Run by hand:

    .venv/bin/python bench/sales.py [--opportunities 100000] [--requests 300] [--ae ae.sa] [--keep]

Starts the platform on fresh databases (its own NATS), loads the demo organisation, waits until the
sales service has replicated its users and territories, then seeds the sales database directly with
COPY (bench/sales_seed.py: 100,000 opportunities over 100,000 accounts). For each of
  a. the AE's pipeline              GET /api/v1/opportunities?open_only=true&limit=50
  b. an opportunity's detail        GET /api/v1/opportunities/{id} (one in the AE's territory)
  c. the forecast grid, RSM and VP  GET /api/v1/forecast?period=quarter&fiscal_year=<this year>
it measures sequential requests after a warm-up, round-robin in one loop so every variant sees the
same conditions: the gateway as the AE and as admin; the service's own statement as its repository
builds it for the AE ("SQL filtered") and for admin, whose visibility predicate is constant true
("SQL unfiltered"); for b, the service's get_opportunity use case in its unit of work as the AE and
as admin; for c, the gateway as the RSM (rsm.east) and the VP, and the statement the forecast repository
builds for the RSM ("SQL filtered") and the VP ("SQL unfiltered"): its sums by owner, stage, committed,
currency and close month. Visibility cost = filtered / unfiltered at p50. Then EXPLAIN (ANALYZE,
BUFFERS) of the statements of a and c.
Targets (issue 10): gateway p99 < 100 ms; visibility at most 1.5x the unfiltered query.
The bench databases are dropped at the end unless --keep.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import tempfile
from datetime import date
from pathlib import Path

import asyncpg
import httpx
import psutil
from sqlalchemy.ext.asyncio import create_async_engine

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench_platform import running_platform  # noqa: E402
from crmkit.db import async_url, make_session_factory  # noqa: E402
from crmkit.principal import Principal  # noqa: E402
from reads import Capture, explain, gateway_get, in_transaction, login, pct, rows_of, run_section, wait_for_directory  # noqa: E402
from sales_seed import seed  # noqa: E402

from crm_sales.adapters.forecast_repository import ForecastRepository  # noqa: E402
from crm_sales.adapters.orm import messaging  # noqa: E402
from crm_sales.adapters.repository import OpportunityRepository  # noqa: E402
from crm_sales.domain.fiscal import QUARTER, FiscalCalendar  # noqa: E402
from crm_sales.domain.listing import OPPORTUNITY_SORTING, ListOpportunities  # noqa: E402
from crm_sales.service_layer.queries import get_opportunity  # noqa: E402
from crm_sales.service_layer.unit_of_work import SalesUnitOfWork  # noqa: E402
from crmctl.platform import Platform, database_url  # noqa: E402

PAGE = 50
FORECAST_ROUTE = "/api/v1/forecast"
VISIBILITY_TARGET, P99_TARGET = 1.5, 100.0


async def pipeline(principal: Principal):
    """The service's statement for GET /opportunities?open_only=true&limit=50 (one more row for the cursor)."""
    capture = Capture()
    await OpportunityRepository(capture).page(principal, ListOpportunities(open_only=True),
                                              sort=OPPORTUNITY_SORTING.parse(""), after=None, limit=PAGE + 1)
    return capture.stmt


async def forecast_sums(principal: Principal, fiscal_year: int):
    """The service's statement behind GET /forecast?period=quarter&fiscal_year=... (the live grid's sums)."""
    capture = Capture()
    periods = FiscalCalendar().periods(QUARTER, fiscal_year)
    await ForecastRepository(capture).groups(principal, start=periods[0].start, end=periods[-1].end, owner_ids=None,
                                             digits=2)
    return capture.stmt


def detail(session_factory, principal: Principal, opportunity_id: str):
    """The service's own GetOpportunity use case, in its unit of work, on our engine."""
    async def call():
        uow = SalesUnitOfWork(session_factory, messaging)
        return await get_opportunity(uow=uow, principal=principal, opportunity_id=opportunity_id)
    return call


async def bench(args, platform: Platform, dsn: str, password: str) -> None:
    await wait_for_directory(dsn)
    seeded = await seed(dsn, opportunities=args.opportunities, seed=args.seed)
    print(f"seeded {', '.join(f'{n:,} {t}' for t, n in seeded.counts.items())} in {seeded.seconds['total']:.1f} s")
    engine = create_async_engine(async_url(dsn), pool_size=2)
    sessions = make_session_factory(engine)
    rng = random.Random(args.seed)
    try:
        pg = await asyncpg.connect(dsn.replace("postgresql+asyncpg://", "postgresql://"))
        user = await pg.fetchrow("select id, username, territories from users where username = $1", args.ae)
        ae = Principal(user_id=user["id"], role="ae", username=user["username"], territories=tuple(user["territories"]))
        admin = Principal(user_id=await pg.fetchval("select id from users where username = 'admin'"), role="admin",
                          username="admin")
        rsm_id = await pg.fetchval("select id from users where username = 'rsm.east'")
        below = [r["id"] for r in await pg.fetch(
            "with recursive below(id) as (select id from users where manager_id = $1"
            " union select u.id from users u join below b on u.manager_id = b.id) select id from below", rsm_id)]
        rsm = Principal(user_id=rsm_id, role="rsm", username="rsm.east", subordinates=tuple(sorted(below)))
        vp = Principal(user_id=await pg.fetchval("select id from users where username = 'vp.sales'"),
                       role="vp_sales", username="vp.sales")
        fiscal_year = date.today().year  # the seed's close dates span this calendar year and the next
        theirs = [r["id"] for r in await pg.fetch(
            "select o.id::text from opportunities o join account_access a on a.id = o.account_id"
            " join territory_states t on t.state = a.state where t.territory = any($1::text[])",
            list(ae.territories))]
        index_kinds = {r["relname"]: r["amname"] for r in await pg.fetch(
            "select c.relname, a.amname from pg_class c join pg_am a on a.oid = c.relam where c.relkind = 'i'")}
        await pg.close()
        print(f"AE {ae.username} (territories {', '.join(ae.territories)}) sees {len(theirs):,} of "
              f"{args.opportunities:,} opportunities; {args.requests} measured rounds after {args.warmup}")
        async with httpx.AsyncClient(base_url=platform.url, timeout=30) as client:
            paths = (await client.get("/openapi.json")).json()["paths"]
            mine, everyone = await pipeline(ae), await pipeline(admin)
            team_sums, all_sums = await forecast_sums(rsm, fiscal_year), await forecast_sums(vp, fiscal_year)
            targets = [rng.choice(theirs) for _ in range(args.warmup + args.requests)]
            tokens = {name: await login(client, name, password) for name in (args.ae, "admin", "rsm.east", "vp.sales")}

            async def pipeline_round(i):
                params = {"open_only": "true", "limit": PAGE}
                return [("gw_ae", gateway_get(client, tokens[args.ae], "/api/v1/opportunities", params)),
                        ("gw_admin", gateway_get(client, tokens["admin"], "/api/v1/opportunities", params)),
                        ("sql_f", in_transaction(engine, rows_of(mine))),
                        ("sql_u", in_transaction(engine, rows_of(everyone)))]

            async def detail_round(i):
                path = f"/api/v1/opportunities/{targets[i]}"
                return [("gw_ae", gateway_get(client, tokens[args.ae], path)),
                        ("gw_admin", gateway_get(client, tokens["admin"], path)),
                        ("sql_f", detail(sessions, ae, targets[i])), ("sql_u", detail(sessions, admin, targets[i]))]

            async def forecast_round(i):
                params = {"period": "quarter", "fiscal_year": fiscal_year}
                return [("gw_rsm", gateway_get(client, tokens["rsm.east"], FORECAST_ROUTE, params)),
                        ("gw_vp", gateway_get(client, tokens["vp.sales"], FORECAST_ROUTE, params)),
                        ("sql_f", in_transaction(engine, rows_of(team_sums))),
                        ("sql_u", in_transaction(engine, rows_of(all_sums)))]

            sections = {"a": pipeline_round, "b": detail_round}
            if FORECAST_ROUTE in paths:
                sections["c"] = forecast_round
            processes = {name: psutil.Process(platform.process(name).popen.pid) for name in ("gateway", "sales")}
            load = os.getloadavg()[0]
            results: dict[str, dict[str, list[float]]] = {}
            cpu: dict[str, dict[str, float]] = {}
            for key, variants in sections.items():
                tokens = {name: await login(client, name, password) for name in tokens}  # fresh: tokens expire
                before = {name: sum(p.cpu_times()[:2]) for name, p in processes.items()}
                results[key] = await run_section(args.requests, args.warmup, variants)
                calls = 2 * (args.requests + args.warmup)  # two gateway variants per round
                cpu[key] = {name: (sum(p.cpu_times()[:2]) - before[name]) * 1000 / calls
                            for name, p in processes.items()}
            load_after = os.getloadavg()[0]
        report(args, results, cpu, (load, load_after), FORECAST_ROUTE in paths)
        print("\nEXPLAIN (ANALYZE, BUFFERS)")
        for label, stmt in (("a. pipeline, AE", mine), ("a. pipeline, admin", everyone),
                            ("c. forecast sums, RSM", team_sums), ("c. forecast sums, VP", all_sums)):
            print(f"  {label}: {await explain(engine, stmt, index_kinds)}")
    finally:
        await engine.dispose()


def report(args, results, cpu, load: tuple[float, float], has_forecast: bool) -> None:
    print(f"\nsales reads, {args.requests} sequential requests each, ms (visibility = SQL filtered / unfiltered "
          f"at p50; targets: gateway p99 < {P99_TARGET:.0f} ms, visibility <= {VISIBILITY_TARGET}x)")
    head = ("", "gateway AE", "gateway admin", "SQL filtered", "SQL unfiltered", "visibility", "p99", "vis")
    print(f"{head[0]:30}{head[1]:>16}{head[2]:>16}{head[3]:>16}{head[4]:>16}{head[5]:>11}{head[6]:>7}{head[7]:>6}")
    print(f"{'':30}" + f"{'p50':>8}{'p99':>8}" * 4)
    for key, title in (("a", "a. AE pipeline (open, 50)"), ("b", "b. opportunity detail")):
        s = results[key]
        cells = "".join(f"{pct(s[n], 50):8.1f}{pct(s[n], 99):8.1f}" for n in ("gw_ae", "gw_admin", "sql_f", "sql_u"))
        ratio = pct(s["sql_f"], 50) / pct(s["sql_u"], 50)
        p99 = "PASS" if pct(s["gw_ae"], 99) < P99_TARGET else "MISS"
        print(f"{title:30}{cells}{ratio:10.2f}x{p99:>7}{'PASS' if ratio <= VISIBILITY_TARGET else 'MISS':>6}")
    if has_forecast:
        s = results["c"]
        cells = "".join(f"{pct(s[n], 50):8.1f}{pct(s[n], 99):8.1f}" for n in ("gw_rsm", "gw_vp", "sql_f", "sql_u"))
        ratio = pct(s["sql_f"], 50) / pct(s["sql_u"], 50)
        p99 = "PASS" if max(pct(s["gw_rsm"], 99), pct(s["gw_vp"], 99)) < P99_TARGET else "MISS"
        print(f"{'c. forecast grid (RSM | VP)':30}{cells}{ratio:10.2f}x{p99:>7}"
              f"{'PASS' if ratio <= VISIBILITY_TARGET else 'MISS':>6}")
        print(f"{'':30}(c: 'gateway AE' is the RSM, 'gateway admin' the VP; SQL filtered is the RSM's statement)")
    else:
        print(f"c. forecast grid: the gateway has no {FORECAST_ROUTE} yet: not measured")
    print("(CPU per gateway request: " + "; ".join(
        f"{k} gateway {c['gateway']:.1f} ms, sales {c['sales']:.1f} ms" for k, c in cpu.items())
          + f"; load average {load[0]:.1f} before, {load[1]:.1f} after, on {os.cpu_count()} CPUs)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--opportunities", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=300, help="measured rounds per query")
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--ae", default="ae.sa", help="the AE measured (demo username)")
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--keep", action="store_true", help="keep the bench databases and data dir")
    args = parser.parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="crm-bench-"))
    quiet = {f"CRM_{p}_LOG_LEVEL": "WARNING" for p in ("GATEWAY", "ACCOUNTS", "LEADS", "INTEGRATION", "SALES")}
    with running_platform(data_dir, extra_env=quiet, keep=args.keep) as run:
        asyncio.run(bench(args, run.platform, database_url(run.infra.postgres.url, f"{run.prefix}_sales"),
                          run.password))


if __name__ == "__main__":
    main()
