"""Batch reads and writes of the legacy contact manager's migration (MIG-1, MIG-2): contacts by their
legacy record ID and the top-level accounts their company keys name, one statement per table and batch
(see erp_records.py for how a batch binds its keys and rows). Contacts loaded for change or inserted
here are tracked: the unit of work publishes their events on commit."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from crm_accounts.adapters.erp_records import Batch, any_of
from crm_accounts.adapters.orm import accounts, contacts
from crm_accounts.adapters.records import contact_row, to_contact
from crm_accounts.domain.model import Contact

# Serialises legacy contact batches, so two batches naming the same new company cannot both create it.
_COMPANIES_LOCK = 7_347_102


@dataclass(frozen=True)
class Company:
    """A top-level account a legacy company key names: where its contacts go, and what they show (CON-2)."""

    id: str
    status: str
    type: str


class LegacyRecords:
    """Contacts and companies as the legacy import reads and writes them, whoever may see them (the
    import is for roles that see everything)."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session
        self._contacts: Batch[Contact] = Batch(session, contacts, contact_row)

    @property
    def seen(self) -> list[Contact]:
        return self._contacts.seen

    async def lock_companies(self) -> None:
        """Hold the legacy companies lock until commit (before any lookup of the batch)."""
        await self._session.execute(text("select pg_advisory_xact_lock(:key)"), {"key": _COMPANIES_LOCK})

    async def contacts_for_update(self, legacy_ids: Iterable[str]) -> dict[str, Contact]:
        """The contacts with these legacy IDs (with their account's status and type), locked in id order
        and tracked for change, by legacy ID."""
        legacy_ids = set(legacy_ids)
        if not legacy_ids:
            return {}
        stmt = (select(contacts, accounts.c.status.label("account_status"), accounts.c.type.label("account_type"))
                .join(accounts, accounts.c.id == contacts.c.account_id)
                .where(any_of(contacts.c.legacy_id, legacy_ids)).order_by(contacts.c.id).with_for_update(of=contacts))
        found = [self._contacts.track(to_contact(row)) for row in (await self._session.execute(stmt)).all()]
        return {contact.legacy_id: contact for contact in found}

    async def companies_by_key(self, keys: Iterable[str]) -> dict[str, Company]:
        """For each company key, the top-level account it names (domain.legacy says which of several)."""
        keys = set(keys)
        if not keys:
            return {}
        stmt = (select(accounts.c.name_key, accounts.c.id, accounts.c.status, accounts.c.type)
                .where(accounts.c.parent_id.is_(None), any_of(accounts.c.name_key, keys))
                .order_by(accounts.c.name_key, accounts.c.type != "customer", accounts.c.status != "active",
                          accounts.c.created_at, accounts.c.id))
        found: dict[str, Company] = {}
        for key, account_id, status, type_ in (await self._session.execute(stmt)).tuples():
            found.setdefault(key, Company(account_id, status, type_))
        return found

    async def insert_contacts(self, new: Sequence[Contact]) -> set[str]:
        """Insert new contacts in one statement; answers the ids inserted (not those whose legacy ID
        another transaction took meanwhile)."""
        return await self._contacts.insert(new)

    async def save_contacts(self) -> None:
        await self._contacts.save()

    async def contacts_by_legacy_id(self, legacy_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
        """(contact id, account id) of each legacy ID a contact has, by legacy ID."""
        legacy_ids = set(legacy_ids)
        if not legacy_ids:
            return {}
        rows = await self._session.execute(select(contacts.c.legacy_id, contacts.c.id, contacts.c.account_id)
                                           .where(any_of(contacts.c.legacy_id, legacy_ids)))
        return {legacy_id: (contact_id, account_id) for legacy_id, contact_id, account_id in rows.tuples()}
