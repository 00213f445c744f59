"""THE AUTHORIZATION MATRIX of accounts, contacts and kiosks (SEC-1, SEC-3..6, GEN-11, DESIGN.md
section 2), through the real platform: every endpoint as every role, allowed or refused.

The records acted on belong to New England: a company in MA owned by ae.ne (so rsm.east's team and
se.east's region), a kiosk location under it with a kiosk, and a contact. Each role is played by one
demo user (the erp API client by an X-API-Key). Refusals are problem+json: 403 when the role may not
do it (at the gateway's route or by the service's policy, naming the field at fault), 404 when the
caller may not see the record. SDRs create prospect companies only (LEAD-6) and add contacts to any
account they see (LEAD-5); only admin and the erp client write customer_accounting_id (SEC-1); only
support and admin write kiosks (SEC-6). Endpoints that change what later cells would see (status,
shares) act on a fresh account per cell. Orders and finance (ACC-3, ACC-4) go with the full view:
directory-only roles are refused them (403) and see an overview without them."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

import pytest

from tests.e2e.support import Api

pytestmark = pytest.mark.e2e

ROLES = ("admin", "vp_sales", "rsm", "ae", "se", "key_account_rep", "sdr", "marketing", "vp_marketing",
         "cs_manager", "csr", "erp")
USERNAMES = {"admin": "admin", "vp_sales": "vp.sales", "rsm": "rsm.east", "ae": "ae.ne", "se": "se.east",
             "key_account_rep": "kam", "sdr": "sdr1", "marketing": "marketing", "vp_marketing": "vp.marketing",
             "cs_manager": "cs.manager", "csr": "csr1"}

# method, path under /api/v1 ({account}, {contact}, {kiosk}, {location}; {fresh}: a new account for
# this cell alone), the body sent (see BODIES), and the status for each role in ROLES order.
MATRIX = [
    #                                                admin vp   rsm  ae   se   kam  sdr  mkt  vpm  csm  csr  erp
    ("GET", "/accounts", None,                      (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    ("POST", "/accounts", "prospect",               (201, 201, 201, 201, 201, 201, 201, 403, 403, 403, 403, 201)),
    ("POST", "/accounts", "customer",               (201, 201, 201, 201, 201, 201, 403, 403, 403, 403, 403, 201)),
    ("POST", "/accounts", "accounting id",          (201, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 201)),
    ("GET", "/accounts/{account}", None,            (200, 200, 200, 200, 200, 404, 200, 200, 200, 200, 200, 200)),
    ("PATCH", "/accounts/{account}", "phone",       (200, 200, 200, 200, 200, 404, 403, 403, 403, 403, 403, 200)),
    ("PATCH", "/accounts/{account}", "accounting id",
                                                    (200, 403, 403, 403, 403, 404, 403, 403, 403, 403, 403, 200)),
    ("POST", "/accounts/{fresh}/deactivate", None,  (200, 200, 200, 200, 200, 404, 403, 403, 403, 403, 403, 200)),
    ("POST", "/accounts/{fresh}/reactivate", None,  (200, 200, 200, 200, 200, 404, 403, 403, 403, 403, 403, 200)),
    ("GET", "/accounts/{account}/hierarchy", None,  (200, 200, 200, 200, 200, 404, 200, 200, 200, 200, 200, 200)),
    ("GET", "/accounts/{account}/overview", None,   (200, 200, 200, 200, 200, 404, 200, 200, 200, 200, 200, 200)),
    ("GET", "/accounts/{account}/sales-orders", None,
                                                    (200, 200, 200, 200, 200, 404, 403, 403, 403, 403, 403, 200)),
    ("GET", "/accounts/{account}/finance", None,    (200, 200, 200, 200, 200, 404, 403, 403, 403, 403, 403, 200)),
    ("GET", "/accounts/{account}/shares", None,     (200, 200, 200, 200, 200, 404, 403, 403, 403, 403, 403, 200)),
    ("POST", "/accounts/{fresh}/shares", "share",   (201, 403, 403, 201, 403, 404, 403, 403, 403, 403, 403, 403)),
    ("DELETE", "/accounts/{fresh}/shares/{grantee}", "revoke",
                                                    (204, 403, 403, 204, 403, 404, 403, 403, 403, 403, 403, 403)),
    ("POST", "/accounts/reassign", "reassign",      (200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403)),
    ("GET", "/contacts?account_id={account}", None, (200, 200, 200, 200, 200, 404, 200, 200, 200, 200, 200, 200)),
    ("POST", "/contacts", "contact",                (201, 201, 201, 201, 201, 404, 201, 403, 403, 403, 403, 201)),
    ("GET", "/contacts/{contact}", None,            (200, 200, 200, 200, 200, 404, 404, 404, 404, 404, 404, 200)),
    ("PATCH", "/contacts/{contact}", "title",       (200, 200, 200, 200, 200, 404, 404, 403, 403, 403, 403, 200)),
    ("GET", "/kiosks?location_account_id={location}", None,
                                                    (200, 200, 200, 200, 200, 404, 200, 200, 200, 200, 200, 200)),
    ("POST", "/kiosks", "kiosk",                    (201, 403, 403, 403, 403, 403, 403, 403, 403, 201, 201, 403)),
    ("GET", "/kiosks/{kiosk}", None,                (200, 200, 200, 200, 200, 404, 404, 404, 404, 200, 200, 200)),
    ("PATCH", "/kiosks/{kiosk}", "software version",
                                                    (200, 403, 403, 403, 403, 403, 403, 403, 403, 200, 200, 403)),
]
# body -> (the field the service's field policy names, the roles it refuses so); other refusals come
# from the gateway's route (no field) or from a record the caller may see but not change ("id").
SALES_WITH_FULL_VIEW = {"vp_sales", "rsm", "ae", "se"}
FIELD_AT_FAULT = {"customer": ("type", {"sdr"}),
                  "accounting id": ("customer_accounting_id", SALES_WITH_FULL_VIEW | {"key_account_rep"}),
                  "share": ("account_id", SALES_WITH_FULL_VIEW - {"ae"}),
                  "revoke": ("account_id", SALES_WITH_FULL_VIEW - {"ae"})}
ROWS = [(method, "/api/v1" + path, body, role, status) for method, path, body, statuses in MATRIX
        for role, status in zip(ROLES, statuses, strict=False)]
FULL_VIEW = {"admin", "vp_sales", "rsm", "ae", "se", "erp"}  # see the New England company in full


@dataclass(frozen=True)
class World:
    account: str
    location: str
    contact: str
    kiosk: str
    grantee: str  # who the fresh accounts are shared with
    nobody: str  # a user who owns no account


def _created(response) -> dict:
    assert response.status_code == 201, response.text
    return response.json()


def _company(tag: str) -> dict:
    return {"name": f"Matrix {tag} {uuid.uuid4().hex[:8]}", "type": "customer", "state": "MA", "street": "1 Main St",
            "city": "Boston", "postal_code": "02110", "country": "US"}


@pytest.fixture(scope="module")
def world(as_user, user_ids, accounts_directory, erp_figures) -> World:
    admin = as_user("admin")
    accounting_id = f"MX-{uuid.uuid4().hex[:8]}"
    account = _created(admin.post("/api/v1/accounts", json={**_company("company"),
                                                            "customer_accounting_id": accounting_id}))
    assert account["owner_id"] == user_ids["ae.ne"] and account["territory"] == "NE"
    location = _created(admin.post("/api/v1/accounts", json={**_company("lot"), "subtype": "kiosk_location",
                                                             "parent_id": account["id"]}))
    contact = _created(admin.post("/api/v1/contacts", json={"account_id": account["id"], "first_name": "Ann",
                                                            "last_name": "Lee"}))
    kiosk = _created(as_user("csr1").post("/api/v1/kiosks", json={
        "serial_number": f"MX-{uuid.uuid4().hex[:8]}", "location_account_id": location["id"]}))
    today = date.today().isoformat()
    assert erp_figures(orders=[{"sales_order_number": f"{accounting_id}-1", "customer_accounting_id": accounting_id,
                                "order_date": today, "total_amount": "10.00"}],
                       finance=[{"customer_accounting_id": accounting_id, "as_of_date": today, "mtd_sales": "10.00",
                                 "ytd_sales": "10.00", "prior_ytd_sales": "0", "credit_limit": "5000",
                                 "past_due_amount": "0"}]) == ["created", "created"]
    return World(account=account["id"], location=location["id"], contact=contact["id"], kiosk=kiosk["id"],
                 grantee=user_ids["ae.pac"], nobody=user_ids["vp.marketing"])


BODIES = {
    "prospect": lambda world, ids: {**_company("prospect"), "type": "prospect"},
    "customer": lambda world, ids: _company("customer"),
    "accounting id": lambda world, ids: {"customer_accounting_id": f"ERP-{uuid.uuid4().hex[:6]}"},
    "phone": lambda world, ids: {"phone": "617-555-0100"},
    "share": lambda world, ids: {"user_id": world.grantee, "access": "read"},
    "reassign": lambda world, ids: {"from_user_id": world.nobody, "to_user_id": ids["ae.ne"]},
    "contact": lambda world, ids: {"account_id": world.account, "first_name": "Bo",
                                   "last_name": f"Diaz {uuid.uuid4().hex[:6]}"},
    "title": lambda world, ids: {"title": "Facilities"},
    "kiosk": lambda world, ids: {"serial_number": f"MX-{uuid.uuid4().hex[:8]}", "location_account_id": world.location},
    "software version": lambda world, ids: {"software_version": "5.0.1"},
    "revoke": lambda world, ids: None,
}


def _body(name: str | None, method: str, world: World, user_ids: dict[str, str]) -> dict | None:
    """The body of a cell; creating an account with an accounting id sends a whole prospect company."""
    if name is None:
        return None
    body = BODIES[name](world, user_ids)
    return {**BODIES["prospect"](world, user_ids), **body} if name == "accounting id" and method == "POST" else body


def _fresh(admin: Api, world: World, path: str) -> str:
    """A new New England account for one cell; shared with the grantee when the cell revokes the share."""
    fresh = _created(admin.post("/api/v1/accounts", json=_company("fresh")))
    if "/shares/" in path:
        _created(admin.post(f"/api/v1/accounts/{fresh['id']}/shares", json={"user_id": world.grantee,
                                                                           "access": "read"}))
    return fresh["id"]


def _check_allowed(method: str, path: str, role: str, answer: dict) -> None:
    """What an allowed read shows: the company in full or its directory; contacts and kiosks or none."""
    if path == "/api/v1/accounts/{account}" and method == "GET":
        assert answer["directory_only"] is (role not in FULL_VIEW)
        assert ("customer_accounting_id" in answer or "street" in answer) is (role in FULL_VIEW)
    elif path == "/api/v1/contacts?account_id={account}":
        assert (len(answer["items"]) > 0) is (role in FULL_VIEW), answer  # contacts follow the account in full
    elif path.endswith("/overview"):
        assert answer["account"]["directory_only"] is (role not in FULL_VIEW)
        assert ("finance" in answer and "orders" in answer) is (role in FULL_VIEW), answer
    elif path.endswith("/sales-orders"):
        assert [order["total_amount"] for order in answer["items"]] == ["10.00"]
    elif path.endswith("/finance"):
        assert answer["mtd_sales"] == "10.00"
    elif path.startswith("/api/v1/kiosks?"):
        assert (len(answer["items"]) > 0) is (role in FULL_VIEW | {"csr", "cs_manager"}), answer


@pytest.mark.parametrize(("method", "path", "body", "role", "expected"), ROWS,
                         ids=[f"{m} {p.removeprefix('/api/v1')} {b or ''} as {r}" for m, p, b, r, _ in ROWS])
def test_authorization_matrix(method, path, body, role, expected, world, as_user, user_ids, erp):
    caller = erp if role == "erp" else as_user(USERNAMES[role])
    fresh = _fresh(as_user("admin"), world, path) if "{fresh}" in path else ""
    url = path.format(account=world.account, location=world.location, contact=world.contact, kiosk=world.kiosk,
                      grantee=world.grantee, fresh=fresh)
    if path.endswith("/reactivate"):
        assert as_user("admin").post(url.replace("/reactivate", "/deactivate")).status_code == 200
    response = caller.request(method, url, json=_body(body, method, world, user_ids))
    assert response.status_code == expected, f"{method} {url} as {role}: {response.status_code} {response.text}"
    if expected >= 400:
        assert response.headers["content-type"].startswith("application/problem+json")
        problem = response.json()
        kind = {403: "forbidden", 404: "not_found"}[expected]
        assert (problem["status"], problem["type"]) == (expected, f"urn:crm:problem:{kind}"), problem
        assert problem["detail"] and isinstance(problem["errors"], list)
        field, refused = FIELD_AT_FAULT.get(body, ("", set()))
        if expected == 403 and role in refused:
            assert field in [e["field"] for e in problem["errors"]], problem
    elif expected != 204:
        _check_allowed(method, path, role, response.json())
