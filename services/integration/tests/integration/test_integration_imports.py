"""Import jobs against the real Accounts service (INT-1, ACC-3, ACC-4): a file becomes counted rows
(created + updated + unchanged + skipped + failed = rows read), failures keep the row as read, a
re-import changes nothing, a refused file fails the job with its reason, and every job announces
crm.integration.import.completed. The runner here is in-process, on its own database; the Accounts
service trusts this run's integration key for admin and erp only."""
from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from crm.accounts.v1 import (
    accounts_pb2,
    accounts_pb2_grpc,
    activities_pb2,
    activities_pb2_grpc,
    contacts_pb2,
    contacts_pb2_grpc,
    erp_records_pb2,
    erp_records_pb2_grpc,
)
from crm.leads.v1 import leads_pb2, leads_pb2_grpc
from crmkit.errors import Forbidden, NotFound
from crmkit.grpc.client import call, make_channel
from crmkit.principal import Principal, PrincipalSigner, generate_keypair
from sqlalchemy import select, update

from crm_integration.adapters.orm import import_jobs, messaging
from crm_integration.adapters.owners import ISSUER, Owners
from crm_integration.entrypoints.inbox_folder import InboxFolderWatcher
from crm_integration.entrypoints.mappers import import_completed
from crm_integration.service_layer import imports
from crm_integration.service_layer.import_runner import ImportRunner
from crm_integration.service_layer.unit_of_work import ImportsUnitOfWork
from tests.support.services import migrations_dir, running_service

ADMIN = Principal(user_id="admin-1", role="admin", username="admin")
FINANCE_HEADER = "customer_accounting_id,as_of_date,mtd_sales,ytd_sales,prior_ytd_sales,credit_limit,past_due_amount"


@pytest.fixture(scope="module")
def integration_keys():
    return generate_keypair()


@pytest.fixture(scope="module")
def accounts(databases, principal_keys, integration_keys, nats_url):
    trusted = [{"name": ISSUER, "public_key_pem": integration_keys[1], "roles": ["admin", "erp"]}]
    with running_service("accounts", database_url=databases.copy(migrations_dir("accounts"), "imports_accounts"),
                         principal_public_key=principal_keys[1], nats_url=nats_url,
                         extra_env={"CRM_ACCOUNTS_TRUSTED_ISSUERS": json.dumps(trusted)}) as service:
        yield service


@pytest.fixture(scope="module")
def leads(databases, principal_keys, integration_keys, nats_url):
    trusted = [{"name": ISSUER, "public_key_pem": integration_keys[1], "roles": ["admin", "erp"]}]
    with running_service("leads", database_url=databases.copy(migrations_dir("leads"), "imports_leads"),
                         principal_public_key=principal_keys[1],
                         nats_url=nats_url, extra_env={"CRM_LEADS_TRUSTED_ISSUERS": json.dumps(trusted)}) as service:
        yield service


@pytest.fixture
async def channel(accounts):
    async with make_channel(accounts.target) as channel:
        yield channel


@pytest.fixture
async def leads_channel(leads):
    async with make_channel(leads.target) as channel:
        yield channel


@pytest.fixture
def uows(sessions):
    return lambda: ImportsUnitOfWork(sessions, messaging)


@pytest.fixture
def runner(uows, channel, leads_channel, integration_keys):
    owners = Owners(erp_records_pb2_grpc.ErpRecordsStub(channel), leads_pb2_grpc.LeadsStub(leads_channel),
                    PrincipalSigner(integration_keys[0], issuer=ISSUER), timeout=30)
    return ImportRunner(uows, owners.appliers(), import_completed, batch_rows=2)


async def _customer(channel, principal_keys) -> tuple[str, str]:
    """A new customer company with a fresh customer accounting ID: (account id, accounting id)."""
    accounting_id = f"C-{uuid.uuid4().hex[:8]}"
    token = PrincipalSigner(principal_keys[0]).sign(ADMIN, service="accounts")
    account = await call(accounts_pb2_grpc.AccountsStub(channel).CreateAccount, accounts_pb2.CreateAccountRequest(
        data=accounts_pb2.AccountData(name=f"Importers {accounting_id}", type="customer",
                                      customer_accounting_id=accounting_id)), principal_token=token)
    return account.id, accounting_id


