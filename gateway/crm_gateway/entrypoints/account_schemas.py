"""Request and response bodies of the accounts, contacts, kiosks and shares API (they mirror
crm.accounts.v1). Reads leave out every field the service left absent: the routes answer them with
response_model_exclude_unset, so a field the caller may not see is missing, never null."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from crm_gateway.entrypoints.activity_schemas import ActivityRead


class AccountRead(BaseModel):
    """Directory fields are always present; the others only when the caller sees the account in full."""

    id: str
    name: str
    type: str = Field(description="prospect | customer | vendor | competitor")
    subtype: str = Field(description='"" (a company) | office | kiosk_location')
    status: str = Field(description="active | inactive")
    territory: str
    owner_id: str
    parent_id: str
    directory_only: bool = Field(description="true: only the directory fields are present")
    customer_accounting_id: str | None = None
    number_of_locations: int | None = None
    key_account: bool | None = None
    street: str | None = None
    city: str | None = None
    state: str | None = None
    postal_code: str | None = None
    country: str | None = None
    phone: str | None = None
    website: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    version: int | None = None
    erp_ship_to_id: str | None = Field(None, description="the ERP's ship-to ID of a location (read-only)")


class AccountPage(BaseModel):
    items: list[AccountRead]
    next_cursor: str | None


class AccountHierarchy(BaseModel):
    root_id: str
    items: list[AccountRead] = Field(description="parents before their children; unseen branches left out")


class AccountFields(BaseModel):
    """What a caller gives about an account; only the fields present are sent."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    customer_accounting_id: str | None = Field(None, max_length=100, description="SEC-1: admin and the erp client")
    type: str | None = Field(None, max_length=50, description="prospect | customer | vendor | competitor")
    subtype: str | None = Field(None, max_length=50, description='"" or company | office | kiosk_location')
    parent_id: str | None = Field(None, max_length=64, description='"" or null makes it a root')
    key_account: bool | None = None
    street: str | None = Field(None, max_length=200)
    city: str | None = Field(None, max_length=100)
    state: str | None = Field(None, max_length=100, description="decides the territory")
    postal_code: str | None = Field(None, max_length=20)
    country: str | None = Field(None, max_length=100)
    phone: str | None = Field(None, max_length=50)
    website: str | None = Field(None, max_length=500)
    owner_id: str | None = Field(None, max_length=64, description="admin, vp_sales, rsm; default: territory AE")


class AccountCreate(AccountFields):
    name: str = Field(min_length=1, max_length=200)


class AccountUpdate(AccountFields):
    """Only the fields present change; a null text field clears it."""

    name: str | None = Field(None, min_length=1, max_length=200)


class ShareCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    user_id: str = Field(min_length=1, max_length=64)
    access: Literal["read", "edit"]


class ShareRead(BaseModel):
    account_id: str
    user_id: str
    access: str
    granted_by: str
    granted_at: datetime | None


class SharePage(BaseModel):
    items: list[ShareRead]


