"""/api/v1/leads as the gateway serves it, with the Leads service faked (gw_fakes.py): Idempotency-Key
replay, ETag / If-Match, 404s, and the caller's principal signed onto every call (LEAD-4, DESIGN 6). The
real service's rules behind these routes are in test_gw_leads.py and services/leads/tests."""
from __future__ import annotations

import uuid

from gw_helpers import assert_problem, bearer, login

NEW_LEAD = {"source": "trade show", "first_name": "Grace", "last_name": "Hopper", "company": "Navy Systems",
            "email": "grace@navy.example", "number_of_locations": 40}


def unique_lead(**changes) -> dict:
    return {**NEW_LEAD, "email": f"grace.{uuid.uuid4().hex[:12]}@navy.example", **changes}


async def test_create_with_idempotency_key_replays(client, fake_leads):
    """DESIGN 6 / LEAD-4: the same Idempotency-Key and body answer the first result without calling the
    Leads service again; another body under the same key is a 422."""
    body = unique_lead()
    sdr = bearer(await login(client, "sdr1"))
    headers = {**sdr, "Idempotency-Key": f"import-row-{uuid.uuid4().hex[:8]}"}
    first = await client.post("/api/v1/leads", json=body, headers=headers)
    assert first.status_code == 201, first.text
    lead = first.json()
    assert first.headers["location"] == f"/api/v1/leads/{lead['id']}" and first.headers["etag"] == '"1"'
    assert lead["number_of_locations"] == 40
    assert (lead["source"], lead["status"], lead["email"]) == ("trade show", "New", body["email"])
    assert lead["using_kiosks"] is None
    again = await client.post("/api/v1/leads", json=body, headers=headers)
    assert again.status_code == 201 and again.json() == lead and again.headers["location"] == first.headers["location"]
    assert again.headers["idempotent-replayed"] == "true"
    other = await client.post("/api/v1/leads", json={**body, "company": "Other"}, headers=headers)
    assert_problem(other, 422, field="Idempotency-Key")
    sent = [c.request for c in fake_leads.calls("CreateLead") if c.request.data.email == body["email"]]
    assert len(sent) == 1 and sent[0].data.company == "Navy Systems" and sent[0].source == "trade show"


async def test_get_and_patch_with_etags(client):
    """LEAD-4: reads carry an ETag; If-Match with a stale version is a 412 that changes nothing."""
    headers = bearer(await login(client, "vp.sales"))
    lead = (await client.post("/api/v1/leads", json=unique_lead(), headers=headers)).json()
    got = await client.get(f"/api/v1/leads/{lead['id']}", headers=headers)
    assert got.status_code == 200 and got.headers["etag"] == '"1"' and got.json()["id"] == lead["id"]
    patched = await client.patch(f"/api/v1/leads/{lead['id']}", json={"status": "Working", "phone": "555"},
                                 headers={**headers, "If-Match": '"1"'})
    assert patched.status_code == 200, patched.text
    assert patched.json()["status"] == "Working" and patched.json()["phone"] == "555"
    assert patched.headers["etag"] == '"2"'
    stale = await client.patch(f"/api/v1/leads/{lead['id']}", json={"status": "Qualified"},
                               headers={**headers, "If-Match": '"1"'})
    assert_problem(stale, 412)
    after = await client.get(f"/api/v1/leads/{lead['id']}", headers=headers)
    assert after.headers["etag"] == '"2"' and after.json()["status"] == "Working"
    assert_problem(await client.patch(f"/api/v1/leads/{lead['id']}", json={"status": "Qualified"},
                                      headers={**headers, "If-Match": "yesterday"}), 422, field="If-Match")
    assert_problem(await client.get("/api/v1/leads/unknown", headers=headers), 404)
    assert_problem(await client.get(f"/api/v1/leads/{uuid.uuid4()}", headers=headers), 404)


async def test_the_callers_principal_reaches_the_leads_service(client, fake_leads):
    """Every call carries the principal the gateway signed for the caller: their id, name and role."""
    sdr_tokens = await login(client, "sdr2")
    me = (await client.get("/api/v1/me", headers=bearer(sdr_tokens))).json()
    lead = (await client.post("/api/v1/leads", json=unique_lead(), headers=bearer(sdr_tokens))).json()
    vp = bearer(await login(client, "vp.sales"))
    working = await client.patch(f"/api/v1/leads/{lead['id']}", json={"status": "Working"}, headers=vp)
    assert working.status_code == 200, working.text
    [created] = [c for c in fake_leads.calls("CreateLead") if c.request.data.email == lead["email"]]
    assert (created.principal.user_id, created.principal.username, created.principal.role) == (me["id"], "sdr2", "sdr")
    [updated] = [c for c in fake_leads.calls("UpdateLead") if c.request.id == lead["id"]]
    assert (updated.principal.username, updated.principal.role) == ("vp.sales", "vp_sales")
    assert updated.request.changes.status == "Working" and updated.request.expected_version == 0


async def test_a_lead_read_names_the_fields_the_caller_may_change(client):
    """Issue 9 item 8: an SDR works every field of a lead but its owner (admin and vp_sales choose it); a role
    that works no leads is refused the read."""
    vp = bearer(await login(client, "vp.sales"))
    lead = (await client.post("/api/v1/leads", json=unique_lead(), headers=vp)).json()
    sdr = (await client.get(f"/api/v1/leads/{lead['id']}", headers=bearer(await login(client, "sdr1")))).json()
    assert {"first_name", "email", "status", "unqualified_reason", "message"} <= set(sdr["editable_fields"])
    assert "owner_id" not in sdr["editable_fields"]
    patched = await client.patch(f"/api/v1/leads/{lead['id']}", json={"title": "CTO"}, headers=vp)
    assert "owner_id" in patched.json()["editable_fields"]
    assert_problem(await client.get(f"/api/v1/leads/{lead['id']}", headers=bearer(await login(client, "csr1"))), 403)
