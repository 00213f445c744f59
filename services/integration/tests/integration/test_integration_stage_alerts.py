"""GEN-4, S2: a stage-timeout crossing (crm.sales.opportunity.stage_overdue, decoded from the proto: this
service imports no sales code) becomes one email to the opportunity's owner and, where the event
names the RSM, one to the RSM, through real JetStream streams and a real SMTP sink; the same
crossing again (under a new event id) queues nothing more."""
from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime

import pytest
from crm.identity.v1 import events_pb2 as identity_events
from crm.sales.v1 import events_pb2 as sales_events
from google.protobuf.timestamp_pb2 import Timestamp
from integration_testkit import rows
from test_integration_conversions import PUBLIC_URL, consumer, count, identity_consumer, running, user

from crm_integration.adapters.delivery import SmtpTransport
from crm_integration.adapters.orm import messaging
from crm_integration.entrypoints.consumers import stage_alerts
from crm_integration.service_layer.mail_sender import MailSender
from crm_integration.settings import SmtpEndpoint
from tests.support.events import private_streams, publish
from tests.support.waiting import eventually


@pytest.fixture
async def sales_producers(nats_url):
    """(js, identity producer, sales producer): streams private to the test."""
    async with private_streams(nats_url, "identity", "sales") as (js, names):
        yield js, *names


def _stamp(value: datetime) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(value)
    return stamp


def overdue(owner_id: str, rsm_id: str = "") -> sales_events.OpportunityStageOverdue:
    return sales_events.OpportunityStageOverdue(
        alert_id=str(uuid.uuid4()), opportunity_id="opp-9", opportunity_name="Fleet refresh", account_id="acc-42",
        account_name="Acme Kiosks", stage="proposal", stage_name="Proposal",
        stage_entered_at=_stamp(datetime(2026, 3, 2, 9, tzinfo=UTC)), threshold_days=30,
        due_at=_stamp(datetime(2026, 4, 1, 9, tzinfo=UTC)), owner_id=owner_id, rsm_id=rsm_id)


async def test_gen_4_a_crossing_mails_the_owner_and_the_rsm_once(sales_producers, sessions, smtp_sink):
    js, identity, sales = sales_producers
    durable = f"integration-test-{uuid.uuid4().hex[:6]}"
    users = identity_consumer(js, sessions, producer=identity, durable=durable + "-users")
    crossings = consumer(js, sessions, stage_alerts(public_url=PUBLIC_URL), sales, durable + "-sales")
    sender = MailSender(sessions, SmtpTransport(SmtpEndpoint.parse(smtp_sink.url), timeout=5),
                        sender="crm@acme.test", poll_seconds=0.1)
    ae, rsm = str(uuid.uuid4()), str(uuid.uuid4())
    with_rsm, owner_only = overdue(ae, rsm), overdue(ae)

    async with running(users, crossings, sender):
        # The crossing arrives before the users it names: it is retried, not dropped.
        await publish(js, f"crm.{sales}.opportunity.stage_overdue", with_rsm)
        await asyncio.sleep(0.5)
        for user_id, name, role in ((ae, "Ann Avery", "ae"), (rsm, "Rita Ross", "rsm")):
            await publish(js, f"crm.{identity}.user.created", identity_events.UserCreated(
                user=user(user_id, name=name, email=f"{name.split()[0].lower()}@acme.test", role=role)))
        received = await smtp_sink.wait_for(2, timeout=20)
        await publish(js, f"crm.{sales}.opportunity.stage_overdue", with_rsm)  # the same crossing, a new event id
        await publish(js, f"crm.{sales}.opportunity.stage_overdue", owner_only)
        await smtp_sink.wait_for(3, timeout=20)
        handled = await eventually(lambda: count(sessions, messaging.inbox, consumer=durable + "-sales"),
                                   lambda n: n == 3)
        assert handled == 3
        await asyncio.sleep(0.5)  # give a wrongly queued extra email the time to go out

    assert len(smtp_sink.messages) == 3
    by_address = {m.rcpt_to[0]: m.message for m in received}
    assert set(by_address) == {"ann@acme.test", "rita@acme.test"}
    to_owner, to_rsm = by_address["ann@acme.test"], by_address["rita@acme.test"]
    assert to_owner["Subject"] == to_rsm["Subject"] == "Stuck in Proposal for over 30 days: Fleet refresh"
    owner_body = to_owner.get_body(("plain",)).get_content()
    rsm_body = to_rsm.get_body(("plain",)).get_content()
    assert owner_body.startswith("Hello Ann Avery,") and "Your opportunity Fleet refresh on Acme Kiosks" in owner_body
    assert rsm_body.startswith("Hello Rita Ross,") and "Ann Avery's opportunity Fleet refresh" in rsm_body
    for fact in ("since 2026-03-02", "Proposal (alert after 30 days)", "https://crm.acme.test/opportunities/opp-9"):
        assert fact in owner_body and fact in rsm_body
    assert smtp_sink.messages[2].rcpt_to == ["ann@acme.test"]
    assert sorted(r.dedup_key for r in await rows(sessions)) == sorted(
        [f"stage-overdue:{with_rsm.alert_id}:{ae}", f"stage-overdue:{with_rsm.alert_id}:{rsm}",
         f"stage-overdue:{owner_only.alert_id}:{ae}"])
    assert await count(sessions, messaging.dead_letters) == 0
