"""Record visibility across territories (SEC-3..5, DESIGN.md section 2), through the real platform.

Fifty accounts in three territories, each owned by its territory's AE: New England (ae.ne) and
Middle Atlantic (ae.ma) under rsm.east, Pacific (ae.pac) under rsm.west. No AE reads, lists or walks
the tree of an account outside their visibility; each RSM sees their own AEs' accounts only; a share
shows one account to another AE and revoking hides it again; SDRs and CSRs see the directory fields
of every account and nothing else; the admin sees everything in full."""
from __future__ import annotations

import uuid

import pytest

from tests.e2e.support import Api

pytestmark = pytest.mark.e2e

# territory -> (its AE, the states the accounts are in, how many)
PLAN = {"NE": ("ae.ne", ("MA", "CT", "VT"), 20), "MA": ("ae.ma", ("NY", "NJ", "PA"), 15),
        "PAC": ("ae.pac", ("CA", "WA", "OR"), 15)}
DIRECTORY = {"id", "name", "type", "subtype", "status", "territory", "owner_id", "parent_id", "directory_only"}


def listed(api: Api, token: str) -> dict[str, dict]:
    """Every account whose name carries `token` that `api` may list, walking the cursor pages."""
    found: dict[str, dict] = {}
    cursor = None
    while True:
        r = api.get("/api/v1/accounts", params={"q": token, "limit": 20, "sort": "name",
                                                **({"cursor": cursor} if cursor else {})})
        assert r.status_code == 200, r.text
        found.update({a["id"]: a for a in r.json()["items"]})
        cursor = r.json()["next_cursor"]
        if not cursor:
            return found


@pytest.fixture(scope="module")
def book(as_user, user_ids, accounts_directory) -> dict:
    """The fifty accounts, created by the admin; territory -> their ids. Each New England company has
    an office under it, so trees are walked too."""
    admin = as_user("admin")
    token = f"vis{uuid.uuid4().hex[:8]}"
    ids: dict[str, list[str]] = {code: [] for code in PLAN}
    for code, (ae, states, count) in PLAN.items():
        for n in range(count):
            parent = ids[code][0] if code == "NE" and n % 2 else ""
            body = {"name": f"{token} {code} {n:02d}", "type": "customer", "state": states[n % len(states)],
                    "street": f"{n} Harbor Way", "city": "Springfield", "postal_code": "01101", "country": "US",
                    "customer_accounting_id": f"{token}-{code}-{n}",
                    **({"subtype": "office", "parent_id": parent} if parent else {})}
            r = admin.post("/api/v1/accounts", json=body)
            assert r.status_code == 201, r.text
            assert (r.json()["territory"], r.json()["owner_id"]) == (code, user_ids[ae]), r.text
            ids[code].append(r.json()["id"])
    assert sum(len(v) for v in ids.values()) == 50
    return {"token": token, "ids": ids}


def everyone_but(book: dict, *codes: str) -> list[str]:
    return [i for code, found in book["ids"].items() if code not in codes for i in found]


@pytest.mark.parametrize("territory", list(PLAN))
def test_an_ae_sees_only_their_territory(as_user, book, territory):
    """SEC-3: list, search, get, hierarchy, overview, orders and finance all stop at the AE's
    territory; the rest is 404."""
    ae = as_user(PLAN[territory][0])
    mine = set(book["ids"][territory])
    seen = listed(ae, book["token"])
    assert set(seen) == mine
    assert all(not a["directory_only"] and a["territory"] == territory for a in seen.values())
    found = ae.get("/api/v1/search/accounts", params={"q": book["token"], "limit": 200})
    assert found.status_code == 200 and {a["id"] for a in found.json()["items"]} == mine
    for account_id in everyone_but(book, territory):
        for path in (f"/api/v1/accounts/{account_id}", f"/api/v1/accounts/{account_id}/hierarchy",
                     f"/api/v1/accounts/{account_id}/shares", f"/api/v1/contacts?account_id={account_id}",
                     f"/api/v1/accounts/{account_id}/overview", f"/api/v1/accounts/{account_id}/sales-orders",
                     f"/api/v1/accounts/{account_id}/finance"):
            r = ae.get(path)
            assert r.status_code == 404, f"{ae.username} {path}: {r.status_code} {r.text}"
            assert r.headers["content-type"].startswith("application/problem+json")
        assert ae.patch(f"/api/v1/accounts/{account_id}", json={"city": "Elsewhere"}).status_code == 404
    own = book["ids"][territory][0]
    assert ae.get(f"/api/v1/accounts/{own}").json()["customer_accounting_id"].startswith(book["token"])


