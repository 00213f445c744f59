"""Quotas and who reads forecasts (OPP-3, S5), pure.

Who reads the forecast: the sales roles that own opportunities and their managers (admin, vp_sales,
rsm, ae, se, key_account_rep). SDRs, marketing, support and machine clients are refused (403): a
forecast is the sales line's commitment, not account data. The grid counts the opportunities the
caller may read (their account's visibility, crm_sales.adapters.access); an AE, SE or key account rep
sees only the rows of the opportunities they own, a manager sees every owner's.

Quotas: one per owner per fiscal period (FY2027-Q1, FY2027-M03), an exact decimal in the corporate
currency (so attainment, closed won over quota, compares like with like; a manager's closed won is their
team's: theirs and that of every user below them). Only users of the sales line's roles carry quotas.
An admin or the VP sets anyone's; an RSM sets those of the users below them, never their own (a
manager's manager sets the manager's quota, S5). Everyone else sets none. Reading: admin and VP every
quota, an RSM their own and those below them, anyone else their own.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from crmkit.errors import InvalidInput, PreconditionFailed
from crmkit.principal import Principal

from crm_sales.domain.errors import AccessDenied
from crm_sales.domain.money import canonical_currency, parse_amount

FORECAST_READERS = frozenset({"admin", "vp_sales", "rsm", "ae", "se", "key_account_rep"})
SEES_EVERY_OWNER = frozenset({"admin", "vp_sales", "rsm"})
SETS_ANY_QUOTA = frozenset({"admin", "vp_sales"})
SETS_SUBORDINATES_QUOTAS = frozenset({"rsm"})


@dataclass(frozen=True)
class Quota:
    owner_id: str
    period_key: str
    amount: Decimal
    currency: str
    set_by: str
    set_at: datetime
    version: int = 1


def ensure_reads_forecast(principal: Principal) -> None:
    if principal.role not in FORECAST_READERS:
        raise AccessDenied(f"the role {principal.role!r} reads no forecast")


def own_rows_only(principal: Principal) -> bool:
    """Whether the caller's forecast shows only the opportunities they own (not a manager)."""
    return principal.role not in SEES_EVERY_OWNER


def quota_owners_readable(principal: Principal) -> frozenset[str] | None:
    """The owners whose quotas the caller reads (None: everyone's)."""
    ensure_reads_forecast(principal)
    if principal.role in SETS_ANY_QUOTA:
        return None
    if principal.role in SETS_SUBORDINATES_QUOTAS:
        return frozenset({principal.user_id, *principal.subordinates})
    return frozenset({principal.user_id})


def ensure_carries_quota(role: str) -> None:
    """Quotas are the sales line's: a user of another role carries none."""
    if role not in FORECAST_READERS:
        raise InvalidInput(f"a user of role {role!r} carries no quota (the sales line's roles do)", field="owner_id")


def ensure_can_set_quota(principal: Principal, owner_id: str) -> None:
    if principal.role in SETS_ANY_QUOTA:
        return
    if principal.role in SETS_SUBORDINATES_QUOTAS:
        if owner_id in principal.subordinates:
            return
        raise AccessDenied("an RSM sets the quotas of the users below them only", "owner_id")
    raise AccessDenied(f"the role {principal.role!r} sets no quota")


def new_quota(*, owner_id: str, period_key: str, amount: str, currency: str, corporate_currency: str, by: str,
              now: datetime, current: Quota | None, expected_version: int = 0) -> Quota:
    """The quota `by` sets (replacing `current`, checked against If-Match when `expected_version`)."""
    if not owner_id.strip() or len(owner_id) > 64:
        raise InvalidInput("an owner is a user id", field="owner_id")
    code = canonical_currency(currency or corporate_currency)
    if code != corporate_currency:
        raise InvalidInput(f"quotas are in the corporate currency {corporate_currency}", field="currency")
    if expected_version and expected_version != (current.version if current else 0):
        raise PreconditionFailed(f"the quota is at version {current.version if current else 0}, "
                                 f"not {expected_version}", field="expected_version")
    value = parse_amount(amount, code)
    return Quota(owner_id, period_key, value, code, by, now, current.version + 1 if current else 1)
