"""Translation between the accounts, contacts and kiosks REST bodies and crm.accounts.v1 messages.

Reads copy only the fields the service set (`HasField`), so the response leaves out what the caller
may not see; writes send only the fields the caller gave, a null text field becoming "" (clear it)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from crm.accounts.v1 import accounts_pb2, activities_pb2, contacts_pb2, erp_records_pb2, kiosks_pb2
from crm_gateway.entrypoints.account_schemas import (AccountCreate, AccountFields, AccountOverview, AccountRead,
                                                     AccountUpdate, ContactCreate, ContactFields, ContactRead,
                                                     ContactUpdate, EmailAddress, FinanceRead, KioskCounts,
                                                     KioskCreate, KioskFields, KioskRead, KioskUpdate,
                                                     LegacyContactReference, OrderTotal, PhoneNumber, SalesOrderRead,
                                                     ShareRead)
from crm_gateway.entrypoints.activity_schemas import ActivityRead
from crm_gateway.entrypoints.mappers import etag, when

_DIRECTORY = ("id", "name", "type", "subtype", "status", "territory", "owner_id", "parent_id", "directory_only")
_ACCOUNT_OPTIONAL = ("customer_accounting_id", "number_of_locations", "key_account", "street", "city", "state",
                     "postal_code", "country", "phone", "website", "version", "erp_ship_to_id")
_CONTACT_TEXT = ("id", "account_id", "first_name", "last_name", "title", "role", "email2", "status", "linkedin_url",
                 "legacy_id", "account_status", "account_type")
_CONTACT_SCALARS = ("first_name", "last_name", "title", "role", "holiday_card", "status", "linkedin_url",
                    "legacy_id")
_KIOSK_TEXT = ("id", "serial_number", "model", "operating_system", "software_version", "location_account_id",
               "warranty_state")
_KIOSK_DATES = ("install_date", "warranty_end_date")
_ORDER_TEXT = ("sales_order_number", "po_number", "customer_accounting_id", "account_id", "salesperson", "territory",
               "currency")
_FINANCE_AMOUNTS = ("mtd_sales", "ytd_sales", "prior_ytd_sales", "credit_limit", "past_due_amount")
_ACTIVITY_TEXT = ("id", "kind", "subject", "body", "account_id", "contact_id", "lead_id", "direction", "from_address",
                  "to_address", "author", "legacy_key")
_LEGACY_TEXT = ("company", "role", "street", "city", "state", "postal_code", "country", "last_result")
_FLAGS = frozenset({"key_account", "holiday_card"})  # a null flag is left as it is: there is nothing to clear


def account_read(account: accounts_pb2.Account) -> AccountRead:
    """Only what the service set: a directory-only account carries its directory fields and nothing else."""
    values = {name: getattr(account, name) for name in _DIRECTORY}
    values.update({name: getattr(account, name) for name in _ACCOUNT_OPTIONAL if account.HasField(name)})
    values.update({name: when(account, name) for name in ("created_at", "updated_at") if account.HasField(name)})
    return AccountRead(**values)


def account_etag(account: accounts_pb2.Account) -> dict[str, str]:
    """The ETag header when the caller sees the account's version (not on a directory-only view)."""
    return {"ETag": etag(account.version)} if account.HasField("version") else {}


def _given(body, names, *, clear_nulls: bool) -> dict:
    """The fields of `names` the caller sent; with `clear_nulls`, a null text field becomes "" (cleared)."""
    values = {}
    for name in names:
        if name not in body.model_fields_set:
            continue
        value = getattr(body, name)
        if value is not None:
            values[name] = value.isoformat() if isinstance(value, date) else value
        elif clear_nulls and name not in _FLAGS:
            values[name] = ""
    return values


def account_data(body: AccountFields, *, clear_nulls: bool) -> accounts_pb2.AccountData:
    return accounts_pb2.AccountData(**_given(body, type(body).model_fields, clear_nulls=clear_nulls))


def create_account_data(body: AccountCreate) -> accounts_pb2.AccountData:
    return account_data(body, clear_nulls=False)


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


def contact_read(contact: contacts_pb2.Contact) -> ContactRead:
    return ContactRead(
        **{name: getattr(contact, name) for name in _CONTACT_TEXT},
        emails=[EmailAddress(address=e.address, primary=e.primary) for e in contact.emails],
        phones=[PhoneNumber(number=p.number, type=p.type, extension=p.extension) for p in contact.phones],
        holiday_card=contact.holiday_card, created_at=when(contact, "created_at"),
        updated_at=when(contact, "updated_at"), version=contact.version,
        legacy=_legacy(contact.legacy) if contact.HasField("legacy") else None,
    )


