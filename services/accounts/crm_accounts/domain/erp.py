"""The ERP's figures on an account: sales-order headers (ACC-3) and finance (ACC-4).

The ERP is their source of truth; this service keeps a copy keyed as the ERP keys them (sales
order number; customer accounting ID + as-of date) and attaches each to the account whose
customer accounting ID it names. Batches are cleaned row by row: one bad row fails alone and
names its field, the others go through (INT-1).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import partial
from typing import Any, TypeVar

from crmkit.errors import InvalidInput
from crmkit.fields import checked_text

CREATED, UPDATED, UNCHANGED, SKIPPED, FAILED = "created", "updated", "unchanged", "skipped", "failed"
DEFAULT_CURRENCY = "USD"
HISTORY_YEARS = 2  # ACC-3: an account shows the orders of the past two years
KEY_MAX, TEXT_MAX = 64, 200
_AMOUNT_LIMIT = Decimal("1e13")  # numeric(15, 2)
_CENTS = Decimal("0.01")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_GROUPED = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d*)?$")


@dataclass(frozen=True)
class SalesOrder:
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
class Finance:
    customer_accounting_id: str
    as_of_date: date
    mtd_sales: Decimal
    ytd_sales: Decimal
    prior_ytd_sales: Decimal
    credit_limit: Decimal
    past_due_amount: Decimal
    currency: str

    @property
    def key(self) -> str:
        return f"{self.customer_accounting_id}@{self.as_of_date.isoformat()}"


FINANCE_AMOUNTS = ("mtd_sales", "ytd_sales", "prior_ytd_sales", "credit_limit", "past_due_amount")
SALES_ORDER_FIELDS = tuple(f.name for f in fields(SalesOrder))
FINANCE_FIELDS = tuple(f.name for f in fields(Finance))


@dataclass(frozen=True)
class Outcome:
    """One row's fate in a batch (created | updated | unchanged | skipped | failed)."""

    key: str
    outcome: str
    field: str = ""
    reason: str = ""


class _Problems:
    """Collects the first problem of a row while its fields are cleaned."""

    def __init__(self) -> None:
        self.first: InvalidInput | None = None

    def take(self, clean: Callable[[], object]):
        try:
            return clean()
        except InvalidInput as exc:
            self.first = self.first or exc
            return None


def clean_text(value: str, field: str, *, required: bool = False, limit: int = TEXT_MAX) -> str:
    """A value of an ERP record: crmkit.fields.checked_text, the ERP's default limit."""
    return checked_text(field, value, limit, required=required)


def clean_key(value: str, field: str) -> str:
    """One of the ERP's keys (an order number, a customer accounting ID, a ship-to ID): required."""
    return clean_text(value, field, required=True, limit=KEY_MAX)


def clean_date(value: str, field: str, *, required: bool = True) -> date | None:
    value = value.strip()
    if not value and not required:
        return None
    try:
        return date.fromisoformat(value) if len(value) == 10 else _bad_date(field)
    except ValueError:
        return _bad_date(field)


def _bad_date(field: str):
    raise InvalidInput("must be a real date as YYYY-MM-DD", field=field)


def amount(value: str, field: str) -> Decimal:
    """Decimal text with at most two places; commas are taken only as thousands separators in
    their places ("1,000,000.00"), so "2,5" is refused rather than read as 25."""
    value = value.strip()
    if _GROUPED.match(value):
        value = value.replace(",", "")
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise InvalidInput("must be a decimal amount such as 1234.50", field=field) from None
    if not number.is_finite() or abs(number) >= _AMOUNT_LIMIT or number != number.quantize(_CENTS):
        raise InvalidInput("must be an amount below 10^13 with at most two decimal places", field=field)
    return number.quantize(_CENTS)


def _currency(value: str) -> str:
    value = value.strip().upper() or DEFAULT_CURRENCY
    if not _CURRENCY.match(value):
        raise InvalidInput("must be a three-letter ISO 4217 code", field="currency")
    return value


