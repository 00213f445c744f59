"""The audit trail read back (GEN-8; RPT-4 "recent user logins"): admin only, newest first, cursor pages,
filters validated and named on error, and nothing secret in what comes back."""
from __future__ import annotations

import uuid
from datetime import datetime

from gw_helpers import assert_problem, bearer, login

from crm_gateway.domain.model import CLIENT_ROLES
from crm_gateway.service_layer import audit

PATH = "/api/v1/audit-events"
REFUSED_USERS = ("vp.sales", "rsm.west", "ae.pac", "se.west", "kam", "sdr1", "marketing", "vp.marketing",
                 "cs.manager", "csr1")  # one of every role but admin


async def _newcomer(gw, admin: dict) -> tuple[str, dict]:
    """A fresh AE who fails a login, logs in, and is refused the users list: three events of their own."""
    body = {"username": f"aud{uuid.uuid4().hex[:8]}", "full_name": "Audit Subject", "role": "ae",
            "email": "audit.subject@example.com", "territories": ["PAC"], "password": "audit-subject-pass-9"}
    async with gw.client("10.9.8.7") as there:
        user = (await there.post("/api/v1/users", json=body, headers=admin)).json()
        failed = await there.post("/api/v1/auth/token", data={"username": body["username"], "password": "wrong-pw"})
        assert_problem(failed, 401)
        own = bearer(await login(there, body["username"], body["password"]))
        assert_problem(await there.get("/api/v1/users", headers=own), 403)
    return user["id"], body


def _newest_first(events: list[dict]) -> bool:
    keys = [(datetime.fromisoformat(e["occurred_at"]), e["id"]) for e in events]
    return keys == sorted(keys, reverse=True)


async def _all_pages(client, headers: dict, **params) -> list[dict]:
    items, cursor = [], None
    while True:
        page = await client.get(PATH, params={**params, **({"cursor": cursor} if cursor else {})}, headers=headers)
        assert page.status_code == 200, page.text
        items += page.json()["items"]
        cursor = page.json()["next_cursor"]
        if cursor is None:
            return items


async def test_newest_first_with_actor_and_fields(gw, client):
    admin = bearer(await login(client, "admin"))
    user_id, body = await _newcomer(gw, admin)
    response = await client.get(PATH, params={"actor_id": user_id}, headers=admin)
    assert response.status_code == 200, response.text
    page = response.json()
    assert page["next_cursor"] is None
    events = page["items"]
    assert [e["action"] for e in events] == ["permission_denied", "login", "login_failed"]
    assert all(set(e) == {"id", "occurred_at", "action", "actor_id", "actor_username", "address", "detail"}
               for e in events)
    assert {e["actor_id"] for e in events} == {user_id}
    assert {e["actor_username"] for e in events} == {body["username"]}
    assert {e["address"] for e in events} == {"10.9.8.7"}
    assert _newest_first(events)
    denied, logged_in, failed = events
    assert denied["detail"] == {"method": "GET", "path": "/api/v1/users", "role": "ae", "required": ["admin"]}
    assert logged_in["detail"] == {"rehashed": False} and failed["detail"] == {"reason": "wrong password"}

    created = await client.get(PATH, params={"action": "user_created", "limit": 200}, headers=admin)
    mine = [e for e in created.json()["items"] if e["detail"].get("user_id") == user_id]
    assert mine[0]["actor_username"] == "admin" and mine[0]["detail"]["username"] == body["username"]


async def test_recent_logins_and_repeatable_action_filter(gw, client):
    """RPT-4: `action=login` lists recent logins; several actions combine."""
    admin = bearer(await login(client, "admin"))
    user_id, _ = await _newcomer(gw, admin)
    logins = (await client.get(PATH, params={"action": "login", "limit": 200}, headers=admin)).json()["items"]
    assert logins and {e["action"] for e in logins} == {"login"}
    assert user_id in {e["actor_id"] for e in logins}
    both = await client.get(PATH, params=[("action", "login"), ("action", "login_failed"), ("actor_id", user_id)],
                            headers=admin)
    assert [e["action"] for e in both.json()["items"]] == ["login", "login_failed"]


async def test_cursor_pages_cover_everything_once(gw, client):
    admin = bearer(await login(client, "admin"))
    user_id, _ = await _newcomer(gw, admin)
    whole = (await client.get(PATH, params={"actor_id": user_id}, headers=admin)).json()["items"]
    first = (await client.get(PATH, params={"actor_id": user_id, "limit": 1}, headers=admin)).json()
    assert len(first["items"]) == 1 and first["next_cursor"]
    paged = await _all_pages(client, admin, actor_id=user_id, limit=1)
    assert [e["id"] for e in paged] == [e["id"] for e in whole]

    everything = await _all_pages(client, admin, limit=200)
    ids = [e["id"] for e in everything]
    assert len(ids) == len(set(ids)) and len(ids) >= 3
    assert _newest_first(everything)
    total = (await gw.sql("select count(*) as n from audit_log where id <= :top", top=max(ids)))[0].n
    assert len(ids) == total


