"""The account-visibility rule (SEC-3..5, DESIGN.md section 2), pure.

Whatever the role, a user sees in full the accounts they own and the accounts shared with them
(SEC-5). Beyond that, by role (`scope`):

    ALL        admin, vp_sales, the erp client: every account in full
    TERRITORY  ae: accounts whose territory is one of principal.territories;
               se: the same rule, principal.territories being their sales region's territories
    TEAM       rsm: what their AEs see: the AEs are the active users with role ae among
               principal.subordinates in the users replica; the RSM sees accounts in those AEs'
               territories, owned by them, or shared with them
    OWN        key_account_rep: only the own/shared rule above
    DIRECTORY  sdr, marketing, vp_marketing, csr, cs_manager: the directory fields of every account
    NONE       anything else (other API clients): only the own/shared rule (in practice nothing)

The owner of an account also sees the directory fields of its direct parent (an AE who owns a
child location sees the company above it); an RSM gets the same for the accounts of their AEs.
Editing needs the same full visibility, except that a read share does not let one edit (an edit
share does). A record the caller may not see answers NotFound, never Forbidden.
"""
from __future__ import annotations

from enum import Enum

from crmkit.principal import Principal


class Scope(Enum):
    ALL = "all"
    TERRITORY = "territory"
    TEAM = "team"
    OWN = "own"
    DIRECTORY = "directory"
    NONE = "none"


SCOPES: dict[str, Scope] = {
    "admin": Scope.ALL, "vp_sales": Scope.ALL, "erp": Scope.ALL,
    "ae": Scope.TERRITORY, "se": Scope.TERRITORY,
    "rsm": Scope.TEAM,
    "key_account_rep": Scope.OWN,
    **{role: Scope.DIRECTORY for role in ("sdr", "marketing", "vp_marketing", "csr", "cs_manager")},
}
TEAM_ROLE = "ae"  # an RSM's team: their active subordinates of this role
READ_SHARES = ("read", "edit")  # shares that let one read an account in full
EDIT_SHARES = ("edit",)  # shares that let one change it


def scope(principal: Principal) -> Scope:
    return SCOPES.get(principal.role, Scope.NONE)
