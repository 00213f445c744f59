"""Stage-timeout alerts in the web client (issue 10 item 4; GEN-4, S2): the admin sets a stage's threshold
on the admin page; an opportunity left in that stage past it shows as an unread alert in the header of
its owner, who reads it on the alerts page and marks it read."""
from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.e2e.test_accounts_authorization import _created
from tests.e2e.test_sales_alerts import _alerts_of, _backdate
from tests.e2e.test_sales_opportunities import DEAL, ne_account  # noqa: F401  (the fixture)

pytestmark = pytest.mark.e2e


def test_admin_sets_a_threshold_and_the_owner_reads_the_alert(screen, platform, as_user, ne_account):  # noqa: F811
    page = screen.page
    before = as_user("admin").get("/api/v1/stage-thresholds/proposal").json()
    screen.go("/admin/stage-thresholds")
    screen.login("admin")
    rows = page.locator("[data-test=thresholds] li")
    proposal = rows.filter(has_text="Proposal")
    days = proposal.get_by_label("Days allowed in Proposal")
    days.fill("14")
    proposal.get_by_role("button", name="Save").click()
    proposal.get_by_text("Saved.").wait_for()
    assert rows.filter(has_text="Closed Lost").get_by_text("Closed stage: no alert").count() == 1
    screen.shot("1-thresholds")
    admin = as_user("admin")
    assert admin.get("/api/v1/stage-thresholds/proposal").json()["alert_after_days"] == 14

    ae = as_user("ae.ne")
    name = f"Quiet proposal {uuid.uuid4().hex[:6]}"
    deal = _created(ae.post("/api/v1/opportunities", json={**DEAL, "name": name, "account_id": ne_account}))
    assert ae.patch(f"/api/v1/opportunities/{deal['id']}", json={"stage": "proposal"}).status_code == 200
    with ThreadPoolExecutor(1) as pool:  # Playwright's sync API keeps an event loop running in this thread
        pool.submit(_backdate, platform, deal["id"], 20).result()
    [alert] = _alerts_of(ae, deal["id"])

    page.get_by_role("button", name="Sign out").click()
    screen.go("/accounts")
    screen.login("ae.ne")
    page.locator("[data-test=alerts-unread]").wait_for()
    page.locator("[data-test=alerts-link]").click()
    item = page.locator("[data-test=alerts] li").filter(has_text=name)
    item.get_by_text("past its 14-day limit").wait_for()
    screen.shot("2-alert-unread")
    item.get_by_role("button", name="Mark read").click()
    item.get_by_role("button", name="Mark read").wait_for(state="detached")
    [read] = [a for a in ae.get("/api/v1/me/alerts").json()["items"] if a["id"] == alert["id"]]
    assert read["read_at"] is not None
    screen.shot("3-alert-read")
    as_user("admin").put("/api/v1/stage-thresholds/proposal", json={  # as it was, for the tests that follow
        "alert_after_days": before["alert_after_days"], "alert_rsm": before["alert_rsm"]})
