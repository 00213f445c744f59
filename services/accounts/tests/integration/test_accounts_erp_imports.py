"""The ERP's customers, ship-to locations and kiosks imported in batches over real PostgreSQL (INT-2,
INT-3, ACC-1, ACC-2, ACC-5): an outcome per row, accounts placed, counted and owned as any account,
re-sent rows changing nothing, who may import, and the events every created or changed record publishes."""
from __future__ import annotations

import asyncio

import pytest
from accounts_testkit import ADMIN, add_territories, add_user, create
from crm.accounts.v1 import events_pb2
from crmkit.errors import Forbidden, InvalidInput

from crm_accounts.domain.commands import AccountData, ListAccounts, UpdateAccount
from crm_accounts.service_layer import erp_imports, handlers, queries
from tests.support.events import outbox_events
from tests.support.principals import as_role

ERP = as_role("erp")


def company(key: str = "C1", name: str = "Acme Kiosks Inc.", state: str = "MA", active: bool = True) -> dict:
    return {"customer_accounting_id": key, "name": name, "hq_state": state, "active": active}


def location(ship_to: str, customer: str = "C1", *, name: str = "", subtype: str = "kiosk_location", state: str = "NY",
             active: bool = True, **fields: str) -> dict:
    return {"ship_to_id": ship_to, "customer_accounting_id": customer, "name": name or f"Acme {ship_to}",
            "subtype": subtype, "street": "1 Main St", "city": "Albany", "state": state, "postal_code": "12207",
            "country": "US", "phone": "518-555-0100", "active": active, **fields}


def kiosk(serial: str, ship_to: str = "S1", **fields: str) -> dict:
    return {"serial_number": serial, "ship_to_id": ship_to, "model": "KX-100 Countertop",
            "operating_system": "Android 12", "software_version": "4.7.16", "install_date": "2025-08-30",
            "warranty_end_date": "2028-08-30", **fields}


async def companies(uows, *rows, caller=ERP):
    return [(o.key, o.outcome, o.field) for o in await erp_imports.upsert_companies(uow=uows(), principal=caller,
                                                                                   raws=list(rows))]


async def locations(uows, *rows, caller=ERP):
    return [(o.key, o.outcome, o.field) for o in await erp_imports.upsert_locations(uow=uows(), principal=caller,
                                                                                   raws=list(rows))]


async def kiosks(uows, *rows, caller=ERP):
    return [(o.key, o.outcome, o.field) for o in await erp_imports.upsert_kiosks(uow=uows(), principal=caller,
                                                                                raws=list(rows))]


async def account_by(uows, **filters):
    """The one account (as admin sees it) whose fields equal `filters`."""
    views, _ = await queries.list_accounts(uow=uows(), principal=ADMIN, query=ListAccounts(page_size=200))
    found = [v.account for v in views if all(getattr(v.account, k) == v_ for k, v_ in filters.items())]
    assert len(found) == 1, found
    return found[0]


async def subjects(sessions) -> list[str]:
    return [subject for subject, _ in await outbox_events(sessions, events_pb2)]


