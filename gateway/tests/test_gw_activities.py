"""The activity timeline through the gateway to the real Accounts service (GEN-1, MOB-1, MIG-2): an
account's and a contact's activities newest first in cursor pages with a kind filter, history migrated
from the legacy contact manager beside what users log, the overview's latest activities, the ERP
ship-to ID on accounts, and who is refused (401 without login, 403 for roles that see only the
directory or may not log, 404 outside one's territory, 422 naming the field at fault)."""
from __future__ import annotations

import uuid

import pytest
from crm.accounts.v1 import contacts_pb2, erp_records_pb2, erp_records_pb2_grpc
from crmkit.grpc.client import call, make_channel
from crmkit.principal import Principal, PrincipalSigner
from gw_accounts import user_ids, wait_for_directory
from gw_helpers import assert_problem, bearer, login

pytestmark = pytest.mark.live  # what the real services do behind the gateway (conftest.py)

READ_REFUSED = ("sdr1", "csr1", "marketing")  # directory-only roles: they know the account, not its history


async def _rpc(accounts_service, principal_keys, method: str, request):
    """Call the ErpRecords service as the erp client, the way the integration service's imports do."""
    token = PrincipalSigner(principal_keys[0]).sign(Principal(user_id="erp-test", role="erp", username="erp"),
                                                    service="accounts")
    async with make_channel(accounts_service.target) as channel:
        return await call(getattr(erp_records_pb2_grpc.ErpRecordsStub(channel), method), request, principal_token=token)


@pytest.fixture(scope="module")
async def timeline(gw, accounts_service, principal_keys):
    """An NE (MA) company with a contact added by hand, a legacy contact matched by its company key and
    three legacy history rows (naive Eastern times), and a PAC company."""
    tag = uuid.uuid4().hex[:8]
    async with gw.client() as c:
        ids = await user_ids(c)
        await wait_for_directory(c, ids)
        admin = bearer(await login(c, "admin"))
        top = (await c.post("/api/v1/accounts", headers=admin, json={
            "name": f"Timeline Grocers {tag}", "type": "customer", "state": "MA"})).json()
        far = (await c.post("/api/v1/accounts", headers=admin, json={
            "name": f"Faraway Foods {tag}", "type": "customer", "state": "CA"})).json()
        person = await c.post("/api/v1/contacts", headers=admin, json={
            "account_id": top["id"], "first_name": "Olive", "last_name": "Hand"})
        assert person.status_code == 201, person.text
    written = await _rpc(accounts_service, principal_keys, "UpsertLegacyContacts",
                         erp_records_pb2.UpsertLegacyContactsRequest(rows=[erp_records_pb2.LegacyContactRow(
                             legacy_id=f"R-{tag}", first_name="David", last_name="Lee", role="Purchasing",
                             title="Procurement Lead", emails=[f"david.{tag}@timeline.example"],
                             phones=[contacts_pb2.Phone(number="(404) 644-0270", extension="12")],
                             company=f"TIMELINE GROCERS {tag.upper()} INC.", state="MA", annual_revenue="1000000")]))
    assert [o.outcome for o in written.outcomes] == ["created"]
    history = [erp_records_pb2.LegacyActivityRow(
        legacy_key=f"{tag}-{n}", kind=kind, contact_legacy_id=f"R-{tag}", occurred_at=when, subject=subject,
        body="Budget approved for Q3 – café locations first.", direction=direction, author="ae.ne")
        for n, (kind, when, subject, direction) in enumerate((
            ("email", "2018-11-17 04:52", "Follow-up", "OUT"), ("note", "2019-09-30 23:31", "", ""),
            ("email", "2012-09-15 12:21", "Warranty question", "IN")))]
    written = await _rpc(accounts_service, principal_keys, "UpsertLegacyActivities",
                         erp_records_pb2.UpsertLegacyActivitiesRequest(rows=history))
    assert [o.outcome for o in written.outcomes] == ["created"] * 3
    async with gw.client() as c:
        contacts = (await c.get("/api/v1/contacts", params={"account_id": top["id"]}, headers=admin)).json()["items"]
    migrated = next(p for p in contacts if p["legacy_id"] == f"R-{tag}")
    return {"top": top, "far": far, "hand": person.json(), "migrated": migrated, "ids": ids, "tag": tag}


