"""The legacy contact manager's exports (MIG-1, MIG-2): contacts, email history and notes.

Broken email addresses (MIG-1; about 5% of the export, such as "hiroshi@"): a broken address is
dropped with a warning naming it, and never fails the row. The domain part is lost, so no admin
can repair the address from the failed-row export; failing the row would only keep a real contact
(name, company, phones) out of the CRM. Phones that are no phone numbers are dropped the same way.
Besides a missing RecordID or an unreadable Status or AnnualRevenue, a contact fails only when
nothing identifies the person: no usable name, no valid address and no phone (the dropped values
are then named as problems). The first valid address is the primary; a blank Status is active.

History (MIG-2): emails and notes dated before 2012-01-01 are skipped, not failed, whatever else
is wrong with them: they would never be migrated, so there is nothing for anyone to fix. Dates are
naive, as the legacy system wrote them (it stored no time zone).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from crmkit.fields import company_key as company_key_of

from crm_integration.domain.feeds.cells import BODY_MAX, DROPPED, ID_MAX, SHORT_MAX, RowCells
from crm_integration.domain.feeds.model import Column, Feed
from crm_integration.domain.feeds.names import has_letter, split_full_name
from crm_integration.domain.feeds.values import (
    Phone,
    canonical_postal_code,
    canonical_state,
    country_of_postal_code,
    parse_amount,
    parse_datetime,
    parse_email,
    parse_email_list,
    parse_extension,
    parse_phone,
    shown,
)

HISTORY_START = datetime(2012, 1, 1)  # MIG-2
EMAIL, NOTE = "email", "note"
INBOUND, OUTBOUND = "inbound", "outbound"
_DIRECTIONS = {"IN": INBOUND, "INBOUND": INBOUND, "OUT": OUTBOUND, "OUTBOUND": OUTBOUND}
_STATUSES = {"ACTIVE": "active", "INACTIVE": "inactive"}
_LOST = re.compile(r"\w\?|\?\w")  # a '?' inside a word, not a question
_LOST_CHARACTER = "'?' where the legacy system lost a character it could not store; check the spelling"


@dataclass(frozen=True)
class LegacyContactRecord:
    """A row of the legacy contacts export, every column of it (MIG-1)."""

    legacy_id: str
    company: str
    full_name: str  # the ContactName as written
    first_name: str
    last_name: str
    title: str
    role: str  # as written: the legacy list (IT, Operations, Purchasing, ...) is wider than the CRM's
    phones: tuple[Phone, ...]  # Phone + Ext ("work"), then Mobile ("mobile")
    emails: tuple[str, ...]  # valid addresses only, the primary first
    street: str
    city: str
    state: str  # upper case
    postal_code: str
    country: str  # from the postal code's shape (US ZIP, Canadian code); "" when it does not tell
    status: str  # "active" or "inactive" (blank: active)
    annual_revenue: Decimal | None
    last_result: str  # kept for reference only (MIG-1)

    @property
    def company_key(self) -> str:
        """crmkit.fields.company_key(company): matches the ERP customer of the same company."""
        return company_key_of(self.company)


@dataclass(frozen=True)
class ActivityRecord:
    """An email of the legacy history, or a note, on the contact `contact_legacy_id` (MIG-2).

    The legacy system gave history rows no id; `fingerprint` is a digest of every value, so that
    a re-run of the same file recognises what it already migrated.
    """

    kind: str  # "email" or "note"
    contact_legacy_id: str
    occurred_at: datetime
    subject: str
    body: str
    direction: str = ""  # emails: "inbound" or "outbound"
    from_address: str = ""
    to_address: str = ""
    author: str = ""  # notes: the legacy user name
    fingerprint: str = ""


def parse_contact(row: RowCells) -> LegacyContactRecord | None:
    legacy_id = row.text("RecordID", required=True, limit=ID_MAX)
    full_name = row.text("ContactName")
    company = row.text("Company")
    for column, value in (("ContactName", full_name), ("Company", company)):
        if _LOST.search(value):
            row.warn(column, _LOST_CHARACTER)
    first_name, last_name = split_full_name(full_name) if has_letter(full_name) else ("", "")
    if full_name and not has_letter(full_name):
        row.warn("ContactName", f"{DROPPED}not a name: {shown(full_name)}")
    emails, broken = parse_email_list(row.raw("Emails"))
    for entry in broken:
        row.warn("Emails", f"{DROPPED}not a valid email address: {shown(entry)}")
    phones = _phones(row)
    if not (first_name or last_name or emails or phones):
        row.fail_row("nothing identifies the person: no usable name, email address or phone",
                     because_of=("ContactName", "Emails", "Phone", "Ext", "Mobile"))
    postal_code = canonical_postal_code(row.text("Zip", limit=20))
    record = LegacyContactRecord(
        legacy_id=legacy_id, company=company, full_name=full_name, first_name=first_name,
        last_name=last_name, title=row.text("Title"), role=row.text("Role", limit=SHORT_MAX), phones=phones,
        emails=emails, street=row.text("Street"), city=row.text("City", limit=SHORT_MAX),
        state=canonical_state(row.text("State", limit=SHORT_MAX)), postal_code=postal_code,
        country=country_of_postal_code(postal_code),
        status=row.value("Status", _status) or "active",
        annual_revenue=row.value("AnnualRevenue", parse_amount),
        last_result=row.text("LastResult"),
    )
    return None if row.failed else record


def _phones(row: RowCells) -> tuple[Phone, ...]:
    phones: list[Phone] = []
    work = row.optional("Phone", parse_phone)
    extension = row.optional("Ext", parse_extension)
    if work:
        phones.append(work._replace(extension=extension or work.extension))
    elif extension:
        row.warn("Ext", f"{DROPPED}an extension without a phone number")
    mobile = row.optional("Mobile", lambda text: parse_phone(text, type="mobile"))
    if mobile:
        phones.append(mobile)
    return tuple(phones)


def _status(text: str) -> str:
    status = _STATUSES.get(text.upper())
    if status is None:
        raise ValueError(f"not a status: {shown(text)} (Active or Inactive)")
    return status


def _history(row: RowCells, when_column: str) -> tuple[str, datetime | None]:
    """The contact's RecordID and the row's time; skips the row when it is older than MIG-2 allows."""
    contact = row.text("RecordID", required=True, limit=ID_MAX)
    occurred_at = row.value(when_column, parse_datetime, required=True)
    if occurred_at is not None and occurred_at < HISTORY_START:
        row.skip(f"dated {occurred_at:%Y-%m-%d}, before {HISTORY_START:%Y-%m-%d}: history is migrated "
                 "back to that day only (MIG-2)")
    return contact, occurred_at


def _fingerprint(*values: object) -> str:
    return hashlib.sha256("\x1f".join(str(v) for v in values).encode()).hexdigest()[:32]


def _address(row: RowCells, column: str) -> str:
    """An address of a history email: canonical when valid, else kept as written with a warning
    (it is a record of what happened, not an address anyone will write to)."""
    text = row.text(column, limit=254)
    if not text:
        return ""
    try:
        return parse_email(text)
    except ValueError as exc:
        row.warn(column, f"kept as written: {exc}")
        return text


def parse_email_history(row: RowCells) -> ActivityRecord | None:
    contact, sent_at = _history(row, "SentAt")
    if row.skipped:
        return None
    direction = row.value("Direction", _direction, required=True) or ""
    from_address, to_address = _address(row, "From"), _address(row, "To")
    subject = row.text("Subject", limit=998)  # RFC 5322's line limit
    body = row.text("Body", multiline=True, limit=BODY_MAX)
    if row.failed or sent_at is None:
        return None
    return ActivityRecord(EMAIL, contact, sent_at, subject, body, direction, from_address, to_address,
                          fingerprint=_fingerprint(EMAIL, contact, sent_at, direction, from_address, to_address,
                                                   subject, body))


def _direction(text: str) -> str:
    direction = _DIRECTIONS.get(text.upper())
    if direction is None:
        raise ValueError(f"not a direction: {shown(text)} (IN or OUT)")
    return direction


def parse_note(row: RowCells) -> ActivityRecord | None:
    contact, created_at = _history(row, "CreatedAt")
    if row.skipped:
        return None
    author = row.text("Author", limit=SHORT_MAX)
    body = row.text("Note", multiline=True, limit=BODY_MAX)
    if not body and not row.failed:
        row.skip("the note is empty: there is nothing to migrate")
    if row.failed or row.skipped or created_at is None:
        return None
    return ActivityRecord(NOTE, contact, created_at, "", body, author=author,
                          fingerprint=_fingerprint(NOTE, contact, created_at, author, body))


CONTACTS = Feed(
    "legacy-contacts",
    tuple(Column(name) for name in ("RecordID", "Company", "ContactName", "Title", "Role", "Phone", "Ext", "Mobile",
                                    "Emails", "Street", "City", "State", "Zip", "Status", "AnnualRevenue",
                                    "LastResult")),
    LegacyContactRecord, parse_contact, key="legacy_id",
    description="Legacy contact manager: contacts (MIG-1)")
EMAIL_HISTORY = Feed(
    "legacy-email-history",
    tuple(Column(name) for name in ("RecordID", "SentAt", "Direction", "From", "To", "Subject", "Body")),
    ActivityRecord, parse_email_history, key="fingerprint",
    description="Legacy contact manager: email history back to 2012-01-01 (MIG-2)")
NOTES = Feed(
    "legacy-notes",
    tuple(Column(name) for name in ("RecordID", "CreatedAt", "Author", "Note")),
    ActivityRecord, parse_note, key="fingerprint",
    description="Legacy contact manager: notes back to 2012-01-01 (MIG-2)")

FEEDS = (CONTACTS, EMAIL_HISTORY, NOTES)
