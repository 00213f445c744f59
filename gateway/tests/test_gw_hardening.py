"""Issue 13: client mistakes are 4xx problems naming the field, never 5xx (findings 1-4, 11): NUL
bytes, invalid UTF-8 and control characters in paths, queries, headers and bodies; tokens naming no
user; deep JSON; oversized bodies refused before parsing or authentication; import rows that cannot
be stored as read; full-width emails; repeated lead creates."""
from __future__ import annotations

import json
import time
import uuid

import jwt
import pytest
from gw_helpers import assert_problem, bearer, login
from test_gw_imports import HEADER, TODAY, finished, upload

pytestmark = pytest.mark.live  # what the real services do behind the gateway (conftest.py)

DEEP = b"[" * 5000 + b"]" * 5000


@pytest.mark.parametrize("target", ["/api/v1/search/accounts?q=a%00b", "/api/v1/leads?q=a%01b",
                                    "/api/v1/leads?q=%ff%fe", "/api/v1/leads?cursor=%00"])
async def test_finding_1_bad_characters_in_a_query_are_400_naming_it(client, target):
    for headers in ({}, bearer(await login(client, "admin"))):
        body = assert_problem(await client.get(target, headers=headers), 400)
        assert body["errors"][0]["field"] in ("q", "cursor"), body


async def test_finding_1_bad_characters_in_a_path_are_400_naming_the_parameter(client):
    answer = await client.post("/api/v1/web-forms/a%00b/submissions", json={"email": "x@example.com"})
    assert_problem(answer, 400, field="slug")
    assert_problem(await client.get("/api/v1/leads/%ff%00", headers=bearer(await login(client, "admin"))), 400,
                   field="lead_id")


async def test_finding_1_control_characters_in_a_header_are_400(client):
    answer = await client.get("/api/v1/leads", headers={"Authorization": "Bearer a\x01b"})
    assert_problem(answer, 400, field="authorization")


async def test_finding_1_a_signed_token_naming_no_user_id_is_401(gw, client):
    now = int(time.time())
    settings = gw.settings
    forged = jwt.encode({"iss": settings.jwt_issuer, "aud": settings.jwt_audience, "sub": "not-a-uuid",
                         "typ": "access", "role": "admin", "iat": now, "nbf": now, "exp": now + 60},
                        settings.jwt_secret.get_secret_value(), algorithm="HS256")
    assert_problem(await client.get("/api/v1/leads", headers={"Authorization": f"Bearer {forged}"}), 401)


async def test_finding_2_deep_json_is_400_before_parsing(client):
    for content_type in ("application/json", ""):
        answer = await client.post("/api/v1/web-forms/any-form/submissions", content=DEEP,
                                   headers={"Content-Type": content_type} if content_type else {})
        assert 400 <= answer.status_code < 500, answer.text
    admin = bearer(await login(client, "admin"))
    answer = await client.post("/api/v1/leads", content=DEEP, headers={**admin, "Content-Type": "application/json"})
    assert_problem(answer, 400, field="body")
    assert_problem(await client.post("/api/v1/leads", content=b'{"source": "\xff"}',
                                     headers={**admin, "Content-Type": "application/json"}), 400, field="body")


async def test_finding_4_oversized_bodies_are_413_before_authentication(gw, client):
    limit = gw.settings.max_body_bytes
    big = b'{"source": "' + b"x" * limit + b'"}'
    answer = await client.post("/api/v1/leads", content=big, headers={"Content-Type": "application/json"})
    assert_problem(answer, 413)  # not 401: nothing was authenticated for it

    async def streamed():
        for _ in range(limit // 65536 + 2):
            yield b"x" * 65536

    answer = await client.post("/api/v1/auth/token", content=streamed(),
                               headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert_problem(answer, 413)


async def test_finding_3_a_nul_in_an_import_cell_fails_its_row_and_the_job_ends(client):
    admin = bearer(await login(client, "admin"))
    content = f"{HEADER}\nBAD\x00{uuid.uuid4().hex[:6]},{TODAY},1.00,1.00,1.00,1.00,0.00\n".encode()
    created = await upload(client, admin, content)
    assert created.status_code == 202, created.text
    job = await finished(client, admin, created.json()["id"], timeout=30)
    assert job["status"] == "completed" and job["counts"]["failed"] == 1, job
    failures = (await client.get(f"/api/v1/imports/{job['id']}/failures", headers=admin)).json()
    assert "\x00" not in failures["items"][0]["cells"][0] and failures["items"][0]["cells"][0].startswith("BAD")


@pytest.mark.parametrize("field", ["first_name", "phone", "company"])
async def test_finding_11_control_characters_in_text_fields_are_422_naming_it(client, field):
    admin = bearer(await login(client, "admin"))
    for bad in ("Ada\x07", "Ada\x00", "Ada\nLovelace", "Ada\ud800"):
        answer = await client.post("/api/v1/leads", content=json.dumps({"source": "website", field: bad}),
                                   headers={**admin, "Content-Type": "application/json"})
        assert_problem(answer, 422, field=field)


async def test_finding_11_a_full_width_email_matches_the_same_lead(client):
    admin = bearer(await login(client, "admin"))
    local = f"ada{uuid.uuid4().hex[:8]}"
    first = await client.post("/api/v1/leads", json={"source": "website", "email": f"{local}@example.com"},
                              headers=admin)
    assert first.status_code == 201, first.text
    wide = "".join(chr(ord(c) + 0xFEE0) for c in local)  # ASCII letters and digits in their full-width forms
    again = await client.post("/api/v1/leads", json={"source": "website", "email": f"{wide}@example.com"},
                              headers=admin)
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"], again.text
    assert again.headers["location"] == f"/api/v1/leads/{first.json()['id']}"
