"""What the end-to-end tests share besides fixtures: a client per role and realistic payloads."""
from __future__ import annotations

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
