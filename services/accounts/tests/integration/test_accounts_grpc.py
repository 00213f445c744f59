"""The Accounts gRPC API on a real crmkit GrpcServer: the principal is required and verified,
unseen records answer NOT_FOUND, refused fields PERMISSION_DENIED naming the field, and a
directory-only caller gets the directory fields with the rest absent (SEC-1, SEC-3, SEC-6)."""
from __future__ import annotations

from types import SimpleNamespace
from zoneinfo import ZoneInfo

import grpc
import pytest
from accounts_testkit import add_territories, add_user
from crm.accounts.v1 import (
    accounts_pb2,
    accounts_pb2_grpc,
    activities_pb2,
    activities_pb2_grpc,
    contacts_pb2,
    contacts_pb2_grpc,
    erp_records_pb2,
    erp_records_pb2_grpc,
    kiosks_pb2,
    kiosks_pb2_grpc,
)
from crmkit.principal import generate_keypair

from crm_accounts.entrypoints.grpc_api import services
from tests.support.grpc_servers import error_fields, refused, serve_grpc
from tests.support.principals import signed


@pytest.fixture
async def stub(uows, principal_keys):
    async with (serve_grpc(*services(uows, legacy_zone=ZoneInfo("America/New_York")),
                           public_key=principal_keys[1], service="accounts") as target,
                grpc.aio.insecure_channel(target) as channel):
        yield SimpleNamespace(accounts=accounts_pb2_grpc.AccountsStub(channel),
                              contacts=contacts_pb2_grpc.ContactsStub(channel),
                              kiosks=kiosks_pb2_grpc.KiosksStub(channel),
                              activities=activities_pb2_grpc.ActivitiesStub(channel),
                              erp_records=erp_records_pb2_grpc.ErpRecordsStub(channel))


async def test_missing_and_forged_principals_are_unauthenticated(stub):
    await refused(stub.accounts.ListAccounts(accounts_pb2.ListAccountsRequest(), timeout=5),
                  grpc.StatusCode.UNAUTHENTICATED)
    forged = signed(generate_keypair()[0], "admin", service="accounts")
    await refused(stub.accounts.GetAccount(accounts_pb2.GetAccountRequest(id="x"), metadata=forged, timeout=5),
                  grpc.StatusCode.UNAUTHENTICATED)


async def test_accounts_through_grpc_with_visibility_and_the_field_policy(stub, uows, principal_keys):
    await add_territories(uows)
    ae = await add_user(uows, "ae", territories=("NE",))
    private = principal_keys[0]
    admin = signed(private, "admin", service="accounts")
    data = accounts_pb2.AccountData(name="Acme", type="customer", state="MA", customer_accounting_id="C1",
                                    street="1 Main St")
    acme = await stub.accounts.CreateAccount(accounts_pb2.CreateAccountRequest(data=data), metadata=admin, timeout=5)
    assert (acme.territory, acme.owner_id, acme.customer_accounting_id, acme.version) == ("NE", ae.id, "C1", 1)
    far = await stub.accounts.CreateAccount(accounts_pb2.CreateAccountRequest(
        data=accounts_pb2.AccountData(name="Far", type="prospect", state="CA")), metadata=admin, timeout=5)

    mine = signed(private, "ae", user_id=ae.id, territories=("NE",), service="accounts")
    error = await refused(stub.accounts.GetAccount(accounts_pb2.GetAccountRequest(id=far.id), metadata=mine, timeout=5),
                          grpc.StatusCode.NOT_FOUND)
    assert error_fields(error) == ["id"]
    await refused(stub.accounts.GetAccount(accounts_pb2.GetAccountRequest(id="not-a-uuid"), metadata=mine, timeout=5),
                  grpc.StatusCode.NOT_FOUND)
    changes = accounts_pb2.AccountData(customer_accounting_id="C2")
    error = await refused(stub.accounts.UpdateAccount(accounts_pb2.UpdateAccountRequest(id=acme.id, changes=changes),
                                             metadata=mine, timeout=5), grpc.StatusCode.PERMISSION_DENIED)
    assert error_fields(error) == ["customer_accounting_id"]
    updated = await stub.accounts.UpdateAccount(accounts_pb2.UpdateAccountRequest(
        id=acme.id, changes=accounts_pb2.AccountData(phone="617-555-0100"), expected_version=1), metadata=mine,
        timeout=5)
    assert (updated.phone, updated.version) == ("617-555-0100", 2)
    await refused(stub.accounts.UpdateAccount(accounts_pb2.UpdateAccountRequest(
        id=acme.id, changes=accounts_pb2.AccountData(phone="617-555-0101"), expected_version=1), metadata=mine,
        timeout=5),
        grpc.StatusCode.FAILED_PRECONDITION)

    sdr = signed(private, "sdr", service="accounts")
    listed = (await stub.accounts.ListAccounts(accounts_pb2.ListAccountsRequest(), metadata=sdr, timeout=5)).accounts
    assert [a.name for a in listed] == ["Acme", "Far"]
    directory = listed[0]
    assert directory.directory_only and (directory.territory, directory.owner_id) == ("NE", ae.id)
    for name in ("customer_accounting_id", "street", "phone", "version", "created_at"):
        assert not directory.HasField(name)

    kiosk = kiosks_pb2.KioskData(serial_number="SN-1", location_account_id=acme.id)
    error = await refused(stub.kiosks.CreateKiosk(kiosks_pb2.CreateKioskRequest(data=kiosk), metadata=mine, timeout=5),
                          grpc.StatusCode.PERMISSION_DENIED)
    assert "serial_number" in error_fields(error)


