"""ImportLeads (LEAD-2, LEAD-3, LEAD-5, LEAD-8) on real PostgreSQL: outcomes per rule, the shared
round robin, events through the outbox, the access policy, concurrent batches, and the gRPC call."""
from __future__ import annotations

import asyncio
import uuid
from collections import Counter

import grpc
import pytest
from crm.leads.v1 import events_pb2, leads_pb2
from crmkit.db import make_engine, make_session_factory
from crmkit.errors import Forbidden, InvalidInput
from leads_testkit import RULES, add_sdrs, create_form, leads_stub, submit
from sqlalchemy import func, select

from crm_leads.adapters.orm import leads
from crm_leads.adapters.repository import LeadRepository
from crm_leads.bootstrap import uow_factory
from crm_leads.domain.commands import CreateLead, ImportedLead, ImportLeads, LeadData
from crm_leads.service_layer import handlers, queries
from crm_leads.service_layer.lead_import import import_leads
from crmctl.infra import free_port
from tests.support.events import outbox_events
from tests.support.principals import as_role, signed

ADMIN = as_role("admin")
ACCOUNT = str(uuid.uuid4())


def scan(key: str, *, contact: str = "", account: str = "", campaign: str = "NRF 2026", **data) -> ImportedLead:
    return ImportedLead(data=LeadData(**data), source="trade show", campaign=campaign, existing_contact_id=contact,
                        matched_account_id=account, key=key)


async def run_import(uows, rows, principal=ADMIN):
    return await import_leads(uow=uows(), rules=RULES, principal=principal, command=ImportLeads(leads=tuple(rows)))


async def count_leads(sessions) -> int:
    async with sessions() as session:
        return await session.scalar(select(func.count()).select_from(leads))


async def test_lead_2_each_rule_gives_its_outcome_one_per_row(uows, sessions):
    await add_sdrs(uows, 2)
    await create_form(uows)
    known, _ = await submit(uows, LeadData(first_name="Jane", last_name="Doe", company="Acme",
                                           email="jane@acme.example", phone="617-555-0100"))
    [steady] = await run_import(uows, [scan("0", first_name="Sam", email="sam@acme.example", title="CIO")])
    rows = [
        scan("1", first_name="Aarav", last_name="Rodriguez", company="Silver Markets", title="Ops Director",
             email="aarav.rodriguez@silver.example", phone="713-305-9531", state="TX", country="us", account=ACCOUNT),
        scan("2", first_name="", email="JANE@acme.example", title="CIO", phone=""),
        scan("3", first_name="Sam", email="sam@acme.example", title="CIO"),
        scan("4", first_name="Cat", email="cat@customer.example", contact=str(uuid.uuid4())),
        scan("5", first_name="Bad", email="bad@"),
        scan("6", first_name="Bo", last_name="Ng", company="Ng Co"),
        scan("7", first_name="Bo", last_name="Ng", company="NG CO"),
        scan("8", first_name="Early", email="pat@x.example"),
        scan("9", first_name="Late", email="pat@x.example"),
    ]
    outcomes = await run_import(uows, rows)
    assert [(o.key, o.outcome) for o in outcomes] == [
        ("1", "created"), ("2", "updated"), ("3", "unchanged"), ("4", "skipped"), ("5", "failed"), ("6", "created"),
        ("7", "skipped"), ("8", "skipped"), ("9", "created")]
    assert len(outcomes) == len(rows) and Counter(o.outcome for o in outcomes) == {
        "created": 3, "skipped": 3, "updated": 1, "unchanged": 1, "failed": 1}
    assert outcomes[1].lead_id == known.id and outcomes[2].lead_id == steady.lead_id
    assert (outcomes[3].reason, outcomes[4].field) == ("already a contact", "email")
    assert outcomes[7].reason == "repeated later in the same batch" and outcomes[7].lead_id == outcomes[8].lead_id
    assert outcomes[6].lead_id == outcomes[5].lead_id
    assert await count_leads(sessions) == 2 + 3

    aarav = await queries.get_lead(uow=uows(), principal=ADMIN, lead_id=outcomes[0].lead_id)
    assert (aarav.source, aarav.status, aarav.campaign, aarav.matched_account_id, aarav.landing_page) == (
        "trade show", "New", "NRF 2026", ACCOUNT, "")
    assert (aarav.rating, aarav.version, aarav.submission_count, aarav.owner_id != "") == ("B", 1, 1, True)
    jane = await queries.get_lead(uow=uows(), principal=ADMIN, lead_id=known.id)
    assert (jane.first_name, jane.phone, jane.title, jane.campaign) == ("Jane", "617-555-0100", "CIO", "NRF 2026")
    assert (jane.version, jane.source, jane.owner_id, jane.submission_count) == (2, "website", known.owner_id, 1)
    late = await queries.get_lead(uow=uows(), principal=ADMIN, lead_id=outcomes[8].lead_id)
    assert late.first_name == "Late"


