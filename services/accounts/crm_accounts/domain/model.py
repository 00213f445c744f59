"""Accounts, contacts, kiosks and shares (ACC-1, ACC-2, ACC-5, CON-1, SEC-5), and the replicas of
the gateway's users and territories this service keeps."""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from crmkit.domain import Aggregate

from crm_accounts.domain.commands import AccountData, ContactData, EmailInput, KioskData, LegacyReference, PhoneInput
from crm_accounts.domain.events import Created, Deactivated, Event, Reassigned, ShareGranted, ShareRevoked, Updated
from crm_accounts.domain.validation import ACTIVE, INACTIVE, parse_date
from crm_accounts.domain.warranty import warranty_state

ACCOUNT_FIELDS = ("name", "customer_accounting_id", "type", "subtype", "parent_id", "key_account", "street", "city",
                  "state", "postal_code", "country", "phone", "website", "owner_id", "erp_ship_to_id")


class Record(Aggregate):
    """The records that publish events: accounts, contacts, kiosks and activities."""

    created_event, updated_event, other_changes = Created, Updated, (Deactivated, Reassigned)
    events: list[Event]


@dataclass(eq=False)
class Account(Record):
    id: str
    name: str
    type: str
    created_at: datetime
    updated_at: datetime
    subtype: str = ""
    status: str = ACTIVE
    parent_id: str = ""
    customer_accounting_id: str = ""
    key_account: bool = False
    street: str = ""
    city: str = ""
    state: str = ""
    postal_code: str = ""
    country: str = ""
    phone: str = ""
    website: str = ""
    owner_id: str = ""
    erp_ship_to_id: str = ""  # the ERP's ship-to ID of a location (INT-2); written by admin and erp only
    number_of_locations: int = 0
    version: int = 1
    territory: str = ""  # derived from state through the territory map; never stored
    events: list[Event] = field(default_factory=list, compare=False, repr=False)

    @classmethod
    def create(cls, *, account_id: str, data: AccountData, territory: str, now: datetime,
               active: bool = True) -> Account:
        """A new account from cleaned data (name and type required by the caller); records Created."""
        values = {name: value for name, value in data.given().items() if name in ACCOUNT_FIELDS}
        account = cls(id=account_id, created_at=now, updated_at=now, territory=territory,
                      status=ACTIVE if active else INACTIVE, **values)  # type: ignore[arg-type]
        account.events.append(Created())
        return account

    @property
    def active(self) -> bool:
        return self.status == ACTIVE

    def edit(self, data: AccountData, *, now: datetime) -> list[str]:
        return self._set({k: v for k, v in data.given().items() if k in ACCOUNT_FIELDS}, now)

    def set_status(self, active: bool, *, now: datetime) -> bool:
        """Deactivate (records Deactivated) or reactivate (an update of status)."""
        status = ACTIVE if active else INACTIVE
        if status == self.status:
            return False
        if active:
            self._set({"status": status}, now)
        else:
            self.status = status
            self._change(Deactivated(), now)
        return True

    def reassign(self, owner_id: str, *, now: datetime) -> None:
        """GEN-11: hand the account to another owner; records Reassigned."""
        if owner_id == self.owner_id:
            return
        previous, self.owner_id = self.owner_id, owner_id
        self._change(Reassigned(previous), now)

    def count_locations(self, count: int, *, now: datetime) -> None:
        """The derived location count changed below this account."""
        self._set({"number_of_locations": count}, now)

    def record_share(self, event: ShareGranted | ShareRevoked) -> None:
        self.events.append(event)


@dataclass(eq=False)
class Contact(Record):
    id: str
    account_id: str
    created_at: datetime
    updated_at: datetime
    first_name: str = ""
    last_name: str = ""
    title: str = ""
    role: str = ""
    emails: tuple[EmailInput, ...] = ()  # the primary first
    phones: tuple[PhoneInput, ...] = ()
    holiday_card: bool = False
    status: str = ACTIVE
    linkedin_url: str = ""
    legacy_id: str = ""
    legacy: LegacyReference | None = None  # MIG-1: the legacy record's values, for reference
    version: int = 1
    account_status: str = ""  # CON-2: read with the contact, never stored on it
    account_type: str = ""
    events: list[Event] = field(default_factory=list, compare=False, repr=False)

    @classmethod
    def create(cls, *, account_id: str, data: ContactData, now: datetime, contact_id: str = "") -> Contact:
        """A new contact (with the caller's id when given); records Created."""
        contact = cls(id=contact_id or str(uuid.uuid4()), account_id=account_id, created_at=now, updated_at=now,
                      **data.given())  # type: ignore[arg-type]
        contact.events.append(Created())
        return contact

    @property
    def email2(self) -> str:
        """CON-1: the second address, when there is one."""
        return self.emails[1].address if len(self.emails) > 1 else ""

    def edit(self, data: ContactData, *, now: datetime) -> list[str]:
        return self._set(data.given(), now)

    def move(self, account_id: str, *, account_status: str, account_type: str, now: datetime) -> list[str]:
        """Put the contact on another account (whose status and type it then shows, CON-2)."""
        self.account_status, self.account_type = account_status, account_type
        return self._set({"account_id": account_id}, now)


@dataclass(eq=False)
class Kiosk(Record):
    id: str
    serial_number: str
    location_account_id: str
    created_at: datetime
    updated_at: datetime
    model: str = ""
    operating_system: str = ""
    software_version: str = ""
    install_date: date | None = None
    warranty_end_date: date | None = None
    version: int = 1
    events: list[Event] = field(default_factory=list, compare=False, repr=False)

    @classmethod
    def create(cls, *, data: KioskData, now: datetime) -> Kiosk:
        kiosk = cls(id=str(uuid.uuid4()), serial_number="", location_account_id="", created_at=now, updated_at=now)
        kiosk.events.append(Created())
        kiosk.edit(data, now=now)
        return kiosk

    def edit(self, data: KioskData, *, now: datetime) -> list[str]:
        """Dates come as YYYY-MM-DD text (or dates already parsed, from an import); "" clears one."""
        values: dict[str, object] = dict(data.given())
        for name in ("install_date", "warranty_end_date"):
            if name in values and not isinstance(values[name], date):
                values[name] = parse_date(name, str(values[name])) if values[name] else None
        return self._set(values, now)

    def warranty_state(self, today: date) -> str:
        return warranty_state(self.warranty_end_date, today)


@dataclass(frozen=True)
class Share:
    """SEC-5: `user_id` may read (or edit) `account_id` although their own rules do not show it."""

    account_id: str
    user_id: str
    access: str
    granted_by: str
    granted_at: datetime
