"""Search keys, stored beside their record so an index can serve the search.

MOB-1: what a contact is found by. Each key holds one entry per name, address or phone, separated by
a space, so a match never spans two of them. Names fold case and accents, addresses case, phones
keep their digits only. An account's name key is its company key (crmkit.fields.company_key), so
that "ACME KIOSKS INC." in a legacy export finds the account "Acme Kiosks" (MatchDirectory).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from crmkit.errors import InvalidInput
from crmkit.fields import email_key as address_key
from crmkit.fields import fold

MIN_PHONE_DIGITS = 4
MAX_QUERY_LENGTH = 200
_NOT_DIGIT = re.compile(r"\D")


def digits(text: str) -> str:
    return _NOT_DIGIT.sub("", text)


def _joined(parts: Iterable[str]) -> str:
    return " ".join(p for p in parts if p)


def name_key(first_name: str, last_name: str) -> str:
    return _joined((fold(first_name), fold(last_name)))


def email_key(addresses: Iterable[str]) -> str:
    return _joined(address_key(a) for a in addresses)


def phone_key(numbers: Iterable[str]) -> str:
    return _joined(digits(n) for n in numbers)


@dataclass(frozen=True)
class SearchTerms:
    """A search as matched against the keys: `text` against names and emails, `phone_digits`
    (None: the query is not a phone number) against phones."""

    text: str
    phone_digits: str | None


def search_terms(query: str) -> SearchTerms:
    """The terms of a caller's query; InvalidInput (field `query`) when it is empty or too long."""
    if len(query) > MAX_QUERY_LENGTH:
        raise InvalidInput(f"query is at most {MAX_QUERY_LENGTH} characters", field="query")
    text = fold(query)
    if not text:
        raise InvalidInput("query is required", field="query")
    found = digits(query)
    return SearchTerms(text=text, phone_digits=found if len(found) >= MIN_PHONE_DIGITS else None)
