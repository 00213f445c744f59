"""Forecasts (OPP-3, S5), pure: cells of fiscal period x owner x category, roll-ups, and the forecast as it
stood on a past date, rebuilt from the stage history.

Which cell an opportunity counts in:
- period: the fiscal month or quarter (crm_sales.domain.fiscal) of its expected close date;
- owner: its owner;
- category: its stage's forecast category (configurable data, crm_sales.domain.stages), except that
  an open opportunity the rep marked committed counts in commit (`forecast_category`): pipeline,
  best_case, commit, closed_won (Closed Won), omitted (Closed Lost). A stage no longer configured
  counts as omitted.

Amounts are exact decimals: each cell keeps the sum per currency as entered, and `converted`, the sum in
the corporate currency of each opportunity's amount times the exchange rate stored on it, rounded
half-up to the corporate currency's minor unit per opportunity before summing. Roll-ups add cells, so a
manager's total is the sum of the cells of the owners in their team, to the cent, by construction.

As of a past date D (`as_of`): the opportunities created by the end of D (UTC), each with its stage,
amount, currency, exchange rate, close date, committed flag and owner as they were then: the value the
first change after the end of D changed it from, or its current value when it has not changed since
(every change is a history row from -> to, S1, so only the rows since D are read). Categories are those of
the process as configured now. An instant (rather than a date) stands for itself: the rows at or before it
are the past. Opportunities unchanged since are summed like the live grid; only those changed since are
replayed one by one.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from crm_sales.domain.events import Change
from crm_sales.domain.fiscal import FiscalCalendar, Period
from crm_sales.domain.model import Opportunity
from crm_sales.domain.money import round_money
from crm_sales.domain.stages import SalesProcess, forecast_category

OMITTED = "omitted"
CLOSED_WON = "closed_won"
# The fields of an opportunity the forecast rebuilds from history (all of them are tracked, S1).
REBUILT = ("stage", "amount", "currency", "exchange_rate", "close_date", "committed", "owner_id")


@dataclass(frozen=True)
class ForecastLine:
    """An opportunity as the forecast counts it, live or as it stood on a past date."""

    opportunity_id: str
    name: str
    account_id: str
    owner_id: str
    stage: str
    committed: bool
    amount: Decimal
    currency: str
    exchange_rate: Decimal
    close_date: date


def line_of(opportunity: Opportunity) -> ForecastLine:
    o = opportunity
    return ForecastLine(o.id, o.name, o.account_id, o.owner_id, o.stage, o.committed, o.amount, o.currency,
                        o.exchange_rate, o.close_date)


def _category(stage_code: str, committed: bool, process: SalesProcess) -> str:
    stage = next((s for s in process.stages if s.code == stage_code), None)
    return OMITTED if stage is None else forecast_category(stage, committed)


def category_of(line: ForecastLine, process: SalesProcess) -> str:
    return _category(line.stage, line.committed, process)


def converted(line: ForecastLine, currency: str) -> Decimal:
    """The line's amount in the corporate `currency`, at the rate stored on it, rounded half-up."""
    return round_money(line.amount * line.exchange_rate, currency)


@dataclass(frozen=True)
class Cell:
    """What a cell (or a roll-up of cells) adds up to: per currency as entered, and converted."""

    amounts: tuple[tuple[str, Decimal], ...] = ()  # (currency, sum), by currency
    converted: Decimal = Decimal(0)
    count: int = 0

    def __add__(self, other: Cell) -> Cell:
        sums: dict[str, Decimal] = dict(self.amounts)
        for currency, amount in other.amounts:
            sums[currency] = sums.get(currency, Decimal(0)) + amount
        return Cell(tuple(sorted(sums.items())), self.converted + other.converted, self.count + other.count)


EMPTY = Cell()
CellKey = tuple[str, str, str]  # (period key, owner id, category)
TotalKey = tuple[str, str]  # (period key, category)


@dataclass(frozen=True)
class Forecast:
    """The grid: a cell for each (period, owner, category) that has an opportunity."""

    periods: tuple[Period, ...]
    currency: str
    cells: Mapping[CellKey, Cell] = field(default_factory=dict)

    @property
    def owners(self) -> tuple[str, ...]:
        return tuple(sorted({owner for _, owner, _ in self.cells}))

    def cell(self, period_key: str, owner_id: str, category: str) -> Cell:
        return self.cells.get((period_key, owner_id, category), EMPTY)

    def rollup(self, owner_ids: Iterable[str] | None = None) -> dict[TotalKey, Cell]:
        """The sum of the cells of `owner_ids` (every owner's when None) by period and category."""
        wanted = None if owner_ids is None else set(owner_ids)
        totals: dict[TotalKey, Cell] = {}
        for (period_key, owner, category), cell in self.cells.items():
            if wanted is None or owner in wanted:
                totals[(period_key, category)] = totals.get((period_key, category), EMPTY) + cell
        return totals


