"""Translation between the accounts contract (protobuf) and the domain, in both directions.

Account responses pass through the field policy: a directory-only view sets only the directory
fields and leaves every other (optional) field absent.
"""
from __future__ import annotations

from datetime import UTC, date, datetime

from crm.accounts.v1 import accounts_pb2, activities_pb2, contacts_pb2, erp_records_pb2, kiosks_pb2
from google.protobuf.message import Message
from google.protobuf.timestamp_pb2 import Timestamp

from crm_accounts.adapters.repository import AccountView
from crm_accounts.domain import erp
from crm_accounts.domain.activities import Activity
from crm_accounts.domain.commands import (
    AccountData,
    ChangeAccountStatus,
    ContactData,
    EmailInput,
    KioskData,
    ListAccounts,
    PhoneInput,
    ReassignAccounts,
    ShareAccount,
    UpdateAccount,
    UpdateContact,
    UpdateKiosk,
)
from crm_accounts.domain.model import Account, Contact, Kiosk, Share
from crm_accounts.domain.policy import DIRECTORY_FIELDS
from crm_accounts.service_layer.activities import ListActivities, NewActivity
from crm_accounts.service_layer.erp_imports import DirectoryMatches
from crm_accounts.service_layer.overview import Overview

_ACCOUNT_OPTIONAL = ("customer_accounting_id", "number_of_locations", "key_account", "street", "city", "state",
                     "postal_code", "country", "phone", "website", "version", "erp_ship_to_id")
_CONTACT_TEXT = ("id", "account_id", "first_name", "last_name", "title", "role", "email2", "status",
                 "linkedin_url", "legacy_id", "account_status", "account_type")
_KIOSK_TEXT = ("id", "serial_number", "model", "operating_system", "software_version", "location_account_id")
_ACTIVITY_TEXT = ("id", "kind", "subject", "body", "account_id", "contact_id", "lead_id", "direction", "from_address",
                  "to_address", "author", "legacy_key")
_NEW_ACTIVITY = ("kind", "subject", "body", "occurred_at", "direction")


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _timestamp(value: datetime) -> Timestamp:
    if value.tzinfo is None:
        stamp = Timestamp()
        stamp.FromDatetime(value)
        return stamp
    since = value - _EPOCH  # what FromDatetime computes, without its detour through a time tuple
    return Timestamp(seconds=since.days * 86_400 + since.seconds, nanos=since.microseconds * 1000)


def _given(message: Message, names) -> dict[str, object]:
    return {name: getattr(message, name) for name in names if message.HasField(name)}


def account_data(message: accounts_pb2.AccountData) -> AccountData:
    """What the caller gave; fields the contract does not let callers send (erp_ship_to_id) stay unset."""
    names = [name for name in AccountData.__dataclass_fields__ if name in message.DESCRIPTOR.fields_by_name]
    return AccountData(**_given(message, names))  # type: ignore[arg-type]


def update_account(request: accounts_pb2.UpdateAccountRequest) -> UpdateAccount:
    return UpdateAccount(account_id=request.id, data=account_data(request.changes),
                         expected_version=request.expected_version)


def change_status(request: accounts_pb2.ChangeAccountStatusRequest, *, active: bool) -> ChangeAccountStatus:
    return ChangeAccountStatus(account_id=request.id, active=active, expected_version=request.expected_version)


def list_accounts(request: accounts_pb2.ListAccountsRequest) -> ListAccounts:
    return ListAccounts(
        types=tuple(request.types), subtypes=tuple(request.subtypes), statuses=tuple(request.statuses),
        territories=tuple(request.territories), owner_ids=tuple(request.owner_ids),
        parent_id=request.parent_id if request.HasField("parent_id") else None, text=request.text,
        sort=request.sort, page_size=request.page_size, cursor=request.cursor,
    )


def contact_data(message: contacts_pb2.ContactData) -> ContactData:
    given = _given(message, ("first_name", "last_name", "title", "role", "holiday_card", "status", "linkedin_url",
                             "legacy_id"))
    emails = tuple(EmailInput(e.address, e.primary) for e in message.emails) if message.set_emails else None
    phones = tuple(PhoneInput(p.number, p.type, p.extension) for p in message.phones) if message.set_phones else None
    return ContactData(**given, emails=emails, phones=phones)  # type: ignore[arg-type]