async def test_lead_8_the_same_batch_again_changes_nothing(uows, sessions):
    await add_sdrs(uows, 3)
    rows = [scan(str(n), first_name=f"P{n}", email=f"p{n}@x.example", company="X") for n in range(5)]
    first = await run_import(uows, rows)
    events = len(await outbox_events(sessions, events_pb2))
    again = await run_import(uows, rows)
    assert [o.outcome for o in first] == ["created"] * 5 and [o.outcome for o in again] == ["unchanged"] * 5
    assert [o.lead_id for o in again] == [o.lead_id for o in first]
    assert len(await outbox_events(sessions, events_pb2)) == events
    versions = {(await queries.get_lead(uow=uows(), principal=ADMIN, lead_id=o.lead_id)).version for o in again}
    assert versions == {1}


async def test_lead_2_events_go_through_the_outbox_as_for_other_leads(uows, sessions):
    [sdr] = await add_sdrs(uows, 1)
    await run_import(uows, [scan("1", first_name="Jo", email="jo@x.example")])
    outcomes = await run_import(uows, [scan("1", first_name="Jo", email="jo@x.example", title="CEO"),
                                       scan("2", last_name="New"), scan("3", email="bad"),
                                       scan("4", email="c@x.example", contact=str(uuid.uuid4()))])
    events = await outbox_events(sessions, events_pb2)
    assert [subject for subject, _ in events] == [
        "crm.leads.lead.created", "crm.leads.lead.assigned",  # the first batch
        "crm.leads.lead.updated", "crm.leads.lead.created", "crm.leads.lead.assigned"]  # row order
    created, assigned, updated = events[3][1], events[4][1], events[2][1]
    assert (created.lead.id, created.lead.source, created.lead.campaign) == (outcomes[1].lead_id, "trade show",
                                                                           "NRF 2026")
    assert (assigned.lead_id, assigned.owner_id, assigned.rule) == (outcomes[1].lead_id, sdr, "round_robin")
    assert updated.lead.id == outcomes[0].lead_id and list(updated.changed_fields) == ["title"]
    assert updated.lead.version == 2


async def test_lead_3_a_batch_continues_the_round_robin_of_web_leads_in_row_order(uows):
    a, b, c = await add_sdrs(uows, 3)
    await create_form(uows)
    web, _ = await submit(uows, LeadData(email="web1@x.example"))
    assert web.owner_id == a
    outcomes = await run_import(uows, [scan(str(n), last_name=f"L{n}", email=f"l{n}@x.example") for n in range(6)])
    owners = [(await queries.get_lead(uow=uows(), principal=ADMIN, lead_id=o.lead_id)).owner_id for o in outcomes]
    assert owners == [b, c, a, b, c, a] and Counter(owners) == {a: 2, b: 2, c: 2}
    after, _ = await submit(uows, LeadData(email="web2@x.example"))
    assert after.owner_id == b


@pytest.mark.parametrize("role", ["ae", "sdr", "csr", "marketing", "vp_sales", "anonymous"])
async def test_lead_2_only_admins_and_the_erp_import(uows, sessions, role):
    with pytest.raises(Forbidden):
        await run_import(uows, [scan("1", last_name="A")], principal=as_role(role))
    assert await count_leads(sessions) == 0
    for allowed in ("admin", "erp"):
        [outcome] = await run_import(uows, [scan("1", last_name=allowed)], principal=as_role(allowed))
        assert outcome.outcome == "created"


async def test_lead_2_more_than_a_thousand_rows_are_refused_whole(uows, sessions):
    with pytest.raises(InvalidInput) as refused:
        await run_import(uows, [scan(str(n), last_name=f"L{n}") for n in range(1001)])
    assert refused.value.problems[0].field == "leads" and await count_leads(sessions) == 0


