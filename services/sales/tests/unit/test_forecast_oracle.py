"""Forecasts (OPP-3, S5) against an independent oracle, on a seeded generator of about 1,500
opportunities over two fiscal years for 10 AEs (two RSMs' teams of five, under one VP) and 3 SDRs.

The generator lives through every day of the two years through the domain model (creations, stage moves,
wins, losses, reopens, amount, currency, close-date, committed and owner changes), writing each change as
the history row the repository would write. At the end of sampled days the oracle, plain Python written
apart from the implementation, takes the snapshot the live report shows that day; the implementation,
given only the final opportunities and their history, must rebuild each such day (`as_of`) with 0 diffs,
and its live grid, roll-ups and drill-downs must match the oracle's on the final state.
"""
from __future__ import annotations

import random
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

import pytest
from crmkit.errors import InvalidInput

from crm_sales.domain import forecast
from crm_sales.domain.events import Change
from crm_sales.domain.fiscal import FiscalCalendar
from crm_sales.domain.model import Opportunity
from crm_sales.domain.stages import DEFAULT_LOSS_REASONS, DEFAULT_STAGES, SalesProcess

PROCESS = SalesProcess(DEFAULT_STAGES, DEFAULT_LOSS_REASONS)
AES = [f"ae-{n:02d}" for n in range(1, 11)]
SDRS = ["sdr-1", "sdr-2", "sdr-3"]
ORG = {**{ae: "rsm-1" for ae in AES[:5]}, **{ae: "rsm-2" for ae in AES[5:]}, "rsm-1": "vp", "rsm-2": "vp"}
RATES = {"USD": Decimal(1), "EUR": Decimal("1.08531"), "JPY": Decimal("0.0066721")}
OPEN = ["prospecting", "qualification", "proposal", "negotiation", "verbal_commit"]
START_MONTH = 4  # FY2027 runs 2026-04-01 .. 2027-03-31
FIRST_DAY, DAYS, TARGET = date(2025, 4, 1), 730, 1500


