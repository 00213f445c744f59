"""Cleaning of what people type into a lead: which fields, their limits and canonical forms, through
crmkit.fields (trimmed, no control characters, email normalised, phone a number of the lead's country).

Text is stored as given (markup included: escaping is the job of whoever renders it) apart from
surrounding whitespace. Every problem in one request is reported together, each naming its field.
"""
from __future__ import annotations

import re

from crmkit.errors import FieldProblem, InvalidInput
from crmkit.fields import (
    canonical,
    clean_email,
    clean_linkedin_url,
    clean_phone,
    clean_text,
    email_key,
    raise_if,
    region_of,
)

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


def normalise_email(email: str | None) -> str | None:
    """The identity of a person for de-duplication (LEAD-8): case and surrounding space ignored; None
    when absent."""
    return email_key(email or "") or None


def clean_lead_data(data: LeadData) -> LeadData:
    """Validate and canonicalise every given field; raise InvalidInput naming each field at fault."""
    problems: list[FieldProblem] = []
    cleaned: dict[str, object] = {}
    for name, value in data.given().items():
        if isinstance(value, str):
            value = clean_text(name, value, MAX_LENGTHS[name], problems)
        cleaned[name] = value
    for name in ("state", "country"):
        if name in cleaned:
            cleaned[name] = str(cleaned[name]).upper()
    if cleaned.get("email"):
        cleaned["email"] = clean_email("email", str(cleaned["email"]), problems)
    if cleaned.get("phone"):
        cleaned["phone"] = clean_phone("phone", str(cleaned["phone"]), problems,
                                       region=region_of(str(cleaned.get("country") or "")))
    if cleaned.get("linkedin_url"):
        clean_linkedin_url("linkedin_url", str(cleaned["linkedin_url"]), problems)
    if cleaned.get("role"):
        try:
            cleaned["role"] = canonical(str(cleaned["role"]), ROLES, "role")
        except InvalidInput as exc:
            problems.extend(exc.problems)
    if data.number_of_locations is not None and not 0 <= data.number_of_locations <= MAX_LOCATIONS:
        problems.append(FieldProblem("number_of_locations", f"must be between 0 and {MAX_LOCATIONS}"))
    raise_if(problems, "the lead data is not valid")
    return LeadData(**cleaned)  # type: ignore[arg-type]  # the fields not given stay None


def clean_slug(value: str) -> str:
    """A web form's slug: lowercase letters, digits and single hyphens."""
    slug = value.strip()
    if not slug or len(slug) > SLUG_MAX or not _SLUG.match(slug):
        raise InvalidInput(f"a slug is 1 to {SLUG_MAX} lowercase letters, digits and single hyphens", field="slug")
    return slug

