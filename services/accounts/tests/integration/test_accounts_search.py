"""MOB-1: search contacts by name, email and phone in any formatting, and accounts by name, always
within the caller's visibility (contacts through their account's)."""
from __future__ import annotations

import asyncio

import pytest
from accounts_testkit import ADMIN, add_territories, add_user, create, principal
from crmkit.db import make_engine
from crmkit.errors import InvalidInput
from crmkit.migrations import upgrade
from sqlalchemy import text

from crm_accounts.bootstrap import MIGRATIONS_DIR
from crm_accounts.domain.commands import ContactData, EmailInput, PhoneInput
from crm_accounts.service_layer import queries, record_handlers
from tests.support.principals import as_role


async def add_contact(uows, account, first: str, last: str, *, emails=(), phones=()):
    data = ContactData(first_name=first, last_name=last, emails=tuple(EmailInput(e) for e in emails),
                       phones=tuple(PhoneInput(p, "work") for p in phones))
    return await record_handlers.create_contact(uow=uows(), principal=ADMIN, account_id=account.id, data=data)


async def contacts(uows, query: str, caller=ADMIN, size: int = 0) -> list[tuple[str, str]]:
    found = await queries.search_contacts(uow=uows(), principal=caller, query=query, requested_size=size)
    return [(f"{c.first_name} {c.last_name}", account_name) for c, account_name in found]


async def accounts(uows, query: str, caller=ADMIN) -> list[tuple[str, bool]]:
    found = await queries.search_accounts(uow=uows(), principal=caller, query=query, requested_size=0)
    return [(v.account.name, v.full) for v in found]


async def test_phones_match_in_any_formatting(uows):
    acme = await create(uows, "Acme")
    for n, phone in enumerate(("(617) 555-0100", "617.555.0100", "+1 617 555 0100")):
        await add_contact(uows, acme, f"P{n}", "Phone", phones=("999-1234", phone))
    await add_contact(uows, acme, "Other", "Phone", phones=("617 555 0199",))
    everyone = [("P0 Phone", "Acme"), ("P1 Phone", "Acme"), ("P2 Phone", "Acme")]
    for query in ("5550100", "555-0100", "(617) 555 0100", "16175550100", "0100"):
        assert await contacts(uows, query) == (everyone if query != "16175550100" else [("P2 Phone", "Acme")])
    assert await contacts(uows, "617 555") == [("Other Phone", "Acme"), *everyone]
    assert await contacts(uows, "100") == []  # under four digits a query is no phone number
    assert await contacts(uows, "12349") == []  # no match across two phones of one contact


async def test_emails_match_ignoring_case_and_names_ignoring_case_and_accents(uows):
    acme = await create(uows, "Acme")
    await add_contact(uows, acme, "Zoë", "Ångström", emails=("Zoe.A@Acme.Example", "zoe@home.example"))
    await add_contact(uows, acme, "Bob", "Smith", emails=("bob@acme.example",))
    assert await contacts(uows, "ZOE.a@acme") == [("Zoë Ångström", "Acme")]
    assert await contacts(uows, "HOME.example") == [("Zoë Ångström", "Acme")]
    assert await contacts(uows, "angstr") == [("Zoë Ångström", "Acme")]
    assert await contacts(uows, "ZOË") == [("Zoë Ångström", "Acme")]
    assert await contacts(uows, "zoe  angstrom") == [("Zoë Ångström", "Acme")]
    assert await contacts(uows, "mit") == [("Bob Smith", "Acme")]
    both = await contacts(uows, "acme.example")
    assert sorted(both) == [("Bob Smith", "Acme"), ("Zoë Ångström", "Acme")]
    assert await contacts(uows, "acme.example", size=1) == both[:1]
    assert await contacts(uows, "50%") == []  # wildcards are literal
    for query in ("", "   ", "x" * 201):
        with pytest.raises(InvalidInput) as refused:
            await contacts(uows, query)
        assert refused.value.problems[0].field == "query"


async def test_accounts_match_by_name_ignoring_case(uows):
    for name in ("Acme Kiosks", "ACME Holdings", "Globex", "Under_score"):
        await create(uows, name)
    assert await accounts(uows, "acme") == [("ACME Holdings", True), ("Acme Kiosks", True)]
    assert await accounts(uows, "OBEX") == [("Globex", True)]
    assert await accounts(uows, "r_s") == [("Under_score", True)]
    assert await accounts(uows, "e_s") == []


