"""Stage-timeout alerts through the real platform (GEN-4, S2): the authorization matrix of /me/alerts
and /stage-thresholds for every role, and one opportunity left in Negotiation past the admin's
threshold becoming, once, an alert in the app and an email for its owner and the owner's RSM.

The scanner runs in the sales service every second here (CRM_SALES_STAGE_ALERT_POLL_SECONDS in
conftest.py); days cannot pass in a test, so the opportunity's stage entry is moved 30 days back in
the sales database, as the calendar would have moved it."""
from __future__ import annotations

import asyncio
import time
import uuid

import asyncpg
import pytest

from crmctl.platform import database_url
from tests.e2e.test_accounts_authorization import ROLES, USERNAMES, _created
from tests.e2e.test_sales_opportunities import DEAL, ne_account  # noqa: F401  (the fixture)

pytestmark = pytest.mark.e2e

# method, path under /api/v1, body, status per role.
MATRIX = [
    #                                                      admin vp  rsm  ae   se   kam  sdr  mkt  vpm  csm  csr  erp
    ("GET", "/me/alerts", None,                           (200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403)),
    ("POST", "/me/alerts/{unknown}/read", None,           (404, 404, 404, 404, 404, 404, 403, 403, 403, 403, 403, 403)),
    ("GET", "/stage-thresholds", None,                    (200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403)),
    ("GET", "/stage-thresholds/proposal", None,           (200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403)),
    ("PUT", "/stage-thresholds/proposal", "threshold",    (200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403)),
]
ROWS = [(method, path, body, role, status) for method, path, body, statuses in MATRIX
        for role, status in zip(ROLES, statuses, strict=True)]


@pytest.mark.parametrize(("method", "path", "body", "role", "expected"), ROWS,
                         ids=[f"{m} {p} {b or ''} as {r}" for m, p, b, r, _ in ROWS])
def test_the_alerts_authorization_matrix(as_user, erp, method, path, body, role, expected):
    bodies = {"threshold": {"alert_after_days": 30, "alert_rsm": False}}  # the seeded value: no change
    url = "/api/v1" + path.format(unknown=uuid.uuid4())
    caller = erp if role == "erp" else as_user(USERNAMES[role])
    r = caller.request(method, url, json=bodies[body] if body else None)
    assert r.status_code == expected, r.text
    if expected >= 400:
        assert r.headers["content-type"].startswith("application/problem+json")


def test_thresholds_are_validated_and_guarded_by_if_match(as_user):
    admin = as_user("admin")
    listed = admin.get("/api/v1/stage-thresholds").json()
    assert [t["stage"] for t in listed["items"]][-2:] == ["closed_won", "closed_lost"]
    assert all(t["alert_after_days"] is None for t in listed["items"] if t["kind"] != "open")
    one = admin.get("/api/v1/stage-thresholds/qualification")
    assert one.status_code == 200 and one.headers["ETag"] == f'"{one.json()["version"]}"'
    stale = f'"{one.json()["version"] + 7}"'
    r = admin.put("/api/v1/stage-thresholds/qualification", json={"alert_after_days": 21, "alert_rsm": False},
                  headers={"If-Match": stale})
    assert r.status_code == 412, r.text
    for body, field in (({"alert_after_days": 0, "alert_rsm": False}, "alert_after_days"),
                        ({"alert_after_days": 21, "alert_rsm": False, "extra": 1}, "extra"),
                        ({"alert_rsm": True}, "alert_after_days")):
        r = admin.put("/api/v1/stage-thresholds/qualification", json=body)
        assert r.status_code == 422 and field in r.text, r.text
    r = admin.put("/api/v1/stage-thresholds/closed_lost", json={"alert_after_days": 10, "alert_rsm": False})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "alert_after_days"
    assert admin.get("/api/v1/stage-thresholds/nope").status_code == 404
    r = admin.get("/api/v1/me/alerts", params={"cursor": "not-a-cursor"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "cursor"


def _backdate(platform, opportunity_id: str, days: int) -> None:
    async def run() -> None:
        url = database_url(platform.infra.postgres.url, f"{platform.db_prefix}_sales")
        conn = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://"))
        try:
            await conn.execute("update opportunities set stage_entered_at = stage_entered_at"
                               " - make_interval(days => $2) where id = $1", uuid.UUID(opportunity_id), days)
        finally:
            await conn.close()

    asyncio.run(run())


def _alerts_of(api, opportunity_id: str, timeout: float = 30.0) -> list[dict]:
    deadline = time.monotonic() + timeout
    while True:
        found = [a for a in api.get("/api/v1/me/alerts").json()["items"] if a["opportunity_id"] == opportunity_id]
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.2)


def test_gen_4_an_opportunity_stuck_in_negotiation_alerts_its_owner_and_rsm_once(platform, as_user, mail_sink,
                                                                               ne_account):  # noqa: F811
    admin, ae, rsm, other_ae = as_user("admin"), as_user("ae.ne"), as_user("rsm.east"), as_user("ae.wnc")
    current = admin.get("/api/v1/stage-thresholds/negotiation")
    set_ = admin.put("/api/v1/stage-thresholds/negotiation", json={"alert_after_days": 21, "alert_rsm": True},
                     headers={"If-Match": current.headers["ETag"]})
    assert set_.status_code == 200 and set_.json()["alert_rsm"] is True, set_.text
    name = f"Stuck deal {uuid.uuid4().hex[:6]}"
    deal = _created(ae.post("/api/v1/opportunities", json={**DEAL, "name": name, "account_id": ne_account}))
    moved = ae.patch(f"/api/v1/opportunities/{deal['id']}", json={"stage": "negotiation"})
    assert moved.status_code == 200, moved.text
    _backdate(platform, deal["id"], 30)

    [mine] = _alerts_of(ae, deal["id"])
    assert (mine["stage"], mine["threshold_days"], mine["reason"], mine["read_at"]) == ("negotiation", 21, "owner",
                                                                                        None)
    assert mine["opportunity_name"] == name and mine["account_id"] == ne_account
    [theirs] = _alerts_of(rsm, deal["id"])
    assert theirs["id"] == mine["id"] and theirs["reason"] == "rsm"
    assert _alerts_of(other_ae, deal["id"], timeout=0) == []
    assert other_ae.post(f"/api/v1/me/alerts/{mine['id']}/read").status_code == 404

    read = ae.post(f"/api/v1/me/alerts/{mine['id']}/read")
    assert read.status_code == 200 and read.json()["read_at"] is not None
    unread = ae.get("/api/v1/me/alerts", params={"unread_only": True}).json()
    assert mine["id"] not in {a["id"] for a in unread["items"]}
    assert [a["read_at"] for a in _alerts_of(rsm, deal["id"])] == [None]  # the RSM's copy is theirs

    deadline = time.monotonic() + 30
    while len(emails := [m for m in mail_sink.messages if name in m.message["Subject"]]) < 2 \
            and time.monotonic() < deadline:
        time.sleep(0.2)
    assert sorted(m.rcpt_to[0] for m in emails) == ["ae.ne@abbott-ltd.demo", "rsm.east@abbott-ltd.demo"]
    time.sleep(3)  # three more scans: still one alert, two emails
    assert len(_alerts_of(ae, deal["id"])) == 1
    assert len([m for m in mail_sink.messages if name in m.message["Subject"]]) == 2
