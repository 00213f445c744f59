"""Who may see and do what in the accounts service: its one access and field policy.

Record visibility (SEC-3..5, DESIGN.md section 2) is the kit's one rule, crmkit.account_access.rule
(every service holding account-scoped records applies the same); AccountRepository.readable() runs
its SQL (crmkit.account_access.sql) over this service's tables.

Creating: an SDR creates prospect companies only (no customer, vendor or competitor, no location,
no key account) and never owns them: the owner defaults to the territory's AE (LEAD-6).

Contacts follow their account (readable and writable when the account is, in full), with one
exception: an SDR adds a contact to any account they see, directory views included, because
converting a lead may add the person to an existing company (LEAD-5); they still read neither the
account in full nor its contacts. Kiosks are
read in full by whoever sees their location account in full and by support (csr, cs_manager) and
the kiosk_fleet client; only csr, cs_manager and admin write them (SEC-6).

The ERP's figures on an account (sales orders, finance: ACC-3, ACC-4) are read by whoever sees the
account in full (so never by the directory-only roles) and written by admin and the erp client.

The ERP's keys on accounts, the customer accounting ID and the ship-to ID of a location (SEC-1), are
written by admin and the erp client only. So are the ERP's batch imports of companies, ship-to
locations and kiosks (INT-2, INT-3; ACC-5's "imported", beside support's hand entry of SEC-6), and
the directory matching that trade-show and legacy imports ask for (which reads every account and
contact, so it belongs to the same importers), and the legacy contact manager's contacts, email
history and notes (MIG-1, MIG-2).

Activities (GEN-1) go with their account: whoever sees the account in full reads its timeline and
its contacts' (a directory-only viewer is refused, as for orders); whoever may edit the account logs
activities on it.
"""
from __future__ import annotations

from crmkit.account_access.rule import Scope, scope
from crmkit.principal import Principal

from crm_accounts.domain.commands import AccountData
from crm_accounts.domain.errors import AccessDenied
from crm_accounts.domain.model import Account

ADMIN = "admin"
ACCOUNT_CREATORS = frozenset({"admin", "vp_sales", "rsm", "ae", "se", "key_account_rep", "sdr", "erp"})
ACCOUNTING_ID_WRITERS = frozenset({"admin", "erp"})
OWNER_CHANGERS = frozenset({"admin", "vp_sales", "rsm"})
KIOSK_WRITERS = frozenset({"admin", "csr", "cs_manager"})
KIOSK_READERS = frozenset({"csr", "cs_manager", "kiosk_fleet"})
REASSIGNERS = frozenset({"admin"})
ERP_FIGURE_WRITERS = frozenset({"admin", "erp"})
ERP_IMPORTERS = frozenset({"admin", "erp"})
LEGACY_IMPORTERS = frozenset({"admin", "erp"})  # the integration service acts for these two only
PROSPECT_CREATORS = frozenset({"sdr"})  # LEAD-6: prospect companies only
CONTACT_ADDERS_ANYWHERE = frozenset({"sdr"})  # LEAD-5: any account they see, directory views included
# What a directory-only view shows; every other field is left out of the response.
DIRECTORY_FIELDS = ("id", "name", "type", "subtype", "status", "territory", "owner_id", "parent_id")


def reads_every_kiosk(principal: Principal) -> bool:
    return scope(principal) is Scope.ALL or principal.role in KIOSK_READERS


def ensure_can_create_accounts(principal: Principal) -> None:
    if principal.role not in ACCOUNT_CREATORS:
        raise AccessDenied(f"the role {principal.role!r} cannot create accounts")


def ensure_can_create_kind(principal: Principal, data: AccountData) -> None:
    """LEAD-6: an SDR creates a prospect company (a root, not a key account), nothing else.
    `data` is cleaned (type and subtype canonical)."""
    if principal.role not in PROSPECT_CREATORS:
        return
    refused = [name for name, allowed in (("type", data.type == "prospect"), ("subtype", not data.subtype),
                                          ("parent_id", not data.parent_id), ("key_account", not data.key_account))
               if not allowed]
    if refused:
        raise AccessDenied(f"the role {principal.role!r} creates prospect companies only", *refused)


