"""The activity timeline over real PostgreSQL (GEN-1, MOB-1, MIG-2): legacy email history and notes
imported on their contact's account (unknown contacts failing, re-imports unchanged, naive times read
in the legacy time zone), listing by account or contact newest first in cursor pages for those who see
the account in full, logging activities on accounts one may edit, and the overview's latest ten."""
from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from accounts_testkit import ADMIN, add_territories, add_user, create, principal
from crm.accounts.v1 import events_pb2
from crmkit.errors import Forbidden, InvalidInput, NotFound
from crmkit.fields import company_key

from crm_accounts.domain.commands import ShareAccount
from crm_accounts.service_layer import activities, handlers, legacy, overview, queries
from crm_accounts.service_layer.activities import ListActivities, NewActivity
from tests.support.events import outbox_events
from tests.support.principals import as_role

ERP = as_role("erp")
EASTERN = ZoneInfo("America/New_York")


def email(key: str, when: str = "2018-11-17 04:52", contact: str = "R1", **fields) -> dict:
    return {"legacy_key": key, "kind": "email", "contact_legacy_id": contact, "occurred_at": when,
            "subject": "Follow-up", "body": "Hi,\nThanks for your time today.\n\n> quoted, with a comma\nBest",
            "direction": "outbound", "from_address": "sales@abbott-ltd.demo", "to_address": "david@acme.example",
            "author": "", **fields}


def note(key: str, when: str = "2019-09-30 23:31", contact: str = "R1", **fields) -> dict:
    return {"legacy_key": key, "kind": "note", "contact_legacy_id": contact, "occurred_at": when, "subject": "",
            "body": "Budget approved for Q3 – café locations first.", "direction": "", "from_address": "",
            "to_address": "", "author": "ae.ne", **fields}


async def import_activities(uows, *rows, zone=EASTERN, caller=ERP):
    return [(o.key, o.outcome, o.field) for o in await legacy.upsert_legacy_activities(
        uow=uows(), principal=caller, raws=list(rows), zone=zone)]


async def listed(uows, caller, **query):
    found, cursor = await activities.list_activities(uow=uows(), principal=caller, query=ListActivities(**query))
    return found, cursor


async def migrated_company(uows, name: str = "Acme Kiosks", state: str = "MA", *legacy_ids: str):
    """An account with a migrated contact per legacy id (R1 when none given); answers (account, contact ids)."""
    account = await create(uows, name, state=state)
    rows = [{"legacy_id": legacy_id, "first_name": "David", "last_name": legacy_id, "company": name,
             "company_key": company_key(name), "emails": [], "phones": []} for legacy_id in legacy_ids or ("R1",)]
    assert {o.outcome for o in await legacy.upsert_legacy_contacts(uow=uows(), principal=ERP, raws=rows)} == {
        "created"}
    contacts = (await queries.list_contacts(uow=uows(), principal=ADMIN, account_id=account.id)).items
    return account, {c.legacy_id: c.id for c in contacts}


async def test_mig_2_history_goes_on_the_contacts_account_and_a_reimport_changes_nothing(uows, sessions):
    account, contacts = await migrated_company(uows, "Acme Kiosks", "MA", "R1", "R2")
    outcomes = await import_activities(uows, email("E1"), note("N1", contact="R2"), email("E2", contact="R404"),
                                       email("E3", "2018-02-30 10:00"), note("N2", direction="in"),
                                       email("E4", kind="fax"), email("", "2018-01-01 10:00"), note("N3", body="x"),
                                       note("N3"))
    assert outcomes == [("E1", "created", ""), ("N1", "created", ""), ("E2", "failed", "contact_legacy_id"),
                        ("E3", "failed", "occurred_at"), ("N2", "failed", "direction"), ("E4", "failed", "kind"),
                        ("", "failed", "legacy_key"), ("N3", "skipped", ""), ("N3", "created", "")]
    found, _ = await listed(uows, ADMIN, account_id=account.id)
    by_key = {a.legacy_key: a for a in found}
    assert set(by_key) == {"E1", "N1", "N3"}
    e1 = by_key["E1"]
    assert (e1.kind, e1.direction, e1.contact_id, e1.account_id, e1.from_address, e1.author, e1.version) == (
        "email", "out", contacts["R1"], account.id, "sales@abbott-ltd.demo", "", 1)
    assert "quoted, with a comma" in e1.body and by_key["N1"].contact_id == contacts["R2"]
    assert by_key["N1"].author == "ae.ne"
    created = [(s, e) for s, e in await outbox_events(sessions, events_pb2) if s.startswith("crm.accounts.activity")]
    assert sorted(e.activity.legacy_key for s, e in created if s.endswith("created")) == ["E1", "N1", "N3"]

    before = len(await outbox_events(sessions, events_pb2))
    assert await import_activities(uows, email("E1"), note("N1", contact="R2"), note("N3")) == [
        ("E1", "unchanged", ""), ("N1", "unchanged", ""), ("N3", "unchanged", "")]
    assert len(await outbox_events(sessions, events_pb2)) == before  # nothing written, nothing announced again
    assert await import_activities(uows, email("E1", subject="Re: Follow-up")) == [("E1", "updated", "")]
    [(subject, event)] = (await outbox_events(sessions, events_pb2))[before:]
    assert (subject, list(event.changed_fields), event.activity.version) == (
        "crm.accounts.activity.updated", ["subject"], 2)


