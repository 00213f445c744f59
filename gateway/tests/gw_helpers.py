"""Helpers shared by the gateway tests: running the app in-process, logging in, checking problems."""
from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy import text

import crm_gateway
from crm_gateway.app import create_app
from crm_gateway.bootstrap import Runtime
from crm_gateway.settings import GatewaySettings

MIGRATIONS_DIR = Path(crm_gateway.__file__).parent / "migrations"
DEMO_PASSWORD = "kiosk-demo-pass-42"


@dataclass
class RunningGateway:
    app: object
    runtime: Runtime
    settings: GatewaySettings

    def client(self, address: str = "127.0.0.1") -> httpx.AsyncClient:
        transport = httpx.ASGITransport(app=self.app, client=(address, 40000))
        return httpx.AsyncClient(transport=transport, base_url="http://gateway.test")

    async def sql(self, statement: str, **params) -> list:
        async with self.runtime.gateway.sessions() as session:
            return (await session.execute(text(statement), params)).all()


@contextlib.asynccontextmanager
async def serve(settings: GatewaySettings) -> AsyncIterator[RunningGateway]:
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        yield RunningGateway(app=app, runtime=app.state.runtime, settings=settings)


async def login(client: httpx.AsyncClient, username: str, password: str = DEMO_PASSWORD) -> dict:
    response = await client.post("/api/v1/auth/token", data={"username": username, "password": password})
    assert response.status_code == 200, response.text
    return response.json()


def bearer(tokens: dict) -> dict[str, str]:
    return {"Authorization": f"Bearer {tokens['access_token']}"}


def assert_problem(response: httpx.Response, status: int, field: str | None = None) -> dict:
    """Every error is RFC 9457 problem+json; `field` must be named in `errors` when given."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert {"type", "title", "status", "detail", "errors"} <= set(body)
    assert body["status"] == status
    if field is not None:
        assert field in [e["field"] for e in body["errors"]], body
    return body
