"""Prometheus metrics of every process (issue 11): calls per RPC and per HTTP route, the outbox's
backlog and age, consumer lag, dead letters and import rows. docs/operations.md says what each means.

A process exposes them on CRM_<PROCESS>_METRICS_HOST:CRM_<PROCESS>_METRICS_PORT (`start`); without a
port nothing listens, and the counters still count (tests read them from the registry).
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Iterable

import grpc
from prometheus_client import Counter, Gauge, Histogram, start_http_server
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

log = logging.getLogger(__name__)

RPC_REQUESTS = Counter("crm_rpc_requests", "gRPC calls served, by method and status code", ["method", "code"])
RPC_DURATION = Histogram("crm_rpc_duration_seconds", "Time to serve a gRPC call, by method", ["method"])
HTTP_REQUESTS = Counter("crm_http_requests", "HTTP requests answered, by method, route and status",
                        ["method", "route", "status"])
HTTP_DURATION = Histogram("crm_http_request_duration_seconds", "Time to answer an HTTP request, by method and route",
                          ["method", "route"])
OUTBOX_BACKLOG = Gauge("crm_outbox_backlog", "Events committed to the outbox and not yet published")
OUTBOX_AGE = Gauge("crm_outbox_oldest_age_seconds", "Age of the oldest unpublished outbox event (0 when none)")
CONSUMER_LAG = Gauge("crm_consumer_lag", "Events a durable consumer has not yet acknowledged", ["consumer"])
DEAD_LETTERS = Gauge("crm_dead_letters", "Poison events kept as dead letters and not yet replayed", ["consumer"])
IMPORT_ROWS = Counter("crm_import_rows", "Import rows applied, by kind and outcome", ["kind", "outcome"])

_UNTIMED = ("/grpc.health.v1.Health/", "/grpc.reflection.")


def _failed_code(context) -> str:
    """The status a failed call ended with (UNKNOWN when the handler raised without setting one)."""
    code = _code(context)
    return "UNKNOWN" if code == "OK" else code


def _code(context) -> str:
    with contextlib.suppress(Exception):
        code = context.code()
        if code is not None:
            return code.name if isinstance(code, grpc.StatusCode) else grpc.StatusCode(code).name
    return "OK"


class RpcMetrics(grpc.aio.ServerInterceptor):
    """Counts and times every call but the health and reflection ones. Put it first: it then sees
    the status the kit's error mapping settled on."""

    async def intercept_service(self, continuation, details):
        handler = await continuation(details)
        if handler is None or details.method.startswith(_UNTIMED):
            return handler
        method = details.method

        def record(started: float, code: str) -> None:
            RPC_REQUESTS.labels(method, code).inc()
            RPC_DURATION.labels(method).observe(time.perf_counter() - started)

        def unary(behavior):
            async def timed(request, context):
                started, code = time.perf_counter(), "UNKNOWN"
                try:
                    reply = await behavior(request, context)
                    code = _code(context)
                    return reply
                except BaseException:
                    code = _failed_code(context)
                    raise
                finally:
                    record(started, code)
            return timed

        def streaming(behavior):
            async def timed(request, context):
                started, code = time.perf_counter(), "UNKNOWN"
                try:
                    async for reply in behavior(request, context):
                        yield reply
                    code = _code(context)
                except BaseException:
                    code = _failed_code(context)
                    raise
                finally:
                    record(started, code)
            return timed

        for kind, make, wrap in (("unary_unary", grpc.unary_unary_rpc_method_handler, unary),
                                 ("stream_unary", grpc.stream_unary_rpc_method_handler, unary),
                                 ("unary_stream", grpc.unary_stream_rpc_method_handler, streaming),
                                 ("stream_stream", grpc.stream_stream_rpc_method_handler, streaming)):
            behavior = getattr(handler, kind)
            if behavior is not None:
                return make(wrap(behavior), request_deserializer=handler.request_deserializer,
                            response_serializer=handler.response_serializer)
        return handler


class HttpMetrics:
    """ASGI middleware: counts and times requests by their route's template (/api/v1/leads/{id}),
    never by the raw path, so a label cannot grow without bound."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started, status = time.perf_counter(), [500]

        async def sending(message) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            route = getattr(scope.get("route"), "path", None) or "unmatched"
            HTTP_REQUESTS.labels(scope["method"], route, str(status[0])).inc()
            HTTP_DURATION.labels(scope["method"], route).observe(time.perf_counter() - started)


class Watcher:
    """Samples the outbox, the dead letters and the consumers' lag every `interval` seconds."""

    def __init__(self, engine: AsyncEngine, js, consumers: Iterable[str], interval: float) -> None:
        self._engine, self._js, self._consumers, self._interval = engine, js, list(consumers), interval
        self._streams: dict[str, str] = {}  # durable -> its stream, found once
        self._task = asyncio.create_task(self._run(), name="metrics watcher")

    async def stop(self) -> None:
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task

    async def _run(self) -> None:
        while True:
            try:
                await self.sample()
            except Exception:  # a metric must never take the process down; the next round retries
                log.warning("metrics sample failed", exc_info=True)
            # A consumer creates its durable once it runs: look again soon until every one is found.
            await asyncio.sleep(self._interval if len(self._streams) == len(self._consumers) else 1.0)

    async def sample(self) -> None:
        async with self._engine.connect() as conn:
            backlog, age = (await conn.execute(text(
                "select count(*), coalesce(extract(epoch from now() - min(created_at)), 0) "
                "from outbox where published_at is null"))).one()
            OUTBOX_BACKLOG.set(backlog)
            OUTBOX_AGE.set(float(age))
            if self._consumers:
                dead: dict[str, int] = {row[0]: row[1] for row in (await conn.execute(text(
                    "select consumer, count(*) from dead_letters where replayed_at is null group by consumer"))).all()}
                for consumer in self._consumers:
                    DEAD_LETTERS.labels(consumer).set(dead.get(consumer, 0))
        if self._js is not None:
            for consumer in self._consumers:
                info = await self._consumer_info(consumer)
                if info is not None:
                    CONSUMER_LAG.labels(consumer).set(info.num_pending + info.num_ack_pending)

    async def _consumer_info(self, durable: str):
        if durable not in self._streams:
            for stream in await self._js.streams_info():
                with contextlib.suppress(Exception):
                    await self._js.consumer_info(stream.config.name, durable)
                    self._streams[durable] = stream.config.name
                    break
            else:
                return None
        return await self._js.consumer_info(self._streams[durable], durable)


def count_import_rows(kind: str, counts: dict[str, int]) -> None:
    """One import batch's outcomes (created, updated, unchanged, skipped, failed)."""
    for outcome, rows in counts.items():
        if outcome != "rows_read" and rows:
            IMPORT_ROWS.labels(kind, outcome).inc(rows)


def start(settings, engine: AsyncEngine, js=None, *, consumers: Iterable[str] = (), interval: float = 15.0) -> Watcher:
    """Serve /metrics when the settings give a port, and start sampling. Call from a running loop."""
    if getattr(settings, "metrics_port", None):
        start_http_server(settings.metrics_port, addr=settings.metrics_host)
    return Watcher(engine, js, consumers, interval)