async def test_lead_8_a_person_who_arrives_during_the_batch_is_updated_not_duplicated(uows, sessions, monkeypatch):
    [sdr] = await add_sdrs(uows, 1)
    found = LeadRepository.people_for_update
    arrivals = []

    async def arrival_after_the_lookup(self, keys, people=()):
        known = await found(self, keys, people)
        if not arrivals:  # another transaction commits the person between our lookup and our insert
            lead, _ = await handlers.create_lead(uow=uows(), rules=RULES, principal=ADMIN, command=CreateLead(
                data=LeadData(first_name="Web", email="race@x.example"), source="website", owner_id=sdr))
            arrivals.append(lead)
        return known

    monkeypatch.setattr(LeadRepository, "people_for_update", arrival_after_the_lookup)
    outcomes = await run_import(uows, [scan("1", last_name="Other"), scan("2", email="race@x.example", title="CTO")])
    assert [o.outcome for o in outcomes] == ["created", "updated"] and outcomes[1].lead_id == arrivals[0].id
    assert await count_leads(sessions) == 2
    subjects = [subject for subject, _ in await outbox_events(sessions, events_pb2)]
    assert subjects.count("crm.leads.lead.created") == 2 and subjects.count("crm.leads.lead.assigned") == 2


async def test_lead_3_concurrent_batches_on_two_replicas_share_one_rotation(leads_db, uows, sessions):
    sdrs = await add_sdrs(uows, 3)
    replicas = [make_engine(leads_db, pool_size=5) for _ in range(2)]
    batches = [[scan(f"{b}-{n}", last_name=f"L{n}", email=f"p{(b * 20 + n) % 50}@x.example") for n in range(30)]
               for b in range(4)]  # overlapping emails across batches
    try:
        factories = [uow_factory(make_session_factory(engine)) for engine in replicas]
        results = await asyncio.gather(*(run_import(factories[n % 2], rows) for n, rows in enumerate(batches)))
    finally:
        for engine in replicas:
            await engine.dispose()
    assert all(len(outcomes) == 30 for outcomes in results)
    created = sum(o.outcome == "created" for outcomes in results for o in outcomes)
    assert created == await count_leads(sessions) == 50
    async with sessions() as session:
        owners = Counter((await session.execute(select(leads.c.owner_id))).scalars())
    assert set(owners) == set(sdrs) and max(owners.values()) - min(owners.values()) <= 1


async def test_lead_2_import_leads_over_grpc(uows, principal_keys):
    await add_sdrs(uows, 1)
    request = leads_pb2.ImportLeadsRequest(leads=[
        leads_pb2.ImportedLead(data=leads_pb2.LeadData(first_name="Ann", last_name="Lee", email="ann@lee.example",
                                                       company="Lee Foods"),
                               source="Trade Show", campaign="NRF 2026", matched_account_id=ACCOUNT, key="row-1"),
        leads_pb2.ImportedLead(data=leads_pb2.LeadData(first_name="No", email="nope"), source="trade show",
                               key="row-2"),
    ])
    async with leads_stub(uows, principal_keys[1], accounts_target=f"127.0.0.1:{free_port()}") as stub:
        erp = signed(principal_keys[0], "erp", kind="client", service="leads")
        response = await stub.ImportLeads(request, metadata=erp, timeout=10)
        assert [(o.key, o.outcome, o.field) for o in response.outcomes] == [("row-1", "created", ""),
                                                                             ("row-2", "failed", "email")]
        lead = await stub.GetLead(leads_pb2.GetLeadRequest(id=response.outcomes[0].lead_id),
                                  metadata=signed(principal_keys[0], "admin", service="leads"), timeout=5)
        assert (lead.source, lead.campaign, lead.matched_account_id) == ("trade show", "NRF 2026", ACCOUNT)
        for role, code in (("sdr", grpc.StatusCode.PERMISSION_DENIED), ("admin", grpc.StatusCode.INVALID_ARGUMENT)):
            too_many = leads_pb2.ImportLeadsRequest(leads=[request.leads[0]] * (1 if role == "sdr" else 1001))
            with pytest.raises(grpc.aio.AioRpcError) as refused:
                await stub.ImportLeads(too_many, metadata=signed(principal_keys[0], role, service="leads"), timeout=10)
            assert refused.value.code() == code


async def test_lead_2_a_reimported_scan_without_email_finds_its_lead(uows, sessions):
    """Badge scans without an email are known again by name and company (case and spacing ignored)."""
    await add_sdrs(uows, 1)
    first = await run_import(uows, [scan("1", email="", first_name="Mary Anne", last_name="O'Neil",
                                         company="Lakeside Credit Union")])
    again = await run_import(uows, [scan("1", email="", first_name="mary  anne", last_name="O'NEIL",
                                         company="Lakeside Credit Union", title="CFO")])
    assert [o.outcome for o in first] == ["created"] and [o.outcome for o in again] == ["updated"]
    assert again[0].lead_id == first[0].lead_id and await count_leads(sessions) == 1
