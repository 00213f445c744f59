"""The Accounts gRPC API on a real crmkit GrpcServer: the principal is required and verified,
unseen records answer NOT_FOUND, refused fields PERMISSION_DENIED naming the field, and a
directory-only caller gets the directory fields with the rest absent (SEC-1, SEC-3, SEC-6)."""
from __future__ import annotations

import json
from zoneinfo import ZoneInfo

import grpc
import pytest
from crm.accounts.v1 import accounts_pb2, accounts_pb2_grpc
from crmkit.grpc.server import ERROR_METADATA_KEY, GrpcServer
from crmkit.principal import METADATA_KEY, Principal, PrincipalSigner, PrincipalVerifier, generate_keypair

from crm_accounts.entrypoints.grpc_api import SERVICE_NAME, AccountsServicer
from accounts_testkit import add_territories, add_user


@pytest.fixture
async def stub(uows, principal_keys):
    server = GrpcServer(verifier=PrincipalVerifier(principal_keys[1], service="accounts"), address="127.0.0.1:0",
                        services=[(accounts_pb2_grpc.add_AccountsServicer_to_server,
                                   AccountsServicer(uows, legacy_zone=ZoneInfo("America/New_York")), SERVICE_NAME)])
    await server.start()
    channel = grpc.aio.insecure_channel(f"127.0.0.1:{server.port}")
    yield accounts_pb2_grpc.AccountsStub(channel)
    await channel.close()
    await server.drain(0)


def signed(private_key: str, role: str, user_id: str = "", territories: tuple[str, ...] = ()):
    token = PrincipalSigner(private_key).sign(Principal(user_id=user_id or f"{role}-1", role=role,
                                                        territories=territories), service="accounts")
    return ((METADATA_KEY, token),)


def error_fields(exc: grpc.aio.AioRpcError) -> list[str]:
    return [e["field"] for e in json.loads(dict(exc.trailing_metadata())[ERROR_METADATA_KEY])["errors"]]


async def refused(call, code: grpc.StatusCode) -> grpc.aio.AioRpcError:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call
    assert caught.value.code() == code
    return caught.value


async def test_missing_and_forged_principals_are_unauthenticated(stub):
    await refused(stub.ListAccounts(accounts_pb2.ListAccountsRequest(), timeout=5), grpc.StatusCode.UNAUTHENTICATED)
    forged = signed(generate_keypair()[0], "admin")
    await refused(stub.GetAccount(accounts_pb2.GetAccountRequest(id="x"), metadata=forged, timeout=5),
                  grpc.StatusCode.UNAUTHENTICATED)


async def test_accounts_through_grpc_with_visibility_and_the_field_policy(stub, uows, principal_keys):
    await add_territories(uows)
    ae = await add_user(uows, "ae", territories=("NE",))
    private = principal_keys[0]
    admin = signed(private, "admin")
    data = accounts_pb2.AccountData(name="Acme", type="customer", state="MA", customer_accounting_id="C1",
                                    street="1 Main St")
    acme = await stub.CreateAccount(accounts_pb2.CreateAccountRequest(data=data), metadata=admin, timeout=5)
    assert (acme.territory, acme.owner_id, acme.customer_accounting_id, acme.version) == ("NE", ae.id, "C1", 1)
    far = await stub.CreateAccount(accounts_pb2.CreateAccountRequest(
        data=accounts_pb2.AccountData(name="Far", type="prospect", state="CA")), metadata=admin, timeout=5)

    mine = signed(private, "ae", ae.id, ("NE",))
    error = await refused(stub.GetAccount(accounts_pb2.GetAccountRequest(id=far.id), metadata=mine, timeout=5),
                          grpc.StatusCode.NOT_FOUND)
    assert error_fields(error) == ["id"]
    await refused(stub.GetAccount(accounts_pb2.GetAccountRequest(id="not-a-uuid"), metadata=mine, timeout=5),
                  grpc.StatusCode.NOT_FOUND)
    changes = accounts_pb2.AccountData(customer_accounting_id="C2")
    error = await refused(stub.UpdateAccount(accounts_pb2.UpdateAccountRequest(id=acme.id, changes=changes),
                                             metadata=mine, timeout=5), grpc.StatusCode.PERMISSION_DENIED)
    assert error_fields(error) == ["customer_accounting_id"]
    updated = await stub.UpdateAccount(accounts_pb2.UpdateAccountRequest(
        id=acme.id, changes=accounts_pb2.AccountData(phone="555"), expected_version=1), metadata=mine, timeout=5)
    assert (updated.phone, updated.version) == ("555", 2)
    await refused(stub.UpdateAccount(accounts_pb2.UpdateAccountRequest(
        id=acme.id, changes=accounts_pb2.AccountData(phone="556"), expected_version=1), metadata=mine, timeout=5),
        grpc.StatusCode.FAILED_PRECONDITION)

    sdr = signed(private, "sdr")
    listed = (await stub.ListAccounts(accounts_pb2.ListAccountsRequest(), metadata=sdr, timeout=5)).accounts
    assert [a.name for a in listed] == ["Acme", "Far"]
    directory = listed[0]
    assert directory.directory_only and (directory.territory, directory.owner_id) == ("NE", ae.id)
    for name in ("customer_accounting_id", "street", "phone", "version", "created_at"):
        assert not directory.HasField(name)

    kiosk = accounts_pb2.KioskData(serial_number="SN-1", location_account_id=acme.id)
    error = await refused(stub.CreateKiosk(accounts_pb2.CreateKioskRequest(data=kiosk), metadata=mine, timeout=5),
                          grpc.StatusCode.PERMISSION_DENIED)
    assert "serial_number" in error_fields(error)


