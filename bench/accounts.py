"""Benchmark: account reads at scale through the gateway (issue 3), each beside the same query run
directly in SQL in the same run. Run by hand:

    .venv/bin/python bench/accounts.py [--accounts 100000] [--contacts 300000] [--kiosks 200000]
                                       [--requests 300] [--ae ae.sa] [--keep]

Starts the platform on fresh databases (its own NATS), loads the demo organisation, waits until the
accounts service has replicated its users and territories, then seeds the accounts database
directly with COPY (bench/accounts_seed.py). For each of
  a. an AE's first page of accounts    GET /api/v1/accounts?limit=50
  b. a contact search by phone          GET /api/v1/search/contacts?q=<4-6 digits of a seeded phone>
  c. an account overview                GET /api/v1/accounts/{id}/overview (a company in the AE's territory)
it measures sequential requests after a warm-up, round-robin in one loop so every variant sees the
same conditions: the gateway as the AE and as admin; the service's own query for the AE, built by
its repository (a: AccountRepository.page over readable(), b: ContactRepository.search), run over
SQLAlchemy/asyncpg in a transaction ("SQL filtered"), and the same query without any visibility
predicate ("SQL unfiltered"); for c, the service's own account_overview() in its unit of work on
our engine, as the AE ("filtered") and as admin, whose visibility predicates are constant true
("unfiltered"). Visibility cost = filtered / unfiltered at p50. Then EXPLAIN (ANALYZE, BUFFERS) of
a, b and the heaviest parts of c. Targets (issue 3): gateway p99 < 100 ms; visibility filtering
< 2x the unfiltered query. The bench databases are dropped at the end unless --keep.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
from datetime import date
from pathlib import Path

import asyncpg
import httpx
import psutil
from sqlalchemy import func, or_, select, true
from sqlalchemy.ext.asyncio import create_async_engine

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from accounts_seed import seed  # noqa: E402
from bench_platform import running_platform  # noqa: E402
from crmkit.db import async_url, make_session_factory  # noqa: E402
from crmkit.principal import Principal  # noqa: E402
from reads import (  # noqa: E402
    Capture,
    explain,
    gateway_get,
    in_transaction,
    login,
    pct,
    rows_of,
    run_section,
    wait_for_directory,
)

from crm_accounts.adapters.orm import accounts, contacts, messaging  # noqa: E402
from crm_accounts.adapters.records import ContactRepository, KioskRepository  # noqa: E402
from crm_accounts.adapters.repository import AccountRepository, accounts_with_territory, contains, readable, territory  # noqa: E402
from crm_accounts.domain.commands import ListAccounts  # noqa: E402
from crm_accounts.domain.listing import ACCOUNT_SORTING  # noqa: E402
from crm_accounts.domain.search import search_terms  # noqa: E402
from crm_accounts.service_layer.overview import SHOWN, account_overview  # noqa: E402
from crm_accounts.service_layer.unit_of_work import AccountsUnitOfWork  # noqa: E402
from crmctl.platform import Platform, database_url  # noqa: E402

PAGE, SEARCH_LIMIT = 50, 50
OVERVIEW_ROUTE = "/api/v1/accounts/{account_id}/overview"


# --- the statements -------------------------------------------------------------------------------

async def first_page(ae: Principal | None):
    """The service's query for GET /accounts?limit=50 (it asks one more row for the cursor); None: unfiltered."""
    if ae is None:
        return (select(accounts, territory, true().label("full")).select_from(accounts_with_territory)
                .order_by(accounts.c.name.asc(), accounts.c.id.asc()).limit(PAGE + 1))
    cap = Capture()
    await AccountRepository(cap).page(ae, ListAccounts(), sort=ACCOUNT_SORTING.parse(""), after=None, limit=PAGE + 1)
    return cap.stmt


