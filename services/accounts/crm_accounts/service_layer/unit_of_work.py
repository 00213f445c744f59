"""The accounts unit of work: one transaction and its repositories. The kit publishes the events of
the records they tracked on commit, through the table the composition root binds (integration_events)."""
from __future__ import annotations

from crmkit.db import UnitOfWork
from sqlalchemy.ext.asyncio import AsyncSession

from crm_accounts.adapters.activities import ActivityRepository
from crm_accounts.adapters.directory import TerritoryRepository, UserRepository
from crm_accounts.adapters.erp import ErpFigures
from crm_accounts.adapters.erp_records import ErpRecords
from crm_accounts.adapters.legacy import LegacyRecords
from crm_accounts.adapters.records import ContactRepository, KioskRepository, ShareRepository
from crm_accounts.adapters.repository import AccountRepository


class AccountsUnitOfWork(UnitOfWork):
    accounts: AccountRepository
    contacts: ContactRepository
    kiosks: KioskRepository
    shares: ShareRepository
    users: UserRepository
    territories: TerritoryRepository
    erp_records: ErpRecords
    legacy: LegacyRecords
    activities: ActivityRepository
    erp: ErpFigures

    def _bind(self, session: AsyncSession) -> None:
        self.accounts = AccountRepository(session)
        self.contacts = ContactRepository(session)
        self.kiosks = KioskRepository(session)
        self.shares = ShareRepository(session)
        self.users = UserRepository(session)
        self.territories = TerritoryRepository(session)
        self.erp_records = ErpRecords(session)
        self.legacy = LegacyRecords(session)
        self.activities = ActivityRepository(session)
        self.erp = ErpFigures(session)
