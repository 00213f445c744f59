"""Translation between the accounts REST bodies and crm.accounts.v1 messages.

Reads copy only the fields the service set (`HasField`), so the response leaves out what the caller
may not see; writes send only the fields the caller gave, a null text field becoming "" (clear it)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from crm.accounts.v1 import accounts_pb2, erp_records_pb2

from crm_gateway.api.accounts.schemas import (
    AccountDetail,
    AccountFields,
    AccountOverview,
    AccountRead,
    AccountUpdate,
    FinanceRead,
    KioskCounts,
    OrderTotal,
    SalesOrderRead,
    ShareRead,
)
from crm_gateway.api.activities.mappers import activity_read
from crm_gateway.api.common import day, given_fields, when
from crm_gateway.api.contacts.mappers import contact_read
from crm_gateway.domain.permissions import editable_fields

_DIRECTORY = ("id", "name", "type", "subtype", "status", "territory", "owner_id", "parent_id", "directory_only")
_ACCOUNT_OPTIONAL = ("customer_accounting_id", "number_of_locations", "key_account", "street", "city", "state",
                     "postal_code", "country", "phone", "website", "version", "erp_ship_to_id")
_ORDER_TEXT = ("sales_order_number", "po_number", "customer_accounting_id", "account_id", "salesperson", "territory",
               "currency")
_FINANCE_AMOUNTS = ("mtd_sales", "ytd_sales", "prior_ytd_sales", "credit_limit", "past_due_amount")
_FLAGS = frozenset({"key_account"})  # a null flag is left as it is: there is nothing to clear


def account_read(account: accounts_pb2.Account) -> AccountRead:
    """Only what the service set: a directory-only account carries its directory fields and nothing else."""
    values = {name: getattr(account, name) for name in _DIRECTORY}
    values.update({name: getattr(account, name) for name in _ACCOUNT_OPTIONAL if account.HasField(name)})
    values.update({name: when(account, name) for name in ("created_at", "updated_at") if account.HasField(name)})
    return AccountRead(**values)


def account_detail(account: accounts_pb2.Account, role: str) -> AccountDetail:
    """The account with the fields `role` may change: none on a directory view (no version) or on one the
    service says the caller may not change (a read share)."""
    record_editable = account.HasField("version") and (account.editable or not account.HasField("editable"))
    return AccountDetail(**account_read(account).model_dump(exclude_unset=True), editable_fields=editable_fields(
        "accounts", role, AccountUpdate.model_fields, record_editable=record_editable))


def account_version(account: accounts_pb2.Account) -> int | None:
    """The version when the caller sees it (not on a directory-only view): what its ETag says."""
    return account.version if account.HasField("version") else None


def account_data(body: AccountFields, *, clear_nulls: bool) -> accounts_pb2.AccountData:
    return accounts_pb2.AccountData(**given_fields(body, type(body).model_fields, clear_nulls=clear_nulls,
                                                   keep_nulls=_FLAGS))


def update_account_request(account_id: str, body: AccountUpdate, expected_version: int
                           ) -> accounts_pb2.UpdateAccountRequest:
    return accounts_pb2.UpdateAccountRequest(id=account_id, changes=account_data(body, clear_nulls=True),
                                             expected_version=expected_version)


def list_accounts_request(*, types: list[str], subtypes: list[str], statuses: list[str], territories: list[str],
                          owner_ids: list[str], parent_id: str | None, text: str | None, sort: str | None, limit: int,
                          cursor: str | None) -> accounts_pb2.ListAccountsRequest:
    request = accounts_pb2.ListAccountsRequest(types=types, subtypes=subtypes, statuses=statuses,
                                               territories=territories, owner_ids=owner_ids, text=text or "",
                                               sort=sort or "", page_size=limit, cursor=cursor or "")
    if parent_id is not None:
        request.parent_id = parent_id
    return request


def share_read(share: accounts_pb2.Share) -> ShareRead:
    return ShareRead(account_id=share.account_id, user_id=share.user_id, access=share.access,
                     granted_by=share.granted_by, granted_at=when(share, "granted_at"))


def list_sales_orders_request(account_id: str, since: date | None, limit: int,
                              cursor: str | None) -> erp_records_pb2.ListSalesOrdersRequest:
    return erp_records_pb2.ListSalesOrdersRequest(account_id=account_id, since=since.isoformat() if since else "",
                                               page_size=limit, cursor=cursor or "")


def sales_order_read(order: erp_records_pb2.SalesOrder) -> SalesOrderRead:
    return SalesOrderRead(**{name: getattr(order, name) for name in _ORDER_TEXT},
                          order_date=date.fromisoformat(order.order_date), ship_date=day(order.ship_date),
                          total_amount=Decimal(order.total_amount), updated_at=when(order, "updated_at"))


def order_totals(totals) -> list[OrderTotal]:
    return [OrderTotal(currency=t.currency, total_amount=Decimal(t.total_amount), order_count=t.order_count)
            for t in totals]


def finance_read(finance: erp_records_pb2.Finance) -> FinanceRead:
    return FinanceRead(customer_accounting_id=finance.customer_accounting_id, account_id=finance.account_id,
                       as_of_date=date.fromisoformat(finance.as_of_date), currency=finance.currency,
                       **{name: Decimal(getattr(finance, name)) for name in _FINANCE_AMOUNTS},
                       updated_at=when(finance, "updated_at"))


def overview_read(found: accounts_pb2.AccountOverview, role: str) -> AccountOverview:
    """Only the parts the service filled: a directory-only view leaves out contacts, orders and finance."""
    parts: dict[str, object] = {"account": account_detail(found.account, role),
                                "children": [account_read(a) for a in found.children],
                                "children_count": found.children_count}
    if found.HasField("parent"):
        parts["parent"] = account_read(found.parent)
    if found.HasField("kiosks"):
        parts["kiosks"] = KioskCounts(**{name: getattr(found.kiosks, name) for name in KioskCounts.model_fields})
    if not found.account.directory_only:
        parts.update(contacts=[contact_read(c) for c in found.contacts], contacts_count=found.contacts_count,
                     orders=[sales_order_read(o) for o in found.orders], order_totals=order_totals(found.order_totals),
                     orders_since=date.fromisoformat(found.orders_since),
                     finance=finance_read(found.finance) if found.HasField("finance") else None,
                     activities=[activity_read(a) for a in found.activities])
    return AccountOverview(**parts)
