"""What happened to an opportunity, recorded by the domain and published by the unit of work on commit."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class OpportunityCreated:
    opportunity_id: str


@dataclass
class OpportunityUpdated:
    """One per transaction: the fields that changed accumulate in `changed_fields`."""

    opportunity_id: str = ""
    changed_fields: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Change:
    """S1: one tracked field's change, a history row and an event: from -> to, when, by whom, and why
    when an explicit action made it (reopen, sdr_correction, reassignment)."""

    opportunity_id: str
    field: str
    from_value: str
    to_value: str
    at: datetime
    by: str
    reason: str = ""
