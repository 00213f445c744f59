"""The sales pages in the web client (issue 10 items 8 and 9; OPP-1, OPP-2, S1, S3, SEC-2, LEAD-7): an AE
drags a card to the next stage of the pipeline board (If-Match) and the API has the new stage and version;
a move to Closed Lost asks for its loss reason; a change someone else made first is shown, on the board
(reloaded) and on the detail (what changed); an SDR reads an opportunity with no control to change it;
on a phone the board is a stage picker and a list, without horizontal scrolling."""
from __future__ import annotations

import uuid

import pytest

from tests.browser.test_account_phone import PHONE
from tests.e2e.test_accounts_authorization import _created
from tests.e2e.test_sales_opportunities import DEAL, ne_account  # noqa: F401  (the fixture)

pytestmark = pytest.mark.e2e


@pytest.fixture
def deal(as_user, ne_account) -> dict:  # noqa: F811
    """A new opportunity of ae.ne's, in the first stage (Prospecting)."""
    made = _created(as_user("ae.ne").post("/api/v1/opportunities", json={
        **DEAL, "name": f"Board deal {uuid.uuid4().hex[:6]}", "account_id": ne_account, "amount": "1234.56"}))
    assert made["stage"] == "prospecting", made
    return made


def _card(page, deal: dict):
    return page.locator(f"[data-test=card-{deal['id']}]")


def test_an_ae_drags_a_card_to_the_next_stage_and_the_api_has_it(screen, as_user, deal):
    page = screen.page
    ae = as_user("ae.ne")
    screen.go("/pipeline")
    screen.login("ae.ne")
    card = _card(page, deal)
    card.wait_for()
    assert page.locator("[data-stage=prospecting]").locator(f"[data-test=card-{deal['id']}]").count() == 1
    screen.shot("1-board")
    card.drag_to(page.locator("section[data-stage=qualification]"))
    page.locator("[data-test=board-notice]").get_by_text(f"{deal['name']} moved to Qualification.").wait_for()
    page.locator("[data-stage=qualification]").locator(f"[data-test=card-{deal['id']}]").wait_for()
    stored = ae.get(f"/api/v1/opportunities/{deal['id']}").json()
    assert stored["stage"] == "qualification" and stored["version"] == deal["version"] + 1, stored
    screen.shot("2-dragged")

    # The keyboard and tap way: the card's Move-to menu; Closed Lost asks why first (OPP-2).
    card.get_by_label(f"Move {deal['name']} to").select_option("closed_lost")
    prompt = page.locator("[data-test=loss-prompt]")
    prompt.get_by_text(f"Why was {deal['name']} lost?").wait_for()
    assert prompt.locator("[data-test=confirm-lost]").is_disabled()
    prompt.locator(".n-select").click()
    page.locator(".n-base-select-option").filter(has_text="Price").click()
    prompt.locator("[data-test=confirm-lost]").click()
    page.locator("[data-stage=closed_lost]").locator(f"[data-test=card-{deal['id']}]").wait_for()
    lost = ae.get(f"/api/v1/opportunities/{deal['id']}").json()
    assert (lost["stage"], lost["loss_reason"], lost["lost_at_stage"]) == ("closed_lost", "price", "qualification")
    assert _card(page, deal).locator("[data-test=move-to]").count() == 0  # S3: Closed Lost is left by reopening
    screen.shot("3-lost")

    # The detail: its history names who moved it; reopening is its own action.
    _card(page, deal).get_by_role("link", name=deal["name"]).click()
    me = ae.get("/api/v1/me").json()
    history = page.locator("[data-test=history]")
    history.get_by_text("Prospecting → Qualification").wait_for()
    assert history.get_by_text(me["full_name"]).count() >= 2
    assert page.locator("[data-test=next-stage]").count() == 0
    page.locator("[data-test=reopen-stage]").select_option("proposal")
    page.locator("[data-test=reopen]").click()
    page.locator("[data-test=stage]").get_by_text("Proposal").wait_for()
    reopened = ae.get(f"/api/v1/opportunities/{deal['id']}").json()
    assert reopened["stage"] == "proposal" and reopened["loss_reason"] == ""
    screen.shot("4-reopened")


