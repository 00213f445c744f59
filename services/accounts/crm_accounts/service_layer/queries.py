"""Read use cases of the accounts service: accounts, trees, contacts, kiosks, shares and search."""
from __future__ import annotations

from dataclasses import replace

from crmkit.errors import InvalidInput
from crmkit.fields import canonical, clean_uuid
from crmkit.listing import Page, page_size
from crmkit.principal import Principal

from crm_accounts.adapters.repository import AccountView
from crm_accounts.domain import policy
from crm_accounts.domain.commands import ListAccounts
from crm_accounts.domain.errors import AccessDenied
from crm_accounts.domain.listing import ACCOUNT_SORTING, CONTACT_SORTING, KIOSK_SORTING, SHARE_SORTING
from crm_accounts.domain.model import Contact, Kiosk, Share
from crm_accounts.domain.search import search_terms
from crm_accounts.domain.validation import ACCOUNT_STATUSES, TYPES, canonical_subtype
from crm_accounts.service_layer.unit_of_work import AccountsUnitOfWork


async def get_account(*, uow: AccountsUnitOfWork, principal: Principal, account_id: str) -> AccountView:
    """One account as the caller may see it (in full, or its directory fields)."""
    async with uow:
        return await uow.accounts.get(principal, account_id)


async def list_accounts(*, uow: AccountsUnitOfWork, principal: Principal,
                        query: ListAccounts) -> Page[AccountView]:
    """A page of the accounts the caller may see."""
    request = ACCOUNT_SORTING.request(sort=query.sort, cursor=query.cursor, requested_size=query.page_size)
    query = replace(
        query,
        types=tuple(canonical(t, TYPES, "types") for t in query.types),
        subtypes=tuple(canonical_subtype(s, "subtypes") for s in query.subtypes),
        statuses=tuple(canonical(s, ACCOUNT_STATUSES, "statuses") for s in query.statuses),
        territories=tuple(t.strip().upper() for t in query.territories),
        parent_id=None if query.parent_id is None else clean_uuid("parent_id", query.parent_id),
    )
    async with uow:
        rows = await uow.accounts.page(principal, query, sort=request.sort, after=request.after, limit=request.limit)
    return Page.of(rows, request, key=lambda view: (getattr(view.account, request.sort.field), view.account.id))


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


async def may_change_account(*, uow: AccountsUnitOfWork, principal: Principal, account_id: str) -> bool:
    """Whether the caller may change the account and its contacts (a read share shows them, no more)."""
    async with uow:
        return await uow.accounts.may_change(principal, account_id)


async def list_contacts(*, uow: AccountsUnitOfWork, principal: Principal, account_id: str, requested_size: int = 0,
                        cursor: str = "") -> Page[Contact]:
    """A page of the contacts of a visible account by name (none when the caller sees only its
    directory fields)."""
    request = CONTACT_SORTING.request(cursor=cursor, requested_size=requested_size)
    async with uow:
        view = await uow.accounts.get(principal, account_id, field="account_id")
        rows = await uow.contacts.of_account(principal, view.account.id, sort=request.sort, after=request.after,
                                             limit=request.limit)
    return Page.of(rows, request, key=lambda contact: ((contact.last_name, contact.first_name), contact.id))


async def get_kiosk(*, uow: AccountsUnitOfWork, principal: Principal, kiosk_id: str) -> Kiosk:
    async with uow:
        return await uow.kiosks.get(principal, kiosk_id)


async def list_kiosks(*, uow: AccountsUnitOfWork, principal: Principal, location_account_id: str,
                      serial_number: str = "", requested_size: int = 0, cursor: str = "") -> Page[Kiosk]:
    """A page of the kiosks the caller may see at one location, or with one serial number (SUP-5),
    or both, by serial number."""
    location = clean_uuid("location_account_id", location_account_id)
    serial = serial_number.strip()
    if not (location or serial):
        raise InvalidInput("give a location_account_id or a serial_number", field="location_account_id")
    request = KIOSK_SORTING.request(cursor=cursor, requested_size=requested_size)
    async with uow:
        if location and not policy.reads_every_kiosk(principal):
            await uow.accounts.get(principal, location, field="location_account_id")
        rows = await uow.kiosks.matching(principal, location=location, serial_number=serial, sort=request.sort,
                                         after=request.after, limit=request.limit)
    return Page.of(rows, request, key=lambda kiosk: (kiosk.serial_number, kiosk.id))


async def list_shares(*, uow: AccountsUnitOfWork, principal: Principal, account_id: str, requested_size: int = 0,
                      cursor: str = "") -> Page[Share]:
    """A page of who an account is shared with, by user id: for those who see the account in full."""
    request = SHARE_SORTING.request(cursor=cursor, requested_size=requested_size)
    async with uow:
        view = await uow.accounts.get(principal, account_id, field="account_id")
        if not view.full:
            raise AccessDenied("only those who see the account in full see its shares", "account_id")
        rows = await uow.shares.of_account(view.account.id, sort=request.sort, after=request.after,
                                           limit=request.limit)
    return Page.of(rows, request, key=lambda share: (share.user_id, share.user_id))


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
