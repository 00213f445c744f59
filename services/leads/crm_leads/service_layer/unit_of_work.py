"""The leads unit of work: one transaction and its repositories. The kit publishes the events of
the leads it tracked on commit, through the table the composition root binds (integration_events)."""
from __future__ import annotations

from crmkit.db import UnitOfWork
from sqlalchemy.ext.asyncio import AsyncSession

from crm_leads.adapters.repository import AssignmentRepository, LeadRepository, UserRepository, WebFormRepository


class LeadsUnitOfWork(UnitOfWork):
    leads: LeadRepository
    forms: WebFormRepository
    users: UserRepository
    assignment: AssignmentRepository

    def _bind(self, session: AsyncSession) -> None:
        self.leads = LeadRepository(session)
        self.forms = WebFormRepository(session)
        self.users = UserRepository(session)
        self.assignment = AssignmentRepository(session)
