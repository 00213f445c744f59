"""Use cases of the legacy contact manager's migration (MIG-1, MIG-2): batch upserts of its contacts
(keyed by record ID) and of its email history and notes as activities (keyed by legacy key), with one
outcome per row. Admin and the erp client only (the integration service acts for them).

A batch is one transaction that reads what it needs with one query per table (by the batch's keys)
and writes with one statement per table. What a contact row does is in domain.legacy, what an
activity row does in domain.activities. Created and changed records publish crm.accounts.contact.*,
crm.accounts.account.created (a new prospect company) and crm.accounts.activity.* events; a row
equal to what is stored publishes nothing.
"""
from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime, tzinfo

from crmkit.principal import Principal

from crm_accounts.adapters.legacy import Company
from crm_accounts.domain import erp, policy
from crm_accounts.domain.activities import Activity, LegacyActivityRow, clean_legacy_activity
from crm_accounts.domain.legacy import LegacyContact, clean_legacy_contact, company_spelling
from crm_accounts.domain.model import Account, Contact
from crm_accounts.service_layer.erp_imports import Outcomes, bounded, done, fate, places_of, raw_key, taken_meanwhile
from crm_accounts.service_layer.handlers import now
from crm_accounts.service_layer.unit_of_work import AccountsUnitOfWork


async def upsert_legacy_contacts(*, uow: AccountsUnitOfWork, principal: Principal,
                                 raws: Sequence[dict]) -> list[erp.Outcome]:
    """MIG-1: the legacy contacts, each on the account its company names (a new prospect when none does)."""
    policy.ensure_can_import_legacy(principal, "contacts")
    bounded(raws)
    outcomes, cleaned = erp.clean_batch(raws, clean_legacy_contact, key=lambda row: row.legacy_id,
                                        raw_key=raw_key("legacy_id"))
    rows: dict[int, LegacyContact] = cleaned
    stamp = now()
    async with uow:
        store = uow.legacy
        await store.lock_companies()
        existing = await store.contacts_for_update(row.legacy_id for row in rows.values())
        companies = await store.companies_by_key(row.company_key for row in rows.values())
        companies.update(await _new_companies(uow, [row for row in rows.values()
                                                    if row.company_key not in companies], stamp))
        new: list[tuple[int, Contact]] = []
        for index, row in rows.items():
            company = companies[row.company_key]
            contact = existing.get(row.legacy_id)
            if contact is None:
                contact = Contact.create(account_id=company.id, data=row.data, now=stamp)
                contact.account_status, contact.account_type = company.status, company.type
                new.append((index, contact))
                continue
            contact.edit(row.data, now=stamp)
            contact.move(company.id, account_status=company.status, account_type=company.type, now=stamp)
            outcomes[index] = erp.Outcome(row.legacy_id, fate(contact))
        new.sort(key=lambda pair: pair[1].legacy_id)  # concurrent batches take the keys in the same order
        inserted = await store.insert_contacts([contact for _, contact in new])
        for index, contact in new:
            outcomes[index] = (erp.Outcome(contact.legacy_id, erp.CREATED) if contact.id in inserted
                               else taken_meanwhile(contact.legacy_id, "legacy_id"))
        await store.save_contacts()
        await uow.commit()
    return done(outcomes)


async def _new_companies(uow: AccountsUnitOfWork, rows: list[LegacyContact], stamp: datetime) -> dict[str, Company]:
    """A prospect company for each company key of `rows` (none of which an account has), created once
    each; answers them by key."""
    if not rows:
        return {}
    by_key: dict[str, list[LegacyContact]] = {}
    for row in rows:
        by_key.setdefault(row.company_key, []).append(row)
    chosen = {key: company_spelling(named) for key, named in sorted(by_key.items())}
    states = {row.address["state"] for row in chosen.values()}
    places = await places_of(uow, states, states)
    created: dict[str, Account] = {}
    for key, row in chosen.items():
        territory = places.territory(row.address["state"])
        created[key] = Account.create(account_id=str(uuid.uuid4()), data=row.new_company(places.owner(territory)),
                                      territory=territory, now=stamp)
    await uow.erp_records.insert_accounts(list(created.values()))  # fresh ids and no ERP keys: nothing can clash
    return {key: Company(account.id, account.status, account.type) for key, account in created.items()}


async def upsert_legacy_activities(*, uow: AccountsUnitOfWork, principal: Principal, raws: Sequence[dict],
                                   zone: tzinfo) -> list[erp.Outcome]:
    """MIG-2: the legacy email history and notes as activities on their contact and its account; a
    time without an offset is a wall-clock time of `zone` (the legacy_time_zone setting)."""
    policy.ensure_can_import_legacy(principal, "activities")
    bounded(raws)
    outcomes, cleaned = erp.clean_batch(raws, lambda raw: clean_legacy_activity(raw, zone),
                                        key=lambda row: row.legacy_key, raw_key=raw_key("legacy_key"))
    rows: dict[int, LegacyActivityRow] = cleaned
    stamp = now()
    async with uow:
        people = await uow.legacy.contacts_by_legacy_id(row.contact_legacy_id for row in rows.values())
        placed: dict[int, tuple[LegacyActivityRow, str, str]] = {}
        for index, row in rows.items():
            person = people.get(row.contact_legacy_id)
            if person is None:
                outcomes[index] = erp.Outcome(row.legacy_key, erp.FAILED, "contact_legacy_id",
                                              f"no contact has the legacy ID {row.contact_legacy_id!r}")
            else:
                placed[index] = (row, *person)
        await _write_activities(uow, placed, outcomes, stamp, retry=True)
        await uow.commit()
    return done(outcomes)


async def _write_activities(uow: AccountsUnitOfWork, placed: dict[int, tuple[LegacyActivityRow, str, str]],
                            outcomes: Outcomes, stamp: datetime, *, retry: bool) -> None:
    """Create or change the activities of `placed` (row, contact id, account id). One another transaction
    created meanwhile is read back and changed instead (once)."""
    existing = await uow.activities.by_legacy_key(row.legacy_key for row, _, _ in placed.values())
    new: list[tuple[int, Activity]] = []
    for index, (row, contact_id, account_id) in placed.items():
        activity = existing.get(row.legacy_key)
        if activity is None:
            new.append((index, Activity.create(content=row.content, account_id=account_id, contact_id=contact_id,
                                               legacy_key=row.legacy_key, now=stamp)))
        else:
            activity.edit(row.content, account_id=account_id, contact_id=contact_id, now=stamp)
            outcomes[index] = erp.Outcome(row.legacy_key, fate(activity))
    new.sort(key=lambda pair: pair[1].legacy_key)  # concurrent batches take the keys in the same order
    inserted = await uow.activities.insert([activity for _, activity in new])
    lost: dict[int, tuple[LegacyActivityRow, str, str]] = {}
    for index, activity in new:
        if activity.id in inserted:
            outcomes[index] = erp.Outcome(activity.legacy_key, erp.CREATED)
        elif retry:
            lost[index] = placed[index]
        else:
            outcomes[index] = taken_meanwhile(activity.legacy_key, "legacy_key")
    await uow.activities.save()
    if lost:
        await _write_activities(uow, lost, outcomes, stamp, retry=False)
