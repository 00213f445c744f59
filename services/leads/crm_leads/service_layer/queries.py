"""Read use cases of the leads service: lead lookups and lists, web forms."""
from __future__ import annotations

from dataclasses import replace

from crmkit.errors import InvalidInput
from crmkit.listing import Page
from crmkit.principal import Principal

from crm_leads.domain import policy
from crm_leads.domain.commands import ListLeads
from crm_leads.domain.errors import WebFormNotFound
from crm_leads.domain.listing import LEAD_SORTING, WEB_FORM_SORTING
from crm_leads.domain.model import Lead, WebForm, canonical_source, canonical_status
from crm_leads.domain.rating import RATINGS
from crm_leads.service_layer.unit_of_work import LeadsUnitOfWork


async def get_lead(*, uow: LeadsUnitOfWork, principal: Principal, lead_id: str) -> Lead:
    """One lead the caller may see."""
    async with uow:
        return await uow.leads.get(principal, lead_id)


async def list_leads(*, uow: LeadsUnitOfWork, principal: Principal, query: ListLeads) -> Page[Lead]:
    """A page of the leads the caller may see."""
    request = LEAD_SORTING.request(sort=query.sort, cursor=query.cursor, requested_size=query.page_size)
    ratings = tuple(r.strip().upper() for r in query.ratings)
    if any(r not in RATINGS for r in ratings):
        raise InvalidInput(f"ratings are among {', '.join(RATINGS)}", field="ratings")
    query = replace(query, ratings=ratings,
                    statuses=tuple(_field(canonical_status, s, "statuses") for s in query.statuses),
                    sources=tuple(_field(canonical_source, s, "sources") for s in query.sources))
    async with uow:
        rows = await uow.leads.page(principal, query, sort=request.sort, after=request.after, limit=request.limit)
    return Page.of(rows, request, key=lambda lead: (getattr(lead, request.sort.field), lead.id))


async def get_web_form(*, uow: LeadsUnitOfWork, principal: Principal, slug: str) -> WebForm:
    """One landing page's form, active or not."""
    policy.ensure_can_work_leads(principal)
    async with uow:
        form = await uow.forms.get(slug.strip().lower())
    if form is None:
        raise WebFormNotFound(slug)
    return form


async def list_web_forms(*, uow: LeadsUnitOfWork, principal: Principal, requested_size: int = 0,
                         cursor: str = "") -> Page[WebForm]:
    """A page of the landing pages' forms, active or not, by slug."""
    policy.ensure_can_work_leads(principal)
    request = WEB_FORM_SORTING.request(cursor=cursor, requested_size=requested_size)
    async with uow:
        rows = await uow.forms.page(sort=request.sort, after=request.after, limit=request.limit)
    return Page.of(rows, request, key=lambda form: (form.slug, form.id))


def _field(canonical, value: str, field: str) -> str:
    """A filter value in canonical form, the error naming the filter."""
    try:
        return canonical(value)
    except InvalidInput as exc:
        raise InvalidInput(exc.detail, field=field) from None
