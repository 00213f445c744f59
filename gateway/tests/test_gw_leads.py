"""/api/v1/leads through the gateway to the real Leads service (LEAD-4): role refusal without the Leads
service, de-duplication by email (LEAD-8), list filters, sort and cursor pages, the service's rules
reaching the caller as problems naming the field, and a 503 when it is down. Idempotency-Key replay,
ETag / If-Match and the principal the gateway signs are in test_gw_lead_routes.py, on a fake."""
from __future__ import annotations

import asyncio
import time
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from gw_helpers import assert_problem, bearer, login

pytestmark = pytest.mark.live  # what the real Leads service does behind the gateway (conftest.py)

NEW_LEAD = {"source": "trade show", "first_name": "Grace", "last_name": "Hopper", "company": "Navy Systems",
            "email": "grace@navy.example", "number_of_locations": 40}


def unique_lead(**changes) -> dict:
    """NEW_LEAD with an email no other test uses (the service merges leads by email, LEAD-8)."""
    return {**NEW_LEAD, "email": f"grace.{uuid.uuid4().hex[:12]}@navy.example", **changes}


async def find_leads(client, headers: dict, **params) -> list[dict]:
    response = await client.get("/api/v1/leads", params=params, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()["items"]


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
    """bare_gw points at a closed port: the gateway answers a 503 problem, not a 500 or a hang."""
    async with bare_gw.client() as c:
        headers = bearer(await login(c, "sdr1"))
        body = assert_problem(await c.get("/api/v1/leads", headers=headers), 503)
        assert "unavailable" in body["detail"]
        assert_problem(await c.post("/api/v1/leads", json=unique_lead(), headers=headers), 503)


async def test_same_person_without_a_key_updates_one_lead(client):
    """LEAD-8: entering the same email again (any case) updates that person's lead instead of adding one."""
    body = unique_lead()
    headers = bearer(await login(client, "marketing"))
    first = (await client.post("/api/v1/leads", json=body, headers=headers)).json()
    second = await client.post("/api/v1/leads", json={**body, "email": body["email"].upper(), "phone": "555 0199"},
                               headers=headers)
    assert second.status_code == 200, second.text  # the existing lead, as the OpenAPI document says
    assert second.json()["id"] == first["id"]
    [listed] = await find_leads(client, headers, q=body["email"])
    assert listed["id"] == first["id"] and listed["phone"] == "555 0199"
    assert listed["submission_count"] == 2 and listed["version"] == 2


async def test_service_rules_and_the_callers_role_reach_the_leads_service(client):
    """The signed principal carries the caller's role: an SDR may not choose an owner (only admin and
    vp_sales may), a VP may but must name an active SDR; an Unqualified lead needs a reason."""
    sdr = bearer(await login(client, "sdr2"))
    lead = (await client.post("/api/v1/leads", json=unique_lead(), headers=sdr)).json()
    url = f"/api/v1/leads/{lead['id']}"
    assert_problem(await client.patch(url, json={"owner_id": "someone-else"}, headers=sdr), 403, field="owner_id")
    vp = bearer(await login(client, "vp.sales"))
    assert_problem(await client.patch(url, json={"owner_id": "someone-else"}, headers=vp), 422, field="owner_id")
    assert_problem(await client.patch(url, json={"status": "Unqualified"}, headers=sdr), 422,
                   field="unqualified_reason")
    assert_problem(await client.patch(url, json={"status": "Customer"}, headers=sdr), 422, field="status")
    assert_problem(await client.post("/api/v1/leads", json=unique_lead(source="carrier pigeon"), headers=sdr), 422,
                   field="source")
    unqualified = await client.patch(url, json={"status": "Unqualified", "unqualified_reason": "too small"},
                                     headers=sdr)
    assert unqualified.status_code == 200, unqualified.text
    assert (unqualified.json()["unqualified_reason"], unqualified.json()["version"]) == ("too small", 2)


async def test_list_filters_sorts_and_pages_real_leads(client):
    """LEAD-4: status, source, landing page, date and text filters select the matching leads only;
    sort and cursor pages walk them. Every lead here shares a token no other test uses."""
    token = f"zq{uuid.uuid4().hex[:8]}"
    headers = bearer(await login(client, "marketing"))
    made = {}
    for name, source, landing_page in (("Alpha", "trade show", None), ("Beta", "referral", None),
                                       ("Gamma", "website", "kiosk-roi-calculator")):
        body = unique_lead(company=f"{token} {name}", source=source, landing_page=landing_page)
        created = await client.post("/api/v1/leads", json=body, headers=headers)
        assert created.status_code == 201, created.text
        made[name] = created.json()
    working = await client.patch(f"/api/v1/leads/{made['Beta']['id']}", json={"status": "Working"}, headers=headers)
    assert working.status_code == 200, working.text

    async def names(**params) -> list[str]:
        return [lead["company"].split()[-1] for lead in await find_leads(client, headers, q=token, **params)]

    assert sorted(await names()) == ["Alpha", "Beta", "Gamma"]
    assert await names(status="Working") == ["Beta"]
    assert sorted(await names(status=["New", "Working"])) == ["Alpha", "Beta", "Gamma"]
    assert sorted(await names(source=["trade show", "referral"])) == ["Alpha", "Beta"]
    assert await names(landing_page="kiosk-roi-calculator") == ["Gamma"]
    assert await names(status="Qualified") == []
    today = datetime.now(UTC).date()
    around = {"created_from": str(today - timedelta(days=1)), "created_to": str(today + timedelta(days=1))}
    assert sorted(await names(**around)) == ["Alpha", "Beta", "Gamma"]
    assert await names(created_from=str(today + timedelta(days=2))) == []
    assert await names(created_to=str(today - timedelta(days=2))) == []
    assert [lead["id"] for lead in await find_leads(client, headers, q=made["Gamma"]["email"])] == [made["Gamma"]["id"]]
    assert await names(sort="company") == ["Alpha", "Beta", "Gamma"]
    assert await names(sort="-company") == ["Gamma", "Beta", "Alpha"]

    first = await client.get("/api/v1/leads", params={"q": token, "sort": "company", "limit": 2}, headers=headers)
    assert first.status_code == 200, first.text
    page = first.json()
    assert set(page) == {"items", "next_cursor"} and page["next_cursor"]
    assert [lead["company"].split()[-1] for lead in page["items"]] == ["Alpha", "Beta"]
    rest = await client.get("/api/v1/leads", params={"q": token, "sort": "company", "limit": 2,
                                                     "cursor": page["next_cursor"]}, headers=headers)
    assert [lead["company"].split()[-1] for lead in rest.json()["items"]] == ["Gamma"]
    assert rest.json()["next_cursor"] is None

    assert_problem(await client.get("/api/v1/leads", params={"limit": 500}, headers=headers), 422, field="limit")
    assert_problem(await client.get("/api/v1/leads", params={"created_from": "last week"}, headers=headers), 422,
                   field="created_from")
    assert_problem(await client.get("/api/v1/leads", params={"sort": "-favourite"}, headers=headers), 422,
                   field="sort")
    assert_problem(await client.get("/api/v1/leads", params={"cursor": "not-a-cursor"}, headers=headers), 422,
                   field="cursor")


async def test_new_leads_go_round_robin_to_the_demo_sdrs(client):
    """LEAD-3: the gateway's crm.identity.user.* events reach the Leads service, whose pool of active SDRs
    then takes new leads in turn. Events arrive asynchronously: create leads until every SDR got one."""
    admin = bearer(await login(client, "admin"))
    users = (await client.get("/api/v1/users", params={"limit": 200}, headers=admin)).json()["items"]
    sdrs = {u["id"] for u in users if u["role"] == "sdr" and u["active"]}
    assert len(sdrs) >= 3
    headers = bearer(await login(client, "vp.marketing"))

    async def new_owner() -> str:
        created = await client.post("/api/v1/leads", json=unique_lead(source="webinar"), headers=headers)
        assert created.status_code == 201, created.text
        return created.json()["owner_id"]

    seen: set[str] = set()
    deadline = time.monotonic() + 20
    while seen != sdrs:
        assert time.monotonic() < deadline, f"the Leads service never assigned to every SDR; got {seen}"
        owner = await new_owner()
        if owner:
            assert owner in sdrs
            seen.add(owner)
        else:
            await asyncio.sleep(0.2)
    turn = [await new_owner() for _ in sdrs]
    assert set(turn) == sdrs, "one full turn gives every active SDR exactly one lead"


async def test_health_probes_and_request_ids(gw, bare_gw):
    async with gw.client() as c:
        assert (await c.get("/healthz")).json() == {"status": "ok"}
        ready = await c.get("/readyz")
        assert ready.status_code == 200 and ready.json()["checks"] == {"database": "ok", "leads": "SERVING",
                                                                 "accounts": "SERVING", "integration": "SERVING",
                                                                 "sales": "SERVING"}
        echoed = await c.get("/healthz", headers={"X-Request-Id": "req-12345678"})
        assert echoed.headers["x-request-id"] == "req-12345678"
        assert_problem(await c.get("/no/such/path"), 404)
        assert (await c.get("/openapi.json")).status_code == 200
    async with bare_gw.client() as c:
        assert_problem(await c.get("/readyz"), 503)