async def test_an_ae_never_finds_another_territorys_accounts_or_contacts(uows):
    await add_territories(uows)
    ne = await add_user(uows, "ae", territories=("NE",))
    pac = await add_user(uows, "ae", territories=("PAC",))
    boston = await create(uows, "Acme Boston", state="MA")
    seattle = await create(uows, "Acme Seattle", state="WA")
    await add_contact(uows, boston, "Ann", "East", emails=("ann@acme.example",), phones=("617-555-0100",))
    await add_contact(uows, seattle, "Wes", "West", emails=("wes@acme.example",), phones=("206-555-0100",))

    assert await accounts(uows, "acme", principal(ne)) == [("Acme Boston", True)]
    assert await accounts(uows, "acme", principal(pac)) == [("Acme Seattle", True)]
    for query in ("acme.example", "555-0100", "e"):
        assert await contacts(uows, query, principal(ne)) == [("Ann East", "Acme Boston")]
        assert await contacts(uows, query, principal(pac)) == [("Wes West", "Acme Seattle")]
    assert await contacts(uows, "wes", principal(ne)) == []
    assert await accounts(uows, "seattle", principal(ne)) == []


async def test_directory_only_callers_get_directory_fields_and_no_contacts(uows):
    await add_territories(uows)
    ae = await add_user(uows, "ae", territories=("NE",))
    parent = await create(uows, "Acme Group", state="WA")
    # an office in the AE's own territory (an owner must be one who may own there, issue 13)
    mine = await create(uows, "Acme Office", state="MA", subtype="office", parent_id=parent.id, owner_id=ae.id)
    await add_contact(uows, parent, "Pat", "Parent")
    await add_contact(uows, mine, "Olive", "Office")

    assert await accounts(uows, "acme", principal(ae)) == [("Acme Group", False), ("Acme Office", True)]
    assert await contacts(uows, "o", principal(ae)) == [("Olive Office", "Acme Office")]
    directory = as_role("marketing")
    found = await queries.search_accounts(uow=uows(), principal=directory, query="acme", requested_size=0)
    assert [(v.account.name, v.full) for v in found] == [("Acme Group", False), ("Acme Office", False)]
    assert await contacts(uows, "o", directory) == []


async def test_migration_backfills_the_keys_of_existing_contacts(make_database):
    url = make_database("accounts")
    await asyncio.to_thread(upgrade, url, MIGRATIONS_DIR, "0002")
    engine = make_engine(url)
    async with engine.begin() as connection:
        await connection.execute(text(
            "insert into accounts (id, name, type, status, created_at, updated_at, version) values "
            "('00000000-0000-0000-0000-000000000001', 'Acme', 'customer', 'active', now(), now(), 1)"))
        await connection.execute(text(
            "insert into contacts (id, account_id, first_name, last_name, emails, phones, status, created_at, "
            "updated_at, version) values ('00000000-0000-0000-0000-000000000002', "
            "'00000000-0000-0000-0000-000000000001', 'José', 'Núñez', "
            "'[{\"address\": \"Jose@Acme.Example\", \"primary\": true}]', "
            "'[{\"number\": \"(617) 555-0100\", \"type\": \"work\", \"extension\": \"\"}, "
            "{\"number\": \"+1 212 555 0199\", \"type\": \"mobile\", \"extension\": \"\"}]', "
            "'active', now(), now(), 1)"))
    await asyncio.to_thread(upgrade, url, MIGRATIONS_DIR)
    async with engine.connect() as connection:
        row = (await connection.execute(text("select name_key, email_key, phone_key from contacts"))).one()
        indexes = set((await connection.execute(text(
            "select indexname from pg_indexes where indexname like '%trgm'"))).scalars())
    await engine.dispose()
    assert tuple(row) == ("jose nunez", "jose@acme.example", "6175550100 12125550199")
    assert indexes == {"ix_contacts_name_key_trgm", "ix_contacts_email_key_trgm", "ix_contacts_phone_key_trgm",
                       "ix_accounts_name_trgm"}
