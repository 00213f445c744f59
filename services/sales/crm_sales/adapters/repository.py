"""Opportunity queries. readable(principal) and editable(principal) are the scope every query given
a principal starts from: an opportunity is seen by whoever may see its account in full, changed by
whoever may edit its account (crm_sales.adapters.access, the kit's one rule)."""
from __future__ import annotations

from crmkit.listing import Cursor, Sort
from crmkit.listing_sql import keyset
from crmkit.principal import Principal
from crmkit.repository import TrackedRepository, is_uuid
from sqlalchemy import Select, func, select
from sqlalchemy.dialects.postgresql import insert

from crm_sales.adapters import access
from crm_sales.adapters.orm import (
    lead_conversions,
    loss_reasons,
    opportunities,
    opportunity_competitors,
    opportunity_history,
    stages,
)
from crm_sales.domain.errors import AccessDenied, OpportunityNotFound
from crm_sales.domain.events import Change
from crm_sales.domain.listing import ListOpportunities
from crm_sales.domain.model import Opportunity
from crm_sales.domain.policy import reads_directory_accounts
from crm_sales.domain.stages import OPEN, LossReason, SalesProcess, Stage

COLUMNS = tuple(c.name for c in opportunities.c)
_NULLABLE = ("loss_reason",)  # "" in the domain, NULL in the table (a foreign key)
_COMPETITORS = (select(opportunity_competitors.c.competitor_id)
                .where(opportunity_competitors.c.opportunity_id == opportunities.c.id)
                .order_by(opportunity_competitors.c.competitor_id).correlate(opportunities))


def _open_stages() -> Select:
    return select(stages.c.code).where(stages.c.kind == OPEN)


def _everyone() -> Select:
    """Opportunities whoever may see them: for changes the service derives (reassignment, SDR credit)."""
    return select(opportunities, func.array(_COMPETITORS.scalar_subquery()).label("competitor_ids"))


def readable_accounts(principal: Principal) -> Select:
    """The ids of the accounts whose opportunities the caller reads (the one rule, crm_sales.adapters.access)."""
    return access.readable(principal) if reads_directory_accounts(principal) else access.readable_in_full(principal)


def readable(principal: Principal) -> Select:
    """Every opportunity the caller may read, with its competitors."""
    return _everyone().where(opportunities.c.account_id.in_(readable_accounts(principal)))


def editable(principal: Principal) -> Select:
    """The opportunities the caller may change: those on accounts they may edit."""
    return readable(principal).where(opportunities.c.account_id.in_(access.editable(principal)))


def to_opportunity(row) -> Opportunity:
    values = {name: row._mapping[name] for name in COLUMNS}
    for name in _NULLABLE:
        values[name] = values[name] or ""
    return Opportunity(**values, competitor_ids=tuple(str(c) for c in row.competitor_ids or ()))


def opportunity_row(opportunity: Opportunity) -> dict[str, object]:
    values = {name: getattr(opportunity, name) for name in COLUMNS}
    for name in _NULLABLE:
        values[name] = values[name] or None
    return values


def history_row(change: Change) -> dict[str, object]:
    return {"opportunity_id": change.opportunity_id, "field": change.field, "from_value": change.from_value,
            "to_value": change.to_value, "at": change.at, "by": change.by, "reason": change.reason}


