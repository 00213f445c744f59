"""Search and matching keys, stored beside their record so an index can serve the search.

MOB-1: what a contact is found by. Each key holds one entry per name, address or phone, separated by
a space, so a match never spans two of them. Names fold case and accents, addresses case, phones
keep their digits only.

Imports (MatchDirectory): an account's `company_key`, so that "ACME KIOSKS INC." in a legacy export
finds the account "Acme Kiosks".
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from crmkit.errors import InvalidInput

MIN_PHONE_DIGITS = 4
MAX_QUERY_LENGTH = 200
_NOT_DIGIT = re.compile(r"\D")
_SPACES = re.compile(r"\s+")
_LEGAL_FORMS = frozenset({"inc", "incorporated", "llc", "ltd", "limited", "co", "company", "corp",
                          "corporation", "plc", "lp", "llp", "pllc", "pc", "gmbh", "ag", "sa", "sarl",
                          "bv", "nv", "pty", "ulc"})
_APOSTROPHES = re.compile(r"['’`´]")
_NOT_WORD = re.compile(r"[^0-9a-z]+")


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
    return _joined(email_lookup_key(a) for a in addresses)


def phone_key(numbers: Iterable[str]) -> str:
    return _joined(digits(n) for n in numbers)


@lru_cache(maxsize=4096)
def company_key(name: str) -> str:
    """The matching key of a company name: case and accents folded, "&" read as "and", apostrophes
    and dots dropped ("L.L.C." is "llc", "O'Neil" "oneil"), any other punctuation a space, then
    legal-form words at the end removed, repeatedly, keeping at least one word: "ACME KIOSKS INC."
    and "Acme Kiosks" both give "acme kiosks", "Foo Co Inc." gives "foo", "Company" stays "company".

    It gives the same key as the integration service's `normalised_company_name`
    (crm_integration.domain.feeds.names), whose rules and legal-form list are copied here (services
    never import each other): the keys that service computes match the ones stored on accounts.
    Change both together. Migration 0005 holds a copy as of that revision for its backfill.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().replace("&", " and ")
    text = _APOSTROPHES.sub("", text).replace(".", "")
    words = _NOT_WORD.sub(" ", text).split()
    while len(words) > 1 and words[-1] in _LEGAL_FORMS:
        words.pop()
    return " ".join(words)


def email_lookup_key(address: str) -> str:
    """An address as the contacts' email key holds it (see email_key): trimmed, case folded."""
    return address.strip().casefold()


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
