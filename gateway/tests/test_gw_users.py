"""User administration (admin only), validation naming the field, identity events through the
outbox and onto NATS (DESIGN.md section 2; SEC-3..SEC-5 depend on roles, territories and managers)."""
from __future__ import annotations

import asyncio
import uuid

import nats
from crm.identity.v1 import events_pb2
from gw_helpers import DEMO_PASSWORD, assert_problem, bearer, login
from nats.js.api import ConsumerConfig, DeliverPolicy


async def _admin(client) -> dict:
    return bearer(await login(client, "admin"))


def _new_user(**changes) -> dict:
    body = {"username": f"u{uuid.uuid4().hex[:8]}", "full_name": "New Person", "email": "new.person@example.com",
            "role": "ae", "territories": ["PAC"], "manager_id": None, "password": "a-long-password-1"}
    body.update(changes)
    return body


async def _user_id(client, headers, username: str) -> str:
    cursor, found = None, {}
    while True:
        page = (await client.get("/api/v1/users", params={"limit": 200, **({"cursor": cursor} if cursor else {})},
                                 headers=headers)).json()
        found.update({u["username"]: u["id"] for u in page["items"]})
        cursor = page["next_cursor"]
        if not cursor:
            return found[username]


async def test_admin_creates_reads_lists_and_updates_users(client):
    """Admin CRUD: 201 with Location and ETag, GET, cursor pages, PATCH with If-Match (412 when stale)."""
    admin = await _admin(client)
    manager = await _user_id(client, admin, "rsm.west")
    created = await client.post("/api/v1/users", json=_new_user(manager_id=manager), headers=admin)
    assert created.status_code == 201, created.text
    user = created.json()
    assert created.headers["location"] == f"/api/v1/users/{user['id']}"
    assert created.headers["etag"] == '"1"'
    assert user["territories"] == ["PAC"] and user["manager_id"] == manager and user["active"]
    assert "password" not in user and "password_hash" not in user

    fetched = await client.get(f"/api/v1/users/{user['id']}", headers=admin)
    assert fetched.json() == user

    changed = await client.patch(f"/api/v1/users/{user['id']}", headers={**admin, "If-Match": '"1"'},
                                 json={"full_name": "Renamed Person", "territories": ["MTN", "PAC"]})
    assert changed.status_code == 200, changed.text
    assert changed.json()["full_name"] == "Renamed Person" and changed.json()["territories"] == ["MTN", "PAC"]
    assert changed.headers["etag"] == '"2"'
    stale = await client.patch(f"/api/v1/users/{user['id']}", headers={**admin, "If-Match": '"1"'},
                               json={"full_name": "Again"})
    assert_problem(stale, 412)

    first = (await client.get("/api/v1/users", params={"limit": 5}, headers=admin)).json()
    assert len(first["items"]) == 5 and first["next_cursor"]
    second = (await client.get("/api/v1/users", params={"limit": 5, "cursor": first["next_cursor"]},
                               headers=admin)).json()
    assert first["items"][-1]["username"] < second["items"][0]["username"]
    assert_problem(await client.get(f"/api/v1/users/{uuid.uuid4()}", headers=admin), 404)
    assert_problem(await client.get("/api/v1/users/not-a-uuid", headers=admin), 422, field="user_id")


async def test_deactivation_blocks_login_refresh_and_access(client):
    """A deactivated user cannot log in, refresh or use an access token; reactivation restores login."""
    admin = await _admin(client)
    body = _new_user(role="csr", territories=[])
    user = (await client.post("/api/v1/users", json=body, headers=admin)).json()
    tokens = await login(client, body["username"], body["password"])

    deactivated = await client.post(f"/api/v1/users/{user['id']}/deactivate", headers=admin)
    assert deactivated.status_code == 200 and deactivated.json()["active"] is False
    failed = await client.post("/api/v1/auth/token", data={"username": body["username"], "password": body["password"]})
    assert_problem(failed, 401)
    assert_problem(await client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}), 401)
    assert_problem(await client.get("/api/v1/me", headers=bearer(tokens)), 401)

    reactivated = await client.post(f"/api/v1/users/{user['id']}/reactivate", headers=admin)
    assert reactivated.json()["active"] is True
    await login(client, body["username"], body["password"])
    # the old family stays revoked
    assert_problem(await client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}), 401)


async def test_admin_cannot_deactivate_themselves(client):
    admin = await _admin(client)
    me = (await client.get("/api/v1/me", headers=admin)).json()
    assert_problem(await client.post(f"/api/v1/users/{me['id']}/deactivate", headers=admin), 409)


async def test_non_admin_refused_403_and_audited(gw, client):
    """GEN-8: a refused request is a 403 problem and an audit row naming who tried what."""
    for username in ("csr1", "vp.sales"):
        headers = bearer(await login(client, username))
        assert_problem(await client.get("/api/v1/users", headers=headers), 403)
        assert_problem(await client.post("/api/v1/users", json=_new_user(), headers=headers), 403)
        assert_problem(await client.get("/api/v1/api-clients", headers=headers), 403)
    rows = await gw.sql("select detail from audit_log where action = 'permission_denied' and actor_name = 'csr1'")
    assert {r.detail["path"] for r in rows} >= {"/api/v1/users", "/api/v1/api-clients"}
    assert_problem(await client.get("/api/v1/users"), 401)


