"""Use cases of the ERP's master data (INT-2, INT-3, ACC-2, ACC-5): batch upserts of companies,
ship-to locations and kiosks with one outcome per row (what a row does: domain.erp_records), and the
directory matching that trade-show and legacy imports ask for. Admin and the erp client only.

A batch is one transaction that reads what it needs with one query per table (by the batch's keys)
and writes with one statement per table, never a round trip per row. Company and location batches
take the tree lock first (they add children, move them and change their status); the
number_of_locations of every account whose subtree they changed is recomputed once, after the rows
are written, so it is right when the call returns. Created and changed records publish the usual
crm.accounts.account.* and crm.accounts.kiosk.* events through the unit of work.
"""
from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from crmkit.errors import InvalidInput
from crmkit.fields import company_key, email_key
from crmkit.identity.model import User
from crmkit.principal import Principal

from crm_accounts.domain import erp, policy
from crm_accounts.domain.erp_records import (
    CompanyRow,
    KioskRow,
    LocationRow,
    becomes_kiosk_location,
    check_kiosk_place,
    check_location_place,
    clean_company,
    clean_kiosk,
    clean_location,
)
from crm_accounts.domain.hierarchy import check_subtype
from crm_accounts.domain.model import Account, Kiosk, Record
from crm_accounts.domain.territory import default_owner
from crm_accounts.service_layer.erp_figures import MAX_BATCH, bounded, raw_key  # noqa: F401 (MAX_BATCH: the batch rule of these upserts too)
from crm_accounts.service_layer.handlers import now
from crm_accounts.service_layer.unit_of_work import AccountsUnitOfWork

Outcomes = list[erp.Outcome | None]


@dataclass(frozen=True)
class DirectoryMatches:
    """What MatchDirectory found: (email as given, contact id, account id) and (company key as given,
    account id, account name), in the order the request gave the emails and keys."""

    contacts: list[tuple[str, str, str]]
    companies: list[tuple[str, str, str]]


@dataclass(frozen=True)
class Places:
    """The state->territory map of a batch's states and the users who may own its new accounts."""

    territories: dict[str, str]
    candidates: list[User]

    def territory(self, state: str) -> str:
        return self.territories.get(state, "")

    def owner(self, territory: str) -> str:
        return default_owner(territory=territory, key_account=False, candidates=self.candidates)


async def places_of(uow: AccountsUnitOfWork, states: set[str], new_states: set[str]) -> Places:
    territories = await uow.territories.territories_of(states)
    wanted = {territories[state] for state in new_states if state in territories}
    return Places(territories, await uow.users.owner_candidates_in(wanted) if wanted else [])


def failed(key: str, exc: InvalidInput) -> erp.Outcome:
    return erp.Outcome(key, erp.FAILED, exc.problems[0].field, exc.problems[0].message)


def fate(record: Record) -> str:
    return erp.UPDATED if record.is_modified else erp.UNCHANGED


def taken_meanwhile(key: str, field: str) -> erp.Outcome:
    return erp.Outcome(key, erp.FAILED, field, f"another request created a record with this {field} meanwhile; "
                                               "send the row again")


def _shape(account: Account) -> tuple[str, str, str]:
    """What of an account its ancestors' location counts depend on."""
    return account.parent_id, account.subtype, account.status


def done(outcomes: Outcomes) -> list[erp.Outcome]:
    return [outcome for outcome in outcomes if outcome is not None]


async def upsert_companies(*, uow: AccountsUnitOfWork, principal: Principal,
                           raws: Sequence[dict]) -> list[erp.Outcome]:
    """INT-2: the ERP's customers as top-level customer companies, by customer accounting ID."""
    policy.ensure_can_import_erp_records(principal, "companies")
    policy.ensure_can_set_accounting_id(principal)
    bounded(raws)
    outcomes, cleaned = erp.clean_batch(raws, clean_company, key=lambda row: row.customer_accounting_id,
                                        raw_key=raw_key("customer_accounting_id"))
    rows: dict[int, CompanyRow] = cleaned
    stamp = now()
    async with uow:
        await uow.accounts.lock_tree()
        store = uow.erp_records
        existing = await store.accounts_for_update("customer_accounting_id",
                                                   (r.customer_accounting_id for r in rows.values()))
        places = await places_of(uow, {r.hq_state for r in rows.values()},
                               {r.hq_state for r in rows.values() if r.customer_accounting_id not in existing})
        new: list[tuple[int, Account]] = []
        reshaped: set[str] = set()
        for index, row in rows.items():
            account = existing.get(row.customer_accounting_id)
            if account is None:
                territory = places.territory(row.hq_state)
                new.append((index, Account.create(account_id=str(uuid.uuid4()), data=row.new_account(
                    places.owner(territory)), territory=territory, now=stamp, active=row.active)))
                continue
            if row.hq_state != account.state:
                account.territory = places.territory(row.hq_state)
            account.edit(row.changes(), now=stamp)
            if account.set_status(row.active, now=stamp) and account.parent_id:
                reshaped.add(account.parent_id)
            outcomes[index] = erp.Outcome(row.customer_accounting_id, fate(account))
        await _insert_accounts(uow, new, outcomes, key=lambda a: a.customer_accounting_id,
                               field="customer_accounting_id")
        await store.save_accounts()
        await _recount(uow, reshaped, stamp)
        await uow.commit()
    return done(outcomes)


