"""Issue 13 findings 5-6: login throttles hold under parallel attempts, slow a guesser without locking the
real user out, and X-Forwarded-For is believed only from configured proxies (login and web-form limits)."""
from __future__ import annotations

import asyncio
import uuid

from gw_helpers import DEMO_PASSWORD, serve

from crm_gateway.__main__ import server_config
from crm_gateway.domain.addresses import client_address, networks
from crm_gateway.service_layer import users

PROXIES = networks(("10.9.0.0/16",))


async def _user(gw) -> str:
    name = f"parallel.{uuid.uuid4().hex[:8]}"
    await users.create_user(gw=gw.runtime.gateway, actor=None, address="test", username=name, full_name="P",
                            email=f"{name}@example.com", role="csr", territories=[], manager_id=None,
                            password=DEMO_PASSWORD)
    return name


async def test_finding_5_parallel_wrong_passwords_cannot_race_the_account_limit(gw):
    name = await _user(gw)
    async with gw.client("10.6.0.1") as c:
        answers = await asyncio.gather(*(c.post("/api/v1/auth/token", data={"username": name, "password": "wrong"})
                                         for _ in range(8)))
    statuses = sorted(a.status_code for a in answers)
    assert statuses.count(401) <= gw.settings.login_max_failures_per_account + 1, statuses
    assert 429 in statuses


async def test_finding_5_a_guesser_elsewhere_does_not_lock_the_real_user_out(gw):
    name = await _user(gw)
    async with gw.client("10.6.0.2") as attacker:
        for _ in range(gw.settings.login_max_failures_per_account + 1):
            await attacker.post("/api/v1/auth/token", data={"username": name, "password": "wrong"})
    await asyncio.sleep(1.2)  # the first delay past the free failures
    async with gw.client("10.6.0.3") as user:
        answer = await user.post("/api/v1/auth/token", data={"username": name, "password": DEMO_PASSWORD})
    assert answer.status_code == 200, answer.text


async def test_finding_6_a_made_up_forwarded_address_does_not_dodge_the_limits(gw):
    async with gw.client("10.6.0.4") as c:
        for i in range(gw.settings.login_max_failures_per_address):
            await c.post("/api/v1/auth/token", data={"username": f"ghost{i}", "password": "x"},
                         headers={"X-Forwarded-For": f"198.51.100.{i}"})
        refused = await c.post("/api/v1/auth/token", data={"username": "ghost-last", "password": "x"},
                               headers={"X-Forwarded-For": "198.51.100.250"})
        assert refused.status_code == 429, refused.text
        for i in range(gw.settings.web_form_rate_limit + 1):
            posted = await c.post("/api/v1/web-forms/no-such-form/submissions", json={"email": "v@example.com"},
                                  headers={"X-Forwarded-For": f"203.0.113.{i}"})
        assert posted.status_code == 429, posted.text


async def test_finding_6_a_configured_proxy_is_believed(gw, gateway_db, settings_for):
    async with serve(settings_for(gateway_db, redis_url=None, trusted_proxies=("10.9.0.0/16",))) as proxied:
        async with proxied.client("10.9.0.1") as c:
            for i in range(proxied.settings.login_max_failures_per_address + 1):
                last = await c.post("/api/v1/auth/token", data={"username": f"ghost{i}", "password": "x"},
                                    headers={"X-Forwarded-For": "1.2.3.4, 192.0.2.10"})
            assert last.status_code == 429
            other = await c.post("/api/v1/auth/token", data={"username": "ghost", "password": "x"},
                                 headers={"X-Forwarded-For": "192.0.2.11"})
            assert other.status_code == 401


def test_finding_6_forwarded_for_is_read_from_the_right_past_trusted_hops():
    assert client_address("192.0.2.1", ["6.6.6.6"], PROXIES) == "192.0.2.1"  # not a proxy: ignored
    assert client_address("192.0.2.1", ["6.6.6.6"], ()) == "192.0.2.1"  # no proxies configured
    assert client_address("10.9.0.1", ["6.6.6.6, 192.0.2.7"], PROXIES) == "192.0.2.7"
    assert client_address("10.9.0.1", ["192.0.2.7, 10.9.3.3"], PROXIES) == "192.0.2.7"
    assert client_address("10.9.0.1", ["junk"], PROXIES) == "10.9.0.1"
    assert client_address("10.9.0.1", [], PROXIES) == "10.9.0.1"


def test_finding_6_the_server_itself_believes_no_forwarded_header(gw):
    """Uvicorn would take X-Forwarded-For from any local peer as the client address; it must not."""
    config = server_config(gw.app, gw.settings)
    assert config.proxy_headers is False
