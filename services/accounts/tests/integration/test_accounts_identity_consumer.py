"""Default owners and territories of accounts follow the gateway's identity events through the
kit's identity replica (the replica's own rules are the kit's tests: test_identity.py)."""
from __future__ import annotations

import uuid

from accounts_testkit import create
from crm.identity.v1 import events_pb2
from crmkit.db import UnitOfWork
from crmkit.identity.consumer import identity_subscription
from crmkit.inbox import EventMeta, InboxConsumer
from crmkit.runtime import units_of_work

from crm_accounts.adapters.orm import identity, messaging


def territory(code: str, states: list[str], version: int) -> events_pb2.TerritoryUpdated:
    return events_pb2.TerritoryUpdated(territory=events_pb2.Territory(
        code=code, name=code, states=states, sales_region="east", version=version))


def ae(user_id: str, *, version: int, territories: list[str]) -> events_pb2.UserCreated:
    return events_pb2.UserCreated(user=events_pb2.User(id=user_id, username="ann", role="ae",
                                                       territories=territories, active=True, version=version))


async def test_identity_events_decide_the_territory_and_default_owner_of_new_accounts(sessions, uows):
    consumer = InboxConsumer(js=None, uow_factory=units_of_work(UnitOfWork, sessions, messaging), tables=messaging,
                             subscription=identity_subscription(identity, durable="accounts-test"))

    async def deliver(message) -> None:
        meta = EventMeta(event_id=str(uuid.uuid4()), subject="crm.identity.x", deliveries=1)
        assert await consumer.handle(message.DESCRIPTOR.full_name, message.SerializeToString(), meta)

    ann, bob = str(uuid.uuid4()), str(uuid.uuid4())
    await deliver(territory("NE", ["MA", "ct"], 1))
    await deliver(ae(ann, version=1, territories=["NE"]))
    account = await create(uows, "Acme", state="CT")
    assert (account.territory, account.owner_id) == ("NE", ann)

    # NE gives CT to a new territory with its own AE: new accounts in CT go there.
    await deliver(territory("NE", ["MA"], 2))
    await deliver(territory("SNE", ["CT"], 1))
    await deliver(ae(bob, version=1, territories=["SNE"]))
    account = await create(uows, "Beta", state="CT")
    assert (account.territory, account.owner_id) == ("SNE", bob)
