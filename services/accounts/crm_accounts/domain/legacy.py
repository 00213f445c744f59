"""MIG-1: the legacy contact manager's contacts as they arrive in batches, keyed by its record ID.

A row is cleaned as any contact's data is (validation.clean_contact_data: names, title, valid and
distinct email addresses with the first as the primary, phones with their type and extension, status),
and a bad row fails alone naming its first bad field. Decisions the migration needed:

- Roles. The CRM's contact roles are the values leads carry (CON-1, LEAD-4): IT, Executive Management,
  Marketing. The legacy list is wider (Operations, Purchasing, ...). Widening the CRM's list would
  give contacts roles no lead, rating rule or report knows, so a legacy role that is one of the three
  (case and spacing ignored) is kept, and any other leaves the contact's role "" and becomes its title
  when the legacy title is blank. Nothing is lost: the role as written stays in the contact's legacy
  reference.
- The contact goes on the top-level account whose company key (crmkit.fields.company_key, the key the
  integration service computes) matches the row's, so "ACME KIOSKS INC." finds "Acme Kiosks". Several
  accounts with that key: a customer before a prospect or another type, an active one before an
  inactive one, then the oldest. No match: a prospect company is created, once per company in a batch
  however many rows name it, with the legacy address (the legacy system kept the company's address
  on each contact; the CRM keeps it on the account), its territory and default owner (the territory's
  AE) following its state as for any new account. Its name is the first spelling in the batch that is
  not all capitals ("Silver Pharmacy Corporation" rather than "SILVER PHARMACY CORPORATION"), else
  the first.
- A re-imported row sets every field it carries, the account included (a row naming another company
  moves the contact), as the ERP's location rows do; holiday card and LinkedIn URL, which the legacy
  system did not have, stay as users set them. An identical row changes nothing.
- The address, annual revenue, last result and the company and role as written are kept on the
  contact for reference (LegacyReference): MIG-1 asks for them, and the CRM has no contact field for them.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from crmkit.errors import InvalidInput
from crmkit.fields import canonical, company_key

from crm_accounts.domain.commands import AccountData, ContactData, EmailInput, LegacyReference, PhoneInput
from crm_accounts.domain.erp import amount, clean_text
from crm_accounts.domain.validation import ACTIVE, ROLES, clean_account_text, clean_contact_data

PROSPECT = "prospect"
ADDRESS = ("street", "city", "state", "postal_code", "country")
LEGACY_ID_MAX = 100
LAST_RESULT_MAX = 1000


@dataclass(frozen=True)
class LegacyContact:
    """A cleaned legacy contact row: the contact's data, and the company it names."""

    legacy_id: str
    company: str
    company_key: str
    data: ContactData  # cleaned, with legacy_id and the legacy reference

    @property
    def address(self) -> dict[str, Any]:
        legacy = self.data.legacy
        assert legacy is not None
        return {name: getattr(legacy, name) for name in ADDRESS}

    def new_company(self, owner_id: str) -> AccountData:
        """The prospect company created for a company no account matches (cleaned: Account.create takes it)."""
        return AccountData(name=self.company, type=PROSPECT, subtype="", owner_id=owner_id, **self.address)


def crm_role(role: str) -> str:
    """The CRM's role for a legacy role: one of ROLES, or "" for any other."""
    try:
        return canonical(role, ROLES, "role")
    except InvalidInput:
        return ""


def _text(raw: dict, name: str) -> str:
    return str(raw.get(name) or "")


def _account_text(raw: dict, name: str) -> str:
    try:
        return clean_account_text(name, _text(raw, name))
    except InvalidInput as exc:
        raise InvalidInput(exc.problems[0].message, field=name) from None


def _phone(phone) -> PhoneInput:
    if isinstance(phone, PhoneInput):
        return phone
    if isinstance(phone, dict):
        return PhoneInput(str(phone.get("number") or ""), str(phone.get("type") or ""),
                          str(phone.get("extension") or ""))
    return PhoneInput(phone.number, phone.type, phone.extension)


def clean_legacy_contact(raw: dict) -> LegacyContact:
    """A row of the legacy contacts export; InvalidInput names the first bad field."""
    legacy_id = clean_text(_text(raw, "legacy_id"), "legacy_id", required=True, limit=LEGACY_ID_MAX)
    company = _account_text(raw, "company") if _text(raw, "company").strip() else ""
    if not company:
        raise InvalidInput("is required: a contact goes on its company's account", field="company")
    key = company_key(_text(raw, "company_key").strip() or company)
    if not key:
        raise InvalidInput("names no company (no letter or digit)", field="company")
    address = {name: _account_text(raw, name) for name in ADDRESS}
    revenue = _text(raw, "annual_revenue").strip()
    legacy_role = clean_text(_text(raw, "role"), "role", limit=100)
    reference = LegacyReference(
        company=company, role=legacy_role, **address,
        annual_revenue=str(amount(revenue, "annual_revenue")) if revenue else "",
        last_result=clean_text(_text(raw, "last_result"), "last_result", limit=LAST_RESULT_MAX))
    role = crm_role(legacy_role)
    title = _text(raw, "title").strip() or ("" if role else legacy_role)
    emails = [str(email) for email in raw.get("emails") or () if str(email).strip()]
    data = clean_contact_data(ContactData(
        first_name=_text(raw, "first_name"), last_name=_text(raw, "last_name"), title=title, role=role,
        emails=tuple(EmailInput(email, primary=n == 0) for n, email in enumerate(emails)),
        phones=tuple(_phone(phone) for phone in raw.get("phones") or ()),
        status=_text(raw, "status").strip() or ACTIVE, legacy_id=legacy_id, legacy=reference))
    if not (data.first_name or data.last_name):
        raise InvalidInput("a contact needs a first or last name", field="last_name")
    return LegacyContact(legacy_id=legacy_id, company=company, company_key=key, data=data)


def company_spelling(rows: list[LegacyContact]) -> LegacyContact:
    """The row whose company spelling and address a new prospect company takes: the first not written
    all in capitals, else the first."""
    return next((row for row in rows if row.company != row.company.upper()), rows[0])
