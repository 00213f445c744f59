"""Repository round trips on real PostgreSQL (LEAD-1, LEAD-3, LEAD-4): what is stored comes back."""
from __future__ import annotations

from datetime import datetime, timezone

from crm_leads.domain.commands import LeadData
from crm_leads.domain.model import Lead, User, WebForm
from tests.support.principals import as_role
from leads_testkit import RULES

NOW = datetime(2024, 6, 1, 12, 30, 15, 123456, tzinfo=timezone.utc)
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
        assert await uow.forms.all() == [form]
        assert await uow.forms.get("nope") is None


async def test_lead_3_users_replica_keeps_the_highest_version(uows):
    async with uows() as uow:
        newer = User(id="u1", username="sam", full_name="Sam", email="s@x.com", role="sdr", active=False, version=3)
        older = User(id="u1", username="sam", full_name="Sam", email="s@x.com", role="sdr", active=True, version=2)
        assert await uow.users.record(newer)
        assert not await uow.users.record(older)
        await uow.commit()
    async with uows() as uow:
        assert await uow.users.get("u1") == newer
        assert await uow.users.sdr_pool() == []


async def test_lead_3_round_robin_cursor_is_created_on_first_use_and_remembered(uows):
    async with uows() as uow:
        assert await uow.assignment.lock_cursor() is None
        await uow.assignment.move_cursor("sdr-b")
        await uow.commit()
    async with uows() as uow:
        assert await uow.assignment.lock_cursor() == "sdr-b"
