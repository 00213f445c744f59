"""Stage-timeout alerts (GEN-4, S2), pure: which opportunities have stayed in their stage longer than the
stage allows, whom each crossing alerts, and the thresholds an admin sets.

A crossing is one stay of an opportunity in one stage (from its `stage_entered_at`, which only a change
of stage moves, S1) that reached the stage's `alert_after_days`: it is alerted once, keyed by
(opportunity, stage entry), so leaving the stage and re-entering it later is a new stay and a new
crossing. Closed stages (Closed Won, Closed Lost) never have a threshold, so never alert.
"""
from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from crmkit.errors import InvalidInput, NotFound, PreconditionFailed
from crmkit.listing import Sorting
from crmkit.principal import Principal

from crm_sales.domain.errors import AccessDenied
from crm_sales.domain.policy import OPPORTUNITY_WRITERS
from crm_sales.domain.stages import SalesProcess, Stage

OWNER, RSM = "owner", "rsm"
MAX_THRESHOLD_DAYS = 3650
THRESHOLD_EDITORS = frozenset({"admin"})
ALERT_NAMESPACE = uuid.UUID("5b0f3c2e-6a4d-4f8e-9a51-2d7c1e0b9f43")  # of the crossings' ids
ALERT_SORTING = Sorting(sortable=("created_at",), default="-created_at")  # my alerts, newest first


@dataclass(frozen=True)
class StageStay:
    """An opportunity as the scan sees it: where it is and since when, who owns it, what it is called."""

    opportunity_id: str
    stage: str
    stage_entered_at: datetime
    owner_id: str
    opportunity_name: str = ""
    account_id: str = ""
    account_name: str = ""


@dataclass(frozen=True)
class Manager:
    """The owner's manager as the users replica knows them."""

    id: str
    role: str
    active: bool


def alert_id(opportunity_id: str, stage_entered_at: datetime) -> str:
    """The crossing's id, derived from its key (the opportunity and its stage entry): the same on every replica."""
    return str(uuid.uuid5(ALERT_NAMESPACE, f"{opportunity_id}@{stage_entered_at.astimezone(UTC).isoformat()}"))


@dataclass(frozen=True)
class Crossing:
    """One stay that outlasted its stage's threshold: the alert to record and announce."""

    stay: StageStay
    stage_name: str
    threshold_days: int
    recipients: tuple[tuple[str, str], ...]  # (user id, owner | rsm), the owner first

    @property
    def id(self) -> str:
        return alert_id(self.stay.opportunity_id, self.stay.stage_entered_at)

    @property
    def due_at(self) -> datetime:
        return self.stay.stage_entered_at + timedelta(days=self.threshold_days)

    @property
    def rsm_id(self) -> str:
        return next((user for user, reason in self.recipients if reason == RSM), "")


@dataclass(frozen=True)
class AlertNotice:
    """An alert as one recipient sees it in the app."""

    id: str
    opportunity_id: str
    opportunity_name: str
    account_id: str
    stage: str
    stage_entered_at: datetime
    threshold_days: int
    reason: str  # owner | rsm
    created_at: datetime
    read_at: datetime | None

    @property
    def due_at(self) -> datetime:
        return self.stage_entered_at + timedelta(days=self.threshold_days)


def due_at(stage: Stage, entered_at: datetime) -> datetime | None:
    """When a stay in `stage` that began at `entered_at` crosses its threshold; None when it never does."""
    if stage.is_closed or stage.alert_after_days is None:
        return None
    return entered_at + timedelta(days=stage.alert_after_days)


def is_overdue(stage: Stage, entered_at: datetime, now: datetime) -> bool:
    due = due_at(stage, entered_at)
    return due is not None and now >= due


def recipients(owner_id: str, stage: Stage, manager: Manager | None) -> tuple[tuple[str, str], ...]:
    """The owner, and their RSM when the stage says so: an active manager of role rsm who is not the owner."""
    found = [(owner_id, OWNER)]
    if stage.alert_rsm and manager is not None and manager.role == "rsm" and manager.active \
            and manager.id != owner_id:
        found.append((manager.id, RSM))
    return tuple(found)


def crossings(stays: Iterable[StageStay], process: SalesProcess, managers: dict[str, Manager],
              now: datetime) -> list[Crossing]:
    """The stays that crossed their stage's threshold by `now`, each once (by opportunity and stage entry)."""
    found: dict[tuple[str, datetime], Crossing] = {}
    for stay in stays:
        stage = process.stage(stay.stage)
        days = stage.alert_after_days
        if days is None or not is_overdue(stage, stay.stage_entered_at, now):
            continue
        key = (stay.opportunity_id, stay.stage_entered_at)
        found.setdefault(key, Crossing(stay, stage.name, days,
                                       recipients(stay.owner_id, stage, managers.get(stay.owner_id))))
    return list(found.values())


def set_threshold(stage: Stage, *, alert_after_days: int | None, alert_rsm: bool, expected_version: int = 0) -> Stage:
    """An admin's threshold for `stage` (None: no alert); closed stages take none. Steps the version."""
    if expected_version and expected_version != stage.alert_version:
        raise PreconditionFailed(f"the stage's alert settings are at version {stage.alert_version}, "
                                 f"not {expected_version}", field="expected_version")
    if stage.is_closed and (alert_after_days is not None or alert_rsm):
        raise InvalidInput(f"{stage.name} is a closed stage: it takes no alert threshold", field="alert_after_days")
    if alert_after_days is not None and not 1 <= alert_after_days <= MAX_THRESHOLD_DAYS:
        raise InvalidInput(f"a threshold is from 1 to {MAX_THRESHOLD_DAYS} days", field="alert_after_days")
    return replace(stage, alert_after_days=alert_after_days, alert_rsm=alert_rsm,
                   alert_version=stage.alert_version + 1)


def ensure_receives_alerts(principal: Principal) -> None:
    """Alerts go to whoever may own opportunities (and their RSMs): the opportunity writers."""
    if principal.role not in OPPORTUNITY_WRITERS:
        raise AccessDenied(f"the role {principal.role!r} receives no stage alerts")


def ensure_sets_thresholds(principal: Principal) -> None:
    if principal.role not in THRESHOLD_EDITORS:
        raise AccessDenied("only an admin reads and sets the stage alert thresholds")


class AlertNotFound(NotFound):
    def __init__(self, alert_id: str) -> None:
        super().__init__(f"no alert {alert_id!r} of yours", field="id")
