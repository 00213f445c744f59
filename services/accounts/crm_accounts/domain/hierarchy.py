"""Rules of the account tree (ACC-1, ACC-2).

Accounts form trees of any depth: a company (subtype "") at the root, offices and kiosk install
locations below it, possibly under each other. A kiosk location is a leaf: it never has children.
An account never sits under itself or under one of its own descendants.

number_of_locations (ACC-2) of an account is the count of its *active* descendants, at any depth,
whose subtype is office or kiosk_location (AccountRepository.location_counts). It is stored on
every account (0 on a leaf; it is meaningful on parents), and recomputed for every ancestor of
the old and new place whenever a child is added, moved, deactivated, reactivated, or changes
subtype, under one tree lock so concurrent changes cannot miscount or close a cycle.
"""
from __future__ import annotations

from collections.abc import Sequence

from crmkit.errors import InvalidInput

from crm_accounts.domain.errors import TreeRefused

COMPANY, OFFICE, KIOSK_LOCATION = "", "office", "kiosk_location"
SUBTYPES = (COMPANY, OFFICE, KIOSK_LOCATION)
LOCATION_SUBTYPES = (OFFICE, KIOSK_LOCATION)


def check_parent(account_id: str, *, parent_id: str, parent_subtype: str, parent_ancestry: Sequence[str]) -> None:
    """May `account_id` sit under `parent_id`? `parent_ancestry` is the parent's chain up to its
    root, the parent itself first."""
    if parent_id == account_id or account_id in parent_ancestry:
        raise TreeRefused("an account cannot sit under itself or one of its own descendants")
    if parent_subtype == KIOSK_LOCATION:
        raise TreeRefused("a kiosk location cannot have child accounts")


def check_subtype(subtype: str, *, has_children: bool) -> None:
    if subtype == KIOSK_LOCATION and has_children:
        raise InvalidInput("an account with child accounts cannot be a kiosk location", field="subtype")
