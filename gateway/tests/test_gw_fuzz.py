"""Issue 13: the whole OpenAPI document fuzzed as several roles, and every operation sent malformed
input, with zero server errors and zero statuses the document does not declare.

Schemathesis generates the requests from the document (valid and invalid, a few per operation so the
run stays short); they go through the in-process app with each role's credentials, from an address
of their own so the login throttle they trip stays theirs."""
from __future__ import annotations

import json
import urllib.parse
import uuid
import warnings

import httpx
import pytest
import schemathesis
from gw_helpers import bearer, login
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.generation import GenerationMode

pytestmark = pytest.mark.live  # what the real services do behind the gateway (conftest.py)

ROLES = ("admin", "sdr1", "ae.ne")
EXAMPLES = 2  # per operation and generation mode: bounded, the run stays well under a minute
FUZZ_ADDRESS = "10.77.0.1"
_DROPPED_HEADERS = {"connection", "accept-encoding", "user-agent", "authorization", "x-api-key", "content-length"}


def _cases(operation, mode: GenerationMode) -> list:
    found = []

    @settings(max_examples=EXAMPLES, database=None, phases=[Phase.generate], deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(operation.as_strategy(generation_mode=mode))
    def collect(case) -> None:
        found.append(case)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            collect()
        except Unsatisfiable:  # nothing to make invalid (an operation without parameters or body)
            pass
    return found


def _request(case) -> dict | None:
    """The case as httpx arguments; None when no HTTP client could send it (a header no encoding carries)."""
    sent = case.as_transport_kwargs(base_url="http://gateway.test")
    headers = {k: v for k, v in sent.get("headers", {}).items() if k.lower() not in _DROPPED_HEADERS}
    try:
        for value in headers.values():
            str(value).encode("latin-1")
    except UnicodeEncodeError:
        return None
    request = {"method": sent["method"], "url": sent["url"].removeprefix("http://gateway.test"),
               "headers": headers, "params": sent.get("params") or None}
    if "json" in sent:
        request["content"] = json.dumps(sent["json"]).encode()
        headers.setdefault("Content-Type", "application/json")
    elif isinstance(sent.get("data"), dict):
        request["content"] = urllib.parse.urlencode(
            {k: v if isinstance(v, (str, int, float)) else json.dumps(v) for k, v in sent["data"].items()}).encode()
    elif "data" in sent:
        request["content"] = sent["data"] if isinstance(sent["data"], bytes) else str(sent["data"]).encode()
    if "files" in sent:
        request["files"] = sent["files"]
    return request


def _declared(doc: dict, path: str, method: str) -> set[int]:
    return {int(status) for status in doc["paths"][path][method]["responses"]}


@pytest.fixture(scope="module")
async def credentials(gw) -> dict[str, dict[str, str]]:
    async with gw.client(FUZZ_ADDRESS) as c:
        return {"anonymous": {}, **{role: bearer(await login(c, role)) for role in ROLES}}


async def test_schemathesis_run_over_the_whole_document_as_three_roles(gw, credentials):
    async with gw.client(FUZZ_ADDRESS) as c:
        doc = (await c.get("/openapi.json")).json()
        schema = schemathesis.openapi.from_dict(doc)
        failures, sent = [], 0
        for result in schema.get_all_operations():
            operation = result.ok()
            declared = _declared(doc, operation.path, operation.method.lower())
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                for case in _cases(operation, mode):
                    request = _request(case)
                    if request is None:
                        continue
                    for role in ROLES:
                        try:
                            answer = await c.request(**{**request, "headers": {**request["headers"],
                                                                                **credentials[role]}})
                        except (httpx.InvalidURL, UnicodeEncodeError, TypeError, ValueError):
                            break  # a request no client can put on the wire
                        sent += 1
                        if answer.status_code >= 500 or answer.status_code not in declared:
                            failures.append((role, request["method"], request["url"], answer.status_code,
                                             answer.text[:300]))
        assert sent > 200
        assert failures == [], sorted({(m, u.split('?')[0], s) for _, m, u, s, _ in failures})


_BAD_TEXT = ["a\x00b", "a\x07b", "\ud800", "x" * 100_000]
_BAD_QUERY = ["%00", "%ff%fe", "%1b", "x" * 5000]


def _bad_requests(doc: dict):
    """(method, url, kwargs) for each operation: bad path and query values, bad bodies of every kind."""
    for path, operations in doc["paths"].items():
        for method in operations:
            params = operations[method].get("parameters", [])
            filled = path
            for p in (p for p in params if p["in"] == "path"):
                filled = filled.replace("{" + p["name"] + "}", str(uuid.uuid4()))
            queries = [p["name"] for p in params if p["in"] == "query"] or ["cursor"]
            for bad in _BAD_QUERY:
                yield method, f"{filled}?{queries[0]}={bad}&cursor={bad}", {}
            if "{" in path:
                yield method, path.split("{")[0] + "a%00b" + path.split("}", 1)[1].split("{")[0], {}
            if method in ("post", "patch", "put"):
                json_type = {"Content-Type": "application/json"}
                yield method, filled, {"content": b"[" * 5000 + b"]" * 5000, "headers": json_type}
                yield method, filled, {"content": b'{"name": "\xff\xfe"}', "headers": json_type}
                yield method, filled, {"content": b"x" * (2 * 1024 * 1024), "headers": json_type}
                yield method, filled, {"content": b'{"cursor": "%%%", "name": 1e999}', "headers": json_type}
                for text in _BAD_TEXT:
                    body = {name: text for name in ("name", "first_name", "email", "phone", "slug", "username",
                                                    "source", "refresh_token", "kind", "account_id")}
                    yield method, filled, {"content": json.dumps(body).encode(), "headers": json_type}


async def test_malformed_input_to_every_operation_for_every_role_is_never_a_server_error(gw, credentials):
    async with gw.client(FUZZ_ADDRESS) as c:
        doc = (await c.get("/openapi.json")).json()
        failures, sent = [], 0
        for method, url, kwargs in _bad_requests(doc):
            for role, auth in credentials.items():
                answer = await c.request(method.upper(), url, **{**kwargs, "headers": {**kwargs.get("headers", {}),
                                                                                          **auth}})
                sent += 1
                if answer.status_code >= 500:
                    failures.append((role, method, url[:120], answer.status_code, answer.text[:200]))
        assert sent > 1000
        assert failures == [], failures[:10]
        assert (await c.get("/healthz")).status_code == 200  # the process is alive and answering
