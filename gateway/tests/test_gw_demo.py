"""The demo loader: 10 territories, 26 users with roles, managers and territories, the four
landing-page forms (LEAD-1); idempotent, and publishing identity events (LEAD-3 builds its SDR pool)."""
from __future__ import annotations

import asyncio
import os
import sys

from gw_helpers import DEMO_PASSWORD, MIGRATIONS_DIR, bearer, login, serve

from crm_gateway.demo import loader


async def test_load_org_twice_is_idempotent(migrated_database, settings_for):
    url = migrated_database(MIGRATIONS_DIR, "gw")
    async with serve(settings_for(url)) as running:
        first = await loader.load_org(gw=running.runtime.gateway, password=DEMO_PASSWORD)
        second = await loader.load_org(gw=running.runtime.gateway, password=DEMO_PASSWORD)
        assert first == {"territories": 10, "territories_changed": 10, "users_created": 26, "users_updated": 0,
                         "users_unchanged": 0}
        assert second == {"territories": 10, "territories_changed": 0, "users_created": 0, "users_updated": 0,
                          "users_unchanged": 26}
        assert (await running.sql("select count(*) as n from users"))[0].n == 26
        assert (await running.sql("select count(*) as n from territories"))[0].n == 10
        events = await running.sql("select subject from outbox order by seq")
        expected = ["crm.identity.territory.updated"] * 10 + ["crm.identity.user.created"] * 26
        assert [e.subject for e in events] == expected
        ae = (await running.sql(
            "select m.username as manager, array_agg(t.territory_code) as codes from users u "
            "join users m on m.id = u.manager_id join user_territories t on t.user_id = u.id "
            "where u.username = 'se.west' group by m.username"))[0]
        assert ae.manager == "rsm.west" and sorted(ae.codes) == ["MTN", "PAC", "WNC", "WSC"]
        states = (await running.sql("select states from territories where code = 'CAN'"))[0].states
        assert "QC" in states and len(states) == 10


async def _cli(env: dict, *args: str) -> str:
    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "crm_gateway", *args, env=env,
                                                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await proc.communicate()
    assert proc.returncode == 0, err.decode()[-3000:]
    return out.decode()


async def test_cli_migrate_load_demo_and_create_admin(make_database, settings_for, fake_leads, principal_keys):
    """`python -m crm_gateway migrate|load-demo|create-admin` against a fresh database and the (fake) Leads
    service: load-demo registers the four landing-page forms there (LEAD-1), once."""
    url = make_database("gwcli")
    settings = settings_for(url, leads_target=fake_leads.target)
    env = {k: v for k, v in os.environ.items() if not k.startswith("CRM_")}
    env.update({
        "CRM_GATEWAY_DATABASE_URL": url, "CRM_GATEWAY_NATS_URL": settings.nats_url,
        "CRM_GATEWAY_JWT_SECRET": settings.jwt_secret.get_secret_value(),
        "CRM_GATEWAY_PRINCIPAL_PRIVATE_KEY": principal_keys[0], "CRM_GATEWAY_LEADS_TARGET": fake_leads.target,
        "CRM_GATEWAY_DEMO_PASSWORD": DEMO_PASSWORD, "CRM_GATEWAY_ARGON2_MEMORY_KIB": "8192",
        "CRM_GATEWAY_ARGON2_TIME_COST": "1", "CRM_GATEWAY_ADMIN_PASSWORD": "kiosk-admin-pass-77",
    })
    await _cli(env, "migrate")
    first = await _cli(env, "load-demo")
    assert "'users_created': 26" in first
    second = await _cli(env, "load-demo")
    assert "'users_unchanged': 26" in second and "none (all exist)" in second
    assert "admin root ready" in await _cli(env, "create-admin", "root", "--email", "root@example.com")
    async with serve(settings) as running:
        async with running.client() as c:
            ok = await c.post("/api/v1/auth/token", data={"username": "root", "password": "kiosk-admin-pass-77"})
            assert ok.status_code == 200, ok.text
            forms = await c.get("/api/v1/web-forms", headers=bearer(await login(c, "marketing")))
            assert forms.status_code == 200, forms.text
            by_slug = {f["slug"]: f for f in forms.json()["items"]}
            created_now = first.split("web forms created:")[1]  # other tests may have made some already
            for slug, name in loader.FORMS:
                assert by_slug[slug]["active"] is True
                assert slug not in created_now or by_slug[slug]["landing_page_name"] == name
        published = await running.sql("select count(*) as n from outbox where published_at is not null")
        assert published[0].n >= 27


async def test_cli_refuses_weak_secrets(make_database):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CRM_")}
    env.update({"CRM_GATEWAY_DATABASE_URL": "postgresql://postgres@127.0.0.1/none",
                "CRM_GATEWAY_JWT_SECRET": "changeme", "CRM_GATEWAY_PRINCIPAL_PRIVATE_KEY": "x"})
    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "crm_gateway", "migrate", env=env,
                                                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    _, err = await proc.communicate()
    assert proc.returncode != 0 and b"jwt_secret" in err
