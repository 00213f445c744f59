"""The legacy contact manager's contacts migrated in batches over real PostgreSQL (MIG-1, CON-1): an
outcome per row, each contact on the account its company key names or on a prospect company created
once per batch, every email and phone kept, roles decided, re-sent rows changing nothing, and who may
import."""
from __future__ import annotations

import pytest
from accounts_testkit import ADMIN, add_territories, add_user, create
from crm.accounts.v1 import events_pb2
from crmkit.errors import Forbidden, InvalidInput
from crmkit.fields import company_key

from crm_accounts.domain.commands import ContactData, ListAccounts, UpdateContact
from crm_accounts.service_layer import legacy, queries, record_handlers
from crm_accounts.service_layer.erp_figures import MAX_BATCH
from tests.support.events import outbox_events
from tests.support.principals import as_role

ERP = as_role("erp")


def row(legacy_id: str, company: str = "Acme Kiosks", **fields) -> dict:
    values = {"legacy_id": legacy_id, "first_name": "David", "last_name": "Lee", "title": "Procurement Lead",
              "role": "IT", "emails": [f"{legacy_id.lower()}@acme.example"],
              "phones": [{"number": "(404) 644-0270", "type": "work", "extension": "12"}], "company": company,
              "company_key": company_key(company), "street": "96 Main St", "city": "Fargo", "state": "ND",
              "postal_code": "30932", "country": "US", "status": "Active", "annual_revenue": "1000000",
              "last_result": "Sent brochure"}
    return {**values, **fields}


async def upsert(uows, *rows, caller=ERP):
    return [(o.key, o.outcome, o.field) for o in await legacy.upsert_legacy_contacts(uow=uows(), principal=caller,
                                                                                     raws=list(rows))]


async def contacts_of(uows, account_id: str):
    return (await queries.list_contacts(uow=uows(), principal=ADMIN, account_id=account_id)).items


async def accounts(uows):
    """Every account by name (names unique in the test)."""
    views, _ = await queries.list_accounts(uow=uows(), principal=ADMIN, query=ListAccounts(page_size=200))
    return {v.account.name: v.account for v in views}


async def account_count(uows) -> int:
    views, _ = await queries.list_accounts(uow=uows(), principal=ADMIN, query=ListAccounts(page_size=200))
    return len(views)


async def test_mig_1_contacts_are_created_updated_and_left_unchanged_by_legacy_id(uows, sessions):
    acme = await create(uows, "ACME KIOSKS INC.", state="MA")
    outcomes = await upsert(uows, row("R1", first_name="Old"), row("R2"), row("R1"), row("", last_name="X"),
                            row("R3", first_name="", last_name=""), row("R4", emails=["hiroshi@"]),
                            row("R5", status="retired"), row("R6", company=""))
    assert outcomes == [("R1", "skipped", ""), ("R2", "created", ""), ("R1", "created", ""),
                        ("", "failed", "legacy_id"), ("R3", "failed", "last_name"), ("R4", "failed", "emails"),
                        ("R5", "failed", "status"), ("R6", "failed", "company")]
    found = {c.legacy_id: c for c in await contacts_of(uows, acme.id)}
    assert set(found) == {"R1", "R2"}
    r1 = found["R1"]
    assert (r1.first_name, r1.last_name, r1.title, r1.role, r1.status, r1.version, r1.account_type) == (
        "David", "Lee", "Procurement Lead", "IT", "active", 1, "customer")
    assert (r1.legacy.company, r1.legacy.state, r1.legacy.annual_revenue, r1.legacy.last_result) == (
        "Acme Kiosks", "ND", "1000000.00", "Sent brochure")
    assert [s for s, _ in await outbox_events(sessions, events_pb2)].count("crm.accounts.contact.created") == 2

    published = len(await outbox_events(sessions, events_pb2))
    assert await upsert(uows, row("R1"), row("R2")) == [("R1", "unchanged", ""), ("R2", "unchanged", "")]
    assert len(await outbox_events(sessions, events_pb2)) == published  # nothing written, nothing published
    assert await upsert(uows, row("R1", title="VP Operations", status="Inactive"), row("R2")) == [
        ("R1", "updated", ""), ("R2", "unchanged", "")]
    changed = await queries.get_contact(uow=uows(), principal=ADMIN, contact_id=r1.id)
    assert (changed.title, changed.status, changed.version) == ("VP Operations", "inactive", 2)
    events = (await outbox_events(sessions, events_pb2))[published:]
    assert [(s, list(e.changed_fields)) for s, e in events] == [
        ("crm.accounts.contact.updated", ["title", "status"])]
    assert events[0][1].contact.legacy.company == "Acme Kiosks"


