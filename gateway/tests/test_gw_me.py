"""GET /api/v1/me says what the caller may do; PATCH stores their language (issue 9, GEN-13)."""
from __future__ import annotations

from gw_helpers import assert_problem, bearer, login

from crm_gateway.domain.model import ACCOUNT_WRITERS, LEAD_CONVERTERS
from crm_gateway.domain.permissions import CAPABILITIES, allowed, editable_fields


async def test_me_lists_the_capabilities_of_the_role(client):
    csr = (await client.get("/api/v1/me", headers=bearer(await login(client, "csr1")))).json()
    assert "accounts.read" in csr["allowed"] and "kiosks.edit" in csr["allowed"]
    assert "accounts.edit" not in csr["allowed"] and "leads.read" not in csr["allowed"]
    sdr = (await client.get("/api/v1/me", headers=bearer(await login(client, "sdr1")))).json()
    assert {"leads.read", "leads.convert", "accounts.edit", "activities.log"} <= set(sdr["allowed"])
    assert "users.manage" not in sdr["allowed"]


def test_capabilities_are_the_route_role_tuples():
    assert CAPABILITIES["accounts.edit"] is ACCOUNT_WRITERS
    assert CAPABILITIES["leads.convert"] is LEAD_CONVERTERS
    assert allowed("admin") == sorted(name for name, roles in CAPABILITIES.items() if "admin" in roles)


async def test_language_is_stored_and_read_back(gw, client):
    headers = bearer(await login(client, "rsm.east"))
    assert (await client.get("/api/v1/me", headers=headers)).json()["language"] is None
    changed = await client.patch("/api/v1/me", json={"language": "zh-CN"}, headers=headers)
    assert changed.status_code == 200, changed.text
    assert changed.json()["language"] == "zh-CN"
    # Another device: a new login reads the same choice.
    again = (await client.get("/api/v1/me", headers=bearer(await login(client, "rsm.east")))).json()
    assert again["language"] == "zh-CN"
    assert (await client.patch("/api/v1/me", json={"language": "en"}, headers=headers)).json()["language"] == "en"


async def test_an_unknown_language_names_the_field(client):
    headers = bearer(await login(client, "sdr1"))
    assert_problem(await client.patch("/api/v1/me", json={"language": "fr"}, headers=headers), 422, field="language")


async def test_api_clients_have_no_preferences(client):
    admin = bearer(await login(client, "admin"))
    made = await client.post("/api/v1/api-clients", json={"name": "Prefs probe", "role": "erp"}, headers=admin)
    key = made.json()["key"]
    me = (await client.get("/api/v1/me", headers={"X-API-Key": key})).json()
    assert me["kind"] == "client" and "imports.run" in me["allowed"]
    assert_problem(await client.patch("/api/v1/me", json={"language": "en"}, headers={"X-API-Key": key}), 403)


def test_editable_fields_follow_the_field_rules():
    """SEC-1 and the owner rules, in the order the fields are given; nothing for a role that changes no such
    record or a record that is not the caller's to change."""
    fields = ("name", "customer_accounting_id", "owner_id")
    assert editable_fields("accounts", "admin", fields) == list(fields)
    assert editable_fields("accounts", "erp", fields) == ["name", "customer_accounting_id"]
    assert editable_fields("accounts", "rsm", fields) == ["name", "owner_id"]
    assert editable_fields("accounts", "ae", fields) == ["name"]
    assert editable_fields("accounts", "csr", fields) == []
    assert editable_fields("accounts", "ae", fields, record_editable=False) == []
    assert editable_fields("leads", "sdr", ("status", "owner_id")) == ["status"]
    assert editable_fields("leads", "vp_sales", ("status", "owner_id")) == ["status", "owner_id"]
    assert editable_fields("contacts", "csr", ("first_name",)) == []
