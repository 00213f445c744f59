"""Who may do what with the catalogue and quotes (issue 10, GEN-10, SEC-2).

Sales roles read products and price lists; only an admin writes them (REQUIREMENTS names no
sales-ops role). Quotes follow the opportunity's account: read by whoever may read it, changed by
whoever may edit it, except SDRs, who change nothing in sales (SEC-2, LEAD-7)."""
from __future__ import annotations

from crmkit.errors import Forbidden
from crmkit.principal import Principal

SALES_ROLES = ("admin", "vp_sales", "rsm", "ae", "se", "key_account_rep", "sdr")
CATALOG_WRITERS = ("admin",)
QUOTE_WRITERS = ("admin", "vp_sales", "rsm", "ae", "se", "key_account_rep")


def require(principal: Principal, roles: tuple[str, ...], action: str) -> None:
    if not principal.has_role(*roles):
        raise Forbidden(f"the {principal.role} role may not {action}")
