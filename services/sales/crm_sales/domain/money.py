"""Exact money for prices and quotes (GEN-10): Decimal amounts with an ISO 4217 currency, rounded
half-up to the currency's minor unit. One rounding rule for the whole sales service."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from crmkit.errors import InvalidInput

# Minor-unit exponents of ISO 4217 that differ from 2, plus the common two-decimal ones we accept.
_MINOR_UNITS: dict[str, int] = {
    "USD": 2, "EUR": 2, "GBP": 2, "CNY": 2, "HKD": 2, "SGD": 2, "AUD": 2, "CAD": 2, "CHF": 2,
    "SEK": 2, "NOK": 2, "DKK": 2, "INR": 2, "TWD": 2, "JPY": 0, "KRW": 0, "KWD": 3, "BHD": 3,
}


def minor_unit(currency: str) -> int:
    """Decimal places of the currency; an unknown code is bad input, not a guess."""
    try:
        return _MINOR_UNITS[currency]
    except KeyError:
        raise InvalidInput(f"unsupported currency {currency!r}", field="currency") from None


def check_currency(currency: str) -> str:
    minor_unit(currency)
    return currency


def round_money(amount: Decimal, currency: str) -> Decimal:
    """Half-up to the minor unit: 0.005 USD becomes 0.01, 0.5 JPY becomes 1."""
    return amount.quantize(Decimal(1).scaleb(-minor_unit(currency)), rounding=ROUND_HALF_UP)


def parse_decimal(text: str | int | Decimal, field: str, *, minimum: Decimal | None = Decimal(0),
                  maximum: Decimal | None = None) -> Decimal:
    """A decimal from an API string; anything not a finite number in range names its field."""
    try:
        value = Decimal(str(text).strip())
    except InvalidOperation:
        raise InvalidInput(f"{field} must be a decimal number, got {text!r}", field=field) from None
    if not value.is_finite():
        raise InvalidInput(f"{field} must be a finite number", field=field)
    if minimum is not None and value < minimum:
        raise InvalidInput(f"{field} must be at least {minimum}", field=field)
    if maximum is not None and value > maximum:
        raise InvalidInput(f"{field} must be at most {maximum}", field=field)
    return value
