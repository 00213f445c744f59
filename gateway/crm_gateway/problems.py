"""RFC 9457 problem+json for every error: {type, title, status, detail, errors: [{field, message}]}."""
from __future__ import annotations

import logging
from http import HTTPStatus

from crmkit.errors import CrmError
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException

from crm_gateway.domain.errors import PasswordsBusy, TooManyRequests

log = logging.getLogger(__name__)

MEDIA_TYPE = "application/problem+json"
STATUS_BY_KIND = {
    "bad_request": 400,
    "invalid": 422,
    "not_found": 404,
    "conflict": 409,
    "precondition_failed": 412,
    "forbidden": 403,
    "unauthenticated": 401,
    "rate_limited": 429,
    "overloaded": 503,  # before "unavailable": a 503 problem's type stays urn:crm:problem:unavailable
    "unavailable": 503,
    "internal": 500,
}
_KIND_BY_STATUS = {status: kind for kind, status in STATUS_BY_KIND.items()}
_LOCATIONS = ("body", "query", "path", "header", "cookie")
WWW_AUTHENTICATE = 'Bearer realm="crm"'


def problem(status: int, detail: str, *, errors: list[dict] | None = None, headers: dict[str, str] | None = None,
            extra: dict | None = None) -> JSONResponse:
    kind = _KIND_BY_STATUS.get(status, "http")
    body = {
        "type": f"urn:crm:problem:{kind}" if kind != "http" else "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "errors": errors or [],
        **(extra or {}),
    }
    response_headers = dict(headers or {})
    if status == 401:
        response_headers.setdefault("WWW-Authenticate", WWW_AUTHENTICATE)
    return JSONResponse(body, status_code=status, headers=response_headers, media_type=MEDIA_TYPE)


async def _crm_error(request: Request, exc: CrmError) -> JSONResponse:
    status = STATUS_BY_KIND.get(exc.kind, 500)
    headers = {}
    if isinstance(exc, TooManyRequests | PasswordsBusy):
        headers["Retry-After"] = str(exc.retry_after)
    elif status == 503:
        headers["Retry-After"] = "1"
    if status == 401 and request.headers.get("authorization"):
        headers["WWW-Authenticate"] = f'{WWW_AUTHENTICATE}, error="invalid_token"'
    detail = exc.detail
    if status >= 500:
        log.error("%s %s failed: %s", request.method, request.url.path, exc.detail)
        detail = "a service this request needs is unavailable; retry later" if status == 503 else "internal error"
    errors = [{"field": p.field, "message": p.message} for p in exc.problems]
    return problem(status, detail, errors=errors, headers=headers)


def field_name(loc: tuple | list) -> str:
    """('body', 'territories', 0) -> 'territories.0'; the location prefix is dropped."""
    parts = list(loc)
    if parts and parts[0] in _LOCATIONS:
        parts = parts[1:]
    return ".".join(str(p) for p in parts) or "body"


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    if any(e.get("type") == "json_invalid" for e in exc.errors()):
        return problem(400, "the request body is not valid JSON")
    errors = [{"field": field_name(e.get("loc", ())), "message": e.get("msg", "invalid")} for e in exc.errors()]
    return problem(422, "the request has invalid fields", errors=errors)


async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
    return problem(exc.status_code, detail, headers=dict(exc.headers or {}))


async def _pool_exhausted(request: Request, exc: PoolTimeout) -> JSONResponse:
    """Every database connection stayed busy for the pool's (short) timeout: overload, answered fast."""
    log.warning("%s %s: database pool exhausted", request.method, request.url.path)
    return problem(503, "the gateway is overloaded; retry shortly", headers={"Retry-After": "1"})


def install(app: FastAPI) -> None:
    # Starlette types every handler as taking the base Exception; each of these gets only its own class.
    app.add_exception_handler(CrmError, _crm_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(PoolTimeout, _pool_exhausted)  # type: ignore[arg-type]
