"""What callers ask the leads service to do, independent of the transport that carried it."""
from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime


@dataclass(frozen=True)
class LeadData:
    """The data a person gives about themselves. None means "not given"; "" means "given empty"."""

    first_name: str | None = None
    last_name: str | None = None
    company: str | None = None
    email: str | None = None
    phone: str | None = None
    state: str | None = None
    country: str | None = None
    number_of_locations: int | None = None
    using_kiosks: bool | None = None
    current_vendor: str | None = None
    linkedin_url: str | None = None
    role: str | None = None
    message: str | None = None
    title: str | None = None

    def given(self) -> dict[str, object]:
        """The fields the caller set, by name."""
        values = self.__dict__
        return {name: values[name] for name in DATA_FIELDS if values[name] is not None}


DATA_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(LeadData))


@dataclass(frozen=True)
class SubmitWebForm:
    slug: str
    data: LeadData


@dataclass(frozen=True)
class CreateLead:
    data: LeadData
    source: str
    landing_page: str = ""
    owner_id: str = ""


@dataclass(frozen=True)
class UpdateLead:
    lead_id: str
    data: LeadData
    status: str | None = None
    unqualified_reason: str | None = None
    owner_id: str | None = None
    current_vendor_account_id: str | None = None
    expected_version: int = 0


@dataclass(frozen=True)
class ConvertLead:
    """LEAD-5, LEAD-6: make the lead a contact of a new account (named `account_name`, default the
    lead's company) or of `existing_account_id`."""

    lead_id: str
    existing_account_id: str = ""
    account_name: str = ""


@dataclass(frozen=True)
class ImportedLead:
    """LEAD-2: one row of an import (a trade show's badge scans), as the importer resolved it: the person
    is already a contact (`existing_contact_id`), or their company an existing account (LEAD-5)."""

    data: LeadData
    source: str = ""
    campaign: str = ""
    existing_contact_id: str = ""
    matched_account_id: str = ""
    key: str = ""  # the importer's row key, echoed in the row's outcome


@dataclass(frozen=True)
class ImportLeads:
    leads: tuple[ImportedLead, ...]


@dataclass(frozen=True)
class CreateWebForm:
    slug: str
    landing_page_name: str


@dataclass(frozen=True)
class UpdateWebForm:
    slug: str
    landing_page_name: str | None = None
    active: bool | None = None
    expected_version: int = 0


@dataclass(frozen=True)
class ListLeads:
    statuses: tuple[str, ...] = ()
    owner_ids: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    landing_pages: tuple[str, ...] = ()
    ratings: tuple[str, ...] = ()
    created_from: datetime | None = None
    created_to: datetime | None = None
    text: str = ""
    sort: str = ""
    page_size: int = 0
    cursor: str = ""
