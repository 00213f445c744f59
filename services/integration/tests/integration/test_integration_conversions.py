"""LEAD-6: a lead conversion (crm.leads.lead.converted) becomes exactly one email to the account's
owner, addressed from the users replica (crm.identity.user.*), through real JetStream streams."""
from __future__ import annotations

import asyncio
import uuid
from contextlib import asynccontextmanager

import pytest
from crm.identity.v1 import events_pb2 as identity_events
from crm.leads.v1 import events_pb2 as leads_events
from crmkit.identity.consumer import identity_subscription
from crmkit.inbox import EventMeta, InboxConsumer, Subscription
from crmkit.runtime import units_of_work
from integration_testkit import rows
from sqlalchemy import func, select

from crm_integration.adapters.delivery import SmtpTransport
from crm_integration.adapters.orm import identity, messaging
from crm_integration.domain.errors import UserNotReplicatedYet
from crm_integration.entrypoints.consumers import lead_conversions
from crm_integration.service_layer.mail_sender import MailSender
from crm_integration.settings import SmtpEndpoint
from tests.support.events import publish
from tests.support.waiting import eventually

PUBLIC_URL = "https://crm.acme.test"


def user(user_id: str, *, name: str, email: str, role: str, version: int = 1) -> identity_events.User:
    return identity_events.User(id=user_id, username=name.split()[0].lower(), full_name=name, email=email,
                                role=role, active=True, version=version)


def conversion(owner_id: str, sdr_id: str, lead_id: str | None = None) -> leads_events.LeadConverted:
    return leads_events.LeadConverted(
        lead_id=lead_id or str(uuid.uuid4()), account_id="acc-42", contact_id="con-7", account_owner_id=owner_id,
        account_name="Acme Kiosks", contact_name="Jane Doe", converted_by=sdr_id)


def consumer(js, sessions, subscription: Subscription, producer: str, durable: str) -> InboxConsumer:
    """The service's subscription, on the test's private stream of `producer`."""
    subscription = subscription.from_producer(producer, durable=durable)
    return InboxConsumer(js=js, uow_factory=units_of_work(subscription.unit_of_work, sessions, messaging),
                         tables=messaging, subscription=subscription)


def identity_consumer(js, sessions, *, producer: str, durable: str) -> InboxConsumer:
    return consumer(js, sessions, identity_subscription(identity, durable=durable), producer, durable)


def leads_consumer(js, sessions, *, producer: str, durable: str) -> InboxConsumer:
    return consumer(js, sessions, lead_conversions(public_url=PUBLIC_URL), producer, durable)


@asynccontextmanager
async def running(*workers):
    tasks = [asyncio.create_task(w.run()) for w in workers]
    try:
        yield
    finally:
        for worker in workers:
            await worker.stop()
        await asyncio.wait_for(asyncio.gather(*tasks), timeout=10)


async def count(sessions, table, **where) -> int:
    async with sessions() as session:
        query = select(func.count()).select_from(table)
        for column, value in where.items():
            query = query.where(table.c[column] == value)
        return (await session.execute(query)).scalar_one()


async def test_lead_6_conversion_mails_the_account_owner_exactly_once(producers, sessions, smtp_sink):
    js, identity, leads = producers
    durable = f"integration-test-{uuid.uuid4().hex[:6]}"
    users = identity_consumer(js, sessions, producer=identity, durable=durable + "-users")
    conversions = leads_consumer(js, sessions, producer=leads, durable=durable + "-leads")
    sender = MailSender(sessions, SmtpTransport(SmtpEndpoint.parse(smtp_sink.url), timeout=5),
                        sender="crm@acme.test", poll_seconds=0.1)
    ae, sdr = str(uuid.uuid4()), str(uuid.uuid4())
    event = conversion(ae, sdr)

    async with running(users, conversions, sender):
        # The conversion arrives before the users it names: it is retried (nak), not dropped.
        await publish(js, f"crm.{leads}.lead.converted", event)
        await asyncio.sleep(0.5)
        await publish(js, f"crm.{identity}.user.created", identity_events.UserCreated(
            user=user(ae, name="Ann Avery", email="ann.avery@acme.test", role="ae")))
        await publish(js, f"crm.{identity}.user.created", identity_events.UserCreated(
            user=user(sdr, name="Sam Sato", email="sam.sato@acme.test", role="sdr")))
        [received] = await smtp_sink.wait_for(1, timeout=20)
        # The same fact again (a republish outside JetStream's duplicate window has a new event id).
        await publish(js, f"crm.{leads}.lead.converted", event)
        handled = await eventually(lambda: count(sessions, messaging.inbox, consumer=durable + "-leads"),
                                   lambda n: n == 2)
        assert handled == 2
        await asyncio.sleep(0.5)  # give a wrongly queued second email the time to go out

    assert len(smtp_sink.messages) == 1
    assert received.rcpt_to == ["ann.avery@acme.test"]
    message = received.message
    assert message["Subject"] == "Account handed to you: Acme Kiosks"
    body = message.get_body(("plain",)).get_content()
    assert body.startswith("Hello Ann Avery,")
    for fact in ("Acme Kiosks", "Jane Doe", "Sam Sato", "https://crm.acme.test/accounts/acc-42"):
        assert fact in body
    [row] = await rows(sessions)
    assert row.dedup_key == f"lead-converted:{event.lead_id}" and row.sent_at is not None
    assert await count(sessions, messaging.dead_letters) == 0


