"""Helpers of the integration service's tests: queued mail, rows of the mail outbox, events."""
from __future__ import annotations

import asyncio
import uuid

from crmkit.outbox import EVENT_TYPE_HEADER
from sqlalchemy import select

from crm_integration.adapters.orm import mail_outbox
from crm_integration.adapters.repository import MailOutboxRepository
from crm_integration.domain.model import Mail


def mail(n: int = 1, *, to: str = "ann.ae@example.com") -> Mail:
    return Mail(to=to, subject=f"Account handed to you: Acme {n}", text=f"Acme {n} is yours.\n",
                html=f"<p>Acme {n} is yours.</p>", dedup_key=f"test:{uuid.uuid4()}",
                headers={"Auto-Submitted": "auto-generated"})


async def enqueue(sessions, *mails: Mail) -> list[str]:
    async with sessions() as session, session.begin():
        outbox = MailOutboxRepository(session)
        return [await outbox.enqueue(m) for m in mails]


async def rows(sessions) -> list:
    async with sessions() as session:
        return (await session.execute(select(mail_outbox).order_by(mail_outbox.c.created_at))).all()


async def publish(js, subject: str, message, event_id: str | None = None) -> str:
    event_id = event_id or str(uuid.uuid4())
    await js.publish(subject, message.SerializeToString(),
                     headers={"Nats-Msg-Id": event_id, EVENT_TYPE_HEADER: message.DESCRIPTOR.full_name})
    return event_id


async def eventually(probe, condition, timeout: float = 15.0):
    """Poll the coroutine function `probe` until `condition(answer)` holds; answers the last answer."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        answer = await probe()
        if condition(answer) or asyncio.get_running_loop().time() > deadline:
            return answer
        await asyncio.sleep(0.1)
