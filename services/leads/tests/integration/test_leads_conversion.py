"""LEAD-5, LEAD-6 end to end between two real services: the Leads servicer (in process, on a real
crmkit server) converts through the real accounts service (a subprocess with its own database and
NATS, taught a territory and its AE by identity events). One account and one contact per lead
however often and however concurrently it is converted; accounts down leaves the lead Qualified."""
from __future__ import annotations

import asyncio
import uuid

import grpc
import pytest
from accounts_process import running_accounts
from crm.accounts.v1 import accounts_pb2, accounts_pb2_grpc, contacts_pb2, contacts_pb2_grpc
from crm.leads.v1 import events_pb2, leads_pb2
from leads_testkit import RULES, leads_stub

from crm_leads.domain.commands import CreateLead, LeadData, UpdateLead
from crm_leads.domain.model import Lead
from crm_leads.service_layer import handlers
from crmctl.infra import free_port
from tests.support.events import outbox_events
from tests.support.grpc_servers import error_fields, refused
from tests.support.principals import as_role, signed
from tests.support.services import migrations_dir

TIMEOUT = 15


@pytest.fixture(scope="module")
def accounts(databases, principal_keys):
    with running_accounts(database_url=databases.copy(migrations_dir("accounts"), "convaccounts"),
                          principal_public_key=principal_keys[1]) as service:
        yield service


@pytest.fixture(scope="module")
async def territory_ae(accounts) -> str:
    """The AE of NE (MA, CT), known to accounts: the default owner of converted leads' accounts."""
    return await accounts.add_territory_ae(territory="NE", states=["MA", "CT"])


@pytest.fixture(scope="module")
async def accounts_channel(accounts):
    async with grpc.aio.insecure_channel(accounts.target) as channel:
        yield channel


@pytest.fixture(scope="module")
def accounts_stub(accounts_channel):
    return accounts_pb2_grpc.AccountsStub(accounts_channel)


@pytest.fixture(scope="module")
def contacts_stub(accounts_channel):
    return contacts_pb2_grpc.ContactsStub(accounts_channel)


@pytest.fixture
async def stub(uows, principal_keys, accounts, territory_ae):
    async with leads_stub(uows, principal_keys[1], accounts.target) as leads:
        yield leads


@pytest.fixture
def admin(principal_keys):
    return signed(principal_keys[0], "admin", service="leads")


@pytest.fixture
def sdr_id() -> str:
    return str(uuid.uuid4())


@pytest.fixture
def sdr(principal_keys, sdr_id):
    return signed(principal_keys[0], "sdr", user_id=sdr_id, service="leads")


async def qualified_lead(uows, *, status: str = "Qualified") -> Lead:
    tag = uuid.uuid4().hex[:8]
    data = LeadData(first_name="Jane", last_name="Doe", company=f"Acme {tag}", email=f"jane-{tag}@example.com",
                    phone="555-0100", state="MA", country="US", role="executive management", title="COO",
                    linkedin_url="https://www.linkedin.com/in/jane-doe")
    lead, _ = await handlers.create_lead(uow=uows(), rules=RULES, principal=as_role("admin"),
                                         command=CreateLead(data=data, source="referral"))
    if status == "New":
        return lead
    reason = "too small" if status == "Unqualified" else None
    return await handlers.update_lead(uow=uows(), rules=RULES, principal=as_role("sdr"), command=UpdateLead(
        lead_id=lead.id, data=LeadData(), status=status, unqualified_reason=reason))


def convert(lead_id: str, **fields) -> leads_pb2.ConvertLeadRequest:
    return leads_pb2.ConvertLeadRequest(lead_id=lead_id, **fields)


async def accounts_named(accounts_stub, admin, name: str) -> list[accounts_pb2.Account]:
    return list((await accounts_stub.ListAccounts(accounts_pb2.ListAccountsRequest(text=name), metadata=admin,
                                                  timeout=TIMEOUT)).accounts)


