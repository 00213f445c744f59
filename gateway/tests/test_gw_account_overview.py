"""The account overview, sales orders (ACC-3) and finance (ACC-4) through the gateway to the real
Accounts service: what an AE sees on one screen, amounts as exact decimal strings, cursor pages of
orders, and who is refused (401 without login, 403 for directory-only roles, 404 outside one's
territory, 422 naming the field at fault)."""
from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from gw_accounts import user_ids, wait_for_directory
from gw_helpers import assert_problem, bearer, login

from tests.support.erp import record_erp_figures

pytestmark = pytest.mark.live  # what the real services do behind the gateway (conftest.py)

TODAY = date.today()


@pytest.fixture(scope="module")
async def company(gw, accounts_service, principal_keys):
    """An NE (MA) company with an office, a store with two kiosks, a contact, three orders (one older
    than two years) and finance figures."""
    accounting_id = f"C-{uuid.uuid4().hex[:8]}"
    async with gw.client() as c:
        await wait_for_directory(c, await user_ids(c))
        admin = bearer(await login(c, "admin"))

        async def account(body):
            created = await c.post("/api/v1/accounts", headers=admin, json={"state": "MA", **body})
            assert created.status_code == 201, created.text
            return created.json()

        top = await account({"name": "Overview Grocers", "type": "customer", "customer_accounting_id": accounting_id})
        office = await account({"name": "Overview Grocers Boston", "type": "customer", "subtype": "office",
                                "parent_id": top["id"]})
        store = await account({"name": "Overview Grocers #1", "type": "customer", "subtype": "kiosk_location",
                               "parent_id": office["id"]})
        contact = await c.post("/api/v1/contacts", headers=admin, json={
            "account_id": top["id"], "first_name": "Olive", "last_name": "Overview"})
        assert contact.status_code == 201, contact.text
        csr = bearer(await login(c, "csr1"))
        for serial, end in (("A", TODAY + timedelta(days=10)), ("B", TODAY + timedelta(days=365))):
            kiosk = await c.post("/api/v1/kiosks", headers=csr, json={
                "serial_number": f"OV-{serial}-{accounting_id}", "model": "K2", "location_account_id": store["id"],
                "warranty_end_date": end.isoformat()})
            assert kiosk.status_code == 201, kiosk.text
    order = {"customer_accounting_id": accounting_id, "salesperson": "Wei Martinez", "territory": "NE",
             "po_number": "=1+1", "currency": ""}
    outcomes = await record_erp_figures(accounts_service.target, principal_keys[0], orders=[
        {**order, "sales_order_number": f"{accounting_id}-1", "order_date": (TODAY - timedelta(days=3)).isoformat(),
         "ship_date": "", "total_amount": "1,234.50"},
        {**order, "sales_order_number": f"{accounting_id}-2", "order_date": (TODAY - timedelta(days=300)).isoformat(),
         "ship_date": (TODAY - timedelta(days=290)).isoformat(), "total_amount": "0.10"},
        {**order, "sales_order_number": f"{accounting_id}-3", "order_date": (TODAY - timedelta(days=800)).isoformat(),
         "ship_date": "", "total_amount": "99.00"},
    ], finance=[{"customer_accounting_id": accounting_id, "as_of_date": TODAY.isoformat(), "mtd_sales": "1234.50",
                 "ytd_sales": "1234.60", "prior_ytd_sales": "99.00", "credit_limit": "1,000,000.00",
                 "past_due_amount": "0.00", "currency": ""}])
    assert outcomes == ["created"] * 4
    return {"top": top, "office": office, "accounting_id": accounting_id}


