"""DESIGN 6: the creating POSTs of the gateway's own resources and of web forms honour
Idempotency-Key like every other: a retry with the same key and body replays the first answer and
creates nothing; a secret shown once is shown again only to that retry, never kept in clear."""
from __future__ import annotations

import uuid

from gw_helpers import assert_problem, bearer, login
from redis.asyncio import Redis


def _keyed(headers: dict[str, str]) -> dict[str, str]:
    return {**headers, "Idempotency-Key": f"retry-{uuid.uuid4().hex}"}


async def test_user_creation_replays(gw, client):
    admin = _keyed(bearer(await login(client, "admin")))
    name = f"retry.{uuid.uuid4().hex[:8]}"
    body = {"username": name, "full_name": "Retry User", "email": f"{name}@example.com", "role": "ae",
            "territories": [], "password": "a-long-enough-pass-42"}
    first = await client.post("/api/v1/users", json=body, headers=admin)
    assert first.status_code == 201, first.text
    again = await client.post("/api/v1/users", json=body, headers=admin)
    assert again.status_code == 201 and again.json() == first.json()
    assert again.headers["location"] == first.headers["location"] and again.headers["etag"] == '"1"'
    assert again.headers["idempotent-replayed"] == "true"
    assert_problem(await client.post("/api/v1/users", json={**body, "full_name": "Other"}, headers=admin), 422,
                   field="Idempotency-Key")
    assert len(await gw.sql("select id from users where username = :name", name=name)) == 1


async def test_api_client_and_signing_key_replay_their_secret_sealed(gw, client):
    admin = bearer(await login(client, "admin"))
    headers = _keyed(admin)
    first = await client.post("/api/v1/api-clients", json={"name": "Retried ERP", "role": "erp"}, headers=headers)
    assert first.status_code == 201, first.text
    again = await client.post("/api/v1/api-clients", json={"name": "Retried ERP", "role": "erp"}, headers=headers)
    assert again.json() == first.json() and again.headers["cache-control"] == "no-store"
    created = first.json()
    assert len(await gw.sql("select id from api_clients where name = 'Retried ERP'")) == 1

    key_headers = _keyed(admin)
    url = f"/api/v1/api-clients/{created['id']}/signing-keys"
    issued = await client.post(url, headers=key_headers)
    assert issued.status_code == 201, issued.text
    replayed = await client.post(url, headers=key_headers)
    assert replayed.json() == issued.json() and replayed.headers["idempotent-replayed"] == "true"
    assert len((await client.get(url, headers=admin)).json()["items"]) == 1

    redis = Redis.from_url(gw.settings.redis_url)
    try:
        stored = [await redis.get(k) async for k in redis.scan_iter(match=gw.settings.redis_key_prefix + "*")]
    finally:
        await redis.aclose()
    assert stored and not any(created["key"].encode() in v or issued.json()["secret"].encode() in v
                              for v in stored if v)


async def test_web_form_creation_replays(client):
    marketing = _keyed(bearer(await login(client, "marketing")))
    body = {"slug": f"retry-{uuid.uuid4().hex[:8]}", "landing_page_name": "Retried Form"}
    first = await client.post("/api/v1/web-forms", json=body, headers=marketing)
    assert first.status_code == 201, first.text
    again = await client.post("/api/v1/web-forms", json=body, headers=marketing)
    assert again.status_code == 201 and again.json() == first.json()
    assert again.headers["location"] == f"/api/v1/web-forms/{body['slug']}" and again.headers["etag"] == '"1"'