async def test_a_company_matches_its_account_whatever_the_case_and_legal_form(uows):
    acme = await create(uows, "Acme Kiosks")
    harbor = await create(uows, "Harbor Stores, LLC")
    await create(uows, "Acme Kiosks", subtype="office", parent_id=harbor.id)  # not top-level: never matched
    outcomes = await upsert(uows, row("R1", "ACME KIOSKS INC."), row("R2", "Acme Kiosks, Inc.", company_key=""),
                            row("R3", "HARBOR STORES L.L.C."))
    assert [o for _, o, _ in outcomes] == ["created"] * 3
    assert {c.legacy_id for c in await contacts_of(uows, acme.id)} == {"R1", "R2"}
    assert {c.legacy_id for c in await contacts_of(uows, harbor.id)} == {"R3"}
    assert await account_count(uows) == 3  # no company created


async def test_of_several_accounts_with_the_key_a_customer_is_preferred(uows):
    await create(uows, "Silver Pharmacy", type="prospect")
    customer = await create(uows, "SILVER PHARMACY CORPORATION", type="customer")
    await upsert(uows, row("R1", "Silver Pharmacy Corp."))
    assert [c.legacy_id for c in await contacts_of(uows, customer.id)] == ["R1"]


async def test_an_unmatched_company_becomes_one_prospect_per_batch_in_its_territory(uows, sessions):
    await add_territories(uows)
    ae_ne = await add_user(uows, "ae", territories=("NE",))
    outcomes = await upsert(uows, row("R1", "SILVER PHARMACY CORPORATION", state="ma", city="Boston"),
                            row("R2", "Silver Pharmacy Corporation", state="CT", city="Hartford"),
                            row("R3", "Silver Pharmacy Corp", state="CT"), row("R4", "Lakeside Markets Inc", state=""))
    assert [o for _, o, _ in outcomes] == ["created"] * 4
    found = await accounts(uows)
    assert set(found) == {"Silver Pharmacy Corporation", "Lakeside Markets Inc"}
    silver = found["Silver Pharmacy Corporation"]  # the first spelling not all in capitals, with its address
    assert (silver.type, silver.subtype, silver.parent_id, silver.state, silver.city, silver.country,
            silver.territory, silver.owner_id) == ("prospect", "", "", "CT", "Hartford", "US", "NE", ae_ne.id)
    assert (found["Lakeside Markets Inc"].territory, found["Lakeside Markets Inc"].owner_id) == ("", "")
    assert {c.legacy_id for c in await contacts_of(uows, silver.id)} == {"R1", "R2", "R3"}
    subjects = [s for s, _ in await outbox_events(sessions, events_pb2)]
    assert subjects.count("crm.accounts.account.created") == 2 and subjects.count("crm.accounts.contact.created") == 4

    # the next batch finds the prospect the first one made
    assert await upsert(uows, row("R5", "SILVER PHARMACY CORPORATION INC.")) == [("R5", "created", "")]
    assert len(await accounts(uows)) == 2


async def test_a_row_naming_another_company_moves_the_contact(uows, sessions):
    acme = await create(uows, "Acme Kiosks")
    harbor = await create(uows, "Harbor Stores", type="prospect")
    await upsert(uows, row("R1"))
    before = len(await outbox_events(sessions, events_pb2))
    assert await upsert(uows, row("R1", "Harbor Stores")) == [("R1", "updated", "")]
    moved = (await contacts_of(uows, harbor.id))[0]
    assert (moved.account_type, moved.legacy.company, moved.version) == ("prospect", "Harbor Stores", 2)
    assert await contacts_of(uows, acme.id) == []
    [(subject, event)] = (await outbox_events(sessions, events_pb2))[before:]
    assert sorted(event.changed_fields) == ["account_id", "legacy"] and event.contact.account_type == "prospect"


