"""MOB-1 search keys: what a contact is found by, stored beside it so an index can serve the search.

Each key holds one entry per name, address or phone, separated by a space, so a match never spans
two of them. Names fold case and accents, addresses case, phones keep their digits only.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from crmkit.errors import InvalidInput

MIN_PHONE_DIGITS = 4
MAX_QUERY_LENGTH = 200
_NOT_DIGIT = re.compile(r"\D")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """`text` lower-cased without accents, its runs of white space one space: "Zoë  O'Brien" -> "zoe o'brien"."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", bare.casefold()).strip()


def digits(text: str) -> str:
    return _NOT_DIGIT.sub("", text)


def _joined(parts: Iterable[str]) -> str:
    return " ".join(p for p in parts if p)


def name_key(first_name: str, last_name: str) -> str:
    return _joined((fold(first_name), fold(last_name)))


def email_key(addresses: Iterable[str]) -> str:
    return _joined(a.strip().casefold() for a in addresses)


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
