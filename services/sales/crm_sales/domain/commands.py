"""What a caller gives about an opportunity, cleaned into domain values (field-named 4xx on bad input)."""
from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from crmkit.errors import InvalidInput

from crm_sales.domain.money import canonical_currency, parse_amount


@dataclass(frozen=True)
class OpportunityData:
    """None: not given."""

    name: str | None = None
    type: str | None = None
    stage: str | None = None
    probability: int | None = None
    amount: str | None = None
    currency: str | None = None
    exchange_rate: str | None = None
    close_date: str | None = None
    committed: bool | None = None
    owner_id: str | None = None
    loss_reason: str | None = None
    description: str | None = None
    competitor_ids: tuple[str, ...] | None = None

    def given(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None}


def parse_date(value: str, field: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidInput(f"{value!r} is not a date (YYYY-MM-DD)", field=field) from None


def cleaned(data: OpportunityData, *, currency: str) -> dict[str, Any]:
    """The given values as the domain holds them; `currency` is the opportunity's (or the new one given)."""
    values = data.given()
    values.pop("competitor_ids", None)
    if "name" in values:
        values["name"] = values["name"].strip()
        if not values["name"]:
            raise InvalidInput("an opportunity needs a name", field="name")
    if "currency" in values:
        currency = values["currency"] = canonical_currency(values["currency"])
    if "amount" in values:
        values["amount"] = parse_amount(values["amount"], currency)
    if "exchange_rate" in values:
        try:
            rate = Decimal(values["exchange_rate"].strip())
        except InvalidOperation:
            rate = Decimal(0)
        if not rate.is_finite() or rate <= 0:
            raise InvalidInput("an exchange rate is a positive decimal", field="exchange_rate")
        values["exchange_rate"] = rate
    if "close_date" in values:
        values["close_date"] = parse_date(values["close_date"], "close_date")
    if "probability" in values and not 0 <= values["probability"] <= 100:
        raise InvalidInput("probability is a whole percentage from 0 to 100", field="probability")
    for name in ("type", "stage", "loss_reason", "owner_id"):
        if name in values:
            values[name] = values[name].strip()
    return values
