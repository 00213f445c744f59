"""Forecasts and quotas through the use cases on a real database (OPP-3, S5): the grid counts the
opportunities the caller may read (the account-visibility rule), roll-ups follow the manager chain, an
as_of date rebuilds the grid from the history rows, quotas are set by managers with attainment."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from crmkit.errors import Forbidden, InvalidInput, NotFound, PreconditionFailed
from crmkit.principal import Principal
from sales_testkit import ADMIN, AE, OTHER_AE, SDR, add_org
from sqlalchemy import update

from crm_sales.adapters.orm import opportunities, opportunity_history, users
from crm_sales.domain import forecast
from crm_sales.domain.commands import OpportunityData
from crm_sales.domain.fiscal import FiscalCalendar
from crm_sales.domain.forecast import Cell, Forecast, ForecastConfig, end_of
from crm_sales.entrypoints import mappers
from crm_sales.service_layer import forecasts, handlers, queries

CONFIG = ForecastConfig(FiscalCalendar(1), "USD")
RSM = Principal(user_id="rsm-1", role="rsm", username="rsm1", subordinates=("ae-1",))
VP = Principal(user_id="vp-1", role="vp_sales", username="vp", subordinates=("rsm-1", "ae-1"))


def deal(amount: str, close_date: str = "2027-02-15", **more) -> OpportunityData:
    return OpportunityData(name=f"deal {amount}", amount=amount, currency="USD", close_date=close_date, **more)


async def org(sessions) -> dict[str, str]:
    ids = await add_org(sessions)
    async with sessions() as session, session.begin():
        await session.execute(users.insert().values(id="vp-1", role="vp_sales", active=True, version=1))
        await session.execute(update(users).where(users.c.id == "ae-1").values(manager_id="rsm-1"))
        await session.execute(update(users).where(users.c.id == "rsm-1").values(manager_id="vp-1"))
    return ids


async def back_date(sessions, opportunity_id: str, days: int) -> None:
    """Move an opportunity's creation and every history row so far `days` into the past."""
    async with sessions() as session, session.begin():
        h, o = opportunity_history, opportunities
        await session.execute(update(h).where(h.c.opportunity_id == opportunity_id).values(at=h.c.at - timedelta(days)))
        await session.execute(update(o).where(o.c.id == opportunity_id).values(created_at=o.c.created_at
                                                                               - timedelta(days)))


async def every_line(uows, principal: Principal, kind: str, moment: datetime | None) -> Forecast:
    """The FY2027 grid replayed line by line, every opportunity (the path the grid takes for those changed
    since an as_of), to hold the SQL sums against."""
    periods = CONFIG.calendar.periods(kind, 2027)
    async with uows() as uow:
        tracked = await uow.forecasts.lines(principal, start=periods[0].start, end=periods[-1].end, owner_ids=None,
                                            moment=moment)
        process = await uow.process.get()
    lines = [forecast.as_it_stood(t.line, t.created_at, t.history, moment) if moment else t.line for t in tracked]
    return forecast.build([line for line in lines if line], process=process, calendar=CONFIG.calendar,
                          periods=periods, currency="USD")


def cell(view, period_key: str, owner: str, category: str) -> Decimal:
    return view.forecast.cell(period_key, owner, category).converted


async def test_an_aes_won_deal_counts_in_closed_won_of_its_fiscal_quarter(sessions, uows):
    ids = await org(sessions)
    won = await handlers.create_opportunity(uow=uows(), principal=AE, account_id=ids["customer"], data=deal("1000.10"))
    await handlers.update_opportunity(uow=uows(), principal=AE, opportunity_id=won.id,
                                      data=OpportunityData(stage="closed_won"))
    await handlers.create_opportunity(uow=uows(), principal=AE, account_id=ids["prospect"],
                                      data=deal("250.00", "2027-05-01", committed=True))
    view = await forecasts.get_forecast(uow=uows(), principal=AE, config=CONFIG, period_kind="quarter",
                                        fiscal_year=2027)
    assert [p.key for p in view.forecast.periods] == ["FY2027-Q1", "FY2027-Q2", "FY2027-Q3", "FY2027-Q4"]
    assert cell(view, "FY2027-Q1", "ae-1", "closed_won") == Decimal("1000.10")
    assert cell(view, "FY2027-Q2", "ae-1", "commit") == Decimal("250.00")
    monthly = await forecasts.get_forecast(uow=uows(), principal=AE, config=ForecastConfig(FiscalCalendar(2), "USD"),
                                           period_kind="month", fiscal_year=2028)
    # With a February start, 2027-02-15 is in the first month of FY2028 (named after the year it ends in).
    assert cell(monthly, "FY2028-M01", "ae-1", "closed_won") == Decimal("1000.10")
    assert str(monthly.forecast.periods[0].start) == "2027-02-01"


