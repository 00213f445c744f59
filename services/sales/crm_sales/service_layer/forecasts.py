"""Forecasts and quotas (OPP-3, S5): the grid of a fiscal year by month or quarter, live or as it stood on a
past date, with the roll-ups of the caller's teams and the quotas' attainment; the opportunities behind
one cell; quotas set and listed. Who may do what is crm_sales.domain.quotas."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from crmkit.errors import InvalidInput, NotFound
from crmkit.principal import Principal

from crm_sales.domain import forecast, quotas
from crm_sales.domain.commands import parse_date
from crm_sales.domain.errors import AccessDenied
from crm_sales.domain.fiscal import MONTH, QUARTER, Period, check_fiscal_year, check_kind
from crm_sales.domain.forecast import CLOSED_WON, Forecast, ForecastConfig, ForecastLine, Person
from crm_sales.domain.money import minor_digits
from crm_sales.domain.quotas import Quota
from crm_sales.domain.stages import FORECAST_CATEGORIES, SalesProcess
from crm_sales.service_layer.unit_of_work import SalesUnitOfWork

SEES_EVERY_TEAM = frozenset({"admin", "vp_sales"})


@dataclass(frozen=True)
class QuotaLine:
    quota: Quota
    closed_won: Decimal  # converted, of the opportunities the caller sees
    attainment: Decimal | None  # percent


@dataclass(frozen=True)
class ForecastView:
    forecast: Forecast
    as_of: str  # as given (a date, or an instant), canonical; "" for the live forecast
    people: dict[str, Person]
    teams: dict[str, frozenset[str]]  # manager -> the owners of the grid in their team
    quotas: list[QuotaLine]


def _hierarchy(people: dict[str, Person]) -> dict[str, frozenset[str]]:
    """Each manager's team: themselves and every user below them."""
    return forecast.teams(people, {p.id: p.manager_id for p in people.values()})


def _owners(principal: Principal, owner_id: str, people: dict[str, Person]) -> frozenset[str] | None:
    """Whose opportunities the grid counts: the caller's own (not a manager), or `owner_id` and the users
    below them, or everyone's the caller reads (None)."""
    if quotas.own_rows_only(principal):
        if owner_id and owner_id != principal.user_id:
            raise AccessDenied("your forecast shows your own opportunities only", "owner_id")
        return frozenset({principal.user_id})
    if not owner_id:
        return None
    return _hierarchy(people).get(owner_id, frozenset()) | {owner_id}


def _both(first: frozenset[str] | None, second: frozenset[str] | None) -> frozenset[str] | None:
    if first is None:
        return second
    return first if second is None else first & second


async def _lines(uow: SalesUnitOfWork, principal: Principal, periods: tuple[Period, ...],
                 owners: frozenset[str] | None, moment: datetime | None,
                 changed_only: bool = False) -> list[ForecastLine]:
    tracked = await uow.forecasts.lines(principal, start=periods[0].start, end=periods[-1].end, owner_ids=owners,
                                        moment=moment, changed_only=changed_only)
    if moment is None:
        return [t.line for t in tracked]
    lines = [forecast.as_it_stood(t.line, t.created_at, t.history, moment) for t in tracked]
    return [line for line in lines if line is not None and (owners is None or line.owner_id in owners)]


async def _grid(uow: SalesUnitOfWork, principal: Principal, config: ForecastConfig, periods: tuple[Period, ...],
                owners: frozenset[str] | None, moment: datetime | None) -> Forecast:
    """The grid over `periods`, live or as it stood at `moment`: the opportunities unchanged since summed in
    SQL, those changed since replayed from their history."""
    process = await uow.process.get()
    groups = await uow.forecasts.groups(principal, start=periods[0].start, end=periods[-1].end, owner_ids=owners,
                                        digits=minor_digits(config.currency), unchanged_since=moment)
    if moment is not None:
        changed = await _lines(uow, principal, periods, owners, moment, changed_only=True)
        groups = [*groups, *(forecast.group_of(line, config.currency) for line in changed)]
    return forecast.build_groups(groups, process=process, calendar=config.calendar, periods=periods,
                                 currency=config.currency)


def _as_of(as_of: str) -> tuple[datetime | None, str]:
    """The moment a forecast stands at (history rows before it count) and its canonical text: a date is the
    end of that day (UTC), an ISO 8601 instant that instant (UTC when it names no offset)."""
    text = as_of.strip()
    if not text:
        return None, ""
    if len(text) == 10:
        day = parse_date(text, "as_of")
        return forecast.end_of(day), day.isoformat()
    try:
        instant = datetime.fromisoformat(text)
    except ValueError:
        raise InvalidInput(f"{as_of!r} is neither a date (YYYY-MM-DD) nor an ISO 8601 instant", field="as_of") from None
    instant = (instant if instant.tzinfo else instant.replace(tzinfo=UTC)).astimezone(UTC)
    return instant + timedelta(microseconds=1), instant.isoformat()


