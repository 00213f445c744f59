"""Authentication: password login, refresh rotation and reuse detection, logout, JWT checks and
login throttling. Every security event lands in the audit log (GEN-8; RPT-4 recent logins)."""
from __future__ import annotations

import asyncio
import base64
import json
import time

import jwt
from gw_helpers import DEMO_PASSWORD, assert_problem, bearer, login

from crm_gateway.service_layer import users


async def test_login_ok_returns_bearer_pair_and_audits(gw, client):
    """SEC: a good password answers an access token, its lifetime and a refresh token; the login is audited."""
    tokens = await login(client, "sdr1")
    assert tokens["token_type"] == "bearer"
    assert tokens["expires_in"] == 900
    assert len(tokens["refresh_token"]) >= 43
    me = await client.get("/api/v1/me", headers=bearer(tokens))
    assert me.json()["username"] == "sdr1"
    rows = await gw.sql("select actor_name, address from audit_log where action = 'login' and actor_name = 'sdr1'")
    assert rows and rows[-1].address == "127.0.0.1"


async def test_bad_logins_answer_the_same_401_problem(gw):
    """SEC: wrong password, unknown user: one message, no user enumeration; failures audited (GEN-8)."""
    async with gw.client("10.1.0.1") as c:
        wrong = await c.post("/api/v1/auth/token", data={"username": "csr1", "password": "not-the-password"})
        unknown = await c.post("/api/v1/auth/token", data={"username": "nobody", "password": "not-the-password"})
    body_wrong, body_unknown = assert_problem(wrong, 401), assert_problem(unknown, 401)
    assert body_wrong["detail"] == body_unknown["detail"]
    assert wrong.headers["www-authenticate"].startswith("Bearer")
    reasons = {r.actor_name: r.detail["reason"] for r in await gw.sql(
        "select actor_name, detail from audit_log where action = 'login_failed' and address = '10.1.0.1'")}
    assert reasons == {"csr1": "wrong password", "nobody": "unknown user"}


async def test_missing_form_fields_name_the_field(client):
    assert_problem(await client.post("/api/v1/auth/token", data={"username": "admin"}), 422, field="password")


async def test_refresh_rotates_and_spends_the_old_token(client):
    """SEC: refresh answers a new pair; the presented refresh token cannot be used twice."""
    first = await login(client, "marketing")
    second = (await client.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})).json()
    assert second["refresh_token"] != first["refresh_token"]
    assert (await client.get("/api/v1/me", headers=bearer(second))).status_code == 200
    third = await client.post("/api/v1/auth/refresh", json={"refresh_token": second["refresh_token"]})
    assert third.status_code == 200


async def test_refresh_reuse_revokes_the_whole_family(gw, client):
    """SEC: presenting a spent refresh token revokes every token of that login (theft detection); audited."""
    first = await login(client, "vp.marketing")
    other_login = await login(client, "vp.marketing")
    second = (await client.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})).json()
    reuse = await client.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert_problem(reuse, 401)
    assert_problem(await client.post("/api/v1/auth/refresh", json={"refresh_token": second["refresh_token"]}), 401)
    # another login of the same user is another family, untouched
    again = await client.post("/api/v1/auth/refresh", json={"refresh_token": other_login["refresh_token"]})
    assert again.status_code == 200
    assert await gw.sql("select 1 from audit_log where action = 'refresh_reused' and actor_name = 'vp.marketing'")


async def test_logout_revokes_the_family(gw, client):
    """SEC: logout answers 204, the refresh token no longer works; audited (GEN-8)."""
    tokens = await login(client, "kam")
    response = await client.post("/api/v1/auth/logout", json={"refresh_token": tokens["refresh_token"]})
    assert response.status_code == 204
    assert_problem(await client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}), 401)
    assert await gw.sql("select 1 from audit_log where action = 'logout' and actor_name = 'kam'")


async def test_unknown_refresh_token_is_401(client):
    assert_problem(await client.post("/api/v1/auth/refresh", json={"refresh_token": "x" * 43}), 401)
    assert_problem(await client.post("/api/v1/auth/refresh", json={}), 422, field="refresh_token")