def adds_contacts_to_any_visible_account(principal: Principal) -> bool:
    """LEAD-5: whether seeing an account (its directory view suffices) lets the caller add a contact to it."""
    return principal.role in CONTACT_ADDERS_ANYWHERE


def ensure_can_set_accounting_id(principal: Principal) -> None:
    """SEC-1: the customer accounting ID is the ERP's; only admins and the ERP client write it."""
    if principal.role not in ACCOUNTING_ID_WRITERS:
        raise AccessDenied("the customer accounting ID is read-only for this role", "customer_accounting_id")


def ensure_can_set_ship_to_id(principal: Principal) -> None:
    """SEC-1 likewise: a location's ERP ship-to ID is the ERP's; only admins and the ERP client write it."""
    if principal.role not in ACCOUNTING_ID_WRITERS:
        raise AccessDenied("the ERP ship-to ID is read-only for this role", "erp_ship_to_id")


def ensure_can_change_owner(principal: Principal) -> None:
    if principal.role not in OWNER_CHANGERS:
        raise AccessDenied("only admin, vp_sales and rsm choose an account's owner", "owner_id")


def ensure_can_write_kiosks(principal: Principal, fields: tuple[str, ...]) -> None:
    """SEC-6: kiosk fields are read-only for every sales role (and everyone but support and admin)."""
    if principal.role not in KIOSK_WRITERS:
        raise AccessDenied(f"kiosk fields are read-only for the role {principal.role!r}", "kiosk", *fields)


def ensure_can_share(principal: Principal, account: Account) -> None:
    """SEC-5: the account's owner or an admin shares it and revokes shares."""
    if principal.role != ADMIN and principal.user_id != account.owner_id:
        raise AccessDenied("only the account's owner or an admin can share it", "account_id")


def ensure_can_reassign(principal: Principal) -> None:
    if principal.role not in REASSIGNERS:
        raise AccessDenied("only an admin reassigns a user's accounts in bulk")


def ensure_can_write_erp_figures(principal: Principal) -> None:
    """ACC-3, ACC-4: orders and finance come from the ERP (its client, or an admin's import)."""
    if principal.role not in ERP_FIGURE_WRITERS:
        raise AccessDenied(f"the role {principal.role!r} cannot record ERP sales orders or finance")


def ensure_can_import_erp_records(principal: Principal, kind: str) -> None:
    """INT-2, INT-3: companies, locations and kiosks arrive from the ERP (its client, or an admin's import)."""
    if principal.role not in ERP_IMPORTERS:
        raise AccessDenied(f"the role {principal.role!r} cannot import ERP {kind}")


def ensure_can_match_directory(principal: Principal) -> None:
    """Matching emails and company names against every contact and account is for the importers."""
    if principal.role not in ERP_IMPORTERS:
        raise AccessDenied(f"the role {principal.role!r} cannot match records against the directory")


def ensure_can_import_legacy(principal: Principal, kind: str) -> None:
    """MIG-1, MIG-2: the legacy contact manager's records arrive through an import (an admin's, or the ERP client's)."""
    if principal.role not in LEGACY_IMPORTERS:
        raise AccessDenied(f"the role {principal.role!r} cannot import legacy {kind}")


def ensure_sees_activities(full: bool, field: str) -> None:
    """GEN-1: the timeline goes with the account's full view; a directory-only viewer knows the account
    exists, so the refusal is Forbidden, not NotFound."""
    if not full:
        raise AccessDenied("activities are shown only to those who see the account in full", field)


def ensure_sees_erp_figures(full: bool) -> None:
    """Orders and finance go with the account's full view; a directory-only viewer knows the account
    exists, so the refusal is Forbidden, not NotFound."""
    if not full:
        raise AccessDenied("orders and finance are shown only to those who see the account in full", "account_id")
