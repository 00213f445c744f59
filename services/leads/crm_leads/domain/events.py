"""What happened to a lead, recorded by the domain and published by the unit of work on commit."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class LeadCreated:
    lead_id: str


@dataclass(frozen=True)
class LeadAssigned:
    lead_id: str
    owner_id: str
    previous_owner_id: str
    rule: str


@dataclass(frozen=True)
class LeadStatusChanged:
    lead_id: str
    from_status: str
    to_status: str
    unqualified_reason: str


@dataclass
class LeadUpdated:
    """One per transaction: the fields that changed accumulate in `changed_fields`."""

    lead_id: str
    changed_fields: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class LeadConverted:
    """LEAD-5, LEAD-6: the lead became a contact of an account (a new one unless `existing_account`)."""

    lead_id: str
    account_id: str
    contact_id: str
    account_owner_id: str
    account_name: str
    contact_name: str
    converted_by: str
    existing_account: bool


Event = LeadCreated | LeadAssigned | LeadStatusChanged | LeadUpdated | LeadConverted