async def contacts_of(contacts_stub, admin, account_id: str) -> list[contacts_pb2.Contact]:
    return list((await contacts_stub.ListContacts(contacts_pb2.ListContactsRequest(account_id=account_id),
                                                  metadata=admin, timeout=TIMEOUT)).contacts)


async def conversions(sessions) -> list:
    return [event for subject, event in await outbox_events(sessions, events_pb2)
            if subject == "crm.leads.lead.converted"]


async def test_lead_6_a_qualified_lead_becomes_an_account_of_the_territory_ae_and_a_contact(
        stub, uows, sessions, sdr, sdr_id, admin, accounts_stub, contacts_stub, territory_ae):
    lead = await qualified_lead(uows)
    answer = await stub.ConvertLead(convert(lead.id), metadata=sdr, timeout=TIMEOUT)
    assert answer.account_owner_id == territory_ae
    assert (answer.lead.status, answer.lead.converted_account_id, answer.lead.converted_contact_id) == (
        "Customer", answer.account_id, answer.contact_id)
    assert answer.lead.HasField("converted_at") and answer.lead.version == lead.version + 1

    account = await accounts_stub.GetAccount(accounts_pb2.GetAccountRequest(id=answer.account_id), metadata=admin,
                                             timeout=TIMEOUT)
    assert (account.name, account.type, account.owner_id, account.territory, account.state, account.country,
            account.phone) == (lead.company, "prospect", territory_ae, "NE", "MA", "US", "555-0100")
    [contact] = await contacts_of(contacts_stub, admin, answer.account_id)
    assert (contact.id, contact.first_name, contact.last_name, contact.role, contact.title, contact.linkedin_url) == (
        answer.contact_id, "Jane", "Doe", "Executive Management", "COO", "https://www.linkedin.com/in/jane-doe")
    assert [(e.address, e.primary) for e in contact.emails] == [(lead.email, True)]
    assert [(p.number, p.type) for p in contact.phones] == [("555-0100", "work")]

    [event] = await conversions(sessions)
    assert (event.lead_id, event.account_id, event.contact_id, event.account_owner_id, event.account_name,
            event.contact_name, event.converted_by, event.existing_account) == (
        lead.id, answer.account_id, answer.contact_id, territory_ae, lead.company, "Jane Doe", sdr_id, False)
    changes = [e for s, e in await outbox_events(sessions, events_pb2) if s == "crm.leads.lead.status_changed"]
    assert (changes[-1].from_status, changes[-1].to_status) == ("Qualified", "Customer")
    stored = await stub.GetLead(leads_pb2.GetLeadRequest(id=lead.id), metadata=sdr, timeout=TIMEOUT)
    assert (stored.status, stored.converted_account_id) == ("Customer", answer.account_id)


async def test_lead_6_converting_again_or_concurrently_creates_one_account_and_one_contact(
        stub, uows, sessions, principal_keys, admin, accounts_stub, contacts_stub, territory_ae):
    again = await qualified_lead(uows)
    vp_sales = signed(principal_keys[0], "vp_sales", service="leads")
    first = await stub.ConvertLead(convert(again.id, account_name=f"{again.company} Holdings"), metadata=vp_sales,
                                   timeout=TIMEOUT)
    second = await stub.ConvertLead(convert(again.id), metadata=admin, timeout=TIMEOUT)
    assert (second.account_id, second.contact_id, second.account_owner_id, second.lead.version) == (
        first.account_id, first.contact_id, territory_ae, first.lead.version)
    assert [a.id for a in await accounts_named(accounts_stub, admin, again.company)] == [first.account_id]

    racing = await qualified_lead(uows)
    sdrs = [signed(principal_keys[0], "sdr", user_id=str(uuid.uuid4()), service="leads") for _ in range(5)]
    answers = await asyncio.gather(*(stub.ConvertLead(convert(racing.id), metadata=who, timeout=TIMEOUT)
                                     for who in sdrs))
    assert len({(a.account_id, a.contact_id, a.account_owner_id, a.lead.version) for a in answers}) == 1
    [account] = await accounts_named(accounts_stub, admin, racing.company)
    assert account.id == answers[0].account_id
    assert [c.id for c in await contacts_of(contacts_stub, admin, account.id)] == [answers[0].contact_id]
    assert sorted(e.lead_id for e in await conversions(sessions)) == sorted([again.id, racing.id])


