"""ListLeads: filters, whitelisted sorts and keyset pages over real PostgreSQL; web form reads."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from crmkit.errors import Conflict, Forbidden, InvalidInput, PreconditionFailed
from leads_testkit import RULES

from crm_leads.domain.commands import CreateWebForm, LeadData, ListLeads, UpdateWebForm
from crm_leads.domain.listing import SORTABLE
from crm_leads.domain.model import Lead
from crm_leads.service_layer import handlers, queries
from tests.support.principals import as_role

SDR = as_role("sdr")
BASE = datetime(2024, 1, 1, tzinfo=UTC)


async def seed(uows, count: int = 23) -> list[Lead]:
    made = []
    async with uows() as uow:
        for n in range(count):
            data = LeadData(last_name=["Zhang", "Álvarez", "O'Brien", "de Vries"][n % 4], company=f"Co {n % 5}",
                            email=f"p{n}@example.com", number_of_locations=n * 3, role="IT" if n % 2 else None)
            lead = Lead.create(data=data, source=["website", "webinar"][n % 2], landing_page="lp" if n % 2 == 0 else "",
                               rules=RULES, now=BASE + timedelta(minutes=n // 2))  # equal timestamps in pairs
            if n % 3 == 0:
                lead.change_status("Working", None, now=lead.created_at)
            await uow.leads.add(lead)
            made.append(lead)
        await uow.commit()
    return made


async def all_pages(uows, **query) -> list[Lead]:
    seen, cursor = [], ""
    while True:
        page, cursor = await queries.list_leads(uow=uows(), principal=SDR, query=ListLeads(cursor=cursor, **query))
        seen.extend(page)
        if not cursor:
            return seen


@pytest.mark.parametrize("sort", [*SORTABLE, *(f"-{s}" for s in SORTABLE)])
async def test_every_sort_pages_through_every_lead_once_in_order(uows, sort):
    made = await seed(uows)
    listed = await all_pages(uows, sort=sort, page_size=4)
    assert sorted(lead.id for lead in listed) == sorted(lead.id for lead in made)
    assert [lead.id for lead in listed] == [lead.id for lead in await all_pages(uows, sort=sort, page_size=200)]
    field = sort.lstrip("-")
    if field in ("created_at", "updated_at", "rating"):
        values = [getattr(lead, field) for lead in listed]
        assert values == sorted(values, reverse=sort.startswith("-"))


async def test_default_sort_is_newest_first_and_page_size_is_capped(uows):
    await seed(uows, 5)
    page, cursor = await queries.list_leads(uow=uows(), principal=SDR, query=ListLeads())
    assert cursor == "" and [lead.created_at for lead in page] == sorted((lead.created_at for lead in page),
                                                                         reverse=True)


async def test_filters_combine(uows):
    made = await seed(uows)
    listed = await all_pages(uows, statuses=("working",), sources=("Website",), page_size=3)
    expected = {m.id for m in made if m.status == "Working" and m.source == "website"}
    assert {lead.id for lead in listed} == expected and expected
    assert {lead.id for lead in await all_pages(uows, landing_pages=("lp",))} == {
        m.id for m in made if m.landing_page == "lp"}
    assert {lead.id for lead in await all_pages(uows, ratings=("b",))} == {m.id for m in made if m.rating == "B"}
    window = await all_pages(uows, created_from=BASE + timedelta(minutes=2), created_to=BASE + timedelta(minutes=4))
    assert {lead.id for lead in window} == {m.id for m in made if 4 <= made.index(m) < 8}
    assert {lead.last_name for lead in await all_pages(uows, text="brien")} == {"O'Brien"}
    assert len(await all_pages(uows, text="P1")) == 11  # p1@, p10@..p19@
    assert await all_pages(uows, text="100%_") == []
    assert await all_pages(uows, owner_ids=("nobody",)) == []


@pytest.mark.parametrize(("query", "field"), [(ListLeads(sort="email"), "sort"), (ListLeads(cursor="zzz"), "cursor"),
                                         (ListLeads(statuses=("Sleeping",)), "statuses"),
                                         (ListLeads(ratings=("D",)), "ratings"),
                                         (ListLeads(page_size=-5), "page_size")])
async def test_invalid_list_requests_name_the_field(uows, query, field):
    with pytest.raises(InvalidInput) as refused:
        await queries.list_leads(uow=uows(), principal=SDR, query=query)
    assert refused.value.problems[0].field == field


async def test_lead_1_web_forms_are_managed_by_marketing_only(uows):
    marketing = as_role("marketing")
    form = await handlers.create_web_form(uow=uows(), principal=marketing,
                                          command=CreateWebForm(slug="kiosk-roi", landing_page_name=" Kiosk ROI "))
    assert (form.slug, form.landing_page_name, form.active, form.version) == ("kiosk-roi", "Kiosk ROI", True, 1)
    with pytest.raises(Conflict):
        await handlers.create_web_form(uow=uows(), principal=marketing,
                                       command=CreateWebForm(slug="kiosk-roi", landing_page_name="Again"))
    for role in ("sdr", "vp_sales"):
        with pytest.raises(Forbidden):
            await handlers.create_web_form(uow=uows(), principal=as_role(role),
                                           command=CreateWebForm(slug="other", landing_page_name="Other"))
    retired = await handlers.update_web_form(uow=uows(), principal=as_role("vp_marketing"),
                                             command=UpdateWebForm(slug="kiosk-roi", active=False, expected_version=1))
    assert not retired.active and retired.version == 2
    with pytest.raises(PreconditionFailed):
        await handlers.update_web_form(uow=uows(), principal=marketing,
                                       command=UpdateWebForm(slug="kiosk-roi", active=True, expected_version=1))
    assert [f.slug for f in (await queries.list_web_forms(uow=uows(), principal=SDR)).items] == ["kiosk-roi"]
    assert (await queries.get_web_form(uow=uows(), principal=SDR, slug="KIOSK-ROI")).version == 2


async def test_web_forms_come_in_cursor_pages_by_slug(uows):
    slugs = ["trade-show", "kiosk-roi", "webinar", "demo"]
    for slug in slugs:
        await handlers.create_web_form(uow=uows(), principal=as_role("marketing"),
                                       command=CreateWebForm(slug=slug, landing_page_name=slug.title()))
    walked, cursor = [], ""
    while True:
        page = await queries.list_web_forms(uow=uows(), principal=SDR, requested_size=3, cursor=cursor)
        walked += [form.slug for form in page.items]
        if not page.next_cursor:
            break
        cursor = page.next_cursor
    assert walked == sorted(slugs)
    with pytest.raises(InvalidInput) as refused:
        await queries.list_web_forms(uow=uows(), principal=SDR, cursor="garbage!!")
    assert refused.value.problems[0].field == "cursor"
