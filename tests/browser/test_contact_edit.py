"""A contact's page (issue 9 item 3, CON-1, CON-2, SEC-5): the owner edits it with If-Match from the
contact page, found through global search; a read share shows the same contact with no edit control."""
from __future__ import annotations

import uuid

import pytest

pytestmark = pytest.mark.e2e


@pytest.fixture
def contact(as_user, accounts_directory, user_ids) -> dict:
    """A contact at a New England account (owned by ae.ne), read-shared with ae.ma."""
    tag = uuid.uuid4().hex[:6]
    account = as_user("admin").post("/api/v1/accounts", json={
        "name": f"Quay Garages {tag}", "type": "customer", "state": "MA", "city": "Salem"})
    assert account.status_code == 201, account.text
    made = as_user("ae.ne").post("/api/v1/contacts", json={
        "account_id": account.json()["id"], "first_name": "Rui", "last_name": f"Matos{tag}", "title": "Buyer",
        "phones": [{"number": "(978) 555-0142", "type": "mobile"}],
        "emails": [{"address": f"rui.{tag}@quay.example", "primary": True}]})
    assert made.status_code == 201, made.text
    shared = as_user("ae.ne").post(f"/api/v1/accounts/{account.json()['id']}/shares",
                                   json={"user_id": user_ids["ae.ma"], "access": "read"})
    assert shared.status_code == 201, shared.text
    return made.json()


def test_the_owner_finds_a_contact_by_name_and_edits_it(screen, contact, as_user):
    page = screen.page
    screen.go("/")
    screen.login("ae.ne")
    page.get_by_role("searchbox", name="Search contacts and accounts").fill(contact["last_name"])
    page.keyboard.press("Enter")
    page.locator("[data-test=contact-results]").get_by_role("link", name=f"Rui {contact['last_name']}").click()
    page.locator("[data-test=contact-edit]").click()
    form = page.locator("[data-test=contact-form]")
    form.locator("input[name=title]").fill("Head of facilities")
    form.locator("input[name=phone]").fill("(978) 555-0199")
    screen.shot("1-contact-form")
    form.get_by_role("button", name="Save").click()
    form.wait_for(state="detached")
    page.get_by_text("Head of facilities").wait_for()
    stored = as_user("ae.ne").get(f"/api/v1/contacts/{contact['id']}").json()
    assert stored["title"] == "Head of facilities" and stored["version"] == contact["version"] + 1
    assert [(p["number"], p["type"]) for p in stored["phones"]] == [("(978) 555-0199", "mobile")]
    assert stored["emails"] == contact["emails"]  # untouched fields are not sent
    screen.shot("2-contact-saved")


def test_a_read_share_shows_the_contact_without_an_edit_control(screen, contact):
    page = screen.page
    screen.go(f"/contacts/{contact['id']}")
    screen.login("ae.ma")
    page.locator("[data-test=contact]").get_by_text(contact["last_name"]).wait_for()
    assert page.locator("[data-test=contact-edit]").count() == 0
    screen.shot("1-read-share")