async def test_lead_5_the_person_joins_an_existing_account(stub, uows, sessions, sdr, admin, accounts_stub,
                                                          contacts_stub, territory_ae):
    existing = await accounts_stub.CreateAccount(accounts_pb2.CreateAccountRequest(
        data=accounts_pb2.AccountData(name=f"Existing {uuid.uuid4().hex[:8]}", type="customer", state="CT")),
        metadata=admin, timeout=TIMEOUT)
    lead = await qualified_lead(uows)
    error = await refused(stub.ConvertLead(convert(lead.id, existing_account_id=str(uuid.uuid4())), metadata=sdr,
                                           timeout=TIMEOUT), grpc.StatusCode.NOT_FOUND)
    assert error_fields(error) == ["existing_account_id"]
    error = await refused(stub.ConvertLead(convert(lead.id, existing_account_id=existing.id, account_name="X"),
                                           metadata=sdr, timeout=TIMEOUT), grpc.StatusCode.INVALID_ARGUMENT)
    assert error_fields(error) == ["account_name"]

    answer = await stub.ConvertLead(convert(lead.id, existing_account_id=existing.id), metadata=sdr, timeout=TIMEOUT)
    assert (answer.account_id, answer.account_owner_id, answer.lead.converted_account_id) == (
        existing.id, territory_ae, existing.id)
    assert [c.id for c in await contacts_of(contacts_stub, admin, existing.id)] == [answer.contact_id]
    assert await accounts_named(accounts_stub, admin, lead.company) == []
    [event] = await conversions(sessions)
    assert (event.account_id, event.account_name, event.existing_account) == (existing.id, existing.name, True)


async def test_accounts_down_answers_unavailable_and_the_lead_stays_qualified(uows, sessions, principal_keys):
    lead = await qualified_lead(uows)
    sdr = signed(principal_keys[0], "sdr", service="leads")
    async with leads_stub(uows, principal_keys[1], f"127.0.0.1:{free_port()}", accounts_timeout=2) as down:
        await refused(down.ConvertLead(convert(lead.id), metadata=sdr, timeout=TIMEOUT), grpc.StatusCode.UNAVAILABLE)
        stored = await down.GetLead(leads_pb2.GetLeadRequest(id=lead.id), metadata=sdr, timeout=TIMEOUT)
    assert (stored.status, stored.converted_account_id, stored.version) == ("Qualified", "", lead.version)
    assert await conversions(sessions) == []


@pytest.mark.parametrize("status", ["New", "Working", "Unqualified"])
async def test_lead_6_a_lead_that_is_not_qualified_is_invalid_naming_status(stub, uows, sdr, status):
    lead = await qualified_lead(uows, status=status)
    error = await refused(stub.ConvertLead(convert(lead.id), metadata=sdr, timeout=TIMEOUT),
                          grpc.StatusCode.INVALID_ARGUMENT)
    assert error_fields(error) == ["status"]


@pytest.mark.parametrize("role", ["ae", "csr", "marketing"])
async def test_lead_6_other_roles_than_sdr_vp_sales_and_admin_are_forbidden(stub, uows, principal_keys, role):
    lead = await qualified_lead(uows)
    caller = signed(principal_keys[0], role, service="leads")
    await refused(stub.ConvertLead(convert(lead.id), metadata=caller, timeout=TIMEOUT),
                  grpc.StatusCode.PERMISSION_DENIED)
