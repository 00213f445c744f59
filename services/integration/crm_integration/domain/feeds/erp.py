"""The ERP's CSV exports (INT-1, INT-2, INT-3; ACC-2..5): customers, ship-to locations, kiosks,
sales-order headers and customer finance figures.

Every column the real exports carry is required: a header without one is refused rather than
read as blanks, which would wipe values on update. What a row refers to (a customer, a ship-to)
is checked by the owning service, which knows what exists: here it is only text.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from crmkit.fields import canonical_key, region_of
from crmkit.fields import company_key as company_key_of

from crm_integration.domain.feeds.cells import ID_MAX, SHORT_MAX, RowCells
from crm_integration.domain.feeds.model import Column, Feed
from crm_integration.domain.feeds.values import (
    DEFAULT_CURRENCY,
    canonical_postal_code,
    canonical_state,
    parse_amount,
    parse_country,
    parse_currency,
    parse_date,
    parse_flag,
    parse_phone,
    shown,
)

OFFICE, KIOSK_LOCATION = "office", "kiosk_location"  # the accounts service's location subtypes (ACC-2)
_LOCATION_TYPES = {"office": OFFICE, "kiosk": KIOSK_LOCATION, "kiosk location": KIOSK_LOCATION}  # canonical keys


@dataclass(frozen=True)
class CustomerRecord:
    """A row of customers.csv: a parent account (ACC-2)."""

    customer_accounting_id: str
    name: str
    segment: str  # lower case as the ERP names it: "commercial", "government"
    hq_state: str
    active: bool

    @property
    def company_key(self) -> str:
        """crmkit.fields.company_key(name): what a legacy company is matched on (MIG-1)."""
        return company_key_of(self.name)


@dataclass(frozen=True)
class LocationRecord:
    """A row of ship_to_locations.csv: a location account under its customer (INT-2, ACC-1)."""

    ship_to_id: str
    customer_accounting_id: str
    name: str
    subtype: str  # "office" or "kiosk_location", from the file's location_type
    street: str
    city: str
    state: str  # may be blank: the location then has no territory until someone fills it in
    postal_code: str
    country: str
    phone: str
    active: bool


@dataclass(frozen=True)
class KioskRecord:
    """A row of kiosks.csv (INT-3, ACC-5)."""

    serial_number: str
    ship_to_id: str
    model: str
    operating_system: str
    software_version: str
    install_date: date | None
    warranty_end_date: date | None


@dataclass(frozen=True)
class SalesOrderRecord:
    """A sales-order header (ACC-3, INT-1). `po_number` is exactly as sent, formulas included."""

    sales_order_number: str
    po_number: str
    customer_accounting_id: str
    salesperson: str
    territory: str
    order_date: date
    ship_date: date | None
    total_amount: Decimal
    currency: str


@dataclass(frozen=True)
class FinanceRecord:
    """A customer's finance figures as of a day (ACC-4, INT-1)."""

    customer_accounting_id: str
    as_of_date: date
    mtd_sales: Decimal
    ytd_sales: Decimal
    prior_ytd_sales: Decimal
    credit_limit: Decimal
    past_due_amount: Decimal
    currency: str  # the file carries none today: USD, as for a blank sales-order currency


def _id(row: RowCells, column: str, *, required: bool = True) -> str:
    return row.text(column, required=required, limit=ID_MAX)


def parse_customer(row: RowCells) -> CustomerRecord | None:
    record = CustomerRecord(
        customer_accounting_id=_id(row, "customer_accounting_id"),
        name=row.text("name", required=True),
        segment=row.text("segment", limit=SHORT_MAX).lower(),
        hq_state=canonical_state(row.text("hq_state", limit=SHORT_MAX)),
        active=bool(row.value("active", parse_flag, required=True)),
    )
    return None if row.failed else record


def _location_type(text: str) -> str:
    subtype = _LOCATION_TYPES.get(canonical_key(text))
    if subtype is None:
        raise ValueError(f"not a location type: {shown(text)} (OFFICE or KIOSK)")
    return subtype


def parse_location(row: RowCells) -> LocationRecord | None:
    state = canonical_state(row.text("state", limit=SHORT_MAX))
    if not state:
        row.warn("state", "blank: the location gets no territory until a state is filled in")
    country = row.value("country", parse_country) or ""
    phone = row.optional("phone", lambda text: parse_phone(text, region=region_of(country)))
    record = LocationRecord(
        ship_to_id=_id(row, "ship_to_id"),
        customer_accounting_id=_id(row, "customer_accounting_id"),
        name=row.text("location_name", required=True),
        subtype=row.value("location_type", _location_type, required=True) or "",
        street=row.text("street"),
        city=row.text("city", limit=SHORT_MAX),
        state=state,
        postal_code=canonical_postal_code(row.text("postal_code", limit=20)),
        country=country,
        phone=phone.text if phone else "",
        active=bool(row.value("active", parse_flag, required=True)),
    )
    return None if row.failed else record


