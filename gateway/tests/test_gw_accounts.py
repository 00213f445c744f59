"""/api/v1/accounts through the gateway to the real Accounts service: 401 and route-level refusals,
Idempotency-Key, ETag / If-Match, directory-only reads that leave fields out (never null), SEC-1 as a
403 naming the field, trees, shares (SEC-5), reassignment (GEN-11), list filters and pages, and a 503
when the service is down."""
from __future__ import annotations

import uuid

import pytest
from gw_accounts import erp_key, user_ids, wait_for_directory
from gw_helpers import assert_problem, bearer, login

FULL_ONLY = {"customer_accounting_id", "street", "city", "state", "postal_code", "country", "phone", "website",
             "key_account", "number_of_locations", "created_at", "updated_at", "version"}

pytestmark = pytest.mark.live  # what the real services do behind the gateway (conftest.py)


def company(**changes) -> dict:
    return {"name": f"Northern Parking {uuid.uuid4().hex[:8]}", "type": "customer", "street": "1 Main St",
            "city": "Boston", "state": "MA", "postal_code": "02110", "country": "US", **changes}


@pytest.fixture(scope="module")
async def ids(gw):
    async with gw.client() as c:
        found = await user_ids(c)
        await wait_for_directory(c, found)
    return found


async def test_accounts_need_a_login(bare_gw):
    async with bare_gw.client() as c:
        for method, path in (("GET", "/api/v1/accounts"), ("POST", "/api/v1/accounts"),
                             ("GET", "/api/v1/accounts/x"), ("PATCH", "/api/v1/accounts/x"),
                             ("POST", "/api/v1/accounts/x/deactivate"), ("GET", "/api/v1/accounts/x/hierarchy"),
                             ("GET", "/api/v1/accounts/x/shares"), ("DELETE", "/api/v1/accounts/x/shares/y"),
                             ("POST", "/api/v1/accounts/reassign")):
            response = await c.request(method, path, json={})
            assert_problem(response, 401)
            assert response.headers["www-authenticate"].startswith("Bearer")


@pytest.mark.parametrize("username", ["marketing", "csr1", "cs.manager", "vp.marketing"])
async def test_directory_roles_may_not_write_accounts(bare_gw, username):
    """Coarse route check: roles that only see the directory create and change no account (audited)."""
    async with bare_gw.client() as c:
        headers = bearer(await login(c, username))
        assert_problem(await c.post("/api/v1/accounts", json=company(), headers=headers), 403)
        assert_problem(await c.patch("/api/v1/accounts/x", json={"name": "X"}, headers=headers), 403)
        assert_problem(await c.post("/api/v1/accounts/x/shares", json={"user_id": "u", "access": "read"},
                                    headers=headers), 403)
        assert_problem(await c.post("/api/v1/accounts/reassign", json={"from_user_id": "a", "to_user_id": "b"},
                                    headers=headers), 403)
    rows = await bare_gw.sql("select detail from audit_log where action = 'permission_denied' and actor_name = :u",
                             u=username)
    assert any(r.detail["path"] == "/api/v1/accounts" for r in rows)


async def test_accounts_service_down_is_503_problem(bare_gw):
    async with bare_gw.client() as c:
        headers = bearer(await login(c, "admin"))
        body = assert_problem(await c.get("/api/v1/accounts", headers=headers), 503)
        assert "unavailable" in body["detail"]
        assert_problem(await c.post("/api/v1/accounts", json=company(), headers=headers), 503)


async def test_create_with_idempotency_key_etag_and_if_match(client, ids):
    """DESIGN 6: one account per Idempotency-Key and body; reads carry an ETag; a stale If-Match is a 412."""
    admin = bearer(await login(client, "admin"))
    body = company(customer_accounting_id=f"C{uuid.uuid4().hex[:6]}")
    headers = {**admin, "Idempotency-Key": f"erp-row-{uuid.uuid4().hex[:8]}"}
    first = await client.post("/api/v1/accounts", json=body, headers=headers)
    assert first.status_code == 201, first.text
    account = first.json()
    assert first.headers["location"] == f"/api/v1/accounts/{account['id']}" and first.headers["etag"] == '"1"'
    assert (account["territory"], account["owner_id"], account["status"]) == ("NE", ids["ae.ne"], "active")
    assert account["customer_accounting_id"] == body["customer_accounting_id"] and account["directory_only"] is False
    again = await client.post("/api/v1/accounts", json=body, headers=headers)
    assert again.status_code == 201 and again.json() == account and again.headers["idempotent-replayed"] == "true"
    assert_problem(await client.post("/api/v1/accounts", json={**body, "city": "Salem"}, headers=headers), 422,
                   field="Idempotency-Key")
    assert len((await client.get("/api/v1/accounts", params={"q": body["name"]}, headers=admin)).json()["items"]) == 1

    url = f"/api/v1/accounts/{account['id']}"
    got = await client.get(url, headers=admin)
    assert got.status_code == 200 and got.headers["etag"] == '"1"'
    assert got.json() == {**account, "editable_fields": got.json()["editable_fields"]}  # the read of one names them
    patched = await client.patch(url, json={"city": "Worcester", "phone": None}, headers={**admin, "If-Match": '"1"'})
    assert patched.status_code == 200, patched.text
    assert (patched.json()["city"], patched.json()["phone"], patched.headers["etag"]) == ("Worcester", "", '"2"')
    assert_problem(await client.patch(url, json={"city": "Lowell"}, headers={**admin, "If-Match": '"1"'}), 412)
    assert_problem(await client.patch(url, json={"city": "Lowell"}, headers={**admin, "If-Match": "soon"}), 422,
                   field="If-Match")
    assert_problem(await client.post(f"{url}/deactivate", headers={**admin, "If-Match": '"1"'}), 412)
    off = await client.post(f"{url}/deactivate", headers={**admin, "If-Match": '"2"'})
    assert off.status_code == 200 and off.json()["status"] == "inactive" and off.headers["etag"] == '"3"'
    on = await client.post(f"{url}/reactivate", headers=admin)
    assert on.status_code == 200 and on.json()["status"] == "active"
    assert_problem(await client.get(f"/api/v1/accounts/{uuid.uuid4()}", headers=admin), 404)
    assert_problem(await client.post("/api/v1/accounts", json={"name": "No type"}, headers=admin), 422, field="type")
    assert_problem(await client.post("/api/v1/accounts", json={**company(), "colour": "red"}, headers=admin), 422,
                   field="colour")


