"""Cleaning of what callers send: trim, canonicalise, bound lengths, refuse what cannot be stored.

Every problem in one request is reported together, each naming its field.
"""
from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date
from urllib.parse import urlsplit

from crmkit.errors import FieldProblem, InvalidInput
from email_validator import EmailNotValidError, validate_email

from crm_accounts.domain.commands import AccountData, ContactData, EmailInput, KioskData, PhoneInput
from crm_accounts.domain.hierarchy import SUBTYPES

TYPES = ("prospect", "customer", "vendor", "competitor")
ACCOUNT_STATUSES = ACTIVE, INACTIVE = ("active", "inactive")
ROLES = ("IT", "Executive Management", "Marketing")  # the values leads carry (CON-1)
PHONE_TYPES = ("work", "mobile", "home", "fax", "other")
SHARE_ACCESS = ("read", "edit")
NAME_MAX, SHORT_MAX, URL_MAX = 200, 100, 500
MAX_EMAILS, MAX_PHONES = 10, 10
_UPPER_CASE = ("state", "country")
_LIMITS: dict[str, int] = {
    "name": NAME_MAX, "customer_accounting_id": SHORT_MAX, "street": NAME_MAX, "city": SHORT_MAX,
    "state": SHORT_MAX, "postal_code": 20, "country": SHORT_MAX, "phone": 50, "website": URL_MAX,
    "owner_id": 64, "erp_ship_to_id": SHORT_MAX, "first_name": NAME_MAX, "last_name": NAME_MAX, "title": NAME_MAX,
    "linkedin_url": URL_MAX, "legacy_id": SHORT_MAX, "serial_number": SHORT_MAX, "model": SHORT_MAX,
    "operating_system": SHORT_MAX, "software_version": SHORT_MAX,
}


def canonical_key(value: str) -> str:
    """Case, underscores, hyphens and repeated spaces do not matter in enumerated values."""
    return " ".join(value.replace("_", " ").replace("-", " ").lower().split())


def canonical(value: str, allowed: tuple[str, ...], field: str) -> str:
    found = {canonical_key(option): option for option in allowed}.get(canonical_key(value))
    if found is None:
        shown = ", ".join(option or '"" (company)' for option in allowed)
        raise InvalidInput(f"must be one of: {shown}", field=field)
    return found


def canonical_subtype(value: str, field: str = "subtype") -> str:
    """"" and "company" both name a company."""
    return "" if canonical_key(value) in ("", "company") else canonical(value, SUBTYPES, field)


def clean_uuid(field: str, value: str, *, required: bool = False) -> str:
    """An id: a UUID in canonical form, or "" when allowed."""
    value = value.strip()
    if not value and not required:
        return ""
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise InvalidInput("must be a UUID", field=field) from None


def clean_account_data(data: AccountData) -> AccountData:
    problems: list[FieldProblem] = []
    cleaned = _clean_texts(data.given(), problems)
    if "type" in cleaned:
        _collect(problems, lambda: canonical(str(cleaned["type"]), TYPES, "type"), cleaned, "type")
    if "subtype" in cleaned:
        _collect(problems, lambda: canonical_subtype(str(cleaned["subtype"])), cleaned, "subtype")
    if "parent_id" in cleaned:
        _collect(problems, lambda: clean_uuid("parent_id", str(cleaned["parent_id"])), cleaned, "parent_id")
    for name in _UPPER_CASE:
        if name in cleaned:
            cleaned[name] = str(cleaned[name]).upper()
    if cleaned.get("website"):
        _check_url("website", str(cleaned["website"]), problems, bare_host=True)
    _raise(problems, "the account data is not valid")
    return replace(data, **cleaned)  # type: ignore[arg-type]


def clean_contact_data(data: ContactData) -> ContactData:
    problems: list[FieldProblem] = []
    cleaned = _clean_texts(data.given(), problems)
    if cleaned.get("role"):
        _collect(problems, lambda: canonical(str(cleaned["role"]), ROLES, "role"), cleaned, "role")
    if "status" in cleaned:
        _collect(problems, lambda: canonical(str(cleaned["status"]), ACCOUNT_STATUSES, "status"), cleaned, "status")
    if cleaned.get("linkedin_url"):
        _check_url("linkedin_url", str(cleaned["linkedin_url"]), problems)
    if data.emails is not None:
        cleaned["emails"] = _clean_emails(data.emails, problems)
    if data.phones is not None:
        cleaned["phones"] = _clean_phones(data.phones, problems)
    _raise(problems, "the contact data is not valid")
    return replace(data, **cleaned)  # type: ignore[arg-type]


