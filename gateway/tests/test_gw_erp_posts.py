"""The ERP's signed web-service posts (INT-4) through the gateway to the real Accounts service:
HMAC over timestamp, method, path and body with rotating keys; Idempotency-Key required (same key
and body: the same answer, no second write, even for 20 at once; another body: 422); tampered,
stale, unknown and revoked signatures refused (401, audited); other roles refused (403)."""
from __future__ import annotations

import asyncio
import json
import time
import uuid

import pytest
from gw_accounts import user_ids, wait_for_directory
from gw_helpers import assert_problem, bearer, login

from crm_gateway.domain import signatures

pytestmark = pytest.mark.live  # what the real services do behind the gateway (conftest.py)

ORDERS, FINANCE = "/api/v1/erp/sales-orders", "/api/v1/erp/finance"


def signed(key_id: str, secret: str, path: str, body: dict, *, idempotency_key: str | None = None,
           timestamp: int | None = None) -> dict:
    """httpx request arguments for a signed POST of `body`."""
    raw = json.dumps(body).encode()
    stamp = str(timestamp if timestamp is not None else int(time.time()))
    headers = {signatures.KEY_ID_HEADER: key_id, signatures.TIMESTAMP_HEADER: stamp,
               signatures.SIGNATURE_HEADER: signatures.sign(secret, stamp, "POST", path, raw),
               "content-type": "application/json", "Idempotency-Key": idempotency_key or str(uuid.uuid4())}
    return {"content": raw, "headers": headers}


async def _client_with_key(client, role: str = "erp") -> tuple[str, str, str]:
    """(client id, key id, secret) of a new API client with one signing key."""
    admin = bearer(await login(client, "admin"))
    created = await client.post("/api/v1/api-clients", headers=admin, json={"name": f"{role} {uuid.uuid4().hex[:6]}",
                                                                          "role": role})
    assert created.status_code == 201, created.text
    client_id = created.json()["id"]
    key = await client.post(f"/api/v1/api-clients/{client_id}/signing-keys", headers=admin)
    assert key.status_code == 201, key.text
    return client_id, key.json()["key_id"], key.json()["secret"]


@pytest.fixture(scope="module")
async def erp(gw):
    """An ERP client with a signing key, and a customer account with its own accounting id."""
    async with gw.client() as c:
        await wait_for_directory(c, await user_ids(c))
        accounting_id = f"C-{uuid.uuid4().hex[:8]}"
        account = await c.post("/api/v1/accounts", headers=bearer(await login(c, "admin")), json={
            "name": "Posted Grocers", "type": "customer", "state": "MA", "customer_accounting_id": accounting_id})
        assert account.status_code == 201, account.text
        client_id, key_id, secret = await _client_with_key(c)
        return {"client_id": client_id, "key_id": key_id, "secret": secret, "accounting_id": accounting_id,
                "account_id": account.json()["id"]}


def _order(erp: dict, number: str, **changes) -> dict:
    return {"sales_order_number": number, "customer_accounting_id": erp["accounting_id"], "po_number": "PO-9",
            "salesperson": "Wei Martinez", "territory": "NE", "order_date": "2026-11-20", "total_amount": 1234.5,
            **changes}