async def test_directory_only_readers_get_no_other_field(client, ids):
    """DESIGN 2: an SDR sees name, type, status, territory, owner; everything else is absent, not null."""
    admin = bearer(await login(client, "admin"))
    account = (await client.post("/api/v1/accounts", json=company(customer_accounting_id="X-1"),
                                 headers=admin)).json()
    sdr = bearer(await login(client, "sdr1"))
    got = await client.get(f"/api/v1/accounts/{account['id']}", headers=sdr)
    assert got.status_code == 200, got.text
    assert "etag" not in got.headers
    seen = got.json()
    assert seen["directory_only"] is True and not FULL_ONLY & set(seen)
    assert {k: seen[k] for k in ("name", "type", "territory", "owner_id")} == {
        k: account[k] for k in ("name", "type", "territory", "owner_id")}
    [listed] = (await client.get("/api/v1/accounts", params={"q": account["name"]}, headers=sdr)).json()["items"]
    assert listed == {k: v for k, v in seen.items() if k != "editable_fields"} and seen["editable_fields"] == []
    tree = (await client.get(f"/api/v1/accounts/{account['id']}/hierarchy", headers=sdr)).json()
    assert not FULL_ONLY & set(tree["items"][0])
    assert_problem(await client.get(f"/api/v1/accounts/{account['id']}/shares", headers=sdr), 403,
                   field="account_id")


async def test_accounting_id_is_admin_and_erp_only(client, ids):
    """SEC-1: an AE may not set customer_accounting_id (a 403 naming the field); the erp client may."""
    ae = bearer(await login(client, "ae.ne"))
    refused = await client.post("/api/v1/accounts", json=company(customer_accounting_id="C-9"), headers=ae)
    assert_problem(refused, 403, field="customer_accounting_id")
    mine = await client.post("/api/v1/accounts", json=company(), headers=ae)
    assert mine.status_code == 201, mine.text
    url = f"/api/v1/accounts/{mine.json()['id']}"
    assert_problem(await client.patch(url, json={"customer_accounting_id": "C-9"}, headers=ae), 403,
                   field="customer_accounting_id")
    erp = await erp_key(client)
    created = await client.post("/api/v1/accounts", json=company(customer_accounting_id="ERP-77"), headers=erp)
    assert created.status_code == 201, created.text
    assert created.json()["customer_accounting_id"] == "ERP-77"
    changed = await client.patch(url, json={"customer_accounting_id": "ERP-78"}, headers=erp)
    assert changed.status_code == 200 and changed.json()["customer_accounting_id"] == "ERP-78"


