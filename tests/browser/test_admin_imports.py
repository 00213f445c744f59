"""An admin uploads an import in the browser and watches its progress, counters and failed rows, then
downloads them as CSV (issue 9, INT-1..3, MIG-1..2); marketing gets the embed snippet of a form (LEAD-1)."""
from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e
FEEDS = Path(__file__).parents[1] / "e2e" / "feeds"


def test_admin_uploads_an_import_and_sees_its_failed_rows(screen, tmp_path):
    page = screen.page
    screen.go("/admin/imports")
    screen.login("admin")
    page.locator("[data-test=import-kind]").click()
    page.get_by_text("Trade show leads", exact=True).click()
    page.set_input_files("[data-test=import-file]", str(FEEDS / "trade_show_badge_scans.csv"))
    page.locator("[data-test=import-start]").click()
    job = page.locator("[data-test=import-job]")
    job.get_by_text("Completed").wait_for(timeout=60000)
    assert page.locator("[data-test=count-rows_read]").inner_text() == "4"
    assert page.locator("[data-test=count-failed]").inner_text() == "1"
    page.locator("[data-test=failures] li").first.wait_for()
    assert page.locator("[data-test=failures] li").count() >= 1
    screen.shot("1-import-done")
    with page.expect_download() as download:
        page.locator("[data-test=failures-csv]").click()
    saved = tmp_path / "failures.csv"
    download.value.save_as(saved)
    assert saved.read_text().count("\n") >= 2  # a header and the failed row


def test_marketing_copies_the_embed_snippet_of_a_landing_page_form(screen):
    page = screen.page
    screen.go("/web-forms")
    screen.login("marketing")
    page.get_by_role("button", name="Embed snippet").first.click()
    snippet = page.locator("[data-test=snippet]").inner_text()
    assert f"{screen.url}/api/v1/web-forms/" in snippet and 'method="post"' in snippet
    screen.shot("1-snippet")
