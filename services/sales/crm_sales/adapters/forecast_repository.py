"""Forecasts and quotas in SQL (OPP-3, S5): the opportunities a forecast counts, as the caller may read
them (the opportunities' one visibility rule, crm_sales.adapters.repository.readable), their
history for a forecast as of a past date, the people of the users replica, and the quotas."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from crmkit.principal import Principal
from sqlalchemy import Date, and_, cast, exists, func, or_, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from crm_sales.adapters.orm import opportunities, opportunity_history, quotas, users
from crm_sales.adapters.repository import readable
from crm_sales.domain.events import Change
from crm_sales.domain.forecast import REBUILT, ForecastLine, Group, Person
from crm_sales.domain.quotas import Quota

_LINE = (opportunities.c.id, opportunities.c.name, opportunities.c.account_id, opportunities.c.owner_id,
         opportunities.c.stage, opportunities.c.committed, opportunities.c.amount, opportunities.c.currency,
         opportunities.c.exchange_rate, opportunities.c.close_date)


@dataclass(frozen=True)
class TrackedLine:
    """A forecast line as stored now, with when it was created and (for an as_of) its history."""

    line: ForecastLine
    created_at: datetime
    history: tuple[Change, ...] = ()


def _changed_since(moment: datetime, *names: str):
    """Whether the opportunity has a history row of one of `names` written at or after `moment`."""
    h = opportunity_history
    return exists().where(h.c.opportunity_id == opportunities.c.id, h.c.field.in_(names), h.c.at >= moment)


class ForecastRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def lines(self, principal: Principal, *, start: date, end: date, owner_ids: frozenset[str] | None,
                    moment: datetime | None = None, changed_only: bool = False) -> list[TrackedLine]:
        """The opportunities the caller reads that may count in [start, end]: closing then and owned by one of
        `owner_ids` (anyone when None), now; or, for a forecast at `moment`, then: created before it, and
        closing and owned so now or with a close date or owner changed since, with their history rows
        since (`changed_only`: only those with a forecast field changed since)."""
        o = opportunities
        in_range = o.c.close_date.between(start, end)
        owned = o.c.owner_id.in_(sorted(owner_ids)) if owner_ids is not None else None
        stmt = readable(principal).with_only_columns(*_LINE, o.c.created_at)
        if moment is None:
            stmt = stmt.where(in_range, *(() if owned is None else (owned,)))
        else:
            stmt = stmt.where(o.c.created_at < moment, or_(in_range, _changed_since(moment, "close_date")))
            if owned is not None:
                stmt = stmt.where(or_(owned, _changed_since(moment, "owner_id")))
            if changed_only:
                stmt = stmt.where(_changed_since(moment, *REBUILT))
        rows = (await self._session.execute(stmt)).all()
        history: dict[str, list[Change]] = {}
        if moment is not None and rows:
            h = opportunity_history
            found = await self._session.execute(
                select(h).where(h.c.opportunity_id.in_(stmt.with_only_columns(o.c.id)), h.c.field.in_(REBUILT),
                                h.c.at >= moment)
                .order_by(h.c.opportunity_id, h.c.at, h.c.id))
            for r in found:
                history.setdefault(r.opportunity_id, []).append(Change(r.opportunity_id, r.field, r.from_value,
                                                                       r.to_value, r.at, r.by, r.reason))
        return [TrackedLine(ForecastLine(r.id, r.name, r.account_id, r.owner_id, r.stage, r.committed, r.amount,
                                         r.currency, r.exchange_rate, r.close_date),
                            r.created_at, tuple(history.get(r.id, ()))) for r in rows]

    async def groups(self, principal: Principal, *, start: date, end: date, owner_ids: frozenset[str] | None,
                     digits: int, unchanged_since: datetime | None = None) -> list[Group]:
        """The live grid's opportunities (those the caller reads, closing in [start, end], of `owner_ids` or
        anyone's) summed by owner, stage, committed, currency and close month; `converted` sums each
        amount times its rate rounded to `digits` places (half-up: amounts and rates are never negative).
        With `unchanged_since`: only those created before it whose forecast fields have not changed since."""
        o = opportunities
        month = cast(func.date_trunc("month", o.c.close_date), Date).label("month")
        key = (o.c.owner_id, o.c.stage, o.c.committed, o.c.currency, month)
        stmt = readable(principal).with_only_columns(
            *key, func.sum(o.c.amount).label("amount"),
            func.sum(func.round(o.c.amount * o.c.exchange_rate, digits)).label("converted"),
            func.count().label("n")).where(o.c.close_date.between(start, end)).group_by(*key)
        if owner_ids is not None:
            stmt = stmt.where(o.c.owner_id.in_(sorted(owner_ids)))
        if unchanged_since is not None:
            stmt = stmt.where(o.c.created_at < unchanged_since, ~_changed_since(unchanged_since, *REBUILT))
        return [Group(r.owner_id, r.stage, r.committed, r.currency, r.month, r.amount, r.converted, r.n)
                for r in (await self._session.execute(stmt)).all()]

    async def people(self) -> dict[str, Person]:
        """Every user the replica knows, with their manager (the hierarchy roll-ups follow)."""
        rows = (await self._session.execute(select(users.c.id, users.c.full_name, users.c.username, users.c.role,
                                                   users.c.manager_id))).all()
        return {r.id: Person(r.id, r.full_name or r.username or r.id, r.role, r.manager_id) for r in rows}


class QuotaRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, owner_id: str, period_key: str, *, for_update: bool = False) -> Quota | None:
        stmt = select(quotas).where(and_(quotas.c.owner_id == owner_id, quotas.c.period_key == period_key))
        row = (await self._session.execute(stmt.with_for_update() if for_update else stmt)).first()
        return Quota(**row._mapping) if row is not None else None

    async def save(self, quota: Quota) -> None:
        values = {"owner_id": quota.owner_id, "period_key": quota.period_key, "amount": quota.amount,
                  "currency": quota.currency, "set_by": quota.set_by, "set_at": quota.set_at,
                  "version": quota.version}
        stmt = insert(quotas).values(**values)
        await self._session.execute(stmt.on_conflict_do_update(
            index_elements=[quotas.c.owner_id, quotas.c.period_key],
            set_={name: stmt.excluded[name] for name in ("amount", "currency", "set_by", "set_at", "version")}))

    async def of(self, period_keys: Iterable[str], owner_ids: frozenset[str] | None) -> list[Quota]:
        """The quotas of `period_keys` for `owner_ids` (everyone's when None), by owner and period."""
        stmt = select(quotas).where(quotas.c.period_key.in_(sorted(set(period_keys))))
        if owner_ids is not None:
            stmt = stmt.where(quotas.c.owner_id.in_(sorted(owner_ids)))
        rows = (await self._session.execute(stmt.order_by(quotas.c.owner_id, quotas.c.period_key))).all()
        return [Quota(**r._mapping) for r in rows]
