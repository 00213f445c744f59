"""The MailSender delivers the mail outbox (LEAD-6's emails go out this way): over SMTP to a real
server, or as .eml files; failures wait with capped exponential backoff; replicas never double-send."""
from __future__ import annotations

import asyncio
import socket
from datetime import UTC, datetime
from email import message_from_bytes, policy

from crmkit.db import SessionFactory
from integration_testkit import enqueue, mail, rows
from sqlalchemy import text

from crm_integration.adapters.delivery import EmlDirectory, SmtpTransport
from crm_integration.service_layer.mail_sender import MailSender
from crm_integration.settings import SmtpEndpoint
from tests.support.smtp_sink import SmtpSink


def smtp_sender(sessions: SessionFactory, url: str, **options) -> MailSender:
    return MailSender(sessions, SmtpTransport(SmtpEndpoint.parse(url), timeout=5), sender="CRM <crm@acme.test>",
                      **options)


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def test_lead_6_sender_delivers_over_smtp_and_marks_the_row_sent(sessions, smtp_sink):
    [mail_id] = await enqueue(sessions, mail(1))

    assert await smtp_sender(sessions, smtp_sink.url).send_due() == 1

    [received] = await smtp_sink.wait_for(1)
    assert received.rcpt_to == ["ann.ae@example.com"]
    assert received.mail_from == "crm@acme.test"
    message = received.message
    assert (message["To"], message["Subject"]) == ("ann.ae@example.com", "Account handed to you: Acme 1")
    assert message["Message-ID"] == f"<{mail_id}@acme.test>"
    assert message["Auto-Submitted"] == "auto-generated"
    assert message.get_body(("plain",)).get_content() == "Acme 1 is yours.\n"
    assert "<p>Acme 1 is yours.</p>" in message.get_body(("html",)).get_content()
    [row] = await rows(sessions)
    assert row.sent_at is not None and row.attempts == 1 and row.last_error is None
    assert await smtp_sender(sessions, smtp_sink.url).send_due() == 0  # sent is sent


async def test_lead_6_without_smtp_the_sender_writes_a_parseable_eml_file(sessions, tmp_path):
    [mail_id] = await enqueue(sessions, mail(2))
    folder = tmp_path / "mail" / "outbox"
    sender = MailSender(sessions, EmlDirectory(folder), sender="crm@localhost")

    assert await sender.send_due() == 1

    [path] = list(folder.iterdir())  # no temporary file left behind
    [row] = await rows(sessions)
    assert path.name == f"{row.created_at.astimezone(UTC):%Y%m%dT%H%M%S%fZ}-{mail_id}.eml"
    message = message_from_bytes(path.read_bytes(), policy=policy.default)
    assert (message["From"], message["To"]) == ("crm@localhost", "ann.ae@example.com")
    assert message["Subject"] == "Account handed to you: Acme 2"
    assert message.get_body(("plain",)).get_content() == "Acme 2 is yours.\n"
    assert row.sent_at is not None


async def test_lead_6_a_failing_server_leaves_the_row_queued_until_it_is_back(sessions):
    port = closed_port()
    await enqueue(sessions, mail(3))
    sender = smtp_sender(sessions, f"smtp://127.0.0.1:{port}", retry_base_seconds=0.5, retry_max_seconds=600)

    assert await sender.send_due() == 0
    [row] = await rows(sessions)
    assert row.sent_at is None and row.attempts == 1
    assert "Connection refused" in row.last_error or "ConnectionRefused" in row.last_error
    assert row.next_attempt_at > datetime.now(UTC)
    assert await sender.send_due() == 0  # not due yet: no second attempt within the backoff
    assert (await rows(sessions))[0].attempts == 1

    sink = SmtpSink()
    await sink.start(port)
    try:
        await asyncio.sleep(0.6)
        assert await sender.send_due() == 1
        assert len(await sink.wait_for(1)) == 1
        [row] = await rows(sessions)
        assert row.sent_at is not None and row.attempts == 2 and row.last_error is None
    finally:
        await sink.close()


async def test_lead_6_backoff_grows_per_failure(sessions):
    await enqueue(sessions, mail(4))
    sender = smtp_sender(sessions, f"smtp://127.0.0.1:{closed_port()}", retry_base_seconds=60, retry_max_seconds=600)
    waits = []
    for _ in range(5):
        await sender.send_due()
        [row] = await rows(sessions)
        waits.append(round((row.next_attempt_at - datetime.now(UTC)).total_seconds() / 60))
        async with sessions() as session, session.begin():  # make it due again, as time would
            await session.execute(text("update mail_outbox set next_attempt_at = now()"))
    assert waits == [1, 2, 4, 8, 10]  # minutes: doubling, capped at 10 (no give-up)
    assert (await rows(sessions))[0].attempts == 5


async def test_lead_6_two_senders_side_by_side_deliver_each_message_once(sessions, smtp_sink):
    ids = await enqueue(sessions, *(mail(n) for n in range(30)))
    first, second = smtp_sender(sessions, smtp_sink.url), smtp_sender(sessions, smtp_sink.url)

    counts = await asyncio.gather(first.send_due(), second.send_due())

    assert sum(counts) == 30 and all(counts)  # both really worked, side by side
    received = await smtp_sink.wait_for(30)
    assert sorted(r.message["Message-ID"] for r in received) == sorted(f"<{i}@acme.test>" for i in ids)
    assert all(row.sent_at is not None and row.attempts == 1 for row in await rows(sessions))


async def test_lead_6_the_sender_worker_runs_until_stopped(sessions, smtp_sink):
    sender = smtp_sender(sessions, smtp_sink.url, poll_seconds=0.1)
    task = asyncio.create_task(sender.run())
    try:
        await enqueue(sessions, mail(5))
        assert len(await smtp_sink.wait_for(1)) == 1
    finally:
        await sender.stop()
        await asyncio.wait_for(task, timeout=5)

