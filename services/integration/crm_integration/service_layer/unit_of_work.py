"""The integration unit of work for import jobs: one transaction, the jobs store, and the events it
commits through the kit's outbox."""
from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from crmkit.db import UnitOfWork

from crm_integration.adapters.imports import ImportJobs


class ImportsUnitOfWork(UnitOfWork):
    imports: ImportJobs

    def _bind(self, session: AsyncSession) -> None:
        self.imports = ImportJobs(session)
