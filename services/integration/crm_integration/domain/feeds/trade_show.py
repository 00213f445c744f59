"""Trade-show badge scans (LEAD-2): one row per person scanned at a booth, imported as leads.

The scanner writes the full name in one column; it is split as feeds.names.split_full_name says.
About one scan in ten has no email address. A broken address or phone is dropped with a warning
(as for legacy contacts) and the lead is kept; a row fails only when nothing identifies or reaches
the person: no usable name, no valid email and no phone (the dropped values are then named as
problems too). Only Name, Email and Phone are required in the header: other shows' scanners add
or leave out columns, and a lead is created or updated with what was given (LEAD-8 never blanks
a field on a repeat), so a missing optional column cannot wipe anything.
"""
from __future__ import annotations

from dataclasses import dataclass

from crmkit.fields import company_key as company_key_of
from crmkit.fields import region_of

from crm_integration.domain.feeds.cells import DROPPED, SHORT_MAX, RowCells
from crm_integration.domain.feeds.model import Column, Feed
from crm_integration.domain.feeds.names import has_letter, split_full_name
from crm_integration.domain.feeds.values import canonical_state, parse_country, parse_email, parse_phone, shown

NOTES_MAX = 2_000


@dataclass(frozen=True)
class TradeShowLeadRecord:
    """A badge scan, as a lead (LEAD-2). `email` and `phone` may be empty, not both with the name."""

    first_name: str
    last_name: str
    full_name: str  # the Name as written
    email: str
    company: str
    title: str
    phone: str
    state: str
    country: str
    notes: str

    @property
    def company_key(self) -> str:
        """crmkit.fields.company_key(company): finds an existing account of the same company (LEAD-5)."""
        return company_key_of(self.company)


def parse_lead(row: RowCells) -> TradeShowLeadRecord | None:
    full_name = row.text("Name")
    first_name, last_name = split_full_name(full_name) if has_letter(full_name) else ("", "")
    if full_name and not has_letter(full_name):
        row.warn("Name", f"{DROPPED}not a name: {shown(full_name)}")
    email = row.optional("Email", parse_email) or ""
    country = row.value("Country", parse_country) or ""
    phone = row.optional("Phone", lambda text: parse_phone(text, region=region_of(country)))
    if not (first_name or last_name or email or phone):
        row.fail_row("nothing identifies or reaches the person: no usable name, email address or phone",
                     because_of=("Name", "Email", "Phone"))
    record = TradeShowLeadRecord(
        first_name=first_name, last_name=last_name, full_name=full_name, email=email,
        company=row.text("Company"), title=row.text("Title"), phone=phone.text if phone else "",
        state=canonical_state(row.text("State", limit=SHORT_MAX)),
        country=country,
        notes=row.text("Notes", multiline=True, limit=NOTES_MAX),
    )
    return None if row.failed else record


LEADS = Feed(
    "trade-show-leads",
    (Column("Name"), Column("Email"), Column("Phone"), Column("Company", required=False),
     Column("Title", required=False), Column("State", required=False), Column("Country", required=False),
     Column("Notes", required=False)),
    TradeShowLeadRecord, parse_lead, key="email",
    description="Trade-show badge scans: leads imported in bulk (LEAD-2)")

FEEDS = (LEADS,)
