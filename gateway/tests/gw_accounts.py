"""What the accounts tests share: user ids, an erp API key, and waiting until the Accounts service has
learnt the demo territories and users from the gateway's identity events."""
from __future__ import annotations

import uuid

import httpx
from gw_helpers import bearer, login

from tests.support.waiting import eventually


async def user_ids(client: httpx.AsyncClient) -> dict[str, str]:
    """username -> id, read by the admin."""
    found = await client.get("/api/v1/users", params={"limit": 200}, headers=bearer(await login(client, "admin")))
    assert found.status_code == 200, found.text
    return {u["username"]: u["id"] for u in found.json()["items"]}


async def erp_key(client: httpx.AsyncClient) -> dict[str, str]:
    """X-API-Key headers of a new erp client, registered by the admin."""
    created = await client.post("/api/v1/api-clients", json={"name": f"ERP {uuid.uuid4().hex[:6]}", "role": "erp"},
                                headers=bearer(await login(client, "admin")))
    assert created.status_code == 201, created.text
    return {"X-API-Key": created.json()["key"]}


async def wait_for_directory(client: httpx.AsyncClient, ids: dict[str, str], timeout: float = 30.0) -> None:
    """Identity events reach the Accounts service asynchronously: wait until an account in MA (New England)
    lands in territory NE owned by ae.ne, and one in NY in MA owned by ae.ma (other tests add AEs elsewhere)."""
    admin = bearer(await login(client, "admin"))
    for state, territory, owner in (("MA", "NE", "ae.ne"), ("NY", "MA", "ae.ma")):
        async def placed(state: str = state) -> dict:
            probe = await client.post("/api/v1/accounts", headers=admin, json={
                "name": f"Probe {uuid.uuid4().hex[:8]}", "type": "prospect", "state": state})
            assert probe.status_code == 201, probe.text
            return probe.json()

        body = await eventually(placed, lambda b, want=(territory, ids[owner]): (b["territory"], b["owner_id"]) == want,
                                timeout=timeout, interval=0.2)
        assert (body["territory"], body["owner_id"]) == (territory, ids[owner]), \
            f"the Accounts service never placed {state} in {territory}: {body}"