async def upsert_locations(*, uow: AccountsUnitOfWork, principal: Principal,
                           raws: Sequence[dict]) -> list[erp.Outcome]:
    """INT-2, ACC-1, ACC-2: the ERP's ship-to addresses as location accounts under their customer, by ship-to ID."""
    policy.ensure_can_import_erp_records(principal, "locations")
    policy.ensure_can_set_ship_to_id(principal)
    bounded(raws)
    outcomes, cleaned = erp.clean_batch(raws, clean_location, key=lambda row: row.ship_to_id,
                                        raw_key=raw_key("ship_to_id"))
    rows: dict[int, LocationRow] = cleaned
    stamp = now()
    async with uow:
        await uow.accounts.lock_tree()
        store = uow.erp_records
        existing = await store.accounts_for_update("erp_ship_to_id", (r.ship_to_id for r in rows.values()))
        parents = await store.places_by("customer_accounting_id", (r.customer_accounting_id for r in rows.values()))
        chains = await store.ancestries(parent.id for parent in parents.values())
        places = await places_of(uow, {r.state for r in rows.values()},
                               {r.state for r in rows.values() if r.ship_to_id not in existing})
        with_children = await store.with_children(
            existing[r.ship_to_id].id for r in rows.values()
            if r.ship_to_id in existing and becomes_kiosk_location(existing[r.ship_to_id].subtype, r.subtype))
        new: list[tuple[int, Account]] = []
        reshaped: set[str] = set()  # accounts whose subtree changed: the old and new parents
        for index, row in rows.items():
            parent = parents.get(row.customer_accounting_id)
            if parent is None:
                outcomes[index] = erp.Outcome(
                    row.ship_to_id, erp.FAILED, "customer_accounting_id",
                    f"no account has the customer accounting ID {row.customer_accounting_id!r}")
                continue
            account = existing.get(row.ship_to_id)
            account_id = account.id if account else str(uuid.uuid4())
            try:
                check_location_place(account_id, parent_id=parent.id, parent_subtype=parent.subtype,
                                     parent_ancestry=chains.get(parent.id, [parent.id]))
                if account is not None:
                    check_subtype(row.subtype, has_children=account.id in with_children)
            except InvalidInput as exc:
                outcomes[index] = failed(row.ship_to_id, exc)
                continue
            if account is None:
                territory = places.territory(row.state)
                new.append((index, Account.create(
                    account_id=account_id, data=row.under(parent.id, places.owner(territory)), territory=territory,
                    now=stamp, active=row.active)))
                reshaped.add(parent.id)
                continue
            shape = _shape(account)
            if row.state != account.state:
                account.territory = places.territory(row.state)
            account.edit(row.under(parent.id), now=stamp)
            account.set_status(row.active, now=stamp)
            if _shape(account) != shape:
                reshaped.update(p for p in (shape[0], account.parent_id) if p)
            outcomes[index] = erp.Outcome(row.ship_to_id, fate(account))
        await _insert_accounts(uow, new, outcomes, key=lambda a: a.erp_ship_to_id, field="ship_to_id")
        await store.save_accounts()
        await _recount(uow, reshaped, stamp)
        await uow.commit()
    return done(outcomes)


async def upsert_kiosks(*, uow: AccountsUnitOfWork, principal: Principal, raws: Sequence[dict]) -> list[erp.Outcome]:
    """INT-3, ACC-5: the ERP's kiosk export, by serial number, at the location with each row's ship-to ID."""
    policy.ensure_can_import_erp_records(principal, "kiosks")
    bounded(raws)
    outcomes, cleaned = erp.clean_batch(raws, clean_kiosk, key=lambda row: row.serial_number,
                                        raw_key=raw_key("serial_number"))
    rows: dict[int, KioskRow] = cleaned
    stamp = now()
    async with uow:
        locations = await uow.erp_records.places_by("erp_ship_to_id", (r.ship_to_id for r in rows.values()))
        placed: dict[int, tuple[KioskRow, str]] = {}
        for index, row in rows.items():
            location = locations.get(row.ship_to_id)
            if location is None:
                outcomes[index] = erp.Outcome(row.serial_number, erp.FAILED, "ship_to_id",
                                              f"no location account has the ship-to ID {row.ship_to_id!r}")
                continue
            try:
                check_kiosk_place(location.subtype)
            except InvalidInput as exc:
                outcomes[index] = failed(row.serial_number, exc)
                continue
            placed[index] = (row, location.id)
        await _write_kiosks(uow, placed, outcomes, stamp, retry=True)
        await uow.commit()
    return done(outcomes)


