"""The integration units of work: one transaction, its stores, and the events it commits through
the kit's outbox."""
from __future__ import annotations

from crmkit.db import UnitOfWork
from sqlalchemy.ext.asyncio import AsyncSession

from crm_integration.adapters.imports import ImportJobs
from crm_integration.adapters.repository import MailOutboxRepository, UserRepository


class ImportsUnitOfWork(UnitOfWork):
    imports: ImportJobs

    def _bind(self, session: AsyncSession) -> None:
        self.imports = ImportJobs(session)


class NotificationsUnitOfWork(UnitOfWork):
    """Where a consumed fact becomes mail: the users replica addresses it, the mail outbox queues it."""

    users: UserRepository
    mail: MailOutboxRepository

    def _bind(self, session: AsyncSession) -> None:
        self.users = UserRepository(session)
        self.mail = MailOutboxRepository(session)