async def _chunks(data: bytes, size: int = 7):
    for start in range(0, len(data), size):
        yield data[start:start + size]


async def _import(uows, runner, kind: str, data: bytes, principal: Principal = ADMIN):
    job = await imports.receive_file(uows=uows, principal=principal, kind=kind, filename="C:\\drop\\file.csv",
                                     source="upload", known_kinds=runner.kinds, chunks=_chunks(data))
    assert (job.status, job.filename, job.size_bytes) == ("queued", "file.csv", len(data))
    assert await runner.work_once()
    return await imports.get_import(uow=uows(), principal=principal, job_id=job.id)


def _counts(job) -> dict[str, int]:
    counts = job.counts.as_dict()
    assert counts["rows_read"] == sum(v for k, v in counts.items() if k != "rows_read")  # the counting rule
    return counts


async def test_int_1_finance_file_is_counted_row_by_row_and_a_reimport_changes_nothing(
        uows, runner, channel, principal_keys, sessions):
    _, accounting_id = await _customer(channel, principal_keys)
    data = (f"\ufeff{FINANCE_HEADER}\r\n"
            f"{accounting_id},2026-11-21,68247.07,413983.92,199879.46,\"1,000,000.00\",0.00\r\n"
            f"C99999,2026-11-21,1.00,1.00,1.00,1.00,0.00\r\n"
            f"{accounting_id},2026-11-20,=cmd|' /C calc'!A0,1.00,1.00,1.00,0.00\r\n").encode()
    job = await _import(uows, runner, "erp-finance", data)
    assert job.status == "completed" and job.columns == tuple(FINANCE_HEADER.split(","))
    assert _counts(job) == {"rows_read": 3, "created": 1, "updated": 0, "unchanged": 0, "skipped": 0, "failed": 2}
    _, failures, _ = await imports.list_failures(uow=uows(), principal=ADMIN, job_id=job.id, requested_size=0,
                                                 cursor="")
    assert [(f.row_number, f.field) for f in failures] == [(2, "customer_accounting_id"), (3, "mtd_sales")]
    assert failures[1].cells[2] == "=cmd|' /C calc'!A0"  # kept as read; the CSV export neutralises it

    again = await _import(uows, runner, "erp-finance", data)
    assert _counts(again) == {"rows_read": 3, "created": 0, "updated": 0, "unchanged": 1, "skipped": 0, "failed": 2}

    async with sessions() as session:
        events = (await session.execute(select(messaging.outbox.c.subject))).scalars().all()
    assert events == ["crm.integration.import.completed"] * 2


async def test_issue_13_a_job_left_running_by_a_nul_cell_finishes_after_the_upgrade(uows, runner, sessions):
    """Finding 3: before the fix, a failed row with a NUL cell could not be stored, so its job stayed
    "running" and was retried on every poll. Such a job, as the old runner left it (claimed, lease
    lapsed, checkpoint at 0), is taken over by the new runner and ends with the row failed, cells clean."""
    data = f"{FINANCE_HEADER}\r\nC\x0012,2026-11-21,1.00,1.00,1.00,1.00,0.00\r\n".encode()
    job = await imports.receive_file(uows=uows, principal=ADMIN, kind="erp-finance", filename="stuck.csv",
                                     source="upload", known_kinds=runner.kinds, chunks=_chunks(data))
    lapsed = datetime.now(UTC) - timedelta(hours=1)
    async with sessions() as session, session.begin():
        await session.execute(update(import_jobs).where(import_jobs.c.id == job.id).values(
            status="running", lease_owner="runner-before-the-upgrade", lease_until=lapsed, started_at=lapsed))
    assert await runner.work_once()
    done = await imports.get_import(uow=uows(), principal=ADMIN, job_id=job.id)
    assert done.status == "completed" and _counts(done)["failed"] == 1
    _, failures, _ = await imports.list_failures(uow=uows(), principal=ADMIN, job_id=job.id, requested_size=0,
                                                 cursor="")
    assert [f.field for f in failures] == ["customer_accounting_id"]
    assert "\x00" not in failures[0].cells[0] and failures[0].cells[0].startswith("C")
    assert not await runner.work_once()  # nothing is left to retry