async def _write_kiosks(uow: AccountsUnitOfWork, placed: dict[int, tuple[KioskRow, str]], outcomes: Outcomes,
                        stamp: datetime, *, retry: bool) -> None:
    """Create or change the kiosks of `placed` (row, location id). A kiosk another transaction created
    meanwhile is read back and changed instead (once)."""
    store = uow.erp_records
    existing = await store.kiosks_by_serial(row.serial_number for row, _ in placed.values())
    new: list[tuple[int, Kiosk]] = []
    for index, (row, location_id) in placed.items():
        kiosk = existing.get(row.serial_number)
        if kiosk is None:
            new.append((index, Kiosk.create(data=row.at(location_id), now=stamp)))
        else:
            kiosk.edit(row.at(location_id), now=stamp)
            outcomes[index] = erp.Outcome(row.serial_number, fate(kiosk))
    new.sort(key=lambda pair: pair[1].serial_number)  # concurrent batches take the keys in the same order
    inserted = await store.insert_kiosks([kiosk for _, kiosk in new])
    lost: dict[int, tuple[KioskRow, str]] = {}
    for index, kiosk in new:
        if kiosk.id in inserted:
            outcomes[index] = erp.Outcome(kiosk.serial_number, erp.CREATED)
        elif retry:
            lost[index] = placed[index]
        else:
            outcomes[index] = taken_meanwhile(kiosk.serial_number, "serial_number")
    await store.save_kiosks()
    if lost:
        await _write_kiosks(uow, lost, outcomes, stamp, retry=False)


async def _insert_accounts(uow: AccountsUnitOfWork, new: list[tuple[int, Account]], outcomes: Outcomes, *,
                           key: Callable[[Account], str], field: str) -> None:
    new.sort(key=lambda pair: key(pair[1]))  # concurrent batches take the keys in the same order
    inserted = await uow.erp_records.insert_accounts([account for _, account in new])
    for index, account in new:
        outcomes[index] = (erp.Outcome(key(account), erp.CREATED) if account.id in inserted
                           else taken_meanwhile(key(account), field))


async def _recount(uow: AccountsUnitOfWork, account_ids: set[str], stamp: datetime) -> None:
    """ACC-2: number_of_locations of the accounts whose subtree changed and of all their ancestors,
    once each, from the rows as now written (under the tree lock)."""
    if not account_ids:
        return
    chains = await uow.erp_records.ancestries(account_ids)
    ids = sorted({account_id for chain in chains.values() for account_id in chain})
    counts = await uow.accounts.location_counts(ids)
    for account in (await uow.erp_records.accounts_for_update("id", ids)).values():
        account.count_locations(counts.get(account.id, 0), now=stamp)
    await uow.erp_records.save_accounts()


async def match_directory(*, uow: AccountsUnitOfWork, principal: Principal, emails: Sequence[str],
                          company_keys: Sequence[str]) -> DirectoryMatches:
    """Which emails belong to existing contacts (any of their addresses, case ignored) and which
    company keys name existing top-level accounts (each key normalised again with company_key, which
    leaves a key it computed as it is, so a raw name matches too). Blank ones match nothing."""
    policy.ensure_can_match_directory(principal)
    bounded(emails, "emails")
    bounded(company_keys, "company_keys")
    emails, company_keys = list(dict.fromkeys(emails)), list(dict.fromkeys(company_keys))
    by_address: dict[str, list[int]] = {}
    for position, email in enumerate(emails):
        address = email_key(email)
        if address and " " not in address:
            by_address.setdefault(address, []).append(position)
    by_key: dict[str, list[int]] = {}
    for position, given in enumerate(company_keys):
        if key := company_key(given):
            by_key.setdefault(key, []).append(position)
    async with uow:
        found_contacts = await uow.erp_records.contacts_by_email(by_address)
        found_companies = await uow.erp_records.top_level_by_key(by_key)
    contacts = sorted((position, contact_id, account_id) for address, contact_id, account_id in found_contacts
                      for position in by_address[address])
    companies = [(position, account_id, name) for key, account_id, name in found_companies
                 for position in by_key[key]]
    companies.sort(key=lambda match: match[0])
    return DirectoryMatches(
        contacts=[(emails[position], contact_id, account_id) for position, contact_id, account_id in contacts],
        companies=[(company_keys[position], account_id, name) for position, account_id, name in companies])
