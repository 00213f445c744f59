"""Parsing one cell's text into a canonical value. Every parser takes text already stripped of
surrounding white space and raises ValueError whose message is the reason shown to an admin.

Dates are ISO 8601 `YYYY-MM-DD` only: it is what every real feed carries, and accepting 03/04/2025
would mean guessing between March and April. Amounts take a thousands separator only where it
groups three digits, so "1,000,000.00" reads and "1,00" does not.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from crmkit import fields

DEFAULT_CURRENCY = "USD"
AMOUNT_LIMIT = Decimal("1e13")  # numeric(15, 2), as the accounts service stores amounts
CENTS = Decimal("0.01")

_DATETIME = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?")
_AMOUNT = re.compile(r"([+-]?)\$?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)")
_CURRENCY = re.compile(r"[A-Z]{3}")
_EMAIL_SEPARATORS = re.compile(r"[;,\s]+")
_COUNTRY_ALIASES = {
    "USA": "US", "U.S.": "US", "U.S.A.": "US", "UNITED STATES": "US", "UNITED STATES OF AMERICA": "US",
    "CAN": "CA", "CANADA": "CA",
}
_TRUE = frozenset({"Y", "YES", "TRUE", "T", "1", "ACTIVE"})
_FALSE = frozenset({"N", "NO", "FALSE", "F", "0", "INACTIVE"})


class Phone(NamedTuple):
    """A phone number as written (white space collapsed), its extension, and its kind (work or
    mobile, the values the accounts service's contacts use)."""

    number: str
    extension: str = ""
    type: str = "work"

    @property
    def text(self) -> str:
        """One string for a single phone field: "404-644-0270 x12"."""
        return f"{self.number} x{self.extension}" if self.extension else self.number


def shown(text: str, limit: int = 40) -> str:
    """A value quoted for a reason, cut short so a runaway cell cannot flood the failed-row export."""
    return repr(text if len(text) <= limit else text[:limit] + "…")


def parse_date(text: str) -> date:
    """A real calendar date written YYYY-MM-DD."""
    if not (len(text) == 10 and text[4] == text[7] == "-" and text.isascii()
            and (text[:4] + text[5:7] + text[8:]).isdigit()):
        raise ValueError(f"not a date written YYYY-MM-DD: {shown(text)}")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"not a real date: {shown(text)}") from None


def parse_datetime(text: str) -> datetime:
    """`YYYY-MM-DD HH:MM[:SS]` (or with a T), or a bare date meaning midnight; naive, as written."""
    match = _DATETIME.fullmatch(text)
    if not match:
        raise ValueError(f"not a date and time written YYYY-MM-DD HH:MM: {shown(text)}")
    try:
        year, month, day, hour, minute, second = (int(part or 0) for part in match.groups())
        return datetime(year, month, day, hour, minute, second)
    except ValueError:
        raise ValueError(f"not a real date and time: {shown(text)}") from None


def parse_amount(text: str) -> Decimal:
    """A money amount quantised to cents: "1,000,000.00", "-12.5", "$40", "(1,200.00)" (negative,
    as accounting exports write it). More than two significant decimals is refused, not rounded:
    an ERP that sends them means something we do not know."""
    value = text.strip()
    negative = value.startswith("(") and value.endswith(")")
    if negative:
        value = value[1:-1].strip()
    match = _AMOUNT.fullmatch(value)
    if not match:
        raise ValueError(f"not an amount: {shown(text)} (expected a number such as 1,234.50)")
    sign, digits = match.groups()
    if negative and sign:
        raise ValueError(f"not an amount: {shown(text)} (two signs)")
    try:
        number = Decimal(digits.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimal text
        raise ValueError(f"not an amount: {shown(text)}") from None
    if number != number.quantize(CENTS):
        raise ValueError(f"more than two decimal places: {shown(text)}")
    if number >= AMOUNT_LIMIT:
        raise ValueError(f"too large an amount: {shown(text)}")
    if negative or sign == "-":
        number = -number
    return number.quantize(CENTS) + 0  # + 0 turns -0.00 into 0.00


def parse_currency(text: str) -> str:
    """An ISO 4217 code, upper-cased; blank means USD."""
    code = text.strip().upper() or DEFAULT_CURRENCY
    if not _CURRENCY.fullmatch(code):
        raise ValueError(f"not a three-letter currency code: {shown(text)}")
    return code


def parse_email(text: str) -> str:
    """A syntactically valid address in its normal form (crmkit.fields.parse_email: no DNS lookup,
    domain lower-cased): the accounts and leads services clean it the same way, so a record this
    reader passes is not refused there."""
    try:
        return fields.parse_email(text)
    except ValueError as exc:
        raise ValueError(f"not a valid email address: {shown(text)} ({exc})") from None


def parse_email_list(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A '; '-list (commas and spaces also separate) as (valid addresses, broken entries); valid
    ones keep their order, repeats (ignoring case) are dropped."""
    valid: list[str] = []
    broken: list[str] = []
    seen: set[str] = set()
    for entry in _EMAIL_SEPARATORS.split(text.strip()):
        if not entry:
            continue
        try:
            address = parse_email(entry)
        except ValueError:
            broken.append(entry)
            continue
        if fields.email_key(address) not in seen:
            seen.add(fields.email_key(address))
            valid.append(address)
    return tuple(valid), tuple(broken)


def parse_phone(text: str, *, type: str = "work", region: str = fields.DEFAULT_REGION) -> Phone:
    """A phone number of `region` (or with +, of any country) written with the usual separators
    ("(404) 644-0270", "+1 713 736 6815", "212.772.5963"); an extension written after it ("x12",
    "ext. 12") is split off (crmkit.fields.parse_phone). Kept as written apart from white space:
    search matches phones on their digits anyway."""
    try:
        phone = fields.parse_phone(text, region=region)
    except ValueError as exc:
        raise ValueError(f"not a phone number: {shown(text)} ({exc})") from None
    return Phone(phone.number, phone.extension, type)


def parse_extension(text: str) -> str:
    """A phone extension: digits, an optional leading x or ext. is dropped."""
    try:
        return fields.parse_extension(text)
    except ValueError as exc:
        raise ValueError(f"not a phone extension: {shown(text)} ({exc})") from None


def parse_flag(text: str) -> bool:
    """Y/N (also Yes/No, True/False, 1/0, Active/Inactive)."""
    value = text.strip().upper()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(f"not Y or N: {shown(text)}")


def parse_country(text: str) -> str:
    """A two-letter ISO 3166 code, upper-cased; USA/Canada spelled out are understood."""
    value = " ".join(text.split()).upper()
    value = _COUNTRY_ALIASES.get(value, value)
    if len(value) != 2 or not value.isalpha() or not value.isascii():
        raise ValueError(f"not a two-letter country code: {shown(text)}")
    return value


def canonical_state(text: str) -> str:
    """A state or province as its code is usually written: upper case ("nd" -> "ND")."""
    return " ".join(text.split()).upper()


def canonical_postal_code(text: str) -> str:
    """Upper case, single spaces; kept as text so that "06986" keeps its leading zero."""
    return " ".join(text.split()).upper()


def country_of_postal_code(postal_code: str) -> str:
    """US for a ZIP (12345, 12345-6789), CA for a Canadian code (A1A 1A1), "" otherwise."""
    if re.fullmatch(r"\d{5}(?:-\d{4})?", postal_code):
        return "US"
    if re.fullmatch(r"[A-Z]\d[A-Z] ?\d[A-Z]\d", postal_code):
        return "CA"
    return ""
