"""The account overview: what an AE needs on one screen, read in one transaction. Each part is
exactly what the caller could read on its own (get, children, contacts, kiosks, orders, finance,
activities)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from crmkit.principal import Principal

from crm_accounts.adapters.repository import AccountView
from crm_accounts.domain import erp, policy
from crm_accounts.domain.activities import Activity
from crm_accounts.domain.errors import RecordNotFound
from crm_accounts.domain.model import Contact
from crm_accounts.domain.warranty import count_by_state
from crm_accounts.service_layer.activities import latest_activities
from crm_accounts.service_layer.erp_figures import OrderHistory, order_history
from crm_accounts.service_layer.unit_of_work import AccountsUnitOfWork

SHOWN = 100  # children, contacts and orders listed in full; the counts and totals cover them all


@dataclass(frozen=True)
class Overview:
    """None marks a part the caller may not read (a directory-only view has no contacts, orders, finance
    or activities)."""

    account: AccountView
    parent: AccountView | None
    children: list[AccountView]
    children_count: int
    contacts: list[Contact] | None
    contacts_count: int
    kiosks: dict[str, int] | None
    orders: OrderHistory | None
    finance: erp.Stored | None
    activities: list[Activity] | None = None  # the latest, newest first


async def account_overview(*, uow: AccountsUnitOfWork, principal: Principal, account_id: str,
                           today: date) -> Overview:
    async with uow:
        view = await uow.accounts.get(principal, account_id)
        account = view.account
        parent = None
        if account.parent_id:
            try:
                parent = await uow.accounts.get(principal, account.parent_id)
            except RecordNotFound:
                parent = None  # a parent the caller may not see is left out, not revealed
        children, children_count = await uow.accounts.children(principal, account.id, limit=SHOWN)
        contacts, contacts_count, kiosks, orders, finance, activities = None, 0, None, None, None, None
        if view.full or policy.reads_every_kiosk(principal):
            kiosks = count_by_state(await uow.kiosks.end_dates_below(principal, account.id), today)
        if view.full:
            contacts, contacts_count = await uow.contacts.first_of_account(principal, account.id, limit=SHOWN)
            orders = await order_history(uow, account.id, erp.history_start(today), size=SHOWN)
            finance = await uow.erp.latest_finance(account.id)
            activities = await latest_activities(uow, account.id)
    return Overview(view, parent, children, children_count, contacts, contacts_count, kiosks, orders, finance,
                    activities)
