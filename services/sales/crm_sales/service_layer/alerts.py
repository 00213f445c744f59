"""Stage-timeout alerts (GEN-4, S2): the periodic scan that records each crossing once and announces
it through the outbox, the recipients' alerts in the app, and the admin's thresholds."""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from crmkit.errors import NotFound
from crmkit.listing import Page
from crmkit.principal import Principal
from crmkit.repository import is_uuid
from crmkit.workers import PollingWorker

from crm_sales.domain import alerts
from crm_sales.domain.alerts import ALERT_SORTING, AlertNotFound, AlertNotice
from crm_sales.domain.stages import Stage
from crm_sales.service_layer.unit_of_work import SalesUnitOfWork

log = logging.getLogger(__name__)


def _now() -> datetime:
    return datetime.now(UTC)


async def scan_once(uow: SalesUnitOfWork, *, now: datetime, batch_size: int) -> tuple[int, int]:
    """One batch in one transaction: up to `batch_size` stays past their threshold become alerts,
    each with its crm.sales.opportunity.stage_overdue event. Answers (stays looked at, alerts written)."""
    async with uow:
        stays = await uow.alerts.overdue_stays(now, limit=batch_size)
        if not stays:
            return 0, 0
        process = await uow.process.get()
        managers = await uow.alerts.managers_of([s.owner_id for s in stays])
        written = await uow.alerts.record(alerts.crossings(stays, process, managers, now), now)
        for crossing in written:
            uow.publish_event(crossing)
        await uow.commit()
    return len(stays), len(written)


class StageAlertScanner(PollingWorker):
    """Scans for overdue stays every `poll_seconds`, batch after batch while batches come back full.
    Any number of replicas scan side by side, and one stopped mid-scan loses nothing: each batch is
    its own transaction, and a crossing already written is never written (nor announced) again."""

    def __init__(self, uow_factory: Callable[[], SalesUnitOfWork], *, batch_size: int, poll_seconds: float,
                 clock: Callable[[], datetime] = _now) -> None:
        super().__init__(poll_seconds=poll_seconds)
        self._uow = uow_factory
        self._batch_size = batch_size
        self._clock = clock

    async def work_once(self) -> bool:
        seen, written = await scan_once(self._uow(), now=self._clock(), batch_size=self._batch_size)
        if written:
            log.info("stage alerts: %d crossing(s) recorded", written)
        return seen == self._batch_size


async def my_alerts(*, uow: SalesUnitOfWork, principal: Principal, unread_only: bool = False, cursor: str = "",
                    page_size: int = 0) -> tuple[Page[AlertNotice], dict[str, str], int]:
    """The caller's alerts, newest first: the page, the names of their accounts, how many are unread."""
    alerts.ensure_receives_alerts(principal)
    request = ALERT_SORTING.request(cursor=cursor, requested_size=page_size)
    async with uow:
        rows = await uow.alerts.page(principal.user_id, unread_only=unread_only, sort=request.sort,
                                     after=request.after, limit=request.limit)
        names = await uow.accounts.names([n.account_id for n in rows])
        unread = await uow.alerts.unread_count(principal.user_id)
    return Page.of(rows, request, key=lambda n: (n.created_at, n.id)), names, unread


async def mark_alert_read(*, uow: SalesUnitOfWork, principal: Principal, alert_id: str) -> tuple[AlertNotice, str]:
    """Mark one of the caller's alerts read; answers it with its account's name."""
    alerts.ensure_receives_alerts(principal)
    if not is_uuid(alert_id):
        raise AlertNotFound(alert_id)
    async with uow:
        notice = await uow.alerts.mark_read(principal.user_id, alert_id, _now())
        if notice is None:
            raise AlertNotFound(alert_id)
        names = await uow.accounts.names([notice.account_id])
        await uow.commit()
    return notice, names.get(notice.account_id, "")


async def stage_thresholds(*, uow: SalesUnitOfWork, principal: Principal) -> tuple[Stage, ...]:
    alerts.ensure_sets_thresholds(principal)
    async with uow:
        return (await uow.process.get()).stages


async def stage_threshold(*, uow: SalesUnitOfWork, principal: Principal, stage: str) -> Stage:
    alerts.ensure_sets_thresholds(principal)
    async with uow:
        found = await uow.alerts.stage(stage)
    if found is None:
        raise NotFound(f"no stage {stage!r}", field="stage")
    return found


async def set_stage_threshold(*, uow: SalesUnitOfWork, principal: Principal, stage: str,
                              alert_after_days: int | None, alert_rsm: bool, expected_version: int = 0) -> Stage:
    """An admin's threshold for one stage (None: no alert), checked against If-Match."""
    alerts.ensure_sets_thresholds(principal)
    async with uow:
        current = await uow.alerts.stage(stage, for_update=True)
        if current is None:
            raise NotFound(f"no stage {stage!r}", field="stage")
        changed = alerts.set_threshold(current, alert_after_days=alert_after_days, alert_rsm=alert_rsm,
                                       expected_version=expected_version)
        await uow.alerts.save_threshold(changed)
        await uow.commit()
    return changed
