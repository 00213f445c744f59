"""Repository round trips on real PostgreSQL (LEAD-1, LEAD-4): what is stored comes back."""
from __future__ import annotations

from datetime import UTC, datetime

from crm.leads.v1 import events_pb2
from leads_testkit import RULES

from crm_leads.domain.commands import LeadData
from crm_leads.domain.listing import WEB_FORM_SORTING
from crm_leads.domain.model import Lead, WebForm
from tests.support.events import outbox_events
from tests.support.principals import as_role

NOW = datetime(2024, 6, 1, 12, 30, 15, 123456, tzinfo=UTC)
ADMIN = as_role("admin")


async def test_lead_4_every_field_round_trips(uows):
    data = LeadData(first_name="<script>alert(1)</script>", last_name="Ōtani", company="株式会社キオスク 🏪",
                    email="Jane@Example.com", phone="+1 555 0100", state="NY", country="US",
                    number_of_locations=0, using_kiosks=False, current_vendor="KioskCo",
                    linkedin_url="https://www.linkedin.com/in/jane", role="IT", message="m" * 20_000,
                    title="CTO")
    lead = Lead.create(data=data, source="trade show", landing_page="", rules=RULES, now=NOW)
    lead.assign("owner-1", rule="manual", now=NOW)
    async with uows() as uow:
        assert await uow.leads.add(lead)
        await uow.commit()
    async with uows() as uow:
        stored = await uow.leads.get(ADMIN, lead.id)
    assert stored == lead
    assert stored.company == "株式会社キオスク 🏪" and stored.first_name == "<script>alert(1)</script>"
    assert stored.number_of_locations == 0 and stored.using_kiosks is False
    assert stored.created_at == NOW and stored.created_at.tzinfo is not None


async def test_lead_8_a_second_lead_with_the_same_email_is_not_inserted(uows):
    first = Lead.create(data=LeadData(email="a@example.com"), source="website", landing_page="x", rules=RULES, now=NOW)
    second = Lead.create(data=LeadData(email=" A@EXAMPLE.com"), source="webinar", landing_page="", rules=RULES, now=NOW)
    no_email = [Lead.create(data=LeadData(last_name="Anon"), source="referral", landing_page="", rules=RULES, now=NOW)
                for _ in range(2)]
    async with uows() as uow:
        assert await uow.leads.add(first)
        assert not await uow.leads.add(second)
        assert all([await uow.leads.add(lead) for lead in no_email])  # leads without email are never merged
        await uow.commit()
    async with uows() as uow:
        assert (await uow.leads.person_for_update("a@example.com")).id == first.id


async def test_lead_1_web_forms_round_trip(uows):
    form = WebForm(id="6f1c1b52-8f5e-4a4b-9d3c-1d2e3f405060", slug="how-to-spec-out-a-kiosk",
                   landing_page_name="How to spec out a kiosk", active=True, created_at=NOW, updated_at=NOW)
    async with uows() as uow:
        await uow.forms.add(form)
        await uow.commit()
    async with uows() as uow:
        assert await uow.forms.get(form.slug) == form
        assert await uow.forms.page(sort=WEB_FORM_SORTING.parse(""), after=None, limit=2) == [form]
        assert await uow.forms.get("nope") is None


async def test_lead_3_round_robin_cursor_is_created_on_first_use_and_remembered(uows):
    async with uows() as uow:
        assert await uow.assignment.lock_cursor() is None
        await uow.assignment.move_cursor("sdr-b")
        await uow.commit()
    async with uows() as uow:
        assert await uow.assignment.lock_cursor() == "sdr-b"


async def test_a_lead_loaded_twice_in_one_unit_of_work_is_one_object_with_one_update(uows, sessions):
    lead = Lead.create(data=LeadData(email="twice@example.com"), source="website", landing_page="", rules=RULES,
                       now=NOW)
    async with uows() as uow:
        await uow.leads.add(lead)
        await uow.commit()
    async with uows() as uow:
        by_id = await uow.leads.get(ADMIN, lead.id, for_update=True)
        by_email = await uow.leads.person_for_update("twice@example.com")
        assert by_email is by_id and uow.leads.seen == [by_id]
        by_id.edit(LeadData(first_name="Jo"), rules=RULES, now=NOW)
        by_email.edit(LeadData(last_name="Doe"), rules=RULES, now=NOW)
        await uow.leads.save(by_id)
        await uow.commit()
    updates = [message for subject, message in await outbox_events(sessions, events_pb2)
               if subject == "crm.leads.lead.updated"]
    assert [list(u.changed_fields) for u in updates] == [["first_name", "last_name"]]
    assert updates[0].lead.version == 2