def _legacy(found: contacts_pb2.LegacyContactReference) -> LegacyContactReference:
    return LegacyContactReference(**{name: getattr(found, name) for name in _LEGACY_TEXT},
                                  annual_revenue=Decimal(found.annual_revenue) if found.annual_revenue else None)


def activity_read(activity: activities_pb2.Activity) -> ActivityRead:
    return ActivityRead(**{name: getattr(activity, name) for name in _ACTIVITY_TEXT},
                        occurred_at=when(activity, "occurred_at"), created_at=when(activity, "created_at"),
                        updated_at=when(activity, "updated_at"), version=activity.version)


def contact_data(body: ContactFields, *, clear_nulls: bool) -> contacts_pb2.ContactData:
    data = contacts_pb2.ContactData(**_given(body, _CONTACT_SCALARS, clear_nulls=clear_nulls))
    if "emails" in body.model_fields_set:
        data.set_emails = True
        data.emails.extend(contacts_pb2.Email(address=e.address, primary=e.primary) for e in body.emails or [])
    if "phones" in body.model_fields_set:
        data.set_phones = True
        data.phones.extend(contacts_pb2.Phone(number=p.number, type=p.type, extension=p.extension)
                           for p in body.phones or [])
    return data


def create_contact_request(body: ContactCreate) -> contacts_pb2.CreateContactRequest:
    return contacts_pb2.CreateContactRequest(account_id=body.account_id, data=contact_data(body, clear_nulls=False))


def update_contact_request(contact_id: str, body: ContactUpdate, expected_version: int
                           ) -> contacts_pb2.UpdateContactRequest:
    return contacts_pb2.UpdateContactRequest(id=contact_id, changes=contact_data(body, clear_nulls=True),
                                             expected_version=expected_version)


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def kiosk_read(kiosk: kiosks_pb2.Kiosk) -> KioskRead:
    return KioskRead(**{name: getattr(kiosk, name) for name in _KIOSK_TEXT},
                     **{name: _day(getattr(kiosk, name)) for name in _KIOSK_DATES},
                     created_at=when(kiosk, "created_at"), updated_at=when(kiosk, "updated_at"),
                     version=kiosk.version)


def kiosk_data(body: KioskFields, *, clear_nulls: bool) -> kiosks_pb2.KioskData:
    return kiosks_pb2.KioskData(**_given(body, type(body).model_fields, clear_nulls=clear_nulls))


def create_kiosk_data(body: KioskCreate) -> kiosks_pb2.KioskData:
    return kiosk_data(body, clear_nulls=False)


def update_kiosk_request(kiosk_id: str, body: KioskUpdate, expected_version: int) -> kiosks_pb2.UpdateKioskRequest:
    return kiosks_pb2.UpdateKioskRequest(id=kiosk_id, changes=kiosk_data(body, clear_nulls=True),
                                           expected_version=expected_version)


def list_sales_orders_request(account_id: str, since: date | None, limit: int,
                              cursor: str | None) -> erp_records_pb2.ListSalesOrdersRequest:
    return erp_records_pb2.ListSalesOrdersRequest(account_id=account_id, since=since.isoformat() if since else "",
                                               page_size=limit, cursor=cursor or "")


def sales_order_read(order: erp_records_pb2.SalesOrder) -> SalesOrderRead:
    return SalesOrderRead(**{name: getattr(order, name) for name in _ORDER_TEXT},
                          order_date=date.fromisoformat(order.order_date), ship_date=_day(order.ship_date),
                          total_amount=Decimal(order.total_amount), updated_at=when(order, "updated_at"))


def order_totals(totals) -> list[OrderTotal]:
    return [OrderTotal(currency=t.currency, total_amount=Decimal(t.total_amount), order_count=t.order_count)
            for t in totals]


def finance_read(finance: erp_records_pb2.Finance) -> FinanceRead:
    return FinanceRead(customer_accounting_id=finance.customer_accounting_id, account_id=finance.account_id,
                       as_of_date=date.fromisoformat(finance.as_of_date), currency=finance.currency,
                       **{name: Decimal(getattr(finance, name)) for name in _FINANCE_AMOUNTS},
                       updated_at=when(finance, "updated_at"))


def overview_read(found: accounts_pb2.AccountOverview) -> AccountOverview:
    """Only the parts the service filled: a directory-only view leaves out contacts, orders and finance."""
    parts: dict[str, object] = {"account": account_read(found.account),
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
