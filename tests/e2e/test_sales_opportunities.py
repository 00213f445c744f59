"""Opportunities through the real platform (OPP-1, OPP-2, S1, S3, S4, SEC-2, LEAD-7): the
authorization matrix of /opportunities for every role, and a converted lead's account taken to a won
opportunity that its forecast then counts. The sales service learns accounts from the accounts
service's events, so each setup waits until its read model has caught up (a few tens of milliseconds, see
services/sales/tests/integration/test_sales_account_events.py)."""
from __future__ import annotations

import time

import pytest

from tests.e2e.test_accounts_authorization import ROLES, USERNAMES, _company, _created
from tests.e2e.test_conversion import qualified_lead

pytestmark = pytest.mark.e2e
DEAL = {"name": "Fleet refresh", "amount": "12500.00", "currency": "USD", "close_date": "2027-03-31"}

# method, path under /api/v1 ({opportunity}: one on the New England company of ae.ne), body, status per role.
MATRIX = [
    #                                                      admin vp  rsm  ae   se   kam  sdr  mkt  vpm  csm  csr  erp
    ("GET", "/opportunities", None,                       (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 403)),
    ("GET", "/opportunities/process", None,               (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 403)),
    ("POST", "/opportunities", "deal",                    (201, 201, 201, 201, 201, 404, 403, 403, 403, 403, 403, 403)),
    ("GET", "/opportunities/{opportunity}", None,         (200, 200, 200, 200, 200, 404, 200, 404, 404, 404, 404, 403)),
    ("PATCH", "/opportunities/{opportunity}", "committed",
                                                          (200, 200, 200, 200, 200, 404, 403, 403, 403, 403, 403, 403)),
    ("POST", "/opportunities/{opportunity}/reopen", "reopen",
                                                          (422, 422, 422, 422, 422, 404, 403, 403, 403, 403, 403, 403)),
    ("PUT", "/opportunities/{opportunity}/sdr-credit", "credit",
                                                          (200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403)),
]
ROWS = [(method, path, body, role, status) for method, path, body, statuses in MATRIX
        for role, status in zip(ROLES, statuses, strict=True)]


def _until_created(api, body: dict, timeout: float = 30.0):
    """POST an opportunity once the sales read model knows its account (NotFound until then)."""
    deadline = time.monotonic() + timeout
    while True:
        r = api.post("/api/v1/opportunities", json=body)
        if r.status_code != 404 or time.monotonic() > deadline:
            return r
        time.sleep(0.05)


@pytest.fixture(scope="module")
def ne_account(as_user, accounts_directory) -> str:
    account = _created(as_user("admin").post("/api/v1/accounts", json=_company("sales")))
    assert _until_created(as_user("ae.ne"), {**DEAL, "account_id": account["id"]}).status_code == 201
    return account["id"]


@pytest.mark.parametrize(("method", "path", "body", "role", "expected"), ROWS,
                         ids=[f"{m} {p} {b or ''} as {r}" for m, p, b, r, _ in ROWS])
def test_the_opportunity_authorization_matrix(as_user, erp, ne_account, method, path, body, role, expected):
    ae = as_user("ae.ne")
    opportunity = _created(ae.post("/api/v1/opportunities", json={**DEAL, "account_id": ne_account}))
    bodies = {"deal": {**DEAL, "account_id": ne_account}, "committed": {"committed": True},
              "reopen": {"stage": "proposal"}, "credit": {"sdr_id": "", "lead_source": "referral"}}
    url = "/api/v1" + path.format(opportunity=opportunity["id"])
    caller = erp if role == "erp" else as_user(USERNAMES[role])
    r = caller.request(method, url, json=bodies[body] if body else None)
    assert r.status_code == expected, r.text
    if expected >= 400:
        assert r.headers["content-type"].startswith("application/problem+json")


def test_a_converted_leads_account_goes_to_a_won_opportunity_with_the_sdr_credited(anonymous, as_user, user_ids,
                                                                                    accounts_directory):
    sdr, ae = as_user("sdr1"), as_user("ae.ne")
    lead = qualified_lead(anonymous, sdr)
    converted = sdr.post(f"/api/v1/leads/{lead['id']}/convert", json={})
    assert converted.status_code == 200, converted.text
    account_id = converted.json()["account_id"]
    created = _until_created(ae, {**DEAL, "account_id": account_id})
    assert created.status_code == 201, created.text
    # The conversion's event may reach sales just after the account's: the SDR is credited either way.
    deadline = time.monotonic() + 30
    while (deal := ae.get(f"/api/v1/opportunities/{created.json()['id']}").json())["sdr_id"] == "" \
            and time.monotonic() < deadline:
        time.sleep(0.05)
    assert (deal["type"], deal["stage"], deal["sdr_id"], deal["lead_source"]) == (
        "net_new", "prospecting", user_ids["sdr1"], "website")
    assert sdr.patch(f"/api/v1/opportunities/{deal['id']}", json={"stage": "proposal"}).status_code == 403
    moved = ae.patch(f"/api/v1/opportunities/{deal['id']}", json={"stage": "negotiation"},
                     headers={"If-Match": f'"{deal["version"]}"'})
    assert moved.status_code == 200, moved.text
    stale = ae.patch(f"/api/v1/opportunities/{deal['id']}", json={"stage": "closed_won"},
                     headers={"If-Match": f'"{deal["version"]}"'})
    assert stale.status_code == 412
    won = ae.patch(f"/api/v1/opportunities/{deal['id']}", json={"stage": "closed_won"},
                   headers={"If-Match": moved.headers["ETag"]})
    assert won.status_code == 200 and won.json()["forecast_category"] == "closed_won"
    detail = ae.get(f"/api/v1/opportunities/{deal['id']}").json()
    assert [(h["from_value"], h["to_value"]) for h in detail["history"] if h["field"] == "stage"] == [
        ("", "prospecting"), ("prospecting", "negotiation"), ("negotiation", "closed_won")]
    # Won on 2027-03-31: in closed won of FY2027-Q1 (January fiscal start), for the AE and their RSM (OPP-3).
    for viewer in (ae, as_user("rsm.east")):
        cell = viewer.get("/api/v1/forecast/cell", params={"period_key": "FY2027-Q1", "owner_id": user_ids["ae.ne"],
                                                           "category": "closed_won"})
        assert cell.status_code == 200, cell.text
        assert deal["id"] in {o["id"] for o in cell.json()["items"]}