def _quota_lines(found: list[Quota], grids: list[Forecast], people: dict[str, Person]) -> list[QuotaLine]:
    """Each quota with its attainment: the closed won of its owner, and for a manager of their whole team."""
    teams = _hierarchy(people)
    lines = []
    for quota in found:
        members = teams.get(quota.owner_id, frozenset()) | {quota.owner_id}
        won = sum((grid.cell(quota.period_key, member, CLOSED_WON).converted for grid in grids for member in members),
                  Decimal(0))
        lines.append(QuotaLine(quota, won, forecast.attainment(won, quota.amount)))
    return lines


async def get_forecast(*, uow: SalesUnitOfWork, principal: Principal, config: ForecastConfig, period_kind: str,
                       fiscal_year: int, as_of: str = "", owner_id: str = "") -> ForecastView:
    """OPP-3, S5: the grid of `fiscal_year` by `period_kind`, of the opportunities the caller reads."""
    quotas.ensure_reads_forecast(principal)
    periods = config.calendar.periods(check_kind(period_kind), fiscal_year)
    moment, as_of_text = _as_of(as_of)
    async with uow:
        people = await uow.forecasts.people()
        owners = _owners(principal, owner_id.strip(), people)
        grid = await _grid(uow, principal, config, periods, owners, moment)
        found = await uow.quotas.of([p.key for p in periods], _both(quotas.quota_owners_readable(principal), owners))
    teams = forecast.teams(grid.owners, {p.id: p.manager_id for p in people.values()})
    if principal.role not in SEES_EVERY_TEAM:
        mine = {principal.user_id, *principal.subordinates}
        teams = {manager: members for manager, members in teams.items() if manager in mine}
    return ForecastView(grid, as_of_text, people, teams, _quota_lines(found, [grid], people))


async def cell_opportunities(*, uow: SalesUnitOfWork, principal: Principal, config: ForecastConfig,
                             period_key: str, owner_id: str, category: str,
                             as_of: str = "") -> tuple[list[ForecastLine], dict[str, str]]:
    """The drill-down: the opportunities behind one cell (as they stood `as_of`), with their accounts' names."""
    quotas.ensure_reads_forecast(principal)
    period = config.calendar.parse_key(period_key)
    if category not in FORECAST_CATEGORIES:
        raise InvalidInput(f"unknown category {category!r}; one of {', '.join(FORECAST_CATEGORIES)}",
                           field="category")
    if not owner_id.strip():
        raise InvalidInput("owner_id is required", field="owner_id")
    moment, _ = _as_of(as_of)
    if quotas.own_rows_only(principal) and owner_id != principal.user_id:
        raise AccessDenied("your forecast shows your own opportunities only", "owner_id")
    async with uow:
        process: SalesProcess = await uow.process.get()
        lines = await _lines(uow, principal, (period,), frozenset({owner_id}), moment)
        behind = forecast.in_cell(lines, process=process, calendar=config.calendar, period=period,
                                  owner_id=owner_id, category=category)
        names = await uow.accounts.names([line.account_id for line in behind])
    return behind, names


async def set_quota(*, uow: SalesUnitOfWork, principal: Principal, config: ForecastConfig, owner_id: str,
                    period_key: str, amount: str, currency: str = "", expected_version: int = 0) -> Quota:
    """S5: a manager's quota for one owner and period (admin and VP anyone's, an RSM their reports')."""
    period = config.calendar.parse_key(period_key)
    owner_id = owner_id.strip()
    quotas.ensure_can_set_quota(principal, owner_id)
    async with uow:
        person = (await uow.forecasts.people()).get(owner_id)
        if person is None:
            raise NotFound(f"no user {owner_id!r}", field="owner_id")
        quotas.ensure_carries_quota(person.role)
        current = await uow.quotas.get(owner_id, period.key, for_update=True)
        quota = quotas.new_quota(owner_id=owner_id, period_key=period.key, amount=amount, currency=currency,
                                 corporate_currency=config.currency, by=principal.user_id, now=datetime.now(UTC),
                                 current=current, expected_version=expected_version)
        await uow.quotas.save(quota)
        await uow.commit()
    return quota


async def list_quotas(*, uow: SalesUnitOfWork, principal: Principal, config: ForecastConfig, fiscal_year: int,
                      period_kind: str = "", owner_id: str = "") -> list[QuotaLine]:
    """The quotas of `fiscal_year` (its months, quarters or both) the caller reads, each with its attainment."""
    readable = quotas.quota_owners_readable(principal)
    check_fiscal_year(fiscal_year)
    kinds = (check_kind(period_kind),) if period_kind else (MONTH, QUARTER)
    wanted = _both(readable, frozenset({owner_id.strip()}) if owner_id.strip() else None)
    calendar = config.calendar
    async with uow:
        found = await uow.quotas.of([p.key for kind in kinds for p in calendar.periods(kind, fiscal_year)], wanted)
        if not found:
            return []
        people = await uow.forecasts.people()
        teams = _hierarchy(people)
        owners = frozenset(member for q in found for member in teams.get(q.owner_id, frozenset()) | {q.owner_id})
        grids = [await _grid(uow, principal, config, calendar.periods(kind, fiscal_year), owners, None)
                 for kind in kinds]
    return _quota_lines(found, grids, people)
