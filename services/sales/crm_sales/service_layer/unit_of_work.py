"""The sales unit of work: one transaction and its repositories. The kit publishes the events of the
opportunities it tracked on commit, through the table the composition root binds (integration_events)."""
from __future__ import annotations

from crmkit.db import UnitOfWork
from sqlalchemy.ext.asyncio import AsyncSession

from crm_sales.adapters.access_model import AccountAccessRepository
from crm_sales.adapters.alerts_repository import AlertRepository
from crm_sales.adapters.catalog_repository import CatalogRepository, QuoteRepository
from crm_sales.adapters.forecast_repository import ForecastRepository, QuotaRepository
from crm_sales.adapters.repository import ConversionRepository, OpportunityRepository, SalesProcessRepository


class SalesUnitOfWork(UnitOfWork):
    accounts: AccountAccessRepository
    opportunities: OpportunityRepository
    process: SalesProcessRepository
    conversions: ConversionRepository
    catalog: CatalogRepository
    quotes: QuoteRepository
    alerts: AlertRepository
    forecasts: ForecastRepository
    quotas: QuotaRepository

    def _bind(self, session: AsyncSession) -> None:
        self.opportunities = OpportunityRepository(session)
        self.accounts = AccountAccessRepository(session)
        self.process = SalesProcessRepository(session)
        self.conversions = ConversionRepository(session)
        self.catalog = CatalogRepository(session)
        self.quotes = QuoteRepository(session)
        self.alerts = AlertRepository(session)
        self.forecasts = ForecastRepository(session)
        self.quotas = QuotaRepository(session)
