"""Liveness and readiness probes."""
from __future__ import annotations

from fastapi import APIRouter, Request
from grpc_health.v1 import health_pb2

from crm_gateway.adapters.probe import database_answers
from crm_gateway.problems import problem

router = APIRouter(tags=["health"])


@router.get("/healthz")
async def healthz() -> dict:
    """The process answers."""
    return {"status": "ok"}


@router.get("/readyz")
async def readyz(request: Request):
    """Ready when the database answers and every service the gateway calls reports SERVING."""
    runtime = request.app.state.runtime
    checks = {"database": await database_answers(runtime.engine)}
    for name, health in runtime.service_health.items():
        try:
            answer = await health.Check(health_pb2.HealthCheckRequest(service=""), timeout=1.0)
            checks[name] = health_pb2.HealthCheckResponse.ServingStatus.Name(answer.status)
        except Exception as exc:
            checks[name] = f"unavailable: {type(exc).__name__}"
    if checks["database"] == "ok" and all(checks[name] == "SERVING" for name in runtime.service_health):
        return {"status": "ready", "checks": checks}
    return problem(503, "not ready", extra={"checks": checks})
