"""Per-user preferences of the web client (issue 9): today the UI language, kept apart from the identity
row so a preference change is not a user change (no crm.identity event, no version bump)."""
from __future__ import annotations

from sqlalchemy import Column, DateTime, ForeignKey, MetaData, String, Table, func, select
from sqlalchemy.dialects.postgresql import UUID, insert
from sqlalchemy.ext.asyncio import AsyncSession

metadata = MetaData()

user_preferences = Table(
    "user_preferences", metadata,
    Column("user_id", UUID(as_uuid=False), ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("language", String(16)),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)


class Preferences:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def language(self, user_id: str) -> str | None:
        return await self._session.scalar(select(user_preferences.c.language)
                                          .where(user_preferences.c.user_id == user_id))

    async def set_language(self, user_id: str, language: str) -> None:
        stmt = insert(user_preferences).values(user_id=user_id, language=language)
        await self._session.execute(stmt.on_conflict_do_update(
            index_elements=[user_preferences.c.user_id], set_={"language": language, "updated_at": func.now()}))
