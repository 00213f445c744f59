"""Bodies of the ERP's web-service posts (INT-4). Field names are the ERP export's; values are
checked by the accounts service (one set of rules for files and posts), so dates and amounts
arrive as text; a JSON number amount is taken as its decimal text."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from crm_gateway.api.common import Strict


class _ErpBody(Strict):
    model_config = ConfigDict(coerce_numbers_to_str=True)


class SalesOrderPost(_ErpBody):
    sales_order_number: str = Field(min_length=1, max_length=64)
    po_number: str = Field("", max_length=64)
    customer_accounting_id: str = Field(min_length=1, max_length=64)
    salesperson: str = Field("", max_length=200)
    territory: str = Field("", max_length=64)
    order_date: str = Field(max_length=10, examples=["2026-11-21"])
    ship_date: str = Field("", max_length=10, description='"" until shipped')
    total_amount: str = Field(max_length=32, examples=["32065.01"])
    currency: str = Field("", max_length=3, description='ISO 4217; "" means USD')


class FinancePost(_ErpBody):
    customer_accounting_id: str = Field(min_length=1, max_length=64)
    as_of_date: str = Field(max_length=10, examples=["2026-11-21"])
    mtd_sales: str = Field(max_length=32)
    ytd_sales: str = Field(max_length=32)
    prior_ytd_sales: str = Field(max_length=32)
    credit_limit: str = Field(max_length=32)
    past_due_amount: str = Field(max_length=32)
    currency: str = Field("", max_length=3)


class LocationPost(_ErpBody):
    ship_to_id: str = Field(min_length=1, max_length=64)
    customer_accounting_id: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1, max_length=200)
    subtype: str = Field(max_length=20, description="office | kiosk_location")
    street: str = Field("", max_length=200)
    city: str = Field("", max_length=100)
    state: str = Field("", max_length=100, description="decides the territory")
    postal_code: str = Field("", max_length=20)
    country: str = Field("", max_length=100)
    phone: str = Field("", max_length=50)
    active: bool = True


class KioskPost(_ErpBody):
    serial_number: str = Field(min_length=1, max_length=100)
    ship_to_id: str = Field(min_length=1, max_length=64)
    model: str = Field("", max_length=100)
    operating_system: str = Field("", max_length=100)
    software_version: str = Field("", max_length=100)
    install_date: str = Field("", max_length=10)
    warranty_end_date: str = Field("", max_length=10)


class ErpOutcome(BaseModel):
    key: str = Field(description="the record's ERP key")
    outcome: str = Field(description="created | updated | unchanged")