async def test_the_rsm_and_vp_totals_are_the_sum_of_the_ae_cells_they_see(sessions, uows):
    ids = await org(sessions)
    for amount in ("100.01", "200.02", "300.03"):
        await handlers.create_opportunity(uow=uows(), principal=AE, account_id=ids["customer"], data=deal(amount))
    view = {p.role: await forecasts.get_forecast(uow=uows(), principal=p, config=CONFIG, period_kind="quarter",
                                                 fiscal_year=2027) for p in (AE, RSM, VP, ADMIN)}
    assert cell(view["ae"], "FY2027-Q1", "ae-1", "pipeline") == Decimal("600.06")
    for role in ("rsm", "vp_sales", "admin"):
        grid = view[role].forecast
        assert grid.rollup(view[role].teams["rsm-1"]) == grid.rollup() == view["ae"].forecast.rollup()
    assert set(view["rsm"].teams) == {"rsm-1"} and set(view["vp_sales"].teams) == {"rsm-1", "vp-1"}
    other = await forecasts.get_forecast(uow=uows(), principal=OTHER_AE, config=CONFIG, period_kind="quarter",
                                         fiscal_year=2027)
    assert other.forecast.cells == {}  # an AE outside the territory sees none of it
    filtered = await forecasts.get_forecast(uow=uows(), principal=VP, config=CONFIG, period_kind="quarter",
                                            fiscal_year=2027, owner_id="rsm-1")
    assert filtered.forecast.rollup() == view["ae"].forecast.rollup()


async def test_refused_roles_and_bad_input(sessions, uows):
    await org(sessions)
    for principal in (SDR, Principal(user_id="m", role="marketing"), Principal(user_id="c", role="csr")):
        with pytest.raises(Forbidden):
            await forecasts.get_forecast(uow=uows(), principal=principal, config=CONFIG, period_kind="quarter",
                                         fiscal_year=2027)
    with pytest.raises(Forbidden):
        await forecasts.get_forecast(uow=uows(), principal=AE, config=CONFIG, period_kind="quarter",
                                     fiscal_year=2027, owner_id="ae-2")
    for kwargs, field in (({"period_kind": "week"}, "period"), ({"as_of": "yesterday"}, "as_of"),
                          ({"fiscal_year": 20270}, "fiscal_year")):
        with pytest.raises(InvalidInput) as refused:
            await forecasts.get_forecast(uow=uows(), principal=RSM, config=CONFIG,
                                         **{"period_kind": "quarter", "fiscal_year": 2027, **kwargs})
        assert refused.value.problems[0].field == field
    with pytest.raises(InvalidInput) as refused:
        await forecasts.cell_opportunities(uow=uows(), principal=RSM, config=CONFIG, period_key="FY2027-Q1",
                                           owner_id="ae-1", category="maybe")
    assert refused.value.problems[0].field == "category"


async def test_as_of_a_day_before_a_stage_change_shows_the_old_category(sessions, uows):
    ids = await org(sessions)
    moved = await handlers.create_opportunity(uow=uows(), principal=AE, account_id=ids["customer"], data=deal("500.00"))
    slipped = await handlers.create_opportunity(uow=uows(), principal=AE, account_id=ids["customer"],
                                                data=deal("70.00", "2027-03-01"))
    await back_date(sessions, moved.id, 10)
    await back_date(sessions, slipped.id, 10)
    await handlers.update_opportunity(uow=uows(), principal=AE, opportunity_id=moved.id,
                                      data=OpportunityData(stage="negotiation"))
    await handlers.update_opportunity(uow=uows(), principal=AE, opportunity_id=slipped.id,
                                      data=OpportunityData(close_date="2028-06-30"))  # out of FY2027 now
    later = await handlers.create_opportunity(uow=uows(), principal=AE, account_id=ids["customer"], data=deal("9.00"))
    today = datetime.now(UTC).date()
    live = await forecasts.get_forecast(uow=uows(), principal=RSM, config=CONFIG, period_kind="quarter",
                                        fiscal_year=2027)
    before = await forecasts.get_forecast(uow=uows(), principal=RSM, config=CONFIG, period_kind="quarter",
                                          fiscal_year=2027, as_of=(today - timedelta(days=5)).isoformat())
    assert cell(live, "FY2027-Q1", "ae-1", "best_case") == Decimal("500.00")
    assert cell(live, "FY2027-Q1", "ae-1", "pipeline") == Decimal("9.00")
    assert cell(before, "FY2027-Q1", "ae-1", "best_case") == Decimal(0)
    assert cell(before, "FY2027-Q1", "ae-1", "pipeline") == Decimal("570.00")  # the slipped deal still in Q1
    assert before.as_of == (today - timedelta(days=5)).isoformat()
    assert before.forecast == await every_line(uows, RSM, "quarter", end_of(today - timedelta(days=5)))
    stage_moved_at = next(c.at for c in (await queries.get_opportunity(uow=uows(), principal=AE,
                                                                        opportunity_id=moved.id)).history
                          if c.field == "stage" and c.from_value == "prospecting")
    just_before = await forecasts.get_forecast(uow=uows(), principal=RSM, config=CONFIG, period_kind="quarter",
                                               fiscal_year=2027, as_of=(stage_moved_at - timedelta(microseconds=1))
                                               .replace(tzinfo=None).isoformat())
    at_it = await forecasts.get_forecast(uow=uows(), principal=RSM, config=CONFIG, period_kind="quarter",
                                         fiscal_year=2027, as_of=stage_moved_at.isoformat())
    assert cell(just_before, "FY2027-Q1", "ae-1", "pipeline") == Decimal("570.00")  # an instant, UTC by default
    assert cell(at_it, "FY2027-Q1", "ae-1", "best_case") == Decimal("500.00")
    behind, names = await forecasts.cell_opportunities(
        uow=uows(), principal=RSM, config=CONFIG, period_key="FY2027-Q1", owner_id="ae-1", category="pipeline",
        as_of=(today - timedelta(days=5)).isoformat())
    assert sorted(line.opportunity_id for line in behind) == sorted([moved.id, slipped.id])
    assert names[ids["customer"]] == "customer co"
    now_behind, _ = await forecasts.cell_opportunities(uow=uows(), principal=AE, config=CONFIG,
                                                       period_key="FY2027-Q1", owner_id="ae-1", category="pipeline")
    assert [line.opportunity_id for line in now_behind] == [later.id]


