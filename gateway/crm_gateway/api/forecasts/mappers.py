"""Between the forecast bodies and the sales service's Forecasts protos."""
from __future__ import annotations

from datetime import UTC, date

from crm.sales.v1 import forecasts_pb2 as pb

from crm_gateway.api.forecasts.schemas import (
    CellOpportunities,
    CellOpportunityRead,
    ForecastCellRead,
    ForecastOwnerRead,
    ForecastPeriodRead,
    ForecastRead,
    MoneyRead,
    QuotaRead,
    TeamRollupRead,
)


def _cell(c: pb.ForecastCell) -> ForecastCellRead:
    return ForecastCellRead(period_key=c.period_key, owner_id=c.owner_id, category=c.category,
                            amounts=[MoneyRead(currency=m.currency, amount=m.amount) for m in c.amounts],
                            converted=c.converted, count=c.count)


def quota_read(q: pb.Quota) -> QuotaRead:
    return QuotaRead(owner_id=q.owner_id, period_key=q.period_key, amount=q.amount, currency=q.currency,
                     set_by=q.set_by, set_at=q.set_at.ToDatetime(tzinfo=UTC), version=q.version,
                     closed_won=q.closed_won or None, attainment=q.attainment or None)


def forecast_read(f: pb.Forecast) -> ForecastRead:
    return ForecastRead(
        period=f.period_kind, fiscal_year=f.fiscal_year, as_of=f.as_of or None, currency=f.currency,
        periods=[ForecastPeriodRead(key=p.key, kind=p.kind, fiscal_year=p.fiscal_year, number=p.number,
                                    start=date.fromisoformat(p.start), end=date.fromisoformat(p.end))
                 for p in f.periods],
        owners=[ForecastOwnerRead(id=o.id, name=o.name, role=o.role, manager_id=o.manager_id) for o in f.owners],
        cells=[_cell(c) for c in f.cells],
        teams=[TeamRollupRead(manager_id=t.manager_id, name=t.name, owner_ids=list(t.owner_ids),
                              cells=[_cell(c) for c in t.cells]) for t in f.teams],
        totals=[_cell(c) for c in f.totals], quotas=[quota_read(q) for q in f.quotas],
        categories=list(f.categories))


def cell_opportunities(r: pb.CellOpportunitiesResponse) -> CellOpportunities:
    return CellOpportunities(
        items=[CellOpportunityRead(id=o.id, name=o.name, account_id=o.account_id, account_name=o.account_name,
                                   owner_id=o.owner_id, stage=o.stage, committed=o.committed, amount=o.amount,
                                   currency=o.currency, converted=o.converted,
                                   close_date=date.fromisoformat(o.close_date)) for o in r.opportunities],
        next_cursor=None, converted=r.converted, currency=r.currency)
