"""Stage-timeout alerts in SQL (GEN-4, S2): the scan for stays past their stage's threshold, the
crossings written once, the recipients' read/unread, and the thresholds on the stages table.

Exactly once: a crossing is the row of its (opportunity, stage entry), written with INSERT ... ON
CONFLICT DO NOTHING RETURNING, so of any number of scanners finding it one inserts it (a second
inserter waits for the first's transaction, then does nothing) and only the inserter publishes its
event, in the same transaction. The scan locks the opportunities it reads (FOR UPDATE SKIP LOCKED),
so replicas share the work, and a stage changed meanwhile is seen as it now is.
"""
from __future__ import annotations

from datetime import datetime

from crmkit.listing import Cursor, Sort
from crmkit.listing_sql import keyset
from sqlalchemy import and_, func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from crm_sales.adapters.access import SHAPE
from crm_sales.adapters.orm import alert_recipients, opportunities, stage_alerts, stages, users
from crm_sales.domain.alerts import AlertNotice, Crossing, Manager, StageStay
from crm_sales.domain.stages import OPEN, Stage


class AlertRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def overdue_stays(self, now: datetime, *, limit: int) -> list[StageStay]:
        """Up to `limit` open opportunities past their stage's threshold at `now` and not alerted for
        this stay yet, oldest stage entry first, locked (rows another scanner holds are skipped)."""
        o, a = opportunities, SHAPE.accounts
        alerted = select(stage_alerts.c.id).where(stage_alerts.c.opportunity_id == o.c.id,
                                                  stage_alerts.c.stage_entered_at == o.c.stage_entered_at)
        stmt = (select(o.c.id, o.c.stage, o.c.stage_entered_at, o.c.owner_id, o.c.name, o.c.account_id,
                       func.coalesce(a.c.name, "").label("account_name"))
                .join(stages, stages.c.code == o.c.stage)
                .outerjoin(a, a.c.id == o.c.account_id)
                .where(stages.c.kind == OPEN, stages.c.alert_after_days.is_not(None),
                       o.c.stage_entered_at + func.make_interval(0, 0, 0, stages.c.alert_after_days) <= now,
                       ~alerted.exists())
                .order_by(o.c.stage_entered_at, o.c.id)
                .limit(limit)
                .with_for_update(of=o, skip_locked=True))
        rows = (await self._session.execute(stmt)).all()
        return [StageStay(r.id, r.stage, r.stage_entered_at, r.owner_id, r.name, r.account_id, r.account_name)
                for r in rows]

    async def managers_of(self, owner_ids: list[str]) -> dict[str, Manager]:
        """Each owner's manager as the users replica knows them (owners without one are left out)."""
        owner, manager = users.alias("owner"), users.alias("manager")
        rows = (await self._session.execute(
            select(owner.c.id.label("owner_id"), manager.c.id, manager.c.role, manager.c.active)
            .join(manager, manager.c.id == owner.c.manager_id)
            .where(owner.c.id.in_(sorted(set(owner_ids)))))).all()
        return {r.owner_id: Manager(r.id, r.role, r.active) for r in rows}

    async def record(self, crossings: list[Crossing], now: datetime) -> list[Crossing]:
        """Write each crossing unless some scanner wrote it already; answers those this call wrote."""
        if not crossings:
            return []
        stmt = insert(stage_alerts).values([
            {"id": c.id, "opportunity_id": c.stay.opportunity_id, "stage": c.stay.stage,
             "stage_entered_at": c.stay.stage_entered_at, "threshold_days": c.threshold_days,
             "owner_id": c.stay.owner_id, "created_at": now} for c in crossings])
        written = set((await self._session.execute(
            stmt.on_conflict_do_nothing(index_elements=[stage_alerts.c.opportunity_id,
                                                        stage_alerts.c.stage_entered_at])
            .returning(stage_alerts.c.id))).scalars())
        new = [c for c in crossings if c.id in written]
        rows = [{"alert_id": c.id, "user_id": user, "reason": reason, "created_at": now}
                for c in new for user, reason in c.recipients]
        if rows:
            await self._session.execute(alert_recipients.insert(), rows)
        return new

    def _notices(self, user_id: str):
        r, s, o = alert_recipients, stage_alerts, opportunities
        return (select(s.c.id, s.c.opportunity_id, o.c.name.label("opportunity_name"), o.c.account_id, s.c.stage,
                       s.c.stage_entered_at, s.c.threshold_days, r.c.reason, r.c.created_at, r.c.read_at)
                .join(s, s.c.id == r.c.alert_id).join(o, o.c.id == s.c.opportunity_id)
                .where(r.c.user_id == user_id))

    async def page(self, user_id: str, *, unread_only: bool, sort: Sort, after: Cursor | None,
                   limit: int) -> list[AlertNotice]:
        """The user's alerts in `sort` order after `after`."""
        stmt = self._notices(user_id)
        if unread_only:
            stmt = stmt.where(alert_recipients.c.read_at.is_(None))
        stmt = keyset(stmt, alert_recipients.c.created_at, alert_recipients.c.alert_id, sort, after)
        return [AlertNotice(**row._mapping) for row in (await self._session.execute(stmt.limit(limit))).all()]

    async def unread_count(self, user_id: str) -> int:
        r = alert_recipients
        return (await self._session.execute(select(func.count()).select_from(r).where(
            r.c.user_id == user_id, r.c.read_at.is_(None)))).scalar_one()

    async def mark_read(self, user_id: str, alert_id: str, now: datetime) -> AlertNotice | None:
        """Mark the user's alert read (kept as first read); None when the user has no such alert."""
        r = alert_recipients
        await self._session.execute(update(r).where(and_(r.c.alert_id == alert_id, r.c.user_id == user_id,
                                                         r.c.read_at.is_(None))).values(read_at=now))
        row = (await self._session.execute(self._notices(user_id).where(r.c.alert_id == alert_id))).first()
        return AlertNotice(**row._mapping) if row is not None else None

    async def stage(self, code: str, *, for_update: bool = False) -> Stage | None:
        stmt = select(stages).where(stages.c.code == code)
        row = (await self._session.execute(stmt.with_for_update() if for_update else stmt)).first()
        return Stage(**row._mapping) if row is not None else None

    async def save_threshold(self, stage: Stage) -> None:
        await self._session.execute(update(stages).where(stages.c.code == stage.code).values(
            alert_after_days=stage.alert_after_days, alert_rsm=stage.alert_rsm, alert_version=stage.alert_version))
