"""Opportunities (OPP-1, OPP-2, S1, S3): the stage life cycle, its history, and SDR credit.

Every change of a tracked field (stage, amount, currency, exchange rate, close date, committed, owner,
SDR, lead source) is recorded as a `Change`: the repository writes it as a history row and the unit of work
publishes it. Time in stage counts from `stage_entered_at`, which only a change of stage moves
(S1). Closed Lost is terminal (S3): its stage, probability and committed flag change only through
`reopen`; other edits (name, description, competitors, amounts) leave the stage alone.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from crmkit.domain import Aggregate
from crmkit.errors import InvalidInput

from crm_sales.domain.errors import ClosedLost, LossReasonRequired
from crm_sales.domain.events import Change, OpportunityCreated, OpportunityUpdated
from crm_sales.domain.stages import LOST, WON, SalesProcess, Stage, forecast_category

ADD_ON, NET_NEW = "add_on", "net_new"
TYPES = (ADD_ON, NET_NEW)
TRACKED = ("stage", "amount", "currency", "exchange_rate", "close_date", "committed", "owner_id", "sdr_id",
           "lead_source")
# Fields a lost opportunity keeps until it is reopened (S3).
FROZEN_WHEN_LOST = ("stage", "probability", "committed")
REOPEN, SDR_CORRECTION, LEAD_CONVERSION, REASSIGNMENT = "reopen", "sdr_correction", "lead_conversion", "reassignment"


def default_type(account_type: str) -> str:
    """OPP-1: an add-on sale to an existing customer, a net-new sale to anyone else (a prospect)."""
    return ADD_ON if account_type == "customer" else NET_NEW


def history_value(value: object) -> str:
    """How a tracked value is written in history: decimals as written, dates ISO, booleans true/false."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


