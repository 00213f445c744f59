"""An SDR works a new web lead through to conversion in the browser (issue 9, LEAD-4..6), stays logged in
across a reload, and comes back to where they were after the session ended."""
from __future__ import annotations

import time
import uuid

import pytest
from playwright.sync_api import expect

from tests.e2e.support import submission

pytestmark = pytest.mark.e2e
FORM = "/api/v1/web-forms/how-to-spec-out-a-kiosk/submissions"


def new_web_lead(anonymous, sdr) -> dict:
    body = submission(company=f"Granite Foods {uuid.uuid4().hex[:6]}", state="VT")
    assert anonymous.post(FORM, json=body).status_code == 202
    for _ in range(100):
        items = sdr.get("/api/v1/leads", params={"q": body["email"]}).json()["items"]
        if items:
            return items[0]
        time.sleep(0.1)
    raise AssertionError("the web lead never arrived")


def test_sdr_qualifies_and_converts_a_new_web_lead(screen, anonymous, as_user, accounts_directory):
    lead = new_web_lead(anonymous, as_user("sdr1"))
    page = screen.page
    screen.go("/")
    page.wait_for_url("**/login**")
    screen.shot("1-login")
    screen.login("sdr1")
    page.wait_for_url("**/leads")
    page.locator("[data-test=lead-queue] li").first.wait_for()
    screen.shot("1b-queue")
    page.get_by_placeholder("Name, company or email").fill(lead["email"])
    page.keyboard.press("Enter")
    page.get_by_role("link", name=lead["company"]).click()
    page.wait_for_url(f"**/leads/{lead['id']}")
    assert page.locator("[data-test=status]").inner_text() == "New"
    labels = page.locator("dl.fields dt").all_inner_texts()
    assert {"Company", "Email", "Phone", "Number of locations", "Current vendor", "Landing page"} <= set(labels)
    screen.shot("2-new-lead")

    page.reload()  # the session survives a reload: the cookie renews the in-memory access token
    page.locator("[data-test=status-Qualified]").click()
    expect(page.locator("[data-test=status]")).to_have_text("Qualified")
    page.locator("[data-test=convert]").get_by_role("button", name="Convert").click()
    converted = page.locator("[data-test=converted-account]")
    converted.wait_for()
    assert page.locator("[data-test=status]").inner_text() == "Customer"
    screen.shot("3-converted")
    converted.click()
    page.wait_for_selector("[data-test=account-name]")
    assert page.locator("[data-test=account-name]").inner_text() == lead["company"]
    screen.shot("4-account")


def test_an_ended_session_returns_to_the_same_page_after_login(screen, anonymous, as_user):
    lead = new_web_lead(anonymous, as_user("sdr2"))
    page = screen.page
    screen.go(f"/leads/{lead['id']}")
    screen.login("sdr2")
    page.wait_for_url(f"**/leads/{lead['id']}")
    page.context.clear_cookies()
    page.reload()
    page.wait_for_url("**/login?redirect=**")
    screen.login("sdr2")
    page.wait_for_url(f"**/leads/{lead['id']}")
    page.locator("[data-test=status]").wait_for()


def test_the_refresh_cookie_is_invisible_to_scripts(screen, as_user):
    page = screen.page
    screen.go("/login")
    screen.login("sdr3")
    cookies = page.context.cookies()
    refresh = [c for c in cookies if c["name"] == "crm_refresh"]
    assert refresh and refresh[0]["httpOnly"] and refresh[0]["sameSite"] == "Strict"
    assert "crm_refresh" not in page.evaluate("document.cookie")
    assert page.evaluate("JSON.stringify(localStorage) + JSON.stringify(sessionStorage)").find("eyJ") == -1


def test_an_edit_conflict_shows_what_changed_and_unqualifying_takes_a_reason(screen, anonymous, as_user):
    sdr = as_user("sdr3")
    lead = new_web_lead(anonymous, sdr)
    page = screen.page
    screen.go(f"/leads/{lead['id']}")
    screen.login("sdr3")
    page.locator("[data-test=edit]").click()
    page.fill("input[name=title]", "Facilities director")
    renamed = f"{lead['company']} Holdings"
    assert sdr.patch(f"/api/v1/leads/{lead['id']}", json={"company": renamed}).status_code == 200  # someone else
    page.get_by_role("button", name="Save").click()
    conflict = page.locator("[data-test=conflict]")
    conflict.wait_for()
    assert "Company" in conflict.inner_text() and renamed in conflict.inner_text()
    screen.shot("1-conflict")
    page.get_by_role("button", name="Save").click()  # the user's change, on the new version
    page.get_by_text("Facilities director").wait_for()
    saved = sdr.get(f"/api/v1/leads/{lead['id']}").json()
    assert (saved["title"], saved["company"]) == ("Facilities director", renamed)

    page.locator(".reason").click()
    page.get_by_text("Too small", exact=True).click()
    page.locator("[data-test=status-Unqualified]").click()
    expect(page.locator("[data-test=status]")).to_have_text("Unqualified")
    assert sdr.get(f"/api/v1/leads/{lead['id']}").json()["unqualified_reason"] == "too small"
    screen.shot("2-unqualified")
