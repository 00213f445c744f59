"""The account overview in one call (ACC-1..5): account, parent, children, contacts, kiosks by
warranty state over the whole subtree, two years of orders with totals, latest finance, each part
as the caller could read it alone (SEC-3..6)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from accounts_testkit import ADMIN, add_territories, add_user, create, principal
from crmkit.errors import NotFound

from crm_accounts.domain.commands import ContactData, KioskData
from crm_accounts.service_layer import erp_figures, overview, record_handlers
from tests.support.principals import as_role

TODAY = date(2026, 11, 21)


async def _kiosk(uows, serial: str, location_id: str, end: date | None) -> None:
    data = KioskData(serial_number=serial, model="K2", location_account_id=location_id,
                     warranty_end_date=end.isoformat() if end else "")
    await record_handlers.create_kiosk(uow=uows(), principal=ADMIN, data=data)


async def _company_with_everything(uows):
    company = await create(uows, "Acme", state="MA", customer_accounting_id="C10001")
    office = await create(uows, "Acme Boston", state="MA", subtype="office", parent_id=company.id)
    store = await create(uows, "Acme Store 1", state="MA", subtype="kiosk_location", parent_id=office.id)
    await create(uows, "Acme Store 2", state="MA", subtype="kiosk_location", parent_id=company.id)
    for n, last in enumerate(("Young", "Adams")):
        await record_handlers.create_contact(uow=uows(), principal=ADMIN, account_id=company.id,
                                             data=ContactData(first_name=f"P{n}", last_name=last))
    for serial, end in (("SN-1", None), ("SN-2", TODAY - timedelta(days=1)), ("SN-3", TODAY + timedelta(days=60)),
                        ("SN-4", TODAY + timedelta(days=61)), ("SN-5", TODAY + timedelta(days=500))):
        await _kiosk(uows, serial, store.id, end)
    erp = as_role("erp")
    await erp_figures.upsert_sales_orders(uow=uows(), principal=erp, raws=[
        {"sales_order_number": number, "po_number": "", "customer_accounting_id": "C10001", "salesperson": "J",
         "territory": "NE", "order_date": when, "ship_date": "", "total_amount": total, "currency": ""}
        for number, when, total in (("SO-1", "2026-11-01", "100.10"), ("SO-2", "2025-01-01", "50.00"),
                                    ("SO-OLD", "2023-01-01", "7.00"))])
    await erp_figures.upsert_finance(uow=uows(), principal=erp, raws=[
        {"customer_accounting_id": "C10001", "as_of_date": "2026-11-21", "mtd_sales": "1.00", "ytd_sales": "2.00",
         "prior_ytd_sales": "3.00", "credit_limit": "1,000.00", "past_due_amount": "0", "currency": ""}])
    return company, office


async def test_an_ae_sees_the_whole_screen_of_an_account_in_their_territory(uows):
    await add_territories(uows)
    ae = await add_user(uows, "ae", territories=("NE",))
    company, office = await _company_with_everything(uows)
    seen = await overview.account_overview(uow=uows(), principal=principal(ae), account_id=company.id, today=TODAY)
    assert seen.account.full and seen.parent is None
    assert [c.account.name for c in seen.children] == ["Acme Boston", "Acme Store 2"] and seen.children_count == 2
    assert [c.last_name for c in seen.contacts] == ["Adams", "Young"] and seen.contacts_count == 2
    assert seen.kiosks == {"in_warranty": 2, "expiring": 1, "expired": 1, "unknown": 1}
    assert [o.row.sales_order_number for o in seen.orders.orders] == ["SO-1", "SO-2"]
    assert {c: (str(t), n) for c, (t, n) in seen.orders.totals.items()} == {"USD": ("150.10", 2)}
    assert seen.orders.since == date(2024, 11, 21) and str(seen.finance.row.credit_limit) == "1000.00"

    child = await overview.account_overview(uow=uows(), principal=principal(ae), account_id=office.id, today=TODAY)
    assert child.parent.account.id == company.id and sum(child.kiosks.values()) == 5
    assert child.orders.orders == [] and child.finance is None


async def test_a_directory_only_role_gets_the_directory_view_and_no_figures(uows):
    await add_territories(uows)
    company, _ = await _company_with_everything(uows)
    sdr = await overview.account_overview(uow=uows(), principal=as_role("sdr"), account_id=company.id, today=TODAY)
    assert not sdr.account.full and sdr.contacts is None and sdr.orders is None and sdr.finance is None
    assert sdr.kiosks is None and sdr.children_count == 2
    csr = await overview.account_overview(uow=uows(), principal=as_role("csr"), account_id=company.id, today=TODAY)
    assert csr.contacts is None and csr.orders is None and sum(csr.kiosks.values()) == 5  # SEC-6: support reads kiosks


@pytest.mark.parametrize("territories", [("PAC",), ()])
async def test_an_account_outside_the_callers_view_is_not_found(uows, territories):
    await add_territories(uows)
    company, _ = await _company_with_everything(uows)
    outsider = await add_user(uows, "ae", territories=territories)
    with pytest.raises(NotFound):
        await overview.account_overview(uow=uows(), principal=principal(outsider), account_id=company.id,
                                        today=TODAY)


async def test_the_owner_of_a_location_sees_its_parent_as_a_directory_view(uows):
    await add_territories(uows)
    owner = await add_user(uows, "key_account_rep")
    company = await create(uows, "Acme", state="CA")
    store = await create(uows, "Acme Store", state="CA", subtype="kiosk_location", parent_id=company.id,
                         owner_id=owner.id)
    seen = await overview.account_overview(uow=uows(), principal=principal(owner), account_id=store.id, today=TODAY)
    assert seen.account.full and seen.parent.account.id == company.id and not seen.parent.full
