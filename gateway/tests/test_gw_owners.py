"""Issue 13 finding 7: an account's owner must be someone who may own accounts in its territory (its AE,
a key account rep, their managers, an admin), and a lead's current vendor an existing competitor account."""
from __future__ import annotations

import uuid

import pytest
from gw_accounts import user_ids, wait_for_directory
from gw_helpers import assert_problem, bearer, login

pytestmark = pytest.mark.live  # what the real services do behind the gateway (conftest.py)


@pytest.fixture(scope="module")
async def ids(gw):
    async with gw.client() as c:
        found = await user_ids(c)
        await wait_for_directory(c, found)
    return found


def massachusetts(**changes) -> dict:
    return {"name": f"Owner Test {uuid.uuid4().hex[:8]}", "type": "prospect", "state": "MA", **changes}


async def test_finding_7_only_users_who_may_own_in_the_territory_become_owners(client, ids):
    rsm = bearer(await login(client, "rsm.east"))
    for refused in ("csr1", "ae.pac", "sdr1", "rsm.west"):
        answer = await client.post("/api/v1/accounts", json=massachusetts(owner_id=ids[refused]), headers=rsm)
        assert_problem(answer, 422, field="owner_id")
    for allowed in ("ae.ne", "kam", "rsm.east", "vp.sales", "admin"):
        answer = await client.post("/api/v1/accounts", json=massachusetts(owner_id=ids[allowed]), headers=rsm)
        assert answer.status_code == 201 and answer.json()["owner_id"] == ids[allowed], (allowed, answer.text)
    made = answer.json()
    moved = await client.patch(f"/api/v1/accounts/{made['id']}", json={"owner_id": ids["csr1"]}, headers=rsm)
    assert_problem(moved, 422, field="owner_id")
    assert (await client.get(f"/api/v1/accounts/{made['id']}", headers=rsm)).json()["owner_id"] == ids["admin"]


async def test_finding_7_a_leads_current_vendor_is_an_existing_competitor(client, ids):
    admin = bearer(await login(client, "admin"))
    lead = (await client.post("/api/v1/leads", headers=admin, json={
        "source": "website", "email": f"vendor.{uuid.uuid4().hex[:8]}@example.com"})).json()
    url = f"/api/v1/leads/{lead['id']}"
    for missing in (str(uuid.uuid4()), "not-an-id"):
        assert_problem(await client.patch(url, json={"current_vendor_account_id": missing}, headers=admin), 422,
                       field="current_vendor_account_id")
    prospect = (await client.post("/api/v1/accounts", json=massachusetts(), headers=admin)).json()
    assert_problem(await client.patch(url, json={"current_vendor_account_id": prospect["id"]}, headers=admin), 422,
                   field="current_vendor_account_id")
    rival = (await client.post("/api/v1/accounts", json=massachusetts(type="competitor"), headers=admin)).json()
    linked = await client.patch(url, json={"current_vendor_account_id": rival["id"]}, headers=bearer(
        await login(client, "sdr1")) if lead["owner_id"] == ids["sdr1"] else admin)
    assert linked.status_code == 200 and linked.json()["current_vendor_account_id"] == rival["id"], linked.text