def update_contact(request: contacts_pb2.UpdateContactRequest) -> UpdateContact:
    return UpdateContact(contact_id=request.id, data=contact_data(request.changes),
                         expected_version=request.expected_version)


def kiosk_data(message: kiosks_pb2.KioskData) -> KioskData:
    return KioskData(**_given(message, KioskData.__dataclass_fields__))  # type: ignore[arg-type]


def update_kiosk(request: kiosks_pb2.UpdateKioskRequest) -> UpdateKiosk:
    return UpdateKiosk(kiosk_id=request.id, data=kiosk_data(request.changes), expected_version=request.expected_version)


def share_account(request: accounts_pb2.ShareAccountRequest) -> ShareAccount:
    return ShareAccount(account_id=request.account_id, user_id=request.user_id, access=request.access)


def reassign_accounts(request: accounts_pb2.ReassignAccountsRequest) -> ReassignAccounts:
    return ReassignAccounts(from_user_id=request.from_user_id, to_user_id=request.to_user_id)


def account_to_proto(account: Account, *, full: bool = True) -> accounts_pb2.Account:
    """The account as the field policy lets the viewer see it (events always carry it in full)."""
    message = accounts_pb2.Account(**{name: getattr(account, name) for name in DIRECTORY_FIELDS},
                                   directory_only=not full)
    if full:
        for name in _ACCOUNT_OPTIONAL:
            setattr(message, name, getattr(account, name))
        message.created_at.CopyFrom(_timestamp(account.created_at))
        message.updated_at.CopyFrom(_timestamp(account.updated_at))
    return message


def view_to_proto(view: AccountView) -> accounts_pb2.Account:
    message = account_to_proto(view.account, full=view.full)
    if view.editable is not None:
        message.editable = view.editable
    return message


def contact_to_proto(contact: Contact) -> contacts_pb2.Contact:
    message = contacts_pb2.Contact(
        **{name: getattr(contact, name) for name in _CONTACT_TEXT},
        emails=[contacts_pb2.Email(address=e.address, primary=e.primary) for e in contact.emails],
        phones=[contacts_pb2.Phone(number=p.number, type=p.type, extension=p.extension) for p in contact.phones],
        holiday_card=contact.holiday_card, created_at=_timestamp(contact.created_at),
        updated_at=_timestamp(contact.updated_at), version=contact.version)
    if contact.legacy is not None:
        message.legacy.CopyFrom(contacts_pb2.LegacyContactReference(**vars(contact.legacy)))
    return message


def activity_to_proto(activity: Activity) -> activities_pb2.Activity:
    return activities_pb2.Activity(
        **{name: getattr(activity, name) for name in _ACTIVITY_TEXT}, occurred_at=_timestamp(activity.occurred_at),
        created_at=_timestamp(activity.created_at), updated_at=_timestamp(activity.updated_at),
        version=activity.version)


def legacy_contact_rows(messages) -> list[dict[str, object]]:
    """Each legacy contact row as sent, by field name, its emails a list and its phones dicts."""
    rows = import_rows(messages)
    for row, message in zip(rows, messages, strict=False):
        row["emails"] = list(message.emails)
        row["phones"] = [{"number": p.number, "type": p.type, "extension": p.extension} for p in message.phones]
    return rows


def list_activities(request: activities_pb2.ListActivitiesRequest) -> ListActivities:
    return ListActivities(account_id=request.account_id, contact_id=request.contact_id, kinds=tuple(request.kinds),
                          page_size=request.page_size, cursor=request.cursor)


def new_activity(request: activities_pb2.CreateActivityRequest) -> NewActivity:
    return NewActivity(account_id=request.account_id, contact_id=request.contact_id,
                       fields={name: getattr(request, name) for name in _NEW_ACTIVITY})


