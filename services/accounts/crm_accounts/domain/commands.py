"""What callers ask the accounts service to do, independent of the transport that carried it.

In the *Data classes None means "not given" and "" means "given empty" (clear it).
"""
from __future__ import annotations

from dataclasses import dataclass, fields

_NAMES: dict[type, tuple[str, ...]] = {}


@dataclass(frozen=True)
class Given:
    def given(self) -> dict[str, object]:
        """The fields the caller set, by name."""
        names = _NAMES.get(type(self))
        if names is None:
            names = _NAMES[type(self)] = tuple(f.name for f in fields(self))
        values = {name: getattr(self, name) for name in names}
        return {name: value for name, value in values.items() if value is not None}


@dataclass(frozen=True)
class AccountData(Given):
    name: str | None = None
    customer_accounting_id: str | None = None
    type: str | None = None
    subtype: str | None = None
    parent_id: str | None = None
    key_account: bool | None = None
    street: str | None = None
    city: str | None = None
    state: str | None = None
    postal_code: str | None = None
    country: str | None = None
    phone: str | None = None
    website: str | None = None
    owner_id: str | None = None
    erp_ship_to_id: str | None = None  # SEC-1 like the accounting ID: admin and erp only (INT-2 imports)


@dataclass(frozen=True)
class UpdateAccount:
    account_id: str
    data: AccountData
    expected_version: int = 0


@dataclass(frozen=True)
class ChangeAccountStatus:
    account_id: str
    active: bool
    expected_version: int = 0


@dataclass(frozen=True)
class ListAccounts:
    types: tuple[str, ...] = ()
    subtypes: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    territories: tuple[str, ...] = ()
    owner_ids: tuple[str, ...] = ()
    parent_id: str | None = None  # "" lists roots
    text: str = ""
    sort: str = ""
    page_size: int = 0
    cursor: str = ""


@dataclass(frozen=True)
class EmailInput:
    address: str
    primary: bool = False


@dataclass(frozen=True)
class PhoneInput:
    number: str
    type: str = ""
    extension: str = ""


@dataclass(frozen=True)
class LegacyReference:
    """MIG-1: what the legacy contact manager held about a migrated contact, as written there (for
    reference only: the CRM has no field for most of it). annual_revenue is decimal text or ""."""

    company: str = ""
    role: str = ""
    street: str = ""
    city: str = ""
    state: str = ""
    postal_code: str = ""
    country: str = ""
    annual_revenue: str = ""
    last_result: str = ""


@dataclass(frozen=True)
class ContactData(Given):
    first_name: str | None = None
    last_name: str | None = None
    title: str | None = None
    role: str | None = None
    emails: tuple[EmailInput, ...] | None = None
    phones: tuple[PhoneInput, ...] | None = None
    holiday_card: bool | None = None
    status: str | None = None
    linkedin_url: str | None = None
    legacy_id: str | None = None
    legacy: LegacyReference | None = None  # written by the legacy import only (MIG-1)


@dataclass(frozen=True)
class UpdateContact:
    contact_id: str
    data: ContactData
    expected_version: int = 0


@dataclass(frozen=True)
class KioskData(Given):
    serial_number: str | None = None
    model: str | None = None
    operating_system: str | None = None
    software_version: str | None = None
    install_date: str | None = None
    warranty_end_date: str | None = None
    location_account_id: str | None = None


@dataclass(frozen=True)
class UpdateKiosk:
    kiosk_id: str
    data: KioskData
    expected_version: int = 0


@dataclass(frozen=True)
class ShareAccount:
    account_id: str
    user_id: str
    access: str


@dataclass(frozen=True)
class ReassignAccounts:
    from_user_id: str
    to_user_id: str