class Reassignment(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    from_user_id: str = Field(min_length=1, max_length=64)
    to_user_id: str = Field(min_length=1, max_length=64)


class Reassigned(BaseModel):
    account_ids: list[str]


class EmailAddress(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    address: str = Field(min_length=1, max_length=320)
    primary: bool = False


class PhoneNumber(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    number: str = Field(min_length=1, max_length=50)
    type: str = Field("work", max_length=20, description="work | mobile | home | fax | other")
    extension: str = Field("", max_length=20)


class LegacyContactReference(BaseModel):
    """MIG-1: what the legacy contact manager held about a migrated contact, as written there (reference only)."""

    company: str
    role: str
    street: str
    city: str
    state: str
    postal_code: str
    country: str
    annual_revenue: Decimal | None
    last_result: str


class ContactRead(BaseModel):
    id: str
    account_id: str
    first_name: str
    last_name: str
    title: str
    role: str
    emails: list[EmailAddress]
    email2: str
    phones: list[PhoneNumber]
    holiday_card: bool
    status: str
    linkedin_url: str
    legacy_id: str
    account_status: str = Field(description="CON-2: the account's status")
    account_type: str = Field(description="CON-2: the account's type")
    created_at: datetime | None
    updated_at: datetime | None
    version: int
    legacy: LegacyContactReference | None = Field(None, description="MIG-1: null unless migrated")


class ContactPage(BaseModel):
    items: list[ContactRead]


class ContactMatch(ContactRead):
    account_name: str = Field(description="the name of the contact's account")


class ContactMatches(BaseModel):
    items: list[ContactMatch]


class AccountMatches(BaseModel):
    items: list[AccountRead]


class ContactFields(BaseModel):
    """Only the fields present are sent; `emails` or `phones` present replace the whole list."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    first_name: str | None = Field(None, max_length=200)
    last_name: str | None = Field(None, max_length=200)
    title: str | None = Field(None, max_length=200)
    role: str | None = Field(None, max_length=100, description='IT | Executive Management | Marketing | ""')
    emails: list[EmailAddress] | None = Field(None, max_length=10)
    phones: list[PhoneNumber] | None = Field(None, max_length=10)
    holiday_card: bool | None = None
    status: str | None = Field(None, max_length=20, description="active | inactive")
    linkedin_url: str | None = Field(None, max_length=500)
    legacy_id: str | None = Field(None, max_length=100)


class ContactCreate(ContactFields):
    account_id: str = Field(min_length=1, max_length=64)


class ContactUpdate(ContactFields):
    """A null text field clears it."""


class KioskRead(BaseModel):
    id: str
    serial_number: str
    model: str
    operating_system: str
    software_version: str
    install_date: date | None
    warranty_end_date: date | None
    location_account_id: str
    warranty_state: str = Field(description="in_warranty | expiring | expired | unknown")
    created_at: datetime | None
    updated_at: datetime | None
    version: int


class KioskPage(BaseModel):
    items: list[KioskRead]


class KioskFields(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    model: str | None = Field(None, max_length=100)
    operating_system: str | None = Field(None, max_length=100)
    software_version: str | None = Field(None, max_length=100)
    install_date: date | None = None
    warranty_end_date: date | None = None


class KioskCreate(KioskFields):
    serial_number: str = Field(min_length=1, max_length=100)
    location_account_id: str = Field(min_length=1, max_length=64)


class KioskUpdate(KioskFields):
    """Only the fields present change; a null field clears it (serial number and location cannot be cleared)."""

    serial_number: str | None = Field(None, min_length=1, max_length=100)
    location_account_id: str | None = Field(None, min_length=1, max_length=64)


# Amounts are decimals sent as JSON strings ("32065.01"), never floats.
class SalesOrderRead(BaseModel):
    """An ERP sales-order header (ACC-3)."""

    sales_order_number: str
    po_number: str = Field(description="kept as the ERP sent it")
    customer_accounting_id: str
    account_id: str
    salesperson: str
    territory: str
    order_date: date
    ship_date: date | None = Field(description="null until shipped")
    total_amount: Decimal
    currency: str
    updated_at: datetime


class OrderTotal(BaseModel):
    currency: str
    total_amount: Decimal
    order_count: int


class SalesOrderPage(BaseModel):
    items: list[SalesOrderRead] = Field(description="newest order date first")
    totals: list[OrderTotal] = Field(description="per currency, over every order since `since`")
    since: date
    next_cursor: str | None


class FinanceRead(BaseModel):
    """An account's finance figures as of one day (ACC-4)."""

    customer_accounting_id: str
    account_id: str
    as_of_date: date
    mtd_sales: Decimal
    ytd_sales: Decimal
    prior_ytd_sales: Decimal
    credit_limit: Decimal
    past_due_amount: Decimal
    currency: str
    updated_at: datetime


class KioskCounts(BaseModel):
    in_warranty: int
    expiring: int = Field(description="warranty ends within 60 days")
    expired: int
    unknown: int = Field(description="no warranty end date")
    total: int


class AccountOverview(BaseModel):
    """What an AE needs on one screen. Each part is what the caller could read alone: a
    directory-only view has no contacts, orders or finance keys; kiosks come to whoever reads them."""

    account: AccountRead
    parent: AccountRead | None = Field(None, description="absent for a company at the top")
    children: list[AccountRead] = Field(description="direct children the caller sees, by name (first 100)")
    children_count: int
    contacts: list[ContactRead] | None = Field(None, description="by name (first 100)")
    contacts_count: int | None = None
    kiosks: KioskCounts | None = Field(None, description="at the account and every location below it")
    orders: list[SalesOrderRead] | None = Field(None, description="the past two years, newest first (first 100)")
    order_totals: list[OrderTotal] | None = None
    orders_since: date | None = None
    finance: FinanceRead | None = Field(None, description="the latest figures; null when none were recorded")
    activities: list[ActivityRead] | None = Field(None, description="the latest 10, newest first")
