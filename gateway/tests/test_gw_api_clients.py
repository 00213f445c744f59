"""API clients for machines (ERP, kiosk fleet, web forms, webinar platform): key shown once,
stored hashed, usable as X-API-Key, revocable (DESIGN.md section 2; INT-4, SUP-6, MKT-3)."""
from __future__ import annotations

import hashlib
import uuid

from gw_helpers import assert_problem, bearer, login


async def test_key_shown_once_works_and_revokes(gw, client):
    admin = bearer(await login(client, "admin"))
    created = await client.post("/api/v1/api-clients", json={"name": "Legacy ERP", "role": "erp"}, headers=admin)
    assert created.status_code == 201, created.text
    body = created.json()
    key = body["key"]
    assert key.startswith("crm_") and len(key) >= 40 and body["active"]

    listed = (await client.get("/api/v1/api-clients", headers=admin)).json()["items"]
    mine = next(c for c in listed if c["id"] == body["id"])
    assert "key" not in mine and mine["key_prefix"] == key[:12]
    stored = (await gw.sql("select key_hash from api_clients where id = :id", id=body["id"]))[0].key_hash
    assert stored == hashlib.sha256(key.encode()).hexdigest()

    me = await client.get("/api/v1/me", headers={"X-API-Key": key})
    assert me.status_code == 200, me.text
    assert me.json()["kind"] == "client" and me.json()["role"] == "erp"
    assert_problem(await client.get("/api/v1/users", headers={"X-API-Key": key}), 403)

    assert (await client.delete(f"/api/v1/api-clients/{body['id']}", headers=admin)).status_code == 204
    assert_problem(await client.get("/api/v1/me", headers={"X-API-Key": key}), 401)
    assert_problem(await client.delete(f"/api/v1/api-clients/{uuid.uuid4()}", headers=admin), 404)
    actions = {r.action for r in await gw.sql("select action from audit_log where detail->>'client_id' = :id",
                                             id=body["id"])}
    assert actions == {"api_client_created", "api_client_revoked"}


async def test_invalid_keys_and_roles(client):
    admin = bearer(await login(client, "admin"))
    assert_problem(await client.get("/api/v1/me", headers={"X-API-Key": "crm_" + "x" * 43}), 401)
    assert_problem(await client.get("/api/v1/me", headers={"X-API-Key": "nope"}), 401)
    assert_problem(await client.post("/api/v1/api-clients", json={"name": "X", "role": "admin"}, headers=admin),
                   422, field="role")
    assert_problem(await client.post("/api/v1/api-clients", json={"role": "erp"}, headers=admin), 422, field="name")
