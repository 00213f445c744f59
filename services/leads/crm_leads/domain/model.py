"""Leads and landing-page web forms (LEAD-1, LEAD-4, LEAD-6, LEAD-8), with the lead's status life cycle."""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from crmkit.domain import Aggregate
from crmkit.errors import InvalidInput
from crmkit.fields import canonical

from crm_leads.domain.commands import LeadData
from crm_leads.domain.errors import ReasonRequired, TransitionRefused
from crm_leads.domain.events import Event, LeadAssigned, LeadConverted, LeadCreated, LeadStatusChanged, LeadUpdated
from crm_leads.domain.rating import RatingRules
from crm_leads.domain.validation import normalise_email

SOURCES = ("website", "trade show", "webinar", "referral")
WEBSITE = "website"

NEW, WORKING, QUALIFIED, UNQUALIFIED, CUSTOMER = "New", "Working", "Qualified", "Unqualified", "Customer"
STATUSES = (NEW, WORKING, QUALIFIED, UNQUALIFIED, CUSTOMER)
# Customer is reached only by converting a qualified lead (LEAD-6), never by an update, and is final.
TRANSITIONS: dict[str, frozenset[str]] = {
    NEW: frozenset({WORKING, QUALIFIED, UNQUALIFIED}),
    WORKING: frozenset({QUALIFIED, UNQUALIFIED, NEW}),
    QUALIFIED: frozenset({WORKING, UNQUALIFIED}),
    UNQUALIFIED: frozenset({WORKING, NEW}),
    CUSTOMER: frozenset(),
}
UNQUALIFIED_REASONS = ("too small", "bad geography", "bad information", "competitor")


def canonical_source(value: str) -> str:
    return canonical(value, SOURCES, "source")


def canonical_status(value: str) -> str:
    return canonical(value, STATUSES, "status")


def canonical_reason(value: str) -> str:
    return canonical(value, UNQUALIFIED_REASONS, "unqualified_reason")


def person_key(first_name: str, last_name: str, company: str) -> str:
    """Name and company with case and spacing ignored: who a lead without email is."""
    return "|".join(" ".join(value.lower().split()) for value in (first_name, last_name, company))


