"""The accounts unit of work: one transaction, its repositories, and the events it commits."""
from __future__ import annotations

from collections.abc import Callable

from crmkit.db import SessionFactory, UnitOfWork
from crmkit.messaging_tables import MessagingTables
from google.protobuf.message import Message
from sqlalchemy.ext.asyncio import AsyncSession

from crm_accounts.adapters.activities import ActivityRepository
from crm_accounts.adapters.directory import TerritoryRepository, UserRepository
from crm_accounts.adapters.erp import ErpFigures
from crm_accounts.adapters.erp_records import ErpRecords
from crm_accounts.adapters.legacy import LegacyRecords
from crm_accounts.adapters.records import ContactRepository, KioskRepository, ShareRepository
from crm_accounts.adapters.repository import AccountRepository
from crm_accounts.domain.events import Event
from crm_accounts.domain.model import Record

# Turns a domain event of a record (None for the ERP's figures, whose events carry their row)
# into its integration event: (subject, protobuf message).
EventTranslator = Callable[[Event, Record | None], tuple[str, Message]]


class AccountsUnitOfWork(UnitOfWork):
    accounts: AccountRepository
    contacts: ContactRepository
    kiosks: KioskRepository
    shares: ShareRepository
    users: UserRepository
    territories: TerritoryRepository
    erp: ErpFigures
    erp_records: ErpRecords
    legacy: LegacyRecords
    activities: ActivityRepository

    def __init__(self, session_factory: SessionFactory, tables: MessagingTables, translate: EventTranslator,
                 on_commit: Callable[[], None] | None = None) -> None:
        super().__init__(session_factory, tables, on_commit)
        self._translate = translate

    def _bind(self, session: AsyncSession) -> None:
        self.accounts = AccountRepository(session)
        self.contacts = ContactRepository(session)
        self.kiosks = KioskRepository(session)
        self.shares = ShareRepository(session)
        self.users = UserRepository(session)
        self.territories = TerritoryRepository(session)
        self.erp = ErpFigures(session)
        self.erp_records = ErpRecords(session)
        self.legacy = LegacyRecords(session)
        self.activities = ActivityRepository(session)

    async def commit(self) -> None:
        """Write the events of every record touched to the outbox, then commit them with the data."""
        for record in [*self.accounts.seen, *self.contacts.seen, *self.kiosks.seen, *self.erp_records.seen,
                       *self.legacy.seen, *self.activities.seen]:
            for event in record.events:
                self.publish(*self._translate(event, record))
            record.events.clear()
        for event in self.erp.events:
            self.publish(*self._translate(event, None))
        self.erp.events.clear()
        await super().commit()