def parse_kiosk(row: RowCells) -> KioskRecord | None:
    record = KioskRecord(
        serial_number=_id(row, "serial_number"),
        ship_to_id=_id(row, "ship_to_id"),
        model=row.text("model", limit=SHORT_MAX),
        operating_system=row.text("operating_system", limit=SHORT_MAX),
        software_version=row.text("software_version", limit=SHORT_MAX),
        install_date=row.value("install_date", parse_date),
        warranty_end_date=row.value("warranty_end_date", parse_date),
    )
    if record.install_date and record.warranty_end_date and record.warranty_end_date < record.install_date:
        row.problem("warranty_end_date", "is before the install date")
    return None if row.failed else record


def parse_sales_order(row: RowCells) -> SalesOrderRecord | None:
    number = _id(row, "sales_order_number")
    po_number = row.text("po_number", limit=ID_MAX, verbatim=True)
    customer = _id(row, "customer_accounting_id")
    salesperson = row.text("salesperson")
    territory = row.text("territory", limit=ID_MAX).upper()
    order_date = row.value("order_date", parse_date, required=True)
    ship_date = row.value("ship_date", parse_date)
    total = row.value("total_amount", parse_amount, required=True)
    currency = row.value("currency", parse_currency) or DEFAULT_CURRENCY
    if order_date and ship_date and ship_date < order_date:
        row.problem("ship_date", "is before the order date")
    if row.failed or order_date is None or total is None:
        return None
    return SalesOrderRecord(number, po_number, customer, salesperson, territory, order_date, ship_date, total,
                            currency)


FINANCE_AMOUNTS = ("mtd_sales", "ytd_sales", "prior_ytd_sales", "credit_limit", "past_due_amount")


def parse_finance(row: RowCells) -> FinanceRecord | None:
    customer = _id(row, "customer_accounting_id")
    as_of = row.value("as_of_date", parse_date, required=True)
    amounts = {name: row.value(name, parse_amount, required=True) for name in FINANCE_AMOUNTS}
    currency = row.value("currency", parse_currency) or DEFAULT_CURRENCY
    if row.failed or as_of is None:
        return None
    return FinanceRecord(customer, as_of, currency=currency, **amounts)  # type: ignore[arg-type]


def _columns(*names: str, optional: tuple[str, ...] = ()) -> tuple[Column, ...]:
    return tuple(Column(n) for n in names) + tuple(Column(n, required=False) for n in optional)


CUSTOMERS = Feed(
    "erp-customers",
    _columns("customer_accounting_id", "name", "segment", "hq_state", "active"),
    CustomerRecord, parse_customer, key="customer_accounting_id",
    description="ERP customers: parent accounts (ACC-2)")
LOCATIONS = Feed(
    "erp-locations",
    _columns("ship_to_id", "customer_accounting_id", "location_name", "location_type", "street", "city",
             "state", "postal_code", "country", "phone", "active"),
    LocationRecord, parse_location, key="ship_to_id",
    description="ERP ship-to addresses: office and kiosk-location accounts under their customer (INT-2)")
KIOSKS = Feed(
    "erp-kiosks",
    _columns("serial_number", "ship_to_id", "model", "operating_system", "software_version", "install_date",
             "warranty_end_date"),
    KioskRecord, parse_kiosk, key="serial_number",
    description="ERP kiosk export per location (INT-3, ACC-5)")
SALES_ORDERS = Feed(
    "erp-sales-orders",
    _columns("sales_order_number", "po_number", "customer_accounting_id", "salesperson", "territory",
             "order_date", "ship_date", "total_amount", "currency"),
    SalesOrderRecord, parse_sales_order, key="sales_order_number",
    description="ERP sales-order headers, history and daily (INT-1, ACC-3)")
FINANCE = Feed(
    "erp-finance",
    _columns("customer_accounting_id", "as_of_date", *FINANCE_AMOUNTS, optional=("currency",)),
    FinanceRecord, parse_finance, key="customer_accounting_id",
    description="ERP daily customer finance figures (INT-1, ACC-4)")

FEEDS = (CUSTOMERS, LOCATIONS, KIOSKS, SALES_ORDERS, FINANCE)