async def test_naive_legacy_times_are_read_in_the_legacy_time_zone(uows):
    await migrated_company(uows)
    assert {o for _, o, _ in await import_activities(
        uows, email("WINTER", "2018-11-17 04:52"), email("SUMMER", "2018-07-17 04:52"),
        email("OFFSET", "2018-07-17T04:52:00+02:00"), email("UTC", "2018-07-17T04:52:00Z"),
        email("DAY", "2018-07-17"))} == {"created"}
    await import_activities(uows, email("WEST", "2018-11-17 04:52"), zone=ZoneInfo("America/Los_Angeles"))
    account = (await queries.search_accounts(uow=uows(), principal=ADMIN, query="Acme", requested_size=5))[0]
    found, _ = await listed(uows, ADMIN, account_id=account.account.id)
    when = {a.legacy_key: a.occurred_at.astimezone(UTC) for a in found}
    assert when == {"WINTER": datetime(2018, 11, 17, 9, 52, tzinfo=UTC),  # EST, UTC-5
                    "SUMMER": datetime(2018, 7, 17, 8, 52, tzinfo=UTC),  # EDT, UTC-4
                    "OFFSET": datetime(2018, 7, 17, 2, 52, tzinfo=UTC),  # its own offset wins
                    "UTC": datetime(2018, 7, 17, 4, 52, tzinfo=UTC),
                    "DAY": datetime(2018, 7, 17, 4, 0, tzinfo=UTC),  # midnight, Eastern
                    "WEST": datetime(2018, 11, 17, 12, 52, tzinfo=UTC)}  # the zone is a setting
    # re-reading the same naive time in the same zone is the same instant: unchanged
    assert await import_activities(uows, email("SUMMER", "2018-07-17 04:52")) == [("SUMMER", "unchanged", "")]


@pytest.fixture
async def ne_company(uows):
    """An NE account (MA) with a migrated contact R1 and seven activities a minute apart, the newest last."""
    await add_territories(uows)
    account, contacts = await migrated_company(uows, "Acme Kiosks", "MA", "R1", "R2")
    start = datetime(2024, 1, 1, 12, 0)
    rows = [(note if n % 2 else email)(f"K{n}", (start + timedelta(minutes=n)).isoformat(), contact="R1")
            for n in range(7)]
    rows[6]["contact_legacy_id"] = "R2"
    await import_activities(uows, *rows)
    return account, contacts


async def test_a_timeline_pages_newest_first_by_cursor_and_filters_kinds(uows, ne_company):
    account, contacts = ne_company
    ae = await add_user(uows, "ae", territories=("NE",))
    seen: list[str] = []
    cursor = ""
    while True:
        page, cursor = await listed(uows, principal(ae), account_id=account.id, page_size=3, cursor=cursor)
        seen += [a.legacy_key for a in page]
        if not cursor:
            break
    assert seen == [f"K{n}" for n in reversed(range(7))]
    notes, _ = await listed(uows, principal(ae), account_id=account.id, kinds=("NOTE",))
    assert [a.legacy_key for a in notes] == ["K5", "K3", "K1"]
    of_r1, _ = await listed(uows, principal(ae), contact_id=contacts["R1"], page_size=2)
    assert [a.legacy_key for a in of_r1] == ["K5", "K4"]
    of_r2, cursor = await listed(uows, principal(ae), contact_id=contacts["R2"])
    assert [a.legacy_key for a in of_r2] == ["K6"] and cursor == ""
    for query, field in (({"account_id": account.id, "kinds": ("fax",)}, "kinds"), ({}, "account_id"),
                         ({"account_id": account.id, "contact_id": contacts["R1"]}, "contact_id"),
                         ({"account_id": account.id, "cursor": "junk"}, "cursor")):
        with pytest.raises(InvalidInput) as refused:
            await listed(uows, principal(ae), **query)
        assert refused.value.problems[0].field == field


async def test_the_timeline_is_for_those_who_see_the_account_in_full(uows, ne_company):
    account, contacts = ne_company
    outsider = await add_user(uows, "ae", territories=("PAC",))
    for query in ({"account_id": account.id}, {"contact_id": contacts["R1"]}):
        with pytest.raises(NotFound):
            await listed(uows, principal(outsider), **query)
        for role in ("sdr", "marketing", "csr"):  # directory-only: they know the account exists
            with pytest.raises(Forbidden):
                await listed(uows, as_role(role), **query)
    for missing in ({"account_id": "not-a-uuid"}, {"contact_id": "not-a-uuid"},
                    {"contact_id": "6f1f4c55-2d6c-4c1e-9d0b-6f8f8f8f8f8f"}):
        with pytest.raises(NotFound):
            await listed(uows, ADMIN, **missing)
    # a share lets the outsider read it
    await handlers.share_account(uow=uows(), principal=ADMIN, command=ShareAccount(account.id, outsider.id, "read"))
    found, _ = await listed(uows, principal(outsider), contact_id=contacts["R1"])
    assert len(found) == 6