@dataclass
class Lead(Aggregate):
    created_event, updated_event = LeadCreated, LeadUpdated

    id: str
    created_at: datetime
    updated_at: datetime
    source: str
    landing_page: str = ""
    first_name: str = ""
    last_name: str = ""
    company: str = ""
    email: str = ""
    phone: str = ""
    state: str = ""
    country: str = ""
    number_of_locations: int | None = None
    using_kiosks: bool | None = None
    current_vendor: str = ""
    linkedin_url: str = ""
    role: str = ""
    message: str = ""
    title: str = ""
    status: str = NEW
    unqualified_reason: str = ""
    current_vendor_account_id: str = ""
    rating: str = "C"
    owner_id: str = ""
    assigned_at: datetime | None = None
    version: int = 1
    submission_count: int = 1
    converted_account_id: str = ""
    converted_contact_id: str = ""
    converted_account_owner_id: str = ""  # the account's owner when the lead was converted
    converted_at: datetime | None = None
    campaign: str = ""  # imported leads (LEAD-2): where they came from, e.g. "NRF 2026"
    matched_account_id: str = ""  # LEAD-5: the existing account the importer matched the company to
    events: list[Event] = field(default_factory=list, compare=False, repr=False)

    @classmethod
    def create(cls, *, data: LeadData, source: str, landing_page: str, rules: RatingRules, now: datetime,
               campaign: str = "", matched_account_id: str = "") -> Lead:
        """A new lead from cleaned data; records LeadCreated."""
        lead = cls(id=str(uuid.uuid4()), created_at=now, updated_at=now, source=source, landing_page=landing_page,
                   campaign=campaign, matched_account_id=matched_account_id)
        lead.events.append(LeadCreated(lead.id))
        lead._write(data.given(), rules)
        return lead

    @property
    def email_key(self) -> str | None:
        return normalise_email(self.email)

    @property
    def person_key(self) -> str | None:
        """Who a lead without email is: name and company, case and spacing ignored."""
        return None if self.email_key else person_key(self.first_name, self.last_name, self.company)

    def absorb_submission(self, data: LeadData, *, rules: RatingRules, now: datetime) -> None:
        """The same person arrived again (LEAD-8): non-empty fields overwrite, empty ones never erase."""
        changed = self._write({k: v for k, v in data.given().items() if v != ""}, rules)
        self.submission_count += 1
        self._touch([*changed, "submission_count"], now)

    def absorb_import(self, data: LeadData, *, campaign: str, matched_account_id: str, rules: RatingRules,
                      now: datetime) -> bool:
        """An import brings a known person again (LEAD-2, LEAD-8): the non-empty fields it gives overwrite,
        nothing is erased and nothing counted, so importing the same row twice changes nothing the second
        time. Answers whether anything changed (then the version steps once and LeadUpdated is recorded)."""
        values = {k: v for k, v in data.given().items() if v != ""}
        values.update((k, v) for k, v in (("campaign", campaign), ("matched_account_id", matched_account_id)) if v)
        changed = self._write(values, rules)
        self._touch(changed, now)
        return bool(changed)

    def edit(self, data: LeadData, *, rules: RatingRules, now: datetime) -> None:
        """A user's edit: every given field is set, an empty string clears it."""
        self._touch(self._write(data.given(), rules), now)

    def link_vendor_account(self, account_id: str, *, now: datetime) -> None:
        if account_id != self.current_vendor_account_id:
            self.current_vendor_account_id = account_id
            self._touch(["current_vendor_account_id"], now)

    def assign(self, owner_id: str, *, rule: str, now: datetime) -> None:
        """Give the lead to `owner_id` (empty: unassign); records LeadAssigned."""
        if owner_id == self.owner_id:
            return
        previous, self.owner_id = self.owner_id, owner_id
        self.assigned_at = now if owner_id else None
        self.events.append(LeadAssigned(self.id, owner_id, previous, rule))
        self._touch(["owner_id", "assigned_at"], now)

    def change_status(self, status: str | None, reason: str | None, *, now: datetime) -> None:
        """Move through the life cycle (None: keep). Unqualified needs a reason; other statuses have none."""
        target = canonical_status(status) if status is not None else self.status
        given_reason = canonical_reason(reason) if reason else reason  # None: not given; "": given empty
        if target == CUSTOMER and self.status != CUSTOMER:
            raise TransitionRefused(self.status, target, "a lead becomes a Customer only by conversion")
        if target != self.status and target not in TRANSITIONS[self.status]:
            raise TransitionRefused(self.status, target)
        if target == UNQUALIFIED:
            new_reason = self.unqualified_reason if given_reason is None else given_reason
            if not new_reason:
                raise ReasonRequired()
        elif given_reason:
            raise InvalidInput("only an Unqualified lead has an unqualified reason", field="unqualified_reason")
        else:
            new_reason = ""
        changed = [name for name, old, new in (("status", self.status, target),
                                               ("unqualified_reason", self.unqualified_reason, new_reason))
                   if old != new]
        if "status" in changed:
            self.events.append(LeadStatusChanged(self.id, self.status, target, new_reason))
        self.status, self.unqualified_reason = target, new_reason
        self._touch(changed, now)

    @property
    def is_converted(self) -> bool:
        return self.status == CUSTOMER

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)

    def ensure_convertible(self) -> None:
        """LEAD-6: only a Qualified lead converts."""
        if self.status != QUALIFIED:
            raise TransitionRefused(self.status, CUSTOMER, f"only a Qualified lead converts; this one is {self.status}")

    def convert(self, *, account_id: str, contact_id: str, account_owner_id: str, account_name: str,
                existing_account: bool, converted_by: str, now: datetime) -> None:
        """Become a Customer linked to its account and contact; records the status change and LeadConverted."""
        self.ensure_convertible()
        self.events.append(LeadStatusChanged(self.id, self.status, CUSTOMER, ""))
        self.events.append(LeadConverted(self.id, account_id, contact_id, account_owner_id, account_name,
                                         self.full_name, converted_by, existing_account))
        self.status = CUSTOMER
        self.converted_account_id, self.converted_contact_id = account_id, contact_id
        self.converted_account_owner_id, self.converted_at = account_owner_id, now
        self._touch(["status", "converted_account_id", "converted_contact_id", "converted_account_owner_id",
                     "converted_at"], now)

    def _write(self, values: dict[str, object], rules: RatingRules) -> list[str]:
        """Set the given data fields and recompute the rating; answers the names that changed."""
        changed = [name for name, value in values.items() if getattr(self, name) != value]
        for name in changed:
            setattr(self, name, values[name])
        rating = rules.rate(self)
        if rating != self.rating:
            self.rating = rating
            changed.append("rating")
        return changed

    def _new_update(self) -> LeadUpdated:
        return LeadUpdated(self.id)


@dataclass
class WebForm:
    """A landing page's form (LEAD-1): submissions to an active form create or update leads."""

    id: str
    slug: str
    landing_page_name: str
    active: bool
    created_at: datetime
    updated_at: datetime
    version: int = 1

    def change(self, *, landing_page_name: str | None, active: bool | None, now: datetime) -> bool:
        """Apply the given changes; answers whether anything changed (and bumps the version if so)."""
        new_name = self.landing_page_name if landing_page_name is None else landing_page_name
        new_active = self.active if active is None else active
        if (new_name, new_active) == (self.landing_page_name, self.active):
            return False
        self.landing_page_name, self.active = new_name, new_active
        self.updated_at, self.version = now, self.version + 1
        return True