async def test_quotas_are_set_by_managers_and_attained_by_closed_won(sessions, uows):
    ids = await org(sessions)
    won = await handlers.create_opportunity(uow=uows(), principal=AE, account_id=ids["customer"], data=deal("1250.00"))
    await handlers.update_opportunity(uow=uows(), principal=AE, opportunity_id=won.id,
                                      data=OpportunityData(stage="closed_won"))
    quota = await forecasts.set_quota(uow=uows(), principal=RSM, config=CONFIG, owner_id="ae-1",
                                      period_key="FY2027-Q1", amount="5000")
    assert (quota.amount, quota.currency, quota.version) == (Decimal("5000.00"), "USD", 1)
    with pytest.raises(Forbidden):  # an RSM never sets their own quota: their manager does (S5)
        await forecasts.set_quota(uow=uows(), principal=RSM, config=CONFIG, owner_id="rsm-1",
                                  period_key="FY2027-Q1", amount="9000")
    for principal in (AE, SDR):
        with pytest.raises(Forbidden):
            await forecasts.set_quota(uow=uows(), principal=principal, config=CONFIG, owner_id="ae-1",
                                      period_key="FY2027-Q1", amount="1")
    await forecasts.set_quota(uow=uows(), principal=VP, config=CONFIG, owner_id="rsm-1", period_key="FY2027-Q1",
                              amount="20000")
    for kwargs, field in (({"period_key": "FY2027-Q9"}, "period_key"), ({"currency": "EUR"}, "currency"),
                          ({"amount": "-3"}, "amount"), ({"amount": "lots"}, "amount")):
        with pytest.raises(InvalidInput) as refused:
            await forecasts.set_quota(uow=uows(), principal=ADMIN, config=CONFIG,
                                      **{"owner_id": "ae-1", "period_key": "FY2027-Q1", "amount": "1", **kwargs})
        assert refused.value.problems[0].field == field
    with pytest.raises(InvalidInput) as refused:
        await forecasts.set_quota(uow=uows(), principal=ADMIN, config=CONFIG, owner_id="sdr-1",
                                  period_key="FY2027-Q1", amount="1")
    assert refused.value.problems[0].field == "owner_id"
    with pytest.raises(NotFound):
        await forecasts.set_quota(uow=uows(), principal=ADMIN, config=CONFIG, owner_id="nobody",
                                  period_key="FY2027-Q1", amount="1")
    with pytest.raises(PreconditionFailed):
        await forecasts.set_quota(uow=uows(), principal=RSM, config=CONFIG, owner_id="ae-1", period_key="FY2027-Q1",
                                  amount="4000", expected_version=7)
    view = await forecasts.get_forecast(uow=uows(), principal=AE, config=CONFIG, period_kind="quarter",
                                        fiscal_year=2027)
    assert [(q.quota.owner_id, q.closed_won, q.attainment) for q in view.quotas] == [
        ("ae-1", Decimal("1250.00"), Decimal("25.00"))]
    mine = await forecasts.list_quotas(uow=uows(), principal=AE, config=CONFIG, fiscal_year=2027)
    assert [(q.quota.owner_id, q.quota.period_key, q.attainment) for q in mine] == [
        ("ae-1", "FY2027-Q1", Decimal("25.00"))]
    every = await forecasts.list_quotas(uow=uows(), principal=VP, config=CONFIG, fiscal_year=2027)
    assert [(q.quota.owner_id, q.closed_won, q.attainment) for q in every] == [
        ("ae-1", Decimal("1250.00"), Decimal("25.00")), ("rsm-1", Decimal("1250.00"), Decimal("6.25"))]  # the team's
    team_view = await forecasts.get_forecast(uow=uows(), principal=RSM, config=CONFIG, period_kind="quarter",
                                             fiscal_year=2027)
    assert [(q.quota.owner_id, q.attainment) for q in team_view.quotas] == [("ae-1", Decimal("25.00")),
                                                                            ("rsm-1", Decimal("6.25"))]
    assert await forecasts.list_quotas(uow=uows(), principal=AE, config=CONFIG, fiscal_year=2026) == []


