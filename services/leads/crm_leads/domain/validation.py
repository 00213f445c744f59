"""Cleaning of what people type: trim, canonicalise, bound lengths, refuse what cannot be stored.

Text is stored as given (markup included: escaping is the job of whoever renders it) apart from
surrounding whitespace. Every problem in one request is reported together, each naming its field.
"""
from __future__ import annotations

import re
import uuid
from functools import lru_cache
from urllib.parse import urlsplit

from crmkit.errors import FieldProblem, InvalidInput
from crmkit.text import email_key
from email_validator import EmailNotValidError, validate_email

from crm_leads.domain.commands import LeadData

NAME_MAX = 200
MESSAGE_MAX = 20_000  # the real feed has a message close to this
MAX_LENGTHS: dict[str, int] = {
    "first_name": NAME_MAX, "last_name": NAME_MAX, "company": NAME_MAX, "title": NAME_MAX,
    "current_vendor": NAME_MAX, "email": 254, "phone": 50, "state": 100, "country": 100,
    "linkedin_url": 500, "role": 100, "message": MESSAGE_MAX,
}
MAX_LOCATIONS = 1_000_000
LANDING_PAGE_MAX = 200
SLUG_MAX = 100
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

ROLES = ("IT", "Executive Management", "Marketing")
_ROLE_BY_KEY = {role.lower(): role for role in ROLES}


def canonical_key(value: str) -> str:
    """Case, underscores, hyphens and repeated spaces do not matter in enumerated values."""
    return " ".join(value.replace("_", " ").replace("-", " ").lower().split())


def normalise_email(email: str | None) -> str | None:
    """The identity of a person for de-duplication (LEAD-8): NFKC, lowercase, trimmed; None when absent."""
    key = email_key(email or "")
    return key or None


def clean_text(field: str, value: str, limit: int, problems: list[FieldProblem]) -> str:
    """Trim; refuse text over `limit` characters or containing NUL (which no database stores)."""
    value = value.strip()
    if len(value) > limit:
        problems.append(FieldProblem(field, f"at most {limit} characters"))
    if "\x00" in value:
        problems.append(FieldProblem(field, "must not contain NUL characters"))
    return value


def clean_lead_data(data: LeadData) -> LeadData:
    """Validate and canonicalise every given field; raise InvalidInput naming each field at fault."""
    problems: list[FieldProblem] = []
    cleaned: dict[str, object] = {}
    for name, value in data.given().items():
        if isinstance(value, str):
            value = clean_text(name, value, MAX_LENGTHS[name], problems)
        cleaned[name] = value
    if cleaned.get("email"):
        _check_email(str(cleaned["email"]), problems)
    if cleaned.get("linkedin_url"):
        _check_url(str(cleaned["linkedin_url"]), problems)
    for name in ("state", "country"):
        if name in cleaned:
            cleaned[name] = str(cleaned[name]).upper()
    if cleaned.get("role"):
        role = _ROLE_BY_KEY.get(canonical_key(str(cleaned["role"])))
        if role is None:
            problems.append(FieldProblem("role", f"must be one of: {', '.join(ROLES)}"))
        cleaned["role"] = role or cleaned["role"]
    if data.number_of_locations is not None and not 0 <= data.number_of_locations <= MAX_LOCATIONS:
        problems.append(FieldProblem("number_of_locations", f"must be between 0 and {MAX_LOCATIONS}"))
    if problems:
        raise InvalidInput("the lead data is not valid", problems=problems)
    return LeadData(**cleaned)  # type: ignore[arg-type]  # the fields not given stay None


def clean_slug(value: str) -> str:
    """A web form's slug: lowercase letters, digits and single hyphens."""
    slug = value.strip()
    if not slug or len(slug) > SLUG_MAX or not _SLUG.match(slug):
        raise InvalidInput(f"a slug is 1 to {SLUG_MAX} lowercase letters, digits and single hyphens", field="slug")
    return slug


def clean_one(field: str, value: str, limit: int, *, required: bool = False) -> str:
    """One free-text value outside the lead data, cleaned like it."""
    problems: list[FieldProblem] = []
    value = clean_text(field, value, limit, problems)
    if required and not value:
        problems.append(FieldProblem(field, "is required"))
    if problems:
        raise InvalidInput(problems[0].message, problems=problems)
    return value


def clean_optional_uuid(field: str, value: str) -> str:
    """An id of another service's record: empty, or a UUID (stored in canonical form)."""
    value = value.strip()
    if not value:
        return ""
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise InvalidInput("must be a UUID", field=field) from None


# RFC 5322 dot-atom of plain ASCII: the local part of nearly every real address (email_validator's own rule).
_ATEXT = r"a-zA-Z0-9_!#$%&'*+\-/=?^`{|}~"
_SIMPLE_LOCAL = re.compile(f"[{_ATEXT}]+(?:\\.[{_ATEXT}]+)*\\Z")
_EMAIL_MAX = 254


def _check_email(email: str, problems: list[FieldProblem]) -> None:
    """Syntax only: whether the mailbox exists is not ours to decide at submission time."""
    problem = email_problem(email)
    if problem:
        problems.append(FieldProblem("email", f"not a valid email address: {problem}"))


def email_problem(email: str) -> str | None:
    """What email_validator finds wrong with `email` (None: valid). Checking the domain is most of its
    cost, so a plain ASCII address (dot-atom local part, no IDNA label that normalisation could lengthen,
    within the length limit) has only its domain checked, once per domain: for such an address that is
    the very same verdict and message."""
    local, at, domain = email.partition("@")
    if (at and email.isascii() and len(email) <= _EMAIL_MAX and "@" not in domain and "xn--" not in domain.lower()
            and _SIMPLE_LOCAL.match(local)):
        return _domain_problem(domain)
    return _full_problem(email)


@lru_cache(maxsize=4096)
def _domain_problem(domain: str) -> str | None:
    return _full_problem("a@" + domain)


def _full_problem(email: str) -> str | None:
    try:
        validate_email(email, check_deliverability=False)
    except EmailNotValidError as exc:
        return str(exc)
    return None


def _check_url(url: str, problems: list[FieldProblem]) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        problems.append(FieldProblem("linkedin_url", "must be an http(s) URL"))
