"""What the simulated sales users of bench/load.py do (GEN-12): each logs in once, then clicks every 5 to
15 seconds. AEs list their accounts, open an overview, search contacts by a phone fragment and log an
activity on an account they own; SDRs list their leads, open one and update it (If-Match). Every answer
is recorded with its phase (login ramp or hold), kind and latency."""
from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field

import httpx

AES = ("ae.ne", "ae.ma", "ae.enc", "ae.wnc", "ae.sa", "ae.esc", "ae.wsc", "ae.mtn", "ae.pac", "ae.can")
SDRS = ("sdr1", "sdr2", "sdr3")


@dataclass
class Sample:
    at: float  # seconds since the ramp started
    kind: str  # "login" or the page's name
    ms: float
    status: int  # 0: no answer (connection error or client timeout)


@dataclass
class Run:
    started: float
    ramp_seconds: float
    ends: float  # monotonic time the hold ends
    phones: list[str]
    samples: list[Sample] = field(default_factory=list)

    def phase(self, sample: Sample) -> str:
        return "ramp" if sample.at < self.ramp_seconds else "hold"


class User:
    def __init__(self, run: Run, client: httpx.AsyncClient, username: str, password: str, rng: random.Random):
        self.run, self.client, self.username, self.password, self.rng = run, client, username, password, rng
        self.headers: dict[str, str] = {}
        self.accounts: list[dict] = []
        self.leads: list[dict] = []

    async def call(self, kind: str, method: str, path: str, **kwargs) -> httpx.Response | None:
        began = time.monotonic()
        try:
            response = await self.client.request(method, path, headers={**self.headers, **kwargs.pop("headers", {})},
                                                 **kwargs)
        except httpx.HTTPError:
            response = None
        self.run.samples.append(Sample(began - self.run.started, kind, (time.monotonic() - began) * 1000,
                                       response.status_code if response is not None else 0))
        return response

    async def login(self) -> bool:
        while time.monotonic() < self.run.ends:
            r = await self.call("login", "POST", "/api/v1/auth/token",
                                data={"username": self.username, "password": self.password})
            if r is not None and r.status_code == 200:
                self.headers = {"Authorization": f"Bearer {r.json()['access_token']}"}
                return True
            # a login beyond capacity is told when to come back (429/503 Retry-After); it is counted too
            wait = float(r.headers.get("retry-after", 1)) if r is not None and r.status_code in (429, 503) else 1.0
            await asyncio.sleep(wait)
        return False

    async def work(self) -> None:
        while True:
            await asyncio.sleep(self.rng.uniform(5, 15))
            if time.monotonic() >= self.run.ends:
                return
            await (self.ae_click() if self.username.startswith("ae.") else self.sdr_click())

    async def ae_click(self) -> None:
        choice = self.rng.random()
        if not self.accounts or choice < 0.35:
            r = await self.call("accounts list", "GET", "/api/v1/accounts", params={"limit": 25})
            if r is not None and r.status_code == 200:
                self.accounts = r.json()["items"] or self.accounts
        elif choice < 0.65:
            account = self.rng.choice(self.accounts)
            await self.call("account overview", "GET", f"/api/v1/accounts/{account['id']}/overview")
        elif choice < 0.9:
            phone = self.rng.choice(self.run.phones)
            digits = [c for c in phone if c.isdigit()]
            start = self.rng.randrange(max(1, len(digits) - 5))
            await self.call("contact search", "GET", "/api/v1/search/contacts",
                            params={"q": "".join(digits[start:start + 5]), "limit": 25})
        else:
            account = self.rng.choice(self.accounts)
            await self.call("log activity", "POST", "/api/v1/activities",
                            json={"account_id": account["id"], "kind": "call", "subject": "follow-up call",
                                  "direction": "out"})

    async def sdr_click(self) -> None:
        choice = self.rng.random()
        if not self.leads or choice < 0.4:
            r = await self.call("leads list", "GET", "/api/v1/leads", params={"limit": 25})
            if r is not None and r.status_code == 200:
                self.leads = r.json()["items"] or self.leads
        else:
            lead = self.rng.choice(self.leads)
            r = await self.call("lead open", "GET", f"/api/v1/leads/{lead['id']}")
            if choice >= 0.7 and r is not None and r.status_code == 200:
                await self.call("lead update", "PATCH", f"/api/v1/leads/{lead['id']}",
                                json={"title": self.rng.choice(("Director of IT", "VP Operations", "Store Ops"))},
                                headers={"If-Match": r.headers["etag"]})


async def simulate(run: Run, client: httpx.AsyncClient, username: str, password: str, start_in: float,
                   rng: random.Random) -> None:
    await asyncio.sleep(start_in)
    user = User(run, client, username, password, rng)
    if await user.login():
        await user.work()


async def seed_leads(client: httpx.AsyncClient, admin_token: str, count: int, rng: random.Random) -> None:
    """Leads for the SDRs to work, assigned round-robin by the leads service."""
    headers = {"Authorization": f"Bearer {admin_token}"}
    states = ("NY", "MA", "GA", "TX", "CA", "WA", "IL", "OH", "FL", "CO")

    async def one(n: int) -> None:
        r = await client.post("/api/v1/leads", headers=headers, json={
            "first_name": f"Lead{n}", "last_name": "Load", "company": f"Load Test Co {n}",
            "email": f"lead{n}@load-test.example", "state": rng.choice(states), "country": "US",
            "source": "trade_show", "number_of_locations": rng.randint(1, 400)})
        r.raise_for_status()

    for start in range(0, count, 20):
        await asyncio.gather(*(one(n) for n in range(start, min(count, start + 20))))
