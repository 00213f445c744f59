"""MatchDirectory over real PostgreSQL, for trade-show and legacy imports: emails against every
address of every contact (case ignored), normalised company names against top-level accounts; the
name key is kept on every write and backfilled by migration 0005."""
from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime

import pytest
from accounts_testkit import ADMIN, create
from crmkit.db import make_engine
from crmkit.errors import InvalidInput
from crmkit.migrations import upgrade
from sqlalchemy import select, text

from crm_accounts.adapters.orm import accounts
from crm_accounts.bootstrap import MIGRATIONS_DIR
from crm_accounts.domain.commands import AccountData, ContactData, EmailInput, UpdateAccount, UpdateContact
from crm_accounts.service_layer import erp_imports, handlers, record_handlers
from tests.support.principals import as_role

ERP = as_role("erp")


async def contact(uows, account_id: str, *addresses: str):
    return await record_handlers.create_contact(uow=uows(), principal=ADMIN, account_id=account_id, data=ContactData(
        last_name="Okafor", emails=tuple(EmailInput(a) for a in addresses)))


async def match(uows, emails=(), keys=()):
    return await erp_imports.match_directory(uow=uows(), principal=ERP, emails=list(emails), company_keys=list(keys))


async def test_company_keys_match_top_level_accounts_whatever_their_case_accents_and_suffix(uows):
    acme = await create(uows, "ACME KIOSKS INC.")
    cafe = await create(uows, "Café Zoë & Co")
    await create(uows, "Acme Kiosks", subtype="office", parent_id=cafe.id)  # not top-level: never matched
    renamed = await create(uows, "Old Name")
    await handlers.update_account(uow=uows(), principal=ADMIN, command=UpdateAccount(
        account_id=renamed.id, data=AccountData(name="Pioneer Stores, LLC")))
    found = await match(uows, keys=["acme kiosks", "Acme Kiosks", "cafe zoe and", "pioneer stores", "old name",
                                    "nobody", "", "acme kiosks"])
    raw = await match(uows, keys=["Acme Kiosks, Inc.", "ACME KIOSKS"])  # names as written match as well
    assert [(key, account_id) for key, account_id, _ in raw.companies] == [("Acme Kiosks, Inc.", acme.id),
                                                                           ("ACME KIOSKS", acme.id)]
    assert found.companies == [("acme kiosks", acme.id, "ACME KIOSKS INC."),
                               ("Acme Kiosks", acme.id, "ACME KIOSKS INC."), ("cafe zoe and", cafe.id, "Café Zoë & Co"),
                               ("pioneer stores", renamed.id, "Pioneer Stores, LLC")]
    assert found.contacts == []


async def test_emails_match_any_address_of_a_contact_in_any_case(uows):
    acme = await create(uows, "Acme")
    other = await create(uows, "Other")
    linda = await contact(uows, acme.id, "Linda.Okafor@Acme.example", "linda@home.example")
    shared = await contact(uows, other.id, "front-desk@acme.example")
    again = await contact(uows, acme.id, "FRONT-DESK@acme.example")
    found = await match(uows, emails=["LINDA@HOME.EXAMPLE", "nobody@acme.example", "linda.okafor@acme.example",
                                      "front-desk@ACME.example", "", "  "])
    assert found.contacts == [("LINDA@HOME.EXAMPLE", linda.id, acme.id),
                              ("linda.okafor@acme.example", linda.id, acme.id),
                              *sorted([("front-desk@ACME.example", shared.id, other.id),
                                       ("front-desk@ACME.example", again.id, acme.id)], key=lambda m: m[1])]
    # an address replaced on the contact no longer matches
    await record_handlers.update_contact(uow=uows(), principal=ADMIN, command=UpdateContact(
        contact_id=linda.id, data=ContactData(emails=(EmailInput("l.okafor@acme.example"),))))
    assert (await match(uows, emails=["linda@home.example", "L.Okafor@acme.example"])).contacts == [
        ("L.Okafor@acme.example", linda.id, acme.id)]


async def test_matching_is_bounded_per_list(uows):
    for emails, keys, field in ((["a@b.example"] * 1001, [], "emails"), ([], ["acme"] * 1001, "company_keys")):
        with pytest.raises(InvalidInput) as refused_input:
            await match(uows, emails, keys)
        assert refused_input.value.problems[0].field == field


async def test_migration_0005_backfills_the_name_key_of_existing_accounts(make_database):
    url = make_database("accounts")
    await asyncio.to_thread(upgrade, url, MIGRATIONS_DIR, "0004")
    engine = make_engine(url, pool_size=1)
    now = datetime.now(UTC)
    try:
        async with engine.begin() as conn:
            await conn.execute(text(
                "insert into accounts (id, name, type, status, created_at, updated_at, version) "
                "values (:id, 'Harbor Stores L.L.C.', 'customer', 'active', :now, :now, 1)"),
                {"id": str(uuid.uuid4()), "now": now})
        await asyncio.to_thread(upgrade, url, MIGRATIONS_DIR)
        async with engine.connect() as conn:
            assert (await conn.execute(select(accounts.c.name_key, accounts.c.erp_ship_to_id))).one() == (
                "harbor stores", None)
    finally:
        await engine.dispose()