async def test_a_caller_chosen_id_is_a_retry_with_the_same_data_and_already_exists_otherwise(stub, principal_keys):
    admin = signed(principal_keys[0], "admin", service="accounts")
    account_id, contact_id = "6f1c2a0e-9a51-5b8e-8d6a-2b7f0c1d3e4f", "0b8e5a52-3c1d-5f0e-9a7b-6c5d4e3f2a1b"
    data = accounts_pb2.AccountData(name="Acme", type="prospect")
    first = await stub.accounts.CreateAccount(accounts_pb2.CreateAccountRequest(data=data, id=account_id),
                                              metadata=admin, timeout=5)
    again = await stub.accounts.CreateAccount(accounts_pb2.CreateAccountRequest(data=data, id=account_id),
                                              metadata=admin, timeout=5)
    assert first.id == again.id == account_id
    other = accounts_pb2.AccountData(name="Other", type="prospect")
    error = await refused(stub.accounts.CreateAccount(accounts_pb2.CreateAccountRequest(data=other, id=account_id),
                                                      metadata=admin, timeout=5), grpc.StatusCode.ALREADY_EXISTS)
    assert error_fields(error) == ["id"]
    person = contacts_pb2.CreateContactRequest(account_id=account_id, id=contact_id,
                                               data=contacts_pb2.ContactData(last_name="Doe"))
    assert (await stub.contacts.CreateContact(person, metadata=admin, timeout=5)).id == contact_id
    assert (await stub.contacts.CreateContact(person, metadata=admin, timeout=5)).id == contact_id
    listed = await stub.contacts.ListContacts(contacts_pb2.ListContactsRequest(account_id=account_id), metadata=admin,
                                              timeout=5)
    assert [c.id for c in listed.contacts] == [contact_id]


async def test_the_lists_of_an_account_page_with_page_size_and_cursor(stub, uows, principal_keys):
    admin = signed(principal_keys[0], "admin", service="accounts")
    company = await stub.accounts.CreateAccount(accounts_pb2.CreateAccountRequest(
        data=accounts_pb2.AccountData(name="Paged", type="customer")), metadata=admin, timeout=5)
    location = await stub.accounts.CreateAccount(accounts_pb2.CreateAccountRequest(data=accounts_pb2.AccountData(
        name="Paged #1", type="customer", subtype="kiosk_location", parent_id=company.id)), metadata=admin, timeout=5)
    for name in ("Bo", "Al"):
        await stub.contacts.CreateContact(contacts_pb2.CreateContactRequest(
            account_id=company.id, data=contacts_pb2.ContactData(last_name=name)), metadata=admin, timeout=5)
    for serial in ("SN-B", "SN-A"):
        await stub.kiosks.CreateKiosk(kiosks_pb2.CreateKioskRequest(data=kiosks_pb2.KioskData(
            serial_number=serial, location_account_id=location.id)), metadata=admin, timeout=5)
    users = sorted([(await add_user(uows, "ae")).id for _ in range(2)])
    for user_id in users:
        await stub.accounts.ShareAccount(accounts_pb2.ShareAccountRequest(account_id=company.id, user_id=user_id,
                                                                          access="read"), metadata=admin, timeout=5)

    async def pages(rpc, request, items: str, key: str) -> list[list[str]]:
        """The `key` of each item, page by page, one item a page."""
        found, cursor = [], ""
        while True:
            request.page_size, request.cursor = 1, cursor
            answer = await rpc(request, metadata=admin, timeout=5)
            found.append([getattr(item, key) for item in getattr(answer, items)])
            if not answer.next_cursor:
                return found
            cursor = answer.next_cursor

    assert await pages(stub.contacts.ListContacts, contacts_pb2.ListContactsRequest(account_id=company.id),
                       "contacts", "last_name") == [["Al"], ["Bo"]]
    assert await pages(stub.kiosks.ListKiosks, kiosks_pb2.ListKiosksRequest(location_account_id=location.id),
                       "kiosks", "serial_number") == [["SN-A"], ["SN-B"]]
    assert await pages(stub.accounts.ListShares, accounts_pb2.ListSharesRequest(account_id=company.id),
                       "shares", "user_id") == [[user_id] for user_id in users]