def test_a_change_made_first_by_someone_else_is_shown(screen, as_user, deal):
    page = screen.page
    ae, rsm = as_user("ae.ne"), as_user("rsm.east")
    screen.go("/pipeline")
    screen.login("ae.ne")
    _card(page, deal).wait_for()
    # The RSM changes the deal after the board was read: the AE's move carries a stale If-Match.
    assert rsm.patch(f"/api/v1/opportunities/{deal['id']}", json={"amount": "2000.00"}).status_code == 200
    _card(page, deal).drag_to(page.locator("section[data-stage=qualification]"))
    notice = page.locator("[data-test=board-notice]")
    notice.get_by_text(f"Someone changed {deal['name']} meanwhile").wait_for()
    assert notice.get_attribute("role") == "alert"
    _card(page, deal).get_by_text("$2,000.00").wait_for()  # reloaded with the RSM's change
    assert ae.get(f"/api/v1/opportunities/{deal['id']}").json()["stage"] == "prospecting"
    screen.shot("1-board-conflict")

    # The detail: the AE edits while the RSM renames; saving shows what changed and keeps the AE's edit.
    page.goto(f"{screen.url}/opportunities/{deal['id']}")
    page.locator("[data-test=edit]").click()
    form = page.locator("[data-test=edit-form]")
    form.locator("input[name=amount]").fill("2500.00")
    assert rsm.patch(f"/api/v1/opportunities/{deal['id']}", json={"name": f"{deal['name']} renamed"}).status_code == 200
    form.locator("[data-test=save]").click()
    conflict = page.locator("[data-test=conflict]")
    conflict.get_by_text("Someone changed this while you were editing").wait_for()
    conflict.get_by_text(f"Name: {deal['name']} → {deal['name']} renamed").wait_for()
    assert form.locator("input[name=name]").input_value() == f"{deal['name']} renamed"  # theirs, shown
    assert form.locator("input[name=amount]").input_value() == "2500.00"  # the AE's own edit, kept
    screen.shot("2-detail-conflict")
    form.locator("[data-test=save]").click()  # on the new version now
    form.wait_for(state="detached")
    stored = ae.get(f"/api/v1/opportunities/{deal['id']}").json()
    assert (stored["amount"], stored["name"]) == ("2500.00", f"{deal['name']} renamed")


def test_an_sdr_reads_an_opportunity_with_no_control_to_change_it(screen, deal):
    page = screen.page
    screen.go(f"/opportunities/{deal['id']}")
    screen.login("sdr1")
    page.locator("[data-test=opportunity-name]").get_by_text(deal["name"]).wait_for()
    page.locator("[data-test=read-only]").wait_for()
    page.locator("[data-test=field-amount]").get_by_text("$1,234.56").wait_for()
    for control in ("edit", "next-stage", "reopen-stage", "change-stage"):
        assert page.locator(f"[data-test={control}]").count() == 0, control
    assert page.get_by_role("link", name="Pipeline").count() == 1  # the sales pages are offered to SDRs
    screen.shot("1-sdr-detail")
    page.get_by_role("link", name="Pipeline").click()
    _card(page, deal).wait_for()
    assert _card(page, deal).locator("[data-test=move-to]").count() == 0
    assert _card(page, deal).get_attribute("draggable") == "false"
    screen.shot("2-sdr-board")


