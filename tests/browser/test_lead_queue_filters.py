"""The SDR's lead queue filters by owner and by creation date (issue 9, LEAD-4), through the list API's
owner_id and created_from/created_to."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.test_sdr_lead_flow import new_web_lead

pytestmark = pytest.mark.e2e


def test_the_lead_queue_filters_by_owner_and_creation_date(screen, anonymous, as_user, user_ids):
    sdr = as_user("sdr1")
    lead = new_web_lead(anonymous, sdr)
    other = "sdr2" if lead["owner_id"] == user_ids["sdr1"] else "sdr1"
    moved = as_user("vp.sales").patch(f"/api/v1/leads/{lead['id']}", json={"owner_id": user_ids[other]})
    assert moved.status_code == 200, moved.text  # now someone else's lead
    page = screen.page
    screen.go("/leads")
    screen.login("sdr1")
    page.get_by_placeholder("Name, company or email").fill(lead["company"])
    page.keyboard.press("Enter")
    found = page.locator("[data-test=lead-queue]").get_by_text(lead["company"])
    queue = page.locator("[data-test=lead-queue]")
    if other == "sdr2":
        found.wait_for()  # sdr1 sees the queue of every SDR
        page.locator("[data-test=owner-filter]").select_option("mine")
        expect(queue).to_contain_text("No leads match these filters.")
        page.locator("[data-test=owner-filter]").select_option("anyone")
    found.wait_for()
    page.locator("[data-test=created-to]").fill((date.today() - timedelta(days=2)).isoformat())
    expect(queue).to_contain_text("No leads match these filters.")
    page.locator("[data-test=created-to]").fill("")
    page.locator("[data-test=created-from]").fill(date.today().isoformat())
    found.wait_for()
    screen.shot("1-filtered")
