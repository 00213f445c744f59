"""Forms in both languages (issue 9): no input or select shows Naive UI's built-in placeholder ("Please
Input", "请输入"), and a field the API says the caller may not change shows read-only (SEC-1)."""
from __future__ import annotations

import pytest

from tests.browser.test_account_phone import account  # noqa: F401 - the fixture

pytestmark = pytest.mark.e2e
NAIVE_DEFAULTS = {"Please Input", "Please Select", "No Data", "请输入", "请选择", "无数据"}


def shown_placeholders(page) -> set[str]:
    """The placeholders of every text field and the placeholder text of every Naive UI select on the page."""
    fields = {field.get_attribute("placeholder") or "" for field in page.locator("input, textarea").all()}
    selects = {s.inner_text() for s in page.locator(".n-base-selection-placeholder").all()}
    return fields | selects


def test_no_form_shows_naive_uis_own_placeholders(screen):
    page = screen.page
    screen.go("/admin/users")
    assert shown_placeholders(page) & NAIVE_DEFAULTS == set()
    screen.login("admin")
    page.locator("[data-test=user-new]").click()
    page.locator("[data-test=user-form]").wait_for()
    english = shown_placeholders(page)
    assert "Type here" in english and "Choose one" in english and not english & NAIVE_DEFAULTS
    page.get_by_role("button", name="Change language").click()
    page.get_by_text("退出登录").wait_for()
    page.locator("[data-test=user-new]").click()
    chinese = shown_placeholders(page)
    assert "在此输入" in chinese and "选择一项" in chinese and not chinese & NAIVE_DEFAULTS
    screen.shot("1-users-form-zh")
    page.get_by_role("button", name="切换语言").click()  # back to English for the next tests of this user
    page.get_by_text("Sign out").wait_for()


@pytest.mark.parametrize(("username", "read_only"), [("ae.ne", True), ("admin", False)])
def test_the_accounting_id_is_read_only_unless_the_api_lets_one_change_it(screen, account, username,  # noqa: F811
                                                                          read_only):
    page = screen.page
    screen.go(f"/accounts/{account['id']}")
    screen.login(username)
    page.locator("[data-test=account-edit]").click()
    accounting_id = page.locator("[data-test=account-form] input[name=customer_accounting_id]")
    assert accounting_id.input_value() == account["customer_accounting_id"]
    assert (accounting_id.get_attribute("readonly") is not None) is read_only
    assert page.locator("[data-test=account-form] input[name=phone]").get_attribute("readonly") is None
    screen.shot(f"1-account-form-{username}")