async def test_an_ae_sees_their_accounts_screen_in_one_call(client, company):
    response = await client.get(f"/api/v1/accounts/{company['top']['id']}/overview",
                                headers=bearer(await login(client, "ae.ne")))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["account"]["name"] == "Overview Grocers" and body["account"]["number_of_locations"] == 2
    assert "parent" not in body
    assert [c["name"] for c in body["children"]] == ["Overview Grocers Boston"] and body["children_count"] == 1
    assert [c["last_name"] for c in body["contacts"]] == ["Overview"] and body["contacts_count"] == 1
    assert body["kiosks"] == {"in_warranty": 1, "expiring": 1, "expired": 0, "unknown": 0, "total": 2}
    assert [o["total_amount"] for o in body["orders"]] == ["1234.50", "0.10"]  # two years only, exact strings
    assert body["orders"][0]["po_number"] == "=1+1" and body["orders"][0]["ship_date"] is None
    assert body["order_totals"] == [{"currency": "USD", "total_amount": "1234.60", "order_count": 2}]
    assert body["finance"]["credit_limit"] == "1000000.00" and body["finance"]["as_of_date"] == TODAY.isoformat()

    office = (await client.get(f"/api/v1/accounts/{company['office']['id']}/overview",
                               headers=bearer(await login(client, "ae.ne")))).json()
    assert office["parent"]["id"] == company["top"]["id"] and office["finance"] is None
    assert office["orders"] == [] and office["kiosks"]["total"] == 2


@pytest.mark.parametrize("username", ["sdr1", "marketing", "csr1"])
async def test_directory_only_roles_get_the_directory_view_without_figures(client, company, username):
    headers = bearer(await login(client, username))
    body = (await client.get(f"/api/v1/accounts/{company['top']['id']}/overview", headers=headers)).json()
    assert body["account"]["directory_only"] is True and "customer_accounting_id" not in body["account"]
    assert not {"contacts", "orders", "order_totals", "finance"} & set(body)
    assert ("kiosks" in body) == (username == "csr1")  # SEC-6: support reads every kiosk
    for part in ("sales-orders", "finance"):
        assert_problem(await client.get(f"/api/v1/accounts/{company['top']['id']}/{part}", headers=headers), 403,
                       field="account_id")


@pytest.mark.parametrize("username", ["ae.pac", "se.west", "rsm.west", "kam"])
async def test_accounts_outside_ones_view_are_not_found(client, company, username):
    headers = bearer(await login(client, username))
    for part in ("overview", "sales-orders", "finance"):
        assert_problem(await client.get(f"/api/v1/accounts/{company['top']['id']}/{part}", headers=headers), 404)


async def test_orders_page_by_cursor_and_reach_back_with_since(client, company):
    headers = bearer(await login(client, "rsm.east"))
    path = f"/api/v1/accounts/{company['top']['id']}/sales-orders"
    first = (await client.get(path, params={"limit": 1}, headers=headers)).json()
    assert [o["sales_order_number"] for o in first["items"]] == [f"{company['accounting_id']}-1"]
    assert first["totals"][0]["order_count"] == 2 and first["next_cursor"]
    rest = (await client.get(path, params={"limit": 1, "cursor": first["next_cursor"]}, headers=headers)).json()
    assert [o["sales_order_number"] for o in rest["items"]] == [f"{company['accounting_id']}-2"]
    assert rest["next_cursor"] is None
    everything = (await client.get(path, params={"since": "2000-01-01"}, headers=headers)).json()
    assert len(everything["items"]) == 3 and everything["since"] == "2000-01-01"
    assert_problem(await client.get(path, params={"since": "2025-02-30"}, headers=headers), 422, field="since")
    assert_problem(await client.get(path, params={"cursor": "junk"}, headers=headers), 422, field="cursor")


async def test_finance_is_the_latest_and_absent_figures_answer_404_naming_the_account(client, company):
    headers = bearer(await login(client, "vp.sales"))
    latest = await client.get(f"/api/v1/accounts/{company['top']['id']}/finance", headers=headers)
    assert latest.status_code == 200 and latest.json()["mtd_sales"] == "1234.50"
    assert_problem(await client.get(f"/api/v1/accounts/{company['office']['id']}/finance", headers=headers), 404,
                   field="account_id")


async def test_the_new_routes_need_a_login_and_a_real_account(bare_gw, client, company):
    async with bare_gw.client() as c:
        for part in ("overview", "sales-orders", "finance"):
            assert_problem(await c.get(f"/api/v1/accounts/{company['top']['id']}/{part}"), 401)
    headers = bearer(await login(client, "admin"))
    for part in ("overview", "sales-orders", "finance"):
        assert_problem(await client.get(f"/api/v1/accounts/{uuid.uuid4()}/{part}", headers=headers), 404)