async def test_acc_3_sales_orders_update_when_a_later_file_ships_them(uows, runner, channel, principal_keys):
    account_id, accounting_id = await _customer(channel, principal_keys)
    header = ("sales_order_number,po_number,customer_accounting_id,salesperson,territory,order_date,ship_date,"
              "total_amount,currency")
    first = (f"{header}\nSO-{accounting_id}-1,PO1,{accounting_id},Jessica Garcia,PAC,2026-11-19,,100.00,USD\n"
             f"SO-{accounting_id}-2,PO2,{accounting_id},Jessica Garcia,PAC,2026-11-19,,200.00,USD\n"
             f",PO3,{accounting_id},Jessica Garcia,PAC,2026-11-19,,1.00,USD\n").encode()
    assert _counts(await _import(uows, runner, "erp-sales-orders", first))["created"] == 2
    shipped = (f"{header}\n"
               f"SO-{accounting_id}-1,PO1,{accounting_id},Jessica Garcia,PAC,2026-11-19,2026-11-21,100.00,USD\n"
               f"SO-{accounting_id}-2,PO2,{accounting_id},Jessica Garcia,PAC,2026-11-19,,200.00,USD\n").encode()
    job = await _import(uows, runner, "erp-sales-orders", shipped)
    assert _counts(job) == {"rows_read": 2, "created": 0, "updated": 1, "unchanged": 1, "skipped": 0, "failed": 0}
    token = PrincipalSigner(principal_keys[0]).sign(ADMIN, service="accounts")
    orders = await call(erp_records_pb2_grpc.ErpRecordsStub(channel).ListSalesOrders,
                        erp_records_pb2.ListSalesOrdersRequest(account_id=account_id, since="2000-01-01"),
                        principal_token=token)
    assert sorted((o.sales_order_number, o.ship_date) for o in orders.orders) == [
        (f"SO-{accounting_id}-1", "2026-11-21"), (f"SO-{accounting_id}-2", "")]


async def test_a_file_without_its_columns_fails_the_job_with_the_reason(uows, runner):
    job = await _import(uows, runner, "erp-finance", b"customer_accounting_id,as_of_date\nC1,2026-11-21\n")
    assert job.status == "failed" and "mtd_sales" in job.error and _counts(job)["rows_read"] == 0


async def test_only_admin_and_erp_import_and_a_job_is_its_creators(uows, runner):
    for role in ("ae", "sdr", "csr", "vp_sales"):
        with pytest.raises(Forbidden):
            await imports.receive_file(uows=uows, principal=Principal(user_id="u", role=role), kind="erp-finance",
                                       filename="f.csv", source="upload", known_kinds=runner.kinds,
                                       chunks=_chunks(b""))
    erp = Principal(user_id="erp-1", role="erp")
    job = await imports.receive_file(uows=uows, principal=erp, kind="erp-finance", filename="f.csv", source="cli",
                                     known_kinds=runner.kinds, chunks=_chunks(FINANCE_HEADER.encode()))
    assert (await imports.get_import(uow=uows(), principal=ADMIN, job_id=job.id)).created_by == "erp-1"
    with pytest.raises(NotFound):
        await imports.get_import(uow=uows(), principal=Principal(user_id="erp-2", role="erp"), job_id=job.id)
    mine, _ = await imports.list_imports(uow=uows(), principal=erp, requested_size=0, cursor="")
    assert [j.id for j in mine] == [job.id]


async def test_int_1_a_file_dropped_in_the_inbox_folder_becomes_a_job_of_the_erp(
        uows, runner, channel, principal_keys, tmp_path):
    _, accounting_id = await _customer(channel, principal_keys)
    watcher = InboxFolderWatcher(tmp_path, uows, runner)
    folder = tmp_path / "erp-finance"
    folder.mkdir()
    (folder / "customer_financials.csv.part").write_text("still being written")
    dropped = folder / "customer_financials.csv"
    dropped.write_bytes(f"{FINANCE_HEADER}\n{accounting_id},2026-11-21,1.00,2.00,3.00,4.00,0.00\n".encode())
    assert await watcher.scan() == []  # first sight: the writer may not be done
    [job_id] = await watcher.scan()
    assert not dropped.exists() and [p.name.endswith("customer_financials.csv")
                                     for p in (folder / "done").iterdir()] == [True]
    assert (folder / "customer_financials.csv.part").exists()
    assert await runner.work_once()
    job = await imports.get_import(uow=uows(), principal=ADMIN, job_id=job_id)
    assert (job.source, job.created_by, job.status, _counts(job)["created"]) == ("inbox", "erp-inbox", "completed", 1)


