"""Who may do what with opportunities (OPP-1, SEC-2, LEAD-7, S4).

Reading: an opportunity is read by whoever sees its account in full (crmkit.account_access); SDRs,
who see every account's directory view, read the opportunities of every account they see (SEC-2:
read-only access to opportunity fields). Changing: the sales roles below, on accounts they may edit;
SDRs and every other role change none (403). The owner is chosen by managers and admins; the SDR
credit comes from the converted lead and only an admin corrects it (audited).
"""
from __future__ import annotations

from crmkit.principal import Principal

from crm_sales.domain.errors import AccessDenied

OPPORTUNITY_WRITERS = frozenset({"admin", "vp_sales", "rsm", "ae", "se", "key_account_rep"})
OWNER_CHANGERS = frozenset({"admin", "vp_sales", "rsm"})
CREDIT_CORRECTORS = frozenset({"admin"})
READERS_OF_EVERY_VISIBLE_ACCOUNT = frozenset({"sdr"})  # SEC-2


def reads_directory_accounts(principal: Principal) -> bool:
    """Whether the caller reads the opportunities of accounts they see only in the directory (SEC-2)."""
    return principal.role in READERS_OF_EVERY_VISIBLE_ACCOUNT


def ensure_can_change_opportunities(principal: Principal) -> None:
    """LEAD-7, SEC-2: SDRs (and every non-sales role) read opportunities at most."""
    if principal.role not in OPPORTUNITY_WRITERS:
        raise AccessDenied(f"the role {principal.role!r} cannot create or change opportunities")


def ensure_can_choose_owner(principal: Principal) -> None:
    if principal.role not in OWNER_CHANGERS:
        raise AccessDenied("only admin, vp_sales and rsm choose an opportunity's owner", "owner_id")


def ensure_can_correct_credit(principal: Principal) -> None:
    """S4: the SDR credit is the converted lead's; only an admin corrects it, and the correction is audited."""
    if principal.role not in CREDIT_CORRECTORS:
        raise AccessDenied("only an admin corrects the SDR credit", "sdr_id")
