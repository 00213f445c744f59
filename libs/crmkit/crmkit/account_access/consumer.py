"""The ready consumer of the accounts service's events for a service's account-access read model:
`account_access_subscription(tables, durable=...)` among its Assembly's consumers.

Account snapshots (created, updated, deactivated, reassigned) carry the whole account with its
version, so they apply in any order; shares are granted and revoked as they come. A service that
must act when an account changes owner (GEN-11: its own records follow) passes `on_reassigned`,
run in the same unit of work as the snapshot.
"""
from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from functools import partial

from crm.accounts.v1 import events_pb2 as account_events
from crmkit.account_access.replica import AccountAccess, AccountAccessTables, AccountFacts
from crmkit.db import UnitOfWork
from crmkit.inbox import EventMeta, PoisonEvent, Subscription

log = logging.getLogger(__name__)

PRODUCER = "accounts"  # the accounts service publishes crm.accounts.*
ACCOUNT_EVENTS = (account_events.AccountCreated, account_events.AccountUpdated, account_events.AccountDeactivated,
                  account_events.AccountReassigned)
# on_reassigned(uow, account_id, previous_owner_id, new_owner_id, meta)
OnReassigned = Callable[[UnitOfWork, str, str, str, EventMeta], Awaitable[None]]


def account_facts(message) -> AccountFacts:
    return AccountFacts(id=message.id, name=message.name, type=message.type, status=message.status,
                        state=message.state, owner_id=message.owner_id, parent_id=message.parent_id,
                        version=message.version)


async def on_account_event(tables: AccountAccessTables, on_reassigned: OnReassigned | None, uow: UnitOfWork,
                           message, meta: EventMeta) -> None:
    facts = account_facts(message.account)
    if not facts.id:
        raise PoisonEvent(f"event {meta.event_id} carries no account id")
    if not await AccountAccess(uow.session, tables).record(facts):
        log.info("account %s version %d is older than the stored one; ignored", facts.id, facts.version)
    if on_reassigned is not None and isinstance(message, account_events.AccountReassigned):
        await on_reassigned(uow, facts.id, message.previous_owner_id, facts.owner_id, meta)


async def on_share_granted(tables: AccountAccessTables, uow: UnitOfWork, message, meta: EventMeta) -> None:
    share = message.share
    if not share.account_id or not share.user_id:
        raise PoisonEvent(f"event {meta.event_id} names no account or user")
    await AccountAccess(uow.session, tables).grant(share.account_id, share.user_id, share.access)


async def on_share_revoked(tables: AccountAccessTables, uow: UnitOfWork, message, meta: EventMeta) -> None:
    await AccountAccess(uow.session, tables).revoke(message.account_id, message.user_id)


def account_access_subscription(tables: AccountAccessTables, *, durable: str, producer: str = PRODUCER,
                                on_reassigned: OnReassigned | None = None,
                                unit_of_work: Callable[..., UnitOfWork] = UnitOfWork) -> Subscription:
    """The account and share events into `tables`."""
    handlers: dict = {cls: partial(on_account_event, tables, on_reassigned) for cls in ACCOUNT_EVENTS}
    handlers[account_events.ShareGranted] = partial(on_share_granted, tables)
    handlers[account_events.ShareRevoked] = partial(on_share_revoked, tables)
    return Subscription(durable=durable, producer=producer, subjects=("account.>", "share.>"), handlers=handlers,
                        unit_of_work=unit_of_work)
