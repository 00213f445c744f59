"""The FastAPI application: routers, problem+json handlers, middleware, and the lifespan."""
from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from crmkit import metrics
from fastapi import FastAPI
from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor

from crm_gateway import docs, openapi, problems, web_client
from crm_gateway.api.accounts import router as accounts
from crm_gateway.api.activities import router as activities
from crm_gateway.api.alerts import router as alerts
from crm_gateway.api.contacts import router as contacts
from crm_gateway.api.erp import router as erp
from crm_gateway.api.forecasts import router as forecasts
from crm_gateway.api.health import router as health
from crm_gateway.api.identity import router as identity
from crm_gateway.api.imports import router as imports
from crm_gateway.api.kiosks import router as kiosks
from crm_gateway.api.leads import router as leads
from crm_gateway.api.opportunities import router as opportunities
from crm_gateway.api.search import router as search
from crm_gateway.bootstrap import running
from crm_gateway.guards import RequestGuardMiddleware
from crm_gateway.middleware import PublicFormCorsMiddleware, RequestIdMiddleware, SecurityHeadersMiddleware
from crm_gateway.settings import GatewaySettings

DESCRIPTION = """The CRM's public REST API. Authenticate with `POST /api/v1/auth/token` (Bearer access
token) or, for machines, an `X-API-Key` header; the ERP's posts under `/api/v1/erp` are HMAC-signed
instead (`X-CRM-Key-Id`, `X-CRM-Timestamp`, `X-CRM-Signature`). Errors are RFC 9457
`application/problem+json`."""
OPENAPI_URL = "/openapi.json"


def create_app(settings: GatewaySettings) -> FastAPI:
    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with running(settings) as runtime:
            app.state.runtime = runtime
            watcher = metrics.start(settings, runtime.engine)
            yield
            await watcher.stop()

    app = FastAPI(title="CRM API", version="1.0.0", description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None, openapi_url=OPENAPI_URL)
    app.openapi = lambda: openapi.document(app)  # type: ignore[method-assign]  # FastAPI's way to extend it
    for module in (identity, leads, accounts, contacts, activities, kiosks, search, imports, erp, opportunities,
                   alerts, forecasts, health):
        app.include_router(module.router)
    if settings.web_dir is not None:
        web_client.install(app, settings.web_dir)
    problems.install(app)
    docs.install(app, OPENAPI_URL)
    app.add_middleware(PublicFormCorsMiddleware)
    FastAPIInstrumentor.instrument_app(app, excluded_urls="healthz,readyz")
    app.add_middleware(RequestGuardMiddleware, json_limit=settings.max_body_bytes,
                       upload_limit=settings.max_upload_bytes)
    app.add_middleware(RequestIdMiddleware)
    app.add_middleware(metrics.HttpMetrics)
    app.add_middleware(SecurityHeadersMiddleware)
    return app
