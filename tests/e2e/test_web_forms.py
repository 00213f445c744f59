"""A visitor's landing-page submission becomes a lead an SDR can work (LEAD-1, LEAD-4, LEAD-8)."""
from __future__ import annotations

import time

import pytest

from tests.e2e.support import submission

pytestmark = pytest.mark.e2e
FORM = "/api/v1/web-forms/how-to-spec-out-a-kiosk/submissions"


def find_leads(api, email: str, attempts: int = 50) -> list[dict]:
    for _ in range(attempts):
        r = api.get("/api/v1/leads", params={"q": email})
        assert r.status_code == 200, r.text
        if r.json()["items"]:
            return r.json()["items"]
        time.sleep(0.1)
    return []


def test_submission_creates_a_website_lead_with_its_landing_page(anonymous, as_user):
    body = submission(first_name="<script>alert(1)</script>", company="Ünïcødé Kiosk 株式会社",
                      message="x" * 20_000)
    r = anonymous.post(FORM, json=body)
    assert r.status_code == 202, r.text
    [lead] = find_leads(as_user("sdr1"), body["email"])
    assert lead["source"] == "website"
    assert lead["landing_page"] == "how-to-spec-out-a-kiosk"
    assert lead["status"] == "New"
    assert lead["first_name"] == "<script>alert(1)</script>"  # stored as text, never interpreted
    assert lead["company"] == "Ünïcødé Kiosk 株式会社"
    assert len(lead["message"]) == 20_000
    assert lead["rating"] in {"A", "B", "C"}
    assert lead["owner_id"]


def test_form_encoded_submission_is_accepted(anonymous, as_user):
    body = submission()
    form = {k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in body.items()}
    r = anonymous.post(FORM, data=form)
    assert r.status_code == 202, r.text
    [lead] = find_leads(as_user("sdr1"), body["email"])
    assert lead["number_of_locations"] == 12 and lead["using_kiosks"] is False


def test_repeat_submission_updates_the_lead_instead_of_duplicating(anonymous, as_user):
    first = submission()
    assert anonymous.post(FORM, json=first).status_code == 202
    [lead] = find_leads(as_user("sdr2"), first["email"])
    again = dict(first, phone="+1 617 555 0100", email=first["email"].upper())
    r = anonymous.post(FORM, json=again)
    assert r.status_code == 202
    assert r.json() == anonymous.post(FORM, json=submission()).json()  # reveals nothing about existing data
    for _ in range(50):
        leads = find_leads(as_user("sdr2"), first["email"])
        if leads[0]["phone"] == "+1 617 555 0100":
            break
        time.sleep(0.1)
    assert len(leads) == 1
    assert leads[0]["id"] == lead["id"] and leads[0]["owner_id"] == lead["owner_id"]
    assert leads[0]["phone"] == "+1 617 555 0100"
    assert leads[0]["submission_count"] == 2


def test_filled_honeypot_is_accepted_and_dropped(anonymous, as_user):
    bot = submission(website="http://spam.example")
    r = anonymous.post(FORM, json=bot)
    assert r.status_code == 202
    assert find_leads(as_user("sdr1"), bot["email"], attempts=10) == []


def test_invalid_email_is_a_422_naming_the_field(anonymous):
    r = anonymous.post(FORM, json=submission(email="not-an-email"))
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("application/problem+json")
    assert "email" in [e["field"] for e in r.json()["errors"]]


def test_unknown_landing_page_is_a_404(anonymous):
    r = anonymous.post("/api/v1/web-forms/no-such-page/submissions", json=submission())
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/problem+json")


def test_marketing_registers_a_form_and_sdr_cannot(as_user, anonymous):
    slug = "trade-show-follow-up"
    r = as_user("marketing").post("/api/v1/web-forms", json={"slug": slug, "landing_page_name": "Trade-show follow-up"})
    assert r.status_code == 201, r.text
    assert as_user("sdr1").post("/api/v1/web-forms", json={"slug": "x-y", "landing_page_name": "X"}).status_code == 403
    assert as_user("csr1").get("/api/v1/web-forms").status_code == 403
    body = submission()
    assert anonymous.post(f"/api/v1/web-forms/{slug}/submissions", json=body).status_code == 202
    [lead] = find_leads(as_user("sdr1"), body["email"])
    assert lead["landing_page"] == slug


def test_sdr_works_a_lead_and_if_match_guards_concurrent_edits(anonymous, as_user):
    body = submission()
    anonymous.post(FORM, json=body)
    sdr = as_user("sdr3")
    [lead] = find_leads(sdr, body["email"])
    r = sdr.get(f"/api/v1/leads/{lead['id']}")
    etag = r.headers["etag"]
    r = sdr.patch(f"/api/v1/leads/{lead['id']}", json={"status": "Working"}, headers={"If-Match": etag})
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "Working"
    stale = sdr.patch(f"/api/v1/leads/{lead['id']}", json={"status": "Qualified"}, headers={"If-Match": etag})
    assert stale.status_code == 412
    no_reason = sdr.patch(f"/api/v1/leads/{lead['id']}", json={"status": "Unqualified"})
    assert no_reason.status_code == 422
    assert "unqualified_reason" in [e["field"] for e in no_reason.json()["errors"]]
    ok = sdr.patch(f"/api/v1/leads/{lead['id']}", json={"status": "Unqualified", "unqualified_reason": "too small"})
    assert ok.status_code == 200 and ok.json()["unqualified_reason"] == "too small"


def test_leads_list_filters_sorts_and_pages(as_user, anonymous):
    company = f"Pager Co {time.time_ns()}"
    emails = []
    for n in range(5):
        body = submission(company=company, last_name=f"Pager{n}")
        emails.append(body["email"])
        assert anonymous.post(FORM, json=body).status_code == 202
    sdr = as_user("sdr1")
    for _ in range(50):
        if len(sdr.get("/api/v1/leads", params={"q": company, "limit": 200}).json()["items"]) == 5:
            break
        time.sleep(0.1)
    seen, cursor = [], None
    while True:
        params = {"q": company, "limit": 2, "sort": "last_name", "source": "website"}
        if cursor:
            params["cursor"] = cursor
        page = sdr.get("/api/v1/leads", params=params).json()
        seen += [lead["last_name"] for lead in page["items"]]
        cursor = page.get("next_cursor")
        if not cursor:
            break
    assert seen == [f"Pager{n}" for n in range(5)]
    assert sdr.get("/api/v1/leads", params={"sort": "no_such_field"}).status_code == 422
