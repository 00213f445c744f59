"""Reads of one account or contact say which fields the caller may change (issue 9 item 8; SEC-1, SEC-3,
the owner rule), and what they name matches what the Accounts service accepts and refuses."""
from __future__ import annotations

import uuid

import pytest
from gw_accounts import user_ids, wait_for_directory
from gw_helpers import assert_problem, bearer, login

pytestmark = pytest.mark.live  # the service's own field rules must agree with what the reads name


@pytest.fixture(scope="module")
async def harbor(gw):
    """A New England customer (owned by ae.ne) with one contact, made by the admin."""
    async with gw.client() as c:
        await wait_for_directory(c, await user_ids(c))
        admin = bearer(await login(c, "admin"))
        account = (await c.post("/api/v1/accounts", headers=admin, json={
            "name": f"Harbor Lots {uuid.uuid4().hex[:6]}", "type": "customer", "state": "MA",
            "customer_accounting_id": f"HL-{uuid.uuid4().hex[:6]}"})).json()
        contact = (await c.post("/api/v1/contacts", headers=admin, json={
            "account_id": account["id"], "first_name": "Ana", "last_name": "Lopes"})).json()
    return {"account": account, "contact": contact}


async def editable(client, username: str, path: str) -> list[str]:
    got = await client.get(path, headers=bearer(await login(client, username)))
    assert got.status_code == 200, got.text
    return got.json()["editable_fields"]


async def test_the_accounting_id_and_owner_are_editable_only_for_their_roles(client, harbor):
    path = f"/api/v1/accounts/{harbor['account']['id']}"
    admin = await editable(client, "admin", path)
    assert {"name", "phone", "customer_accounting_id", "owner_id"} <= set(admin)
    ae = await editable(client, "ae.ne", path)
    assert {"name", "phone", "street", "state"} <= set(ae)
    assert "customer_accounting_id" not in ae and "owner_id" not in ae  # SEC-1; owners are chosen above the AE
    rsm = await editable(client, "rsm.east", path)
    assert "owner_id" in rsm and "customer_accounting_id" not in rsm
    # The overview's account says the same (the account 360's edit form reads it).
    overview = await client.get(f"{path}/overview", headers=bearer(await login(client, "ae.ne")))
    assert overview.json()["account"]["editable_fields"] == ae


async def test_directory_views_and_read_only_roles_may_change_nothing(client, harbor):
    path = f"/api/v1/accounts/{harbor['account']['id']}"
    for username in ("sdr1", "csr1", "marketing"):
        assert await editable(client, username, path) == [], username


async def test_what_the_read_names_is_what_the_service_accepts(client, harbor):
    """The field left out for an AE is refused with a 403 naming it; a field named is accepted."""
    path = f"/api/v1/accounts/{harbor['account']['id']}"
    ae = bearer(await login(client, "ae.ne"))
    assert_problem(await client.patch(path, json={"customer_accounting_id": "HL-0"}, headers=ae), 403,
                   field="customer_accounting_id")
    changed = await client.patch(path, json={"phone": "617-555-0199"}, headers=ae)
    assert changed.status_code == 200, changed.text
    assert "customer_accounting_id" not in changed.json()["editable_fields"]


async def test_a_contact_read_names_its_editable_fields(client, harbor):
    path = f"/api/v1/contacts/{harbor['contact']['id']}"
    assert {"first_name", "emails", "phones", "status"} <= set(await editable(client, "ae.ne", path))
    # Lists carry no per-record block: only the reads of one record do.
    listed = await client.get("/api/v1/contacts", params={"account_id": harbor["account"]["id"]},
                              headers=bearer(await login(client, "ae.ne")))
    assert "editable_fields" not in listed.json()["items"][0]


async def test_a_read_share_shows_the_account_with_nothing_to_change_and_an_edit_share_allows_it(client, harbor):
    """SEC-5: the service says whether the caller may change this account and its contacts, so a read
    share's forms are read-only."""
    path = f"/api/v1/accounts/{harbor['account']['id']}"
    owner = bearer(await login(client, "ae.ne"))
    ids = await user_ids(client)
    for access, may_change in (("read", False), ("edit", True)):
        shared = await client.post(f"{path}/shares", headers=owner, json={"user_id": ids["ae.ma"], "access": access})
        assert shared.status_code == 201, shared.text
        named = await editable(client, "ae.ma", path)
        assert bool(named) is may_change and ("phone" in named) is may_change, (access, named)
        overview = await client.get(f"{path}/overview", headers=bearer(await login(client, "ae.ma")))
        assert overview.json()["account"]["editable_fields"] == named
        contact = await editable(client, "ae.ma", f"/api/v1/contacts/{harbor['contact']['id']}")
        assert bool(contact) is may_change and ("last_name" in contact) is may_change, (access, contact)
        assert (await client.delete(f"{path}/shares/{ids['ae.ma']}", headers=owner)).status_code == 204
