"""/api/v1/forecast and /api/v1/quotas: translate to the sales service's Forecasts (OPP-3, S5). The grid
and its drill-down are the sales line's (SDRs, marketing, support and machine clients are refused, 403);
quotas are set by admins and the VP for anyone and by RSMs for the users below them, with If-Match."""
from __future__ import annotations

from typing import Annotated

from crm.sales.v1 import forecasts_pb2 as pb
from fastapi import APIRouter, Depends, Path, Query, Response

from crm_gateway.api.common import ISO_MOMENT, IfMatch, Page, if_match_version, tagged
from crm_gateway.api.forecasts import mappers
from crm_gateway.api.forecasts.schemas import (
    PERIOD_KEY,
    Category,
    CellOpportunities,
    ForecastRead,
    PeriodKind,
    QuotaRead,
    QuotaUpdate,
)
from crm_gateway.domain.model import FORECAST_READERS, QUOTA_SETTERS, Caller
from crm_gateway.security import Calls, require_roles

router = APIRouter(tags=["forecasts"])
Reader = Annotated[Caller, Depends(require_roles(*FORECAST_READERS))]
Setter = Annotated[Caller, Depends(require_roles(*QUOTA_SETTERS))]
FiscalYear = Annotated[int, Query(ge=1900, le=9998, examples=[2027],
                                  description="named after the calendar year it ends in")]
AsOf = Annotated[str | None, Query(pattern=ISO_MOMENT, examples=["2027-02-01"],
                                   description="rebuild the grid as it stood at the end of this day (UTC), or at "
                                               "this ISO 8601 instant (UTC when it names no offset)")]
OwnerId = Annotated[str, Path(min_length=1, max_length=64)]
PeriodKey = Annotated[str, Path(pattern=PERIOD_KEY, examples=["FY2027-Q1"])]


@router.get("/api/v1/forecast", response_model=ForecastRead)
async def get_forecast(
    caller: Reader, calls: Calls, fiscal_year: FiscalYear,
    period: Annotated[PeriodKind, Query(examples=["quarter"])] = "quarter", as_of: AsOf = None,
    owner_id: Annotated[str | None, Query(min_length=1, max_length=64,
                                          description="that owner and the users below them")] = None,
) -> ForecastRead:
    """The forecast of a fiscal year by month or quarter x owner x category, of the opportunities the caller
    reads (an AE's own only), with their teams' roll-ups and the quotas' attainment; as of a past day on ask."""
    return mappers.forecast_read(await calls.sales.get_forecast(pb.GetForecastRequest(
        period_kind=period, fiscal_year=fiscal_year, as_of=as_of or "",
        owner_id=owner_id or "")))


@router.get("/api/v1/forecast/cell", response_model=CellOpportunities)
async def forecast_cell(
    caller: Reader, calls: Calls,
    period_key: Annotated[str, Query(pattern=PERIOD_KEY, examples=["FY2027-Q1"])],
    owner_id: Annotated[str, Query(min_length=1, max_length=64)],
    category: Annotated[Category, Query(examples=["commit"])], as_of: AsOf = None,
) -> CellOpportunities:
    """The drill-down: the opportunities behind one cell of the grid."""
    return mappers.cell_opportunities(await calls.sales.cell_opportunities(pb.CellOpportunitiesRequest(
        period_key=period_key, owner_id=owner_id, category=category, as_of=as_of or "")))


@router.put("/api/v1/quotas/{owner_id}/{period_key}", response_model=QuotaRead)
async def set_quota(owner_id: OwnerId, period_key: PeriodKey, body: QuotaUpdate, caller: Setter, calls: Calls,
                    response: Response, if_match: IfMatch = None) -> QuotaRead:
    """Set an owner's quota for a fiscal period, in the corporate currency (S5: a manager's manager sets the
    manager's quota; an RSM sets those of the users below them)."""
    quota = await calls.sales.set_quota(pb.SetQuotaRequest(
        owner_id=owner_id, period_key=period_key, amount=body.amount, currency=body.currency or "",
        expected_version=if_match_version(if_match)))
    return tagged(response, quota.version, mappers.quota_read(quota))


@router.get("/api/v1/quotas", response_model=Page[QuotaRead])
async def list_quotas(
    caller: Reader, calls: Calls, fiscal_year: FiscalYear,
    period: Annotated[PeriodKind | None, Query(description="months or quarters; both when omitted")] = None,
    owner_id: Annotated[str | None, Query(min_length=1, max_length=64)] = None,
) -> Page[QuotaRead]:
    """The quotas of a fiscal year the caller reads (their own; an RSM's team's; everyone's for admin and VP),
    each with its attainment."""
    found = await calls.sales.list_quotas(pb.ListQuotasRequest(fiscal_year=fiscal_year, period_kind=period or "",
                                                               owner_id=owner_id or ""))
    return Page.whole(mappers.quota_read(q) for q in found.quotas)