async def contact_search(ae: Principal | None, q: str):
    """ContactRepository.search for `q`; None: the same match, order and limit, no visibility."""
    terms = search_terms(q)
    if ae is not None:
        cap = Capture()
        await ContactRepository(cap).search(ae, terms, limit=SEARCH_LIMIT)
        return cap.stmt
    matches = [contains(contacts.c.name_key, terms.text), contains(contacts.c.email_key, terms.text)]
    if terms.phone_digits is not None:
        matches.append(contains(contacts.c.phone_key, terms.phone_digits))
    return (select(contacts, accounts.c.status.label("account_status"), accounts.c.type.label("account_type"),
                   accounts.c.name.label("account_name"))
            .join(accounts, accounts.c.id == contacts.c.account_id).where(or_(*matches))
            .order_by(contacts.c.last_name, contacts.c.first_name, contacts.c.id).limit(SEARCH_LIMIT))


def overview(session_factory, principal: Principal, account_id: str):
    """The service's own GetAccountOverview use case, in its unit of work, on our engine."""
    async def call():
        uow = AccountsUnitOfWork(session_factory, messaging)
        return await account_overview(uow=uow, principal=principal, account_id=account_id, today=date.today())
    return call


async def overview_statements(principal: Principal, account_id: str) -> dict:
    """Two of the overview's statements as the repositories build them, for EXPLAIN."""
    children, kiosks = Capture(), Capture()
    await AccountRepository(children).children(principal, account_id, limit=SHOWN)
    await KioskRepository(kiosks).end_dates_below(principal, account_id)
    return {"children": children.stmt, "kiosks": kiosks.stmt}


# --- the run --------------------------------------------------------------------------------------

