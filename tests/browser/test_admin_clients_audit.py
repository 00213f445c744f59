"""An admin registers an API client in the browser, copies its key (shown once), revokes it, and finds
both in the audit log (issue 9 item 7; INT-4, GEN-8)."""
from __future__ import annotations

import uuid

import httpx
import pytest

pytestmark = pytest.mark.e2e


def test_admin_registers_an_api_client_revokes_it_and_reads_the_audit_log(screen, platform):
    name = f"ERP bridge {uuid.uuid4().hex[:6]}"
    page = screen.page
    screen.go("/admin/api-clients")
    screen.login("admin")
    page.get_by_label("Client name").fill(name)
    page.get_by_role("button", name="Register client").click()
    key = page.locator("[data-test=secret]").inner_text().strip()
    screen.shot("1-key-shown-once")
    with httpx.Client(base_url=platform.url, headers={"X-API-Key": key}, timeout=30) as erp:
        assert erp.get("/api/v1/accounts", params={"limit": 1}).status_code == 200  # the key works (erp reads)
        row = page.locator("li").filter(has_text=name)
        row.get_by_role("button", name="Revoke").click()
        row.get_by_text("Revoked").wait_for()
        assert erp.get("/api/v1/accounts", params={"limit": 1}).status_code == 401
    page.reload()
    assert page.locator("[data-test=secret]").count() == 0  # never shown again
    screen.shot("2-revoked")

    screen.go("/admin/audit")
    page.get_by_label("Action").fill("api_client_created")
    page.get_by_role("button", name="Search").click()
    audit = page.locator("[data-test=audit]")
    audit.locator("li").filter(has_text="api_client_created").first.wait_for()
    assert "admin" in audit.locator("li").first.inner_text()
    page.get_by_label("Action").fill("api_client_revoked")
    page.get_by_role("button", name="Search").click()
    audit.locator("li").filter(has_text="api_client_revoked").first.wait_for()
    assert audit.locator("li").filter(has_text="api_client_created").count() == 0
    screen.shot("3-audit")