async def test_int_4_a_signed_order_is_created_then_updated_and_a_retry_replays(client, erp):
    number = f"SO-{uuid.uuid4().hex[:8]}"
    first = await client.post(ORDERS, **signed(erp["key_id"], erp["secret"], ORDERS, _order(erp, number),
                                               idempotency_key="k1-" + number))
    assert (first.status_code, first.json()) == (201, {"key": number, "outcome": "created"})
    again = await client.post(ORDERS, **signed(erp["key_id"], erp["secret"], ORDERS, _order(erp, number),
                                               idempotency_key="k1-" + number))
    assert again.status_code == 201 and again.headers.get("Idempotent-Replayed") == "true"
    other_body = signed(erp["key_id"], erp["secret"], ORDERS, _order(erp, number, ship_date="2026-11-21"),
                        idempotency_key="k1-" + number)
    assert_problem(await client.post(ORDERS, **other_body), 422, field="Idempotency-Key")
    shipped = await client.post(ORDERS, **signed(erp["key_id"], erp["secret"], ORDERS,
                                                 _order(erp, number, ship_date="2026-11-21")))
    assert (shipped.status_code, shipped.json()["outcome"]) == (200, "updated")
    same = await client.post(ORDERS, **signed(erp["key_id"], erp["secret"], ORDERS,
                                              _order(erp, number, ship_date="2026-11-21")))
    assert same.json()["outcome"] == "unchanged"
    orders = await client.get(f"/api/v1/accounts/{erp['account_id']}/sales-orders",
                              headers=bearer(await login(client, "admin")))
    assert [(o["total_amount"], o["ship_date"]) for o in orders.json()["items"]
            if o["sales_order_number"] == number] == [("1234.50", "2026-11-21")]


async def test_int_4_twenty_concurrent_identical_posts_write_once(client, erp):
    number = f"SO-{uuid.uuid4().hex[:8]}"
    request = signed(erp["key_id"], erp["secret"], ORDERS, _order(erp, number), idempotency_key="burst-" + number)
    answers = await asyncio.gather(*(client.post(ORDERS, **request) for _ in range(20)))
    assert {(a.status_code, a.json()["outcome"]) for a in answers} == {(201, "created")}
    assert sum(a.headers.get("Idempotent-Replayed") != "true" for a in answers) == 1


async def test_acc_4_finance_rows_post_too_and_bad_values_name_their_field(client, erp):
    row = {"customer_accounting_id": erp["accounting_id"], "as_of_date": "2026-11-21", "mtd_sales": "1.00",
           "ytd_sales": "2.00", "prior_ytd_sales": "3.00", "credit_limit": "1,000,000.00", "past_due_amount": "0"}
    posted = await client.post(FINANCE, **signed(erp["key_id"], erp["secret"], FINANCE, row))
    assert (posted.status_code, posted.json()["outcome"]) == (201, "created")
    for bad, field in (({**row, "as_of_date": "2025-02-30"}, "as_of_date"), ({**row, "mtd_sales": "abc"}, "mtd_sales"),
                       ({**row, "customer_accounting_id": "C-NOPE"}, "customer_accounting_id")):
        assert_problem(await client.post(FINANCE, **signed(erp["key_id"], erp["secret"], FINANCE, bad)), 422,
                       field=field)
    assert_problem(await client.post(FINANCE, **signed(erp["key_id"], erp["secret"], FINANCE, {**row, "x": 1})), 422)


async def test_tampered_stale_unknown_and_unsigned_requests_are_refused(client, erp):
    body = _order(erp, f"SO-{uuid.uuid4().hex[:8]}")
    tampered = signed(erp["key_id"], erp["secret"], ORDERS, body)
    tampered["content"] = tampered["content"].replace(b"1234.5", b"9999.5")
    stale = signed(erp["key_id"], erp["secret"], ORDERS, body, timestamp=int(time.time()) - 301)
    unknown = signed("sk_0000000000000000", erp["secret"], ORDERS, body)
    other_path = signed(erp["key_id"], erp["secret"], FINANCE, body)
    for attempt in (tampered, stale, unknown, other_path):
        assert_problem(await client.post(ORDERS, **attempt), 401)
    unsigned = {"json": body, "headers": {"Idempotency-Key": "x", **bearer(await login(client, "admin"))}}
    assert_problem(await client.post(ORDERS, **unsigned), 401)
    missing_key = signed(erp["key_id"], erp["secret"], ORDERS, body)
    del missing_key["headers"]["Idempotency-Key"]
    assert_problem(await client.post(ORDERS, **missing_key), 422, field="Idempotency-Key")
    trail = await client.get("/api/v1/audit-events", params={"action": "signature_refused"},
                             headers=bearer(await login(client, "admin")))
    assert trail.status_code == 200 and len(trail.json()["items"]) >= 4