async def bench(args, platform: Platform, dsn: str, password: str) -> None:
    await wait_for_directory(dsn)
    seeded = await seed(dsn, accounts=args.accounts, contacts=args.contacts, kiosks=args.kiosks,
                        orders=args.orders, seed=args.seed)
    print(f"seeded {', '.join(f'{n:,} {t}' for t, n in seeded.counts.items())} in {seeded.seconds['total']:.1f} s ("
          + ", ".join(f"{k} {v:.1f} s" for k, v in seeded.seconds.items() if k != "total") + ")")
    engine = create_async_engine(async_url(dsn), pool_size=2)
    sessions = make_session_factory(engine)
    rng = random.Random(args.seed)
    try:
        pg = await asyncpg.connect(dsn)
        user = await pg.fetchrow("select id, username, territories from users where username = $1", args.ae)
        ae = Principal(user_id=user["id"], role="ae", username=user["username"], territories=tuple(user["territories"]))
        admin = Principal(user_id=await pg.fetchval("select id from users where username = 'admin'"), role="admin",
                          username="admin")  # scope ALL: its visibility predicates are constant true
        companies = [r["id"] for r in await pg.fetch(
            "select a.id::text from accounts a join territory_states t on t.state = a.state where a.parent_id is null"
            " and a.type = 'customer' and t.territory = any($1::text[]) order by a.number_of_locations desc, a.id",
            list(ae.territories))]
        index_kinds = {r["relname"]: r["amname"] + (" trigram" if "trgm" in r["relname"] else "")
                       for r in await pg.fetch("select c.relname, a.amname from pg_class c join pg_am a"
                                               " on a.oid = c.relam where c.relkind = 'i'")}
        await pg.close()
        async with engine.connect() as conn:
            visible = (await conn.execute(select(func.count()).select_from(readable(ae).subquery()))).scalar()
        print(f"AE {ae.username} (territories {', '.join(ae.territories)}) sees {visible:,} of {args.accounts:,}"
              f" accounts; {len(companies):,} companies in the territory;"
              f" {args.requests} measured rounds after {args.warmup}")
        async with httpx.AsyncClient(base_url=platform.url, timeout=30) as client:
            ae_token, admin_token = await login(client, args.ae, password), await login(client, "admin", password)
            paths = (await client.get("/openapi.json")).json()["paths"]
            has_overview = OVERVIEW_ROUTE in paths
            page_f, page_u = await first_page(ae), await first_page(None)
            fragments = [fragment(rng, rng.choice(seeded.phones)) for _ in range(args.warmup + args.requests)]
            targets = [rng.choice(companies) for _ in range(args.warmup + args.requests)]
            results: dict[str, dict[str, list[float]]] = {}
            cpu: dict[str, dict[str, float]] = {}

            async def page_round(i):
                return [("gw_ae", gateway_get(client, ae_token, "/api/v1/accounts", {"limit": PAGE})),
                        ("gw_admin", gateway_get(client, admin_token, "/api/v1/accounts", {"limit": PAGE})),
                        ("sql_f", in_transaction(engine, rows_of(page_f))),
                        ("sql_u", in_transaction(engine, rows_of(page_u)))]

            async def search_round(i):
                params = {"q": fragments[i], "limit": SEARCH_LIMIT}
                return [("gw_ae", gateway_get(client, ae_token, "/api/v1/search/contacts", params)),
                        ("gw_admin", gateway_get(client, admin_token, "/api/v1/search/contacts", params)),
                        ("sql_f", in_transaction(engine, rows_of(await contact_search(ae, fragments[i])))),
                        ("sql_u", in_transaction(engine, rows_of(await contact_search(None, fragments[i]))))]

            async def overview_round(i):
                path = OVERVIEW_ROUTE.format(account_id=targets[i])
                calls = [("gw_ae", gateway_get(client, ae_token, path)),
                         ("gw_admin", gateway_get(client, admin_token, path))] if has_overview else []
                return calls + [("sql_f", overview(sessions, ae, targets[i])),
                                ("sql_u", overview(sessions, admin, targets[i]))]

            processes = {name: psutil.Process(platform.process(name).popen.pid) for name in ("gateway", "accounts")}
            load = os.getloadavg()[0]
            for key, variants in (("a", page_round), ("b", search_round), ("c", overview_round)):
                ae_token, admin_token = await login(client, args.ae, password), await login(client, "admin", password)
                before = {name: sum(p.cpu_times()[:2]) for name, p in processes.items()}
                results[key] = await run_section(args.requests, args.warmup, variants)
                calls = 2 * (args.requests + args.warmup) if "gw_ae" in results[key] else 0
                cpu[key] = {name: (sum(p.cpu_times()[:2]) - before[name]) * 1000 / calls if calls else 0.0
                            for name, p in processes.items()}
            load = (load, os.getloadavg()[0])
            hits = [len((await client.get("/api/v1/search/contacts", params={"q": f, "limit": SEARCH_LIMIT},
                                          headers={"Authorization": f"Bearer {ae_token}"})).json()["items"])
                    for f in fragments[:50]]
        report(args, results, cpu, has_overview, statistics.mean(hits), load)
        print("\nEXPLAIN (ANALYZE, BUFFERS)")
        sample = fragments[-1]
        for label, stmt in (("a. first page, AE", page_f), ("a. first page, unfiltered", page_u),
                            (f"b. contact search q={sample!r}, AE", await contact_search(ae, sample)),
                            (f"b. contact search q={sample!r}, unfiltered", await contact_search(None, sample))):
            print(f"  {label}: {await explain(engine, stmt, index_kinds)}")
        largest = companies[0]  # the overview's worst case in the territory: the company with most locations
        mine, everyone = await overview_statements(ae, largest), await overview_statements(admin, largest)
        for label, stmt in (("c. children, AE", mine["children"]),
                            ("c. kiosks by warranty end date over the subtree, AE", mine["kiosks"]),
                            ("c. kiosks by warranty end date over the subtree, admin", everyone["kiosks"])):
            print(f"  {label} (largest company in the territory): {await explain(engine, stmt, index_kinds)}")
    finally:
        await engine.dispose()