@pytest.mark.parametrize("screen", [PHONE], indirect=True)
def test_on_a_phone_the_board_is_a_stage_picker_without_horizontal_scroll(screen, as_user, deal):
    page = screen.page
    screen.go("/pipeline")
    screen.login("ae.ne")
    picker = page.locator("[data-test=stage-picker]")
    picker.wait_for()
    _card(page, deal).wait_for()
    assert page.locator("section.column").count() == 1  # one stage at a time
    assert screen.no_horizontal_scroll()
    screen.shot("1-phone-board")
    _card(page, deal).get_by_label(f"Move {deal['name']} to").select_option("qualification")
    page.locator("[data-test=board-notice]").get_by_text(f"{deal['name']} moved to Qualification.").wait_for()
    picker.select_option("qualification")
    _card(page, deal).wait_for()
    assert screen.no_horizontal_scroll()
    assert as_user("ae.ne").get(f"/api/v1/opportunities/{deal['id']}").json()["stage"] == "qualification"
    screen.shot("2-phone-moved")
    page.goto(f"{screen.url}/opportunities/{deal['id']}")
    page.locator("[data-test=history]").get_by_text("Prospecting → Qualification").wait_for()
    assert screen.no_horizontal_scroll()
    screen.shot("3-phone-detail")
    page.goto(f"{screen.url}/opportunities")
    page.locator("[data-test=opportunities]").get_by_text(deal["name"]).wait_for()
    assert screen.no_horizontal_scroll()
    screen.shot("4-phone-list")


def test_an_ae_creates_an_opportunity_from_the_account_360_and_finds_it_in_the_list(screen, as_user, deal,
                                                                                      ne_account):  # noqa: F811
    page = screen.page
    ae = as_user("ae.ne")
    screen.go(f"/accounts/{ne_account}")
    screen.login("ae.ne")
    listed = page.locator("[data-test=open-opportunities]")
    listed.get_by_role("link", name=deal["name"]).wait_for()  # item 8: the account's open opportunities
    listed.locator("[data-test=new-opportunity]").click()
    form = page.locator("[data-test=opportunity-create]")
    name = f"From the 360 {uuid.uuid4().hex[:6]}"
    form.locator("input[name=name]").fill(name)
    form.locator("input[name=amount]").fill("3300.10")
    form.locator("input[name=close_date]").fill("2028-01-15")
    screen.shot("1-new-opportunity")
    form.locator("[data-test=create-opportunity]").click()
    page.wait_for_url(lambda u: "/opportunities/" in u)
    page.locator("[data-test=opportunity-name]").get_by_text(name).wait_for()
    created = ae.get(f"/api/v1/opportunities/{page.url.rsplit('/', 1)[1]}").json()
    assert (created["name"], created["amount"], created["currency"], created["close_date"]) == (
        name, "3300.10", "USD", "2028-01-15")
    assert created["type"] == "add_on" and created["account_id"] == ne_account  # OPP-1: a customer's type
    page.locator("[data-test=field-type]").get_by_text("Add-on").wait_for()

    # GEN-3: a competitor is an account of type competitor, picked by name.
    rival = _created(as_user("admin").post("/api/v1/accounts", json={
        "name": f"Rival Kiosks {uuid.uuid4().hex[:6]}", "type": "competitor", "state": "MA"}))
    page.locator("[data-test=edit-competitors]").click()
    page.locator("[data-test=competitor-picker]").click()
    page.keyboard.type(rival["name"][:-2])
    page.locator(".n-base-select-option").filter(has_text=rival["name"]).click()
    page.locator("[data-test=save-competitors]").click()
    page.locator("[data-test=competitors]").get_by_role("link", name=rival["name"]).wait_for()
    assert ae.get(f"/api/v1/opportunities/{created['id']}").json()["competitor_ids"] == [rival["id"]]

    page.get_by_role("link", name="Opportunities").click()
    found = page.locator("[data-test=opportunities]")
    found.get_by_text(deal["name"]).wait_for()
    page.locator("[data-test=close-from]").fill("2028-01-15")
    page.locator("[data-test=close-to]").fill("2028-01-15")
    found.get_by_text(name).wait_for()
    found.get_by_text(deal["name"]).wait_for(state="detached")  # it closes in 2027
    page.get_by_role("group", name="Stage").get_by_role("button", name="Qualification").click()
    found.get_by_text("No opportunities match these filters.").wait_for()
    screen.shot("2-list-filtered")


def test_the_sales_pages_are_not_offered_outside_the_sales_roles(screen):
    page = screen.page
    screen.go("/accounts")
    screen.login("csr1")
    page.get_by_role("link", name="Accounts").wait_for()
    assert page.get_by_role("link", name="Pipeline").count() == 0
    assert page.get_by_role("link", name="Opportunities").count() == 0
