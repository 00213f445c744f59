"""Cleaning of what callers send into accounts, contacts and kiosks: which fields, their limits and
canonical forms, through crmkit.fields (trimmed, no control characters, emails normalised, phones
numbers of the default region unless written with + or, for an account, given with their country).

Every problem in one request is reported together, each naming its field.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from crmkit.errors import FieldProblem, InvalidInput
from crmkit.fields import (
    DEFAULT_REGION,
    canonical,
    canonical_key,
    checked_text,
    clean_linkedin_url,
    clean_phone,
    clean_text,
    clean_uuid,
    clean_website,
    email_key,
    parse_email,
    parse_extension,
    parse_phone,
    raise_if,
    region_of,
)

from crm_accounts.domain.commands import AccountData, ContactData, EmailInput, KioskData, PhoneInput
from crm_accounts.domain.hierarchy import SUBTYPES

TYPES = ("prospect", "customer", "vendor", "competitor")
ACCOUNT_STATUSES = ACTIVE, INACTIVE = ("active", "inactive")
ROLES = ("IT", "Executive Management", "Marketing")  # the values leads carry (CON-1)
PHONE_TYPES = ("work", "mobile", "home", "fax", "other")
SHARE_ACCESS = ("read", "edit")
NAME_MAX, SHORT_MAX, URL_MAX, PHONE_MAX = 200, 100, 500, 50
MAX_EMAILS, MAX_PHONES = 10, 10
_UPPER_CASE = ("state", "country")
_LIMITS: dict[str, int] = {
    "name": NAME_MAX, "customer_accounting_id": SHORT_MAX, "street": NAME_MAX, "city": SHORT_MAX,
    "state": SHORT_MAX, "postal_code": 20, "country": SHORT_MAX, "phone": PHONE_MAX, "website": URL_MAX,
    "owner_id": 64, "erp_ship_to_id": SHORT_MAX, "first_name": NAME_MAX, "last_name": NAME_MAX, "title": NAME_MAX,
    "linkedin_url": URL_MAX, "legacy_id": SHORT_MAX, "serial_number": SHORT_MAX, "model": SHORT_MAX,
    "operating_system": SHORT_MAX, "software_version": SHORT_MAX,
}


def canonical_subtype(value: str, field: str = "subtype") -> str:
    """"" and "company" both name a company."""
    return "" if canonical_key(value) in ("", "company") else canonical(value, SUBTYPES, field, blank="company")


def clean_account_data(data: AccountData) -> AccountData:
    """A phone is read as a number of the country given with it (the default region when none is:
    a number of another country is then written with +)."""
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
    if cleaned.get("phone"):
        region = region_of(str(cleaned.get("country") or ""))
        cleaned["phone"] = clean_phone("phone", str(cleaned["phone"]), problems, region=region)
    if cleaned.get("website"):
        clean_website("website", str(cleaned["website"]), problems)
    raise_if(problems, "the account data is not valid")
    return replace(data, **cleaned)  # type: ignore[arg-type]


def clean_contact_data(data: ContactData) -> ContactData:
    problems: list[FieldProblem] = []
    cleaned = _clean_texts(data.given(), problems)
    if cleaned.get("role"):
        _collect(problems, lambda: canonical(str(cleaned["role"]), ROLES, "role"), cleaned, "role")
    if "status" in cleaned:
        _collect(problems, lambda: canonical(str(cleaned["status"]), ACCOUNT_STATUSES, "status"), cleaned, "status")
    if cleaned.get("linkedin_url"):
        clean_linkedin_url("linkedin_url", str(cleaned["linkedin_url"]), problems)
    if data.emails is not None:
        cleaned["emails"] = _clean_emails(data.emails, problems)
    if data.phones is not None:
        cleaned["phones"] = _clean_phones(data.phones, problems)
    raise_if(problems, "the contact data is not valid")
    return replace(data, **cleaned)  # type: ignore[arg-type]


def clean_kiosk_data(data: KioskData) -> KioskData:
    problems: list[FieldProblem] = []
    cleaned = _clean_texts(data.given(), problems)
    for name in ("install_date", "warranty_end_date"):
        if cleaned.get(name):
            _collect(problems, lambda name=name: parse_date(name, str(cleaned[name])).isoformat(), cleaned, name)
    if "location_account_id" in cleaned:
        _collect(problems, lambda: clean_uuid("location_account_id", str(cleaned["location_account_id"]),
                                              required=True), cleaned, "location_account_id")
    if "serial_number" in cleaned and not cleaned["serial_number"]:
        problems.append(FieldProblem("serial_number", "is required"))
    raise_if(problems, "the kiosk data is not valid")
    return replace(data, **cleaned)  # type: ignore[arg-type]


def parse_date(field: str, value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput("must be a date YYYY-MM-DD", field=field) from None


def clean_account_text(name: str, value: str, *, country: str = "") -> str:
    """One text field of an account, cleaned as clean_account_data cleans it (trimmed, bounded, no
    control characters; state and country upper-cased; a phone a number of `country`), for callers
    cleaning field by field (the ERP imports)."""
    value = checked_text(name, value, _LIMITS.get(name, NAME_MAX))
    if name == "phone" and value:
        problems: list[FieldProblem] = []
        value = clean_phone(name, value, problems, region=region_of(country))
        if problems:
            raise InvalidInput(problems[0].message, problems=problems)
    return value.upper() if name in _UPPER_CASE else value


def _clean_texts(values: dict[str, object], problems: list[FieldProblem]) -> dict[str, object]:
    """Every text value cleaned within its field's limit."""
    return {name: clean_text(name, value, _LIMITS.get(name, NAME_MAX), problems) if isinstance(value, str) else value
            for name, value in values.items()}


