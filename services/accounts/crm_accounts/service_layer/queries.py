"""Read use cases of the accounts service: accounts, trees, contacts, kiosks, shares and search."""
from __future__ import annotations

from dataclasses import replace

from crmkit.errors import InvalidInput
from crmkit.fields import canonical, clean_uuid
from crmkit.listing import Cursor, encode_cursor, page_size
from crmkit.principal import Principal

from crm_accounts.adapters.repository import AccountView
from crm_accounts.domain import policy
from crm_accounts.domain.commands import ListAccounts
from crm_accounts.domain.errors import AccessDenied
from crm_accounts.domain.listing import ACCOUNT_SORTING
from crm_accounts.domain.model import Contact, Kiosk, Share
from crm_accounts.domain.search import search_terms
from crm_accounts.domain.validation import ACCOUNT_STATUSES, TYPES, canonical_subtype
from crm_accounts.service_layer.unit_of_work import AccountsUnitOfWork


async def get_account(*, uow: AccountsUnitOfWork, principal: Principal, account_id: str) -> AccountView:
    """One account as the caller may see it (in full, or its directory fields)."""
    async with uow:
        return await uow.accounts.get(principal, account_id)


async def list_accounts(*, uow: AccountsUnitOfWork, principal: Principal,
                        query: ListAccounts) -> tuple[list[AccountView], str]:
    """A page of the accounts the caller may see; answers (accounts, cursor of the next page or "")."""
    sort = ACCOUNT_SORTING.parse(query.sort)
    size = page_size(query.page_size)
    after = ACCOUNT_SORTING.decode(query.cursor, sort) if query.cursor else None
    query = replace(
        query,
        types=tuple(canonical(t, TYPES, "types") for t in query.types),
        subtypes=tuple(canonical_subtype(s, "subtypes") for s in query.subtypes),
        statuses=tuple(canonical(s, ACCOUNT_STATUSES, "statuses") for s in query.statuses),
        territories=tuple(t.strip().upper() for t in query.territories),
        parent_id=None if query.parent_id is None else clean_uuid("parent_id", query.parent_id),
    )
    async with uow:
        rows = await uow.accounts.page(principal, query, sort=sort, after=after, limit=size + 1)
    page = rows[:size]
    if len(rows) <= size:
        return page, ""
    last = page[-1].account
    return page, encode_cursor(Cursor(sort.spec, getattr(last, sort.field), last.id))


async def get_hierarchy(*, uow: AccountsUnitOfWork, principal: Principal,
                        account_id: str) -> tuple[str, list[AccountView]]:
    """The whole tree of the company `account_id` belongs to, as the caller may see it: (root id, accounts)."""
    async with uow:
        view = await uow.accounts.get(principal, account_id)
        root = (await uow.accounts.ancestry(view.account.id))[-1]
        return root, await uow.accounts.tree(principal, root)


async def get_contact(*, uow: AccountsUnitOfWork, principal: Principal, contact_id: str) -> Contact:
    async with uow:
        return await uow.contacts.get(principal, contact_id)


async def list_contacts(*, uow: AccountsUnitOfWork, principal: Principal, account_id: str) -> list[Contact]:
    """The contacts of a visible account (none when the caller sees only its directory fields)."""
    async with uow:
        view = await uow.accounts.get(principal, account_id, field="account_id")
        return await uow.contacts.of_account(principal, view.account.id)


async def get_kiosk(*, uow: AccountsUnitOfWork, principal: Principal, kiosk_id: str) -> Kiosk:
    async with uow:
        return await uow.kiosks.get(principal, kiosk_id)


async def list_kiosks(*, uow: AccountsUnitOfWork, principal: Principal, location_account_id: str,
                      serial_number: str = "") -> list[Kiosk]:
    """The kiosks the caller may see at one location, or with one serial number (SUP-5), or both."""
    location = clean_uuid("location_account_id", location_account_id)
    serial = serial_number.strip()
    if not (location or serial):
        raise InvalidInput("give a location_account_id or a serial_number", field="location_account_id")
    async with uow:
        if location and not policy.reads_every_kiosk(principal):
            await uow.accounts.get(principal, location, field="location_account_id")
        return await uow.kiosks.matching(principal, location=location, serial_number=serial)


async def list_shares(*, uow: AccountsUnitOfWork, principal: Principal, account_id: str) -> list[Share]:
    """Who an account is shared with: for those who see the account in full."""
    async with uow:
        view = await uow.accounts.get(principal, account_id, field="account_id")
        if not view.full:
            raise AccessDenied("only those who see the account in full see its shares", "account_id")
        return await uow.shares.of_account(view.account.id)


async def search_contacts(*, uow: AccountsUnitOfWork, principal: Principal, query: str,
                          requested_size: int) -> list[tuple[Contact, str]]:
    """MOB-1: contacts the caller may read matching `query` by name, email or phone, with their account's name."""
    terms, size = search_terms(query), page_size(requested_size)
    async with uow:
        return await uow.contacts.search(principal, terms, limit=size)


async def search_accounts(*, uow: AccountsUnitOfWork, principal: Principal, query: str,
                          requested_size: int) -> list[AccountView]:
    """MOB-1: accounts the caller may see whose name contains `query` (directory-only views as in get_account)."""
    search_terms(query)
    size = page_size(requested_size)
    async with uow:
        return await uow.accounts.search(principal, query.strip(), limit=size)
