"""Write use cases of contacts (CON-1) and kiosks (ACC-5, SEC-6): keyword-only, one transaction each."""
from __future__ import annotations

import uuid

from crmkit.errors import InvalidInput
from crmkit.fields import clean_uuid
from crmkit.principal import Principal

from crm_accounts.domain import policy
from crm_accounts.domain.commands import ContactData, KioskData, UpdateContact, UpdateKiosk
from crm_accounts.domain.errors import RecordNotFound, StaleVersion
from crm_accounts.domain.hierarchy import COMPANY
from crm_accounts.domain.idempotency import creation_digest, ensure_retry
from crm_accounts.domain.model import Contact, Kiosk
from crm_accounts.domain.validation import clean_contact_data, clean_kiosk_data
from crm_accounts.service_layer.handlers import now
from crm_accounts.service_layer.unit_of_work import AccountsUnitOfWork


async def create_contact(*, uow: AccountsUnitOfWork, principal: Principal, account_id: str,
                         data: ContactData, contact_id: str = "") -> Contact:
    """A person at an account the caller may change (an SDR: any account they see, LEAD-5).
    With `contact_id` given, creating it again on the same account from the same data answers the
    contact (a retry)."""
    data = clean_contact_data(data)
    if not (data.first_name or data.last_name):
        raise InvalidInput("a contact needs a first or last name", field="last_name")
    contact_id = clean_uuid("id", contact_id) or str(uuid.uuid4())
    async with uow:
        account = await uow.accounts.for_new_contact(principal, account_id)
        digest = creation_digest({"account_id": account.id, **data.given()})
        contact = Contact.create(contact_id=contact_id, account_id=account.id, data=data, now=now())
        contact.account_status, contact.account_type = account.status, account.type
        if not await uow.contacts.add(contact, digest=digest):
            existing, stored = await uow.contacts.as_created(contact_id)
            ensure_retry("contact", contact_id, stored=stored, digest=digest)
            return existing
        await uow.commit()
    return contact


async def update_contact(*, uow: AccountsUnitOfWork, principal: Principal, command: UpdateContact) -> Contact:
    data = clean_contact_data(command.data)
    async with uow:
        contact = await uow.contacts.for_update(principal, command.contact_id)
        if command.expected_version and command.expected_version != contact.version:
            raise StaleVersion(command.expected_version, contact.version)
        contact.edit(data, now=now())
        if not (contact.first_name or contact.last_name):
            raise InvalidInput("a contact needs a first or last name", field="last_name")
        await uow.contacts.save(contact)
        await uow.commit()
    return contact


async def create_kiosk(*, uow: AccountsUnitOfWork, principal: Principal, data: KioskData) -> Kiosk:
    """A kiosk at a location account, entered by support or an admin (ACC-5, SEC-6)."""
    policy.ensure_can_write_kiosks(principal, tuple(data.given()))
    data = clean_kiosk_data(data)
    if not data.serial_number:
        raise InvalidInput("is required", field="serial_number")
    location = clean_uuid("location_account_id", data.location_account_id or "", required=True)
    async with uow:
        await _ensure_location(uow, location)
        kiosk = Kiosk.create(data=data, now=now())
        await uow.kiosks.add(kiosk)
        await uow.commit()
    return kiosk


async def update_kiosk(*, uow: AccountsUnitOfWork, principal: Principal, command: UpdateKiosk) -> Kiosk:
    policy.ensure_can_write_kiosks(principal, tuple(command.data.given()))
    data = clean_kiosk_data(command.data)
    async with uow:
        kiosk = await uow.kiosks.get(principal, command.kiosk_id, for_update=True)
        if command.expected_version and command.expected_version != kiosk.version:
            raise StaleVersion(command.expected_version, kiosk.version)
        if data.location_account_id and data.location_account_id != kiosk.location_account_id:
            await _ensure_location(uow, data.location_account_id)
        kiosk.edit(data, now=now())
        await uow.kiosks.save(kiosk)
        await uow.commit()
    return kiosk


async def _ensure_location(uow: AccountsUnitOfWork, account_id: str) -> None:
    """Kiosks stand at a location: an office or kiosk location account (support sees them all)."""
    subtype = await uow.accounts.subtype_of(account_id)
    if subtype is None:
        raise RecordNotFound("account", account_id, field="location_account_id")
    if subtype == COMPANY:
        raise InvalidInput("kiosks stand at an office or kiosk location account, not a company",
                           field="location_account_id")
