"""Landing-page forms (LEAD-1, MKT-1, LEAD-8) as the gateway serves them, with the Leads service faked
(gw_fakes.py): managing forms by role with ETags, and the public submission endpoint: what it hands the
Leads service from JSON and form-encoded posts, validation, honeypot, rate limit, CORS. The lead the
Leads service then makes of a submission (website source, landing page, one lead per email) is tested
in services/leads/tests/integration/test_leads_submissions.py and tests/e2e/test_web_forms.py."""
from __future__ import annotations

import uuid

import pytest
from crm.leads.v1 import leads_pb2
from gw_helpers import assert_problem, bearer, login

SLUG = "how-to-spec-out-a-kiosk"
PERSON = {"first_name": "Ada", "last_name": "Lovelace", "company": "Engines Ltd", "email": "ada@engines.example",
          "phone": "+1 555 0100", "state": "CA", "country": "US"}


@pytest.fixture
async def form(client) -> str:
    """The form at SLUG in the (fake) Leads service (`load-demo` may have registered it already)."""
    admin = bearer(await login(client, "admin"))
    created = await client.post("/api/v1/web-forms", json={"slug": SLUG, "landing_page_name": "How to Spec"},
                                headers=admin)
    assert created.status_code in (201, 409), created.text
    return SLUG


def person(**changes) -> dict:
    """PERSON with an email no other test uses, to find what the gateway handed over for them."""
    return {**PERSON, "email": f"ada.{uuid.uuid4().hex[:12]}@engines.example", **changes}


def handed_over(fake_leads, email: str) -> leads_pb2.LeadData:
    """The one submission the Leads service got for this visitor: its data."""
    [submission] = fake_leads.submissions(email)
    return submission.data


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


async def test_retired_form_takes_no_submissions(client, gw, fake_leads):
    """LEAD-1: the Leads service's 404 for a deactivated form reaches visitors; re-opened, it takes them."""
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
        await client.patch(f"/api/v1/web-forms/{slug}", json={"active": True}, headers=marketing)
        assert (await c.post(f"/api/v1/web-forms/{slug}/submissions", json=visitor)).status_code == 202
    assert [s.form_slug for s in fake_leads.submissions(visitor["email"])] == [slug, slug]


async def test_json_submission_hands_the_visitor_to_the_leads_service(gw, fake_leads, form):
    """LEAD-1: a valid anonymous post answers 202, and the Leads service gets the visitor's data for the
    URL's form (a landing_page field in the body changes nothing), stamped with the time it arrived."""
    visitor = person()
    async with gw.client("10.20.0.1") as c:
        response = await c.post(f"/api/v1/web-forms/{form}/submissions",
                                json={**visitor, "landing_page": "ignored", "message": "m" * 20_000,
                                      "number_of_locations": 25, "using_kiosks": True, "website": ""})
    assert response.status_code == 202, response.text
    assert response.json() == {"status": "accepted"}
    [submission] = fake_leads.submissions(visitor["email"])
    assert submission.form_slug == form and submission.submitted_at.seconds > 0
    lead = submission.data
    assert (lead.first_name, lead.last_name, lead.company) == ("Ada", "Lovelace", "Engines Ltd")
    assert (lead.state, lead.country, lead.phone) == ("CA", "US", "+1 555 0100")
    assert lead.number_of_locations == 25 and lead.using_kiosks is True
    assert len(lead.message) == 20_000


async def test_same_visitor_again_is_handed_over_again(gw, fake_leads, form):
    """LEAD-8: a second post with the same email (any case) answers the same 202 and reaches the Leads
    service with what was given (it updates the one lead there: empty fields never erase)."""
    visitor = person()
    async with gw.client("10.20.0.4") as c:
        url = f"/api/v1/web-forms/{form}/submissions"
        assert (await c.post(url, json={**visitor, "title": "CTO"})).status_code == 202
        again = await c.post(url, json={**visitor, "email": visitor["email"].upper(), "phone": "+1 555 0199",
                                        "title": "", "number_of_locations": 60})
    assert again.status_code == 202 and again.json() == {"status": "accepted"}
    first, second = (s.data for s in fake_leads.submissions(visitor["email"]))
    assert (first.title, first.phone) == ("CTO", "+1 555 0100")
    assert (second.email.lower(), second.phone, second.number_of_locations) == (visitor["email"], "+1 555 0199", 60)
    assert not second.title


async def test_form_encoded_submission(gw, fake_leads, form):
    """LEAD-1: browsers post form-encoded; "yes" means true, numbers arrive as text."""
    visitor = person()
    async with gw.client("10.20.0.2") as c:
        response = await c.post(f"/api/v1/web-forms/{form}/submissions",
                                data={**visitor, "using_kiosks": "yes", "number_of_locations": "12", "website": "",
                                      "role": "IT"})
    assert response.status_code == 202, response.text
    lead = handed_over(fake_leads, visitor["email"])
    assert lead.using_kiosks is True and lead.number_of_locations == 12 and lead.role == "IT"


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


async def test_honeypot_reaches_no_lead(gw, fake_leads, form):
    """With the Leads service up, a filled honeypot still answers 202 and the service never hears of it."""
    bot = person(website="http://spam")
    async with gw.client("10.21.0.2") as c:
        response = await c.post(f"/api/v1/web-forms/{form}/submissions", json=bot)
    assert response.status_code == 202 and response.json() == {"status": "accepted"}
    assert fake_leads.submissions(bot["email"]) == []


@pytest.mark.parametrize("which", ["gw", "bare_gw"])
async def test_submissions_rate_limited_per_address(which, gw, bare_gw):
    """30 posts a minute per address (Redis, or in-process without it), then 429 with Retry-After."""
    running = {"gw": gw, "bare_gw": bare_gw}[which]  # both set up before the test's loop runs
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
