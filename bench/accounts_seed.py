"""Seed data for bench/accounts.py: accounts, contacts, kiosks, sales orders and finance written
straight into the accounts service's database with COPY (no API, no events), then VACUUM ANALYZE.

Shape (at the issue's scale): 2% of the accounts are customer companies at the top (sizes skewed:
a few national chains, many small ones), 10% are prospects, the rest offices and kiosk locations
under the companies (kiosk locations under the company or one of its offices). States are spread
evenly over the territory map the service replicated, 60% of a company's locations in its own
state; every account is owned by the AE of its territory. Contacts carry one or two emails and
phones in the formats people type, and the search keys the service itself computes
(crm_accounts.domain.search). Deterministic for a given --seed.
"""
from __future__ import annotations

import functools
import json
import random
import re
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import asyncpg
from vocabulary import ADJECTIVES, CITIES, FIRST, LAST, NOUNS, SUFFIXES, TITLES  # noqa: E402

from crm_accounts.domain.search import email_key, fold, name_key, phone_key

ROLES = ("IT", "Executive Management", "Marketing", "")
MODELS = ("K-200 Countertop", "K-400 Floor", "K-450 Outdoor", "K-600 Drive-Thru", "K-800 Wall")
SYSTEMS = ("Windows 10 IoT", "Windows 11 IoT", "Android 12", "Android 13", "Ubuntu Core 22")
EPOCH = datetime(2021, 1, 1, tzinfo=UTC)

ACCOUNT_COLUMNS = ("id", "name", "customer_accounting_id", "type", "subtype", "status", "parent_id", "key_account",
                   "street", "city", "state", "postal_code", "country", "phone", "website", "owner_id",
                   "number_of_locations", "created_at", "updated_at", "version")
CONTACT_COLUMNS = ("id", "account_id", "first_name", "last_name", "title", "role", "emails", "phones", "holiday_card",
                   "status", "linkedin_url", "created_at", "updated_at", "version", "name_key", "email_key",
                   "phone_key")
KIOSK_COLUMNS = ("id", "serial_number", "model", "operating_system", "software_version", "install_date",
                 "warranty_end_date", "location_account_id", "created_at", "updated_at", "version")
ORDER_COLUMNS = ("sales_order_number", "account_id", "po_number", "customer_accounting_id", "salesperson",
                 "territory", "order_date", "ship_date", "total_amount", "currency", "updated_at")
FINANCE_COLUMNS = ("customer_accounting_id", "as_of_date", "account_id", "mtd_sales", "ytd_sales", "prior_ytd_sales",
                   "credit_limit", "past_due_amount", "currency", "updated_at")


@dataclass
class Seeded:
    counts: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    phones: list[str] = field(default_factory=list)  # a sample of the seeded phone numbers, as typed


class _Gen:
    def __init__(self, seed: int, ae_by_territory: dict[str, tuple[str, str]], territory_of: dict[str, str]):
        self.rng = random.Random(seed)
        self.ae, self.territory_of = ae_by_territory, territory_of
        self.states = sorted(territory_of)
        self.area_codes = self.rng.sample(range(201, 990), 180)
        self.now = datetime.now(UTC)
        self.today = self.now.date()

    def uid(self) -> uuid.UUID:
        return uuid.UUID(bytes=self.rng.randbytes(16), version=4)

    def stamp(self) -> datetime:
        return EPOCH + timedelta(seconds=self.rng.uniform(0, (self.now - EPOCH).total_seconds()))

    def phone(self) -> str:
        r = self.rng
        a, e, n = r.choice(self.area_codes), r.randint(200, 999), r.randint(0, 9999)
        pick = r.random()
        if pick < 0.30:
            return f"({a}) {e}-{n:04d}"
        if pick < 0.50:
            return f"{a}.{e}.{n:04d}"
        if pick < 0.65:
            return f"+1 {a} {e} {n:04d} x{r.randint(1, 999)}"
        if pick < 0.90:
            return f"{a}-{e}-{n:04d}"
        return f"{a}{e}{n:04d}"

    def account(self, name: str, kind: str, subtype: str, parent: uuid.UUID | None, state: str,
                accounting_id: str | None = None) -> list:
        r, created = self.rng, self.stamp()
        canadian = self.territory_of[state] == "CAN"
        postal = (f"{r.choice('ABCEGHJKLMNPRSTVXY')}{r.randint(0, 9)}{r.choice('ABCEGHJKLMNPRSTVWXYZ')} "
                  f"{r.randint(0, 9)}{r.choice('ABCEGHJKLMNPRSTVWXYZ')}{r.randint(0, 9)}") if canadian \
            else f"{r.randint(1000, 99999):05d}"
        website = f"www.{re.sub(r'[^a-z0-9]', '', fold(name))[:40]}.example" if not parent else ""
        return [self.uid(), name, accounting_id, kind, subtype, "active" if r.random() < 0.97 else "inactive",
                parent, False, f"{r.randint(1, 9999)} {r.choice(ADJECTIVES)} {r.choice(('St', 'Ave', 'Blvd', 'Rd'))}",
                r.choice(CITIES), state, postal, "CA" if canadian else "US", self.phone(), website,
                self.ae[self.territory_of[state]][0], 0, created, created, 1]


