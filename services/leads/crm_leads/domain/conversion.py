"""Lead conversion (LEAD-5, LEAD-6) as pure decisions: what the accounts service is asked to create.

A Qualified lead becomes a prospect company account named after its company (or a name the
converter gives) and a contact carrying the person's names, email, phone, role, title and LinkedIn
URL; or, with an existing account (LEAD-5), only that contact on it. The account and contact ids are
derived from the lead's id (UUID v5), so every attempt at converting one lead, retried or concurrent,
asks for the same records, and the accounts service creates each once.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass

from crmkit.errors import FieldProblem, InvalidInput
from crmkit.fields import DEFAULT_REGION, parse_phone, region_of

from crm_leads.domain.model import Lead

PROSPECT = "prospect"


def conversion_ids(lead_id: str) -> tuple[str, str]:
    """(account id, contact id) of the conversion of the lead `lead_id`: the same on every attempt."""
    namespace = uuid.UUID(lead_id)
    return str(uuid.uuid5(namespace, "account")), str(uuid.uuid5(namespace, "contact"))


@dataclass(frozen=True)
class NewAccount:
    """A prospect company made from a lead; its owner is the territory's AE, chosen by accounts."""

    name: str
    state: str
    country: str
    phone: str


@dataclass(frozen=True)
class NewContact:
    first_name: str
    last_name: str
    email: str
    phone: str
    role: str  # the lead's role values are the contact's (CON-1)
    title: str
    linkedin_url: str


@dataclass(frozen=True)
class AccountRef:
    """What conversion learns of the account: its name and owner go into LeadConverted."""

    id: str
    name: str
    owner_id: str


@dataclass(frozen=True)
class ConversionPlan:
    account_id: str
    contact_id: str
    account: NewAccount | None  # None: the person joins `account_id`, an existing account (LEAD-5)
    contact: NewContact

    @property
    def existing_account(self) -> bool:
        return self.account is None


def plan_conversion(lead: Lead, *, existing_account_id: str, account_name: str) -> ConversionPlan:
    """The records converting `lead` needs; InvalidInput naming each field that prevents it."""
    lead.ensure_convertible()
    problems: list[FieldProblem] = []
    if not (lead.first_name or lead.last_name):
        problems.append(FieldProblem("last_name", "the lead needs a first or last name to become a contact"))
    if existing_account_id and account_name:
        problems.append(FieldProblem("account_name", "give an account name or an existing account, not both"))
    name = account_name or lead.company
    if not existing_account_id and not name:
        problems.append(FieldProblem("account_name", "the lead has no company: give the account a name"))
    try:
        phone = _contact_phone(lead.phone, lead.country) if lead.phone else ""
    except ValueError as exc:  # a lead stored before phones were checked
        problems.append(FieldProblem("phone", f"correct the lead's phone to convert it: {exc}"))
    if problems:
        raise InvalidInput("the lead cannot be converted", problems=problems)
    account_id, contact_id = conversion_ids(lead.id)
    contact = NewContact(first_name=lead.first_name, last_name=lead.last_name, email=lead.email, phone=phone,
                         role=lead.role, title=lead.title, linkedin_url=lead.linkedin_url)
    if existing_account_id:
        return ConversionPlan(account_id=existing_account_id, contact_id=contact_id, account=None, contact=contact)
    return ConversionPlan(account_id=account_id, contact_id=contact_id, contact=contact,
                          account=NewAccount(name=name, state=lead.state, country=lead.country, phone=lead.phone))


def _contact_phone(phone: str, country: str) -> str:
    """The lead's phone as its contact's. Accounts read a contact's phones as numbers of the default
    region unless written with +, so one written nationally in another country goes as E.164."""
    region = region_of(country)
    found = parse_phone(phone, region=region)
    if region == DEFAULT_REGION or phone.lstrip().startswith("+") or not found.e164:
        return phone
    return f"{found.e164} x{found.extension}" if found.extension else found.e164