async def test_the_grid_and_drill_down_on_the_wire_carry_decimal_strings(sessions, uows):
    ids = await org(sessions)
    for amount in ("0.10", "0.20"):
        await handlers.create_opportunity(uow=uows(), principal=AE, account_id=ids["customer"], data=deal(amount))
    view = await forecasts.get_forecast(uow=uows(), principal=VP, config=CONFIG, period_kind="quarter",
                                        fiscal_year=2027)
    message = mappers.forecast_to_proto(view, "quarter", 2027)
    assert [(c.period_key, c.owner_id, c.category, c.converted, c.count) for c in message.cells] == [
        ("FY2027-Q1", "ae-1", "pipeline", "0.30", 2)]
    assert [(t.manager_id, t.owner_ids, [c.converted for c in t.cells]) for t in message.teams] == [
        ("rsm-1", ["ae-1"], ["0.30"]), ("vp-1", ["ae-1"], ["0.30"])]
    assert [(c.owner_id, c.converted) for c in message.totals] == [("", "0.30")]
    assert message.periods[0].start == "2027-01-01" and list(message.categories)[-1] == "omitted"
    lines, names = await forecasts.cell_opportunities(uow=uows(), principal=VP, config=CONFIG,
                                                      period_key="FY2027-Q1", owner_id="ae-1", category="pipeline")
    answer = mappers.cell_opportunities_to_proto(lines, names, "USD")
    assert answer.converted == "0.30" and {o.account_name for o in answer.opportunities} == {"customer co"}


async def test_the_live_grid_summed_in_sql_equals_the_grid_replayed_from_history(sessions, uows):
    """Live, the grid is summed by SQL; as of a later day, replayed line by line: the same, to the cent."""
    ids = await org(sessions)
    for amount, currency, rate, close, committed in (("100.005", "EUR", "1.08535", "2027-01-31", False),
                                                    ("0.01", "EUR", "0.5", "2027-04-01", True),
                                                    ("333.33", "USD", "1", "2027-12-31", False),
                                                    ("12345", "JPY", "0.0066721", "2027-06-15", False)):
        await handlers.create_opportunity(uow=uows(), principal=AE, account_id=ids["customer"], data=OpportunityData(
            name="fx", amount=amount, currency=currency, exchange_rate=rate, close_date=close, committed=committed))
    tomorrow = (datetime.now(UTC).date() + timedelta(days=1)).isoformat()
    for kind in ("month", "quarter"):
        for principal in (RSM, VP, AE):
            live = await forecasts.get_forecast(uow=uows(), principal=principal, config=CONFIG, period_kind=kind,
                                                fiscal_year=2027)
            later = await forecasts.get_forecast(uow=uows(), principal=principal, config=CONFIG,
                                                 period_kind=kind, fiscal_year=2027, as_of=tomorrow)
            assert live.forecast == later.forecast == await every_line(uows, principal, kind, None)
            assert len(live.forecast.cells) == 4
    quarter = await forecasts.get_forecast(uow=uows(), principal=VP, config=CONFIG, period_kind="quarter",
                                           fiscal_year=2027)
    assert quarter.forecast.cell("FY2027-Q1", "ae-1", "pipeline") == Cell((("EUR", Decimal("100.01")),),
                                                                         Decimal("108.55"), 1)
    assert quarter.forecast.cell("FY2027-Q2", "ae-1", "commit").converted == Decimal("0.01")  # 0.005 half-up
    assert quarter.forecast.cell("FY2027-Q2", "ae-1", "pipeline").converted == Decimal("82.37")  # 12345 JPY