def _clean_emails(emails: tuple[EmailInput, ...], problems: list[FieldProblem]) -> tuple[EmailInput, ...]:
    """Valid, distinct (ignoring case) addresses in their normal form; at most one primary, put first
    (the first given is primary when none is flagged)."""
    seen: set[str] = set()
    out: list[EmailInput] = []
    for item in emails:
        try:
            address = parse_email(item.address)
        except ValueError as exc:
            problems.append(FieldProblem("emails", f"{item.address.strip()!r} is not a valid email address: {exc}"))
            continue
        if email_key(address) not in seen:
            seen.add(email_key(address))
            out.append(EmailInput(address, item.primary))
    if sum(e.primary for e in out) > 1:
        problems.append(FieldProblem("emails", "only one email can be the primary"))
    if len(out) > MAX_EMAILS:
        problems.append(FieldProblem("emails", f"at most {MAX_EMAILS} emails"))
    out.sort(key=lambda e: not e.primary)
    return tuple(EmailInput(e.address, n == 0) for n, e in enumerate(out))


def _clean_phones(phones: tuple[PhoneInput, ...], problems: list[FieldProblem]) -> tuple[PhoneInput, ...]:
    """Numbers of the default region (or written with +), each with its type; an extension written
    after the number ("x12") is moved to the extension."""
    out: list[PhoneInput] = []
    for item in phones:
        try:
            kind = canonical(item.type or "work", PHONE_TYPES, "phones")
            phone = parse_phone(item.number, region=DEFAULT_REGION)
            extension = parse_extension(item.extension) if item.extension.strip() else phone.extension
            if len(phone.number) > PHONE_MAX or (phone.extension and phone.extension != extension):
                raise ValueError(f"at most {PHONE_MAX} characters and one extension")
        except InvalidInput as exc:
            problems.extend(exc.problems)
            continue
        except ValueError as exc:
            problems.append(FieldProblem("phones", f"{item.number.strip()!r} is not a phone number: {exc}"))
            continue
        out.append(PhoneInput(phone.number, kind, extension))
    if len(out) > MAX_PHONES:
        problems.append(FieldProblem("phones", f"at most {MAX_PHONES} phones"))
    return tuple(out)


def _collect(problems: list[FieldProblem], clean, cleaned: dict[str, object], name: str) -> None:
    try:
        cleaned[name] = clean()
    except InvalidInput as exc:
        problems.extend(exc.problems)
