"""The contacts, kiosks and shares of an account come in cursor pages, like every list (issue 8,
DESIGN section 6): walking the pages yields each record once, in the list's order, and a cursor
made for another list is refused naming `cursor`."""
from __future__ import annotations

import pytest
from accounts_testkit import ADMIN, add_territories, add_user, create, principal
from crmkit.errors import InvalidInput

from crm_accounts.domain.commands import ContactData, KioskData, ShareAccount
from crm_accounts.service_layer import handlers, queries, record_handlers
from tests.support.principals import as_role


async def walk(list_page, size: int) -> list:
    """Every record of a list, page by page (`list_page(requested_size=, cursor=)`)."""
    found, cursor = [], ""
    while True:
        page = await list_page(requested_size=size, cursor=cursor)
        assert len(page.items) <= size
        found += page.items
        if not page.next_cursor:
            return found
        cursor = page.next_cursor


async def test_the_contacts_of_an_account_page_by_last_then_first_name(uows):
    account = await create(uows, "Acme")
    names = [("Smith", "Zoe"), ("Adams", "Bea"), ("Smith", "Al"), ("Adams", "Bea"), ("Baker", "")]
    for last, first in names:
        await record_handlers.create_contact(uow=uows(), principal=ADMIN, account_id=account.id,
                                             data=ContactData(first_name=first, last_name=last))

    def contacts(**page):
        return queries.list_contacts(uow=uows(), principal=ADMIN, account_id=account.id, **page)

    walked = await walk(contacts, 2)
    assert [(c.last_name, c.first_name) for c in walked] == sorted(names)
    assert [c.id for c in walked] == [c.id for c in (await contacts(requested_size=200)).items]
    assert len({c.id for c in walked}) == len(names)  # the two Bea Adams: the id breaks the tie


async def test_the_kiosks_at_a_location_page_by_serial_number(uows):
    company = await create(uows, "Acme")
    location = await create(uows, "Acme #1", subtype="kiosk_location", parent_id=company.id)
    serials = ["SN-3", "SN-1", "SN-4", "SN-2", "SN-5"]
    for serial in serials:
        await record_handlers.create_kiosk(uow=uows(), principal=as_role("csr"), data=KioskData(
            serial_number=serial, location_account_id=location.id))

    def kiosks(**page):
        return queries.list_kiosks(uow=uows(), principal=ADMIN, location_account_id=location.id, **page)

    assert [k.serial_number for k in await walk(kiosks, 2)] == sorted(serials)
    first = await kiosks(requested_size=2)
    with pytest.raises(InvalidInput) as refused:  # a kiosk cursor is no contact cursor
        await queries.list_contacts(uow=uows(), principal=ADMIN, account_id=company.id, cursor=first.next_cursor)
    assert refused.value.problems[0].field == "cursor"


async def test_the_shares_of_an_account_page_by_user_id(uows):
    await add_territories(uows)
    owner = await add_user(uows, "ae", territories=("NE",))
    account = await create(uows, "Acme", state="MA")
    others = [await add_user(uows, "ae", territories=("PAC",)) for _ in range(3)]
    for other in others:
        await handlers.share_account(uow=uows(), principal=principal(owner),
                                     command=ShareAccount(account.id, other.id, "read"))

    def shares(**page):
        return queries.list_shares(uow=uows(), principal=principal(owner), account_id=account.id, **page)

    assert [s.user_id for s in await walk(shares, 1)] == sorted(o.id for o in others)
    with pytest.raises(InvalidInput) as refused:
        await shares(cursor="not-a-cursor")
    assert refused.value.problems[0].field == "cursor"
