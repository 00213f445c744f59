"""Account, contact, kiosk and share round trips over real PostgreSQL, with their outbox events
(ACC-1, ACC-2, ACC-5, CON-1, CON-2, SEC-1, SEC-5, SEC-6, GEN-11)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from accounts_testkit import ADMIN, add_territories, add_user, create, principal
from crm.accounts.v1 import events_pb2
from crmkit.errors import Conflict, Forbidden, InvalidInput, NotFound, PreconditionFailed

from crm_accounts.domain.commands import (
    AccountData,
    ChangeAccountStatus,
    ContactData,
    EmailInput,
    KioskData,
    PhoneInput,
    ReassignAccounts,
    ShareAccount,
    UpdateAccount,
    UpdateContact,
    UpdateKiosk,
)
from crm_accounts.service_layer import handlers, queries, record_handlers
from tests.support.events import outbox_events
from tests.support.principals import as_role


async def test_acc_2_create_derives_territory_and_owner_and_round_trips(uows, sessions):
    await add_territories(uows)
    ae = await add_user(uows, "ae", territories=("NE",))
    kam = await add_user(uows, "key_account_rep")
    account = await create(uows, "Acme", state="ma", street="1 Main St", city="Boston", postal_code="02101",
                           country="us", phone="555-0100", website="acme.example.com", customer_accounting_id="C1")
    assert (account.territory, account.owner_id, account.state, account.country) == ("NE", ae.id, "MA", "US")
    key = await create(uows, "Big Co", state="CA", key_account=True)
    assert (key.territory, key.owner_id) == ("PAC", kam.id)
    nowhere = await create(uows, "Far Away", state="ZZ")
    assert (nowhere.territory, nowhere.owner_id) == ("", "")

    stored = (await queries.get_account(uow=uows(), principal=ADMIN, account_id=account.id)).account
    assert (stored.name, stored.city, stored.customer_accounting_id, stored.territory, stored.version) == (
        "Acme", "Boston", "C1", "NE", 1)
    events = await outbox_events(sessions, events_pb2)
    assert [subject for subject, _ in events] == ["crm.accounts.account.created"] * 3
    assert events[0][1].account.customer_accounting_id == "C1" and events[0][1].account.territory == "NE"


async def test_update_honours_if_match_and_moves_the_territory(uows, sessions):
    await add_territories(uows)
    account = await create(uows, "Acme", state="MA")
    command = UpdateAccount(account.id, AccountData(state="NY", name="Acme Inc"), expected_version=1)
    updated = (await handlers.update_account(uow=uows(), principal=ADMIN, command=command)).account
    assert (updated.territory, updated.name, updated.version) == ("MA", "Acme Inc", 2)
    with pytest.raises(PreconditionFailed):
        await handlers.update_account(uow=uows(), principal=ADMIN, command=command)
    with pytest.raises(InvalidInput):
        await handlers.update_account(uow=uows(), principal=ADMIN,
                                      command=UpdateAccount(account.id, AccountData(name="")))
    subject, event = (await outbox_events(sessions, events_pb2))[-1]
    assert subject == "crm.accounts.account.updated" and sorted(event.changed_fields) == ["name", "state"]
    assert event.account.territory == "MA" and event.account.version == 2


async def test_sec_1_accounting_id_is_unique_and_written_by_admin_and_erp_only(uows):
    ae = await add_user(uows, "ae", territories=("NE",))
    await create(uows, "One", customer_accounting_id="C10001")
    with pytest.raises(Conflict) as taken:
        await create(uows, "Two", customer_accounting_id="C10001")
    assert taken.value.problems[0].field == "customer_accounting_id"
    erp = as_role("erp")
    second = await create(uows, "Two", customer_accounting_id="C10002", caller=erp)
    mine = await create(uows, "Mine", owner_id=ae.id, customer_accounting_id="C10003")
    for value in ("C9", ""):
        with pytest.raises(Forbidden) as refused:
            await handlers.update_account(uow=uows(), principal=principal(ae), command=UpdateAccount(
                mine.id, AccountData(customer_accounting_id=value)))
        assert refused.value.problems[0].field == "customer_accounting_id"
    with pytest.raises(Forbidden):
        await create(uows, "Sneaky", customer_accounting_id="C3", caller=principal(ae))
    # Sending the value it already has is not a change.
    await handlers.update_account(uow=uows(), principal=principal(ae),
                                  command=UpdateAccount(mine.id, AccountData(customer_accounting_id="C10003",
                                                                               phone="617-555-0101")))
    cleared = await handlers.update_account(uow=uows(), principal=erp, command=UpdateAccount(
        second.id, AccountData(customer_accounting_id="")))
    assert cleared.account.customer_accounting_id == ""
    await create(uows, "Three")  # many accounts without an accounting id
    await create(uows, "Four")


async def test_deactivate_and_reactivate_publish_and_bump_the_version(uows, sessions):
    account = await create(uows, "Acme")
    off = await handlers.change_status(uow=uows(), principal=ADMIN, command=ChangeAccountStatus(account.id, False, 1))
    assert (off.account.status, off.account.version) == ("inactive", 2)
    again = await handlers.change_status(uow=uows(), principal=ADMIN, command=ChangeAccountStatus(account.id, False))
    assert again.account.version == 2
    on = await handlers.change_status(uow=uows(), principal=ADMIN, command=ChangeAccountStatus(account.id, True))
    assert (on.account.status, on.account.version) == ("active", 3)
    assert [s for s, _ in await outbox_events(sessions, events_pb2)] == [
        "crm.accounts.account.created", "crm.accounts.account.deactivated", "crm.accounts.account.updated"]


async def test_con_1_con_2_contacts_round_trip_with_their_account_status_and_type(uows, sessions):
    account = await create(uows, "Acme", type="prospect")
    data = ContactData(first_name="Jane", last_name="Doe", title="CTO", role="it", holiday_card=True,
                       emails=(EmailInput("jane@acme.example"), EmailInput("jd@home.example")),
                       phones=(PhoneInput("555-0100", "work", "12"),), legacy_id="L-1",
                       linkedin_url="https://linkedin.com/in/jane")
    contact = await record_handlers.create_contact(uow=uows(), principal=ADMIN, account_id=account.id, data=data)
    stored = await queries.get_contact(uow=uows(), principal=ADMIN, contact_id=contact.id)
    assert (stored.role, stored.email2, stored.holiday_card, stored.legacy_id) == ("IT", "jd@home.example", True, "L-1")
    assert stored.phones == (PhoneInput("555-0100", "work", "12"),)
    assert (stored.account_status, stored.account_type) == ("active", "prospect")
    await handlers.change_status(uow=uows(), principal=ADMIN, command=ChangeAccountStatus(account.id, False))
    updated = await record_handlers.update_contact(uow=uows(), principal=ADMIN, command=UpdateContact(
        contact.id, ContactData(status="inactive", emails=()), expected_version=1))
    assert (updated.status, updated.emails, updated.version, updated.account_status) == ("inactive", (), 2, "inactive")
    with pytest.raises(Conflict):
        await record_handlers.create_contact(uow=uows(), principal=ADMIN, account_id=account.id,
                                             data=ContactData(last_name="Dup", legacy_id="L-1"))
    listed = (await queries.list_contacts(uow=uows(), principal=ADMIN, account_id=account.id)).items
    assert [c.id for c in listed] == [contact.id]
    subjects = [s for s, _ in await outbox_events(sessions, events_pb2) if ".contact." in s]
    assert subjects == ["crm.accounts.contact.created", "crm.accounts.contact.updated"]


async def test_acc_5_sec_6_kiosks_are_written_by_support_only(uows, sessions):
    company = await create(uows, "Acme")
    location = await create(uows, "Acme #1", subtype="kiosk_location", parent_id=company.id)
    end = (date.today() + timedelta(days=30)).isoformat()
    data = KioskData(serial_number="SN-1", model="K2", location_account_id=location.id, warranty_end_date=end)
    for role in ("ae", "rsm", "se", "sdr", "vp_sales", "key_account_rep"):
        with pytest.raises(Forbidden) as refused:
            await record_handlers.create_kiosk(uow=uows(), principal=as_role(role), data=data)
        assert "serial_number" in [p.field for p in refused.value.problems]
    csr = as_role("csr")
    kiosk = await record_handlers.create_kiosk(uow=uows(), principal=csr, data=data)
    assert kiosk.warranty_state(date.today()) == "expiring"
    with pytest.raises(Conflict):
        await record_handlers.create_kiosk(uow=uows(), principal=csr, data=data)
    with pytest.raises(InvalidInput):
        await record_handlers.create_kiosk(uow=uows(), principal=csr, data=KioskData(
            serial_number="SN-2", location_account_id=company.id))
    with pytest.raises(Forbidden):
        await record_handlers.update_kiosk(uow=uows(), principal=as_role("ae"),
                                           command=UpdateKiosk(kiosk.id, KioskData(software_version="2")))
    updated = await record_handlers.update_kiosk(uow=uows(), principal=as_role("cs_manager"), command=UpdateKiosk(
        kiosk.id, KioskData(software_version="2.1", warranty_end_date=""), expected_version=1))
    assert (updated.software_version, updated.warranty_end_date, updated.version) == ("2.1", None, 2)
    listed = (await queries.list_kiosks(uow=uows(), principal=csr, location_account_id=location.id)).items
    assert [k.serial_number for k in listed] == ["SN-1"]
    by_serial = (await queries.list_kiosks(uow=uows(), principal=csr, location_account_id="",
                                           serial_number=" SN-1 ")).items
    assert [k.id for k in by_serial] == [kiosk.id]  # SUP-5: a case names its kiosk by serial
    assert (await queries.list_kiosks(uow=uows(), principal=as_role("ae"), location_account_id="",
                                      serial_number="SN-1")).items == []  # not a kiosk this AE may read
    with pytest.raises(InvalidInput) as neither:
        await queries.list_kiosks(uow=uows(), principal=csr, location_account_id="")
    assert neither.value.problems[0].field == "location_account_id"
    assert [s for s, _ in await outbox_events(sessions, events_pb2) if ".kiosk." in s] == [
        "crm.accounts.kiosk.created", "crm.accounts.kiosk.updated"]


async def test_sec_5_the_owner_shares_and_revokes(uows, sessions):
    await add_territories(uows)
    owner = await add_user(uows, "ae", territories=("NE",))
    other = await add_user(uows, "ae", territories=("PAC",))
    account = await create(uows, "Acme", state="MA")
    assert account.owner_id == owner.id
    with pytest.raises(NotFound):
        await queries.get_account(uow=uows(), principal=principal(other), account_id=account.id)
    with pytest.raises(NotFound):  # the other AE cannot share it with themself: they do not see it
        await handlers.share_account(uow=uows(), principal=principal(other), command=ShareAccount(
            account.id, other.id, "read"))
    with pytest.raises(InvalidInput) as refused:
        await handlers.share_account(uow=uows(), principal=principal(owner), command=ShareAccount(
            account.id, "not-a-user", "read"))
    assert refused.value.problems[0].field == "user_id"
    await handlers.share_account(uow=uows(), principal=principal(owner),
                                 command=ShareAccount(account.id, other.id, "read"))
    view = await queries.get_account(uow=uows(), principal=principal(other), account_id=account.id)
    assert view.full
    with pytest.raises(Forbidden):  # a read share does not let them change it
        await handlers.update_account(uow=uows(), principal=principal(other),
                                      command=UpdateAccount(account.id, AccountData(phone="617-555-0101")))
    await handlers.share_account(uow=uows(), principal=principal(owner),
                                 command=ShareAccount(account.id, other.id, "Edit"))
    await handlers.update_account(uow=uows(), principal=principal(other),
                                  command=UpdateAccount(account.id, AccountData(phone="617-555-0101")))
    shares = (await queries.list_shares(uow=uows(), principal=principal(owner), account_id=account.id)).items
    assert [(s.user_id, s.access, s.granted_by) for s in shares] == [(other.id, "edit", owner.id)]
    await handlers.revoke_share(uow=uows(), principal=principal(owner), account_id=account.id, user_id=other.id)
    with pytest.raises(NotFound):
        await queries.get_account(uow=uows(), principal=principal(other), account_id=account.id)
    with pytest.raises(NotFound):
        await handlers.revoke_share(uow=uows(), principal=principal(owner), account_id=account.id, user_id=other.id)
    assert [s for s, _ in await outbox_events(sessions, events_pb2) if ".share." in s] == [
        "crm.accounts.share.granted", "crm.accounts.share.granted", "crm.accounts.share.revoked"]


async def test_gen_11_an_admin_reassigns_every_account_of_a_user_at_once(uows, sessions):
    leaving = await add_user(uows, "ae", territories=("NE",))
    taking = await add_user(uows, "ae", territories=("NE",))
    theirs = [await create(uows, f"Co {n}", owner_id=leaving.id) for n in range(3)]
    await create(uows, "Someone else's")
    command = ReassignAccounts(leaving.id, taking.id)
    with pytest.raises(Forbidden):
        await handlers.reassign_accounts(uow=uows(), principal=as_role("vp_sales"), command=command)
    moved = await handlers.reassign_accounts(uow=uows(), principal=ADMIN, command=command)
    assert sorted(moved) == sorted(a.id for a in theirs)
    for account in theirs:
        stored = (await queries.get_account(uow=uows(), principal=ADMIN, account_id=account.id)).account
        assert (stored.owner_id, stored.version) == (taking.id, 2)
    reassigned = [e for s, e in await outbox_events(sessions, events_pb2) if s == "crm.accounts.account.reassigned"]
    assert {(e.account.owner_id, e.previous_owner_id) for e in reassigned} == {(taking.id, leaving.id)}
    assert len(reassigned) == 3
    with pytest.raises(InvalidInput):
        await handlers.reassign_accounts(uow=uows(), principal=ADMIN, command=ReassignAccounts(taking.id, "nobody"))


async def test_issue_13_a_bulk_reassignment_moves_nothing_to_a_successor_who_may_not_own_the_territory(uows):
    """Finding 7 for GEN-11: the successor must be eligible for every territory the accounts lie in."""
    await add_territories(uows)
    leaving = await add_user(uows, "ae", territories=("NE", "MA"))
    pacific = await add_user(uows, "ae", territories=("PAC",))
    csr = await add_user(uows, "csr")
    theirs = [await create(uows, "Boston Co", state="MA", owner_id=leaving.id),
              await create(uows, "Newark Co", state="NJ", owner_id=leaving.id)]
    for successor in (pacific, csr):
        with pytest.raises(InvalidInput) as refused:
            await handlers.reassign_accounts(uow=uows(), principal=ADMIN,
                                             command=ReassignAccounts(leaving.id, successor.id))
        assert [p.field for p in refused.value.problems] == ["to_user_id"]
        assert "'MA', 'NE'" in str(refused.value) and "nothing was reassigned" in str(refused.value)
    for account in theirs:
        stored = (await queries.get_account(uow=uows(), principal=ADMIN, account_id=account.id)).account
        assert (stored.owner_id, stored.version) == (leaving.id, 1)
    key_rep = await add_user(uows, "key_account_rep")
    moved = await handlers.reassign_accounts(uow=uows(), principal=ADMIN,
                                             command=ReassignAccounts(leaving.id, key_rep.id))
    assert sorted(moved) == sorted(a.id for a in theirs)
