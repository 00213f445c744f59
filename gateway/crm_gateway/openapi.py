"""The OpenAPI document as a client must read it: every status a route can answer, each error as
RFC 9457 application/problem+json (crm_gateway.problems), so a generated client knows them all.

Which statuses apply follows from what an operation is: any request may be refused by the guard
(400, 413 with a body); an authenticated route answers 401 and 403; a path parameter may name
nothing, and so may an id in a query or body (404); a write may conflict (409); If-Match may be
stale (412); the login and the public form posts are rate-limited (429); a route needing a service
may find it down (503).
"""
from __future__ import annotations

from http import HTTPStatus

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from crm_gateway.problems import MEDIA_TYPE

PROBLEM = "Problem"
_PROBLEM_SCHEMA = {
    "type": "object",
    "required": ["type", "title", "status", "detail", "errors"],
    "properties": {
        "type": {"type": "string", "examples": ["urn:crm:problem:invalid"]},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {"type": "array", "items": {
            "type": "object", "required": ["field", "message"],
            "properties": {"field": {"type": "string"}, "message": {"type": "string"}}}},
        "request_id": {"type": "string"},
    },
}
_WHY = {
    400: "malformed: a NUL, control character or non-UTF-8 in a parameter, JSON that does not parse or nests "
         "too deep",
    401: "no valid credentials (WWW-Authenticate tells which)",
    403: "the caller's role or the record's visibility does not allow it",
    404: "a record the path, query or body names does not exist, or the caller may not see it",
    409: "conflicts with the stored state (a duplicate, or an Idempotency-Key reused with another body)",
    412: "If-Match names a version that is no longer current",
    413: "the body is over the size limit of its route",
    415: "the body's media type is not one this route reads",
    422: "invalid fields, each named in `errors`",
    429: "too many attempts; Retry-After says when to come back",
    503: "a service this request needs is unavailable; retry later",
}
# Routes anyone may call; every other /api/v1 route authenticates its caller.
_PUBLIC = ("/api/v1/auth/", "/api/v1/web-forms/{slug}/submissions", "/healthz", "/readyz")
_SIGNED = "/api/v1/erp/"  # HMAC-signed machine posts: 401 on a bad signature, 403 for another role
_THROTTLED = ("/api/v1/auth/token", "/api/v1/auth/session", "/api/v1/web-forms/{slug}/submissions")
# The web client's cookie session: 403 without its X-CRM-Session header or from another origin, 401
# without a valid login or refresh cookie (crm_gateway.api.identity.session).
_BROWSER_SESSION = "/api/v1/auth/session"
_IDENTITY = ("/api/v1/auth/", "/api/v1/me", "/api/v1/users", "/api/v1/api-clients", "/api/v1/territories",
             "/api/v1/audit-events")

# Under /api/v1/me but answered by a service (the caller's stage alerts, the sales service's).
_SERVED_FOR_ME = ("/api/v1/me/alerts",)


def _statuses(path: str, method: str, operation: dict) -> set[int]:
    parameters = operation.get("parameters", [])
    found = {400}
    if method in ("post", "put", "patch"):
        found |= {413, 422}
    if parameters:
        found.add(422)
    if any(p["in"] == "path" for p in parameters) or path.startswith("/api/v1/") and not path.startswith(_PUBLIC):
        found.add(404)
    if method in ("post", "put", "patch", "delete"):
        found.add(409)
    if any(p["in"] == "header" and p["name"].lower() == "if-match" for p in parameters):
        found.add(412)
    if not path.startswith(_PUBLIC):
        found |= {401, 403}
    if path == "/api/v1/auth/token" or path == "/api/v1/auth/refresh":
        found.add(401)
    if path.startswith(_BROWSER_SESSION):
        found |= {401, 403}
    if path.startswith(_THROTTLED):
        found.add(429)
    if path == "/api/v1/web-forms/{slug}/submissions":
        found |= {404, 415}
    if path.startswith("/api/v1/") and not path.startswith(_IDENTITY) or path.startswith(_SERVED_FOR_ME):
        found.add(503)
    if path == "/readyz":
        found.add(503)
    return found


def _problem_response(status: int) -> dict:
    return {"description": f"{HTTPStatus(status).phrase}: {_WHY.get(status, '')}".rstrip(": "),
            "content": {MEDIA_TYPE: {"schema": {"$ref": f"#/components/schemas/{PROBLEM}"}}}}


def document(app: FastAPI) -> dict:
    """The app's OpenAPI document with its problem answers (built once, then cached by FastAPI)."""
    if app.openapi_schema is not None:
        return app.openapi_schema
    doc = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    schemas[PROBLEM] = _PROBLEM_SCHEMA
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
    for path, operations in doc.get("paths", {}).items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            for status in sorted(_statuses(path, method, operation)):
                responses[str(status)] = _problem_response(status)
    app.openapi_schema = doc
    return doc
