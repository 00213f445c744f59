"""The sales unit of work: one transaction and its repositories."""
from __future__ import annotations

from crmkit.db import UnitOfWork
from sqlalchemy.ext.asyncio import AsyncSession

from crm_sales.adapters.access_model import AccountAccessRepository
from crm_sales.adapters.catalog_repository import CatalogRepository, QuoteRepository


class SalesUnitOfWork(UnitOfWork):
    accounts: AccountAccessRepository
    catalog: CatalogRepository
    quotes: QuoteRepository

    def _bind(self, session: AsyncSession) -> None:
        self.accounts = AccountAccessRepository(session)
        self.catalog = CatalogRepository(session)
        self.quotes = QuoteRepository(session)
