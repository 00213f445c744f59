"""Issue 14: when every database connection of the gateway stays busy for its pool's short timeout, a
request answers a 503 problem with Retry-After at once (not a 500 after 30 s), and the next one, once
a connection frees, is served. A service's busy pool reaches the caller the same way
(services/sales/tests/integration/test_sales_overload.py)."""
from __future__ import annotations

from gw_helpers import assert_problem, bearer, login, serve


async def test_an_exhausted_pool_answers_503_with_retry_after_and_then_serves(fake_gw, gateway_db, settings_for):
    settings = settings_for(gateway_db, redis_url=None, db_pool_size=1, db_pool_timeout_seconds=0.2)
    async with serve(settings) as gw, gw.client() as client:
        admin = bearer(await login(client, "admin"))
        held = [gw.runtime.gateway.sessions() for _ in range(2)]  # the pool's one connection and one overflow
        for session in held:
            await session.connection()
        busy = await client.get("/api/v1/users", headers=admin)
        assert_problem(busy, 503)
        assert busy.headers["retry-after"] == "1"
        for session in held:
            await session.close()
        assert (await client.get("/api/v1/users", headers=admin)).status_code == 200