async def test_a_caller_chosen_id_is_a_retry_with_the_same_data_and_already_exists_otherwise(stub, principal_keys):
    admin = signed(principal_keys[0], "admin")
    account_id, contact_id = "6f1c2a0e-9a51-5b8e-8d6a-2b7f0c1d3e4f", "0b8e5a52-3c1d-5f0e-9a7b-6c5d4e3f2a1b"
    data = accounts_pb2.AccountData(name="Acme", type="prospect")
    first = await stub.CreateAccount(accounts_pb2.CreateAccountRequest(data=data, id=account_id), metadata=admin,
                                     timeout=5)
    again = await stub.CreateAccount(accounts_pb2.CreateAccountRequest(data=data, id=account_id), metadata=admin,
                                     timeout=5)
    assert first.id == again.id == account_id
    other = accounts_pb2.AccountData(name="Other", type="prospect")
    error = await refused(stub.CreateAccount(accounts_pb2.CreateAccountRequest(data=other, id=account_id),
                                             metadata=admin, timeout=5), grpc.StatusCode.ALREADY_EXISTS)
    assert error_fields(error) == ["id"]
    person = accounts_pb2.CreateContactRequest(account_id=account_id, id=contact_id,
                                               data=accounts_pb2.ContactData(last_name="Doe"))
    assert (await stub.CreateContact(person, metadata=admin, timeout=5)).id == contact_id
    assert (await stub.CreateContact(person, metadata=admin, timeout=5)).id == contact_id
    listed = await stub.ListContacts(accounts_pb2.ListContactsRequest(account_id=account_id), metadata=admin,
                                     timeout=5)
    assert [c.id for c in listed.contacts] == [contact_id]


async def test_the_erp_import_rpcs_and_directory_matching(stub, principal_keys):
    erp = signed(principal_keys[0], "erp")
    written = await stub.UpsertCompanies(accounts_pb2.UpsertCompaniesRequest(rows=[
        accounts_pb2.CompanyRow(customer_accounting_id="C1", name="Acme Kiosks Inc.", hq_state="MA", active=True)]),
        metadata=erp, timeout=5)
    assert [(o.key, o.outcome) for o in written.outcomes] == [("C1", "created")]
    written = await stub.UpsertLocations(accounts_pb2.UpsertLocationsRequest(rows=[
        accounts_pb2.LocationRow(ship_to_id="S1", customer_accounting_id="C1", name="Acme Boston",
                                 subtype="kiosk_location", state="MA", active=True),
        accounts_pb2.LocationRow(ship_to_id="S2", customer_accounting_id="C404", name="Nowhere", subtype="office",
                                 active=True)]), metadata=erp, timeout=5)
    assert [(o.key, o.outcome, o.field) for o in written.outcomes] == [
        ("S1", "created", ""), ("S2", "failed", "customer_accounting_id")]
    written = await stub.UpsertKiosks(accounts_pb2.UpsertKiosksRequest(rows=[
        accounts_pb2.KioskRow(serial_number="KX-1", ship_to_id="S1", model="KX-100", install_date="2025-08-30"),
        accounts_pb2.KioskRow(serial_number="KX-2", ship_to_id="S1", warranty_end_date="2025-02-30")]),
        metadata=erp, timeout=5)
    assert [(o.key, o.outcome, o.field) for o in written.outcomes] == [
        ("KX-1", "created", ""), ("KX-2", "failed", "warranty_end_date")]
    found = await stub.MatchDirectory(accounts_pb2.MatchDirectoryRequest(company_keys=["acme kiosks", "acme boston"]),
                                      metadata=erp, timeout=5)
    assert [(c.company_key, c.account_name) for c in found.companies] == [("acme kiosks", "Acme Kiosks Inc.")]
    listed = await stub.ListAccounts(accounts_pb2.ListAccountsRequest(parent_id=found.companies[0].account_id),
                                     metadata=erp, timeout=5)
    assert [(a.erp_ship_to_id, a.HasField("erp_ship_to_id")) for a in listed.accounts] == [("S1", True)]
    sdr = signed(principal_keys[0], "sdr")
    directory = await stub.GetAccount(accounts_pb2.GetAccountRequest(id=listed.accounts[0].id), metadata=sdr, timeout=5)
    assert directory.directory_only and not directory.HasField("erp_ship_to_id")
    for role in ("ae", "sdr", "csr", "vp_sales"):
        caller = signed(principal_keys[0], role)
        await refused(stub.UpsertKiosks(accounts_pb2.UpsertKiosksRequest(), metadata=caller, timeout=5),
                      grpc.StatusCode.PERMISSION_DENIED)
        await refused(stub.MatchDirectory(accounts_pb2.MatchDirectoryRequest(), metadata=caller, timeout=5),
                      grpc.StatusCode.PERMISSION_DENIED)