def fragment(rng: random.Random, phone: str) -> str:
    """What someone types of a number they half remember: 4 to 6 of its digits, formatting included."""
    positions = [n for n, c in enumerate(phone) if c.isdigit()]
    want = rng.randint(4, 6)
    start = rng.randrange(len(positions) - want + 1)
    return phone[positions[start]:positions[start + want - 1] + 1]


def report(args, results: dict[str, dict[str, list[float]]], cpu: dict[str, dict[str, float]], has_overview: bool,
           mean_hits: float, load: tuple[float, float]) -> None:
    titles = {"a": "a. AE first page of accounts", "b": "b. contact search, phone fragment",
              "c": "c. account overview"}
    print(f"\naccount reads, {args.requests} sequential requests each, ms "
          f"(visibility = SQL filtered / unfiltered at p50; targets: gateway p99 < 100 ms, visibility < 2x)")
    head = ("", "gateway AE", "gateway admin", "SQL filtered", "SQL unfiltered", "visibility", "p99<100", "vis<2x")
    print(f"{head[0]:36}{head[1]:>16}{head[2]:>16}{head[3]:>16}{head[4]:>16}{head[5]:>11}{head[6]:>9}{head[7]:>8}")
    print(f"{'':36}" + f"{'p50':>8}{'p99':>8}" * 4)
    for key, title in titles.items():
        s = results[key]
        cells = []
        for name in ("gw_ae", "gw_admin", "sql_f", "sql_u"):
            cells.append(f"{pct(s[name], 50):8.1f}{pct(s[name], 99):8.1f}" if name in s else f"{'n/a':>8}{'':8}")
        ratio = pct(s["sql_f"], 50) / pct(s["sql_u"], 50)
        p99 = ("PASS" if pct(s["gw_ae"], 99) < 100 else "MISS") if "gw_ae" in s else "n/a"
        print(f"{title:36}{''.join(cells)}{ratio:10.1f}x{p99:>9}{'PASS' if ratio < 2 else 'MISS':>8}")
    print(f"(b: {mean_hits:.1f} contacts found per AE search on average; p99 visibility ratios: "
          + ", ".join(f"{k} {pct(results[k]['sql_f'], 99) / pct(results[k]['sql_u'], 99):.1f}x" for k in titles) + ")")
    print("(CPU per gateway request, AE and admin alike: " + "; ".join(
        f"{k} gateway {c['gateway']:.1f} ms, accounts {c['accounts']:.1f} ms" for k, c in cpu.items() if c["gateway"])
          + f"; load average {load[0]:.1f} before, {load[1]:.1f} after, on {os.cpu_count()} CPUs)")
    if not has_overview:
        print(f"(c: the gateway has no {OVERVIEW_ROUTE} yet: only its SQL equivalent was measured)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--accounts", type=int, default=100_000)
    parser.add_argument("--contacts", type=int, default=300_000)
    parser.add_argument("--kiosks", type=int, default=200_000)
    parser.add_argument("--orders", type=int, help="sales orders (default: 60%% of --accounts)")
    parser.add_argument("--requests", type=int, default=300, help="measured rounds per query")
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--ae", default="ae.sa", help="the AE measured (demo username)")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep the bench databases and data dir")
    args = parser.parse_args()
    args.orders = args.orders if args.orders is not None else args.accounts * 6 // 10
    data_dir = Path(tempfile.mkdtemp(prefix="crm-bench-"))
    quiet = {f"CRM_{p}_LOG_LEVEL": "WARNING" for p in ("GATEWAY", "ACCOUNTS", "LEADS", "INTEGRATION")}
    with running_platform(data_dir, extra_env=quiet, keep=args.keep) as run:
        asyncio.run(bench(args, run.platform, database_url(run.infra.postgres.url, f"{run.prefix}_accounts"),
                          run.password))


if __name__ == "__main__":
    main()
