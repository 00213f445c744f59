"""Build a service's gRPC server: principal check, error mapping, tracing, health, reflection."""
from __future__ import annotations

import contextvars
import json
import logging
import time
from collections.abc import Callable, Iterable

import grpc
from crmkit.errors import CrmError, Overloaded
from crmkit.metrics import RpcMetrics
from crmkit.principal import METADATA_KEY, InvalidPrincipal, Principal, PrincipalVerifier
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection
from opentelemetry.instrumentation.grpc import aio_server_interceptor
from sqlalchemy.exc import TimeoutError as PoolTimeout

log = logging.getLogger(__name__)

ERROR_METADATA_KEY = "x-crm-error"
_STATUS = {
    "invalid": grpc.StatusCode.INVALID_ARGUMENT,
    "not_found": grpc.StatusCode.NOT_FOUND,
    "conflict": grpc.StatusCode.ALREADY_EXISTS,
    "precondition_failed": grpc.StatusCode.FAILED_PRECONDITION,
    "forbidden": grpc.StatusCode.PERMISSION_DENIED,
    "unauthenticated": grpc.StatusCode.UNAUTHENTICATED,
    "unavailable": grpc.StatusCode.UNAVAILABLE,
    "overloaded": grpc.StatusCode.RESOURCE_EXHAUSTED,
}
_OPEN_SERVICES = ("/grpc.health.v1.Health/", "/grpc.reflection.")
_principal: contextvars.ContextVar[Principal] = contextvars.ContextVar("crm_principal")
_principal_token: contextvars.ContextVar[str] = contextvars.ContextVar("crm_principal_token")


def current_principal() -> Principal:
    """The verified caller of the RPC being served."""
    return _principal.get()


def current_principal_token() -> str:
    """The caller's signed principal as received, to forward on calls this RPC makes to other
    services: they decide for the same user, never for the calling service."""
    return _principal_token.get()


class _KitInterceptor(grpc.aio.ServerInterceptor):
    """Refuses calls without a valid gateway-signed principal; maps CrmError to a status."""

    def __init__(self, verifier: PrincipalVerifier) -> None:
        self._verifier = verifier

    async def intercept_service(self, continuation, details):
        handler = await continuation(details)
        if handler is None or details.method.startswith(_OPEN_SERVICES):
            return handler
        # Unary and client-streaming calls are guarded; any other shape is refused (fails closed).
        if handler.unary_unary:
            inner, make_handler = handler.unary_unary, grpc.unary_unary_rpc_method_handler
        elif handler.stream_unary:
            inner, make_handler = handler.stream_unary, grpc.stream_unary_rpc_method_handler
        else:
            return None

        async def guarded(request, context: grpc.aio.ServicerContext):
            token = dict(context.invocation_metadata() or ()).get(METADATA_KEY)
            try:
                principal = self._verifier.verify(token)
            except InvalidPrincipal as exc:
                await context.abort(grpc.StatusCode.UNAUTHENTICATED, f"principal refused: {exc}")
            _principal.set(principal)
            _principal_token.set(token or "")
            started, outcome = time.perf_counter(), "OK"
            try:
                return await inner(request, context)
            except (CrmError, PoolTimeout) as caught:
                error = caught if isinstance(caught, CrmError) else Overloaded(
                    "the service's database connections are all busy; retry shortly")
                code = _STATUS.get(error.kind, grpc.StatusCode.UNKNOWN)
                outcome = code.name
                context.set_trailing_metadata(((ERROR_METADATA_KEY, json.dumps(error.to_dict())),))
                await context.abort(code, error.detail)
            except Exception:
                outcome = "INTERNAL"
                raise
            finally:
                log.info("rpc %s %s", details.method, outcome, extra={
                    "rpc": details.method, "status": outcome, "user_id": principal.user_id,
                    "ms": round((time.perf_counter() - started) * 1000, 1)})

        return make_handler(
            guarded, request_deserializer=handler.request_deserializer,
            response_serializer=handler.response_serializer,
        )


class GrpcServer:
    """A started-on-demand grpc.aio server with health and reflection for the given services."""

    def __init__(self, *, verifier: PrincipalVerifier, address: str,
                 services: Iterable[tuple[Callable, object, str]]) -> None:
        self._server = grpc.aio.server(
            interceptors=[RpcMetrics(), aio_server_interceptor(), _KitInterceptor(verifier)],
            options=[("grpc.so_reuseport", 0), ("grpc.max_receive_message_length", 32 * 1024 * 1024),
                     # Callers reconnect every few minutes, re-resolving DNS: pods a scale-up adds get calls.
                     ("grpc.max_connection_age_ms", 300_000), ("grpc.max_connection_age_grace_ms", 30_000)],
        )
        self._health = health.aio.HealthServicer()
        names = []
        for add, servicer, name in services:
            add(servicer, self._server)
            names.append(name)
        health_pb2_grpc.add_HealthServicer_to_server(self._health, self._server)
        reflection.enable_server_reflection([*names, health.SERVICE_NAME, reflection.SERVICE_NAME], self._server)
        self._names = names
        self.port = self._server.add_insecure_port(address)
        if not self.port:
            raise RuntimeError(f"cannot listen on {address}")

    async def start(self) -> None:
        await self._server.start()
        for name in ["", *self._names]:
            await self._health.set(name, health_pb2.HealthCheckResponse.SERVING)

    async def drain(self, grace: float) -> None:
        """Report NOT_SERVING so balancers move away, finish in-flight calls, then stop."""
        for name in ["", *self._names]:
            await self._health.set(name, health_pb2.HealthCheckResponse.NOT_SERVING)
        await self._server.stop(grace)
