"""Write use cases of accounts and shares: keyword-only, one transaction each."""
from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime

from crmkit.errors import FieldProblem, InvalidInput
from crmkit.fields import canonical, clean_uuid
from crmkit.principal import Principal

from crm_accounts.adapters.repository import AccountView
from crm_accounts.domain import policy
from crm_accounts.domain.commands import AccountData, ChangeAccountStatus, ReassignAccounts, ShareAccount, UpdateAccount
from crm_accounts.domain.errors import RecordNotFound, StaleVersion
from crm_accounts.domain.events import ShareGranted, ShareRevoked
from crm_accounts.domain.hierarchy import check_parent, check_subtype
from crm_accounts.domain.idempotency import creation_digest, ensure_retry
from crm_accounts.domain.model import Account, Share
from crm_accounts.domain.territory import default_owner, may_own
from crm_accounts.domain.validation import SHARE_ACCESS, clean_account_data
from crm_accounts.service_layer.unit_of_work import AccountsUnitOfWork


def now() -> datetime:
    return datetime.now(UTC)


async def create_account(*, uow: AccountsUnitOfWork, principal: Principal, data: AccountData,
                         account_id: str = "") -> AccountView:
    """A new account, placed in its tree, its territory derived and its owner defaulted (ACC-1, ACC-2).
    With `account_id` given, creating it again from the same data answers the account (a retry)."""
    policy.ensure_can_create_accounts(principal)
    data = clean_account_data(data)
    missing = [FieldProblem(name, "is required") for name in ("name", "type") if not data.given().get(name)]
    if missing:
        raise InvalidInput("an account needs a name and a type", problems=missing)
    policy.ensure_can_create_kind(principal, data)
    if data.customer_accounting_id:
        policy.ensure_can_set_accounting_id(principal)
    if data.erp_ship_to_id:
        policy.ensure_can_set_ship_to_id(principal)
    if data.owner_id:
        policy.ensure_can_change_owner(principal)
    account_id = clean_uuid("id", account_id) or str(uuid.uuid4())
    digest = creation_digest(data.given())
    async with uow:
        if data.parent_id:
            await uow.accounts.lock_tree()
            await _check_place(uow, principal, account_id, data.parent_id, data.subtype or "")
        territory = await uow.territories.territory_of(data.state or "")
        owner = data.owner_id
        if owner:
            await _ensure_may_own(uow, owner, territory)
        else:
            owner = default_owner(territory=territory, key_account=bool(data.key_account),
                                  candidates=await uow.users.owner_candidates(territory))
        account = Account.create(account_id=account_id, data=replace(data, owner_id=owner), territory=territory,
                                 now=now())
        if not await uow.accounts.add(account, digest=digest):
            existing, stored = await uow.accounts.as_created(account_id)
            ensure_retry("account", account_id, stored=stored, digest=digest)
            return await _view(uow, principal, existing)
        if account.parent_id:
            await _recount(uow, await uow.accounts.ancestry(account.parent_id))
        view = await _view(uow, principal, account)
        await uow.commit()
    return view


async def update_account(*, uow: AccountsUnitOfWork, principal: Principal, command: UpdateAccount) -> AccountView:
    """Edit an account the caller may change, honouring the caller's expected version (If-Match)."""
    data = clean_account_data(command.data)
    given = data.given()
    for name in ("name", "type"):
        if name in given and not given[name]:
            raise InvalidInput("is required", field=name)
    reshapes = data.parent_id is not None or data.subtype is not None
    async with uow:
        if reshapes:
            await uow.accounts.lock_tree()  # before any row lock, in every transaction that takes both
        account = await uow.accounts.for_update(principal, command.account_id)
        if command.expected_version and command.expected_version != account.version:
            raise StaleVersion(command.expected_version, account.version)
        if data.customer_accounting_id is not None and data.customer_accounting_id != account.customer_accounting_id:
            policy.ensure_can_set_accounting_id(principal)
        if data.erp_ship_to_id is not None and data.erp_ship_to_id != account.erp_ship_to_id:
            policy.ensure_can_set_ship_to_id(principal)
        owner_changes = data.owner_id is not None and data.owner_id != account.owner_id
        if owner_changes:
            policy.ensure_can_change_owner(principal)
        old_parent = account.parent_id
        new_parent = old_parent if data.parent_id is None else data.parent_id
        subtype = account.subtype if data.subtype is None else data.subtype
        if new_parent and new_parent != old_parent:
            await _check_place(uow, principal, account.id, new_parent, subtype)
        if subtype != account.subtype:
            check_subtype(subtype, has_children=await uow.accounts.has_children(account.id))
        if data.state is not None and data.state != account.state:
            account.territory = await uow.territories.territory_of(data.state)
        if owner_changes and data.owner_id:
            await _ensure_may_own(uow, data.owner_id, account.territory)
        changed = account.edit(data, now=now())
        await uow.accounts.save(account)
        if {"parent_id", "subtype"} & set(changed):
            await _recount(uow, await _ancestors(uow, old_parent) + await _ancestors(uow, account.parent_id))
        view = await _view(uow, principal, account)
        await uow.commit()
    return view


async def change_status(*, uow: AccountsUnitOfWork, principal: Principal, command: ChangeAccountStatus) -> AccountView:
    """Deactivate or reactivate an account; its ancestors' location counts follow (ACC-2)."""
    async with uow:
        await uow.accounts.lock_tree()
        account = await uow.accounts.for_update(principal, command.account_id)
        if command.expected_version and command.expected_version != account.version:
            raise StaleVersion(command.expected_version, account.version)
        if account.set_status(command.active, now=now()):
            await uow.accounts.save(account)
            await _recount(uow, await _ancestors(uow, account.parent_id))
        view = await _view(uow, principal, account)
        await uow.commit()
    return view


