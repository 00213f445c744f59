"""Read use cases of the leads service: lead lookups and lists, web forms."""
from __future__ import annotations

from dataclasses import replace

from crmkit.errors import InvalidInput
from crmkit.listing import Cursor, encode_cursor, page_size
from crmkit.principal import Principal

from crm_leads.domain import policy
from crm_leads.domain.commands import ListLeads
from crm_leads.domain.errors import WebFormNotFound
from crm_leads.domain.listing import LEAD_SORTING
from crm_leads.domain.model import Lead, WebForm, canonical_source, canonical_status
from crm_leads.domain.rating import RATINGS
from crm_leads.service_layer.unit_of_work import LeadsUnitOfWork


async def get_lead(*, uow: LeadsUnitOfWork, principal: Principal, lead_id: str) -> Lead:
    """One lead the caller may see."""
    async with uow:
        return await uow.leads.get(principal, lead_id)


async def list_leads(*, uow: LeadsUnitOfWork, principal: Principal, query: ListLeads) -> tuple[list[Lead], str]:
    """A page of the leads the caller may see; answers (leads, cursor of the next page or "")."""
    sort = LEAD_SORTING.parse(query.sort)
    size = page_size(query.page_size)
    after = LEAD_SORTING.decode(query.cursor, sort) if query.cursor else None
    ratings = tuple(r.strip().upper() for r in query.ratings)
    if any(r not in RATINGS for r in ratings):
        raise InvalidInput(f"ratings are among {', '.join(RATINGS)}", field="ratings")
    query = replace(query, ratings=ratings,
                    statuses=tuple(_field(canonical_status, s, "statuses") for s in query.statuses),
                    sources=tuple(_field(canonical_source, s, "sources") for s in query.sources))
    async with uow:
        rows = await uow.leads.page(principal, query, sort=sort, after=after, limit=size + 1)
    page = rows[:size]
    if len(rows) <= size:
        return page, ""
    last = page[-1]
    return page, encode_cursor(Cursor(sort.spec, getattr(last, sort.field), last.id))


async def get_web_form(*, uow: LeadsUnitOfWork, principal: Principal, slug: str) -> WebForm:
    """One landing page's form, active or not."""
    policy.ensure_can_work_leads(principal)
    async with uow:
        form = await uow.forms.get(slug.strip().lower())
    if form is None:
        raise WebFormNotFound(slug)
    return form


async def list_web_forms(*, uow: LeadsUnitOfWork, principal: Principal) -> list[WebForm]:
    """Every landing page's form, by slug."""
    policy.ensure_can_work_leads(principal)
    async with uow:
        return await uow.forms.all()


def _field(canonical, value: str, field: str) -> str:
    """A filter value in canonical form, the error naming the filter."""
    try:
        return canonical(value)
    except InvalidInput as exc:
        raise InvalidInput(exc.detail, field=field) from None
