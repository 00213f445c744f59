"""Landing-page forms (LEAD-1, MKT-1, LEAD-8): managing forms in the real Leads service, and the public
submission endpoint: website leads an SDR then finds, de-duplication by email, validation, honeypot,
rate limit, CORS."""
from __future__ import annotations

import uuid

import pytest

from gw_helpers import assert_problem, bearer, login

SLUG = "how-to-spec-out-a-kiosk"
PERSON = {"first_name": "Ada", "last_name": "Lovelace", "company": "Engines Ltd", "email": "ada@engines.example",
          "phone": "+1 555 0100", "state": "CA", "country": "US"}


@pytest.fixture
async def form(client) -> str:
    """The form at SLUG in the Leads service (the demo loader may have registered it already)."""
    admin = bearer(await login(client, "admin"))
    created = await client.post("/api/v1/web-forms", json={"slug": SLUG, "landing_page_name": "How to Spec"},
                                headers=admin)
    assert created.status_code in (201, 409), created.text
    return SLUG


def person(**changes) -> dict:
    """PERSON with an email no other test uses: the Leads service keeps one lead per email (LEAD-8)."""
    return {**PERSON, "email": f"ada.{uuid.uuid4().hex[:12]}@engines.example", **changes}


async def lead_of(client, email: str) -> dict:
    """The one lead with this email, as an SDR sees it through GET /api/v1/leads?q=."""
    response = await client.get("/api/v1/leads", params={"q": email}, headers=bearer(await login(client, "sdr1")))
    assert response.status_code == 200, response.text
    [lead] = response.json()["items"]
    return lead


async def test_manage_forms_by_role(client, form):
    """LEAD-1: marketing and admins manage forms, SDRs may read them, others are refused."""
    marketing = bearer(await login(client, "marketing"))
    slug = f"kiosk-faq-{uuid.uuid4().hex[:8]}"
    created = await client.post("/api/v1/web-forms", json={"slug": slug, "landing_page_name": "FAQ"}, headers=marketing)
    assert created.status_code == 201, created.text
    assert created.headers["location"] == f"/api/v1/web-forms/{slug}" and created.headers["etag"] == '"1"'
    assert (created.json()["slug"], created.json()["active"], created.json()["version"]) == (slug, True, 1)
    assert_problem(await client.post("/api/v1/web-forms", json={"slug": slug, "landing_page_name": "Again"},
                                     headers=marketing), 409, field="slug")
    listed = await client.get("/api/v1/web-forms", headers=bearer(await login(client, "sdr2")))
    assert {SLUG, slug} <= {f["slug"] for f in listed.json()["items"]}
    got = await client.get(f"/api/v1/web-forms/{slug}", headers=marketing)
    assert got.status_code == 200 and got.headers["etag"] == f'"{got.json()["version"]}"'
    patched = await client.patch(f"/api/v1/web-forms/{slug}", json={"landing_page_name": "Kiosk FAQ"},
                                 headers={**marketing, "If-Match": got.headers["etag"]})
    assert patched.status_code == 200 and patched.json()["landing_page_name"] == "Kiosk FAQ"
    assert patched.headers["etag"] == '"2"'
    stale = await client.patch(f"/api/v1/web-forms/{slug}", json={"active": False},
                               headers={**marketing, "If-Match": got.headers["etag"]})
    assert_problem(stale, 412)
    assert (await client.get(f"/api/v1/web-forms/{slug}", headers=marketing)).json()["active"] is True
    assert_problem(await client.post("/api/v1/web-forms", json={"slug": "x-y", "landing_page_name": "n"},
                                     headers=bearer(await login(client, "sdr2"))), 403)
    assert_problem(await client.get("/api/v1/web-forms", headers=bearer(await login(client, "csr2"))), 403)
    assert_problem(await client.post("/api/v1/web-forms", json={"slug": "Not A Slug", "landing_page_name": "n"},
                                     headers=marketing), 422, field="slug")
    assert_problem(await client.get("/api/v1/web-forms/no-such-form", headers=marketing), 404)


