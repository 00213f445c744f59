"""Who may do what (SEC, DESIGN.md section 2): tokens, refresh families, roles, direct gRPC calls."""
from __future__ import annotations

import asyncio
import time

import grpc
import jwt
import pytest
from crm.leads.v1 import leads_pb2, leads_pb2_grpc
from crmkit.principal import METADATA_KEY, Principal, PrincipalSigner, generate_keypair

from tests.e2e.support import Api

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("username", ["csr1", "cs.manager", "ae.ne", "se.east"])
def test_roles_with_no_business_in_leads_get_403(as_user, username):
    r = as_user(username).get("/api/v1/leads")
    assert r.status_code == 403
    assert r.headers["content-type"].startswith("application/problem+json")


@pytest.mark.parametrize("username", ["sdr1", "marketing", "vp.sales", "admin"])
def test_lead_roles_can_list(as_user, username):
    assert as_user(username).get("/api/v1/leads").status_code == 200


def test_no_token_is_401(anonymous):
    assert anonymous.get("/api/v1/leads").status_code == 401


def _claims_of(token: str) -> dict:
    return jwt.decode(token, options={"verify_signature": False})


@pytest.mark.parametrize("forge", ["expired", "alg_none", "tampered", "other_key"])
def test_bad_jwts_are_401(platform, as_user, anonymous, forge):
    token = as_user("sdr1").tokens["access_token"]
    claims = _claims_of(token)
    real_secret = platform.gateway_env["CRM_GATEWAY_JWT_SECRET"]
    if forge == "expired":  # genuinely signed, but past its time
        bad = jwt.encode(dict(claims, exp=int(time.time()) - 60), real_secret, algorithm="HS256")
    elif forge == "alg_none":
        bad = jwt.encode(dict(claims, role="admin"), key=None, algorithm="none")
    elif forge == "tampered":  # the real signature over a changed payload
        header, _, signature = token.split(".")
        payload = jwt.encode(dict(claims, role="admin"), "x" * 40, algorithm="HS256").split(".")[1]
        bad = ".".join([header, payload, signature])
    else:
        bad = jwt.encode(claims, "another-secret-of-sufficient-length-123456", algorithm="HS256")
    r = anonymous.get("/api/v1/leads", headers={"Authorization": f"Bearer {bad}"})
    assert r.status_code == 401
    assert r.headers["content-type"].startswith("application/problem+json")


def test_reusing_a_spent_refresh_token_revokes_the_whole_family(platform):
    api = Api(platform.url)
    first = api.login("sdr2")
    second = api.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert second.status_code == 200
    reuse = api.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert reuse.status_code == 401
    # the thief's reuse also kills the legitimate holder's newer token
    after = api.post("/api/v1/auth/refresh", json={"refresh_token": second.json()["refresh_token"]})
    assert after.status_code == 401


def test_direct_grpc_call_with_missing_or_forged_principal_is_refused(platform):
    target = platform.gateway_env["CRM_GATEWAY_LEADS_TARGET"]
    address = target.removeprefix("ipv4:").split(",")[0]
    forged = PrincipalSigner(generate_keypair()[0]).sign(Principal(user_id="x", role="admin"), service="leads")

    async def call(metadata):
        async with grpc.aio.insecure_channel(address) as channel:
            stub = leads_pb2_grpc.LeadsStub(channel)
            await stub.ListLeads(leads_pb2.ListLeadsRequest(), metadata=metadata, timeout=5)

    for metadata in ((), ((METADATA_KEY, forged),)):
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            asyncio.run(call(metadata))
        assert caught.value.code() == grpc.StatusCode.UNAUTHENTICATED
