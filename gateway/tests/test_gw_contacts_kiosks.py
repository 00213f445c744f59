"""/api/v1/contacts and /api/v1/kiosks through the gateway to the real Accounts service: 401, the
coarse SEC-6 route check, Idempotency-Key, ETag / If-Match, CON-1 fields, CON-2 account status and
type on the contact, contacts following their account's visibility, and problems naming the field."""
from __future__ import annotations

import uuid

import pytest
from gw_accounts import user_ids, wait_for_directory
from gw_helpers import assert_problem, bearer, login

pytestmark = pytest.mark.live  # what the real services do behind the gateway (conftest.py)

PERSON = {"first_name": "Susan", "last_name": "Chen", "title": "CIO", "role": "IT", "holiday_card": True,
          "emails": [{"address": "susan@northern.example", "primary": True}, {"address": "s.chen@home.example"}],
          "phones": [{"number": "713.898.4229", "type": "work", "extension": "12"}],
          "linkedin_url": "https://www.linkedin.com/in/susan-chen"}


@pytest.fixture(scope="module")
async def place(gw):
    """An NE company owned by ae.ne, with a kiosk location under it (made by the admin)."""
    async with gw.client() as c:
        await wait_for_directory(c, await user_ids(c))
        admin = bearer(await login(c, "admin"))
        company = (await c.post("/api/v1/accounts", headers=admin, json={
            "name": f"Harbor Garages {uuid.uuid4().hex[:6]}", "type": "customer", "state": "MA"})).json()
        location = await c.post("/api/v1/accounts", headers=admin, json={
            "name": f"{company['name']} Lot 4", "type": "customer", "subtype": "kiosk_location",
            "parent_id": company["id"], "state": "MA"})
        assert location.status_code == 201, location.text
        return company, location.json()


async def test_contacts_and_kiosks_need_a_login(bare_gw):
    async with bare_gw.client() as c:
        for method, path in (("GET", "/api/v1/contacts?account_id=a"), ("POST", "/api/v1/contacts"),
                             ("GET", "/api/v1/contacts/x"), ("PATCH", "/api/v1/contacts/x"),
                             ("GET", "/api/v1/kiosks?location_account_id=a"), ("POST", "/api/v1/kiosks"),
                             ("GET", "/api/v1/kiosks/x"), ("PATCH", "/api/v1/kiosks/x")):
            assert_problem(await c.request(method, path, json={}), 401)


@pytest.mark.parametrize("username", ["ae.ne", "rsm.east", "vp.sales", "sdr1", "kam", "se.east", "marketing"])
async def test_kiosk_fields_are_read_only_for_everyone_but_support_and_admin(bare_gw, username):
    """SEC-6, refused at the route before any service is asked (the service refuses too)."""
    async with bare_gw.client() as c:
        headers = bearer(await login(c, username))
        assert_problem(await c.post("/api/v1/kiosks", json={"serial_number": "K1", "location_account_id": "x"},
                                    headers=headers), 403)
        assert_problem(await c.patch("/api/v1/kiosks/x", json={"model": "M"}, headers=headers), 403)