async def test_keys_rotate_and_a_revoked_key_stops_working(client, erp):
    admin = bearer(await login(client, "admin"))
    client_id, old_key, old_secret = await _client_with_key(client)
    new = (await client.post(f"/api/v1/api-clients/{client_id}/signing-keys", headers=admin)).json()
    for key_id, secret in ((old_key, old_secret), (new["key_id"], new["secret"])):
        ok = await client.post(FINANCE, **signed(key_id, secret, FINANCE, {
            "customer_accounting_id": erp["accounting_id"], "as_of_date": "2026-11-01", "mtd_sales": "1",
            "ytd_sales": "1", "prior_ytd_sales": "1", "credit_limit": "1", "past_due_amount": "0"}))
        assert ok.status_code in (200, 201), ok.text
    assert (await client.delete(f"/api/v1/api-clients/{client_id}/signing-keys/{old_key}",
                                headers=admin)).status_code == 204
    listed = (await client.get(f"/api/v1/api-clients/{client_id}/signing-keys", headers=admin)).json()["items"]
    assert {k["key_id"]: k["active"] for k in listed} == {old_key: False, new["key_id"]: True}
    assert_problem(await client.post(FINANCE, **signed(old_key, old_secret, FINANCE, {"x": 1})), 401)


async def test_only_the_erp_role_posts_and_only_admins_manage_keys(client, erp):
    _, key_id, secret = await _client_with_key(client, role="kiosk_fleet")
    assert_problem(await client.post(ORDERS, **signed(key_id, secret, ORDERS, _order(erp, "SO-x"))), 403)
    for username in ("ae.ne", "csr1", "sdr1"):
        headers = bearer(await login(client, username))
        assert_problem(await client.post(f"/api/v1/api-clients/{erp['client_id']}/signing-keys", headers=headers),
                       403)
        assert_problem(await client.get(f"/api/v1/api-clients/{erp['client_id']}/signing-keys", headers=headers),
                       403)
    assert_problem(await client.post(f"/api/v1/api-clients/{uuid.uuid4()}/signing-keys",
                                     headers=bearer(await login(client, "admin"))), 404)


async def test_int_4_a_ship_to_location_and_its_kiosk_are_posted_one_at_a_time(client, erp):
    tag = uuid.uuid4().hex[:6].upper()
    location = {"ship_to_id": f"S{tag}", "customer_accounting_id": erp["accounting_id"], "name": f"Store {tag}",
                "subtype": "kiosk_location", "street": "1 Main St", "city": "Boston", "state": "MA",
                "postal_code": "02110", "country": "US"}
    placed = await client.post("/api/v1/erp/locations",
                               **signed(erp["key_id"], erp["secret"], "/api/v1/erp/locations", location))
    assert (placed.status_code, placed.json()["outcome"]) == (201, "created")
    kiosk = {"serial_number": f"KX-{tag}", "ship_to_id": f"S{tag}", "model": "KX-100", "install_date": "2025-01-02",
             "warranty_end_date": "2028-01-02"}
    fitted = await client.post("/api/v1/erp/kiosks",
                               **signed(erp["key_id"], erp["secret"], "/api/v1/erp/kiosks", kiosk))
    assert (fitted.status_code, fitted.json()["outcome"]) == (201, "created")
    nowhere = {**kiosk, "serial_number": f"KX-{tag}-2", "ship_to_id": "S-NOPE"}
    assert_problem(await client.post("/api/v1/erp/kiosks",
                                     **signed(erp["key_id"], erp["secret"], "/api/v1/erp/kiosks", nowhere)),
                   422, field="ship_to_id")
    found = await client.get("/api/v1/kiosks", params={"serial_number": f"KX-{tag}"},
                             headers=bearer(await login(client, "csr1")))
    assert [k["model"] for k in found.json()["items"]] == ["KX-100"]