async def test_int_2_int_3_customers_then_locations_then_kiosks_build_the_tree(uows, runner, channel, principal_keys):
    tag = uuid.uuid4().hex[:6].upper()
    customers = (f"customer_accounting_id,name,segment,hq_state,active\n"
                 f"C{tag},\"Harbor Stores, LLC\",commercial,MA,Y\n").encode()
    locations = (f"ship_to_id,customer_accounting_id,location_name,location_type,street,city,state,postal_code,"
                 f"country,phone,active\n"
                 f"S{tag}1,C{tag},Harbor Boston,OFFICE,1 Main St,Boston,MA,02110,US,617-555-0100,Y\n"
                 f"S{tag}2,C{tag},Harbor Oakland #1,KIOSK,2 Bay St,Oakland,CA,94601,US,,Y\n"
                 f"S{tag}3,C99999,Nobody's Store,KIOSK,3 Elm St,Dover,DE,19901,US,,Y\n").encode()
    kiosks = (f"serial_number,ship_to_id,model,operating_system,software_version,install_date,warranty_end_date\n"
              f"KX-{tag}-1,S{tag}2,KX-100 Countertop,Ubuntu 22.04 LTS,4.7.16,2025-08-30,2028-08-30\n"
              f"KX-{tag}-2,S{tag}9,KX-300 Outdoor,Android 12,4.8.8,2025-02-30,\n").encode()
    assert _counts(await _import(uows, runner, "erp-customers", customers))["created"] == 1
    placed = await _import(uows, runner, "erp-locations", locations)
    assert _counts(placed) == {"rows_read": 3, "created": 2, "updated": 0, "unchanged": 0, "skipped": 0, "failed": 1}
    fitted = await _import(uows, runner, "erp-kiosks", kiosks)
    assert (_counts(fitted)["created"], _counts(fitted)["failed"]) == (1, 1)
    _, failures, _ = await imports.list_failures(uow=uows(), principal=ADMIN, job_id=fitted.id, requested_size=0,
                                                 cursor="")
    assert {f.field for f in failures} >= {"install_date"}  # the impossible date, named by the reader
    token = PrincipalSigner(principal_keys[0]).sign(ADMIN, service="accounts")
    found = await call(accounts_pb2_grpc.AccountsStub(channel).SearchAccounts,
                       accounts_pb2.SearchAccountsRequest(query="Harbor"), principal_token=token)
    company = next(a for a in found.accounts if a.customer_accounting_id == f"C{tag}")
    assert (company.name, company.number_of_locations) == ("Harbor Stores, LLC", 2)
    again = await _import(uows, runner, "erp-locations", locations)
    assert (_counts(again)["unchanged"], _counts(again)["failed"]) == (2, 1)


async def test_lead_2_badge_scans_become_campaign_leads_and_known_people_are_skipped(
        uows, runner, channel, leads_channel, principal_keys):
    tag = uuid.uuid4().hex[:6]
    token = PrincipalSigner(principal_keys[0]).sign(ADMIN, service="accounts")
    stub = accounts_pb2_grpc.AccountsStub(channel)
    company = await call(stub.CreateAccount, accounts_pb2.CreateAccountRequest(data=accounts_pb2.AccountData(
        name=f"Known Grocers {tag} Inc.", type="customer")), principal_token=token)
    await call(contacts_pb2_grpc.ContactsStub(channel).CreateContact, contacts_pb2.CreateContactRequest(
        account_id=company.id, data=contacts_pb2.ContactData(
        first_name="Kim", last_name="Known", set_emails=True,
        emails=[contacts_pb2.Email(address=f"kim.{tag}@known.example", primary=True)])), principal_token=token)
    scans = (f"Name,Company,Title,Email,Phone,Notes\n"
             f"Aarav Rodriguez,Silver Markets {tag},Ops Director,aarav.{tag}@silver.example,713-305-9531,pricing\n"
             f"Kim Known,Known Grocers {tag},CIO,KIM.{tag}@KNOWN.EXAMPLE,,\n"
             f"Mary Anne O'Neil,KNOWN GROCERS {tag},CFO,,404-955-6321,hot\n").encode()
    job = await _import(uows, runner, "trade-show-leads", scans)
    assert _counts(job) == {"rows_read": 3, "created": 2, "updated": 0, "unchanged": 0, "skipped": 1, "failed": 0}
    listed = await call(leads_pb2_grpc.LeadsStub(leads_channel).ListLeads, leads_pb2.ListLeadsRequest(),
                        principal_token=PrincipalSigner(principal_keys[0]).sign(ADMIN, service="leads"))
    mine = {lead.last_name: lead for lead in listed.leads if lead.campaign == "file"}
    assert mine["O'Neil"].matched_account_id == company.id and mine["O'Neil"].source == "trade show"
    assert mine["Rodriguez"].first_name == "Aarav" and "Known" not in mine
    again = await _import(uows, runner, "trade-show-leads", scans)
    assert _counts(again)["created"] == 0


