"""Request and response bodies of the accounts API: accounts, their hierarchy, shares, sales orders,
finance and the overview (they mirror crm.accounts.v1). Reads leave out every field the service left
absent: the routes answer them with response_model_exclude_unset, so a field the caller may not see
is missing, never null."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field

from crm_gateway.api.activities.schemas import ActivityRead
from crm_gateway.api.common import EDITABLE_FIELDS, Page, Strict
from crm_gateway.api.contacts.schemas import ContactRead
from crm_gateway.api.opportunities.schemas import OpportunityRead


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


class AccountDetail(AccountRead):
    """One account as its page shows it: with what the caller may change."""

    editable_fields: list[str] = Field(description=EDITABLE_FIELDS)


class AccountHierarchy(BaseModel):
    root_id: str
    items: list[AccountRead] = Field(description="parents before their children; unseen branches left out")


class AccountFields(Strict):
    """What a caller gives about an account; only the fields present are sent."""

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


class ShareCreate(Strict):
    user_id: str = Field(min_length=1, max_length=64)
    access: Literal["read", "edit"]


class ShareRead(BaseModel):
    account_id: str
    user_id: str
    access: str
    granted_by: str
    granted_at: datetime | None


class Reassignment(Strict):
    from_user_id: str = Field(min_length=1, max_length=64)
    to_user_id: str = Field(min_length=1, max_length=64)


class Reassigned(BaseModel):
    account_ids: list[str]


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


class SalesOrderPage(Page[SalesOrderRead]):
    """Sales-order headers, newest order date first."""

    totals: list[OrderTotal] = Field(description="per currency, over every order since `since`")
    since: date


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

    account: AccountDetail
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
    opportunities: list[OpportunityRead] | None = Field(
        None, description="the open opportunities the caller may read, by close date (first 100); absent when "
                          "the sales service did not answer")
