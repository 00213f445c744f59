"""/api/v1/leads through the gateway (LEAD-4): role refusal without the Leads service, translation to
gRPC, Idempotency-Key replay, ETag / If-Match, list filters. The real service is covered end to end."""
from __future__ import annotations

import pytest

from gw_helpers import assert_problem, bearer, login

NEW_LEAD = {"source": "trade show", "first_name": "Grace", "last_name": "Hopper", "company": "Navy Systems",
            "email": "grace@navy.example", "number_of_locations": 40}


async def test_leads_need_a_login(bare_gw):
    async with bare_gw.client() as c:
        assert_problem(await c.get("/api/v1/leads"), 401)
        assert_problem(await c.post("/api/v1/leads", json=NEW_LEAD), 401)


@pytest.mark.parametrize("username", ["csr1", "ae.ne", "se.east", "cs.manager"])
async def test_roles_without_leads_access_are_refused(bare_gw, username):
    """LEAD roles are sdr, marketing, vp_marketing, vp_sales and admin; others get 403 (audited, GEN-8)."""
    async with bare_gw.client() as c:
        headers = bearer(await login(c, username))
        assert_problem(await c.get("/api/v1/leads", headers=headers), 403)
        assert_problem(await c.post("/api/v1/leads", json=NEW_LEAD, headers=headers), 403)
        assert_problem(await c.patch("/api/v1/leads/some-id", json={"status": "Working"}, headers=headers), 403)
    rows = await bare_gw.sql("select detail from audit_log where action = 'permission_denied' and actor_name = :u",
                             u=username)
    assert any(r.detail["path"] == "/api/v1/leads" for r in rows)


async def test_leads_service_down_is_503_problem(bare_gw):
    async with bare_gw.client() as c:
        headers = bearer(await login(c, "sdr1"))
        assert_problem(await c.get("/api/v1/leads", headers=headers), 503)


async def test_create_with_idempotency_key_replays(client, fake_leads):
    """DESIGN 6: the same Idempotency-Key and body answer the first result; another body is a 422."""
    servicer = fake_leads[1]
    headers = {**bearer(await login(client, "sdr1")), "Idempotency-Key": "import-row-17"}
    first = await client.post("/api/v1/leads", json=NEW_LEAD, headers=headers)
    assert first.status_code == 201, first.text
    lead = first.json()
    assert first.headers["location"] == f"/api/v1/leads/{lead['id']}" and first.headers["etag"] == '"1"'
    assert lead["number_of_locations"] == 40 and lead["using_kiosks"] is None
    calls = len([c for c in servicer.calls if c[0] == "CreateLead"])
    again = await client.post("/api/v1/leads", json=NEW_LEAD, headers=headers)
    assert again.status_code == 201 and again.json() == lead and again.headers["location"] == first.headers["location"]
    assert len([c for c in servicer.calls if c[0] == "CreateLead"]) == calls
    other = await client.post("/api/v1/leads", json={**NEW_LEAD, "company": "Other"}, headers=headers)
    assert_problem(other, 422, field="Idempotency-Key")
    principal = next(p for name, p in reversed(servicer.calls) if name == "CreateLead")
    assert principal.role == "sdr" and principal.username == "sdr1" and principal.kind == "user"


async def test_get_and_patch_with_etags(client):
    headers = bearer(await login(client, "vp.sales"))
    lead = (await client.post("/api/v1/leads", json=NEW_LEAD, headers=headers)).json()
    got = await client.get(f"/api/v1/leads/{lead['id']}", headers=headers)
    assert got.headers["etag"] == '"1"'
    patched = await client.patch(f"/api/v1/leads/{lead['id']}", json={"status": "Working", "phone": "555"},
                                 headers={**headers, "If-Match": '"1"'})
    assert patched.status_code == 200, patched.text
    assert patched.json()["status"] == "Working" and patched.headers["etag"] == '"2"'
    stale = await client.patch(f"/api/v1/leads/{lead['id']}", json={"status": "Qualified"},
                               headers={**headers, "If-Match": '"1"'})
    assert_problem(stale, 412)
    assert_problem(await client.patch(f"/api/v1/leads/{lead['id']}", json={"status": "Qualified"},
                                      headers={**headers, "If-Match": "yesterday"}), 422, field="If-Match")
    assert_problem(await client.get("/api/v1/leads/unknown", headers=headers), 404)


async def test_list_translates_filters(client, fake_leads):
    headers = bearer(await login(client, "marketing"))
    response = await client.get("/api/v1/leads", headers=headers, params=[
        ("status", "New"), ("status", "Working"), ("source", "website"), ("created_from", "2024-01-01"),
        ("created_to", "2024-01-31"), ("q", "kiosk"), ("sort", "-created_at"), ("limit", "10")])
    assert response.status_code == 200, response.text
    assert set(response.json()) == {"items", "next_cursor"}
    request = next(r for name, r in reversed(fake_leads[1].calls) if name == "ListLeads")
    assert list(request.statuses) == ["New", "Working"] and list(request.sources) == ["website"]
    assert request.text == "kiosk" and request.sort == "-created_at" and request.page_size == 10
    assert request.created_to.ToDatetime().isoformat() == "2024-02-01T00:00:00"
    assert_problem(await client.get("/api/v1/leads", params={"limit": 500}, headers=headers), 422, field="limit")
    assert_problem(await client.get("/api/v1/leads", params={"created_from": "last week"}, headers=headers), 422,
                   field="created_from")


async def test_health_probes_and_request_ids(gw, bare_gw):
    async with gw.client() as c:
        assert (await c.get("/healthz")).json() == {"status": "ok"}
        ready = await c.get("/readyz")
        assert ready.status_code == 200 and ready.json()["checks"] == {"database": "ok", "leads": "SERVING"}
        echoed = await c.get("/healthz", headers={"X-Request-Id": "req-12345678"})
        assert echoed.headers["x-request-id"] == "req-12345678"
        assert_problem(await c.get("/no/such/path"), 404)
        assert (await c.get("/openapi.json")).status_code == 200
    async with bare_gw.client() as c:
        assert_problem(await c.get("/readyz"), 503)
