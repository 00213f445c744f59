"""Request and response bodies of the contacts API (they mirror crm.accounts.v1.Contact)."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from pydantic import BaseModel, Field

from crm_gateway.api.common import EDITABLE_FIELDS, Strict


class EmailAddress(Strict):
    address: str = Field(min_length=1, max_length=320)
    primary: bool = False


class PhoneNumber(Strict):
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


class ContactDetail(ContactRead):
    """One contact as its page shows it: with what the caller may change."""

    editable_fields: list[str] = Field(description=EDITABLE_FIELDS)


class ContactFields(Strict):
    """Only the fields present are sent; `emails` or `phones` present replace the whole list."""

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