async def test_the_erp_import_rpcs_and_directory_matching(stub, principal_keys):
    erp = signed(principal_keys[0], "erp", service="accounts")
    written = await stub.erp_records.UpsertCompanies(erp_records_pb2.UpsertCompaniesRequest(rows=[
        erp_records_pb2.CompanyRow(customer_accounting_id="C1", name="Acme Kiosks Inc.", hq_state="MA", active=True)]),
        metadata=erp, timeout=5)
    assert [(o.key, o.outcome) for o in written.outcomes] == [("C1", "created")]
    written = await stub.erp_records.UpsertLocations(erp_records_pb2.UpsertLocationsRequest(rows=[
        erp_records_pb2.LocationRow(ship_to_id="S1", customer_accounting_id="C1", name="Acme Boston",
                                 subtype="kiosk_location", state="MA", active=True),
        erp_records_pb2.LocationRow(ship_to_id="S2", customer_accounting_id="C404", name="Nowhere", subtype="office",
                                 active=True)]), metadata=erp, timeout=5)
    assert [(o.key, o.outcome, o.field) for o in written.outcomes] == [
        ("S1", "created", ""), ("S2", "failed", "customer_accounting_id")]
    written = await stub.erp_records.UpsertKiosks(erp_records_pb2.UpsertKiosksRequest(rows=[
        erp_records_pb2.KioskRow(serial_number="KX-1", ship_to_id="S1", model="KX-100", install_date="2025-08-30"),
        erp_records_pb2.KioskRow(serial_number="KX-2", ship_to_id="S1", warranty_end_date="2025-02-30")]),
        metadata=erp, timeout=5)
    assert [(o.key, o.outcome, o.field) for o in written.outcomes] == [
        ("KX-1", "created", ""), ("KX-2", "failed", "warranty_end_date")]
    found = await stub.erp_records.MatchDirectory(
        erp_records_pb2.MatchDirectoryRequest(company_keys=["acme kiosks", "acme boston"]), metadata=erp, timeout=5)
    assert [(c.company_key, c.account_name) for c in found.companies] == [("acme kiosks", "Acme Kiosks Inc.")]
    listed = await stub.accounts.ListAccounts(accounts_pb2.ListAccountsRequest(parent_id=found.companies[0].account_id),
                                     metadata=erp, timeout=5)
    assert [(a.erp_ship_to_id, a.HasField("erp_ship_to_id")) for a in listed.accounts] == [("S1", True)]
    sdr = signed(principal_keys[0], "sdr", service="accounts")
    directory = await stub.accounts.GetAccount(accounts_pb2.GetAccountRequest(id=listed.accounts[0].id), metadata=sdr,
                                               timeout=5)
    assert directory.directory_only and not directory.HasField("erp_ship_to_id")
    for role in ("ae", "sdr", "csr", "vp_sales"):
        caller = signed(principal_keys[0], role, service="accounts")
        await refused(stub.erp_records.UpsertKiosks(erp_records_pb2.UpsertKiosksRequest(), metadata=caller, timeout=5),
                      grpc.StatusCode.PERMISSION_DENIED)
        await refused(stub.erp_records.MatchDirectory(erp_records_pb2.MatchDirectoryRequest(), metadata=caller,
                                                      timeout=5),
                      grpc.StatusCode.PERMISSION_DENIED)