async def test_lead_6_the_same_event_twice_queues_one_email(producers, sessions):
    js, identity, leads = producers
    conversions = leads_consumer(js, sessions, producer=leads, durable="integration-twice")
    users = identity_consumer(js, sessions, producer=identity, durable="integration-twice-users")
    ae, sdr = str(uuid.uuid4()), str(uuid.uuid4())
    event = conversion(ae, sdr)

    async def deliver(consumer, message, event_id: str) -> bool:
        meta = EventMeta(event_id=event_id, subject="crm.test", deliveries=1)
        return await consumer.handle(message.DESCRIPTOR.full_name, message.SerializeToString(), meta)

    with pytest.raises(UserNotReplicatedYet):  # owner unknown yet: transient, nothing recorded
        await deliver(conversions, event, "conversion-1")
    assert await rows(sessions) == [] and await count(sessions, messaging.inbox) == 0

    for person, name, role in ((ae, "Ann Avery", "ae"), (sdr, "Sam Sato", "sdr")):
        await deliver(users, identity_events.UserCreated(user=user(person, name=name, email=f"{role}@acme.test",
                                                                   role=role)), f"user-{person}")
    assert await deliver(conversions, event, "conversion-1")
    assert not await deliver(conversions, event, "conversion-1")  # redelivered: the inbox knows it
    assert await deliver(conversions, event, "conversion-1-copy")  # new id: the dedup key keeps one email
    [row] = await rows(sessions)
    assert row.to_address == "ae@acme.test"


async def test_lead_6_an_owner_without_email_is_dead_lettered_then_replayed(producers, sessions):
    js, identity, leads = producers
    durable = f"integration-test-{uuid.uuid4().hex[:6]}"
    users = identity_consumer(js, sessions, producer=identity, durable=durable + "-users")
    conversions = leads_consumer(js, sessions, producer=leads, durable=durable + "-leads")
    ae, sdr = str(uuid.uuid4()), str(uuid.uuid4())

    async with running(users, conversions):
        await publish(js, f"crm.{identity}.user.created", identity_events.UserCreated(
            user=user(ae, name="Ann Avery", email="", role="ae")))
        await publish(js, f"crm.{identity}.user.created", identity_events.UserCreated(
            user=user(sdr, name="Sam Sato", email="sam@acme.test", role="sdr")))
        await eventually(lambda: count(sessions, messaging.inbox, consumer=durable + "-users"), lambda n: n == 2)
        await publish(js, f"crm.{leads}.lead.converted", conversion(ae, sdr))
        assert await eventually(lambda: count(sessions, messaging.dead_letters), lambda n: n == 1) == 1
        async with sessions() as session:
            [letter] = (await session.execute(select(messaging.dead_letters))).all()
        assert "Ann Avery" in letter.error and "has no email address" in letter.error
        assert letter.deliveries == 1  # no retry could have helped
        assert await rows(sessions) == []

        # Ops fix the user in the gateway; the new snapshot arrives; the dead letter is replayed.
        await publish(js, f"crm.{identity}.user.updated", identity_events.UserUpdated(
            user=user(ae, name="Ann Avery", email="ann.avery@acme.test", role="ae", version=2)))
        await eventually(lambda: count(sessions, messaging.inbox, consumer=durable + "-users"), lambda n: n == 3)

    assert [outcome for _, outcome in await conversions.replay_dead_letters()] == ["applied"]
    [row] = await rows(sessions)
    assert row.to_address == "ann.avery@acme.test"
