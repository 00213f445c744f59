"""Landing-page forms (LEAD-1, MKT-1): managing forms through the Leads service, and the public
submission endpoint: validation, honeypot, anonymous principal, rate limit, CORS."""
from __future__ import annotations

import pytest

from gw_helpers import assert_problem, bearer, login

SLUG = "how-to-spec-out-a-kiosk"
PERSON = {"first_name": "Ada", "last_name": "Lovelace", "company": "Engines Ltd", "email": "ada@engines.example",
          "phone": "+1 555 0100", "state": "CA", "country": "US"}


@pytest.fixture
async def form(client, fake_leads) -> str:
    servicer = fake_leads[1]
    if SLUG not in servicer.forms:
        admin = bearer(await login(client, "admin"))
        created = await client.post("/api/v1/web-forms", json={"slug": SLUG, "landing_page_name": "How to Spec"},
                                    headers=admin)
        assert created.status_code == 201, created.text
    return SLUG


async def test_manage_forms_by_role(client, fake_leads, form):
    """LEAD-1: marketing and admins manage forms, SDRs may read them, others are refused."""
    marketing = bearer(await login(client, "marketing"))
    created = await client.post("/api/v1/web-forms", json={"slug": "kiosk-roi-calculator",
                                                           "landing_page_name": "ROI"}, headers=marketing)
    assert created.status_code in (201, 409)
    listed = await client.get("/api/v1/web-forms", headers=bearer(await login(client, "sdr2")))
    assert SLUG in {f["slug"] for f in listed.json()["items"]}
    got = await client.get(f"/api/v1/web-forms/{SLUG}", headers=marketing)
    assert got.status_code == 200 and got.headers["etag"] == f'"{got.json()["version"]}"'
    patched = await client.patch(f"/api/v1/web-forms/{SLUG}", json={"landing_page_name": "How to Spec Out a Kiosk"},
                                 headers={**marketing, "If-Match": got.headers["etag"]})
    assert patched.status_code == 200 and patched.json()["landing_page_name"] == "How to Spec Out a Kiosk"
    stale = await client.patch(f"/api/v1/web-forms/{SLUG}", json={"active": True},
                               headers={**marketing, "If-Match": got.headers["etag"]})
    assert_problem(stale, 412)
    assert_problem(await client.post("/api/v1/web-forms", json={"slug": "x-y", "landing_page_name": "n"},
                                     headers=bearer(await login(client, "sdr2"))), 403)
    assert_problem(await client.get("/api/v1/web-forms", headers=bearer(await login(client, "csr2"))), 403)
    assert_problem(await client.post("/api/v1/web-forms", json={"slug": "Not A Slug", "landing_page_name": "n"},
                                     headers=marketing), 422, field="slug")
    assert_problem(await client.get("/api/v1/web-forms/no-such-form", headers=marketing), 404)


async def test_json_submission_reaches_leads_as_anonymous(gw, fake_leads, form):
    """LEAD-1: a valid post answers 202 and the Leads service gets it with an anonymous principal."""
    servicer = fake_leads[1]
    before = len(servicer.submissions)
    async with gw.client("10.20.0.1") as c:
        response = await c.post(f"/api/v1/web-forms/{form}/submissions",
                                json={**PERSON, "landing_page": "ignored", "message": "m" * 20_000,
                                      "number_of_locations": 25, "using_kiosks": True, "website": ""})
    assert response.status_code == 202, response.text
    assert response.json() == {"status": "accepted"}
    request, principal = servicer.submissions[before]
    assert request.form_slug == form and request.data.email == PERSON["email"]
    assert request.data.number_of_locations == 25 and request.data.using_kiosks is True
    assert len(request.data.message) == 20_000 and request.submitted_at.seconds > 0
    assert principal.role == "anonymous" and principal.kind == "anonymous"


