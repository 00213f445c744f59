"""Seed data for bench/sales.py: the sales service's account-access read model, opportunities and
their history written straight into its database with COPY (no API, no events), then VACUUM ANALYZE.

Shape: one account per opportunity (the issue's 100,000 over 100,000), states spread evenly over
the territory map the service replicated, each account and its opportunity owned by the AE of its
territory; 60% open (spread over the five open stages, a quarter of them committed), 25% Closed Won,
15% Closed Lost with a loss reason; close dates over two fiscal years from this January; amounts
1,000.00 to 250,000.00 USD. Each opportunity carries the history rows the service writes on
creation, and one stage change when it left its first stage. Deterministic for a given seed.
"""
from __future__ import annotations

import random
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import asyncpg
from vocabulary import ADJECTIVES, NOUNS, SUFFIXES

OPEN_STAGES = ("prospecting", "qualification", "proposal", "negotiation", "verbal_commit")
PROBABILITY = {"prospecting": 10, "qualification": 20, "proposal": 50, "negotiation": 80, "verbal_commit": 90,
               "closed_won": 100, "closed_lost": 0}
LOSS_REASONS = ("price", "competitor", "no_budget", "no_decision", "product_fit")
ACCESS_COLUMNS = ("id", "name", "type", "status", "state", "owner_id", "version")
OPPORTUNITY_COLUMNS = ("id", "account_id", "name", "type", "stage", "stage_entered_at", "probability", "amount",
                       "currency", "close_date", "committed", "owner_id", "loss_reason", "lost_at_stage", "closed_at",
                       "created_by", "created_at", "updated_at", "version")
HISTORY_COLUMNS = ("opportunity_id", "field", "from_value", "to_value", "at", "by")


@dataclass
class Seeded:
    counts: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


def _rows(rng: random.Random, count: int, owners: list[tuple[str, str]], today: date):
    """(read-model rows, opportunity rows, history rows) for `count` accounts of the (state, owner) pairs."""
    start = date(today.year, 1, 1)
    now = datetime.now(UTC)
    access, opportunities, history = [], [], []
    for n in range(count):
        account_id, opportunity_id = uuid.UUID(bytes=rng.randbytes(16), version=4), uuid.UUID(bytes=rng.randbytes(16),
                                                                                              version=4)
        state, owner = owners[n % len(owners)]
        name = f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} {rng.choice(SUFFIXES)} {n}"
        customer = rng.random() < 0.7
        access.append((account_id, name, "customer" if customer else "prospect", "active", state, owner, 1))
        pick = rng.random()
        stage = rng.choice(OPEN_STAGES) if pick < 0.60 else "closed_won" if pick < 0.85 else "closed_lost"
        created = now - timedelta(days=rng.uniform(1, 400))
        entered = created + (now - created) * rng.uniform(0, 1) if stage != "prospecting" else created
        closed = entered if stage.startswith("closed") else None
        amount = Decimal(rng.randint(100_000, 25_000_000)) / 100
        close_date = start + timedelta(days=rng.randrange(730))
        committed = stage in OPEN_STAGES and rng.random() < 0.25
        lost = stage == "closed_lost"
        opportunities.append((
            opportunity_id, account_id, f"{name} kiosks", "add_on" if customer else "net_new", stage, entered,
            PROBABILITY[stage], amount, "USD", close_date, committed, owner,
            rng.choice(LOSS_REASONS) if lost else None, rng.choice(OPEN_STAGES) if lost else "", closed,
            owner, created, entered, 2 if stage != "prospecting" else 1))
        first = "prospecting"
        for name_, value in (("stage", first), ("amount", f"{amount:.2f}"), ("currency", "USD"),
                             ("close_date", close_date.isoformat()), ("committed", str(committed).lower()),
                             ("owner_id", owner)):
            history.append((opportunity_id, name_, "", value, created, owner))
        if stage != first:
            history.append((opportunity_id, "stage", first, stage, entered, owner))
    return access, opportunities, history


async def seed(dsn: str, *, opportunities: int, seed: int = 10) -> Seeded:
    """Fill the sales database at `dsn` (its users and territory replicas must be there)."""
    out, started = Seeded(), time.perf_counter()
    conn = await asyncpg.connect(dsn.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        owners = [(r["state"], r["id"]) for r in await conn.fetch(
            "select s.state, min(u.id) as id from territory_states s join users u"
            " on u.role = 'ae' and u.active and s.territory = any(u.territories) group by s.state order by s.state")]
        access, opportunity_rows, history = _rows(random.Random(seed), opportunities, owners, date.today())
        out.seconds["generate"] = time.perf_counter() - started
        for table, columns, rows in (("account_access", ACCESS_COLUMNS, access),
                                     ("opportunities", OPPORTUNITY_COLUMNS, opportunity_rows),
                                     ("opportunity_history", HISTORY_COLUMNS, history)):
            t = time.perf_counter()
            await conn.copy_records_to_table(table, records=rows, columns=columns)
            out.counts[table], out.seconds[f"copy {table}"] = len(rows), time.perf_counter() - t
            await conn.execute(f"vacuum (analyze) {table}")
    finally:
        await conn.close()
    out.seconds["total"] = time.perf_counter() - started
    return out
