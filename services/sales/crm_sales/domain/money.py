"""Money in the sales service: exact decimals with an ISO 4217 currency, never floats.

Rounding: half-up to the currency's minor unit (2 digits unless listed below), applied wherever an
amount is taken in or computed; JSON and protos carry amounts as decimal strings.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from crmkit.errors import InvalidInput

# ISO 4217 currencies whose minor unit is not 2 digits (the rest, USD, EUR, CNY, ..., have 2).
_MINOR_DIGITS = {**dict.fromkeys(("BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX",
                                  "VND", "VUV", "XAF", "XOF", "XPF"), 0),
                 **dict.fromkeys(("BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"), 3)}
MAX_AMOUNT = Decimal("9999999999999999.99")  # NUMERIC(18, 2)


def canonical_currency(value: str, field: str = "currency") -> str:
    code = value.strip().upper()
    if len(code) != 3 or not code.isalpha() or not code.isascii():
        raise InvalidInput(f"{value!r} is not an ISO 4217 currency code (three letters, e.g. USD)", field=field)
    return code


def minor_digits(currency: str) -> int:
    return _MINOR_DIGITS.get(currency, 2)


def round_money(amount: Decimal, currency: str) -> Decimal:
    """`amount` rounded half-up to the currency's minor unit."""
    return amount.quantize(Decimal(1).scaleb(-minor_digits(currency)), rounding=ROUND_HALF_UP)


def parse_amount(value: str | Decimal, currency: str, field: str = "amount") -> Decimal:
    """A non-negative amount from its decimal text, rounded to the currency's minor unit."""
    try:
        amount = value if isinstance(value, Decimal) else Decimal(value.strip())
    except InvalidOperation:
        raise InvalidInput(f"{value!r} is not a decimal amount (e.g. 1250.00)", field=field) from None
    if not amount.is_finite() or amount < 0 or amount > MAX_AMOUNT:
        raise InvalidInput(f"an amount is a decimal from 0 to {MAX_AMOUNT}", field=field)
    return round_money(amount, currency)
