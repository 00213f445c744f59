"""UpdateLead (LEAD-4): fields, status, owner, optimistic concurrency and the access policy."""
from __future__ import annotations

import uuid

import pytest
from crm.leads.v1 import events_pb2
from crmkit.errors import Conflict, Forbidden, InvalidInput, NotFound, PreconditionFailed
from leads_testkit import RULES, add_sdrs

from crm_leads.domain.commands import CreateLead, LeadData, UpdateLead
from crm_leads.service_layer import handlers, queries
from tests.support.events import outbox_events
from tests.support.principals import as_role

ADMIN, SDR = as_role("admin"), as_role("sdr")


async def new_lead(uows, email: str = "pat@example.com"):
    lead, _ = await handlers.create_lead(uow=uows(), rules=RULES, principal=SDR,
                                         command=CreateLead(data=LeadData(last_name="Pat", email=email),
                                                            source="trade show"))
    return lead


async def update(uows, principal=SDR, **changes):
    changes.setdefault("data", LeadData())
    return await handlers.update_lead(uow=uows(), rules=RULES, principal=principal, command=UpdateLead(**changes))


async def test_lead_4_update_changes_fields_rating_and_status_with_events(uows, sessions):
    lead = await new_lead(uows)
    vendor = str(uuid.uuid4())
    updated = await update(uows, lead_id=lead.id, expected_version=1, status="Unqualified",
                           unqualified_reason="Competitor", current_vendor_account_id=vendor.upper(),
                           data=LeadData(number_of_locations=40, using_kiosks=True, role="executive management"))
    assert (updated.status, updated.unqualified_reason, updated.rating) == ("Unqualified", "competitor", "A")
    assert updated.current_vendor_account_id == vendor and updated.version == 2
    subjects = [subject for subject, _ in await outbox_events(sessions, events_pb2)]
    assert subjects[-2:] == ["crm.leads.lead.updated", "crm.leads.lead.status_changed"]
    back = await update(uows, lead_id=lead.id, status="working")
    assert (back.status, back.unqualified_reason, back.version) == ("Working", "", 3)


async def test_lead_4_unqualified_without_reason_is_refused(uows):
    lead = await new_lead(uows)
    with pytest.raises(InvalidInput) as refused:
        await update(uows, lead_id=lead.id, status="Unqualified")
    assert refused.value.problems[0].field == "unqualified_reason"


async def test_lead_4_customer_cannot_be_set_by_update(uows):
    lead = await new_lead(uows)
    await update(uows, lead_id=lead.id, status="Qualified")
    with pytest.raises(InvalidInput) as refused:
        await update(uows, lead_id=lead.id, status="Customer")
    assert refused.value.problems[0].field == "status"


async def test_stale_expected_version_is_a_failed_precondition(uows):
    lead = await new_lead(uows)
    await update(uows, lead_id=lead.id, expected_version=1, data=LeadData(title="CEO"))
    with pytest.raises(PreconditionFailed):
        await update(uows, lead_id=lead.id, expected_version=1, data=LeadData(title="CFO"))
    assert (await queries.get_lead(uow=uows(), principal=SDR, lead_id=lead.id)).title == "CEO"


async def test_an_update_that_changes_nothing_keeps_the_version(uows, sessions):
    lead = await new_lead(uows)
    same = await update(uows, lead_id=lead.id, data=LeadData(last_name=" Pat "), status="New")
    assert same.version == 1 and len(await outbox_events(sessions, events_pb2)) == 1


@pytest.mark.parametrize("lead_id", [str(uuid.uuid4()), "not-a-uuid"])
async def test_unknown_lead_is_not_found(uows, lead_id):
    with pytest.raises(NotFound):
        await update(uows, lead_id=lead_id, status="Working")
    with pytest.raises(NotFound):
        await queries.get_lead(uow=uows(), principal=SDR, lead_id=lead_id)


async def test_lead_3_only_admin_or_vp_sales_change_the_owner(uows, sessions):
    sdr_a, sdr_b = await add_sdrs(uows, 2)
    lead = await new_lead(uows)
    assert lead.owner_id == sdr_a
    with pytest.raises(Forbidden) as refused:
        await update(uows, SDR, lead_id=lead.id, owner_id=sdr_b)
    assert refused.value.problems[0].field == "owner_id"
    assert (await update(uows, SDR, lead_id=lead.id, owner_id=sdr_a, data=LeadData(title="x"))).title == "x"
    moved = await update(uows, as_role("vp_sales"), lead_id=lead.id, owner_id=sdr_b)
    assert moved.owner_id == sdr_b
    subject, assigned = [e for e in await outbox_events(sessions, events_pb2) if e[0] == "crm.leads.lead.assigned"][-1]
    assert (assigned.owner_id, assigned.previous_owner_id, assigned.rule) == (sdr_b, sdr_a, "manual")
    with pytest.raises(InvalidInput) as refused:
        await update(uows, ADMIN, lead_id=lead.id, owner_id="somebody-unknown")
    assert refused.value.problems[0].field == "owner_id"


@pytest.mark.parametrize("role", ["ae", "csr", "anonymous", "rsm"])
async def test_roles_outside_the_lead_policy_are_forbidden(uows, role):
    lead = await new_lead(uows)
    outsider = as_role(role)
    with pytest.raises(Forbidden):
        await queries.get_lead(uow=uows(), principal=outsider, lead_id=lead.id)
    with pytest.raises(Forbidden):
        await update(uows, outsider, lead_id=lead.id, status="Working")
    with pytest.raises(Forbidden):
        await handlers.create_lead(uow=uows(), rules=RULES, principal=outsider,
                                   command=CreateLead(data=LeadData(last_name="X"), source="referral"))


async def test_lead_8_changing_email_to_another_leads_email_is_a_conflict(uows):
    await new_lead(uows, "one@example.com")
    other = await new_lead(uows, "two@example.com")
    with pytest.raises(Conflict) as refused:
        await update(uows, lead_id=other.id, data=LeadData(email="ONE@example.com"))
    assert refused.value.problems[0].field == "email"
