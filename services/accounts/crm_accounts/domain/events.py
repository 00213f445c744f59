"""What happened to a record, recorded by the domain and published by the unit of work on commit.

The record that holds the event (an Account, Contact or Kiosk) decides the subject's aggregate:
crm.accounts.<account|contact|kiosk>.<verb>; shares are events of their account.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from crm_accounts.domain.erp import Stored


@dataclass(frozen=True)
class Created:
    pass


@dataclass
class Updated:
    """One per transaction: the fields that changed accumulate in `changed_fields`."""

    changed_fields: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Deactivated:
    pass


@dataclass(frozen=True)
class Reassigned:
    previous_owner_id: str


@dataclass(frozen=True)
class ShareGranted:
    account_id: str
    user_id: str
    access: str
    granted_by: str
    granted_at: datetime


@dataclass(frozen=True)
class ShareRevoked:
    account_id: str
    user_id: str
    revoked_by: str


@dataclass(frozen=True)
class FiguresRecorded:
    """An ERP sales order or finance row was created or changed (crm.accounts.<sales_order|finance>.recorded)."""

    stored: Stored
    created: bool


Event = Created | Updated | Deactivated | Reassigned | ShareGranted | ShareRevoked | FiguresRecorded
