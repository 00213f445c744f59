"""The leads unit of work: one transaction, its repositories, and the lead events it commits."""
from __future__ import annotations

from collections.abc import Callable

from crmkit.db import SessionFactory, UnitOfWork
from crmkit.messaging_tables import MessagingTables
from google.protobuf.message import Message
from sqlalchemy.ext.asyncio import AsyncSession

from crm_leads.adapters.repository import AssignmentRepository, LeadRepository, UserRepository, WebFormRepository
from crm_leads.domain.events import Event
from crm_leads.domain.model import Lead

# Turns a domain event of a lead into its integration event: (subject, protobuf message).
EventTranslator = Callable[[Event, Lead], tuple[str, Message]]


class LeadsUnitOfWork(UnitOfWork):
    leads: LeadRepository
    forms: WebFormRepository
    users: UserRepository
    assignment: AssignmentRepository

    def __init__(self, session_factory: SessionFactory, tables: MessagingTables, translate: EventTranslator,
                 on_commit: Callable[[], None] | None = None) -> None:
        super().__init__(session_factory, tables, on_commit)
        self._translate = translate

    def _bind(self, session: AsyncSession) -> None:
        self.leads = LeadRepository(session)
        self.forms = WebFormRepository(session)
        self.users = UserRepository(session)
        self.assignment = AssignmentRepository(session)

    async def commit(self) -> None:
        """Write the events of every lead touched to the outbox, then commit them with the data."""
        for lead in self.leads.seen:
            for event in lead.events:
                self.publish(*self._translate(event, lead))
            lead.events.clear()
        await super().commit()