async def test_every_email_and_phone_is_kept_with_its_extension(uows):
    acme = await create(uows, "Acme Kiosks")
    phones = [{"number": "(404) 644-0270", "type": "", "extension": "204"},
              {"number": "617.425.8879", "type": "mobile", "extension": ""}]
    emails = ["David.Lee@Acme.example", "david.lee@gmail.example", "DAVID.LEE@acme.example"]
    assert await upsert(uows, row("R1", emails=emails, phones=phones)) == [("R1", "created", "")]
    [contact] = await contacts_of(uows, acme.id)
    assert [(e.address, e.primary) for e in contact.emails] == [("David.Lee@acme.example", True),
                                                                ("david.lee@gmail.example", False)]
    assert contact.email2 == "david.lee@gmail.example"
    assert [(p.number, p.type, p.extension) for p in contact.phones] == [("(404) 644-0270", "work", "204"),
                                                                        ("617.425.8879", "mobile", "")]
    assert await upsert(uows, row("R1", emails=emails, phones=phones)) == [("R1", "unchanged", "")]
    assert await upsert(uows, row("R1", emails=[], phones=[{"number": "1", "type": "pager", "extension": ""}])) == [
        ("R1", "failed", "phones")]


@pytest.mark.parametrize(("legacy_role", "title", "role", "shown_title"), [
    ("Executive Management", "CEO", "Executive Management", "CEO"),
    ("executive  management", "CEO", "Executive Management", "CEO"),
    ("marketing", "CMO", "Marketing", "CMO"),
    ("Purchasing", "Procurement Lead", "", "Procurement Lead"),
    ("Operations", "", "", "Operations"),
    ("", "", "", ""),
])
async def test_roles_outside_the_crms_are_kept_for_reference_not_as_roles(uows, legacy_role, title, role,
                                                                          shown_title):
    acme = await create(uows, "Acme Kiosks")
    await upsert(uows, row("R1", role=legacy_role, title=title))
    [contact] = await contacts_of(uows, acme.id)
    assert (contact.role, contact.title, contact.legacy.role) == (role, shown_title, legacy_role.strip())
    assert await upsert(uows, row("R1", role=legacy_role, title=title)) == [("R1", "unchanged", "")]


async def test_what_users_set_beyond_the_legacy_fields_stays(uows):
    acme = await create(uows, "Acme Kiosks")
    await upsert(uows, row("R1"))
    [contact] = await contacts_of(uows, acme.id)
    await record_handlers.update_contact(uow=uows(), principal=ADMIN, command=UpdateContact(
        contact_id=contact.id, data=ContactData(holiday_card=True, linkedin_url="https://linkedin.example/in/dl")))
    assert await upsert(uows, row("R1")) == [("R1", "unchanged", "")]
    kept = await queries.get_contact(uow=uows(), principal=ADMIN, contact_id=contact.id)
    assert kept.holiday_card and kept.linkedin_url == "https://linkedin.example/in/dl"


@pytest.mark.parametrize("role", ["ae", "sdr", "vp_sales", "csr"])
async def test_only_admin_and_the_erp_client_import_legacy_contacts(uows, role):
    with pytest.raises(Forbidden):
        await upsert(uows, row("R1"), caller=as_role(role, territories=("NE",)))
    assert await upsert(uows, row("R1"), caller=ADMIN) == [("R1", "created", "")]


async def test_a_legacy_batch_is_bounded(uows):
    with pytest.raises(InvalidInput) as refused:
        await upsert(uows, *[row("R1")] * (MAX_BATCH + 1))
    assert refused.value.problems[0].field == "rows"


async def test_a_big_batch_of_many_companies_takes_one_statement_per_table(uows, sessions):
    await create(uows, "Company 0")
    rows = [row(f"R{n:04d}", f"COMPANY {n % 50} INC.") for n in range(600)]
    assert {o for _, o, _ in await upsert(uows, *rows)} == {"created"}
    assert len(await accounts(uows)) == 50
    assert await upsert(uows, *rows) == [(r["legacy_id"], "unchanged", "") for r in rows]
