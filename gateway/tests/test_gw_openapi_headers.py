"""Issue 13 findings 9-10: the OpenAPI document declares the problem answers a client must handle, every
response carries security headers (HSTS over TLS only), and /docs is served without a CDN."""
from __future__ import annotations

import re

import httpx
from gw_helpers import bearer, login

PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}


async def test_finding_9_every_operation_declares_its_problem_answers(client):
    doc = (await client.get("/openapi.json")).json()
    assert {"type", "title", "status", "detail", "errors"} <= set(doc["components"]["schemas"]["Problem"]["required"])
    for path, operations in doc["paths"].items():
        for method, operation in operations.items():
            errors = {int(s): r for s, r in operation["responses"].items() if int(s) >= 400}
            assert 400 in errors, (method, path)
            for status, response in errors.items():
                assert response["content"] == {"application/problem+json": {"schema": PROBLEM_REF}}, (path, status)
            if path.startswith("/api/v1/") and not path.startswith(("/api/v1/auth/", "/api/v1/web-forms/{slug}/s")):
                assert {401, 403} <= set(errors), (method, path)
            if "{" in path:
                assert 404 in errors, (method, path)
            if method in ("post", "patch"):
                assert 413 in errors and 422 in errors, (method, path)
    assert 412 in {int(s) for s in doc["paths"]["/api/v1/leads/{lead_id}"]["patch"]["responses"]}
    assert {429, 415} <= {int(s) for s in doc["paths"]["/api/v1/web-forms/{slug}/submissions"]["post"]["responses"]}
    assert 429 in {int(s) for s in doc["paths"]["/api/v1/auth/token"]["post"]["responses"]}
    assert 503 in {int(s) for s in doc["paths"]["/api/v1/accounts"]["get"]["responses"]}


BOUNDS = {"maxLength", "enum", "pattern", "format", "const"}


def _strings(schema: dict, where: str, components: dict, seen: tuple[str, ...] = ()):
    """(where, schema) of every string a request schema can carry, through $refs, unions and arrays."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        if name not in seen:
            yield from _strings(components[name], f"{where}.{name}", components, (*seen, name))
        return
    for union in ("anyOf", "allOf", "oneOf"):
        for part in schema.get(union, []):
            yield from _strings(part, where, components, seen)
    if schema.get("type") == "string":
        yield where, schema
    elif schema.get("type") == "array":
        yield from _strings(schema.get("items", {}), f"{where}[]", components, seen)
    for name, part in schema.get("properties", {}).items():
        yield from _strings(part, f"{where}.{name}", components, seen)


async def test_finding_9_every_string_a_client_sends_declares_the_bound_the_api_enforces(client):
    """Parameters (path, query, header, cookie) and request bodies, operation by operation: a generated
    client learns each limit from the document instead of from a 422 (Idempotency-Key, repeatable
    filters, the login form and the import upload were unbounded in the document before)."""
    doc = (await client.get("/openapi.json")).json()
    components = doc["components"]["schemas"]
    unbounded = []
    for path, operations in doc["paths"].items():
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                unbounded += [(method, path, where) for where, schema in
                              _strings(parameter["schema"], parameter["name"], components) if not BOUNDS & set(schema)]
            for media, content in operation.get("requestBody", {}).get("content", {}).items():
                unbounded += [(method, path, media, where) for where, schema in
                              _strings(content["schema"], "body", components) if not BOUNDS & set(schema)]
    assert unbounded == []
    upload = doc["paths"]["/api/v1/imports"]["post"]["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert "erp-finance" in upload["properties"]["kind"]["enum"] and upload["required"] == ["kind", "file"]
    form = doc["paths"]["/api/v1/web-forms/{slug}/submissions"]["post"]["requestBody"]["content"]
    assert set(form) == {"application/json", "application/x-www-form-urlencoded"}


async def test_finding_9_the_declared_bounds_are_the_enforced_ones(client):
    admin = bearer(await login(client, "admin"))
    too_long = await client.get("/api/v1/leads", params={"owner_id": "x" * 101}, headers=admin)
    assert too_long.status_code == 422 and too_long.json()["errors"][0]["field"].startswith("owner_id")
    key = await client.post("/api/v1/leads", headers={**admin, "Idempotency-Key": "k" * 256},
                            json={"last_name": "Lovelace", "company": "Engines"})
    assert key.status_code == 422
    refused = await client.post("/api/v1/imports", headers=admin, data={"kind": "erp-horoscopes"},
                                files={"file": ("a.csv", b"a,b\n")})
    assert refused.status_code == 422 and [e["field"] for e in refused.json()["errors"]] == ["kind"]
    name = await client.post("/api/v1/auth/token", data={"username": "u" * 65, "password": "x"})
    assert name.status_code == 422


async def test_finding_10_security_headers_on_every_response(gw, client):
    admin = bearer(await login(client, "admin"))
    for answer in (await client.get("/api/v1/me", headers=admin), await client.get("/api/v1/me"),
                   await client.get("/api/v1/leads?q=%00"), await client.get("/healthz"), await client.get("/docs")):
        headers = answer.headers
        assert headers["x-content-type-options"] == "nosniff", answer.url
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["referrer-policy"] == "no-referrer"
        assert "strict-transport-security" not in headers  # plain HTTP: no HSTS
    transport = httpx.ASGITransport(app=gw.app, client=("127.0.0.1", 40000))
    async with httpx.AsyncClient(transport=transport, base_url="https://gateway.test") as tls:
        assert "max-age=" in (await tls.get("/healthz")).headers["strict-transport-security"]


async def test_finding_10_the_docs_load_nothing_from_elsewhere(client):
    page = await client.get("/docs")
    assert page.status_code == 200
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert sources and all(s.startswith("/") for s in sources), sources
    assert "<script>" not in page.text  # no inline script: the CSP allows none
    for source in sources:
        assert (await client.get(source)).status_code == 200, source
    assert "script-src 'self'" in page.headers["content-security-policy"]
