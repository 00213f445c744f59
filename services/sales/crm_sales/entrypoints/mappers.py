"""Between the sales protos and the domain: requests in, records out (amounts as decimal strings)."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from crm.sales.v1 import alerts_pb2, events_pb2
from crm.sales.v1 import forecasts_pb2 as fpb
from crm.sales.v1 import opportunities_pb2 as pb
from crmkit.fields import clean_uuid
from google.protobuf.timestamp_pb2 import Timestamp

from crm_sales.domain.alerts import AlertNotice, Crossing
from crm_sales.domain.commands import OpportunityData
from crm_sales.domain.events import Change
from crm_sales.domain.fiscal import Period
from crm_sales.domain.forecast import Cell, ForecastLine, converted
from crm_sales.domain.listing import ListOpportunities
from crm_sales.domain.model import Opportunity
from crm_sales.domain.quotas import Quota
from crm_sales.domain.stages import FORECAST_CATEGORIES, SalesProcess, Stage, forecast_category
from crm_sales.service_layer.forecasts import ForecastView, QuotaLine
from crm_sales.service_layer.queries import OpportunityDetail

_OPTIONAL = ("name", "type", "stage", "probability", "amount", "currency", "exchange_rate", "close_date", "committed",
             "owner_id", "loss_reason", "description")


def _timestamp(value: datetime) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(value)
    return stamp


def opportunity_data(message: pb.OpportunityData) -> OpportunityData:
    values = {name: getattr(message, name) for name in _OPTIONAL if message.HasField(name)}
    competitors = tuple(message.competitor_ids) if message.set_competitors else None
    return OpportunityData(**values, competitor_ids=competitors)


def list_query(message: pb.ListOpportunitiesRequest) -> ListOpportunities:
    account_ids = tuple(clean_uuid("account_id", given, required=True) for given in message.account_ids)
    return ListOpportunities(owner_ids=tuple(message.owner_ids), stages=tuple(message.stages),
                             account_ids=account_ids, open_only=message.open_only, sort=message.sort,
                             cursor=message.cursor, page_size=message.page_size)


def opportunity_to_proto(o: Opportunity, process: SalesProcess, account_name: str = "") -> pb.Opportunity:
    message = pb.Opportunity(
        id=o.id, account_id=o.account_id, account_name=account_name, name=o.name, type=o.type, stage=o.stage,
        stage_entered_at=_timestamp(o.stage_entered_at), probability=o.probability,
        forecast_category=forecast_category(process.stage(o.stage), o.committed), amount=str(o.amount),
        currency=o.currency, exchange_rate=str(o.exchange_rate), close_date=o.close_date.isoformat(),
        committed=o.committed, owner_id=o.owner_id, sdr_id=o.sdr_id, lead_source=o.lead_source, lead_id=o.lead_id,
        loss_reason=o.loss_reason, lost_at_stage=o.lost_at_stage, description=o.description,
        competitor_ids=list(o.competitor_ids), created_by=o.created_by, created_at=_timestamp(o.created_at),
        updated_at=_timestamp(o.updated_at), version=o.version)
    if o.closed_at is not None:
        message.closed_at.CopyFrom(_timestamp(o.closed_at))
    return message


def change_to_proto(change: Change) -> pb.HistoryEntry:
    return pb.HistoryEntry(field=change.field, from_value=change.from_value, to_value=change.to_value,
                           at=_timestamp(change.at), by=change.by, reason=change.reason)


def detail_to_proto(detail: OpportunityDetail, process: SalesProcess) -> pb.OpportunityDetail:
    return pb.OpportunityDetail(
        opportunity=opportunity_to_proto(detail.opportunity, process, detail.account_name),
        competitors=[pb.Competitor(id=i, name=name) for i, name in detail.competitors],
        history=[change_to_proto(c) for c in detail.history], seconds_in_stage=detail.seconds_in_stage)


def process_to_proto(process: SalesProcess) -> pb.SalesProcess:
    return pb.SalesProcess(
        stages=[pb.Stage(code=s.code, name=s.name, position=s.position, kind=s.kind, probability=s.probability,
                         forecast_category=s.forecast_category) for s in process.stages],
        loss_reasons=[pb.LossReason(code=r.code, name=r.name, position=r.position) for r in process.loss_reasons])


def stage_overdue_to_proto(crossing: Crossing) -> events_pb2.OpportunityStageOverdue:
    stay = crossing.stay
    return events_pb2.OpportunityStageOverdue(
        alert_id=crossing.id, opportunity_id=stay.opportunity_id, opportunity_name=stay.opportunity_name,
        account_id=stay.account_id, account_name=stay.account_name, stage=stay.stage,
        stage_name=crossing.stage_name, stage_entered_at=_timestamp(stay.stage_entered_at),
        threshold_days=crossing.threshold_days, due_at=_timestamp(crossing.due_at), owner_id=stay.owner_id,
        rsm_id=crossing.rsm_id)


def alert_to_proto(notice: AlertNotice, account_name: str) -> alerts_pb2.Alert:
    message = alerts_pb2.Alert(
        id=notice.id, opportunity_id=notice.opportunity_id, opportunity_name=notice.opportunity_name,
        account_id=notice.account_id, account_name=account_name, stage=notice.stage,
        stage_entered_at=_timestamp(notice.stage_entered_at), threshold_days=notice.threshold_days,
        due_at=_timestamp(notice.due_at), reason=notice.reason, created_at=_timestamp(notice.created_at))
    if notice.read_at is not None:
        message.read_at.CopyFrom(_timestamp(notice.read_at))
    return message


def threshold_to_proto(stage: Stage) -> alerts_pb2.StageThreshold:
    return alerts_pb2.StageThreshold(stage=stage.code, name=stage.name, kind=stage.kind,
                                     alert_after_days=stage.alert_after_days, alert_rsm=stage.alert_rsm,
                                     version=stage.alert_version)


# Forecasts and quotas (OPP-3, S5).

def _period(p: Period) -> fpb.ForecastPeriod:
    return fpb.ForecastPeriod(key=p.key, kind=p.kind, fiscal_year=p.fiscal_year, number=p.number,
                              start=p.start.isoformat(), end=p.end.isoformat())


def _cell(period_key: str, owner_id: str, category: str, cell: Cell) -> fpb.ForecastCell:
    return fpb.ForecastCell(period_key=period_key, owner_id=owner_id, category=category,
                            amounts=[fpb.Money(currency=c, amount=str(a)) for c, a in cell.amounts],
                            converted=str(cell.converted), count=cell.count)


def quota_to_proto(quota: Quota, line: QuotaLine | None = None) -> fpb.Quota:
    attained = line.attainment if line is not None else None
    return fpb.Quota(owner_id=quota.owner_id, period_key=quota.period_key, amount=str(quota.amount),
                     currency=quota.currency, set_by=quota.set_by, set_at=_timestamp(quota.set_at),
                     version=quota.version, closed_won=str(line.closed_won) if line is not None else "",
                     attainment="" if attained is None else str(attained))


def forecast_to_proto(view: ForecastView, period_kind: str, fiscal_year: int) -> fpb.Forecast:
    grid = view.forecast
    people = view.people

    def name(user_id: str) -> str:
        return people[user_id].name if user_id in people else user_id

    def cells(owner_id: str, totals: dict[tuple[str, str], Cell]) -> list[fpb.ForecastCell]:
        return [_cell(key, owner_id, category, totals[(key, category)]) for key in (p.key for p in grid.periods)
                for category in FORECAST_CATEGORIES if (key, category) in totals]

    return fpb.Forecast(
        period_kind=period_kind, fiscal_year=fiscal_year, as_of=view.as_of,
        currency=grid.currency, periods=[_period(p) for p in grid.periods],
        owners=[fpb.ForecastOwner(id=o, name=name(o), role=people[o].role if o in people else "",
                                  manager_id=people[o].manager_id if o in people else "") for o in grid.owners],
        cells=[_cell(*key, cell) for key, cell in sorted(grid.cells.items())],
        teams=[fpb.TeamRollup(manager_id=m, name=name(m), owner_ids=sorted(members),
                              cells=cells(m, grid.rollup(members))) for m, members in sorted(view.teams.items())],
        totals=cells("", grid.rollup()),
        quotas=[quota_to_proto(q.quota, q) for q in view.quotas],
        categories=list(FORECAST_CATEGORIES))


def cell_opportunities_to_proto(lines: list[ForecastLine], names: dict[str, str],
                                currency: str) -> fpb.CellOpportunitiesResponse:
    amounts = [converted(line, currency) for line in lines]
    return fpb.CellOpportunitiesResponse(
        opportunities=[fpb.CellOpportunity(
            id=line.opportunity_id, name=line.name, account_id=line.account_id,
            account_name=names.get(line.account_id, ""), owner_id=line.owner_id, stage=line.stage,
            committed=line.committed, amount=str(line.amount), currency=line.currency, converted=str(amount),
            close_date=line.close_date.isoformat()) for line, amount in zip(lines, amounts, strict=True)],
        converted=str(sum(amounts, Decimal(0))), currency=currency)