async def test_since_is_inclusive_until_exclusive(gw, client):
    admin = bearer(await login(client, "admin"))
    user_id, _ = await _newcomer(gw, admin)
    newest, middle, oldest = (await client.get(PATH, params={"actor_id": user_id}, headers=admin)).json()["items"]
    since = await client.get(PATH, params={"actor_id": user_id, "since": middle["occurred_at"]}, headers=admin)
    assert [e["id"] for e in since.json()["items"]] == [newest["id"], middle["id"]]
    until = await client.get(PATH, params={"actor_id": user_id, "until": middle["occurred_at"]}, headers=admin)
    assert [e["id"] for e in until.json()["items"]] == [oldest["id"]]
    days = {"since": oldest["occurred_at"][:10], "until": newest["occurred_at"][:10]}  # bare dates: whole days
    assert len((await client.get(PATH, params={"actor_id": user_id, **days}, headers=admin)).json()["items"]) == 3
    assert (await client.get(PATH, params={"actor_id": user_id, "until": "2000-01-01"},
                             headers=admin)).json()["items"] == []


async def test_bad_filters_are_422_naming_the_field(client):
    admin = bearer(await login(client, "admin"))
    cases = [
        ({"cursor": "not-a-cursor!"}, "cursor"),
        ({"cursor": "bm9wZQ"}, "cursor"),  # "nope"
        ({"cursor": "MjAyNi0wMS0wMVQwMDowMDowMHw1"}, "cursor"),  # a naive time: never one of ours
        ({"action": "login_succeeded"}, "action"),
        ([("action", "login"), ("action", "teleport")], "action"),
        ({"since": "yesterday"}, "since"),
        ({"until": "2026-13-40"}, "until"),
        ({"since": "2026-02-02T00:00:00Z", "until": "2026-02-01T00:00:00Z"}, "until"),
        ({"limit": 0}, "limit"),
        ({"limit": 201}, "limit"),
        ({"actor_id": "x" * 65}, "actor_id"),
    ]
    for params, field in cases:
        assert_problem(await client.get(PATH, params=params, headers=admin), 422, field=field)


async def test_no_secrets_in_detail(gw, client):
    """What the trail shows leaves out anything but known, harmless detail keys: no passwords, keys or tokens."""
    admin_tokens = await login(client, "admin")
    admin = bearer(admin_tokens)
    created = (await client.post("/api/v1/api-clients", json={"name": "Audit ERP", "role": "erp"},
                                 headers=admin)).json()
    csr = await login(client, "csr2")
    logout = await client.post("/api/v1/auth/logout", json={"refresh_token": csr["refresh_token"]})
    assert logout.status_code == 204, logout.text
    marker = str(uuid.uuid4())
    async with gw.runtime.gateway.uow() as uow:
        await audit.record(uow, action=audit.USER_UPDATED, address="test", actor_id=marker, actor_name="tester",
                           detail={"user_id": marker, "password": "hunter2-secret", "token": "tok-secret"})
        await uow.commit()
    planted = (await client.get(PATH, params={"actor_id": marker}, headers=admin)).json()["items"]
    assert planted[0]["detail"] == {"user_id": marker}

    text = (await client.get(PATH, params={"limit": 200}, headers=admin)).text
    for secret in (created["key"], admin_tokens["access_token"], admin_tokens["refresh_token"], "hunter2-secret",
                   "tok-secret", "password_hash", "key_hash", "$argon2"):
        assert secret not in text
    events = (await client.get(PATH, params={"limit": 200}, headers=admin)).json()["items"]
    assert set().union(*(e["detail"] for e in events)) <= audit.PUBLIC_DETAIL_KEYS


async def test_every_other_role_and_api_clients_refused_403(gw, client):
    for username in REFUSED_USERS:
        headers = bearer(await login(client, username))
        body = assert_problem(await client.get(PATH, headers=headers), 403)
        assert body["type"] == "urn:crm:problem:forbidden", username
        # refused before the filters are looked at
        assert_problem(await client.get(PATH, params={"action": "nope"}, headers=headers), 403)
    admin = bearer(await login(client, "admin"))
    for role in CLIENT_ROLES:
        key = (await client.post("/api/v1/api-clients", json={"name": f"audit reader {role}", "role": role},
                                 headers=admin)).json()["key"]
        assert_problem(await client.get(PATH, headers={"X-API-Key": key}), 403)
    rows = await gw.sql("select actor_name from audit_log where action = 'permission_denied' "
                        "and detail->>'path' = :path", path=PATH)
    assert set(REFUSED_USERS) <= {r.actor_name for r in rows}


async def test_unauthenticated_is_401(client):
    assert_problem(await client.get(PATH), 401)
    assert_problem(await client.get(PATH, params={"cursor": "junk"}), 401)
    assert_problem(await client.get(PATH, headers={"Authorization": "Bearer not-a-token"}), 401)


async def test_documented_in_openapi(client):
    operation = (await client.get("/openapi.json")).json()["paths"][PATH]["get"]
    assert operation["summary"] and "newest first" in operation["description"]
    assert all(action in operation["description"] for action in audit.ACTIONS)
    params = {p["name"] for p in operation["parameters"]}
    assert {"action", "actor_id", "since", "until", "limit", "cursor"} <= params