async def test_mig_1_mig_2_legacy_contacts_then_their_history_from_windows_1252_files(
        uows, runner, channel, principal_keys):
    tag = uuid.uuid4().hex[:6].upper()
    contacts = (f"RecordID,Company,ContactName,Title,Role,Phone,Ext,Mobile,Emails,Street,City,State,Zip,Status,"
                f"AnnualRevenue,LastResult\r\n"
                f"L{tag}1,CAFÉ {tag} INC.,Renée Dubé,Buyer,Operations,(404) 644-0270,12,,"
                f"renee.{tag}@cafe.example; broken@,1 Rue St,Montréal,qc,H2X 1Y4,Active,\"1,000,000\",\r\n"
                f"L{tag}2,Café {tag},José Núñez,CIO,IT,404.555.0199,,,jose.{tag}@cafe.example,,,,,Active,,\r\n"
                ).encode("cp1252")
    history = (f"RecordID,SentAt,Direction,From,To,Subject,Body\r\n"
               f"L{tag}1,2018-11-17 04:52,OUT,sales@abbott-ltd.demo,renee.{tag}@cafe.example,Follow-up,"
               f"\"Hi,\r\nThanks – see you soon.\"\r\n"
               f"L{tag}1,2009-01-01 10:00,IN,renee.{tag}@cafe.example,sales@abbott-ltd.demo,Old,too old\r\n"
               f"L{tag}9,2019-01-01 10:00,IN,x@y.example,sales@abbott-ltd.demo,Who,unknown contact\r\n"
               ).encode("cp1252")
    people = await _import(uows, runner, "legacy-contacts", contacts)
    assert _counts(people) == {"rows_read": 2, "created": 2, "updated": 0, "unchanged": 0, "skipped": 0, "failed": 0}
    mails = await _import(uows, runner, "legacy-email-history", history)
    assert _counts(mails) == {"rows_read": 3, "created": 1, "updated": 0, "unchanged": 0, "skipped": 1, "failed": 1}
    assert _counts(await _import(uows, runner, "legacy-email-history", history))["unchanged"] == 1
    token = PrincipalSigner(principal_keys[0]).sign(ADMIN, service="accounts")
    found = await call(contacts_pb2_grpc.ContactsStub(channel).SearchContacts,
                       contacts_pb2.SearchContactsRequest(query=f"renee.{tag}"), principal_token=token)
    [match] = found.contacts
    assert match.contact.first_name == "Renée" and match.contact.legacy.role == "Operations"
    assert [p.extension for p in match.contact.phones] == ["12"]
    company = (await call(accounts_pb2_grpc.AccountsStub(channel).SearchAccounts,
                          accounts_pb2.SearchAccountsRequest(query=tag), principal_token=token)).accounts
    assert len(company) == 1 and company[0].type == "prospect"  # one company for both spellings
    timeline = await call(activities_pb2_grpc.ActivitiesStub(channel).ListActivities,
                          activities_pb2.ListActivitiesRequest(contact_id=match.contact.id), principal_token=token)
    assert [(a.kind, a.direction, "–" in a.body) for a in timeline.activities] == [("email", "out", True)]
