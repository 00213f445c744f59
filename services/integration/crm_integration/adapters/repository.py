"""Every query of the integration service: the users replica and the mail outbox."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from crm_integration.adapters.orm import mail_outbox, users
from crm_integration.domain.model import Mail, QueuedMail, User

_USER_COLUMNS = (users.c.id, users.c.username, users.c.full_name, users.c.email, users.c.role, users.c.active,
                 users.c.version)
_ERROR_LIMIT = 2000


class UserRepository:
    """The users replica: one snapshot per user, the highest version seen."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def record(self, user: User) -> bool:
        """Store a user snapshot unless a newer one is stored already (events may come out of order)."""
        values = {"id": user.id, "username": user.username, "full_name": user.full_name, "email": user.email,
                  "role": user.role, "active": user.active, "version": user.version,
                  "updated_at": datetime.now(timezone.utc)}
        stmt = insert(users).values(values)
        stmt = stmt.on_conflict_do_update(
            index_elements=[users.c.id], set_={k: stmt.excluded[k] for k in values if k != "id"},
            where=users.c.version < stmt.excluded.version,
        ).returning(users.c.id)
        return (await self._session.execute(stmt)).first() is not None

    async def get(self, user_id: str) -> User | None:
        row = (await self._session.execute(select(*_USER_COLUMNS).where(users.c.id == user_id))).first()
        return User(**row._mapping) if row else None


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
