"""Issue 13 finding 8: logout and a reused refresh token end that login's access tokens at once (a
revocation mark keyed by the token's `sid`, in Redis or in-process), and a principal the gateway signs
for one service is refused by another."""
from __future__ import annotations

import grpc
import pytest
from crm.accounts.v1 import accounts_pb2, accounts_pb2_grpc
from crmkit.principal import METADATA_KEY, Principal
from gw_helpers import assert_problem, bearer, login


async def _logout_ends_the_access_token(running) -> None:
    async with running.client() as c:
        tokens = await login(c, "kam")
        other = await login(c, "kam")
        assert (await c.get("/api/v1/me", headers=bearer(tokens))).status_code == 200
        assert (await c.post("/api/v1/auth/logout", json={"refresh_token": tokens["refresh_token"]})).status_code == 204
        assert_problem(await c.get("/api/v1/me", headers=bearer(tokens)), 401)
        assert (await c.get("/api/v1/me", headers=bearer(other))).status_code == 200  # another login goes on


async def test_finding_8_logout_ends_the_sessions_access_tokens(gw):
    await _logout_ends_the_access_token(gw)


async def test_finding_8_without_redis_too(bare_gw):
    await _logout_ends_the_access_token(bare_gw)


async def test_finding_8_a_reused_refresh_token_ends_the_familys_access_tokens(client):
    first = await login(client, "vp.marketing")
    second = (await client.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})).json()
    assert (await client.get("/api/v1/me", headers=bearer(second))).status_code == 200
    assert_problem(await client.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]}), 401)
    for tokens in (first, second):
        assert_problem(await client.get("/api/v1/me", headers=bearer(tokens)), 401)


async def test_finding_8_a_principal_for_one_service_is_refused_by_another(gw, accounts_service):
    signer = gw.runtime.gateway.signer
    admin = Principal(user_id="00000000-0000-0000-0000-000000000001", role="admin", username="admin")
    async with grpc.aio.insecure_channel(accounts_service.target) as channel:
        stub = accounts_pb2_grpc.AccountsStub(channel)
        request = accounts_pb2.SearchAccountsRequest(query="anything")
        for service in ("integration", "kiosks"):
            with pytest.raises(grpc.aio.AioRpcError) as refused:
                await stub.SearchAccounts(request, metadata=((METADATA_KEY, signer.sign(admin, service=service)),),
                                          timeout=5)
            assert refused.value.code() == grpc.StatusCode.UNAUTHENTICATED
        for service in ("accounts", "leads"):  # leads passes its caller's principal on to accounts
            await stub.SearchAccounts(request, metadata=((METADATA_KEY, signer.sign(admin, service=service)),),
                                      timeout=5)
