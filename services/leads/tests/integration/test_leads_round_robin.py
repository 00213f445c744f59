"""LEAD-3: round-robin assignment over active SDRs, shared by two replicas, durable across restarts."""
from __future__ import annotations

import asyncio
from collections import Counter

from crm.leads.v1 import events_pb2
from crmkit.db import make_engine, make_session_factory
from crmkit.identity.model import User
from leads_testkit import RULES, add_sdrs, create_form, submit

from crm_leads.bootstrap import uow_factory
from crm_leads.domain.commands import CreateLead, LeadData
from crm_leads.service_layer import handlers
from tests.support.events import outbox_events
from tests.support.principals import as_role


async def test_lead_3_thirty_submissions_through_two_replicas_land_ten_ten_ten(leads_db, uows, sessions):
    sdrs = await add_sdrs(uows, 3)
    await create_form(uows)
    replicas = [make_engine(leads_db, pool_size=20) for _ in range(2)]
    try:
        factories = [uow_factory(make_session_factory(engine)) for engine in replicas]
        results = await asyncio.gather(*(
            submit(factories[n % 2], LeadData(email=f"visitor{n}@example.com", last_name=f"V{n}")) for n in range(30)))
    finally:
        for engine in replicas:
            await engine.dispose()
    assert all(created for _, created in results)
    assert Counter(lead.owner_id for lead, _ in results) == {sdr: 10 for sdr in sdrs}
    assigned = [message for subject, message in await outbox_events(sessions, events_pb2)
                if subject == "crm.leads.lead.assigned"]
    assert len(assigned) == 30 and len({m.lead_id for m in assigned}) == 30  # none lost, none assigned twice
    assert Counter(m.owner_id for m in assigned) == {sdr: 10 for sdr in sdrs}


async def test_lead_3_deactivated_sdrs_are_skipped_and_the_rotation_survives_a_restart(leads_db, uows):
    a, b, c = await add_sdrs(uows, 3)
    await add_sdrs(uows, 2, role="ae")  # not SDRs: never candidates
    owners = []
    for n in range(2):
        lead, _ = await handlers.create_lead(uow=uows(), rules=RULES, principal=as_role("sdr"),
                                             command=CreateLead(data=LeadData(last_name=f"L{n}"), source="referral"))
        owners.append(lead.owner_id)
    async with uows() as uow:
        await uow.users.record(User(id=c, username="c", full_name="C", email="c@x.com", role="sdr", active=False,
                                    version=2))
        await uow.commit()
    restarted = make_engine(leads_db)  # a new process: only the database remembers the cursor
    try:
        factory = uow_factory(make_session_factory(restarted))
        for n in range(3):
            lead, _ = await handlers.create_lead(uow=factory(), rules=RULES, principal=as_role("marketing"),
                                                 command=CreateLead(data=LeadData(last_name=f"M{n}"), source="webinar"))
            owners.append(lead.owner_id)
    finally:
        await restarted.dispose()
    assert owners == [a, b, a, b, a]


async def test_lead_3_with_no_active_sdr_the_lead_stays_unassigned(uows, sessions):
    await create_form(uows)
    lead, created = await submit(uows, LeadData(email="solo@example.com"))
    assert created and lead.owner_id == "" and lead.assigned_at is None
    assert [subject for subject, _ in await outbox_events(sessions, events_pb2)] == ["crm.leads.lead.created"]