async def test_the_legacy_import_and_activity_rpcs(stub, uows, principal_keys):
    await add_territories(uows)
    ae = await add_user(uows, "ae", territories=("NE",))
    erp = signed(principal_keys[0], "erp", service="accounts")
    written = await stub.erp_records.UpsertLegacyContacts(erp_records_pb2.UpsertLegacyContactsRequest(rows=[
        erp_records_pb2.LegacyContactRow(
            legacy_id="R1", first_name="David", last_name="Lee", title="Procurement Lead", role="Purchasing",
            emails=["david.lee@harbor.example", "david.lee@gmail.example"],
            phones=[contacts_pb2.Phone(number="(404) 644-0270", type="work", extension="12"),
                    contacts_pb2.Phone(number="(617) 425-8879", type="mobile")],
            company="HARBOR STORES LLC", company_key="harbor stores", state="MA", country="US", status="active",
            annual_revenue="1,000,000", last_result="Demo booked"),
        erp_records_pb2.LegacyContactRow(legacy_id="R2", company="Harbor Stores")]), metadata=erp, timeout=5)
    assert [(o.key, o.outcome, o.field) for o in written.outcomes] == [("R1", "created", ""),
                                                                        ("R2", "failed", "last_name")]
    mine = signed(principal_keys[0], "ae", user_id=ae.id, territories=("NE",), service="accounts")
    [company] = (await stub.accounts.SearchAccounts(accounts_pb2.SearchAccountsRequest(query="harbor"), metadata=mine,
                                           timeout=5)).accounts
    assert (company.type, company.owner_id) == ("prospect", ae.id)
    [contact] = (await stub.contacts.ListContacts(contacts_pb2.ListContactsRequest(account_id=company.id),
                                                  metadata=mine, timeout=5)).contacts
    assert [e.address for e in contact.emails] == ["david.lee@harbor.example", "david.lee@gmail.example"]
    assert [(p.type, p.extension) for p in contact.phones] == [("work", "12"), ("mobile", "")]
    assert (contact.role, contact.legacy.role, contact.legacy.annual_revenue) == ("", "Purchasing", "1000000.00")

    written = await stub.erp_records.UpsertLegacyActivities(erp_records_pb2.UpsertLegacyActivitiesRequest(rows=[
        erp_records_pb2.LegacyActivityRow(legacy_key="E1", kind="email", contact_legacy_id="R1",
                                       occurred_at="2018-11-17 04:52", subject="Follow-up", direction="inbound"),
        erp_records_pb2.LegacyActivityRow(legacy_key="N1", kind="note", contact_legacy_id="R9",
                                       occurred_at="2019-01-01 10:00", body="x")]), metadata=erp, timeout=5)
    assert [(o.key, o.outcome, o.field) for o in written.outcomes] == [("E1", "created", ""),
                                                                        ("N1", "failed", "contact_legacy_id")]
    logged = await stub.activities.CreateActivity(activities_pb2.CreateActivityRequest(
        account_id=company.id, contact_id=contact.id, kind="meeting", subject="Demo at HQ",
        occurred_at="2026-11-20T15:00:00Z"), metadata=mine, timeout=5)
    assert (logged.author, logged.kind, logged.occurred_at.ToJsonString()) == (ae.id, "meeting",
                                                                               "2026-11-20T15:00:00Z")
    page = await stub.activities.ListActivities(
        activities_pb2.ListActivitiesRequest(contact_id=contact.id, page_size=1), metadata=mine, timeout=5)
    assert [a.id for a in page.activities] == [logged.id] and page.next_cursor
    rest = await stub.activities.ListActivities(activities_pb2.ListActivitiesRequest(
        contact_id=contact.id, cursor=page.next_cursor), metadata=mine, timeout=5)
    assert [(a.legacy_key, a.direction, a.occurred_at.ToJsonString()) for a in rest.activities] == [
        ("E1", "in", "2018-11-17T09:52:00Z")]
    overview = await stub.accounts.GetAccountOverview(accounts_pb2.GetAccountOverviewRequest(account_id=company.id),
                                             metadata=mine, timeout=5)
    assert [a.subject for a in overview.activities] == ["Demo at HQ", "Follow-up"]
    sdr = signed(principal_keys[0], "sdr", service="accounts")
    error = await refused(stub.activities.ListActivities(activities_pb2.ListActivitiesRequest(account_id=company.id),
                                              metadata=sdr, timeout=5), grpc.StatusCode.PERMISSION_DENIED)
    assert error_fields(error) == ["account_id"]
    await refused(stub.erp_records.UpsertLegacyContacts(erp_records_pb2.UpsertLegacyContactsRequest(), metadata=mine,
                                                        timeout=5),
                  grpc.StatusCode.PERMISSION_DENIED)
