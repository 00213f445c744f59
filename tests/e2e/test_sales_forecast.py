"""Forecasts and quotas through the real platform (OPP-3, S5): the authorization matrix of /forecast and
/quotas for every role, and the behaviour: an AE's won deal in closed won of its fiscal quarter, the RSM's
and the VP's totals as the sum of the AE cells, a forecast as of an instant before a stage change, quota
entry and attainment. Each behaviour works in a fiscal year of its own (the platform is shared by the
session), with the default fiscal calendar (January start)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from tests.e2e.test_accounts_authorization import ROLES, USERNAMES, _company, _created
from tests.e2e.test_sales_opportunities import _until_created

pytestmark = pytest.mark.e2e
CATEGORIES = ("pipeline", "best_case", "commit", "closed_won", "omitted")
REFUSED = (403, 403, 403, 403, 403, 403)  # sdr, marketing, vp_marketing, cs_manager, csr, erp

# method, path under /api/v1 ({me}: the caller's user id; {ae}: ae.ne's), body, status per role.
MATRIX = [
    #                                                          admin vp   rsm  ae   se   kam  (sdr mkt vpm csm csr erp)
    ("GET", "/forecast?period=quarter&fiscal_year=2027", None, (200, 200, 200, 200, 200, 200, *REFUSED)),
    ("GET", "/forecast?period=month&fiscal_year=2027&as_of=2026-12-01", None,
                                                               (200, 200, 200, 200, 200, 200, *REFUSED)),
    ("GET", "/forecast/cell?period_key=FY2027-Q1&owner_id={me}&category=pipeline", None,
                                                               (200, 200, 200, 200, 200, 200, *REFUSED)),
    ("PUT", "/quotas/{ae}/FY2030-Q1", "quota",                 (200, 200, 200, 403, 403, 403, *REFUSED)),
    ("GET", "/quotas?fiscal_year=2030", None,                  (200, 200, 200, 200, 200, 200, *REFUSED)),
]
ROWS = [(method, path, body, role, status) for method, path, body, statuses in MATRIX
        for role, status in zip(ROLES, statuses, strict=True)]


@pytest.fixture(scope="module")
def ne_account(as_user, accounts_directory) -> str:
    """A New England customer (ae.ne's territory, rsm.east's team), known to the sales service."""
    account = _created(as_user("admin").post("/api/v1/accounts", json=_company("forecast")))
    probe = {"name": "probe", "amount": "0.00", "currency": "USD", "close_date": "2040-01-01",
             "account_id": account["id"]}
    assert _until_created(as_user("ae.ne"), probe).status_code == 201
    return account["id"]


@pytest.mark.parametrize(("method", "path", "body", "role", "expected"), ROWS,
                         ids=[f"{m} {p} {b or ''} as {r}" for m, p, b, r, _ in ROWS])
def test_the_forecast_authorization_matrix(as_user, erp, user_ids, method, path, body, role, expected):
    caller = erp if role == "erp" else as_user(USERNAMES[role])
    me = user_ids.get(USERNAMES.get(role, ""), "someone")
    url = "/api/v1" + path.format(me=me, ae=user_ids["ae.ne"])
    r = caller.request(method, url, json={"amount": "1000.00"} if body == "quota" else None)
    assert r.status_code == expected, r.text
    if expected >= 400:
        assert r.headers["content-type"].startswith("application/problem+json")


def _deal(api, account: str, amount: str, close_date: str, **more) -> dict:
    return _created(api.post("/api/v1/opportunities", json={"name": f"Forecast {amount}", "amount": amount,
                                                             "currency": "USD", "close_date": close_date,
                                                             "account_id": account, **more}))


def _cell(grid: dict, period_key: str, owner_id: str, category: str) -> Decimal:
    found = [c for c in grid["cells"] if (c["period_key"], c["owner_id"], c["category"]) == (period_key, owner_id,
                                                                                            category)]
    return Decimal(found[0]["converted"]) if found else Decimal(0)


def _forecast(api, fiscal_year: int, **params) -> dict:
    r = api.get("/api/v1/forecast", params={"period": "quarter", "fiscal_year": fiscal_year, **params})
    assert r.status_code == 200, r.text
    return r.json()


def test_an_aes_won_deal_appears_in_closed_won_of_its_fiscal_quarter(as_user, user_ids, ne_account):
    ae = as_user("ae.ne")
    deal = _deal(ae, ne_account, "1234.56", "2031-05-20")
    won = ae.patch(f"/api/v1/opportunities/{deal['id']}", json={"stage": "closed_won"})
    assert won.status_code == 200, won.text
    grid = _forecast(ae, 2031)
    assert [p["key"] for p in grid["periods"]] == ["FY2031-Q1", "FY2031-Q2", "FY2031-Q3", "FY2031-Q4"]
    assert _cell(grid, "FY2031-Q2", user_ids["ae.ne"], "closed_won") == Decimal("1234.56")
    assert {o["id"] for o in grid["owners"]} == {user_ids["ae.ne"]}  # an AE's forecast is their own
    monthly = _forecast(ae, 2031, period="month")
    assert _cell(monthly, "FY2031-M05", user_ids["ae.ne"], "closed_won") == Decimal("1234.56")
    cell = ae.get("/api/v1/forecast/cell", params={"period_key": "FY2031-Q2", "owner_id": user_ids["ae.ne"],
                                                   "category": "closed_won"})
    assert cell.status_code == 200, cell.text
    assert [o["id"] for o in cell.json()["items"]] == [deal["id"]] and cell.json()["converted"] == "1234.56"
    other = ae.get("/api/v1/forecast", params={"period": "quarter", "fiscal_year": 2031,
                                                "owner_id": user_ids["ae.ma"]})
    assert other.status_code == 403, other.text


def test_the_rsm_and_vp_totals_equal_the_sum_of_the_ae_cells(as_user, user_ids, ne_account):
    ae, admin = as_user("ae.ne"), as_user("admin")
    _deal(ae, ne_account, "100.01", "2032-01-10")
    _deal(ae, ne_account, "200.02", "2032-02-10", committed=True)
    _deal(admin, ne_account, "300.03", "2032-08-10", owner_id=user_ids["ae.ma"])  # ae.ma, also rsm.east's
    rsm_grid, vp_grid = _forecast(as_user("rsm.east"), 2032), _forecast(as_user("vp.sales"), 2032)
    for grid, manager in ((rsm_grid, "rsm.east"), (vp_grid, "rsm.east"), (vp_grid, "vp.sales")):
        team = next(t for t in grid["teams"] if t["manager_id"] == user_ids[manager])
        assert {user_ids["ae.ne"], user_ids["ae.ma"]} <= set(team["owner_ids"])
        for period in grid["periods"]:
            for category in CATEGORIES:
                summed = sum((_cell(grid, period["key"], owner, category) for owner in team["owner_ids"]), Decimal(0))
                rolled = [Decimal(c["converted"]) for c in team["cells"]
                          if (c["period_key"], c["category"]) == (period["key"], category)]
                assert (rolled[0] if rolled else Decimal(0)) == summed
    for grid in (rsm_grid, vp_grid):
        every = sum((Decimal(c["converted"]) for c in grid["cells"]), Decimal(0))
        assert sum((Decimal(c["converted"]) for c in grid["totals"]), Decimal(0)) == every == Decimal("600.06")
        assert _cell(grid, "FY2032-Q1", user_ids["ae.ne"], "commit") == Decimal("200.02")
        assert _cell(grid, "FY2032-Q3", user_ids["ae.ma"], "pipeline") == Decimal("300.03")
    assert {t["manager_id"] for t in rsm_grid["teams"]} == {user_ids["rsm.east"]}
    west = _forecast(as_user("rsm.west"), 2032)
    assert west["cells"] == []  # New England is none of rsm.west's team's territories
    only_ma = _forecast(as_user("vp.sales"), 2032, owner_id=user_ids["ae.ma"])
    assert {c["owner_id"] for c in only_ma["cells"]} == {user_ids["ae.ma"]}


def test_as_of_an_instant_before_a_stage_change_shows_the_old_category(as_user, user_ids, ne_account):
    ae, rsm = as_user("ae.ne"), as_user("rsm.east")
    deal = _deal(ae, ne_account, "777.77", "2033-03-03")
    moved = ae.patch(f"/api/v1/opportunities/{deal['id']}", json={"stage": "negotiation"})
    assert moved.status_code == 200, moved.text
    history = ae.get(f"/api/v1/opportunities/{deal['id']}").json()["history"]
    created_at = next(h["at"] for h in history if h["field"] == "stage" and h["from_value"] == "")
    before, live = _forecast(rsm, 2033, as_of=created_at), _forecast(rsm, 2033)
    owner = user_ids["ae.ne"]
    assert _cell(before, "FY2033-Q1", owner, "pipeline") == Decimal("777.77")
    assert _cell(before, "FY2033-Q1", owner, "best_case") == Decimal(0) and before["as_of"]
    assert _cell(live, "FY2033-Q1", owner, "best_case") == Decimal("777.77") and live["as_of"] is None
    cell = rsm.get("/api/v1/forecast/cell", params={"period_key": "FY2033-Q1", "owner_id": owner,
                                                    "category": "pipeline", "as_of": created_at})
    assert [o["id"] for o in cell.json()["items"]] == [deal["id"]] and cell.json()["items"][0]["stage"] == "prospecting"
    yesterday = _forecast(rsm, 2033, as_of="2026-01-01")
    assert _cell(yesterday, "FY2033-Q1", owner, "pipeline") == Decimal(0)  # it did not exist then
    for params, field in (({"period": "week"}, "period"), ({"as_of": "2026-02-30"}, "as_of"),
                          ({"as_of": "soon"}, "as_of"), ({"fiscal_year": "next"}, "fiscal_year")):
        r = rsm.get("/api/v1/forecast", params={"period": "quarter", "fiscal_year": 2033, **params})
        assert r.status_code == 422 and r.headers["content-type"].startswith("application/problem+json"), r.text
        assert field in {e["field"] for e in r.json()["errors"]}, r.text
    r = rsm.get("/api/v1/forecast/cell", params={"period_key": "FY2033-Q5", "owner_id": owner, "category": "maybe"})
    assert r.status_code == 422 and {"period_key", "category"} <= {e["field"] for e in r.json()["errors"]}


def test_quota_entry_and_attainment(as_user, user_ids, ne_account):
    ae, rsm, vp = as_user("ae.ne"), as_user("rsm.east"), as_user("vp.sales")
    deal = _deal(ae, ne_account, "1250.00", "2034-04-15")
    assert ae.patch(f"/api/v1/opportunities/{deal['id']}", json={"stage": "closed_won"}).status_code == 200
    url = f"/api/v1/quotas/{user_ids['ae.ne']}/FY2034-Q2"
    set_ = rsm.put(url, json={"amount": "5000"})
    assert set_.status_code == 200, set_.text
    assert (set_.json()["amount"], set_.json()["currency"], set_.headers["ETag"]) == ("5000.00", "USD", '"1"')
    assert rsm.put(url, json={"amount": "4000"}, headers={"If-Match": '"7"'}).status_code == 412
    assert rsm.put(f"/api/v1/quotas/{user_ids['rsm.east']}/FY2034-Q2", json={"amount": "1"}).status_code == 403
    assert as_user("rsm.west").put(url, json={"amount": "1"}).status_code == 403
    assert vp.put(f"/api/v1/quotas/{user_ids['rsm.east']}/FY2034-Q2", json={"amount": "20000"}).status_code == 200
    for body, field in (({"amount": "-1"}, "amount"), ({"amount": "1", "currency": "EUR"}, "currency"),
                        ({"amount": "1", "extra": 1}, "extra")):
        r = rsm.put(url, json=body)
        assert r.status_code == 422 and field in {e["field"].split(".")[-1] for e in r.json()["errors"]}, r.text
    bad_key = rsm.put(f"/api/v1/quotas/{user_ids['ae.ne']}/FY2034-Q7", json={"amount": "1"})
    assert bad_key.status_code == 422 and "period_key" in {e["field"] for e in bad_key.json()["errors"]}
    grid = _forecast(ae, 2034)
    assert [(q["owner_id"], q["period_key"], q["closed_won"], q["attainment"]) for q in grid["quotas"]] == [
        (user_ids["ae.ne"], "FY2034-Q2", "1250.00", "25.00")]
    mine = ae.get("/api/v1/quotas", params={"fiscal_year": 2034}).json()["items"]
    assert [(q["owner_id"], q["attainment"]) for q in mine] == [(user_ids["ae.ne"], "25.00")]
    team = rsm.get("/api/v1/quotas", params={"fiscal_year": 2034}).json()["items"]
    assert {q["owner_id"] for q in team} == {user_ids["ae.ne"], user_ids["rsm.east"]}
    every = vp.get("/api/v1/quotas", params={"fiscal_year": 2034}).json()["items"]
    assert sorted((q["owner_id"], q["attainment"]) for q in every) == sorted([
        (user_ids["ae.ne"], "25.00"), (user_ids["rsm.east"], "6.25")])  # a manager attains with their team
    assert rsm.put(f"/api/v1/quotas/{user_ids['sdr1']}/FY2034-Q2", json={"amount": "1"}).status_code == 403
    sdr_quota = as_user("admin").put(f"/api/v1/quotas/{user_ids['sdr1']}/FY2034-Q2", json={"amount": "1"})
    assert sdr_quota.status_code == 422 and sdr_quota.json()["errors"][0]["field"] == "owner_id"
