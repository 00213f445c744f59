"""Translation between the contacts REST bodies and crm.accounts.v1 messages. Writes send only the
fields the caller gave, a null text field becoming "" (clear it)."""
from __future__ import annotations

from decimal import Decimal

from crm.accounts.v1 import contacts_pb2

from crm_gateway.api.common import given_fields, when
from crm_gateway.api.contacts.schemas import (
    ContactCreate,
    ContactDetail,
    ContactFields,
    ContactRead,
    ContactUpdate,
    EmailAddress,
    LegacyContactReference,
    PhoneNumber,
)
from crm_gateway.domain.permissions import editable_fields

_CONTACT_TEXT = ("id", "account_id", "first_name", "last_name", "title", "role", "email2", "status", "linkedin_url",
                 "legacy_id", "account_status", "account_type")
_CONTACT_SCALARS = ("first_name", "last_name", "title", "role", "holiday_card", "status", "linkedin_url",
                    "legacy_id")
_LEGACY_TEXT = ("company", "role", "street", "city", "state", "postal_code", "country", "last_result")
_FLAGS = frozenset({"holiday_card"})  # a null flag is left as it is: there is nothing to clear


def contact_read(contact: contacts_pb2.Contact) -> ContactRead:
    return ContactRead(
        **{name: getattr(contact, name) for name in _CONTACT_TEXT},
        emails=[EmailAddress(address=e.address, primary=e.primary) for e in contact.emails],
        phones=[PhoneNumber(number=p.number, type=p.type, extension=p.extension) for p in contact.phones],
        holiday_card=contact.holiday_card, created_at=when(contact, "created_at"),
        updated_at=when(contact, "updated_at"), version=contact.version,
        legacy=_legacy(contact.legacy) if contact.HasField("legacy") else None,
    )


def contact_detail(contact: contacts_pb2.Contact, role: str) -> ContactDetail:
    """The contact with the fields `role` may change: none where the service says its account is not the
    caller's to change (a read share)."""
    record_editable = contact.editable or not contact.HasField("editable")
    return ContactDetail(**contact_read(contact).model_dump(), editable_fields=editable_fields(
        "contacts", role, ContactUpdate.model_fields, record_editable=record_editable))


def _legacy(found: contacts_pb2.LegacyContactReference) -> LegacyContactReference:
    return LegacyContactReference(**{name: getattr(found, name) for name in _LEGACY_TEXT},
                                  annual_revenue=Decimal(found.annual_revenue) if found.annual_revenue else None)


def contact_data(body: ContactFields, *, clear_nulls: bool) -> contacts_pb2.ContactData:
    data = contacts_pb2.ContactData(**given_fields(body, _CONTACT_SCALARS, clear_nulls=clear_nulls, keep_nulls=_FLAGS))
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