async def test_contact_lifecycle_with_etags_and_idempotency(client, place):
    company, _ = place
    ae = bearer(await login(client, "ae.ne"))
    body = {"account_id": company["id"], **PERSON}
    headers = {**ae, "Idempotency-Key": f"contact-{uuid.uuid4().hex[:8]}"}
    first = await client.post("/api/v1/contacts", json=body, headers=headers)
    assert first.status_code == 201, first.text
    contact = first.json()
    assert first.headers["location"] == f"/api/v1/contacts/{contact['id']}" and first.headers["etag"] == '"1"'
    assert (contact["account_status"], contact["account_type"]) == ("active", "customer")
    assert contact["email2"] == "s.chen@home.example" and contact["holiday_card"] is True
    assert contact["phones"] == [{"number": "713.898.4229", "type": "work", "extension": "12"}]
    again = await client.post("/api/v1/contacts", json=body, headers=headers)
    assert again.json() == contact and again.headers["idempotent-replayed"] == "true"
    listed = await client.get("/api/v1/contacts", params={"account_id": company["id"]}, headers=ae)
    assert [c["id"] for c in listed.json()["items"]] == [contact["id"]]

    url = f"/api/v1/contacts/{contact['id']}"
    got = await client.get(url, headers=ae)
    assert got.status_code == 200 and got.headers["etag"] == '"1"'
    assert got.json() == {**contact, "editable_fields": got.json()["editable_fields"]}  # the read of one names them
    patched = await client.patch(url, json={"title": None, "emails": [{"address": "susan@new.example"}],
                                            "status": "inactive"}, headers={**ae, "If-Match": '"1"'})
    assert patched.status_code == 200, patched.text
    assert (patched.json()["title"], patched.json()["status"], patched.headers["etag"]) == ("", "inactive", '"2"')
    assert [e["address"] for e in patched.json()["emails"]] == ["susan@new.example"]
    assert_problem(await client.patch(url, json={"title": "CTO"}, headers={**ae, "If-Match": '"1"'}), 412)
    assert_problem(await client.patch(url, json={"role": "Janitor"}, headers=ae), 422, field="role")
    assert_problem(await client.post("/api/v1/contacts", json={**body, "emails": [{"address": "not-mail"}]},
                                     headers=ae), 422, field="emails")
    assert_problem(await client.post("/api/v1/contacts", json=PERSON, headers=ae), 422, field="account_id")

    other_ae = bearer(await login(client, "ae.pac"))
    assert_problem(await client.get(url, headers=other_ae), 404)
    assert_problem(await client.get("/api/v1/contacts", params={"account_id": company["id"]}, headers=other_ae),
                   404, field="account_id")
    assert_problem(await client.post("/api/v1/contacts", json=body, headers=other_ae), 404, field="account_id")
    csr = bearer(await login(client, "csr1"))
    assert_problem(await client.post("/api/v1/contacts", json=body, headers=csr), 403)


async def test_kiosk_lifecycle(client, place):
    """ACC-5: support enters a kiosk by hand at a kiosk location; its warranty state is derived."""
    _, location = place
    csr = bearer(await login(client, "csr1"))
    serial = f"KSK-{uuid.uuid4().hex[:8]}"
    body = {"serial_number": serial, "model": "K-200", "operating_system": "Windows 10 IoT",
            "software_version": "4.2.1", "install_date": "2022-03-01", "warranty_end_date": "2025-03-01",
            "location_account_id": location["id"]}
    headers = {**csr, "Idempotency-Key": f"kiosk-{uuid.uuid4().hex[:8]}"}
    first = await client.post("/api/v1/kiosks", json=body, headers=headers)
    assert first.status_code == 201, first.text
    kiosk = first.json()
    assert first.headers["location"] == f"/api/v1/kiosks/{kiosk['id']}" and first.headers["etag"] == '"1"'
    assert (kiosk["serial_number"], kiosk["install_date"], kiosk["warranty_state"]) == (serial, "2022-03-01",
                                                                                        "expired")
    again = await client.post("/api/v1/kiosks", json=body, headers=headers)
    assert again.json() == kiosk and again.headers["idempotent-replayed"] == "true"
    ae = bearer(await login(client, "ae.ne"))
    listed = await client.get("/api/v1/kiosks", params={"location_account_id": location["id"]}, headers=ae)
    assert listed.status_code == 200 and [k["id"] for k in listed.json()["items"]] == [kiosk["id"]]
    by_serial = await client.get("/api/v1/kiosks", params={"serial_number": serial}, headers=csr)
    assert [k["id"] for k in by_serial.json()["items"]] == [kiosk["id"]]  # SUP-5: found by the serial a case names
    assert_problem(await client.get("/api/v1/kiosks", headers=csr), 422, field="location_account_id")

    url = f"/api/v1/kiosks/{kiosk['id']}"
    got = await client.get(url, headers=ae)
    assert got.status_code == 200 and got.headers["etag"] == '"1"'
    patched = await client.patch(url, json={"software_version": "4.3.0", "warranty_end_date": None},
                                 headers={**csr, "If-Match": '"1"'})
    assert patched.status_code == 200, patched.text
    assert (patched.json()["software_version"], patched.json()["warranty_end_date"]) == ("4.3.0", None)
    assert patched.json()["warranty_state"] == "unknown" and patched.headers["etag"] == '"2"'
    assert_problem(await client.patch(url, json={"model": "K-300"}, headers={**csr, "If-Match": '"1"'}), 412)
    assert_problem(await client.post("/api/v1/kiosks", json={**body, "install_date": "yesterday"}, headers=csr),
                   422, field="install_date")
    assert_problem(await client.get(url, headers=bearer(await login(client, "ae.pac"))), 404)
    assert_problem(await client.get(f"/api/v1/kiosks/{uuid.uuid4()}", headers=csr), 404)
