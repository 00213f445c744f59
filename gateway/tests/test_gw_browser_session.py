"""Browser sessions (issue 9): the refresh token only in an HttpOnly, SameSite=Strict cookie scoped to the
session path, renewal and logout through it, refused when a cross-site page could have sent them."""
from __future__ import annotations

from gw_helpers import DEMO_PASSWORD, assert_problem, bearer, login

SESSION = "/api/v1/auth/session"
MARK = {"X-CRM-Session": "1"}
SAME_ORIGIN = {**MARK, "Origin": "http://gateway.test"}


async def _start(client, username: str = "sdr1", headers=SAME_ORIGIN):
    return await client.post(SESSION, data={"username": username, "password": DEMO_PASSWORD}, headers=headers)


async def test_login_sets_an_httponly_strict_cookie_and_no_refresh_token_in_the_body(client):
    started = await _start(client)
    assert started.status_code == 200, started.text
    assert "refresh_token" not in started.json()
    cookie = started.headers["set-cookie"]
    assert cookie.startswith("crm_refresh=")
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and f"Path={SESSION}" in cookie
    assert "Secure" not in cookie  # plain HTTP here; over TLS the cookie is Secure
    assert started.headers["cache-control"] == "no-store"
    me = await client.get("/api/v1/me", headers=bearer(started.json()))
    assert me.json()["username"] == "sdr1"


async def test_refresh_through_the_cookie_rotates_it(client):
    await _start(client, "sdr2")
    first_cookie = client.cookies["crm_refresh"]
    renewed = await client.post(f"{SESSION}/refresh", headers=MARK)
    assert renewed.status_code == 200, renewed.text
    assert client.cookies["crm_refresh"] != first_cookie
    assert (await client.get("/api/v1/me", headers=bearer(renewed.json()))).json()["username"] == "sdr2"


async def test_a_request_a_cross_site_page_could_send_is_refused(client):
    """No custom header (a plain form post) or a foreign Origin: 403, and the cookie is not spent."""
    assert_problem(await _start(client, headers={}), 403)
    assert_problem(await _start(client, headers={**MARK, "Origin": "https://evil.example"}), 403)
    await _start(client, "marketing")
    assert_problem(await client.post(f"{SESSION}/refresh"), 403)
    assert_problem(await client.post(f"{SESSION}/refresh", headers={**MARK, "Origin": "https://evil.example"}), 403)
    assert_problem(await client.delete(SESSION, headers={**MARK, "Origin": "https://evil.example"}), 403)
    assert (await client.post(f"{SESSION}/refresh", headers=MARK)).status_code == 200


async def test_logout_revokes_the_login_and_clears_the_cookie(client):
    await _start(client, "ae.ne")
    spent = client.cookies["crm_refresh"]
    ended = await client.delete(SESSION, headers=MARK)
    assert ended.status_code == 204
    assert 'crm_refresh=""' in ended.headers["set-cookie"] or "Max-Age=0" in ended.headers["set-cookie"]
    client.cookies.set("crm_refresh", spent, path=SESSION)
    assert_problem(await client.post(f"{SESSION}/refresh", headers=MARK), 401)


async def test_refresh_without_a_cookie_is_401(gw):
    async with gw.client() as fresh:
        assert_problem(await fresh.post(f"{SESSION}/refresh", headers=MARK), 401)


async def test_bearer_clients_keep_the_token_flow(client):
    tokens = await login(client, "csr1")
    assert tokens["refresh_token"]
    renewed = await client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert renewed.status_code == 200