async def test_hierarchy_shares_and_reassignment(client, ids):
    """ACC-1 trees; SEC-5 a share shows an account to another AE and revoking hides it; GEN-11 admin reassigns."""
    ae_ne, ae_ma = bearer(await login(client, "ae.ne")), bearer(await login(client, "ae.ma"))
    admin = bearer(await login(client, "admin"))
    parent = (await client.post("/api/v1/accounts", json=company(), headers=ae_ne)).json()
    office = await client.post("/api/v1/accounts", headers=ae_ne,
                               json=company(name=f"{parent['name']} Boston", subtype="office", parent_id=parent["id"]))
    assert office.status_code == 201, office.text
    tree = await client.get(f"/api/v1/accounts/{office.json()['id']}/hierarchy", headers=ae_ne)
    assert tree.status_code == 200, tree.text
    assert tree.json()["root_id"] == parent["id"]
    assert [a["id"] for a in tree.json()["items"]] == [parent["id"], office.json()["id"]]
    assert (await client.get(f"/api/v1/accounts/{parent['id']}", headers=ae_ne)).json()["number_of_locations"] == 1

    url = f"/api/v1/accounts/{parent['id']}"
    assert_problem(await client.get(url, headers=ae_ma), 404)
    assert_problem(await client.post(f"{url}/shares", json={"user_id": ids["ae.ma"], "access": "read"},
                                     headers=ae_ma), 404)
    assert_problem(await client.post(f"{url}/shares", json={"user_id": ids["ae.ma"], "access": "own"},
                                     headers=ae_ne), 422, field="access")
    shared = await client.post(f"{url}/shares", json={"user_id": ids["ae.ma"], "access": "read"}, headers=ae_ne)
    assert shared.status_code == 201, shared.text
    assert (shared.json()["user_id"], shared.json()["granted_by"]) == (ids["ae.ma"], ids["ae.ne"])
    assert (await client.get(url, headers=ae_ma)).status_code == 200
    assert_problem(await client.patch(url, json={"city": "Quincy"}, headers=ae_ma), 403)  # a read share
    listed = (await client.get(f"{url}/shares", headers=ae_ne)).json()["items"]
    assert [(s["user_id"], s["access"]) for s in listed] == [(ids["ae.ma"], "read")]
    assert (await client.delete(f"{url}/shares/{ids['ae.ma']}", headers=ae_ne)).status_code == 204
    assert_problem(await client.get(url, headers=ae_ma), 404)
    assert_problem(await client.delete(f"{url}/shares/{ids['ae.ma']}", headers=ae_ne), 404, field="user_id")

    to_canada = {"from_user_id": ids["ae.ne"], "to_user_id": ids["ae.can"]}
    assert_problem(await client.post("/api/v1/accounts/reassign", json=to_canada, headers=admin), 422,
                   field="to_user_id")  # issue 13 finding 7: the Canada AE may not own New England accounts
    assert (await client.get(url, headers=ae_ne)).json()["owner_id"] == ids["ae.ne"]  # nothing moved
    reassign = {"from_user_id": ids["ae.ne"], "to_user_id": ids["kam"]}
    assert_problem(await client.post("/api/v1/accounts/reassign", json=reassign, headers=ae_ne), 403)
    moved = await client.post("/api/v1/accounts/reassign", json=reassign, headers=admin)
    assert moved.status_code == 200, moved.text
    assert {parent["id"], office.json()["id"]} <= set(moved.json()["account_ids"])
    kam = bearer(await login(client, "kam"))
    assert (await client.get(url, headers=kam)).json()["owner_id"] == ids["kam"]
    back = await client.post("/api/v1/accounts/reassign", headers=admin,
                             json={"from_user_id": ids["kam"], "to_user_id": ids["ae.ne"]})
    assert set(back.json()["account_ids"]) == set(moved.json()["account_ids"])
    assert_problem(await client.post("/api/v1/accounts/reassign", json={**reassign, "to_user_id": "nobody"},
                                     headers=admin), 422, field="to_user_id")


async def test_list_filters_sorts_and_pages(client, ids):
    admin = bearer(await login(client, "admin"))
    token = f"zq{uuid.uuid4().hex[:8]}"
    made = []
    for i, (state, kind) in enumerate([("MA", "customer"), ("CA", "prospect"), ("NY", "customer"),
                                       ("CA", "customer"), ("TX", "vendor")]):
        created = await client.post("/api/v1/accounts", json=company(name=f"{token} {i}", state=state, type=kind),
                                    headers=admin)
        assert created.status_code == 201, created.text
        made.append(created.json())

    async def names(**params) -> list[str]:
        found = await client.get("/api/v1/accounts", params={"q": token, **params}, headers=admin)
        assert found.status_code == 200, found.text
        return [a["name"] for a in found.json()["items"]]

    assert await names(territory="PAC") == [f"{token} 1", f"{token} 3"]
    assert await names(type="customer", sort="-name") == [f"{token} 3", f"{token} 2", f"{token} 0"]
    assert await names(owner_id=made[0]["owner_id"], type="customer") == [f"{token} 0"]
    assert await names(type=["vendor", "prospect"], sort="name") == [f"{token} 1", f"{token} 4"]
    pages, cursor = [], None
    while True:
        found = await client.get("/api/v1/accounts", headers=admin,
                                 params={"q": token, "sort": "name", "limit": 2,
                                         **({"cursor": cursor} if cursor else {})})
        pages.append([a["name"] for a in found.json()["items"]])
        cursor = found.json()["next_cursor"]
        if not cursor:
            break
    assert pages == [[f"{token} 0", f"{token} 1"], [f"{token} 2", f"{token} 3"], [f"{token} 4"]]
    assert_problem(await client.get("/api/v1/accounts", params={"type": "friend"}, headers=admin), 422, field="types")
    assert_problem(await client.get("/api/v1/accounts", params={"limit": 0}, headers=admin), 422, field="limit")