class World:
    """The seeded life of the opportunities: the live objects and the history rows written."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.opportunities: dict[str, Opportunity] = {}
        self.history: dict[str, list[Change]] = defaultdict(list)
        self.written: dict[str, int] = defaultdict(int)

    def _flush(self, o: Opportunity) -> None:
        changes = [e for e in o.events if isinstance(e, Change)]
        self.history[o.id].extend(changes[self.written[o.id]:])
        self.written[o.id] = len(changes)

    def create(self, n: int, at: datetime) -> None:
        rng = self.rng
        currency = rng.choices(list(RATES), weights=[6, 3, 1])[0]
        amount = Decimal(rng.randint(0, 5_000_000)) / (1 if currency == "JPY" else 100)
        o = Opportunity.open(process=PROCESS, by="ae", now=at, id=f"opp-{n:05d}", account_id=f"acct-{n % 300}",
                             name=f"deal {n}", type="net_new", amount=amount, currency=currency,
                             exchange_rate=RATES[currency], close_date=at.date() + timedelta(days=rng.randint(0, 300)),
                             owner_id=rng.choice(AES), sdr_id=rng.choice(["", *SDRS]), stage=rng.choice(OPEN[:3]))
        self.opportunities[o.id] = o
        self._flush(o)

    def edit(self, at: datetime) -> None:
        rng = self.rng
        o = self.opportunities[rng.choice(sorted(self.opportunities))]
        if o.stage == "closed_lost":
            if rng.random() < 0.3:
                o.reopen(rng.choice(OPEN), process=PROCESS, by="ae", now=at)
            else:
                o.edit({"amount": Decimal(rng.randint(0, 10_000))}, process=PROCESS, by="ae", now=at)
        else:
            kind = rng.choice(["stage", "stage", "stage", "amount", "close_date", "committed", "owner", "currency"])
            if kind == "stage":
                target = rng.choice([*OPEN, "closed_won", "closed_lost"])
                values: dict[str, object] = {"stage": target}
                if target == "closed_lost":
                    values["loss_reason"] = rng.choice(DEFAULT_LOSS_REASONS).code
                o.edit(values, process=PROCESS, by="ae", now=at)
            elif kind == "amount":
                o.edit({"amount": Decimal(rng.randint(0, 5_000_000)) / 100 if o.currency != "JPY"
                        else Decimal(rng.randint(0, 900_000))}, process=PROCESS, by="ae", now=at)
            elif kind == "close_date":
                o.edit({"close_date": o.close_date + timedelta(days=rng.randint(-60, 120))},
                       process=PROCESS, by="ae", now=at)
            elif kind == "committed":
                o.edit({"committed": not o.committed}, process=PROCESS, by="ae", now=at)
            elif kind == "owner":
                o.reassign(rng.choice(AES), by="rsm", now=at)
            else:
                currency = rng.choice(["USD", "EUR"])
                o.edit({"currency": currency, "amount": Decimal(rng.randint(0, 5_000_000)) / 100,
                        "exchange_rate": RATES[currency]}, process=PROCESS, by="ae", now=at)
        self._flush(o)


# ---- the oracle: plain Python, written apart from crm_sales.domain.{fiscal,forecast} ----

ORACLE_CATEGORY = {"prospecting": "pipeline", "qualification": "pipeline", "proposal": "pipeline",
                   "negotiation": "best_case", "verbal_commit": "commit"}


def oracle_period(day: date, kind: str, start_month: int) -> str:
    months_since = day.year * 12 + day.month - 1 - (start_month - 1)
    fiscal_year = months_since // 12 + (0 if start_month == 1 else 1)
    month = months_since % 12 + 1
    return f"FY{fiscal_year}-M{month:02d}" if kind == "month" else f"FY{fiscal_year}-Q{(month + 2) // 3}"


def oracle_category(stage: str, committed: bool) -> str:
    if stage == "closed_won":
        return "closed_won"
    if stage == "closed_lost":
        return "omitted"
    return "commit" if committed else ORACLE_CATEGORY[stage]


def oracle_usd(amount: Decimal, rate: Decimal) -> Decimal:
    return (amount * rate).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def snapshot(states, kind: str, fiscal_years: set[int]):
    """{(period, owner, category): (count, {currency: amount}, usd)} of `states` (tuples of the live fields)."""
    found: dict = {}
    for owner, stage, committed, amount, currency, rate, close_date in states:
        period = oracle_period(close_date, kind, START_MONTH)
        if int(period[2:6]) not in fiscal_years:
            continue
        key = (period, owner, oracle_category(stage, committed))
        count, by_currency, usd = found.get(key, (0, {}, Decimal(0)))
        by_currency = {**by_currency, currency: by_currency.get(currency, Decimal(0)) + amount}
        found[key] = (count + 1, by_currency, usd + oracle_usd(amount, rate))
    return found


def live_state(o: Opportunity):
    return (o.owner_id, o.stage, o.committed, o.amount, o.currency, o.exchange_rate, o.close_date)


def as_implemented(grid: forecast.Forecast):
    return {key: (cell.count, {c: a for c, a in cell.amounts}, cell.converted) for key, cell in grid.cells.items()}


@pytest.fixture(scope="module")
def world():
    """Two fiscal years lived day by day, with the oracle's snapshots of sampled days."""
    w = World(seed=20270401)
    sample = set(w.rng.sample(range(DAYS), 45)) | {DAYS - 1}
    snapshots: dict[date, dict] = {}
    for d in range(DAYS):
        day = FIRST_DAY + timedelta(days=d)
        moments = sorted(datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(seconds=w.rng.randint(0, 86399))
                         for _ in range(10))
        for i, at in enumerate(moments):
            created = len(w.opportunities)
            if created < TARGET and (i < 2 or (i == 2 and w.rng.random() < 0.06)):
                w.create(created, at)
            elif w.opportunities:
                w.edit(at)
        if d in sample:
            states = [live_state(o) for o in w.opportunities.values()]
            snapshots[day] = {kind: snapshot(states, kind, {2026, 2027}) for kind in ("month", "quarter")}
    return w, snapshots


