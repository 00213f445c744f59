"""Between the opportunity bodies and the sales service's protos."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, date
from typing import Any

from crm.sales.v1 import opportunities_pb2 as pb

from crm_gateway.api.opportunities.schemas import (
    CompetitorRead,
    HistoryEntryRead,
    LossReasonRead,
    OpportunityDetail,
    OpportunityFields,
    OpportunityRead,
    SalesProcessRead,
    StageRead,
)


def opportunity_data(body: OpportunityFields) -> pb.OpportunityData:
    given = body.model_dump(exclude_unset=True, exclude={"account_id", "competitor_ids"})
    values: dict[str, Any] = {name: value.isoformat() if isinstance(value, date) else value
                              for name, value in given.items() if value is not None}
    data = pb.OpportunityData(**values)
    if body.competitor_ids is not None:
        data.set_competitors = True
        data.competitor_ids.extend(body.competitor_ids)
    return data


# History fields whose values are user ids, shown by name.
USER_FIELDS = frozenset({"owner_id", "sdr_id"})


def people(opportunities: Iterable[pb.Opportunity], history: Iterable[pb.HistoryEntry] = ()) -> set[str]:
    """The user ids a read names: owners, SDRs, and who changed what (and the owners changed between)."""
    ids = {i for o in opportunities for i in (o.owner_id, o.sdr_id)}
    for h in history:
        ids.add(h.by)
        if h.field in USER_FIELDS:
            ids.update((h.from_value, h.to_value))
    return ids - {""}


def opportunity_read(o: pb.Opportunity, names: Mapping[str, str]) -> OpportunityRead:
    return OpportunityRead(**_fields(o, names))


def _fields(o: pb.Opportunity, names: Mapping[str, str]) -> dict:
    return dict(
        id=o.id, account_id=o.account_id, account_name=o.account_name, name=o.name, type=o.type, stage=o.stage,
        stage_entered_at=o.stage_entered_at.ToDatetime(tzinfo=UTC), probability=o.probability,
        forecast_category=o.forecast_category, amount=o.amount, currency=o.currency, exchange_rate=o.exchange_rate,
        close_date=date.fromisoformat(o.close_date), committed=o.committed, owner_id=o.owner_id,
        owner_name=names.get(o.owner_id, ""), sdr_id=o.sdr_id, sdr_name=names.get(o.sdr_id, ""),
        lead_source=o.lead_source, loss_reason=o.loss_reason, lost_at_stage=o.lost_at_stage,
        closed_at=o.closed_at.ToDatetime(tzinfo=UTC) if o.HasField("closed_at") else None,
        description=o.description, competitor_ids=list(o.competitor_ids),
        created_at=o.created_at.ToDatetime(tzinfo=UTC), updated_at=o.updated_at.ToDatetime(tzinfo=UTC),
        version=o.version)


def _person(field: str, value: str, names: Mapping[str, str]) -> str:
    return names.get(value, "") if field in USER_FIELDS else ""


def detail_read(d: pb.OpportunityDetail, names: Mapping[str, str]) -> OpportunityDetail:
    return OpportunityDetail(
        **_fields(d.opportunity, names), competitors=[CompetitorRead(id=c.id, name=c.name) for c in d.competitors],
        history=[HistoryEntryRead(field=h.field, from_value=h.from_value, to_value=h.to_value,
                                  at=h.at.ToDatetime(tzinfo=UTC), by=h.by, by_name=names.get(h.by, ""),
                                  from_name=_person(h.field, h.from_value, names),
                                  to_name=_person(h.field, h.to_value, names), reason=h.reason)
                 for h in d.history],
        seconds_in_stage=d.seconds_in_stage)


def process_read(p: pb.SalesProcess) -> SalesProcessRead:
    return SalesProcessRead(
        stages=[StageRead(code=s.code, name=s.name, position=s.position, kind=s.kind, probability=s.probability,
                          forecast_category=s.forecast_category) for s in p.stages],
        loss_reasons=[LossReasonRead(code=r.code, name=r.name, position=r.position) for r in p.loss_reasons])

