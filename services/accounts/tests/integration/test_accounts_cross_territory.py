"""SEC-3, SEC-4: three AEs over two territories and fifty accounts; no AE reads or lists an account
outside their visibility, and their RSM sees exactly what the RSM's AEs see."""
from __future__ import annotations

import pytest
from accounts_testkit import add_territories, add_user, create, principal
from crmkit.errors import NotFound

from crm_accounts.domain.commands import ListAccounts
from crm_accounts.service_layer import queries

STATES = ("MA", "CT", "NY", "PA", "CA")  # NE, NE, MA, MA, PAC


async def all_pages(uows, caller, **query) -> list:
    seen, cursor = [], ""
    while True:
        page, cursor = await queries.list_accounts(uow=uows(), principal=caller,
                                                   query=ListAccounts(cursor=cursor, page_size=7, **query))
        seen.extend(page)
        if not cursor:
            return seen


async def test_sec_3_no_ae_reads_or_lists_outside_their_territory(uows):
    await add_territories(uows)
    rsm = await add_user(uows, "rsm")
    ne_1 = await add_user(uows, "ae", territories=("NE",), manager_id=rsm.id)
    ne_2 = await add_user(uows, "ae", territories=("NE",), manager_id=rsm.id)
    ma = await add_user(uows, "ae", territories=("MA",))
    made = [await create(uows, f"Co {n:02}", state=STATES[n % len(STATES)]) for n in range(50)]
    by_territory = {code: {a.id for a in made if a.territory == code} for code in ("NE", "MA", "PAC")}
    assert [len(by_territory[c]) for c in ("NE", "MA", "PAC")] == [20, 20, 10]

    for ae, code in ((ne_1, "NE"), (ne_2, "NE"), (ma, "MA")):
        listed = await all_pages(uows, principal(ae))
        assert {v.account.id for v in listed} == by_territory[code]
        assert all(v.full for v in listed)
        assert await all_pages(uows, principal(ae), territories=("PAC",)) == []
        for account in made:
            if account.id in by_territory[code]:
                assert (await queries.get_account(uow=uows(), principal=principal(ae), account_id=account.id)).full
            else:
                with pytest.raises(NotFound):
                    await queries.get_account(uow=uows(), principal=principal(ae), account_id=account.id)

    team = principal(rsm, subordinates=(ne_1.id, ne_2.id))
    assert {v.account.id for v in await all_pages(uows, team)} == by_territory["NE"]
    listed = await all_pages(uows, team, text="co 1", sort="-name")
    assert [v.account.name for v in listed] == sorted(
        (a.name for a in made if a.id in by_territory["NE"] and a.name.startswith("Co 1")), reverse=True)
