"""Reads of opportunities: one with its history and competitors, lists, the sales process."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime

from crmkit.listing import Page
from crmkit.principal import Principal

from crm_sales.domain.commands import parse_date
from crm_sales.domain.events import Change
from crm_sales.domain.listing import OPPORTUNITY_SORTING, ListOpportunities
from crm_sales.domain.model import Opportunity
from crm_sales.domain.stages import SalesProcess
from crm_sales.service_layer.unit_of_work import SalesUnitOfWork


@dataclass(frozen=True)
class OpportunityDetail:
    opportunity: Opportunity
    account_name: str
    competitors: list[tuple[str, str]]  # (account id, name)
    history: list[Change]
    seconds_in_stage: int


async def get_opportunity(*, uow: SalesUnitOfWork, principal: Principal, opportunity_id: str) -> OpportunityDetail:
    async with uow:
        opportunity = await uow.opportunities.get(principal, opportunity_id)
        history = await uow.opportunities.history(opportunity.id)
        names = await uow.accounts.names([opportunity.account_id, *opportunity.competitor_ids])
    seconds = int(opportunity.time_in_stage(datetime.now(UTC)).total_seconds())
    return OpportunityDetail(opportunity, names.get(opportunity.account_id, ""),
                             [(c, names.get(c, "")) for c in opportunity.competitor_ids], history, seconds)


async def list_opportunities(*, uow: SalesUnitOfWork, principal: Principal, query: ListOpportunities,
                             close_date_from: str = "", close_date_to: str = "") -> tuple[Page[Opportunity], dict]:
    """A page of the opportunities the caller may read, and the names of their accounts."""
    request = OPPORTUNITY_SORTING.request(sort=query.sort, cursor=query.cursor, requested_size=query.page_size)
    if close_date_from:
        query = replace(query, close_date_from=parse_date(close_date_from, "close_date_from"))
    if close_date_to:
        query = replace(query, close_date_to=parse_date(close_date_to, "close_date_to"))
    async with uow:
        rows = await uow.opportunities.page(principal, query, sort=request.sort, after=request.after,
                                            limit=request.limit)
        names = await uow.accounts.names([o.account_id for o in rows])
    return Page.of(rows, request, key=lambda o: (getattr(o, request.sort.field), o.id)), names


async def sales_process(*, uow: SalesUnitOfWork) -> SalesProcess:
    async with uow:
        return await uow.process.get()


async def account_names(*, uow: SalesUnitOfWork, account_ids: list[str]) -> dict[str, str]:
    async with uow:
        return await uow.accounts.names(account_ids)