async def test_int_2_companies_are_created_updated_and_left_unchanged_by_accounting_id(uows, sessions):
    await add_territories(uows)
    ae_ne = await add_user(uows, "ae", territories=("NE",))
    ae_ma = await add_user(uows, "ae", territories=("MA",))
    assert await companies(uows, company("C1", "Acme Old Name"), company("C1"),
                           company("C2", "Harbor Stores", state="", active=False), company("", "Nameless"),
                           company("C3", "")) == [
        ("C1", "skipped", ""), ("C1", "created", ""), ("C2", "created", ""), ("", "failed", "customer_accounting_id"),
        ("C3", "failed", "name")]
    acme = await account_by(uows, customer_accounting_id="C1")
    assert (acme.name, acme.type, acme.subtype, acme.parent_id, acme.state, acme.territory, acme.owner_id,
            acme.status, acme.version) == ("Acme Kiosks Inc.", "customer", "", "", "MA", "NE", ae_ne.id, "active", 1)
    harbor = await account_by(uows, customer_accounting_id="C2")
    assert (harbor.territory, harbor.owner_id, harbor.status) == ("", "", "inactive")  # blank state: no territory
    assert await subjects(sessions) == ["crm.accounts.account.created"] * 2

    again = await companies(uows, company("C1"), company("C2", "Harbor Stores", state="", active=False))
    assert again == [("C1", "unchanged", ""), ("C2", "unchanged", "")]
    assert len(await subjects(sessions)) == 2  # nothing written, nothing published
    assert (await account_by(uows, customer_accounting_id="C1")).version == 1

    changed = await companies(uows, company("C1", "Acme Kiosks", state="NY", active=False),
                              company("C2", "Harbor Stores", state="", active=True))
    assert changed == [("C1", "updated", ""), ("C2", "updated", "")]
    acme = await account_by(uows, customer_accounting_id="C1")
    # the territory follows the state; the owner stays who it was (an import never takes an account away)
    assert (acme.name, acme.territory, acme.owner_id, acme.status, acme.version) == (
        "Acme Kiosks", "MA", ae_ne.id, "inactive", 2)
    assert ae_ma.id != acme.owner_id
    events = [(e.account.customer_accounting_id, s.rsplit(".", 1)[1], list(getattr(e, "changed_fields", [])))
              for s, e in (await outbox_events(sessions, events_pb2))[2:]]
    assert sorted(events) == [("C1", "deactivated", []), ("C1", "updated", ["name", "state"]),
                              ("C2", "updated", ["status"])]


async def test_int_2_locations_go_under_their_customer_with_territory_and_owner_from_their_own_state(uows, sessions):
    await add_territories(uows)
    ae_ma = await add_user(uows, "ae", territories=("MA",))
    await companies(uows, company("C1", state="MA"))
    outcomes = await locations(uows, location("S1", state="NY"), location("S2", subtype="office", state=""),
                               location("S3", "C404"), location("S4", name="First"), location("S4", name="Second"),
                               location("S5", subtype="warehouse"))
    assert outcomes == [("S1", "created", ""), ("S2", "created", ""), ("S3", "failed", "customer_accounting_id"),
                        ("S4", "skipped", ""), ("S4", "created", ""), ("S5", "failed", "subtype")]
    parent = await account_by(uows, customer_accounting_id="C1")
    site = await account_by(uows, erp_ship_to_id="S1")
    assert (site.parent_id, site.type, site.subtype, site.state, site.territory, site.owner_id,
            site.number_of_locations, site.customer_accounting_id) == (
        parent.id, "customer", "kiosk_location", "NY", "MA", ae_ma.id, 0, "")
    office = await account_by(uows, erp_ship_to_id="S2")
    assert (office.subtype, office.state, office.territory, office.owner_id) == ("office", "", "", "")
    assert (await account_by(uows, erp_ship_to_id="S4")).name == "Second"
    assert parent.number_of_locations == 3
    full = (await queries.get_account(uow=uows(), principal=ADMIN, account_id=site.id))
    assert full.account.erp_ship_to_id == "S1"
    created = [s for s in await subjects(sessions) if s.endswith("created")]
    assert len(created) == 1 + 3