async def test_an_ae_reads_the_migrated_history_of_an_account_and_of_a_contact(client, timeline):
    headers = bearer(await login(client, "ae.ne"))
    path = f"/api/v1/accounts/{timeline['top']['id']}/activities"
    found = await client.get(path, headers=headers)
    assert found.status_code == 200, found.text
    items = [i for i in found.json()["items"] if i["legacy_key"]]
    assert [(i["kind"], i["direction"], i["occurred_at"]) for i in items] == [
        ("note", "", "2019-10-01T03:31:00Z"),  # 23:31 EDT
        ("email", "out", "2018-11-17T09:52:00Z"),  # 04:52 EST
        ("email", "in", "2012-09-15T16:21:00Z")]
    assert items[0]["author"] == "ae.ne" and items[0]["contact_id"] == timeline["migrated"]["id"]
    assert "café" in items[0]["body"]
    migrated = timeline["migrated"]
    assert (migrated["role"], migrated["legacy"]["role"], migrated["legacy"]["annual_revenue"]) == (
        "", "Purchasing", "1000000.00")
    assert migrated["phones"] == [{"number": "(404) 644-0270", "type": "work", "extension": "12"}]

    emails = (await client.get(path, params={"kind": "email"}, headers=headers)).json()["items"]
    assert {i["kind"] for i in emails} == {"email"} and len([i for i in emails if i["legacy_key"]]) == 2
    contact_path = f"/api/v1/contacts/{migrated['id']}/activities"
    first = (await client.get(contact_path, params={"limit": 2}, headers=headers)).json()
    assert len(first["items"]) == 2 and first["next_cursor"]
    rest = (await client.get(contact_path, params={"limit": 2, "cursor": first["next_cursor"]},
                             headers=headers)).json()
    seen = [i["legacy_key"] for i in first["items"] + rest["items"]]
    assert seen[-3:] == [f"{timeline['tag']}-{n}" for n in (1, 0, 2)] and rest["next_cursor"] is None
    hand = (await client.get(f"/api/v1/contacts/{timeline['hand']['id']}/activities", headers=headers)).json()
    assert all(i["contact_id"] == timeline["hand"]["id"] for i in hand["items"])
    assert_problem(await client.get(path, params={"kind": "fax"}, headers=headers), 422, field="kind.0")
    assert_problem(await client.get(path, params={"cursor": "junk"}, headers=headers), 422, field="cursor")
    assert_problem(await client.get(path, params={"limit": 0}, headers=headers), 422, field="limit")


async def test_an_ae_logs_a_meeting_that_tops_the_timeline_and_the_overview(client, timeline):
    headers = bearer(await login(client, "ae.ne"))
    body = {"account_id": timeline["top"]["id"], "contact_id": timeline["hand"]["id"], "kind": "meeting",
            "subject": "Site visit", "body": "Wants outdoor units at 12 stores.",
            "occurred_at": "2099-01-15T10:00:00-05:00"}
    key = {"Idempotency-Key": uuid.uuid4().hex}
    logged = await client.post("/api/v1/activities", json=body, headers={**headers, **key})
    assert logged.status_code == 201, logged.text
    meeting = logged.json()
    assert (meeting["author"], meeting["kind"], meeting["occurred_at"], meeting["version"]) == (
        timeline["ids"]["ae.ne"], "meeting", "2099-01-15T15:00:00Z", 1)
    again = await client.post("/api/v1/activities", json=body, headers={**headers, **key})
    assert again.json() == meeting and again.headers["idempotent-replayed"] == "true"
    call = await client.post("/api/v1/activities", headers=headers, json={
        "account_id": timeline["top"]["id"], "kind": "call", "subject": "Quick call", "direction": "out"})
    assert call.status_code == 201 and call.json()["contact_id"] == ""
    top = (await client.get(f"/api/v1/accounts/{timeline['top']['id']}/activities", params={"limit": 1},
                            headers=headers)).json()
    assert [i["id"] for i in top["items"]] == [meeting["id"]]
    overview = (await client.get(f"/api/v1/accounts/{timeline['top']['id']}/overview", headers=headers)).json()
    assert overview["activities"][0]["id"] == meeting["id"] and len(overview["activities"]) <= 10
    assert call.json()["id"] in [a["id"] for a in overview["activities"]]


async def test_logging_refuses_what_is_not_an_activity_naming_the_field(client, timeline):
    headers = bearer(await login(client, "ae.ne"))
    base = {"account_id": timeline["top"]["id"], "kind": "note", "subject": "x"}
    for changes, field in (({"kind": "fax"}, "kind"), ({"occurred_at": "2026-11-21T10:00:00"}, "occurred_at"),
                           ({"colour": "red"}, "colour"), ({"subject": "", "body": ""}, "subject"),
                           ({"direction": "in"}, "direction"), ({"contact_id": timeline["migrated"]["id"],
                                                                 "account_id": timeline["far"]["id"]}, None)):
        response = await client.post("/api/v1/activities", json={**base, **changes}, headers=headers)
        if field is None:  # ae.ne does not see the PAC account
            assert_problem(response, 404, field="account_id")
        else:
            assert_problem(response, 422, field=field)
    admin = bearer(await login(client, "admin"))
    assert_problem(await client.post("/api/v1/activities", headers=admin, json={
        **base, "account_id": timeline["far"]["id"], "contact_id": timeline["migrated"]["id"]}), 422,
        field="contact_id")