async def test_form_encoded_submission(gw, fake_leads, form):
    """LEAD-1: browsers post form-encoded; "yes" means true, numbers arrive as text."""
    servicer = fake_leads[1]
    async with gw.client("10.20.0.2") as c:
        response = await c.post(f"/api/v1/web-forms/{form}/submissions",
                                data={**PERSON, "using_kiosks": "yes", "number_of_locations": "12", "website": "",
                                      "role": "IT"})
    assert response.status_code == 202, response.text
    request, _ = servicer.submissions[-1]
    assert request.data.using_kiosks is True and request.data.number_of_locations == 12 and request.data.role == "IT"


async def test_invalid_submissions_are_named_problems(gw, form):
    async with gw.client("10.20.0.3") as c:
        url = f"/api/v1/web-forms/{form}/submissions"
        assert_problem(await c.post(url, json={**PERSON, "email": "not-an-email"}), 422, field="email")
        assert_problem(await c.post(url, data={**PERSON, "email": "nope@"}), 422, field="email")
        assert_problem(await c.post(url, json={**PERSON, "number_of_locations": -1}), 422, field="number_of_locations")
        assert_problem(await c.post(url, json={**PERSON, "using_kiosks": "maybe"}), 422, field="using_kiosks")
        assert_problem(await c.post(url, json={**PERSON, "message": "m" * 20_001}), 422, field="message")
        assert_problem(await c.post(url, content=b"{oops", headers={"Content-Type": "application/json"}), 400)
        assert_problem(await c.post(url, content=b"<x/>", headers={"Content-Type": "application/xml"}), 415)
        assert_problem(await c.post("/api/v1/web-forms/no-such-form/submissions", json=PERSON), 404)


async def test_honeypot_dropped_without_calling_leads(bare_gw):
    """A filled honeypot answers 202 and is dropped: nothing listens at the Leads target, yet 202."""
    async with bare_gw.client("10.21.0.1") as c:
        response = await c.post(f"/api/v1/web-forms/{SLUG}/submissions", json={**PERSON, "website": "http://spam"})
        assert response.status_code == 202 and response.json() == {"status": "accepted"}
        unavailable = await c.post(f"/api/v1/web-forms/{SLUG}/submissions", json=PERSON)
    assert_problem(unavailable, 503)


@pytest.mark.parametrize("which", ["gw", "bare_gw"])
async def test_submissions_rate_limited_per_address(which, request):
    """30 posts a minute per address (Redis, or in-process without it), then 429 with Retry-After."""
    running = request.getfixturevalue(which)
    body = {**PERSON, "website": "bot"}
    async with running.client(f"10.22.0.{1 if which == 'gw' else 2}") as c:
        for _ in range(30):
            assert (await c.post(f"/api/v1/web-forms/{SLUG}/submissions", json=body)).status_code == 202
        limited = await c.post(f"/api/v1/web-forms/{SLUG}/submissions", json=body)
    assert_problem(limited, 429)
    assert 0 < int(limited.headers["retry-after"]) <= 60
    async with running.client("10.22.1.1") as other:
        assert (await other.post(f"/api/v1/web-forms/{SLUG}/submissions", json=body)).status_code == 202


async def test_cors_for_public_posts_only(client):
    preflight = await client.options(f"/api/v1/web-forms/{SLUG}/submissions",
                                     headers={"Origin": "https://www.example.com",
                                              "Access-Control-Request-Method": "POST"})
    assert preflight.status_code == 204
    assert preflight.headers["access-control-allow-origin"] == "*"
    assert "POST" in preflight.headers["access-control-allow-methods"]
    posted = await client.post(f"/api/v1/web-forms/{SLUG}/submissions", json={**PERSON, "website": "x"},
                               headers={"Origin": "https://www.example.com"})
    assert posted.headers["access-control-allow-origin"] == "*"
    other = await client.get("/api/v1/me", headers={"Origin": "https://www.example.com"})
    assert "access-control-allow-origin" not in other.headers