def _accounts(g: _Gen, total: int) -> tuple[list[list], list[list], dict]:
    """Rows of every account, the companies among them, and the email domain of each account id."""
    r = g.rng
    n_companies, n_prospects = max(10, total // 50), total // 10
    n_children = total - n_companies - n_prospects
    names: set[str] = set()

    def company_name() -> str:
        base = f"{r.choice(ADJECTIVES)} {r.choice(NOUNS)} {r.choice(SUFFIXES)}"
        name, n = base, 2
        while name in names:
            name, n = f"{base} {n}", n + 1
        names.add(name)
        return name

    companies = [g.account(company_name(), "customer", "", None, r.choice(g.states), f"C{100000 + i}")
                 for i in range(n_companies)]
    domain = {row[0]: re.sub(r"[^a-z0-9]", "", fold(row[1]))[:30] + ".example" for row in companies}
    weights = [1 / (i + 1) ** 0.7 for i in range(n_companies)]  # a few national chains, many small companies
    children_of: dict[int, int] = {}
    for c in r.choices(range(n_companies), weights, k=n_children):
        children_of[c] = children_of.get(c, 0) + 1
    rows: list[list] = list(companies)
    by_id = {row[0]: row for row in companies}
    for c, count in children_of.items():
        company = companies[c]
        offices = []
        for k in range(count):
            state = company[10] if r.random() < 0.6 else r.choice(g.states)
            city = r.choice(CITIES)
            if k < count // 20:
                row = g.account(f"{company[1]} – {city} Office {k + 1}", "customer", "office", company[0], state)
                offices.append(row)
            else:
                parent = r.choice(offices) if offices and r.random() < 0.5 else company
                row = g.account(f"{company[1]} – {city} #{k + 1}", "customer", "kiosk_location", parent[0], state)
            rows.append(row)
            by_id[row[0]] = row
            domain[row[0]] = domain[company[0]]
    for _ in range(n_prospects):
        row = g.account(f"{r.choice(ADJECTIVES)} {r.choice(NOUNS)} {r.choice(SUFFIXES)}", "prospect", "",
                        None, r.choice(g.states))
        rows.append(row)
        domain[row[0]] = re.sub(r"[^a-z0-9]", "", fold(row[1]))[:30] + ".example"
    for row in rows:  # number_of_locations: active offices and kiosk locations at any depth below
        if row[4] and row[5] == "active":
            parent = by_id[row[6]]
            parent[16] += 1
            if parent[6] is not None:
                by_id[parent[6]][16] += 1
    return rows, companies, domain


_name_key = functools.cache(name_key)  # the service's own function, once per distinct name


@functools.cache
def _local_part(first: str, last: str) -> str:
    return f"{re.sub(r'[^a-z]', '', fold(first))}.{re.sub(r'[^a-z]', '', fold(last))}"


def _contacts(g: _Gen, total: int, accounts: list[list], companies: list[list], domain: dict,
              sample: list[str]) -> list[tuple]:
    r, rows = g.rng, []
    for i in range(total):
        account = r.choice(companies) if r.random() < 0.2 else r.choice(accounts)
        first, last = r.choice(FIRST), r.choice(LAST)
        local = _local_part(first, last)
        emails = [f"{local}{i % 97 or ''}@{domain[account[0]]}"]
        if r.random() < 0.3:
            emails.append(f"{local[0]}{local.split('.')[1]}{i % 89}@gmail.example")
        phones = [{"number": g.phone(), "type": "work", "extension": ""}]
        if r.random() < 0.5:
            phones.append({"number": g.phone(), "type": "mobile", "extension": ""})
        if len(sample) < 5000 and r.random() < 0.05:
            sample.append(r.choice(phones)["number"])
        created = g.stamp()
        rows.append((g.uid(), account[0], first, last, r.choice(TITLES), r.choice(ROLES),
                     json.dumps([{"address": e, "primary": n == 0} for n, e in enumerate(emails)]),
                     json.dumps(phones), r.random() < 0.3, "active" if r.random() < 0.95 else "inactive",
                     "", created, created, 1, _name_key(first, last), email_key(emails),
                     phone_key(p["number"] for p in phones)))
    return rows


def _kiosks(g: _Gen, total: int, locations: list[uuid.UUID]) -> list[tuple]:
    r, rows = g.rng, []
    for i in range(total):
        installed = g.today - timedelta(days=r.randint(0, 6 * 365))
        warranty = installed + timedelta(days=3 * 365) if r.random() < 0.95 else None
        created = g.stamp()
        rows.append((g.uid(), f"KSK-{i + 1:08d}", r.choice(MODELS), r.choice(SYSTEMS),
                     f"{r.randint(3, 5)}.{r.randint(0, 9)}.{r.randint(0, 30)}", installed, warranty,
                     r.choice(locations), created, created, 1))
    return rows


def _money(g: _Gen, low: int, high: int) -> Decimal:
    return Decimal(g.rng.randint(low * 100, high * 100)).scaleb(-2)


def _erp(g: _Gen, total: int, companies: list[list]) -> tuple[list[tuple], list[tuple]]:
    r, orders, finance = g.rng, [], []
    weights = [1 / (i + 1) ** 0.7 for i in range(len(companies))]
    currency = {row[0]: "CAD" if row[12] == "CA" else "USD" for row in companies}
    for i, c in enumerate(r.choices(range(len(companies)), weights, k=total)):
        company = companies[c]
        ordered = g.today - timedelta(days=r.randint(0, 3 * 365))
        shipped = ordered + timedelta(days=r.randint(1, 30))
        territory = g.territory_of[company[10]]
        orders.append((f"SO{i + 1:08d}", company[0], f"PO-{r.randint(10000, 99999)}", company[2],
                       g.ae[territory][1], territory, ordered, shipped if shipped <= g.today else None,
                       _money(g, 500, 250_000), currency[company[0]], g.now))
    month_end = g.today.replace(day=1) - timedelta(days=1)
    for company in companies:
        ends = [month_end] + ([month_end.replace(day=1) - timedelta(days=1)] if r.random() < 0.5 else [])
        for as_of in ends:
            ytd = _money(g, 10_000, 5_000_000)
            finance.append((company[2], as_of, company[0], _money(g, 0, 400_000), ytd, _money(g, 10_000, 5_000_000),
                            _money(g, 50_000, 2_000_000), _money(g, 0, 50_000), currency[company[0]], g.now))
    return orders, finance


async def _required(conn, table: str, columns: tuple[str, ...], optional: tuple[str, ...] = ()) -> set[str]:
    """Refuse to seed a table with a NOT NULL column this module does not know and that has no default
    (the schema moved on: teach this module the column); answers which `optional` columns exist."""
    rows = await conn.fetch("select column_name, is_nullable = 'NO' and column_default is null as required "
                            "from information_schema.columns where table_name = $1", table)
    unknown = [r["column_name"] for r in rows if r["required"] and r["column_name"] not in columns]
    if unknown:
        raise RuntimeError(f"{table} has required columns the seeder does not fill: {unknown}")
    return {r["column_name"] for r in rows} & set(optional)


async def seed(dsn: str, *, accounts: int, contacts: int, kiosks: int, orders: int, seed: int = 3) -> Seeded:
    """Fill the accounts database at `dsn` (its users and territory replicas must be there)."""
    out, started = Seeded(), time.perf_counter()
    conn = await asyncpg.connect(dsn.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        territory_of = {r["state"]: r["territory"]
                        for r in await conn.fetch("select state, territory from territory_states")}
        ae_by_territory = {}
        for r in await conn.fetch("select id, username, territories from users where role = 'ae' and active"
                                  " order by id"):
            for t in r["territories"]:
                ae_by_territory.setdefault(t, (r["id"], r["username"]))
        g = _Gen(seed, ae_by_territory, territory_of)
        account_rows, companies, domain = _accounts(g, accounts)
        contact_rows = _contacts(g, contacts, account_rows, companies, domain, out.phones)
        locations = [row[0] for row in account_rows if row[4] == "kiosk_location"]
        kiosk_rows = _kiosks(g, kiosks, locations)
        order_rows, finance_rows = _erp(g, orders, companies)
        out.seconds["generate"] = time.perf_counter() - started
        # name_key (the company-name key imports match on, migration 0005) keeps its default: the
        # service computes it nowhere the seed could call, and no read benchmarked here uses it.
        account_columns = ACCOUNT_COLUMNS
        tables = [("accounts", account_columns, account_rows), ("contacts", CONTACT_COLUMNS, contact_rows),
                  ("kiosks", KIOSK_COLUMNS, kiosk_rows)]
        if await conn.fetchval("select to_regclass('sales_orders') is not null and "
                               "to_regclass('account_finance') is not null"):
            tables += [("sales_orders", ORDER_COLUMNS, order_rows), ("account_finance", FINANCE_COLUMNS, finance_rows)]
        for table, columns, _ in tables[1:]:
            await _required(conn, table, columns)
        for table, columns, rows in tables:
            t = time.perf_counter()
            await conn.copy_records_to_table(table, records=[tuple(row) for row in rows], columns=columns)
            out.counts[table], out.seconds[f"copy {table}"] = len(rows), time.perf_counter() - t
        t = time.perf_counter()
        for table, _, _ in tables:  # also sets the visibility map, as autovacuum would have on a live table
            await conn.execute(f"vacuum (analyze) {table}")
        out.seconds["vacuum analyze"] = time.perf_counter() - t
    finally:
        await conn.close()
    out.seconds["total"] = time.perf_counter() - started
    return out