CALENDAR = FiscalCalendar(START_MONTH)


def periods(kind: str):
    return CALENDAR.periods(kind, 2026) + CALENDAR.periods(kind, 2027)


def test_the_generator_makes_about_1500_opportunities_with_rich_histories(world):
    w, snapshots = world
    assert 1400 <= len(w.opportunities) <= 1500
    stages = {c.to_value for rows in w.history.values() for c in rows if c.field == "stage"}
    assert set(OPEN) | {"closed_won", "closed_lost"} <= stages
    fields = {c.field for rows in w.history.values() for c in rows if c.from_value != ""}
    assert {"stage", "amount", "currency", "close_date", "committed", "owner_id"} <= fields
    assert any(c.reason == "reopen" for rows in w.history.values() for c in rows)
    assert len(snapshots) >= 40


@pytest.mark.parametrize("kind", ["month", "quarter"])
def test_the_live_forecast_equals_the_oracle(world, kind):
    w, _ = world
    lines = [forecast.line_of(o) for o in w.opportunities.values()]
    grid = forecast.build(lines, process=PROCESS, calendar=CALENDAR, periods=periods(kind), currency="USD")
    expected = snapshot([live_state(o) for o in w.opportunities.values()], kind, {2026, 2027})
    assert as_implemented(grid) == expected
    assert {category for _, _, category in grid.cells} == {"pipeline", "best_case", "commit", "closed_won", "omitted"}


@pytest.mark.parametrize("kind", ["month", "quarter"])
def test_as_of_every_sampled_day_equals_that_days_live_snapshot(world, kind):
    """S5: the forecast rebuilt from history equals, with 0 diffs, what the live report showed that day."""
    w, snapshots = world
    final = list(w.opportunities.values())
    for day, expected in sorted(snapshots.items()):
        moment = forecast.end_of(day)
        lines = [line for o in final
                 if (line := forecast.as_it_stood(forecast.line_of(o), o.created_at, w.history[o.id], moment))]
        grid = forecast.build(lines, process=PROCESS, calendar=CALENDAR, periods=periods(kind), currency="USD")
        assert as_implemented(grid) == expected[kind], day


def test_rsm_and_vp_roll_ups_equal_the_sum_of_their_aes_cells_to_the_cent(world):
    w, _ = world
    lines = [forecast.line_of(o) for o in w.opportunities.values()]
    grid = forecast.build(lines, process=PROCESS, calendar=CALENDAR, periods=periods("quarter"), currency="USD")
    teams = forecast.teams(grid.owners, ORG)
    assert set(teams) == {"rsm-1", "rsm-2", "vp"} and teams["vp"] == frozenset(AES)
    for manager, members in {"rsm-1": AES[:5], "rsm-2": AES[5:], "vp": AES}.items():
        rollup = grid.rollup(teams[manager])
        for period in periods("quarter"):
            for category in ("pipeline", "best_case", "commit", "closed_won", "omitted"):
                usd = sum((oracle_usd(o.amount, o.exchange_rate) for o in w.opportunities.values()
                           if o.owner_id in members and oracle_category(o.stage, o.committed) == category
                           and oracle_period(o.close_date, "quarter", START_MONTH) == period.key), Decimal(0))
                assert rollup.get((period.key, category), forecast.EMPTY).converted == usd
    assert grid.rollup() == grid.rollup(teams["vp"])
    total = sum((c.converted for c in grid.rollup(teams["rsm-1"]).values()), Decimal(0)) + \
        sum((c.converted for c in grid.rollup(teams["rsm-2"]).values()), Decimal(0))
    assert total == sum((c.converted for c in grid.rollup().values()), Decimal(0))