async def test_manager_cycle_refused(client):
    """The reporting chain stays a tree: a user cannot report to someone below them (SEC-4 relies on it)."""
    admin = await _admin(client)
    rsm = await _user_id(client, admin, "rsm.east")
    ae = await _user_id(client, admin, "ae.ne")
    vp = await _user_id(client, admin, "vp.sales")
    for user, manager in ((rsm, ae), (vp, ae), (rsm, rsm)):
        response = await client.patch(f"/api/v1/users/{user}", json={"manager_id": manager}, headers=admin)
        assert_problem(response, 422, field="manager_id")
    assert_problem(await client.patch(f"/api/v1/users/{ae}", json={"manager_id": str(uuid.uuid4())}, headers=admin),
                   422, field="manager_id")


async def test_invalid_fields_are_named(client):
    """Unknown role or territory, bad email, weak password, duplicate username: problems naming the field."""
    admin = await _admin(client)
    cases = [
        (_new_user(role="wizard"), 422, "role"),
        (_new_user(role="erp"), 422, "role"),
        (_new_user(territories=["PAC", "ATLANTIS"]), 422, "territories.1"),
        (_new_user(email="not-an-email"), 422, "email"),
        (_new_user(password="short"), 422, "password"),
        (_new_user(username="Bad Name!"), 422, "username"),
        (_new_user(surprise=1), 422, "surprise"),
        (_new_user(username="admin"), 409, "username"),
    ]
    for body, status, field in cases:
        assert_problem(await client.post("/api/v1/users", json=body, headers=admin), status, field=field)
    ae = await _user_id(client, admin, "ae.ne")
    assert_problem(await client.patch(f"/api/v1/users/{ae}", json={"role": "boss"}, headers=admin), 422, field="role")
    assert_problem(await client.patch(f"/api/v1/users/{ae}", json={"territories": ["XX"]}, headers=admin), 422,
                   field="territories.0")
    assert_problem(await client.patch(f"/api/v1/users/{ae}", json={"full_name": None}, headers=admin), 422,
                   field="full_name")
    malformed = await client.post("/api/v1/users", content=b"{not json",
                                  headers={**admin, "Content-Type": "application/json"})
    assert_problem(malformed, 400)


async def test_identity_events_in_outbox_with_increasing_versions(gw, client):
    """Every change is an event in the outbox with the whole user and a growing version."""
    admin = await _admin(client)
    body = _new_user()
    user = (await client.post("/api/v1/users", json=body, headers=admin)).json()
    await client.patch(f"/api/v1/users/{user['id']}", json={"email": "changed@example.com"}, headers=admin)
    await client.post(f"/api/v1/users/{user['id']}/deactivate", headers=admin)
    await client.post(f"/api/v1/users/{user['id']}/reactivate", headers=admin)
    rows = await gw.sql("select subject, event_type, payload from outbox "
                        "where subject like 'crm.identity.user.%' order by seq")
    kinds = {"crm.identity.user.created": events_pb2.UserCreated, "crm.identity.user.updated": events_pb2.UserUpdated,
             "crm.identity.user.deactivated": events_pb2.UserDeactivated,
             "crm.identity.user.reactivated": events_pb2.UserReactivated}
    mine = [(r.subject, kinds[r.subject].FromString(r.payload).user) for r in rows
            if kinds[r.subject].FromString(r.payload).user.id == user["id"]]
    assert [s for s, _ in mine] == ["crm.identity.user.created", "crm.identity.user.updated",
                                    "crm.identity.user.deactivated", "crm.identity.user.reactivated"]
    assert [u.version for _, u in mine] == [1, 2, 3, 4]
    assert mine[1][1].email == "changed@example.com" and mine[2][1].active is False
    assert mine[0][1].username == body["username"] and list(mine[0][1].territories) == ["PAC"]


async def test_user_created_reaches_nats(gw, client):
    """The relay publishes crm.identity.user.created to JetStream with the event id as Nats-Msg-Id
    (on the gateway's NATS: the Leads service's private server, where its SDR pool is fed)."""
    nc = await nats.connect(gw.settings.nats_url)
    try:
        js = nc.jetstream()
        sub = await js.subscribe("crm.identity.user.created", ordered_consumer=True,
                                 config=ConsumerConfig(deliver_policy=DeliverPolicy.NEW))
        body = _new_user()
        await client.post("/api/v1/users", json=body, headers=await _admin(client))
        async with asyncio.timeout(30):  # generous: a loaded CI machine is slow, a lost event never arrives
            while True:
                msg = await sub.next_msg(timeout=30)
                event = events_pb2.UserCreated.FromString(msg.data)
                if event.user.username == body["username"]:
                    break
        row = (await gw.sql("select payload from outbox where id = cast(:id as uuid)",
                            id=msg.headers["Nats-Msg-Id"]))[0]
        assert events_pb2.UserCreated.FromString(row.payload).user.username == body["username"]
        assert event.user.version == 1
    finally:
        await nc.close()


async def test_demo_password_works_for_every_demo_user(client):
    """The demo organisation (26 users) can log in with the demo password."""
    for username in ("ae.can", "se.west", "cs.manager"):
        await login(client, username, DEMO_PASSWORD)


async def test_trace_context_travels_into_the_outbox(gw, client):
    """One trace id end to end (DESIGN.md section 1): the event row keeps the request's traceparent."""
    trace_id = uuid.uuid4().hex
    headers = {**await _admin(client), "traceparent": f"00-{trace_id}-{uuid.uuid4().hex[:16]}-01"}
    body = _new_user()
    assert (await client.post("/api/v1/users", json=body, headers=headers)).status_code == 201
    rows = await gw.sql("select headers from outbox where subject = 'crm.identity.user.created' order by seq desc "
                        "limit 1")
    assert trace_id in rows[0].headers["traceparent"]