def kiosk_to_proto(kiosk: Kiosk, today: date) -> kiosks_pb2.Kiosk:
    return kiosks_pb2.Kiosk(
        **{name: getattr(kiosk, name) for name in _KIOSK_TEXT},
        install_date=kiosk.install_date.isoformat() if kiosk.install_date else "",
        warranty_end_date=kiosk.warranty_end_date.isoformat() if kiosk.warranty_end_date else "",
        warranty_state=kiosk.warranty_state(today), created_at=_timestamp(kiosk.created_at),
        updated_at=_timestamp(kiosk.updated_at), version=kiosk.version)


def share_to_proto(share: Share) -> accounts_pb2.Share:
    return accounts_pb2.Share(account_id=share.account_id, user_id=share.user_id, access=share.access,
                              granted_by=share.granted_by, granted_at=_timestamp(share.granted_at))


def erp_rows(messages, names: tuple[str, ...]) -> list[dict[str, str]]:
    """The text of each sales order or finance row as sent, by field name (the domain cleans it)."""
    return [{name: getattr(message, name) for name in names} for message in messages]


def import_rows(messages) -> list[dict[str, object]]:
    """Each company, location or kiosk row as sent, by field name (the domain cleans it)."""
    return [{field.name: getattr(message, field.name) for field in message.DESCRIPTOR.fields}
            for message in messages]


def matches_to_proto(matches: DirectoryMatches) -> erp_records_pb2.MatchDirectoryResponse:
    return erp_records_pb2.MatchDirectoryResponse(
        contacts=[erp_records_pb2.EmailMatch(email=email, contact_id=contact_id, account_id=account_id)
                  for email, contact_id, account_id in matches.contacts],
        companies=[erp_records_pb2.CompanyMatch(company_key=key, account_id=account_id, account_name=name)
                   for key, account_id, name in matches.companies])


def _text(value) -> str:
    return "" if value is None else value.isoformat() if isinstance(value, date) else str(value)


def sales_order_to_proto(stored: erp.Stored) -> erp_records_pb2.SalesOrder:
    return erp_records_pb2.SalesOrder(**{name: _text(getattr(stored.row, name)) for name in erp.SALES_ORDER_FIELDS},
                                   account_id=stored.account_id, updated_at=_timestamp(stored.updated_at))


def finance_to_proto(stored: erp.Stored) -> erp_records_pb2.Finance:
    return erp_records_pb2.Finance(**{name: _text(getattr(stored.row, name)) for name in erp.FINANCE_FIELDS},
                                account_id=stored.account_id, updated_at=_timestamp(stored.updated_at))


def outcome_to_proto(outcome: erp.Outcome) -> erp_records_pb2.UpsertOutcome:
    return erp_records_pb2.UpsertOutcome(key=outcome.key, outcome=outcome.outcome, field=outcome.field,
                                      reason=outcome.reason)


def totals_to_proto(totals) -> list[erp_records_pb2.OrderTotal]:
    return [erp_records_pb2.OrderTotal(currency=currency, total_amount=str(total), order_count=count)
            for currency, (total, count) in totals.items()]


def overview_to_proto(overview: Overview) -> accounts_pb2.AccountOverview:
    message = accounts_pb2.AccountOverview(
        account=view_to_proto(overview.account), children=[view_to_proto(v) for v in overview.children],
        children_count=overview.children_count, contacts=[contact_to_proto(c) for c in overview.contacts or ()],
        contacts_count=overview.contacts_count)
    if overview.parent is not None:
        message.parent.CopyFrom(view_to_proto(overview.parent))
    if overview.kiosks is not None:
        message.kiosks.CopyFrom(accounts_pb2.KioskCounts(**overview.kiosks, total=sum(overview.kiosks.values())))
    if overview.orders is not None:
        message.orders.extend(sales_order_to_proto(o) for o in overview.orders.orders)
        message.order_totals.extend(totals_to_proto(overview.orders.totals))
        message.orders_since = overview.orders.since.isoformat()
    if overview.finance is not None:
        message.finance.CopyFrom(finance_to_proto(overview.finance))
    message.activities.extend(activity_to_proto(a) for a in overview.activities or ())
    return message
