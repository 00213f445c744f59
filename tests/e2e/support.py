"""What the end-to-end tests share besides fixtures: a client per role and realistic payloads."""
from __future__ import annotations

import time
import uuid

import httpx

DEMO_PASSWORD = "e2e-" + uuid.uuid4().hex


class Api:
    """An HTTP client for one role, logged in with the demo password."""

    def __init__(self, base_url: str, username: str | None = None) -> None:
        self.http = httpx.Client(base_url=base_url, timeout=30)
        self.username = username
        if username:
            self.tokens = self.login(username)
            self.http.headers["Authorization"] = f"Bearer {self.tokens['access_token']}"

    def login(self, username: str, password: str = DEMO_PASSWORD) -> dict:
        r = self.http.post("/api/v1/auth/token", data={"username": username, "password": password})
        assert r.status_code == 200, r.text
        return r.json()

    def __getattr__(self, name):
        return getattr(self.http, name)


def submission(**overrides) -> dict:
    """A landing-page submission shaped like the real feed (web_forms/submissions.jsonl)."""
    tag = uuid.uuid4().hex[:10]
    body = {
        "landing_page": "how-to-spec-out-a-kiosk", "submitted_at": "2026-11-01T10:00:00Z",
        "first_name": "Susan", "last_name": "Chen", "company": "Northern Parking Corporation",
        "email": f"susan.chen.{tag}@northern.example", "phone": "713.898.4229", "state": "VT", "country": "US",
        "role": "IT", "number_of_locations": 12, "using_kiosks": False, "current_vendor": "Zebra Kiosks",
        "linkedin_url": f"https://www.linkedin.com/in/susan-chen-{tag}", "message": "", "website": "",
    }
    body.update(overrides)
    return body


def wait_for_accounts_directory(admin: Api, user_ids: dict[str, str], timeout: float = 60.0) -> None:
    """Territories and users reach the accounts service as crm.identity.* events: wait until an account
    in each probed state lands in its territory, owned by that territory's AE."""
    deadline = time.monotonic() + timeout
    for state, territory, owner in (("MA", "NE", "ae.ne"), ("NY", "MA", "ae.ma"), ("CA", "PAC", "ae.pac"),
                                    ("ON", "CAN", "ae.can")):
        while True:
            probe = admin.post("/api/v1/accounts", json={"name": f"Probe {uuid.uuid4().hex[:8]}", "type": "prospect",
                                                         "state": state})
            assert probe.status_code == 201, probe.text
            if (probe.json()["territory"], probe.json()["owner_id"]) == (territory, user_ids[owner]):
                break
            assert time.monotonic() < deadline, f"accounts never placed {state} in {territory}: {probe.text}"
            time.sleep(0.2)