async def test_acc_2_number_of_locations_is_right_after_a_batch_that_adds_moves_and_deactivates(uows, sessions):
    await companies(uows, company("C1"), company("C2", "Harbor Stores"))
    await locations(uows, *(location(f"S{n}", "C1") for n in range(1, 6)), location("S9", "C2", active=False))
    holding = await account_by(uows, customer_accounting_id="C1")
    assert (holding.number_of_locations, (await account_by(uows, customer_accounting_id="C2")).number_of_locations) == (
        5, 0)
    version = holding.version
    before = len(await subjects(sessions))
    # S1 moves to C2, S2 is deactivated, S3 turns office (still counted), S6 is new, S9 is reactivated.
    outcomes = await locations(uows, location("S1", "C2"), location("S2", "C1", active=False),
                               location("S3", "C1", subtype="office"), location("S4", "C1"), location("S6", "C1"),
                               location("S9", "C2"))
    assert [o for _, o, _ in outcomes] == ["updated", "updated", "updated", "unchanged", "created", "updated"]
    c1 = await account_by(uows, customer_accounting_id="C1")
    c2 = await account_by(uows, customer_accounting_id="C2")
    assert (c1.number_of_locations, c2.number_of_locations) == (4, 2)  # S3 S4 S5 S6; S1 S9
    assert c1.version == version + 1  # one step, its count recomputed once for the batch
    assert (await account_by(uows, erp_ship_to_id="S1")).parent_id == c2.id
    published = (await subjects(sessions))[before:]
    assert published.count("crm.accounts.account.deactivated") == 1
    assert published.count("crm.accounts.account.created") == 1
    # S1 (parent), S3 (subtype), S9 (status) and both parents' counts changed; S2 was deactivated
    assert published.count("crm.accounts.account.updated") == 5

    again = await locations(uows, location("S1", "C2"), location("S2", "C1", active=False), location("S6", "C1"))
    assert [o for _, o, _ in again] == ["unchanged"] * 3
    assert (await subjects(sessions))[before:] == published


async def test_a_location_cannot_sit_under_a_kiosk_location_nor_become_one_with_children(uows):
    await companies(uows, company("C1"))
    await locations(uows, location("S1", subtype="office"), location("S2"))
    site = await account_by(uows, erp_ship_to_id="S2")
    # a kiosk location that the ERP also knows as a customer cannot take children
    await handlers.update_account(uow=uows(), principal=ADMIN, command=UpdateAccount(
        account_id=site.id, data=AccountData(customer_accounting_id="C9")))
    assert await locations(uows, location("S3", "C9")) == [("S3", "failed", "customer_accounting_id")]
    office = await account_by(uows, erp_ship_to_id="S1")
    await create(uows, "Desk", subtype="kiosk_location", parent_id=office.id)
    assert await locations(uows, location("S1", subtype="kiosk_location"), location("S4")) == [
        ("S1", "failed", "subtype"), ("S4", "created", "")]


async def test_acc_5_kiosks_are_created_updated_unchanged_and_moved_by_serial_number(uows, sessions):
    await companies(uows, company("C1"))
    await locations(uows, location("S1"), location("S2"))
    first = await kiosks(uows, kiosk("KX-1"), kiosk("KX-2", warranty_end_date=""), kiosk("KX-3", "S404"),
                         kiosk("KX-4", install_date="2025-02-30", warranty_end_date=""), kiosk("KX-5"),
                         kiosk("KX-5", software_version="5.0.0"), kiosk(""))
    assert first == [("KX-1", "created", ""), ("KX-2", "created", ""), ("KX-3", "failed", "ship_to_id"),
                     ("KX-4", "failed", "install_date"), ("KX-5", "skipped", ""), ("KX-5", "created", ""),
                     ("", "failed", "serial_number")]
    s1, s2 = await account_by(uows, erp_ship_to_id="S1"), await account_by(uows, erp_ship_to_id="S2")
    listed = (await queries.list_kiosks(uow=uows(), principal=ADMIN, location_account_id=s1.id)).items
    assert [(k.serial_number, k.software_version, str(k.warranty_end_date)) for k in listed] == [
        ("KX-1", "4.7.16", "2028-08-30"), ("KX-2", "4.7.16", "None"), ("KX-5", "5.0.0", "2028-08-30")]
    assert await kiosks(uows, kiosk("KX-1"), kiosk("KX-2", warranty_end_date="")) == [
        ("KX-1", "unchanged", ""), ("KX-2", "unchanged", "")]
    assert await kiosks(uows, kiosk("KX-1", "S2"), kiosk("KX-2", warranty_end_date="2027-01-31")) == [
        ("KX-1", "updated", ""), ("KX-2", "updated", "")]
    moved = (await queries.list_kiosks(uow=uows(), principal=ADMIN, location_account_id=s2.id)).items
    assert [(k.serial_number, k.version) for k in moved] == [("KX-1", 2)]
    events = [(s, e) for s, e in await outbox_events(sessions, events_pb2) if s.startswith("crm.accounts.kiosk")]
    assert [s for s, _ in events] == ["crm.accounts.kiosk.created"] * 3 + ["crm.accounts.kiosk.updated"] * 2
    changes = {e.kiosk.serial_number: list(e.changed_fields) for _, e in events[3:]}
    assert changes == {"KX-1": ["location_account_id"], "KX-2": ["warranty_end_date"]}


