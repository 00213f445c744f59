"""Helpers of the integration service's tests: queued mail and rows of the mail outbox."""
from __future__ import annotations

import uuid

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