def clean_kiosk_data(data: KioskData) -> KioskData:
    problems: list[FieldProblem] = []
    cleaned = _clean_texts(data.given(), problems)
    for name in ("install_date", "warranty_end_date"):
        if cleaned.get(name):
            _collect(problems, lambda: parse_date(name, str(cleaned[name])).isoformat(), cleaned, name)
    if "location_account_id" in cleaned:
        _collect(problems, lambda: clean_uuid("location_account_id", str(cleaned["location_account_id"]),
                                              required=True), cleaned, "location_account_id")
    if "serial_number" in cleaned and not cleaned["serial_number"]:
        problems.append(FieldProblem("serial_number", "is required"))
    _raise(problems, "the kiosk data is not valid")
    return replace(data, **cleaned)  # type: ignore[arg-type]


def parse_date(field: str, value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput("must be a date YYYY-MM-DD", field=field) from None


def clean_account_text(name: str, value: str) -> str:
    """One text field of an account, cleaned as clean_account_data cleans it (trimmed, bounded, no NUL;
    state and country upper-cased), for callers cleaning field by field (the ERP imports)."""
    value = value.strip()
    found = _text_problems(name, value)
    if found:
        raise InvalidInput(found[0], field=name)
    return value.upper() if name in _UPPER_CASE else value


def _text_problems(name: str, value: str) -> list[str]:
    """What is wrong with a trimmed text value: over its limit, or containing NUL."""
    found = []
    if len(value) > _LIMITS.get(name, NAME_MAX):
        found.append(f"at most {_LIMITS.get(name, NAME_MAX)} characters")
    if "\x00" in value:
        found.append("must not contain NUL characters")
    return found


def _clean_texts(values: dict[str, object], problems: list[FieldProblem]) -> dict[str, object]:
    """Trim every text value; refuse text over its limit or containing NUL."""
    cleaned: dict[str, object] = {}
    for name, value in values.items():
        if isinstance(value, str):
            value = value.strip()
            problems.extend(FieldProblem(name, message) for message in _text_problems(name, value))
        cleaned[name] = value
    return cleaned


def _clean_emails(emails: tuple[EmailInput, ...], problems: list[FieldProblem]) -> tuple[EmailInput, ...]:
    """Valid, distinct (ignoring case) addresses; at most one primary, put first (the first given
    is primary when none is flagged)."""
    seen: set[str] = set()
    out: list[EmailInput] = []
    for item in emails:
        address = item.address.strip()
        try:
            validate_email(address, check_deliverability=False)
        except EmailNotValidError as exc:
            problems.append(FieldProblem("emails", f"{address!r} is not a valid email address: {exc}"))
            continue
        if address.lower() not in seen:
            seen.add(address.lower())
            out.append(EmailInput(address, item.primary))
    if sum(e.primary for e in out) > 1:
        problems.append(FieldProblem("emails", "only one email can be the primary"))
    if len(out) > MAX_EMAILS:
        problems.append(FieldProblem("emails", f"at most {MAX_EMAILS} emails"))
    out.sort(key=lambda e: not e.primary)
    return tuple(EmailInput(e.address, n == 0) for n, e in enumerate(out))


def _clean_phones(phones: tuple[PhoneInput, ...], problems: list[FieldProblem]) -> tuple[PhoneInput, ...]:
    out: list[PhoneInput] = []
    for item in phones:
        number, extension = item.number.strip(), item.extension.strip()
        if not number or len(number) > 50 or len(extension) > 20:
            problems.append(FieldProblem("phones", "a phone needs a number (at most 50 characters, extension 20)"))
            continue
        try:
            kind = canonical(item.type or "work", PHONE_TYPES, "phones")
        except InvalidInput as exc:
            problems.extend(exc.problems)
            continue
        out.append(PhoneInput(number, kind, extension))
    if len(out) > MAX_PHONES:
        problems.append(FieldProblem("phones", f"at most {MAX_PHONES} phones"))
    return tuple(out)


def _collect(problems: list[FieldProblem], clean, cleaned: dict[str, object], name: str) -> None:
    try:
        cleaned[name] = clean()
    except InvalidInput as exc:
        problems.extend(exc.problems)


def _check_url(field: str, url: str, problems: list[FieldProblem], *, bare_host: bool = False) -> None:
    """An http(s) URL; a website may also be a bare host name such as example.com."""
    parts = urlsplit(url if "://" in url or not bare_host else f"https://{url}")
    if parts.scheme.lower() not in ("http", "https") or "." not in parts.netloc or " " in url:
        problems.append(FieldProblem(field, "must be an http(s) URL"))


def _raise(problems: list[FieldProblem], detail: str) -> None:
    if problems:
        raise InvalidInput(detail, problems=problems)