def _claims(gw, user_id: str, **changes) -> dict:
    now = int(time.time())
    claims = {"iss": gw.settings.jwt_issuer, "aud": gw.settings.jwt_audience, "sub": user_id, "typ": "access",
              "role": "admin", "iat": now, "exp": now + 600}
    claims.update(changes)
    return claims


async def _admin_id(gw) -> str:
    return str((await gw.sql("select id from users where username = 'admin'"))[0].id)


async def test_forged_and_expired_jwts_are_401(gw, client):
    """SEC: expired, alg:none, tampered, foreign-secret and wrong-typ tokens are refused with a 401 problem."""
    admin_id = await _admin_id(gw)
    secret = gw.settings.jwt_secret.get_secret_value()
    good = jwt.encode(_claims(gw, admin_id), secret, algorithm="HS256")
    assert (await client.get("/api/v1/me", headers={"Authorization": f"Bearer {good}"})).status_code == 200

    def b64(data: dict) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")

    header, payload, signature = good.split(".")
    elevated = b64({**_claims(gw, admin_id), "sub": admin_id, "role": "admin", "exp": int(time.time()) + 99999})
    forged = {
        "expired": jwt.encode(_claims(gw, admin_id, iat=int(time.time()) - 7200, exp=int(time.time()) - 3600),
                              secret, algorithm="HS256"),
        "alg none": f"{b64({'alg': 'none', 'typ': 'JWT'})}.{payload}.",
        "tampered": f"{header}.{elevated}.{signature}",
        "other secret": jwt.encode(_claims(gw, admin_id), "another-secret-another-secret-0123456789",
                                   algorithm="HS256"),
        "wrong typ": jwt.encode(_claims(gw, admin_id, typ="refresh"), secret, algorithm="HS256"),
        "wrong audience": jwt.encode(_claims(gw, admin_id, aud="someone-else"), secret, algorithm="HS256"),
        "garbage": "not.a.jwt",
    }
    for name, token in forged.items():
        response = await client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
        assert_problem(response, 401)
        assert 'error="invalid_token"' in response.headers["www-authenticate"], name
    assert_problem(await client.get("/api/v1/me"), 401)


async def test_account_throttled_after_five_failures(gw):
    """SEC: past 5 failed logins each attempt on the account waits a growing delay -> 429 with Retry-After;
    audited. The account is not locked: the real user gets in once the delay ran out."""
    await users.create_user(gw=gw.runtime.gateway, actor=None, address="test", username="throttled.user",
                            full_name="T", email="t@example.com", role="csr", territories=[], manager_id=None,
                            password=DEMO_PASSWORD)
    async with gw.client("10.2.0.1") as c:
        for _ in range(6):
            r = await c.post("/api/v1/auth/token", data={"username": "throttled.user", "password": "wrong-password"})
            assert r.status_code == 401
        blocked = await c.post("/api/v1/auth/token", data={"username": "throttled.user", "password": DEMO_PASSWORD})
        assert_problem(blocked, 429)
        assert 0 < int(blocked.headers["retry-after"]) <= gw.settings.login_delay_cap_seconds
        await asyncio.sleep(int(blocked.headers["retry-after"]) + 0.2)
        assert (await c.post("/api/v1/auth/token", data={"username": "throttled.user",
                                                          "password": DEMO_PASSWORD})).status_code == 200
    assert await gw.sql("select 1 from audit_log where action = 'login_throttled' and actor_name = 'throttled.user'")


async def test_address_throttled_after_twenty_failures(bare_gw):
    """SEC: 20 failures from one address (any accounts) -> 429; in-process counters without Redis."""
    async with bare_gw.client("10.3.0.1") as c:
        for i in range(20):
            r = await c.post("/api/v1/auth/token", data={"username": f"ghost{i}", "password": "wrong-password"})
            assert r.status_code == 401
        assert_problem(await c.post("/api/v1/auth/token", data={"username": "admin", "password": DEMO_PASSWORD}), 429)
    async with bare_gw.client("10.3.0.2") as other:
        answer = await other.post("/api/v1/auth/token", data={"username": "admin", "password": DEMO_PASSWORD})
        assert answer.status_code == 200
