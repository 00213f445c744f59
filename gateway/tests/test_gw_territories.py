"""Territories (REQUIREMENTS territories): the state -> territory map, readable by every authenticated
user and API client, ordered by code; one territory by code, 404 when unknown."""
from __future__ import annotations

from crm.identity.v1 import events_pb2
from gw_helpers import assert_problem, bearer, login

from crm_gateway.domain.identity import TerritoryRecord
from crm_gateway.domain.model import CLIENT_ROLES
from crm_gateway.service_layer.territories import converge_territories, get_territory

# one demo user of every role (DESIGN.md section 2)
EVERY_ROLE_USER = ("admin", "vp.sales", "rsm.west", "ae.pac", "se.west", "kam", "sdr1", "marketing", "vp.marketing",
                   "cs.manager", "csr1")


async def test_list_is_the_whole_map_ordered_by_code(client):
    response = await client.get("/api/v1/territories", headers=bearer(await login(client, "csr1")))
    assert response.status_code == 200, response.text
    items = response.json()["items"]
    codes = [t["code"] for t in items]
    assert codes == sorted(codes) and len(codes) == 10
    assert set(items[0]) == {"code", "name", "states", "sales_region"}
    by_state = {state: t["code"] for t in items for state in t["states"]}
    assert by_state["CA"] == "PAC" and by_state["QC"] == "CAN" and by_state["TX"] == "WSC"
    pacific = next(t for t in items if t["code"] == "PAC")
    assert pacific == {"code": "PAC", "name": "Pacific", "states": ["AK", "CA", "HI", "OR", "WA"],
                       "sales_region": "west"}


async def test_get_one_and_unknown_is_404(client):
    headers = bearer(await login(client, "ae.ne"))
    one = await client.get("/api/v1/territories/NE", headers=headers)
    assert one.status_code == 200, one.text
    assert one.json()["name"] == "New England" and "MA" in one.json()["states"]
    assert one.json()["sales_region"] == "east"
    assert_problem(await client.get("/api/v1/territories/ATL", headers=headers), 404)
    assert_problem(await client.get("/api/v1/territories/pac", headers=headers), 404)
    assert_problem(await client.get("/api/v1/territories/WAYTOOLONG", headers=headers), 422, field="code")


async def test_every_role_and_api_client_may_read(client):
    """Nobody authenticated is refused: each user role and each API client role reads both routes."""
    for username in EVERY_ROLE_USER:
        headers = bearer(await login(client, username))
        assert (await client.get("/api/v1/territories", headers=headers)).status_code == 200, username
        assert (await client.get("/api/v1/territories/PAC", headers=headers)).status_code == 200, username
    admin = bearer(await login(client, "admin"))
    for role in CLIENT_ROLES:
        created = await client.post("/api/v1/api-clients", json={"name": f"territory reader {role}", "role": role},
                                    headers=admin)
        key = {"X-API-Key": created.json()["key"]}
        assert (await client.get("/api/v1/territories", headers=key)).status_code == 200, role
        assert (await client.get("/api/v1/territories/CAN", headers=key)).status_code == 200, role


async def test_unauthenticated_is_401(client):
    for path in ("/api/v1/territories", "/api/v1/territories/PAC", "/api/v1/territories/NOPE"):
        body = assert_problem(await client.get(path), 401)
        assert body["type"] == "urn:crm:problem:unauthenticated"
    assert_problem(await client.get("/api/v1/territories", headers={"Authorization": "Bearer not-a-token"}), 401)
    assert_problem(await client.get("/api/v1/territories", headers={"X-API-Key": "crm_" + "x" * 43}), 401)


async def test_documented_in_openapi(client):
    paths = (await client.get("/openapi.json")).json()["paths"]
    for path in ("/api/v1/territories", "/api/v1/territories/{code}"):
        operation = paths[path]["get"]
        assert operation["summary"] and "territor" in operation["description"]


async def test_a_changed_territory_is_published_with_a_new_version(gw):
    """The accounts service keeps its state -> territory map from these events (SEC-3)."""
    before = await get_territory(gw=gw.runtime.gateway, code="PAC")
    moved = TerritoryRecord(before.code, before.name, tuple(s for s in before.states if s != "HI"), before.sales_region)
    assert await converge_territories(gw=gw.runtime.gateway, records=[moved]) == 1
    assert await converge_territories(gw=gw.runtime.gateway, records=[moved]) == 0
    rows = await gw.sql("select payload from outbox where subject = 'crm.identity.territory.updated' order by seq")
    last = events_pb2.TerritoryUpdated.FromString(rows[-1].payload).territory
    assert last.code == "PAC" and "HI" not in last.states and last.version >= 2
    await converge_territories(gw=gw.runtime.gateway, records=[before])
