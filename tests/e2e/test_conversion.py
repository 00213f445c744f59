"""Lead conversion end to end (LEAD-5, LEAD-6, LEAD-7): a visitor's form becomes a lead, the SDR
qualifies and converts it, the account lands with the territory's AE, the AE is emailed (a real
SMTP server receives it), and retries or concurrent conversions create nothing twice."""
from __future__ import annotations

import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from tests.e2e.support import submission

pytestmark = pytest.mark.e2e
FORM = "/api/v1/web-forms/how-to-spec-out-a-kiosk/submissions"


def qualified_lead(anonymous, sdr, **overrides) -> dict:
    body = submission(company=f"Granite Foods {uuid.uuid4().hex[:6]}", state="VT", **overrides)  # VT: New England
    assert anonymous.post(FORM, json=body).status_code == 202
    for _ in range(100):
        items = sdr.get("/api/v1/leads", params={"q": body["email"]}).json()["items"]
        if items:
            break
        time.sleep(0.1)
    [lead] = items
    r = sdr.patch(f"/api/v1/leads/{lead['id']}", json={"status": "Qualified"})
    assert r.status_code == 200, r.text
    return r.json()


def test_sdr_converts_and_the_territory_ae_gets_the_account_and_an_email(
        anonymous, as_user, user_ids, accounts_directory, mail_sink):
    sdr = as_user("sdr1")
    lead = qualified_lead(anonymous, sdr)
    r = sdr.post(f"/api/v1/leads/{lead['id']}/convert", json={})
    assert r.status_code == 200, r.text
    converted = r.json()
    assert converted["account_owner_id"] == user_ids["ae.ne"]
    assert converted["lead"]["status"] == "Customer"
    assert converted["lead"]["converted_account_id"] == converted["account_id"]
    assert converted["lead"]["converted_contact_id"] == converted["contact_id"]

    account = as_user("ae.ne").get(f"/api/v1/accounts/{converted['account_id']}")
    assert account.status_code == 200 and account.json()["name"] == lead["company"]
    assert account.json()["owner_id"] == user_ids["ae.ne"] and account.json()["type"] == "prospect"
    contacts = as_user("ae.ne").get("/api/v1/contacts", params={"account_id": converted["account_id"]}).json()
    assert [c["id"] for c in contacts["items"]] == [converted["contact_id"]]
    assert as_user("ae.pac").get(f"/api/v1/accounts/{converted['account_id']}").status_code == 404

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        mine = [m for m in mail_sink.messages if lead["company"] in str(m.message["Subject"])]
        if mine:
            break
        time.sleep(0.2)
    assert len(mine) == 1, [str(m.message["Subject"]) for m in mail_sink.messages]
    assert mine[0].rcpt_to == ["ae.ne@abbott-ltd.demo"]
    assert converted["account_id"] in mine[0].message.get_body(("plain",)).get_content()


def test_retried_and_concurrent_conversions_create_one_account_and_one_contact(
        anonymous, as_user, accounts_directory, mail_sink):
    sdr = as_user("sdr2")
    lead = qualified_lead(anonymous, sdr)
    token = sdr.http.headers["Authorization"]

    def convert(_):
        with httpx.Client(base_url=str(sdr.http.base_url), timeout=60, headers={"Authorization": token}) as c:
            return c.post(f"/api/v1/leads/{lead['id']}/convert", json={})

    with ThreadPoolExecutor(5) as pool:
        answers = list(pool.map(convert, range(5)))
    answers += [convert(0), convert(0)]
    assert {a.status_code for a in answers} == {200}, [a.text for a in answers]
    assert len({(a.json()["account_id"], a.json()["contact_id"]) for a in answers}) == 1
    accounts = as_user("admin").get("/api/v1/accounts", params={"q": lead["company"]}).json()["items"]
    assert len(accounts) == 1
    contacts = as_user("admin").get("/api/v1/contacts", params={"account_id": accounts[0]["id"]}).json()["items"]
    assert len(contacts) == 1
    time.sleep(2)  # give a duplicate email every chance to show up
    assert len([m for m in mail_sink.messages if lead["company"] in str(m.message["Subject"])]) == 1


def test_person_added_to_an_existing_account(anonymous, as_user, accounts_directory):
    """LEAD-5: the SDR finds the company in the directory and adds the person to it."""
    admin = as_user("admin")
    existing = admin.post("/api/v1/accounts", json={"name": f"Keystone {uuid.uuid4().hex[:6]}", "type": "customer",
                                                     "state": "VT"}).json()
    sdr = as_user("sdr3")
    lead = qualified_lead(anonymous, sdr)
    r = sdr.post(f"/api/v1/leads/{lead['id']}/convert", json={"existing_account_id": existing["id"]})
    assert r.status_code == 200, r.text
    assert r.json()["account_id"] == existing["id"]
    contacts = admin.get("/api/v1/contacts", params={"account_id": existing["id"]}).json()["items"]
    assert [c["id"] for c in contacts] == [r.json()["contact_id"]]


@pytest.mark.parametrize("username", ["marketing", "ae.ne", "csr1"])
def test_only_sdrs_and_managers_convert(anonymous, as_user, username):
    lead = qualified_lead(anonymous, as_user("sdr1"))
    r = as_user(username).post(f"/api/v1/leads/{lead['id']}/convert", json={})
    assert r.status_code == 403
    assert r.headers["content-type"].startswith("application/problem+json")


def test_a_lead_that_is_not_qualified_does_not_convert(anonymous, as_user):
    body = submission()
    anonymous.post(FORM, json=body)
    sdr = as_user("sdr1")
    for _ in range(100):
        items = sdr.get("/api/v1/leads", params={"q": body["email"]}).json()["items"]
        if items:
            break
        time.sleep(0.1)
    r = sdr.post(f"/api/v1/leads/{items[0]['id']}/convert", json={})
    assert r.status_code == 422
    assert "status" in [e["field"] for e in r.json()["errors"]]


def test_accounts_down_leaves_the_lead_qualified_and_answers_503(platform, anonymous, as_user, accounts_directory):
    sdr = as_user("sdr1")
    lead = qualified_lead(anonymous, sdr)
    accounts = platform.process("accounts")
    accounts.stop()
    try:
        r = sdr.post(f"/api/v1/leads/{lead['id']}/convert", json={})
        assert r.status_code == 503, r.text
        assert sdr.get(f"/api/v1/leads/{lead['id']}").json()["status"] == "Qualified"
    finally:
        accounts.start()
        platform.wait_ready()
    deadline = time.monotonic() + 15  # a 503 means "retry later": the leads service reconnects within seconds
    while (r := sdr.post(f"/api/v1/leads/{lead['id']}/convert", json={})).status_code == 503:
        assert time.monotonic() < deadline, r.text
        time.sleep(0.5)
    assert r.status_code == 200, r.text