def test_a_cells_drill_down_lists_exactly_the_opportunities_behind_it(world):
    w, _ = world
    lines = [forecast.line_of(o) for o in w.opportunities.values()]
    grid = forecast.build(lines, process=PROCESS, calendar=CALENDAR, periods=periods("quarter"), currency="USD")
    for (period_key, owner, category), cell in list(grid.cells.items())[:60]:
        behind = forecast.in_cell(lines, process=PROCESS, calendar=CALENDAR, period=CALENDAR.parse_key(period_key),
                                  owner_id=owner, category=category)
        expected = sorted(o.id for o in w.opportunities.values() if o.owner_id == owner
                          and oracle_period(o.close_date, "quarter", START_MONTH) == period_key
                          and oracle_category(o.stage, o.committed) == category)
        assert sorted(line.opportunity_id for line in behind) == expected and len(expected) == cell.count


@pytest.mark.parametrize("start_month", range(1, 13))
def test_the_fiscal_calendar_against_the_oracle_for_every_start_month(start_month):
    calendar = FiscalCalendar(start_month)
    day = date(2025, 1, 1)
    while day < date(2028, 1, 1):
        for kind in ("month", "quarter"):
            period = calendar.period_of(day, kind)
            assert period.key == oracle_period(day, kind, start_month)
            assert period.start <= day <= period.end and calendar.parse_key(period.key) == period
        day += timedelta(days=1)
    year = calendar.periods("month", 2027)
    assert year[0].start == date(2027 if start_month == 1 else 2026, start_month, 1)
    assert all(a.end + timedelta(days=1) == b.start for a, b in zip(year, year[1:], strict=False))
    assert calendar.periods("quarter", 2027)[3].end == year[11].end


def test_period_keys_name_their_dates():
    calendar = FiscalCalendar(2)
    q1 = calendar.parse_key("FY2027-Q1")
    assert (q1.start, q1.end) == (date(2026, 2, 1), date(2026, 4, 30))
    m12 = calendar.parse_key("FY2027-M12")
    assert (m12.key, m12.start, m12.end) == ("FY2027-M12", date(2027, 1, 1), date(2027, 1, 31))
    assert FiscalCalendar().parse_key("FY2028-M02").end == date(2028, 2, 29)
    for bad in ("FY2027-Q5", "FY2027-M13", "FY2027-M00", "2027-Q1", "FY27-Q1", ""):
        with pytest.raises(InvalidInput) as refused:
            calendar.parse_key(bad)
        assert refused.value.problems[0].field == "period_key"


def test_attainment_is_closed_won_over_quota_as_a_percentage():
    assert forecast.attainment(Decimal("1250.00"), Decimal("5000.00")) == Decimal("25.00")
    assert forecast.attainment(Decimal("1"), Decimal("3")) == Decimal("33.33")
    assert forecast.attainment(Decimal("2"), Decimal("3")) == Decimal("66.67")
    assert forecast.attainment(Decimal("10"), Decimal("0")) is None


def test_the_live_grid_from_summed_groups_equals_the_grid_of_the_lines(world):
    """What SQL sums (by owner, stage, committed, currency, close month) builds the same grid as the lines."""
    w, _ = world
    lines = [forecast.line_of(o) for o in w.opportunities.values()]
    sums: dict[tuple, list] = {}
    for line in lines:
        key = (line.owner_id, line.stage, line.committed, line.currency, line.close_date.replace(day=1))
        total = sums.setdefault(key, [Decimal(0), Decimal(0), 0])
        total[0] += line.amount
        total[1] += oracle_usd(line.amount, line.exchange_rate)
        total[2] += 1
    groups = [forecast.Group(*key, amount, usd, n) for key, (amount, usd, n) in sums.items()]
    for kind in ("month", "quarter"):
        from_lines = forecast.build(lines, process=PROCESS, calendar=CALENDAR, periods=periods(kind), currency="USD")
        from_groups = forecast.build_groups(groups, process=PROCESS, calendar=CALENDAR, periods=periods(kind),
                                            currency="USD")
        assert from_groups == from_lines
