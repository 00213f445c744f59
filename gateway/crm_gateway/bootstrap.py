"""Composition root: builds the engine, counter store, gRPC channels, NATS relay and the handler ports,
and closes them in reverse order. Used by the HTTP app's lifespan and by the CLI commands."""
from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass

from crm.integration.v1 import imports_pb2_grpc
from crm.leads.v1 import leads_pb2_grpc
from crmkit import streams
from crmkit.db import make_engine, make_session_factory, wait_for_database
from crmkit.grpc.client import make_channel
from crmkit.outbox import OutboxRelay, relaying
from crmkit.principal import PrincipalSigner
from grpc_health.v1 import health_pb2_grpc
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine

from crm_gateway.adapters.access_tokens import AccessTokens
from crm_gateway.adapters.counters import CounterStore, MemoryStore, RedisStore
from crm_gateway.adapters.hashing import Passwords
from crm_gateway.adapters.orm import messaging
from crm_gateway.adapters.secret_box import SecretBox
from crm_gateway.clients.accounts import AccountsClient
from crm_gateway.clients.integration import ImportsClient
from crm_gateway.clients.leads import LeadsClient
from crm_gateway.clients.sales import SalesClient
from crm_gateway.service_layer.context import Gateway
from crm_gateway.settings import GatewaySettings

log = logging.getLogger(__name__)

PRODUCER = "identity"  # events go to the CRM_IDENTITY stream, subjects crm.identity.>


@dataclass(frozen=True)
class Runtime:
    gateway: Gateway
    engine: AsyncEngine
    service_health: dict[str, health_pb2_grpc.HealthStub]  # service name -> its gRPC health
    relay: OutboxRelay


def counter_store(settings: GatewaySettings) -> CounterStore:
    if settings.redis_url:
        return RedisStore(Redis.from_url(settings.redis_url), settings.redis_key_prefix)
    log.warning("no CRM_GATEWAY_REDIS_URL: rate limits, throttles and idempotency keys are per process")
    return MemoryStore()


@contextlib.asynccontextmanager
async def running(settings: GatewaySettings) -> AsyncIterator[Runtime]:
    """Everything the gateway holds open, for as long as the block runs."""
    async with contextlib.AsyncExitStack() as stack:
        engine = make_engine(settings.database_url, pool_size=settings.db_pool_size)
        stack.push_async_callback(engine.dispose)
        await wait_for_database(engine)
        sessions = make_session_factory(engine)
        store = counter_store(settings)
        stack.push_async_callback(store.close)
        channels = {name: make_channel(target) for name, target in (("leads", settings.leads_target),
                                                                    ("accounts", settings.accounts_target),
                                                                    ("integration", settings.integration_target),
                                                                    ("sales", settings.sales_target))}
        for channel in channels.values():
            stack.push_async_callback(channel.close)
        nc = await streams.connect(settings.nats_url, name="gateway")
        stack.push_async_callback(nc.drain)
        js = nc.jetstream()
        await streams.ensure_stream(js, PRODUCER)
        relay = await stack.enter_async_context(relaying(sessions, messaging, js))
        gateway = Gateway(
            settings=settings,
            sessions=sessions,
            store=store,
            passwords=Passwords(time_cost=settings.argon2_time_cost, memory_kib=settings.argon2_memory_kib,
                                parallelism=settings.argon2_parallelism),
            access=AccessTokens(secret=settings.jwt_secret.get_secret_value(), issuer=settings.jwt_issuer,
                                audience=settings.jwt_audience, ttl_seconds=settings.access_token_ttl_seconds),
            signer=PrincipalSigner(settings.principal_private_key.get_secret_value()),
            box=SecretBox(settings.jwt_secret.get_secret_value()),
            leads=LeadsClient(leads_pb2_grpc.LeadsStub(channels["leads"]), timeout=settings.grpc_timeout_seconds),
            accounts=AccountsClient(channels["accounts"], timeout=settings.grpc_timeout_seconds),
            imports=ImportsClient(imports_pb2_grpc.ImportsStub(channels["integration"]),
                                  timeout=settings.grpc_timeout_seconds,
                                  upload_timeout=settings.import_upload_timeout_seconds),
            sales=SalesClient(channels["sales"], timeout=settings.grpc_timeout_seconds),
            on_commit=relay.wake,
        )
        health = {name: health_pb2_grpc.HealthStub(channel) for name, channel in channels.items()}
        yield Runtime(gateway=gateway, engine=engine, service_health=health, relay=relay)

