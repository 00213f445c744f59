"""Round-robin assignment of new leads to SDRs (LEAD-3), through the gateway, with two replicas
of the leads service running side by side. The tests run in file order: the last one changes
the rotation."""
from __future__ import annotations

import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.e2e.support import Api, submission

pytestmark = pytest.mark.e2e
FORM = "/api/v1/web-forms/kiosk-roi-calculator/submissions"


def owners_of(sdr: Api, emails: list[str]) -> dict[str, str]:
    """email -> owner id, waiting until every lead exists."""
    found: dict[str, str] = {}
    for _ in range(100):
        for email in emails:
            if email not in found:
                items = sdr.get("/api/v1/leads", params={"q": email}).json()["items"]
                if items:
                    assert len(items) == 1, f"{email} duplicated"
                    found[email] = items[0]["owner_id"]
        if len(found) == len(emails):
            return found
        time.sleep(0.1)
    raise AssertionError(f"only {len(found)} of {len(emails)} leads arrived")


def submit_all(anonymous: Api, bodies: list[dict], concurrency: int = 1) -> None:
    with ThreadPoolExecutor(concurrency) as pool:
        codes = list(pool.map(lambda b: anonymous.post(FORM, json=b).status_code, bodies))
    assert codes == [202] * len(bodies)


def settle_rotation(anonymous, sdr, expected: set[str]) -> None:
    """Identity events reach the leads service asynchronously: wait until the rotation is `expected`."""
    for _ in range(60):
        bodies = [submission() for _ in range(2 * len(expected))]  # any 2n in a row cover the pool
        submit_all(anonymous, bodies)
        if set(owners_of(sdr, [b["email"] for b in bodies]).values()) == expected:
            return
        time.sleep(0.2)
    raise AssertionError("the SDR rotation never became " + repr(expected))


def test_six_submissions_spread_two_two_two_over_three_sdrs(anonymous, as_user, user_ids):
    sdrs = {user_ids[u] for u in ("sdr1", "sdr2", "sdr3")}
    settle_rotation(anonymous, as_user("sdr1"), sdrs)
    bodies = [submission() for _ in range(6)]
    submit_all(anonymous, bodies)
    counts = Counter(owners_of(as_user("sdr1"), [b["email"] for b in bodies]).values())
    assert set(counts) == sdrs and set(counts.values()) == {2}


def test_two_replicas_under_concurrent_submissions_assign_fairly(anonymous, as_user, user_ids):
    bodies = [submission() for _ in range(30)]
    submit_all(anonymous, bodies, concurrency=10)
    owners = owners_of(as_user("sdr1"), [b["email"] for b in bodies])
    assert len(owners) == 30  # none lost
    counts = Counter(owners.values())
    assert set(counts) == {user_ids[u] for u in ("sdr1", "sdr2", "sdr3")}
    assert set(counts.values()) == {10}


def test_deactivated_sdr_leaves_the_rotation(anonymous, as_user, user_ids):
    admin = as_user("admin")
    r = admin.post(f"/api/v1/users/{user_ids['sdr3']}/deactivate")
    assert r.status_code == 200, r.text
    try:
        remaining = {user_ids["sdr1"], user_ids["sdr2"]}
        settle_rotation(anonymous, as_user("sdr1"), remaining)
        bodies = [submission() for _ in range(6)]
        submit_all(anonymous, bodies)
        counts = Counter(owners_of(as_user("sdr1"), [b["email"] for b in bodies]).values())
        assert set(counts) == remaining and set(counts.values()) == {3}
    finally:
        admin.post(f"/api/v1/users/{user_ids['sdr3']}/reactivate")
