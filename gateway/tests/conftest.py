"""Gateway test fixtures: the app run in-process with its real lifespan (PostgreSQL, Redis, NATS) and the
demo organisation loaded, in two set-ups:

- `fake_gw`: the services are in-process fakes (gw_fakes.py), for the gateway's own concerns;
- `live_gw`: the real Leads, Accounts and Integration services as subprocesses, for the contract-level
  tests of what those services do behind the gateway.

Tests ask for `gw` and `client`: the live set-up in a module marked `pytestmark = pytest.mark.live`,
the fakes everywhere else."""
from __future__ import annotations

import contextlib
import json
import secrets
import uuid
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from crm.leads.v1 import leads_pb2, leads_pb2_grpc
from crmkit.principal import generate_keypair
from gw_fakes import FakeLeads
from gw_helpers import DEMO_PASSWORD, MIGRATIONS_DIR, RunningGateway, serve

from crm_gateway.demo import loader
from crm_gateway.settings import GatewaySettings
from crmctl.infra import free_port
from crmctl.platform import DELEGATES
from tests.support.grpc_servers import serve_grpc
from tests.support.services import RunningService, migrations_dir, private_nats, running_service

JWT_SECRET = secrets.token_urlsafe(48)


@pytest.fixture(scope="session")
def settings_for(redis_url, nats_url, principal_keys):
    """Factory of settings for a test gateway; cheap Argon2 parameters keep logins fast."""

    def make(database_url: str, **overrides) -> GatewaySettings:
        values = dict(database_url=database_url, redis_url=redis_url, redis_key_prefix=f"test-gw-{uuid.uuid4().hex}:",
                      jwt_secret=JWT_SECRET, principal_private_key=principal_keys[0], nats_url=nats_url,
                      argon2_time_cost=1, argon2_memory_kib=8192, argon2_parallelism=1, demo_password=DEMO_PASSWORD,
                      leads_target=f"127.0.0.1:{free_port()}", accounts_target=f"127.0.0.1:{free_port()}",
                      integration_target=f"127.0.0.1:{free_port()}", sales_target=f"127.0.0.1:{free_port()}")
        values.update(overrides)
        return GatewaySettings(**values)

    return make


@pytest.fixture(scope="session")
def services_nats() -> Iterator[str]:
    """The NATS the gateway publishes identity events to and every service consumes from."""
    with private_nats() as url:
        yield url


@pytest.fixture(scope="session")
def integration_keys() -> tuple[str, str]:
    """The integration service's own signing key pair: an import job acts for its creator after the request."""
    return generate_keypair()


def _trusting_integration(service: str, integration_keys: tuple[str, str]) -> dict[str, str]:
    """Settings that make `service` accept the integration service's principals, as `./crm up` does."""
    issuer = {"name": "crm-integration", "public_key_pem": integration_keys[1], "roles": list(DELEGATES["integration"])}
    return {f"CRM_{service.upper()}_TRUSTED_ISSUERS": json.dumps([issuer])}


@pytest.fixture(scope="session")
def leads_service(databases, principal_keys, integration_keys, services_nats) -> Iterator[RunningService]:
    """The real Leads service (`python -m crm_leads serve`) on a fresh database, trusting the public half
    of the key the gateway settings sign principals with (and the integration service's, for imports)."""
    with running_service("leads", database_url=databases.copy(migrations_dir("leads"), "gwleads"),
                         principal_public_key=principal_keys[1], nats_url=services_nats,
                         extra_env=_trusting_integration("leads", integration_keys)) as service:
        yield service


@pytest.fixture(scope="session")
def accounts_service(databases, principal_keys, integration_keys, services_nats) -> Iterator[RunningService]:
    """The real Accounts service (`python -m crm_accounts serve`), the same way."""
    with running_service("accounts", database_url=databases.copy(migrations_dir("accounts"), "gwaccounts"),
                         principal_public_key=principal_keys[1], nats_url=services_nats,
                         extra_env=_trusting_integration("accounts", integration_keys)) as service:
        yield service


@pytest.fixture(scope="session")
def sales_service(databases, principal_keys, services_nats) -> Iterator[RunningService]:
    """The real Sales service, keeping its account-access read model from the accounts service's events."""
    with running_service("sales", database_url=databases.copy(migrations_dir("sales"), "gwsales"),
                         principal_public_key=principal_keys[1], nats_url=services_nats) as service:
        yield service