async def log(uows, caller, account_id: str, contact_id: str = "", **fields):
    values = {"kind": "call", "subject": "Intro call", "body": "", "occurred_at": "", "direction": "", **fields}
    return await activities.create_activity(uow=uows(), principal=caller, command=NewActivity(
        account_id=account_id, contact_id=contact_id, fields=values))


async def test_users_log_activities_on_accounts_they_may_edit(uows, sessions, ne_company):
    account, contacts = ne_company
    ae = await add_user(uows, "ae", territories=("NE",))
    before = datetime.now(UTC)
    call = await log(uows, principal(ae), account.id, contacts["R1"], direction="OUT", body="Wants a demo")
    assert (call.kind, call.direction, call.author, call.contact_id, call.legacy_key) == (
        "call", "out", ae.id, contacts["R1"], "")
    assert before <= call.occurred_at <= datetime.now(UTC)
    meeting = await log(uows, principal(ae), account.id, kind="Meeting", subject="QBR",
                        occurred_at="2030-01-15T10:00:00-05:00")
    assert meeting.occurred_at == datetime(2030, 1, 15, 15, 0, tzinfo=UTC) and meeting.contact_id == ""
    found, _ = await listed(uows, principal(ae), account_id=account.id, page_size=2)
    assert [a.id for a in found] == [meeting.id, call.id]
    announced = [e.activity.id for s, e in await outbox_events(sessions, events_pb2)
                 if s == "crm.accounts.activity.created"]
    assert announced[-2:] == [call.id, meeting.id]

    other, other_contacts = await migrated_company(uows, "Harbor Stores", "CT", "H1")
    for fields, field in (({"kind": "fax"}, "kind"), ({"subject": "", "body": ""}, "subject"),
                          ({"occurred_at": "2026-11-21 10:00"}, "occurred_at"),
                          ({"kind": "note", "direction": "in"}, "direction")):
        with pytest.raises(InvalidInput) as refused:
            await log(uows, principal(ae), account.id, **fields)
        assert refused.value.problems[0].field == field
    with pytest.raises(InvalidInput) as refused:
        await log(uows, principal(ae), account.id, other_contacts["H1"])
    assert refused.value.problems[0].field == "contact_id"
    with pytest.raises(NotFound):
        await log(uows, principal(ae), account.id, "6f1f4c55-2d6c-4c1e-9d0b-6f8f8f8f8f8f")


async def test_who_may_not_edit_the_account_may_not_log_on_it(uows, ne_company):
    account, _ = ne_company
    outsider = await add_user(uows, "ae", territories=("PAC",))
    with pytest.raises(NotFound):
        await log(uows, principal(outsider), account.id)
    for role in ("sdr", "csr"):
        with pytest.raises(Forbidden):
            await log(uows, as_role(role), account.id)
    reader = await add_user(uows, "ae", territories=("PAC",))
    await handlers.share_account(uow=uows(), principal=ADMIN, command=ShareAccount(account.id, reader.id, "read"))
    with pytest.raises(Forbidden):
        await log(uows, principal(reader), account.id)
    await handlers.share_account(uow=uows(), principal=ADMIN, command=ShareAccount(account.id, reader.id, "edit"))
    assert (await log(uows, principal(reader), account.id)).author == reader.id


@pytest.mark.parametrize("role", ["ae", "sdr", "vp_sales"])
async def test_only_admin_and_the_erp_client_import_legacy_history(uows, role):
    await migrated_company(uows)
    with pytest.raises(Forbidden):
        await import_activities(uows, email("E1"), caller=as_role(role, territories=("NE",)))
    assert await import_activities(uows, email("E1"), caller=ADMIN) == [("E1", "created", "")]


async def test_the_overview_shows_the_latest_ten_activities_to_full_views_only(uows, ne_company):
    account, _ = ne_company
    ae = await add_user(uows, "ae", territories=("NE",))
    start = datetime(2025, 1, 1, 9, 0)
    await import_activities(uows, *(note(f"L{n:02d}", (start + timedelta(hours=n)).isoformat()) for n in range(12)))
    seen = await overview.account_overview(uow=uows(), principal=principal(ae), account_id=account.id,
                                           today=date(2026, 11, 21))
    assert [a.legacy_key for a in seen.activities] == [f"L{n:02d}" for n in reversed(range(2, 12))]
    sdr = await overview.account_overview(uow=uows(), principal=as_role("sdr"), account_id=account.id,
                                          today=date(2026, 11, 21))
    assert sdr.activities is None