def test_the_ne_tree_is_walked_by_its_ae_only(as_user, book):
    root = book["ids"]["NE"][0]
    tree = as_user("ae.ne").get(f"/api/v1/accounts/{book['ids']['NE'][1]}/hierarchy")
    assert tree.status_code == 200, tree.text
    assert tree.json()["root_id"] == root
    assert {a["id"] for a in tree.json()["items"]} == {root, *book["ids"]["NE"][1::2]}
    assert as_user("ae.ne").get(f"/api/v1/accounts/{root}").json()["number_of_locations"] == 10
    assert as_user("ae.pac").get(f"/api/v1/accounts/{root}/hierarchy").status_code == 404


@pytest.mark.parametrize(("rsm", "territories"), [("rsm.east", ("NE", "MA")), ("rsm.west", ("PAC",))])
def test_an_rsm_sees_their_aes_accounts_only(as_user, book, rsm, territories):
    """SEC-4: rsm.east has ae.ne and ae.ma; rsm.west has ae.pac."""
    api = as_user(rsm)
    expected = {i for code in territories for i in book["ids"][code]}
    seen = listed(api, book["token"])
    assert set(seen) == expected and not any(a["directory_only"] for a in seen.values())
    for account_id in everyone_but(book, *territories):
        assert api.get(f"/api/v1/accounts/{account_id}").status_code == 404
        assert api.get(f"/api/v1/accounts/{account_id}/hierarchy").status_code == 404


def test_a_share_shows_one_account_and_revoking_hides_it(as_user, user_ids, book):
    """SEC-5: ae.ne shares one New England account with ae.pac; only that one becomes visible."""
    owner, other = as_user("ae.ne"), as_user("ae.pac")
    account_id = book["ids"]["NE"][2]
    url = f"/api/v1/accounts/{account_id}"
    assert other.get(url).status_code == 404
    shared = owner.post(f"{url}/shares", json={"user_id": user_ids["ae.pac"], "access": "read"})
    assert shared.status_code == 201, shared.text
    got = other.get(url)
    assert got.status_code == 200 and got.json()["customer_accounting_id"].startswith(book["token"])
    assert set(listed(other, book["token"])) == set(book["ids"]["PAC"]) | {account_id}
    assert other.get(f"/api/v1/accounts/{book['ids']['NE'][4]}").status_code == 404
    assert other.patch(url, json={"city": "Fresno"}).status_code == 403  # a read share does not edit
    revoked = owner.delete(f"{url}/shares/{user_ids['ae.pac']}")
    assert revoked.status_code == 204, revoked.text
    assert other.get(url).status_code == 404
    assert set(listed(other, book["token"])) == set(book["ids"]["PAC"])


@pytest.mark.parametrize("username", ["sdr1", "csr1"])
def test_sdrs_and_csrs_see_the_directory_only(as_user, book, username):
    """DESIGN 2: name, type, status, territory, owner of every account; no accounting id, no address."""
    api = as_user(username)
    seen = listed(api, book["token"])
    assert set(seen) == {i for found in book["ids"].values() for i in found}
    for account in seen.values():
        assert set(account) == DIRECTORY and account["directory_only"] is True, account
    for account_id in (book["ids"]["NE"][0], book["ids"]["PAC"][3]):
        got = api.get(f"/api/v1/accounts/{account_id}")
        # A single read also says what the caller may change: nothing, in a directory view (SEC-3).
        assert got.status_code == 200 and set(got.json()) == DIRECTORY | {"editable_fields"}
        assert got.json()["editable_fields"] == []
        assert "etag" not in got.headers


def test_admin_sees_everything_in_full(as_user, book):
    seen = listed(as_user("admin"), book["token"])
    assert set(seen) == {i for found in book["ids"].values() for i in found}
    for account in seen.values():
        assert account["directory_only"] is False
        assert account["customer_accounting_id"].startswith(book["token"]) and account["street"]
