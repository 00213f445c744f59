"""/api/v1/search (MOB-1) through the gateway to the real Accounts service: 401, `q` required and
bounded (422 naming it), every user role admitted, and results that follow the service's visibility
(an AE finds nothing of another territory; directory roles get directory fields and no contacts)."""
from __future__ import annotations

import uuid

import pytest
from gw_accounts import erp_key, user_ids, wait_for_directory
from gw_helpers import assert_problem, bearer, login

pytestmark = pytest.mark.live  # what the real services do behind the gateway (conftest.py)

PATHS = ("/api/v1/search/contacts", "/api/v1/search/accounts")


@pytest.fixture(scope="module")
async def found(gw):
    """An NE (MA) company with a contact, found by a token unique to this run."""
    token = uuid.uuid4().hex[:8]
    async with gw.client() as c:
        await wait_for_directory(c, await user_ids(c))
        admin = bearer(await login(c, "admin"))
        company = await c.post("/api/v1/accounts", headers=admin, json={
            "name": f"Searchable Garages {token}", "type": "customer", "state": "MA"})
        assert company.status_code == 201, company.text
        contact = await c.post("/api/v1/contacts", headers=admin, json={
            "account_id": company.json()["id"], "first_name": "Renée", "last_name": f"Search{token}",
            "emails": [{"address": f"Renee.{token}@Garages.Example", "primary": True}],
            "phones": [{"number": "+1 (617) 555-0142", "type": "work"}]})
        assert contact.status_code == 201, contact.text
        return token, company.json(), contact.json()


async def test_search_needs_a_login(bare_gw):
    async with bare_gw.client() as c:
        for path in PATHS:
            assert_problem(await c.get(path, params={"q": "acme"}), 401)
            assert_problem(await c.get(path), 401)


async def test_q_is_required_and_bounded(client):
    headers = bearer(await login(client, "ae.ne"))
    for path in PATHS:
        assert_problem(await client.get(path, headers=headers), 422, field="q")
        assert_problem(await client.get(path, params={"q": ""}, headers=headers), 422, field="q")
        assert_problem(await client.get(path, params={"q": "x" * 201}, headers=headers), 422, field="q")
        assert_problem(await client.get(path, params={"q": "x", "limit": 0}, headers=headers), 422, field="limit")


@pytest.mark.parametrize("username", ["admin", "vp.sales", "rsm.east", "ae.ne", "se.east", "kam", "sdr1",
                                      "marketing", "vp.marketing", "csr1", "cs.manager"])
async def test_every_user_role_may_search(client, username):
    headers = bearer(await login(client, username))
    for path in PATHS:
        response = await client.get(path, params={"q": "garages"}, headers=headers)
        assert response.status_code == 200, response.text
        assert isinstance(response.json()["items"], list)


async def test_an_ae_finds_their_territory_only(client, found):
    token, company, contact = found
    ne = bearer(await login(client, "ae.ne"))
    for q in (f"renee.{token}@garages", f"SEARCH{token}", "617.555.0142", "5550142"):
        got = await client.get("/api/v1/search/contacts", params={"q": q}, headers=ne)
        assert got.status_code == 200, got.text
        assert [(i["id"], i["account_name"]) for i in got.json()["items"]] == [(contact["id"], company["name"])]
    [account] = (await client.get("/api/v1/search/accounts", params={"q": token.upper()},
                                  headers=ne)).json()["items"]
    assert account["id"] == company["id"] and account["directory_only"] is False

    pac = bearer(await login(client, "ae.pac"))
    assert (await client.get("/api/v1/search/contacts", params={"q": "5550142"}, headers=pac)).json()["items"] == []
    assert (await client.get("/api/v1/search/accounts", params={"q": token}, headers=pac)).json()["items"] == []


async def test_directory_roles_get_directory_fields_and_no_contacts(client, found):
    token, company, _ = found
    marketing = bearer(await login(client, "marketing"))
    [account] = (await client.get("/api/v1/search/accounts", params={"q": token}, headers=marketing)).json()["items"]
    assert account["directory_only"] is True and "state" not in account and "version" not in account
    assert account["name"] == company["name"]
    got = await client.get("/api/v1/search/contacts", params={"q": f"search{token}"}, headers=marketing)
    assert got.json()["items"] == []


async def test_the_erp_client_searches_everything_and_other_machines_may_not(client, found):
    token, company, _ = found
    erp = await erp_key(client)
    accounts = await client.get("/api/v1/search/accounts", params={"q": token}, headers=erp)
    assert [a["id"] for a in accounts.json()["items"]] == [company["id"]]
    admin = bearer(await login(client, "admin"))
    fleet = await client.post("/api/v1/api-clients", json={"name": f"fleet {uuid.uuid4().hex[:6]}",
                                                           "role": "kiosk_fleet"}, headers=admin)
    assert_problem(await client.get("/api/v1/search/accounts", params={"q": token},
                                    headers={"X-API-Key": fleet.json()["key"]}), 403)