async def share_account(*, uow: AccountsUnitOfWork, principal: Principal, command: ShareAccount) -> Share:
    """SEC-5: the owner (or an admin) lets another user read or edit the account."""
    access = canonical(command.access, SHARE_ACCESS, "access")
    async with uow:
        account = await uow.accounts.for_update(principal, command.account_id, field="account_id")
        policy.ensure_can_share(principal, account)
        if command.user_id == account.owner_id:
            raise InvalidInput("the owner sees the account already", field="user_id")
        await _ensure_active_user(uow, command.user_id, "user_id")
        share = Share(account_id=account.id, user_id=command.user_id, access=access, granted_by=principal.user_id,
                      granted_at=now())
        await uow.shares.grant(share)
        account.record_share(ShareGranted(**vars(share)))
        await uow.commit()
    return share


async def revoke_share(*, uow: AccountsUnitOfWork, principal: Principal, account_id: str, user_id: str) -> None:
    async with uow:
        account = await uow.accounts.for_update(principal, account_id, field="account_id")
        policy.ensure_can_share(principal, account)
        if not await uow.shares.revoke(account.id, user_id):
            raise RecordNotFound("share with user", user_id, field="user_id")
        account.record_share(ShareRevoked(account.id, user_id, principal.user_id))
        await uow.commit()


async def reassign_accounts(*, uow: AccountsUnitOfWork, principal: Principal, command: ReassignAccounts) -> list[str]:
    """GEN-11: every account of one user goes to another, in one transaction; answers their ids."""
    policy.ensure_can_reassign(principal)
    if not command.from_user_id or command.from_user_id == command.to_user_id:
        raise InvalidInput("give two different users", field="to_user_id")
    async with uow:
        moved = await uow.accounts.owned_by(command.from_user_id)
        await _ensure_may_own_all(uow, command.to_user_id, {account.territory for account in moved})
        stamp = now()
        for account in moved:
            account.reassign(command.to_user_id, now=stamp)
            await uow.accounts.save(account)
        await uow.commit()
    return [account.id for account in moved]


async def _check_place(uow: AccountsUnitOfWork, principal: Principal, account_id: str, parent_id: str,
                       subtype: str) -> None:
    """The parent must be visible to the caller and must keep the tree a tree (ACC-1)."""
    parent = (await uow.accounts.get(principal, parent_id, field="parent_id")).account
    check_parent(account_id, parent_id=parent.id, parent_subtype=parent.subtype,
                 parent_ancestry=await uow.accounts.ancestry(parent.id))


async def _ancestors(uow: AccountsUnitOfWork, parent_id: str) -> list[str]:
    return await uow.accounts.ancestry(parent_id) if parent_id else []


async def _recount(uow: AccountsUnitOfWork, account_ids: list[str]) -> None:
    """Bring number_of_locations of `account_ids` up to date (under the tree lock)."""
    if not account_ids:
        return
    counts = await uow.accounts.location_counts(account_ids)
    stamp = now()
    for account in await uow.accounts.locked(sorted(set(account_ids))):
        account.count_locations(counts.get(account.id, 0), now=stamp)
        await uow.accounts.save(account)


async def _view(uow: AccountsUnitOfWork, principal: Principal, account: Account) -> AccountView:
    """The account as the caller now sees it; one who made it but may not see it gets its directory view."""
    try:
        return replace(await uow.accounts.get(principal, account.id), account=account)
    except RecordNotFound:
        return AccountView(account, full=False)


async def _ensure_may_own(uow: AccountsUnitOfWork, user_id: str, territory: str) -> None:
    """`user_id` may own an account of `territory` (territory.may_own), from the users replica."""
    user = await uow.users.get(user_id)
    if user is None or not user.active:
        raise InvalidInput(f"{user_id!r} is not an active user", field="owner_id")
    if not may_own(user, territory, manages_an_owner=await _manages_an_owner(uow, user.id, territory)):
        raise InvalidInput(f"{user.username or user_id!r} may not own accounts in territory {territory!r}: "
                           "an AE of it, a key account rep, their managers or an admin may", field="owner_id")


async def _ensure_may_own_all(uow: AccountsUnitOfWork, user_id: str, territories: set[str]) -> None:
    """Issue 13 finding 7 for GEN-11: the successor may own every territory the moved accounts lie in;
    otherwise nothing moves and the answer names the territories to hand to someone else."""
    user = await uow.users.get(user_id)
    if user is None or not user.active:
        raise InvalidInput(f"{user_id!r} is not an active user", field="to_user_id")
    refused = [territory for territory in sorted(territories)
               if not may_own(user, territory, manages_an_owner=await _manages_an_owner(uow, user_id, territory))]
    if refused:
        raise InvalidInput(f"{user.username or user_id!r} may not own accounts in territory "
                           f"{', '.join(map(repr, refused))}: an AE of it, a key account rep, their managers "
                           "or an admin may; nothing was reassigned", field="to_user_id")


async def _manages_an_owner(uow: AccountsUnitOfWork, user_id: str, territory: str) -> bool:
    """Whether `user_id` is above an AE of `territory` or a key account rep in the reporting lines."""
    seen: set[str] = set()
    for candidate in await uow.users.owner_candidates(territory):
        manager = candidate.manager_id
        while manager and manager not in seen:
            if manager == user_id:
                return True
            seen.add(manager)
            above = await uow.users.get(manager)
            manager = above.manager_id if above else ""
    return False


async def _ensure_active_user(uow: AccountsUnitOfWork, user_id: str, field: str) -> None:
    user = await uow.users.get(user_id)
    if user is None or not user.active:
        raise InvalidInput(f"{user_id!r} is not an active user", field=field)
