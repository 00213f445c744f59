"""An admin creates a user and deactivates them in the browser (issue 9 item 7, GEN-11)."""
from __future__ import annotations

import uuid

import pytest

from tests.e2e.support import DEMO_PASSWORD

pytestmark = pytest.mark.e2e


def test_admin_creates_and_deactivates_a_user(screen, as_user):
    tag = uuid.uuid4().hex[:6]
    page = screen.page
    screen.go("/admin/users")
    screen.login("admin")
    page.locator("[data-test=user-new]").click()
    form = page.locator("[data-test=user-form]")
    form.locator("input[name=username]").fill(f"web.{tag}")
    form.locator("input[name=full_name]").fill(f"Wen Bo {tag}")
    form.locator("input[name=email]").fill(f"wen.{tag}@example.com")
    form.locator("input[name=password]").fill(DEMO_PASSWORD)
    form.get_by_role("button", name="Save").click()
    row = page.locator("[data-test=users] li").filter(has_text=f"web.{tag}")
    row.wait_for()
    row.get_by_role("button", name="Deactivate").click()
    row.get_by_text("Deactivated").wait_for()
    screen.shot("1-deactivated")
    users = as_user("admin").get("/api/v1/users", params={"limit": 200}).json()["items"]
    [made] = [u for u in users if u["username"] == f"web.{tag}"]
    assert made["active"] is False and made["full_name"] == f"Wen Bo {tag}"