@dataclass(frozen=True)
class Group:
    """Opportunities alike to the forecast (owner, stage, committed, currency, close month), summed: what the
    live grid reads from SQL instead of every line. `converted` is the sum of each one's converted amount."""

    owner_id: str
    stage: str
    committed: bool
    currency: str
    month: date  # the first day of the close date's month (fiscal periods are whole months)
    amount: Decimal
    converted: Decimal
    count: int


def group_of(line: ForecastLine, currency: str) -> Group:
    """One line as a group of one, so lines and SQL sums add up through the same `build_groups`."""
    return Group(line.owner_id, line.stage, line.committed, line.currency, line.close_date.replace(day=1),
                 line.amount, converted(line, currency), 1)


def build(lines: Iterable[ForecastLine], *, process: SalesProcess, calendar: FiscalCalendar,
          periods: Sequence[Period], currency: str) -> Forecast:
    """The forecast of `lines` over `periods` (all of one kind); lines closing outside them are left out."""
    return build_groups((group_of(line, currency) for line in lines), process=process, calendar=calendar,
                        periods=periods, currency=currency)


def build_groups(groups: Iterable[Group], *, process: SalesProcess, calendar: FiscalCalendar,
                 periods: Sequence[Period], currency: str) -> Forecast:
    """The same forecast as `build` of the lines the groups sum."""
    keys = {p.key for p in periods}
    kind = periods[0].kind if periods else ""
    cells: dict[CellKey, Cell] = {}
    for g in groups:
        period_key = calendar.period_of(g.month, kind).key if kind else ""
        if period_key in keys:
            key = (period_key, g.owner_id, _category(g.stage, g.committed, process))
            cells[key] = cells.get(key, EMPTY) + Cell(((g.currency, g.amount),), g.converted, g.count)
    return Forecast(tuple(periods), currency, cells)


def in_cell(lines: Iterable[ForecastLine], *, process: SalesProcess, calendar: FiscalCalendar, period: Period,
            owner_id: str, category: str) -> list[ForecastLine]:
    """The lines behind one cell (the drill-down), by close date then id."""
    found = [line for line in lines if line.owner_id == owner_id and period.contains(line.close_date)
             and category_of(line, process) == category]
    return sorted(found, key=lambda line: (line.close_date, line.opportunity_id))


@dataclass(frozen=True)
class Person:
    """A user as the users replica knows them: the rows' names and the manager chain roll-ups follow."""

    id: str
    name: str
    role: str
    manager_id: str


def teams(owner_ids: Iterable[str], manager_of: Mapping[str, str]) -> dict[str, frozenset[str]]:
    """Each manager above any of `owner_ids` (by the manager chain `manager_of`), with the owners in
    their team: those below them, and themselves when they own opportunities."""
    owners = set(owner_ids)
    found: dict[str, set[str]] = defaultdict(set)
    for owner in owners:
        seen = {owner}
        manager = manager_of.get(owner, "")
        while manager and manager not in seen:
            found[manager].add(owner)
            seen.add(manager)
            manager = manager_of.get(manager, "")
    return {manager: frozenset(members | ({manager} & owners)) for manager, members in found.items()}


def attainment(closed_won: Decimal, quota: Decimal) -> Decimal | None:
    """Closed won over quota, as a percentage rounded half-up to two places; None without a quota."""
    if quota <= 0:
        return None
    return (closed_won * 100 / quota).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def end_of(day: date) -> datetime:
    """The moment an `as_of` date stands for: the end of that day, UTC (the next midnight)."""
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=UTC)


def _value(name: str, text: str) -> object:
    if name in ("amount", "exchange_rate"):
        return Decimal(text)
    if name == "close_date":
        return date.fromisoformat(text)
    if name == "committed":
        return text == "true"
    return text


def as_it_stood(line: ForecastLine, created_at: datetime, history: Sequence[Change],
                moment: datetime) -> ForecastLine | None:
    """The line as it stood at `moment`, from its current values and the history rows written at or after
    `moment` (oldest first; earlier rows may be given, they change nothing); None when it did not exist yet."""
    if created_at >= moment:
        return None
    values: dict[str, object] = {}
    for name in REBUILT:
        later = next((c for c in history if c.field == name and c.at >= moment), None)
        if later is not None and later.from_value != "":
            values[name] = _value(name, later.from_value)
    return replace(line, **values)  # type: ignore[arg-type]


@dataclass(frozen=True)
class ForecastConfig:
    """The service's fiscal calendar and corporate currency (crm_sales.settings)."""

    calendar: FiscalCalendar = field(default_factory=FiscalCalendar)
    currency: str = "USD"
