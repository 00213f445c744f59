"""How the accounts service's domain events go on the wire: one builder per event, (subject, message).

Created and Updated are shared by every record, so the record's type picks their builder; a share
is an event of its account, and the ERP's figures have no record of their own.
"""
from __future__ import annotations

from datetime import UTC, datetime

from crm.accounts.v1 import events_pb2
from crmkit.db import IntegrationEvents
from google.protobuf.message import Message

from crm_accounts.domain import erp
from crm_accounts.domain.activities import Activity
from crm_accounts.domain.events import (
    Created,
    Deactivated,
    FiguresRecorded,
    Reassigned,
    ShareGranted,
    ShareRevoked,
    Updated,
)
from crm_accounts.domain.model import Account, Contact, Kiosk, Share
from crm_accounts.entrypoints.mappers import (
    account_to_proto,
    activity_to_proto,
    contact_to_proto,
    finance_to_proto,
    kiosk_to_proto,
    sales_order_to_proto,
    share_to_proto,
)

Built = tuple[str, Message]


def account_created(event: Created, account: Account) -> Built:
    return "crm.accounts.account.created", events_pb2.AccountCreated(account=account_to_proto(account))


def account_updated(event: Updated, account: Account) -> Built:
    return "crm.accounts.account.updated", events_pb2.AccountUpdated(
        account=account_to_proto(account), changed_fields=event.changed_fields)


def account_deactivated(event: Deactivated, account: Account) -> Built:
    return "crm.accounts.account.deactivated", events_pb2.AccountDeactivated(account=account_to_proto(account))


def account_reassigned(event: Reassigned, account: Account) -> Built:
    return "crm.accounts.account.reassigned", events_pb2.AccountReassigned(
        account=account_to_proto(account), previous_owner_id=event.previous_owner_id)


def share_granted(event: ShareGranted, account: Account) -> Built:
    return "crm.accounts.share.granted", events_pb2.ShareGranted(share=share_to_proto(Share(**vars(event))))


def share_revoked(event: ShareRevoked, account: Account) -> Built:
    return "crm.accounts.share.revoked", events_pb2.ShareRevoked(
        account_id=event.account_id, user_id=event.user_id, revoked_by=event.revoked_by)


def contact_created(event: Created, contact: Contact) -> Built:
    return "crm.accounts.contact.created", events_pb2.ContactCreated(contact=contact_to_proto(contact))


def contact_updated(event: Updated, contact: Contact) -> Built:
    return "crm.accounts.contact.updated", events_pb2.ContactUpdated(
        contact=contact_to_proto(contact), changed_fields=event.changed_fields)


def activity_created(event: Created, activity: Activity) -> Built:
    return "crm.accounts.activity.created", events_pb2.ActivityCreated(activity=activity_to_proto(activity))


def activity_updated(event: Updated, activity: Activity) -> Built:
    return "crm.accounts.activity.updated", events_pb2.ActivityUpdated(
        activity=activity_to_proto(activity), changed_fields=event.changed_fields)


def _kiosk(kiosk: Kiosk):
    return kiosk_to_proto(kiosk, datetime.now(UTC).date())


def kiosk_created(event: Created, kiosk: Kiosk) -> Built:
    return "crm.accounts.kiosk.created", events_pb2.KioskCreated(kiosk=_kiosk(kiosk))


def kiosk_updated(event: Updated, kiosk: Kiosk) -> Built:
    return "crm.accounts.kiosk.updated", events_pb2.KioskUpdated(kiosk=_kiosk(kiosk),
                                                                 changed_fields=event.changed_fields)


def figures_recorded(event: FiguresRecorded, _figures: object) -> Built:
    if isinstance(event.stored.row, erp.SalesOrder):
        return "crm.accounts.sales_order.recorded", events_pb2.SalesOrderRecorded(
            order=sales_order_to_proto(event.stored), created=event.created)
    return "crm.accounts.finance.recorded", events_pb2.FinanceRecorded(
        finance=finance_to_proto(event.stored), created=event.created)


INTEGRATION_EVENTS: IntegrationEvents = {
    (Account, Created): account_created,
    (Account, Updated): account_updated,
    (Account, Deactivated): account_deactivated,
    (Account, Reassigned): account_reassigned,
    ShareGranted: share_granted,
    ShareRevoked: share_revoked,
    (Contact, Created): contact_created,
    (Contact, Updated): contact_updated,
    (Activity, Created): activity_created,
    (Activity, Updated): activity_updated,
    (Kiosk, Created): kiosk_created,
    (Kiosk, Updated): kiosk_updated,
    FiguresRecorded: figures_recorded,
}