@pytest.fixture(scope="session")
def integration_service(databases, principal_keys, integration_keys, services_nats, accounts_service,
                        leads_service) -> Iterator[RunningService]:
    """The real Integration service, applying imported rows through the real Accounts and Leads services."""
    env = {"CRM_INTEGRATION_ACCOUNTS_TARGET": accounts_service.target,
           "CRM_INTEGRATION_LEADS_TARGET": leads_service.target,
           "CRM_INTEGRATION_PRINCIPAL_PRIVATE_KEY": integration_keys[0]}
    with running_service("integration", database_url=databases.copy(migrations_dir("integration"), "gwintegration"),
                         principal_public_key=principal_keys[1], nats_url=services_nats, extra_env=env) as service:
        yield service


@pytest.fixture(scope="session")
async def fake_leads(principal_keys) -> AsyncIterator[FakeLeads]:
    """The Leads service's web forms in memory, served where `fake_gw` calls the Leads service."""
    fake = FakeLeads()
    name = leads_pb2.DESCRIPTOR.services_by_name["Leads"].full_name
    service = (leads_pb2_grpc.add_LeadsServicer_to_server, fake, name)
    async with serve_grpc(service, public_key=principal_keys[1], service="leads") as fake.target:
        yield fake


@pytest.fixture(scope="session")
async def idle_targets(principal_keys) -> AsyncIterator[dict[str, str]]:
    """Accounts and Integration as the gateway's own tests need them: SERVING, with no RPC implemented."""
    async with (serve_grpc(public_key=principal_keys[1], service="accounts") as accounts,
                serve_grpc(public_key=principal_keys[1], service="integration") as imports):
        yield {"accounts_target": accounts, "integration_target": imports}


@contextlib.asynccontextmanager
async def _serving(settings: GatewaySettings, redis_url: str) -> AsyncIterator[RunningGateway]:
    async with serve(settings) as running:
        yield running
    from redis.asyncio import Redis

    client = Redis.from_url(redis_url)
    keys = [key async for key in client.scan_iter(match=settings.redis_key_prefix + "*")]
    if keys:
        await client.delete(*keys)
    await client.aclose()


@pytest.fixture(scope="session")
def gateway_db(databases) -> str:
    return databases.copy(MIGRATIONS_DIR, "gw")


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "live: the gateway tests of this module run against the real services")


@pytest.fixture(scope="session")
async def fake_gw(gateway_db, settings_for, fake_leads, idle_targets, services_nats,
                  redis_url) -> AsyncIterator[RunningGateway]:
    """The gateway with Redis and fake services in-process. It loads the demo organisation, once for both
    set-ups (they share the database): its identity events go to the services' NATS, where the real
    services learn the demo users (LEAD-3) and territories whenever they start."""
    settings = settings_for(gateway_db, leads_target=fake_leads.target, nats_url=services_nats, **idle_targets)
    async with _serving(settings, redis_url) as running:
        await loader.load_org(gw=running.runtime.gateway, password=DEMO_PASSWORD)
        yield running


@pytest.fixture(scope="session")
async def live_gw(fake_gw, gateway_db, settings_for, leads_service, accounts_service, integration_service,
                  sales_service, services_nats, redis_url) -> AsyncIterator[RunningGateway]:
    """The gateway with Redis and the real Leads, Accounts, Integration and Sales services, on the demo organisation
    `fake_gw` loaded."""
    settings = settings_for(gateway_db, leads_target=leads_service.target, accounts_target=accounts_service.target,
                            integration_target=integration_service.target, sales_target=sales_service.target,
                            nats_url=services_nats)
    async with _serving(settings, redis_url) as running:
        yield running


@pytest.fixture(scope="module")
def gw(request) -> RunningGateway:
    """`live_gw` in a module marked live, `fake_gw` anywhere else."""
    return request.getfixturevalue("live_gw" if request.node.get_closest_marker("live") else "fake_gw")


@pytest.fixture(scope="session")
async def bare_gw(fake_gw, gateway_db, settings_for) -> AsyncIterator[RunningGateway]:
    """The same database, but no Redis (in-process limits) and nothing listening at the service targets."""
    async with serve(settings_for(gateway_db, redis_url=None)) as running:
        yield running


@pytest.fixture
async def client(gw) -> AsyncIterator[httpx.AsyncClient]:
    async with gw.client() as c:
        yield c
