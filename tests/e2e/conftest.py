"""The whole platform, really started (two leads replicas), driven through the gateway as its users."""
from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import tempfile
import uuid
from pathlib import Path

import pytest

from crmctl.infra import free_port, start_embedded_nats
from crmctl.platform import Platform, Secrets
from tests.e2e.support import DEMO_PASSWORD, Api, wait_for_accounts_directory
from tests.support.erp import record_erp_figures
from tests.support.smtp_sink import ThreadedSmtpSink


@pytest.fixture(scope="session")
def mail_sink():
    """A real SMTP server the integration service delivers to (LEAD-6 hand-over emails)."""
    sink = ThreadedSmtpSink()
    sink.start()
    yield sink
    sink.close()


@pytest.fixture(scope="session")
def platform(infra, mail_sink):
    data_dir = Path(tempfile.mkdtemp(prefix="crm-e2e-"))
    own_nats = contextlib.ExitStack()
    # Its own JetStream: durable consumers must not see events other test runs left on a shared server.
    infra = dataclasses.replace(infra, nats=start_embedded_nats(data_dir / "nats", own_nats))
    running = Platform(
        infra=infra, data_dir=data_dir, http_port=free_port(),
        replicas={"leads": 2}, db_prefix=f"e2e_{uuid.uuid4().hex[:8]}",
        extra_env={"CRM_GATEWAY_DEMO_PASSWORD": DEMO_PASSWORD, "CRM_GATEWAY_WEB_FORM_RATE_LIMIT": "1000",
                   "CRM_INTEGRATION_SMTP_URL": mail_sink.url, "CRM_INTEGRATION_MAIL_RETRY_BASE_SECONDS": "1",
                   "CRM_SALES_STAGE_ALERT_POLL_SECONDS": "1"},
    )
    try:
        running.start()
        running.load_demo()
        yield running
    finally:
        running.stop()
        own_nats.close()


@pytest.fixture(scope="session")
def as_user(platform):
    cache: dict[str, Api] = {}

    def make(username: str) -> Api:
        if username not in cache:
            cache[username] = Api(platform.url, username)
        return cache[username]

    return make


@pytest.fixture(scope="session")
def anonymous(platform) -> Api:
    return Api(platform.url)


@pytest.fixture(scope="session")
def user_ids(as_user) -> dict[str, str]:
    """username -> user id, read by the admin."""
    admin = as_user("admin")
    ids, cursor = {}, None
    while True:
        r = admin.get("/api/v1/users", params={"limit": 200, **({"cursor": cursor} if cursor else {})})
        assert r.status_code == 200, r.text
        body = r.json()
        ids.update({u["username"]: u["id"] for u in body["items"]})
        cursor = body.get("next_cursor")
        if not cursor:
            return ids


@pytest.fixture(scope="session")
def erp(platform, as_user) -> Api:
    """The ERP as an API client (role erp), registered by the admin; it sends X-API-Key."""
    created = as_user("admin").post("/api/v1/api-clients", json={"name": f"ERP {uuid.uuid4().hex[:6]}", "role": "erp"})
    assert created.status_code == 201, created.text
    client = Api(platform.url)
    client.http.headers["X-API-Key"] = created.json()["key"]
    return client


@pytest.fixture(scope="session")
def accounts_directory(as_user, user_ids) -> None:
    """The accounts service has learnt the demo territories and users from the identity events."""
    wait_for_accounts_directory(as_user("admin"), user_ids)


@pytest.fixture(scope="session")
def erp_figures(platform):
    """Records sales orders and finance rows through the Accounts service's batch RPCs, as the
    integration service's ERP imports do; answers each row's outcome."""
    key = Secrets.load_or_create(platform.data_dir / "secrets").principal_private_key
    target = platform.gateway_env["CRM_GATEWAY_ACCOUNTS_TARGET"]

    def record(*, orders=(), finance=()) -> list[str]:
        return asyncio.run(record_erp_figures(target, key, orders=orders, finance=finance))

    return record
