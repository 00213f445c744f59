"""LEAD-1 web-form submissions and LEAD-8 de-duplication, through the handlers on real PostgreSQL."""
from __future__ import annotations

import asyncio

import pytest
from crm.leads.v1 import events_pb2
from crmkit.errors import InvalidInput, NotFound
from leads_testkit import RULES, add_sdrs, create_form, submit
from sqlalchemy import func, select

from crm_leads.adapters.orm import leads
from crm_leads.domain.commands import CreateLead, LeadData
from crm_leads.service_layer import handlers
from tests.support.events import outbox_events
from tests.support.principals import as_role

VISITOR = LeadData(first_name="Jane", last_name="Doe", company="Acme Kiosks", email="jane@example.com",
                   phone="+1 555 0100")


async def count_leads(sessions) -> int:
    async with sessions() as session:
        return await session.scalar(select(func.count()).select_from(leads))


async def test_lead_1_a_submission_creates_a_website_lead_from_its_landing_page(uows, sessions):
    [sdr] = await add_sdrs(uows, 1)
    await create_form(uows)
    lead, created = await submit(uows, VISITOR)
    assert created
    assert (lead.source, lead.landing_page, lead.status, lead.owner_id) == (
        "website", "how-to-spec-out-a-kiosk", "New", sdr)
    assert (lead.first_name, lead.company, lead.email, lead.phone) == ("Jane", "Acme Kiosks", "jane@example.com",
                                                                        "+1 555 0100")
    assert lead.submission_count == 1 and lead.version == 1 and lead.assigned_at is not None
    events = await outbox_events(sessions, events_pb2)
    assert [subject for subject, _ in events] == ["crm.leads.lead.created", "crm.leads.lead.assigned"]
    assert events[0][1].lead.id == lead.id and events[0][1].lead.landing_page == "how-to-spec-out-a-kiosk"
    assert (events[1][1].owner_id, events[1][1].rule) == (sdr, "round_robin")


@pytest.mark.parametrize("slug", ["no-such-form", "retired"])
async def test_lead_1_unknown_or_inactive_form_is_not_found(uows, slug):
    await create_form(uows, "retired", active=False)
    with pytest.raises(NotFound) as refused:
        await submit(uows, VISITOR, slug=slug)
    assert refused.value.problems[0].field == "slug"


async def test_lead_1_a_submission_needs_a_valid_email(uows):
    await create_form(uows)
    for email in (None, "", "jane-at-example"):
        with pytest.raises(InvalidInput) as refused:
            await submit(uows, LeadData(first_name="Jane", email=email))
        assert refused.value.problems[0].field == "email"


async def test_lead_8_a_repeat_submission_updates_the_lead_and_keeps_its_owner(uows, sessions):
    await add_sdrs(uows, 2)
    await create_form(uows)
    first, _ = await submit(uows, VISITOR)
    again, created = await submit(uows, LeadData(first_name="", company="Acme Kiosks Inc.", email=" JANE@example.com ",
                                                 number_of_locations=30, phone=""))
    assert not created and again.id == first.id
    assert again.company == "Acme Kiosks Inc." and again.number_of_locations == 30
    assert again.first_name == "Jane" and again.phone == "+1 555 0100"  # empty fields never erase
    assert again.owner_id == first.owner_id and again.submission_count == 2 and again.version == 2
    assert await count_leads(sessions) == 1
    subject, updated = (await outbox_events(sessions, events_pb2))[-1]
    assert subject == "crm.leads.lead.updated"
    assert set(updated.changed_fields) >= {"company", "number_of_locations", "submission_count"}
    assert "first_name" not in updated.changed_fields


async def test_lead_8_ten_concurrent_identical_submissions_make_one_lead(uows, sessions):
    sdrs = await add_sdrs(uows, 3)
    await create_form(uows)
    results = await asyncio.gather(*(submit(uows, VISITOR) for _ in range(10)))
    assert sum(created for _, created in results) == 1
    assert len({lead.id for lead, _ in results}) == 1
    assert await count_leads(sessions) == 1
    async with uows() as uow:
        stored = await uow.leads.get(as_role("admin"), results[0][0].id)
    assert stored.submission_count == 10 and stored.owner_id == sdrs[0]
    subjects = [subject for subject, _ in await outbox_events(sessions, events_pb2)]
    assert subjects.count("crm.leads.lead.created") == 1 and subjects.count("crm.leads.lead.assigned") == 1
    assert subjects.count("crm.leads.lead.updated") == 9


async def test_lead_8_manual_leads_without_email_are_never_merged(uows, sessions):
    for _ in range(2):
        lead, created = await handlers.create_lead(uow=uows(), rules=RULES, principal=as_role("sdr"),
                                                   command=CreateLead(data=LeadData(last_name="Nomail"),
                                                                      source="Trade_Show"))
        assert created and lead.source == "trade show" and lead.owner_id == ""  # no SDR in the pool
    assert await count_leads(sessions) == 2


async def test_lead_8_a_manual_lead_for_a_known_person_updates_it(uows, sessions):
    await create_form(uows)
    first, _ = await submit(uows, VISITOR)
    lead, created = await handlers.create_lead(uow=uows(), rules=RULES, principal=as_role("sdr"),
                                               command=CreateLead(data=LeadData(email="Jane@Example.com",
                                                                                title="CTO"), source="webinar"))
    assert not created and lead.id == first.id and lead.title == "CTO" and lead.source == "website"
    assert await count_leads(sessions) == 1