async def test_retired_form_takes_no_submissions(client, gw):
    """LEAD-1: a deactivated form answers 404 to visitors and creates no lead; re-opened, it takes them."""
    marketing = bearer(await login(client, "marketing"))
    slug = f"retired-{uuid.uuid4().hex[:8]}"
    assert (await client.post("/api/v1/web-forms", json={"slug": slug, "landing_page_name": "Old"},
                              headers=marketing)).status_code == 201
    closed = await client.patch(f"/api/v1/web-forms/{slug}", json={"active": False},
                                headers={**marketing, "If-Match": '"1"'})
    assert closed.status_code == 200 and closed.json()["active"] is False
    visitor = person()
    async with gw.client("10.20.1.1") as c:
        assert_problem(await c.post(f"/api/v1/web-forms/{slug}/submissions", json=visitor), 404)
        listed = await client.get("/api/v1/leads", params={"q": visitor["email"]},
                                  headers=bearer(await login(client, "sdr1")))
        assert listed.json()["items"] == []
        await client.patch(f"/api/v1/web-forms/{slug}", json={"active": True}, headers=marketing)
        assert (await c.post(f"/api/v1/web-forms/{slug}/submissions", json=visitor)).status_code == 202
    assert (await lead_of(client, visitor["email"]))["landing_page"] == slug


async def test_json_submission_creates_a_website_lead(client, gw, form):
    """LEAD-1: a valid anonymous post answers 202, and an SDR then finds a website lead tagged with
    the form's landing page (the URL's slug wins over a landing_page field in the body)."""
    visitor = person()
    async with gw.client("10.20.0.1") as c:
        response = await c.post(f"/api/v1/web-forms/{form}/submissions",
                                json={**visitor, "landing_page": "ignored", "message": "m" * 20_000,
                                      "number_of_locations": 25, "using_kiosks": True, "website": ""})
    assert response.status_code == 202, response.text
    assert response.json() == {"status": "accepted"}
    lead = await lead_of(client, visitor["email"])
    assert (lead["source"], lead["landing_page"], lead["status"]) == ("website", form, "New")
    assert (lead["first_name"], lead["last_name"], lead["company"]) == ("Ada", "Lovelace", "Engines Ltd")
    assert (lead["state"], lead["country"], lead["phone"]) == ("CA", "US", "+1 555 0100")
    assert lead["number_of_locations"] == 25 and lead["using_kiosks"] is True
    assert len(lead["message"]) == 20_000 and lead["submission_count"] == 1 and lead["created_at"]


async def test_same_visitor_again_updates_their_lead(client, gw, form):
    """LEAD-8: a second post with the same email (any case) answers the same 202 and updates the one
    lead: given fields overwrite, empty ones never erase."""
    visitor = person()
    async with gw.client("10.20.0.4") as c:
        url = f"/api/v1/web-forms/{form}/submissions"
        assert (await c.post(url, json={**visitor, "title": "CTO"})).status_code == 202
        again = await c.post(url, json={**visitor, "email": visitor["email"].upper(), "phone": "+1 555 0199",
                                        "title": "", "number_of_locations": 60})
    assert again.status_code == 202 and again.json() == {"status": "accepted"}
    lead = await lead_of(client, visitor["email"])
    assert (lead["phone"], lead["title"], lead["number_of_locations"]) == ("+1 555 0199", "CTO", 60)
    assert lead["submission_count"] == 2 and lead["source"] == "website"


async def test_form_encoded_submission(client, gw, form):
    """LEAD-1: browsers post form-encoded; "yes" means true, numbers arrive as text."""
    visitor = person()
    async with gw.client("10.20.0.2") as c:
        response = await c.post(f"/api/v1/web-forms/{form}/submissions",
                                data={**visitor, "using_kiosks": "yes", "number_of_locations": "12", "website": "",
                                      "role": "IT"})
    assert response.status_code == 202, response.text
    lead = await lead_of(client, visitor["email"])
    assert lead["using_kiosks"] is True and lead["number_of_locations"] == 12 and lead["role"] == "IT"
    assert (lead["source"], lead["landing_page"]) == ("website", form)


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


async def test_honeypot_creates_no_lead(client, gw, form):
    """With the Leads service up, a filled honeypot still answers 202 and no lead appears."""
    bot = person(website="http://spam")
    async with gw.client("10.21.0.2") as c:
        response = await c.post(f"/api/v1/web-forms/{form}/submissions", json=bot)
    assert response.status_code == 202 and response.json() == {"status": "accepted"}
    listed = await client.get("/api/v1/leads", params={"q": bot["email"]}, headers=bearer(await login(client, "sdr1")))
    assert listed.status_code == 200 and listed.json()["items"] == []


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
