"""Channels to other services: deadlines, retry on UNAVAILABLE, tracing, and the principal."""
from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import TypeVar

import grpc
from crmkit.errors import CrmError, Internal, Unauthenticated, Unavailable, from_dict
from crmkit.grpc.server import ERROR_METADATA_KEY
from crmkit.principal import METADATA_KEY
from opentelemetry.instrumentation.grpc import aio_client_interceptors

T = TypeVar("T")

# gRPC's own retry: only UNAVAILABLE (the request never reached a live server), never a
# deadline, so a non-idempotent call is not applied twice.
_SERVICE_CONFIG = json.dumps({
    "methodConfig": [{
        "name": [{}],
        "retryPolicy": {
            "maxAttempts": 4, "initialBackoff": "0.1s", "maxBackoff": "1s", "backoffMultiplier": 2,
            "retryableStatusCodes": ["UNAVAILABLE"],
        },
    }],
})


def make_channel(target: str) -> grpc.aio.Channel:
    """A channel to `target` (host:port, or dns:///name for several replicas, balanced per call)."""
    return grpc.aio.insecure_channel(
        target,
        interceptors=aio_client_interceptors(),
        options=[
            ("grpc.service_config", _SERVICE_CONFIG),
            ("grpc.enable_retries", 1),
            ("grpc.lb_policy_name", "round_robin"),
            # A restarted peer is found again within a couple of seconds, not after gRPC's
            # default backoff, which grows to two minutes.
            ("grpc.initial_reconnect_backoff_ms", 100),
            ("grpc.min_reconnect_backoff_ms", 100),
            ("grpc.max_reconnect_backoff_ms", 2000),
            ("grpc.max_receive_message_length", 32 * 1024 * 1024),
        ],
    )


async def call(method: Callable[..., Awaitable[T]], request, *, principal_token: str, timeout: float = 5.0) -> T:
    """Invoke one RPC with a deadline and the caller's principal; failures come back as CrmError."""
    try:
        return await method(request, timeout=timeout, metadata=((METADATA_KEY, principal_token),))
    except grpc.aio.AioRpcError as exc:
        raise error_from_rpc(exc) from exc


def error_from_rpc(exc: grpc.aio.AioRpcError) -> CrmError:
    for key, value in exc.trailing_metadata() or ():
        if key == ERROR_METADATA_KEY:
            return from_dict(json.loads(value))
    if exc.code() in (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED):
        return Unavailable(f"service unavailable: {exc.details()}")
    if exc.code() == grpc.StatusCode.UNAUTHENTICATED:
        return Unauthenticated(exc.details() or "unauthenticated")
    return Internal(f"internal error: {exc.code().name}")