async def test_the_legacy_import_and_activity_rpcs(stub, uows, principal_keys):
    await add_territories(uows)
    ae = await add_user(uows, "ae", territories=("NE",))
    erp = signed(principal_keys[0], "erp")
    written = await stub.UpsertLegacyContacts(accounts_pb2.UpsertLegacyContactsRequest(rows=[
        accounts_pb2.LegacyContactRow(
            legacy_id="R1", first_name="David", last_name="Lee", title="Procurement Lead", role="Purchasing",
            emails=["david.lee@harbor.example", "david.lee@gmail.example"],
            phones=[accounts_pb2.Phone(number="(404) 644-0270", type="work", extension="12"),
                    accounts_pb2.Phone(number="(617) 425-8879", type="mobile")],
            company="HARBOR STORES LLC", company_key="harbor stores", state="MA", country="US", status="active",
            annual_revenue="1,000,000", last_result="Demo booked"),
        accounts_pb2.LegacyContactRow(legacy_id="R2", company="Harbor Stores")]), metadata=erp, timeout=5)
    assert [(o.key, o.outcome, o.field) for o in written.outcomes] == [("R1", "created", ""),
                                                                        ("R2", "failed", "last_name")]
    mine = signed(principal_keys[0], "ae", ae.id, ("NE",))
    [company] = (await stub.SearchAccounts(accounts_pb2.SearchAccountsRequest(query="harbor"), metadata=mine,
                                           timeout=5)).accounts
    assert (company.type, company.owner_id) == ("prospect", ae.id)
    [contact] = (await stub.ListContacts(accounts_pb2.ListContactsRequest(account_id=company.id), metadata=mine,
                                         timeout=5)).contacts
    assert [e.address for e in contact.emails] == ["david.lee@harbor.example", "david.lee@gmail.example"]
    assert [(p.type, p.extension) for p in contact.phones] == [("work", "12"), ("mobile", "")]
    assert (contact.role, contact.legacy.role, contact.legacy.annual_revenue) == ("", "Purchasing", "1000000.00")

    written = await stub.UpsertLegacyActivities(accounts_pb2.UpsertLegacyActivitiesRequest(rows=[
        accounts_pb2.LegacyActivityRow(legacy_key="E1", kind="email", contact_legacy_id="R1",
                                       occurred_at="2018-11-17 04:52", subject="Follow-up", direction="inbound"),
        accounts_pb2.LegacyActivityRow(legacy_key="N1", kind="note", contact_legacy_id="R9",
                                       occurred_at="2019-01-01 10:00", body="x")]), metadata=erp, timeout=5)
    assert [(o.key, o.outcome, o.field) for o in written.outcomes] == [("E1", "created", ""),
                                                                        ("N1", "failed", "contact_legacy_id")]
    logged = await stub.CreateActivity(accounts_pb2.CreateActivityRequest(
        account_id=company.id, contact_id=contact.id, kind="meeting", subject="Demo at HQ",
        occurred_at="2026-11-20T15:00:00Z"), metadata=mine, timeout=5)
    assert (logged.author, logged.kind, logged.occurred_at.ToJsonString()) == (ae.id, "meeting",
                                                                               "2026-11-20T15:00:00Z")
    page = await stub.ListActivities(accounts_pb2.ListActivitiesRequest(contact_id=contact.id, page_size=1),
                                     metadata=mine, timeout=5)
    assert [a.id for a in page.activities] == [logged.id] and page.next_cursor
    rest = await stub.ListActivities(accounts_pb2.ListActivitiesRequest(
        contact_id=contact.id, cursor=page.next_cursor), metadata=mine, timeout=5)
    assert [(a.legacy_key, a.direction, a.occurred_at.ToJsonString()) for a in rest.activities] == [
        ("E1", "in", "2018-11-17T09:52:00Z")]
    overview = await stub.GetAccountOverview(accounts_pb2.GetAccountOverviewRequest(account_id=company.id),
                                             metadata=mine, timeout=5)
    assert [a.subject for a in overview.activities] == ["Demo at HQ", "Follow-up"]
    sdr = signed(principal_keys[0], "sdr")
    error = await refused(stub.ListActivities(accounts_pb2.ListActivitiesRequest(account_id=company.id),
                                              metadata=sdr, timeout=5), grpc.StatusCode.PERMISSION_DENIED)
    assert error_fields(error) == ["account_id"]
    await refused(stub.UpsertLegacyContacts(accounts_pb2.UpsertLegacyContactsRequest(), metadata=mine, timeout=5),
                  grpc.StatusCode.PERMISSION_DENIED)