def clean_sales_order(raw: dict[str, str]) -> SalesOrder:
    """A sales-order header from the text the ERP sent; InvalidInput names the first bad field."""
    problems = _Problems()
    values = {
        "sales_order_number": problems.take(lambda: clean_text(raw["sales_order_number"], "sales_order_number",
                                                               required=True, limit=KEY_MAX)),
        "po_number": problems.take(lambda: clean_text(raw["po_number"], "po_number", limit=KEY_MAX)),
        "customer_accounting_id": problems.take(lambda: clean_key(raw["customer_accounting_id"],
                                                                  "customer_accounting_id")),
        "salesperson": problems.take(lambda: clean_text(raw["salesperson"], "salesperson")),
        "territory": problems.take(lambda: clean_text(raw["territory"], "territory", limit=KEY_MAX).upper()),
        "order_date": problems.take(lambda: clean_date(raw["order_date"], "order_date")),
        "ship_date": problems.take(lambda: clean_date(raw["ship_date"], "ship_date", required=False)),
        "total_amount": problems.take(lambda: amount(raw["total_amount"], "total_amount")),
        "currency": problems.take(lambda: _currency(raw["currency"])),
    }
    if problems.first is None and values["ship_date"] and values["ship_date"] < values["order_date"]:
        problems.first = InvalidInput("must not be before the order date", field="ship_date")
    if problems.first is not None:
        raise problems.first
    return SalesOrder(**values)


def clean_finance(raw: dict[str, str]) -> Finance:
    """Finance figures from the text the ERP sent; InvalidInput names the first bad field."""
    problems = _Problems()
    values: dict[str, object] = {
        "customer_accounting_id": problems.take(lambda: clean_key(raw["customer_accounting_id"],
                                                                  "customer_accounting_id")),
        "as_of_date": problems.take(lambda: clean_date(raw["as_of_date"], "as_of_date")),
        "currency": problems.take(lambda: _currency(raw["currency"])),
    }
    for name in FINANCE_AMOUNTS:
        values[name] = problems.take(partial(amount, raw[name], name))
    if problems.first is not None:
        raise problems.first
    return Finance(**values)  # type: ignore[arg-type]


Row = TypeVar("Row")


def clean_batch(raws: Sequence[dict[str, Any]], clean: Callable[[dict], Row],
                key: Callable[[Row], str], raw_key: Callable[[dict], str],
                ) -> tuple[list[Outcome | None], dict[int, Row]]:
    """Clean every row of a batch: answers an outcome per row (None: still to be decided by the
    store) and the rows to store by position. A key repeated in the batch is stored once, from its
    last occurrence; the earlier ones are skipped."""
    outcomes: list[Outcome | None] = [None] * len(raws)
    cleaned: dict[int, Row] = {}
    last: dict[str, int] = {}
    for index, raw in enumerate(raws):
        try:
            row = clean(raw)
        except InvalidInput as exc:
            problem = exc.problems[0]
            outcomes[index] = Outcome(raw_key(raw), FAILED, problem.field, problem.message)
            continue
        cleaned[index] = row
        last[key(row)] = index
    for index, row in list(cleaned.items()):
        if last[key(row)] != index:
            outcomes[index] = Outcome(key(row), SKIPPED, reason="repeated later in the same batch")
            del cleaned[index]
    return outcomes, cleaned


def history_start(today: date) -> date:
    """The first day of the order history an account shows: the same day HISTORY_YEARS ago."""
    try:
        return today.replace(year=today.year - HISTORY_YEARS)
    except ValueError:  # 29 February
        return today.replace(year=today.year - HISTORY_YEARS, day=28)



@dataclass(frozen=True)
class Stored:
    """A row of the ERP's figures as this service keeps it: on the account its customer
    accounting ID named, as of the last time it changed."""

    row: SalesOrder | Finance
    account_id: str
    updated_at: datetime