async def test_the_timeline_routes_need_a_login(bare_gw, timeline):
    async with bare_gw.client() as c:
        for method, path in (("GET", f"/api/v1/accounts/{timeline['top']['id']}/activities"),
                             ("GET", f"/api/v1/contacts/{timeline['migrated']['id']}/activities"),
                             ("POST", "/api/v1/activities")):
            response = await c.request(method, path, json={})
            assert_problem(response, 401)
            assert response.headers["www-authenticate"].startswith("Bearer")


@pytest.mark.parametrize("username", READ_REFUSED)
async def test_directory_only_roles_may_not_read_anothers_history(client, timeline, username):
    headers = bearer(await login(client, username))
    assert_problem(await client.get(f"/api/v1/accounts/{timeline['top']['id']}/activities", headers=headers), 403,
                   field="account_id")
    assert_problem(await client.get(f"/api/v1/contacts/{timeline['migrated']['id']}/activities", headers=headers),
                   403, field="contact_id")
    overview = (await client.get(f"/api/v1/accounts/{timeline['top']['id']}/overview", headers=headers)).json()
    assert "activities" not in overview
    logged = await client.post("/api/v1/activities", headers=headers, json={
        "account_id": timeline["top"]["id"], "kind": "note", "subject": "x"})
    assert_problem(logged, 403)  # csr1 and marketing at the route; sdr1 by the service (not theirs to edit)


async def test_an_ae_of_another_territory_gets_404(client, timeline):
    headers = bearer(await login(client, "ae.pac"))
    assert_problem(await client.get(f"/api/v1/accounts/{timeline['top']['id']}/activities", headers=headers), 404)
    assert_problem(await client.get(f"/api/v1/contacts/{timeline['migrated']['id']}/activities", headers=headers),
                   404, field="contact_id")
    assert_problem(await client.post("/api/v1/activities", headers=headers, json={
        "account_id": timeline["top"]["id"], "kind": "note", "subject": "x"}), 404, field="account_id")
    mine = await client.post("/api/v1/activities", headers=headers, json={
        "account_id": timeline["far"]["id"], "kind": "task", "subject": "Send the brochure"})
    assert mine.status_code == 201, mine.text
    admin = bearer(await login(client, "admin"))
    for path in (f"/api/v1/accounts/{uuid.uuid4()}/activities", f"/api/v1/contacts/{uuid.uuid4()}/activities"):
        assert_problem(await client.get(path, headers=admin), 404)


async def test_accounts_show_the_erp_ship_to_id_to_full_views_only(client, timeline, accounts_service,
                                                                   principal_keys):
    accounting_id, ship_to = f"C-{timeline['tag']}", f"S-{timeline['tag']}"
    await _rpc(accounts_service, principal_keys, "UpsertCompanies", erp_records_pb2.UpsertCompaniesRequest(rows=[
        erp_records_pb2.CompanyRow(customer_accounting_id=accounting_id, name=f"Shipper {timeline['tag']}",
                                hq_state="MA", active=True)]))
    written = await _rpc(accounts_service, principal_keys, "UpsertLocations", erp_records_pb2.UpsertLocationsRequest(
        rows=[erp_records_pb2.LocationRow(ship_to_id=ship_to, customer_accounting_id=accounting_id, name="Dock 1",
                                       subtype="kiosk_location", state="MA", active=True)]))
    assert [o.outcome for o in written.outcomes] == ["created"]
    admin = bearer(await login(client, "admin"))
    found = (await client.get("/api/v1/accounts", params={"q": f"Shipper {timeline['tag']}"}, headers=admin)).json()
    parent = found["items"][0]["id"]
    [site] = (await client.get("/api/v1/accounts", params={"parent_id": parent}, headers=admin)).json()["items"]
    assert site["erp_ship_to_id"] == ship_to
    assert (await client.get(f"/api/v1/accounts/{parent}", headers=admin)).json()["erp_ship_to_id"] == ""
    directory = (await client.get(f"/api/v1/accounts/{site['id']}", headers=bearer(await login(client, "sdr1"))))
    assert directory.json()["directory_only"] is True and "erp_ship_to_id" not in directory.json()
