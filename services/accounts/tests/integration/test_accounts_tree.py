"""ACC-1, ACC-2 over real PostgreSQL: trees of any depth, refused cycles and kiosk parents,
number_of_locations kept right as children come, move, change and go, and the hierarchy read."""
from __future__ import annotations

import pytest
from accounts_testkit import ADMIN, add_territories, add_user, create, principal
from crm.accounts.v1 import events_pb2
from crmkit.errors import InvalidInput, NotFound

from crm_accounts.domain.commands import AccountData, ChangeAccountStatus, UpdateAccount
from crm_accounts.service_layer import handlers, queries
from tests.support.events import outbox_events


async def locations(uows, *accounts) -> list[int]:
    return [(await queries.get_account(uow=uows(), principal=ADMIN, account_id=a.id)).account.number_of_locations
            for a in accounts]


async def move(uows, account, **changes):
    return (await handlers.update_account(uow=uows(), principal=ADMIN,
                                          command=UpdateAccount(account.id, AccountData(**changes)))).account


async def test_acc_2_number_of_locations_follows_children_at_any_depth(uows, sessions):
    root = await create(uows, "Acme")
    east = await create(uows, "Acme East", subtype="office", parent_id=root.id)
    k1 = await create(uows, "Kiosk 1", subtype="kiosk_location", parent_id=east.id)
    await create(uows, "Kiosk 2", subtype="kiosk_location", parent_id=east.id)
    assert await locations(uows, root, east, k1) == [3, 2, 0]

    await handlers.change_status(uow=uows(), principal=ADMIN, command=ChangeAccountStatus(k1.id, False))
    assert await locations(uows, root, east) == [2, 1]
    await handlers.change_status(uow=uows(), principal=ADMIN, command=ChangeAccountStatus(k1.id, True))
    assert await locations(uows, root, east) == [3, 2]

    other = await create(uows, "Other Co")
    await move(uows, east, parent_id=other.id)  # the office moves with its two kiosk locations
    assert await locations(uows, root, other, east) == [0, 3, 2]
    await move(uows, k1, parent_id=root.id)
    assert await locations(uows, root, other, east) == [1, 2, 1]
    await move(uows, k1, subtype="company")  # no longer a location
    assert await locations(uows, root) == [0]
    await move(uows, k1, parent_id="")  # a root of its own
    assert await locations(uows, root) == [0]

    counted = [e for s, e in await outbox_events(sessions, events_pb2) if s == "crm.accounts.account.updated"
               and list(e.changed_fields) == ["number_of_locations"]]
    assert {e.account.id for e in counted} >= {root.id, east.id, other.id}
    stored = (await queries.get_account(uow=uows(), principal=ADMIN, account_id=root.id)).account
    assert stored.version == 1 + sum(1 for e in counted if e.account.id == root.id)


async def test_acc_1_cycles_and_kiosk_parents_are_refused(uows):
    root = await create(uows, "Acme")
    office = await create(uows, "Office", subtype="office", parent_id=root.id)
    kiosk = await create(uows, "Kiosk", subtype="kiosk_location", parent_id=office.id)
    for target, parent in ((root, office.id), (root, root.id), (office, kiosk.id)):
        with pytest.raises(InvalidInput) as refused:
            await move(uows, target, parent_id=parent)
        assert refused.value.problems[0].field == "parent_id"
    with pytest.raises(InvalidInput):
        await create(uows, "Under a kiosk", parent_id=kiosk.id)
    with pytest.raises(InvalidInput) as refused:
        await move(uows, office, subtype="kiosk_location")  # it has a child
    assert refused.value.problems[0].field == "subtype"
    with pytest.raises(NotFound) as missing:
        await create(uows, "Orphan", parent_id="00000000-0000-0000-0000-000000000000")
    assert missing.value.problems[0].field == "parent_id"


async def test_acc_1_the_hierarchy_is_the_whole_tree_from_the_root_as_the_caller_sees_it(uows):
    await add_territories(uows)
    ae = await add_user(uows, "ae", territories=("PAC",))
    root = await create(uows, "Acme", state="NY")
    west = await create(uows, "West", subtype="office", parent_id=root.id, state="NY")
    site = await create(uows, "Site", subtype="kiosk_location", parent_id=west.id, state="CA")
    east = await create(uows, "East", subtype="office", parent_id=root.id, state="NY")
    root_id, views = await queries.get_hierarchy(uow=uows(), principal=ADMIN, account_id=site.id)
    assert root_id == root.id
    assert [v.account.name for v in views] == ["Acme", "East", "West", "Site"]
    assert all(v.full for v in views)

    # The PAC AE owns the site: they see it in full and its parent's directory fields, nothing else.
    assert site.owner_id == ae.id
    root_id, views = await queries.get_hierarchy(uow=uows(), principal=principal(ae), account_id=site.id)
    assert root_id == root.id
    assert [(v.account.name, v.full) for v in views] == [("West", False), ("Site", True)]
    with pytest.raises(NotFound):
        await queries.get_hierarchy(uow=uows(), principal=principal(ae), account_id=east.id)