async def test_kiosks_stand_at_locations_never_at_a_company(uows):
    await create(uows, "Holding", customer_accounting_id="C7")
    await locations(uows, location("S1", "C7"))
    site = await account_by(uows, erp_ship_to_id="S1")
    await handlers.update_account(uow=uows(), principal=ADMIN, command=UpdateAccount(
        account_id=site.id, data=AccountData(subtype="company", parent_id="")))
    assert await kiosks(uows, kiosk("KX-1")) == [("KX-1", "failed", "ship_to_id")]


@pytest.mark.parametrize("role", ["ae", "sdr", "csr", "vp_sales"])
async def test_only_admin_and_the_erp_client_import(uows, role):
    caller = as_role(role, territories=("NE",))
    for call, rows in ((companies, [company()]), (locations, [location("S1")]), (kiosks, [kiosk("KX-1")])):
        with pytest.raises(Forbidden):
            await call(uows, *rows, caller=caller)
    with pytest.raises(Forbidden):
        await erp_imports.match_directory(uow=uows(), principal=caller, emails=["a@b.example"], company_keys=["acme"])
    assert await companies(uows, company(), caller=ADMIN) == [("C1", "created", "")]


async def test_a_batch_is_bounded(uows):
    for call, row in ((companies, company()), (locations, location("S1")), (kiosks, kiosk("KX-1"))):
        with pytest.raises(InvalidInput) as refused:
            await call(uows, *[row] * (erp_imports.MAX_BATCH + 1))
        assert refused.value.problems[0].field == "rows"


async def test_a_big_batch_writes_every_event_in_order_in_one_statement(uows, sessions):
    await companies(uows, company("C1"))
    rows = [location(f"S{n:03d}") for n in reversed(range(60))]
    assert {o for _, o, _ in await locations(uows, *rows)} == {"created"}
    events = [(s, e) for s, e in await outbox_events(sessions, events_pb2) if s == "crm.accounts.account.created"][1:]
    assert [e.account.erp_ship_to_id for _, e in events] == sorted(r["ship_to_id"] for r in rows)
    assert (await account_by(uows, customer_accounting_id="C1")).number_of_locations == 60


async def test_concurrent_batches_of_the_same_kiosks_create_each_once(uows, sessions):
    await companies(uows, company("C1"))
    await locations(uows, location("S1"))
    rows = [kiosk(f"KX-{n:02d}") for n in range(40)]
    results = await asyncio.gather(*(kiosks(uows, *rows) for _ in range(4)))
    created = sorted(key for outcomes in results for key, outcome, _ in outcomes if outcome == "created")
    assert created == sorted(r["serial_number"] for r in rows)
    assert {outcome for outcomes in results for _, outcome, _ in outcomes} <= {"created", "unchanged"}
    assert len([s for s in await subjects(sessions) if s == "crm.accounts.kiosk.created"]) == 40