class OpportunityRepository(TrackedRepository[Opportunity]):
    """Opportunities, with those a unit of work loaded for change or added in `seen`; each write adds
    the history rows of the changes not yet written (S1)."""

    table, kind = opportunities, "opportunity"

    def __init__(self, session) -> None:
        super().__init__(session)
        self._history_written: dict[str, int] = {}

    async def get(self, principal: Principal, opportunity_id: str) -> Opportunity:
        row = None
        if is_uuid(opportunity_id):
            row = (await self._session.execute(readable(principal).where(opportunities.c.id == opportunity_id))).first()
        if row is None:
            raise OpportunityNotFound(opportunity_id)
        return to_opportunity(row)

    async def for_update(self, principal: Principal, opportunity_id: str) -> Opportunity:
        """An opportunity the caller may change, locked; NotFound when they may not see it, Forbidden
        when they see it but may not change it."""
        row = None
        if is_uuid(opportunity_id):
            row = (await self._session.execute(editable(principal).where(opportunities.c.id == opportunity_id)
                                               .with_for_update(of=opportunities))).first()
        if row is None:
            await self.get(principal, opportunity_id)
            raise AccessDenied("you may read this opportunity but not change it", "id")
        return self._track(to_opportunity(row))

    async def open_on(self, account_id: str, *, owner_id: str | None = None) -> list[Opportunity]:
        """The open opportunities of an account (of one owner when given), locked: GEN-11, S4."""
        stmt = _everyone().where(opportunities.c.account_id == account_id, opportunities.c.stage.in_(_open_stages()))
        if owner_id is not None:
            stmt = stmt.where(opportunities.c.owner_id == owner_id)
        rows = (await self._session.execute(stmt.order_by(opportunities.c.id).with_for_update(of=opportunities))).all()
        return [self._track(to_opportunity(row)) for row in rows]

    async def add(self, opportunity: Opportunity) -> None:
        await self._insert(opportunity, opportunity_row(opportunity))
        await self._write_competitors(opportunity)
        await self._write_history(opportunity)

    async def save(self, opportunity: Opportunity) -> None:
        before = self._tracked.stored_version(opportunity)
        await self._update(opportunity, opportunity_row(opportunity))
        if opportunity.version != before:
            await self._write_competitors(opportunity)
        await self._write_history(opportunity)

    async def _write_competitors(self, opportunity: Opportunity) -> None:
        links = opportunity_competitors
        await self._session.execute(links.delete().where(links.c.opportunity_id == opportunity.id))
        if opportunity.competitor_ids:
            await self._session.execute(links.insert(), [{"opportunity_id": opportunity.id, "competitor_id": c}
                                                         for c in opportunity.competitor_ids])

    async def _write_history(self, opportunity: Opportunity) -> None:
        changes = [e for e in opportunity.events if isinstance(e, Change)]
        new = changes[self._history_written.get(opportunity.id, 0):]
        if new:
            await self._session.execute(opportunity_history.insert(), [history_row(c) for c in new])
        self._history_written[opportunity.id] = len(changes)

    async def history(self, opportunity_id: str) -> list[Change]:
        """S1: every change of the opportunity, oldest first (its reader was checked by the caller)."""
        h = opportunity_history
        rows = (await self._session.execute(select(h).where(h.c.opportunity_id == opportunity_id)
                                            .order_by(h.c.at, h.c.id))).all()
        return [Change(opportunity_id=r.opportunity_id, field=r.field, from_value=r.from_value, to_value=r.to_value,
                       at=r.at, by=r.by, reason=r.reason) for r in rows]

    async def page(self, principal: Principal, query: ListOpportunities, *, sort: Sort, after: Cursor | None,
                   limit: int) -> list[Opportunity]:
        stmt = readable(principal)
        for values, column in ((query.owner_ids, opportunities.c.owner_id), (query.stages, opportunities.c.stage),
                               (query.account_ids, opportunities.c.account_id)):
            if values:
                stmt = stmt.where(column.in_(values))
        if query.close_date_from:
            stmt = stmt.where(opportunities.c.close_date >= query.close_date_from)
        if query.close_date_to:
            stmt = stmt.where(opportunities.c.close_date <= query.close_date_to)
        if query.open_only:
            stmt = stmt.where(opportunities.c.stage.in_(_open_stages()))
        stmt = keyset(stmt, opportunities.c[sort.field], opportunities.c.id, sort, after)
        return [to_opportunity(row) for row in (await self._session.execute(stmt.limit(limit))).all()]


class SalesProcessRepository:
    """The configured stages and loss reasons."""

    def __init__(self, session) -> None:
        self._session = session

    async def get(self) -> SalesProcess:
        stage_rows = (await self._session.execute(select(stages).order_by(stages.c.position))).all()
        reason_rows = (await self._session.execute(select(loss_reasons).order_by(loss_reasons.c.position))).all()
        return SalesProcess(tuple(Stage(**r._mapping) for r in stage_rows),
                            tuple(LossReason(**r._mapping) for r in reason_rows))


class ConversionRepository:
    """The SDR credit accounts came with (crm.leads.lead.converted)."""

    def __init__(self, session) -> None:
        self._session = session

    async def record(self, *, account_id: str, lead_id: str, sdr_id: str, lead_source: str, converted_at) -> None:
        stmt = insert(lead_conversions).values(account_id=account_id, lead_id=lead_id, sdr_id=sdr_id,
                                               lead_source=lead_source, converted_at=converted_at)
        await self._session.execute(stmt.on_conflict_do_update(
            index_elements=[lead_conversions.c.account_id],
            set_={name: stmt.excluded[name] for name in ("lead_id", "sdr_id", "lead_source", "converted_at")}))

    async def of_account(self, account_id: str):
        """The account's conversion row (lead_id, sdr_id, lead_source), or None."""
        return (await self._session.execute(select(lead_conversions)
                                            .where(lead_conversions.c.account_id == account_id))).first()