@dataclass
class Opportunity(Aggregate):
    created_event, updated_event = OpportunityCreated, OpportunityUpdated
    other_changes = (Change,)

    id: str
    account_id: str
    name: str
    type: str
    stage: str
    stage_entered_at: datetime
    probability: int
    amount: Decimal
    currency: str
    close_date: date
    owner_id: str
    created_by: str
    created_at: datetime
    updated_at: datetime
    committed: bool = False
    exchange_rate: Decimal = Decimal(1)
    sdr_id: str = ""
    lead_source: str = ""
    lead_id: str = ""
    loss_reason: str = ""
    lost_at_stage: str = ""
    closed_at: datetime | None = None
    description: str = ""
    competitor_ids: tuple[str, ...] = ()
    version: int = 1
    events: list[Any] = field(default_factory=list, repr=False, compare=False)
    revision: int = field(default=0, repr=False, compare=False)

    @classmethod
    def open(cls, *, process: SalesProcess, by: str, now: datetime, **values: Any) -> Opportunity:
        """A new opportunity at `values["stage"]` (the first open stage by default), each tracked
        field's first value recorded as a change from ""."""
        stage = process.stage(values.pop("stage", "") or process.first_open.code)
        if values.get("type", NET_NEW) not in TYPES:
            raise InvalidInput("type is add_on or net_new", field="type")
        probability = values.pop("probability", None)
        loss_reason = values.pop("loss_reason", "")
        opportunity = cls(**values, stage=stage.code, stage_entered_at=now,
                          probability=stage.probability if probability is None else probability,
                          created_by=by, created_at=now, updated_at=now)
        opportunity.events.append(OpportunityCreated(opportunity.id))
        opportunity._enter(stage, process, loss_reason, now, previous=None)
        for name in TRACKED:
            if getattr(opportunity, name) not in ("", None):
                opportunity.events.append(Change(opportunity.id, name, "", history_value(getattr(opportunity, name)),
                                                 now, by, LEAD_CONVERSION if name in ("sdr_id", "lead_source")
                                                 and opportunity.lead_id else ""))
        return opportunity

    def time_in_stage(self, now: datetime) -> timedelta:
        """S1: since the opportunity entered its stage, whatever else changed meanwhile."""
        return now - self.stage_entered_at

    def category(self, process: SalesProcess) -> str:
        return forecast_category(process.stage(self.stage), self.committed)

    def edit(self, values: dict[str, Any], *, process: SalesProcess, by: str, now: datetime) -> list[str]:
        """Apply a caller's edit: a stage change enters the new stage (its default probability unless
        one is given), a loss reason only with Closed Lost. Answers the fields that changed."""
        current = process.stage(self.stage)
        values = {name: value for name, value in values.items() if getattr(self, name) != value}
        if current.kind == LOST:
            frozen = [name for name in FROZEN_WHEN_LOST if name in values]
            if frozen:
                raise ClosedLost(frozen)
        if "type" in values and values["type"] not in TYPES:
            raise InvalidInput("type is add_on or net_new", field="type")
        if "probability" in values and not 0 <= values["probability"] <= 100:
            raise InvalidInput("probability is a whole percentage from 0 to 100", field="probability")
        loss_reason = values.pop("loss_reason", None)
        target = process.stage(values.pop("stage")) if "stage" in values else current
        if loss_reason is not None and target.kind != LOST:
            raise InvalidInput("a loss reason goes with Closed Lost only", field="loss_reason")
        changed = self._record(values, by, now)
        if target is not current:
            if "probability" not in values:
                changed += self._set({"probability": target.probability}, now)
            changed += self._move(current, target, process, loss_reason or self.loss_reason, by, now)
        elif loss_reason is not None:
            changed += self._set({"loss_reason": process.loss_reason(loss_reason).code}, now)
        return changed

    def reopen(self, stage_code: str, *, process: SalesProcess, by: str, now: datetime) -> None:
        """S3: the one way out of Closed Lost, into an open stage, recorded as a reopen."""
        current, target = process.stage(self.stage), process.stage(stage_code)
        if current.kind != LOST:
            raise InvalidInput("only a Closed Lost opportunity is reopened", field="stage")
        if target.is_closed:
            raise InvalidInput("an opportunity is reopened into an open stage", field="stage")
        self._set({"probability": target.probability}, now)
        self._move(current, target, process, "", by, now, reason=REOPEN)

    def reassign(self, owner_id: str, *, by: str, now: datetime, reason: str = "") -> list[str]:
        return self._record({"owner_id": owner_id}, by, now, reason)

    def credit(self, *, sdr_id: str, lead_source: str, lead_id: str, by: str, now: datetime,
               reason: str = LEAD_CONVERSION) -> list[str]:
        """S4: the SDR credit of a converted lead (or an admin's correction of it, `reason`)."""
        changed = self._record({"sdr_id": sdr_id, "lead_source": lead_source}, by, now, reason)
        return changed + self._set({"lead_id": lead_id}, now)

    def set_competitors(self, competitor_ids: tuple[str, ...], now: datetime) -> list[str]:
        return self._set({"competitor_ids": tuple(dict.fromkeys(competitor_ids))}, now)

    def _record(self, values: dict[str, Any], by: str, now: datetime, reason: str = "") -> list[str]:
        before = {name: getattr(self, name) for name in values if name in TRACKED}
        changed = self._set(values, now)
        for name in changed:
            if name in before:
                self._change(Change(self.id, name, history_value(before[name]), history_value(getattr(self, name)),
                                    now, by, reason), now)
        return changed

    def _move(self, current: Stage, target: Stage, process: SalesProcess, loss_reason: str, by: str, now: datetime,
              *, reason: str = "") -> list[str]:
        changed = self._record({"stage": target.code}, by, now, reason)
        changed += self._set({"stage_entered_at": now}, now)
        return changed + self._enter(target, process, loss_reason, now, previous=current)

    def _enter(self, stage: Stage, process: SalesProcess, loss_reason: str, now: datetime,
               previous: Stage | None) -> list[str]:
        """The fields that go with being in `stage`: closing time, loss reason, the stage lost at."""
        if stage.kind == LOST:
            if not loss_reason:
                raise LossReasonRequired()
            values: dict[str, Any] = {"loss_reason": process.loss_reason(loss_reason).code, "closed_at": now,
                                      "lost_at_stage": previous.code if previous and not previous.is_closed
                                      else self.lost_at_stage}
        elif stage.kind == WON:
            values = {"loss_reason": "", "lost_at_stage": "", "closed_at": now}
        else:
            values = {"loss_reason": "", "lost_at_stage": "", "closed_at": None}
        return self._set(values, now)
