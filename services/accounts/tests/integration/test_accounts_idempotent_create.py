"""Caller-chosen ids (LEAD-6 conversion retries): the same id and data answer the record created
first, other data is a conflict, concurrent creates make one row; an SDR creates prospect companies
owned by the territory's AE and adds contacts to accounts they see only in the directory (LEAD-5)."""
from __future__ import annotations

import asyncio
import uuid

import pytest
from accounts_testkit import ADMIN, add_territories, add_user, create, principal
from crm.accounts.v1 import events_pb2
from crmkit.errors import Conflict, Forbidden, InvalidInput, NotFound

from crm_accounts.domain.commands import AccountData, ContactData, EmailInput, UpdateAccount
from crm_accounts.service_layer import handlers, queries, record_handlers
from tests.support.events import outbox_events
from tests.support.principals import as_role

PROSPECT = AccountData(name="Acme", type="prospect", state="MA", phone="555-0100")


async def test_the_same_id_and_data_answer_the_account_created_first(uows, sessions):
    await add_territories(uows)
    ae = await add_user(uows, "ae", territories=("NE",))
    account_id = str(uuid.uuid4())
    first = await handlers.create_account(uow=uows(), principal=ADMIN, data=PROSPECT, account_id=account_id)
    assert (first.account.id, first.account.owner_id) == (account_id, ae.id)
    await handlers.update_account(uow=uows(), principal=ADMIN, command=UpdateAccount(
        account_id, AccountData(phone="555-0199")))
    again = await handlers.create_account(uow=uows(), principal=ADMIN, data=PROSPECT, account_id=account_id.upper())
    assert (again.account.id, again.account.phone, again.account.version) == (account_id, "555-0199", 2)
    with pytest.raises(Conflict) as refused:
        await handlers.create_account(uow=uows(), principal=ADMIN, account_id=account_id,
                                      data=AccountData(name="Other", type="prospect"))
    assert [p.field for p in refused.value.problems] == ["id"]
    with pytest.raises(InvalidInput) as refused:
        await handlers.create_account(uow=uows(), principal=ADMIN, data=PROSPECT, account_id="not-a-uuid")
    assert [p.field for p in refused.value.problems] == ["id"]
    created = [s for s, _ in await outbox_events(sessions, events_pb2) if s == "crm.accounts.account.created"]
    assert len(created) == 1


async def test_concurrent_creates_of_one_id_make_one_account_and_one_contact(uows, sessions):
    account_id, contact_id = str(uuid.uuid4()), str(uuid.uuid4())
    accounts = await asyncio.gather(*(handlers.create_account(uow=uows(), principal=ADMIN, data=PROSPECT,
                                                              account_id=account_id) for _ in range(5)))
    assert {view.account.id for view in accounts} == {account_id}
    person = ContactData(first_name="Jane", last_name="Doe", role="it",
                         emails=(EmailInput("jane@example.com", True),))
    contacts = await asyncio.gather(*(record_handlers.create_contact(
        uow=uows(), principal=ADMIN, account_id=account_id, data=person, contact_id=contact_id) for _ in range(5)))
    assert {(c.id, c.account_id, c.role) for c in contacts} == {(contact_id, account_id, "IT")}
    listed = (await queries.list_contacts(uow=uows(), principal=ADMIN, account_id=account_id)).items
    assert [c.id for c in listed] == [contact_id]
    subjects = [s for s, _ in await outbox_events(sessions, events_pb2)]
    assert subjects.count("crm.accounts.account.created") == 1
    assert subjects.count("crm.accounts.contact.created") == 1
    other = await create(uows, "Elsewhere")
    with pytest.raises(Conflict):  # the same contact id and data on another account is not a retry
        await record_handlers.create_contact(uow=uows(), principal=ADMIN, account_id=other.id, data=person,
                                             contact_id=contact_id)


async def test_lead_6_an_sdr_creates_a_prospect_company_owned_by_the_territory_ae(uows):
    await add_territories(uows)
    ae = await add_user(uows, "ae", territories=("NE",))
    sdr = await add_user(uows, "sdr")
    view = await handlers.create_account(uow=uows(), principal=principal(sdr), data=PROSPECT,
                                         account_id=str(uuid.uuid4()))
    assert (view.account.owner_id, view.account.territory, view.full) == (ae.id, "NE", False)
    with pytest.raises(Forbidden) as refused:
        await handlers.create_account(uow=uows(), principal=principal(sdr),
                                      data=AccountData(name="Acme", type="customer"))
    assert [p.field for p in refused.value.problems] == ["type"]
    with pytest.raises(Forbidden) as refused:
        await handlers.create_account(uow=uows(), principal=principal(sdr),
                                      data=AccountData(name="Acme", type="prospect", owner_id=sdr.id))
    assert [p.field for p in refused.value.problems] == ["owner_id"]
    with pytest.raises(Forbidden) as refused:
        await handlers.create_account(uow=uows(), principal=principal(sdr), data=AccountData(
            name="Acme #1", type="prospect", subtype="office", parent_id=view.account.id))
    assert [p.field for p in refused.value.problems] == ["subtype", "parent_id"]


async def test_lead_5_an_sdr_adds_a_contact_to_an_account_seen_only_in_the_directory(uows):
    await add_territories(uows)
    ae = await add_user(uows, "ae", territories=("NE",))
    customer = await create(uows, "Big Customer", state="MA")
    sdr = as_role("sdr")
    assert not (await queries.get_account(uow=uows(), principal=sdr, account_id=customer.id)).full
    contact = await record_handlers.create_contact(uow=uows(), principal=sdr, account_id=customer.id,
                                                   data=ContactData(last_name="Doe", role="Marketing"))
    assert (contact.account_id, contact.account_type) == (customer.id, "customer")
    assert (await queries.list_contacts(uow=uows(), principal=sdr, account_id=customer.id)).items == []
    with pytest.raises(NotFound):
        await queries.get_contact(uow=uows(), principal=sdr, contact_id=contact.id)
    listed = (await queries.list_contacts(uow=uows(), principal=principal(ae), account_id=customer.id)).items
    assert [c.id for c in listed] == [contact.id]
    with pytest.raises(NotFound):
        await record_handlers.create_contact(uow=uows(), principal=sdr, account_id=str(uuid.uuid4()),
                                             data=ContactData(last_name="Nobody"))
    with pytest.raises(Forbidden):  # marketing sees the directory too, but adds no contacts
        await record_handlers.create_contact(uow=uows(), principal=as_role("marketing"), account_id=customer.id,
                                             data=ContactData(last_name="Doe"))
