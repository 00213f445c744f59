"""Every query of the integration service: the users replica and the mail outbox."""
from __future__ import annotations

import uuid
from datetime import timedelta

from crmkit.identity.replica import Users
from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from crm_integration.adapters.orm import mail_outbox, users
from crm_integration.domain.model import Mail, QueuedMail

_ERROR_LIMIT = 2000


class UserRepository(Users):
    """The users replica: whom notifications are addressed to."""

    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, users)


class MailOutboxRepository:
    """Messages to send, claimed one at a time so replicas never deliver the same row together."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def enqueue(self, mail: Mail) -> str | None:
        """Queue `mail`; answers its id, or None when a message with its dedup key is queued already."""
        stmt = insert(mail_outbox).values(
            id=str(uuid.uuid4()), to_address=mail.to, subject=mail.subject, text_body=mail.text, html_body=mail.html,
            headers=mail.headers, dedup_key=mail.dedup_key,
        ).on_conflict_do_nothing(index_elements=[mail_outbox.c.dedup_key]).returning(mail_outbox.c.id)
        return (await self._session.execute(stmt)).scalar_one_or_none()

    async def claim_due(self) -> QueuedMail | None:
        """The oldest due unsent message, locked until the transaction ends; rows another sender holds
        are skipped (FOR UPDATE SKIP LOCKED), so any number of senders work side by side."""
        row = (await self._session.execute(
            select(mail_outbox)
            .where(mail_outbox.c.sent_at.is_(None), mail_outbox.c.next_attempt_at <= func.now())
            .order_by(mail_outbox.c.next_attempt_at, mail_outbox.c.id)
            .limit(1)
            .with_for_update(skip_locked=True)
        )).first()
        if row is None:
            return None
        mail = Mail(to=row.to_address, subject=row.subject, text=row.text_body, html=row.html_body,
                    headers=dict(row.headers), dedup_key=row.dedup_key)
        return QueuedMail(id=row.id, mail=mail, created_at=row.created_at, attempts=row.attempts)

    async def mark_sent(self, mail_id: str) -> None:
        await self._session.execute(update(mail_outbox).where(mail_outbox.c.id == mail_id).values(
            sent_at=func.now(), attempts=mail_outbox.c.attempts + 1, last_error=None))

    async def mark_failed(self, mail_id: str, *, error: str, retry_in: timedelta) -> None:
        await self._session.execute(update(mail_outbox).where(mail_outbox.c.id == mail_id).values(
            attempts=mail_outbox.c.attempts + 1, last_error=error[:_ERROR_LIMIT],
            next_attempt_at=func.now() + retry_in))
